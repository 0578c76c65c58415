"""Preparing a meeting: the order of business, who presents each part, the checklist.

The committee meets first and shares the parts out; the secretary should not
present everything. The order of business starts from the template for the
meeting's kind (`resources/rules/agenda-v1.json`), with presenters taken from
the current committee by role, and stays editable. A checklist (committee
met, notice sent, documents sent, draft resolution ready) must be complete
before a draft meeting is marked prepared.

Only draft, prepared and held meetings are changed here; adopted minutes are
refused with a plain message (and locked by the session guard as well).
"""

from __future__ import annotations

import calendar
import json
import unicodedata
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from desktop.data.enums import (
    CommitteePostKind,
    GuestRole,
    MeetingKind,
    MeetingState,
    TaskResult,
)
from desktop.data.models import (
    AgendaItem,
    Meeting,
    MeetingGuest,
    Member,
    Resolution,
    ResolutionTask,
    TopicLibraryRecord,
)
from desktop.i18n import N_, _
from desktop.rules import RuleSetError
from desktop.rules.agenda import (
    AgendaTemplates,
    Topic,
    TopicLibrary,
    load_default_agenda,
    load_default_topics,
    parse_topics,
)
from desktop.services.book import Book
from desktop.services.committee import CommitteeService
from desktop.services.validation import ValidationError, Validator

# The checklist, in the order the committee works through it.
CHECKS: dict[str, str] = {
    "committee_met": N_("The committee has met and shared out the parts"),
    "notice_sent": N_("Members and the superior committee member have been notified"),
    "documents_sent": N_("The documents have been sent to members"),
    "draft_ready": N_("The draft resolution is ready"),
}
# Who is invited from the commune, in the order they are offered.
GUEST_ROLES: dict[GuestRole, str] = {
    GuestRole.SUPERIOR_IN_CHARGE: N_("Superior committee member in charge"),
    GuestRole.WORKING_GROUP: N_("Member of the commune's working group"),
    GuestRole.GUEST: N_("Other guest"),
}
GUEST_NAME_LIMIT = 120
GUEST_TITLE_LIMIT = 200
# Tasks of last month's resolution carried into the new draft.
UNFINISHED = frozenset({TaskResult.PENDING, TaskResult.PARTLY, TaskResult.NOT_DONE})
TITLE_LIMIT = 300


@dataclass(frozen=True)
class CheckItem:
    name: str
    label: str
    done: bool


@dataclass(frozen=True)
class Readiness:
    parts_ready: int
    parts_total: int
    presenters_by_member: dict[str, int]  # full name -> parts they present
    secretary_share: float  # 0..1 of all parts presented by the secretary
    checklist_done: int
    checklist_total: int
    missing: list[str]  # what stops the meeting being marked prepared

    @property
    def complete(self) -> bool:
        return not self.missing


@dataclass(frozen=True)
class Invitation:
    """Someone invited to the meeting while it is prepared."""

    id: str
    name: str
    title: str
    role: GuestRole
    invited_on: date | None
    invitation_sent: bool
    attended: bool


def role_label(role: GuestRole | str) -> str:
    return _(GUEST_ROLES.get(GuestRole(role), str(role)))


@dataclass(frozen=True)
class TopicUse:
    topic: Topic
    used_on: list[date]
    presenters: list[str]


def _fail(field: str, message: str) -> ValidationError:
    check = Validator()
    check.add(field, message)
    return ValidationError(check.errors)


def _folded(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text or "").casefold().split())


def _month_end(day: date) -> date:
    return date(day.year, day.month, calendar.monthrange(day.year, day.month)[1])


def _topics_in_book(book: Book) -> TopicLibrary | None:
    with book.reader() as session:
        content = session.scalar(
            select(TopicLibraryRecord.content)
            .order_by(TopicLibraryRecord.installed_at.desc(), TopicLibraryRecord.id.desc())
            .limit(1)
        )
    if content is None:
        return None
    try:
        return parse_topics(json.loads(content))
    except (RuleSetError, ValueError):
        return None


class PreparationService:
    def __init__(
        self,
        book: Book,
        today: date | None = None,
        *,
        templates: AgendaTemplates | None = None,
        topic_library: TopicLibrary | None = None,
    ) -> None:
        self.book = book
        self.today = today or date.today()
        self._templates = templates
        self._topics = topic_library

    @property
    def templates(self) -> AgendaTemplates:
        if self._templates is None:
            self._templates = load_default_agenda()
        return self._templates

    @property
    def topic_library(self) -> TopicLibrary:
        """The newest library the commune handed down, else the shipped one."""
        if self._topics is None:
            self._topics = _topics_in_book(self.book) or load_default_topics()
        return self._topics

    # --- the order of business ------------------------------------------------

    def start(self, meeting_id: str) -> list[str]:
        """Give the meeting the order of business for its kind, presenters
        defaulted from the current committee. A meeting that already has an
        agenda keeps it. Returns the agenda item ids in order."""
        committee = CommitteeService(self.book, self.today).current()
        with self.book.session() as session:
            meeting = _editable(session, meeting_id)
            if meeting.agenda_items:
                return [item.id for item in meeting.agenda_items]
            presenters = _Presenters(committee, meeting.minute_taker_id)
            for position, template in enumerate(self.templates.for_kind(meeting.kind), start=1):
                meeting.agenda_items.append(
                    AgendaItem(
                        position=position,
                        title=template.title_vi,
                        presenter_id=presenters.for_role(template.presenter),
                    )
                )
            session.flush()
            return [item.id for item in meeting.agenda_items]

    def assign(self, item_id: str, member_id: str | None) -> None:
        """Give a part to a member (None: nobody yet). A new presenter starts not ready."""
        with self.book.session() as session:
            item = _item(session, item_id)
            if member_id:
                member = session.get(Member, member_id)
                if member is None or not member.status.is_current:
                    raise _fail("presenter", _("Only a current member of the cell can present."))
            if item.presenter_id != (member_id or None):
                item.presenter_id = member_id or None
                item.ready = False

    def set_ready(self, item_id: str, ready: bool) -> None:
        with self.book.session() as session:
            item = _item(session, item_id)
            if ready and item.presenter_id is None:
                raise _fail("ready", _("Choose who presents this part before marking it ready."))
            item.ready = bool(ready)

    def add_item(
        self,
        meeting_id: str,
        title: str,
        *,
        position: int | None = None,
        presenter_id: str | None = None,
    ) -> str:
        """Add a part at `position` (1 = first; the end if not given)."""
        check = Validator()
        if not (title or "").strip():
            check.add("title", _("Give the part a title."))
        elif len(title.strip()) > TITLE_LIMIT:
            check.add("title", _("The title is too long (at most 300 characters)."))
        check.raise_if_any()
        with self.book.session() as session:
            meeting = _editable(session, meeting_id)
            if presenter_id:
                member = session.get(Member, presenter_id)
                if member is None or not member.status.is_current:
                    raise _fail("presenter", _("Only a current member of the cell can present."))
            items = list(meeting.agenda_items)
            item = AgendaItem(title=title.strip(), presenter_id=presenter_id or None)
            index = len(items) if position is None else max(0, min(position - 1, len(items)))
            items.insert(index, item)
            meeting.agenda_items.append(item)
            _renumber(items)
            session.flush()
            return item.id

    def move_item(self, item_id: str, position: int) -> None:
        """Move a part to `position` (1 = first); the others close up."""
        with self.book.session() as session:
            item = _item(session, item_id)
            items = [other for other in item.meeting.agenda_items if other is not item]
            items.insert(max(0, min(position - 1, len(items))), item)
            _renumber(items)

    def remove_item(self, item_id: str) -> None:
        with self.book.session() as session:
            item = _item(session, item_id)
            meeting = item.meeting
            if any(speech.agenda_item_id == item.id for speech in meeting.speeches):
                raise _fail(
                    "agenda_item",
                    _("Speeches are recorded under this part; move or delete them first."),
                )
            meeting.agenda_items.remove(item)
            _renumber(list(meeting.agenda_items))

    # --- invitations --------------------------------------------------------------

    def invitations(self, meeting_id: str) -> list[Invitation]:
        """Those invited while the meeting was prepared, in order."""
        with self.book.reader() as session:
            guests = session.scalars(
                select(MeetingGuest)
                .where(MeetingGuest.meeting_id == meeting_id, MeetingGuest.invited)
                .order_by(MeetingGuest.position)
            ).all()
            return [
                Invitation(
                    guest.id,
                    guest.name,
                    guest.title,
                    GuestRole(guest.role),
                    guest.invited_on,
                    bool(guest.invitation_sent),
                    bool(guest.attended),
                )
                for guest in guests
            ]

    def invite(
        self,
        meeting_id: str,
        name: str,
        title: str = "",
        role: GuestRole | str = GuestRole.SUPERIOR_IN_CHARGE,
        invited_on: date | None = None,
    ) -> str:
        """Invite someone from the commune (the superior committee member in
        charge, a working-group member) or another guest. At the minutes they
        are on the list of guests, taken to attend until told otherwise.
        Returns the guest's id."""
        role = GuestRole(role)
        name, title = _check_invitation(name, title)
        with self.book.session() as session:
            meeting = _editable(session, meeting_id)
            folded = _folded(name)
            same = next((g for g in meeting.guests if _folded(g.name) == folded), None)
            if same is not None:
                raise _fail(
                    "name", _("{name} is already on the list of guests.").format(name=same.name)
                )
            guest = MeetingGuest(
                position=len(meeting.guests) + 1,
                name=name,
                title=title,
                role=role,
                is_superior=role.is_superior,
                invited=True,
                invited_on=invited_on or self.today,
                invitation_sent=False,
                attended=True,
            )
            meeting.guests.append(guest)
            session.flush()
            return guest.id

    def update_invitation(
        self,
        guest_id: str,
        name: str,
        title: str = "",
        role: GuestRole | str = GuestRole.SUPERIOR_IN_CHARGE,
        invited_on: date | None = None,
    ) -> None:
        """Correct an invited person's name, position, role or day of invitation."""
        role = GuestRole(role)
        name, title = _check_invitation(name, title)
        with self.book.session() as session:
            guest = _invited(session, guest_id)
            guest.name = name
            guest.title = title
            guest.role = role
            guest.is_superior = role.is_superior
            if invited_on is not None:
                guest.invited_on = invited_on

    def set_invitation_sent(self, guest_id: str, sent: bool) -> None:
        with self.book.session() as session:
            _invited(session, guest_id).invitation_sent = bool(sent)

    def uninvite(self, guest_id: str) -> None:
        """Take an invited person off the list (the others close up)."""
        with self.book.session() as session:
            guest = _invited(session, guest_id)
            meeting = guest.meeting
            meeting.guests.remove(guest)
            session.delete(guest)
            for position, other in enumerate(meeting.guests, start=1):
                if other.position != position:
                    other.position = position

    # --- checklist and readiness ------------------------------------------------

    def checklist(self, meeting_id: str) -> list[CheckItem]:
        with self.book.reader() as session:
            meeting = _meeting(session, meeting_id)
            return [
                CheckItem(name, _(label), bool(getattr(meeting, name)))
                for name, label in CHECKS.items()
            ]

    def set_check(self, meeting_id: str, name: str, value: bool) -> None:
        if name not in CHECKS:
            raise _fail("checklist", _("There is no such checklist item."))
        with self.book.session() as session:
            meeting = _editable(session, meeting_id)
            setattr(meeting, name, bool(value))

    def set_note(self, meeting_id: str, note: str) -> None:
        with self.book.session() as session:
            _editable(session, meeting_id).prepared_note = (note or "").strip()

    def readiness(self, meeting_id: str) -> Readiness:
        secretary = CommitteeService(self.book, self.today).secretary()
        with self.book.reader() as session:
            meeting = _meeting(session, meeting_id, with_presenters=True)
            items = list(meeting.agenda_items)
            by_member: dict[str, int] = {}
            secretary_parts = 0
            for item in items:
                if item.presenter is None:
                    continue
                name = item.presenter.full_name
                by_member[name] = by_member.get(name, 0) + 1
                if secretary is not None and item.presenter_id == secretary.member_id:
                    secretary_parts += 1
            checks = [(name, bool(getattr(meeting, name))) for name in CHECKS]
        missing = [_(CHECKS[name]) for name, done in checks if not done]
        if not items:
            missing.insert(0, _("The meeting has no order of business yet."))
        return Readiness(
            parts_ready=sum(1 for item in items if item.ready),
            parts_total=len(items),
            presenters_by_member=by_member,
            secretary_share=secretary_parts / len(items) if items else 0.0,
            checklist_done=sum(1 for _name, done in checks if done),
            checklist_total=len(checks),
            missing=missing,
        )

    def mark_prepared(self, meeting_id: str) -> None:
        """A draft meeting becomes prepared once its checklist is complete."""
        with self.book.reader() as session:
            state = _meeting(session, meeting_id).state
        if state is MeetingState.ADOPTED:
            raise _fail("meeting", _adopted_message())
        if state is not MeetingState.DRAFT:
            raise _fail("state", _("Only a draft meeting can be marked prepared."))
        missing = self.readiness(meeting_id).missing
        if missing:
            check = Validator()
            check.add("checklist", _("The meeting is not prepared yet. Still missing:"))
            for line in missing:
                check.add("checklist", "– " + line)
            check.raise_if_any()
        with self.book.session() as session:
            _editable(session, meeting_id).state = MeetingState.PREPARED

    # --- the draft resolution -----------------------------------------------------

    def draft_resolution(self, meeting_id: str) -> str:
        """The meeting's resolution, drafted if it has none: titled for the
        month, with the unfinished tasks of the previous regular meeting's
        resolution carried over (same assignee and description, due at the end
        of this month). Returns the resolution id."""
        with self.book.session() as session:
            meeting = _editable(session, meeting_id)
            if meeting.resolution is not None:
                return str(meeting.resolution.id)
            day = meeting.scheduled_on
            resolution = Resolution(title=f"Nghị quyết chi bộ tháng {day:%m/%Y}")
            previous = session.scalar(
                select(Meeting)
                .where(
                    Meeting.kind == MeetingKind.REGULAR,
                    Meeting.scheduled_on < day,
                    Meeting.id != meeting.id,
                )
                .order_by(Meeting.scheduled_on.desc())
                .limit(1)
            )
            if previous is not None and previous.resolution is not None:
                carried = [t for t in previous.resolution.tasks if t.result in UNFINISHED]
                for position, task in enumerate(carried, start=1):
                    resolution.tasks.append(
                        ResolutionTask(
                            position=position,
                            description=task.description,
                            assignee_id=task.assignee_id,
                            assignee_text=task.assignee_text,
                            due_on=_month_end(day),
                            result=TaskResult.PENDING,
                        )
                    )
            meeting.resolution = resolution
            session.flush()
            return str(resolution.id)

    # --- thematic topics ------------------------------------------------------------

    def topics(self, year: int) -> list[TopicUse]:
        """Every topic of the library, with the thematic meetings of `year`
        that took it up (by chosen topic, or by the topic's title in the text)
        and who presented at them."""
        with self.book.reader() as session:
            meetings = session.scalars(
                select(Meeting)
                .where(
                    Meeting.kind == MeetingKind.THEMATIC,
                    Meeting.scheduled_on >= date(year, 1, 1),
                    Meeting.scheduled_on <= date(year, 12, 31),
                )
                .order_by(Meeting.scheduled_on)
                .options(selectinload(Meeting.agenda_items).selectinload(AgendaItem.presenter))
            ).all()
            found = [
                (
                    meeting.topic_id,
                    _folded(meeting.topic),
                    meeting.held_on or meeting.scheduled_on,
                    [item.presenter.full_name for item in meeting.agenda_items if item.presenter],
                )
                for meeting in meetings
            ]
        uses = []
        for topic in self.topic_library.topics:
            titles = {_folded(topic.title_vi), _folded(topic.title_en)}
            used_on: list[date] = []
            presenters: list[str] = []
            for topic_id, text, day, names in found:
                if topic_id == topic.id or (not topic_id and text and text in titles):
                    used_on.append(day)
                    presenters += [name for name in names if name not in presenters]
            uses.append(TopicUse(topic, used_on, presenters))
        return uses

    def choose_topic(self, meeting_id: str, topic_id: str) -> None:
        """Take a thematic meeting's topic from the library (its title becomes the topic)."""
        topic = self.topic_library.get(topic_id)
        if topic is None:
            raise _fail("topic", _("This topic is not in the topic library."))
        with self.book.session() as session:
            meeting = _editable(session, meeting_id)
            if meeting.kind is not MeetingKind.THEMATIC:
                raise _fail("topic", _("Only a thematic meeting has a topic."))
            meeting.topic_id = topic.id
            meeting.topic = topic.title_vi


class _Presenters:
    """Default presenters by role; committee members' parts are shared round."""

    def __init__(self, committee: list, minute_taker_id: str | None) -> None:
        def holders(post: CommitteePostKind) -> list[str]:
            return [holder.member_id for holder in committee if holder.post is post]

        self.secretary = next(iter(holders(CommitteePostKind.SECRETARY)), None)
        self.deputy = next(iter(holders(CommitteePostKind.DEPUTY_SECRETARY)), None)
        self.members = holders(CommitteePostKind.COMMITTEE_MEMBER)
        self.minute_taker = minute_taker_id
        self._turn = 0

    def for_role(self, role: str) -> str | None:
        if role == "secretary":
            return self.secretary
        if role == "deputy_secretary":
            return self.deputy or self.secretary
        if role == "committee_member":
            if self.members:
                member = self.members[self._turn % len(self.members)]
                self._turn += 1
                return member
            return self.deputy or self.secretary
        if role == "minute_taker":
            return self.minute_taker
        return None  # "any": whoever the committee chooses


def _adopted_message() -> str:
    return _("These minutes have been adopted; their preparation can no longer be changed.")


def _meeting(session: Session, meeting_id: str, *, with_presenters: bool = False) -> Meeting:
    query = select(Meeting).where(Meeting.id == meeting_id)
    if with_presenters:
        query = query.options(selectinload(Meeting.agenda_items).selectinload(AgendaItem.presenter))
    meeting = session.scalar(query)
    if meeting is None:
        raise _fail("meeting", _("This meeting is no longer in the book."))
    return meeting


def _editable(session: Session, meeting_id: str) -> Meeting:
    meeting = _meeting(session, meeting_id)
    if meeting.state is MeetingState.ADOPTED:
        raise _fail("meeting", _adopted_message())
    return meeting


def _item(session: Session, item_id: str) -> AgendaItem:
    item = session.get(AgendaItem, item_id)
    if item is None:
        raise _fail("agenda_item", _("This part of the agenda is no longer in the book."))
    _editable(session, item.meeting_id)
    return item


def _invited(session: Session, guest_id: str) -> MeetingGuest:
    guest = session.get(MeetingGuest, guest_id)
    if guest is None or not guest.invited:
        raise _fail("guest", _("This person is no longer on the list of those invited."))
    _editable(session, guest.meeting_id)
    return guest


def _check_invitation(name: str, title: str) -> tuple[str, str]:
    name = " ".join((name or "").split())
    title = " ".join((title or "").split())
    check = Validator()
    if not name:
        check.add("name", _("Write the name of the person invited."))
    elif len(name) > GUEST_NAME_LIMIT:
        check.add(
            "name",
            _("The name is too long: at most {limit} characters.").format(limit=GUEST_NAME_LIMIT),
        )
    if len(title) > GUEST_TITLE_LIMIT:
        check.add(
            "title",
            _("The position is too long: at most {limit} characters.").format(
                limit=GUEST_TITLE_LIMIT
            ),
        )
    check.raise_if_any()
    return name, title


def _renumber(items: list[AgendaItem]) -> None:
    for position, item in enumerate(items, start=1):
        item.position = position
