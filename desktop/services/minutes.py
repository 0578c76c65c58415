"""Taking the minutes of a meeting as it happens.

Every method writes at once, in its own transaction: the minutes screen calls
them as the secretary types, so each edit is in the book within moments and a
power cut loses at most the last one. Counts, the quorum, the vote check and
the score are computed by `desktop.services.meeting_rules` and
`desktop.services.meeting_score`, never typed.

Adopted minutes are refused here with a plain message, before the session
guard of `desktop.data.stamping` is reached; they change only by a recorded
amendment (`desktop.services.adoption`).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, time
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from desktop.data.enums import (
    AttendanceStatus,
    CommitteePostKind,
    GuestRole,
    MeetingKind,
    MeetingState,
    MemberEventKind,
    MemberStatus,
    RecommendationStatus,
)
from desktop.data.models import (
    AgendaItem,
    Attendance,
    Meeting,
    MeetingGuest,
    Member,
    Recommendation,
    Resolution,
    ResolutionTask,
    Speech,
)
from desktop.i18n import _
from desktop.services.book import Book
from desktop.services.committee import CommitteeService
from desktop.services.follow_up import FollowUpService
from desktop.services.meeting_lock import editable_meeting as _editable
from desktop.services.meeting_lock import existing_meeting as _meeting
from desktop.services.meeting_lock import refusal as _fail
from desktop.services.meeting_rules import (
    AttendanceCounts,
    DurationCheck,
    QuorumCheck,
    attendance_counts,
    check_votes,
    duration_check,
    quorum,
)
from desktop.services.meeting_score import Answer, Framework, ScoreResult, score, suggest_answers
from desktop.services.member_status import EventFact, derive_status
from desktop.services.recommendations import RecommendationService
from desktop.services.validation import ValidationError, Validator

# What the minutes say for members who are not expected at the meeting.
EXEMPT_REASON = "Miễn sinh hoạt"
AWAY_REASON = "Sinh hoạt tạm thời nơi khác"

NAME_LIMIT = 120
TITLE_LIMIT = 200
PLACE_LIMIT = 200
REASON_LIMIT = 300
ASSIGNEE_LIMIT = 200

_KEEP: Any = object()  # "leave this field as it is"
_JOINING = frozenset({MemberEventKind.ADMISSION, MemberEventKind.ATTACHMENT})


@dataclass(frozen=True)
class MinutesDefaults:
    """What the minutes start from: the meeting's own values, else the committee's."""

    chair_id: str | None
    minute_taker_id: str | None
    place: str
    start_time: time | None


@dataclass(frozen=True)
class SuperiorGuest:
    """A superior delegate who attended the meeting."""

    id: str
    name: str
    title: str
    role: GuestRole


@dataclass(frozen=True)
class ScoreConfirmation:
    """The saved score and who from the commune confirmed it, when."""

    score: float | None
    confirmed_by: str  # "" while not confirmed
    confirmed_on: date | None
    meeting_day: date

    @property
    def confirmed(self) -> bool:
        return bool(self.confirmed_by)


def status_on(member: Member, day: date) -> MemberStatus | None:
    """The member's status on `day`, from the events up to that day; None if
    they had not yet joined the cell."""
    facts = [
        EventFact(MemberEventKind(event.kind), event.occurs_on)
        for event in member.events
        if event.withdrawn_at is None
    ]
    kinds = {fact.kind for fact in facts}
    if MemberEventKind.ADMISSION not in kinds and member.admission_date is not None:
        facts.append(EventFact(MemberEventKind.ADMISSION, member.admission_date))
    if MemberEventKind.RECOGNITION not in kinds and member.official_date is not None:
        facts.append(EventFact(MemberEventKind.RECOGNITION, member.official_date))
    if not facts:
        return MemberStatus(member.status)
    default = (
        MemberStatus.PROBATIONARY
        if member.status is MemberStatus.PROBATIONARY
        else MemberStatus.FULL
    )
    before = [fact for fact in facts if fact.occurs_on <= day]
    if not before:
        first = min(facts, key=lambda fact: fact.occurs_on)
        if first.kind in _JOINING:
            return None
        recognised = any(fact.kind is MemberEventKind.RECOGNITION for fact in facts)
        return MemberStatus.PROBATIONARY if recognised else default
    return derive_status(before, default=default).status


class MinutesService:
    def __init__(self, book: Book, today: date | None = None) -> None:
        self.book = book
        self.today = today or date.today()

    # --- attendance -------------------------------------------------------------

    def prepare_attendance(self, meeting_id: str) -> int:
        """One attendance row for each member of the cell on the meeting day,
        with their status that day. Members present by default; exempt and away
        members absent with the reason written in. Rows already there are kept,
        so calling it again only adds members who joined since. Returns the
        number of rows added."""
        with self.book.session() as session:
            meeting = _editable(session, meeting_id)
            day = _day(meeting)
            taken = {row.member_id for row in meeting.attendance}
            members = session.scalars(
                select(Member).options(selectinload(Member.events)).order_by(Member.sort_key)
            ).all()
            added = 0
            for member in members:
                if member.id in taken:
                    continue
                status = status_on(member, day)
                if status is None or not status.is_current:
                    continue
                meeting.attendance.append(_new_row(member.id, status))
                added += 1
            return added

    def set_attendance(
        self,
        meeting_id: str,
        member_id: str,
        status: AttendanceStatus | str,
        reason: str = "",
    ) -> None:
        """Record a member as present, absent with a reason (which must be
        given) or absent without one."""
        status = AttendanceStatus(status)
        reason = (reason or "").strip()
        check = Validator()
        if status is AttendanceStatus.ABSENT_EXCUSED and not reason:
            check.add("reason", _("Absent with a reason: please write the reason."))
        check.max_length("reason", reason, REASON_LIMIT)
        check.raise_if_any()
        with self.book.session() as session:
            meeting = _editable(session, meeting_id)
            row = next((r for r in meeting.attendance if r.member_id == member_id), None)
            if row is None:
                member = session.get(Member, member_id)
                member_status = status_on(member, _day(meeting)) if member else None
                if member is None or member_status is None or not member_status.is_current:
                    raise _fail(
                        "member", _("Only a member of the cell on the meeting day can be listed.")
                    )
                row = _new_row(member_id, member_status)
                meeting.attendance.append(row)
            row.status = status
            row.reason = "" if status is AttendanceStatus.PRESENT else reason

    def counts(self, meeting_id: str) -> AttendanceCounts:
        with self.book.reader() as session:
            rows = session.execute(
                select(Attendance.member_status, Attendance.status).where(
                    Attendance.meeting_id == meeting_id
                )
            ).all()
        return attendance_counts((row[0], row[1]) for row in rows)

    def quorum(self, meeting_id: str) -> QuorumCheck:
        return quorum(self.counts(meeting_id), self.book.rules)

    # --- who, where, when -----------------------------------------------------------

    def defaults(self, meeting_id: str) -> MinutesDefaults:
        """The secretary chairs; the minute-taker is the one named for the
        meeting, else a committee member other than the chair; the place and
        opening time are those of the last meeting that had them."""
        committee = CommitteeService(self.book, self.today).current()
        with self.book.reader() as session:
            meeting = _meeting(session, meeting_id)
            secretary = next(
                (h.member_id for h in committee if h.post is CommitteePostKind.SECRETARY), None
            )
            chair = meeting.chair_id or secretary
            taker = meeting.minute_taker_id or next(
                (h.member_id for h in reversed(committee) if h.member_id != chair), None
            )
            earlier = session.scalars(
                select(Meeting)
                .where(Meeting.id != meeting.id, Meeting.scheduled_on <= meeting.scheduled_on)
                .order_by(Meeting.scheduled_on.desc(), Meeting.created_at.desc())
            ).all()
            place = meeting.place or next((m.place for m in earlier if m.place), "")
            start = meeting.start_time or next(
                (m.start_time for m in earlier if m.start_time is not None), None
            )
            return MinutesDefaults(chair, taker, place, start)

    def apply_defaults(self, meeting_id: str) -> MinutesDefaults:
        """Fill the chair, minute-taker, place and opening time left empty."""
        chosen = self.defaults(meeting_id)
        with self.book.session() as session:
            meeting = _editable(session, meeting_id)
            meeting.chair_id = meeting.chair_id or chosen.chair_id
            meeting.minute_taker_id = meeting.minute_taker_id or chosen.minute_taker_id
            meeting.place = meeting.place or chosen.place
            if meeting.start_time is None:
                meeting.start_time = chosen.start_time
        return chosen

    def set_chair(self, meeting_id: str, member_id: str | None) -> None:
        self._set_person(meeting_id, "chair_id", member_id)

    def set_minute_taker(self, meeting_id: str, member_id: str | None) -> None:
        self._set_person(meeting_id, "minute_taker_id", member_id)

    def _set_person(self, meeting_id: str, column: str, member_id: str | None) -> None:
        with self.book.session() as session:
            meeting = _editable(session, meeting_id)
            if member_id:
                _current_member(session, member_id, "member")
            setattr(meeting, column, member_id or None)

    def set_place(self, meeting_id: str, place: str) -> None:
        check = Validator()
        check.max_length("place", place, PLACE_LIMIT)
        check.raise_if_any()
        with self.book.session() as session:
            _editable(session, meeting_id).place = (place or "").strip()

    def set_start_time(self, meeting_id: str, value: time | None) -> None:
        with self.book.session() as session:
            _editable(session, meeting_id).start_time = value

    def set_end_time(self, meeting_id: str, value: time | None) -> None:
        with self.book.session() as session:
            _editable(session, meeting_id).end_time = value

    # --- guests -------------------------------------------------------------------

    def add_guest(
        self, meeting_id: str, name: str, title: str = "", is_superior: bool = False
    ) -> str:
        _check_guest(name, title)
        with self.book.session() as session:
            meeting = _editable(session, meeting_id)
            guest = MeetingGuest(
                position=len(meeting.guests) + 1,
                name=name.strip(),
                title=(title or "").strip(),
                is_superior=is_superior,
            )
            meeting.guests.append(guest)
            session.flush()
            return guest.id

    def update_guest(
        self, guest_id: str, name: str, title: str = "", is_superior: bool = False
    ) -> None:
        _check_guest(name, title)
        with self.book.session() as session:
            guest = _guest(session, guest_id)
            guest.name = name.strip()
            guest.title = (title or "").strip()
            guest.is_superior = is_superior
            # The role follows: a working-group member stays one while superior.
            if not is_superior:
                guest.role = GuestRole.GUEST
            elif guest.role is GuestRole.GUEST:
                guest.role = GuestRole.SUPERIOR_IN_CHARGE

    def remove_guest(self, guest_id: str) -> None:
        with self.book.session() as session:
            guest = _guest(session, guest_id)
            meeting = guest.meeting
            meeting.guests.remove(guest)
            session.delete(guest)
            _renumber(meeting.guests)

    def set_guest_attended(self, guest_id: str, attended: bool) -> None:
        """Whether a guest (invited while the meeting was prepared) came."""
        with self.book.session() as session:
            _guest(session, guest_id).attended = bool(attended)

    def superior_attendees(self, meeting_id: str) -> list[SuperiorGuest]:
        """Who from the commune attended (superior delegates who came), in order:
        the superior committee member in charge first."""
        with self.book.reader() as session:
            guests = [
                guest
                for guest in _meeting(session, meeting_id).guests
                if guest.is_superior and guest.attended
            ]
            ranked = sorted(
                guests,
                key=lambda g: (g.role is not GuestRole.SUPERIOR_IN_CHARGE, g.position),
            )
            return [
                SuperiorGuest(guest.id, guest.name, guest.title, GuestRole(guest.role))
                for guest in ranked
            ]

    # --- the superior committee's remarks and confirmation of the score -----------

    def set_superior_remarks(self, meeting_id: str, text: str) -> None:
        with self.book.session() as session:
            _editable(session, meeting_id).superior_remarks = (text or "").strip()

    def confirm_score(self, meeting_id: str, confirmed_by: str, on: date | None = None) -> None:
        """The superior committee member present confirms the saved score
        (`on`: the meeting day if not given). Changing the score afterwards
        clears the confirmation."""
        confirmed_by = " ".join((confirmed_by or "").split())
        check = Validator()
        if not confirmed_by:
            check.add("score_confirmed_by", _("Write who confirmed the score."))
        elif len(confirmed_by) > NAME_LIMIT:
            check.add(
                "score_confirmed_by",
                _("The name is too long: at most {limit} characters.").format(limit=NAME_LIMIT),
            )
        check.raise_if_any()
        with self.book.session() as session:
            meeting = _editable(session, meeting_id)
            if meeting.score is None:
                raise _fail(
                    "score",
                    _("Save the score first; then it can be confirmed."),
                )
            meeting.score_confirmed_by = confirmed_by
            meeting.score_confirmed_on = on or _day(meeting)

    def confirmation(self, meeting_id: str) -> ScoreConfirmation:
        with self.book.reader() as session:
            meeting = _meeting(session, meeting_id)
            return ScoreConfirmation(
                meeting.score, meeting.score_confirmed_by, meeting.score_confirmed_on, _day(meeting)
            )

    def clear_confirmation(self, meeting_id: str) -> None:
        with self.book.session() as session:
            meeting = _editable(session, meeting_id)
            meeting.score_confirmed_by = ""
            meeting.score_confirmed_on = None

    # --- speeches -------------------------------------------------------------------

    def add_speech(
        self,
        meeting_id: str,
        agenda_item_id: str | None,
        member_id: str | None = None,
        speaker_name: str = "",
        content: str = "",
        is_recommendation: bool = False,
    ) -> str:
        """Record what a member (or a guest, by name) said under an agenda item.
        Marked as a recommendation, it goes to the list of recommendations."""
        speaker_name = (speaker_name or "").strip()
        _check_speaker(member_id, speaker_name)
        if is_recommendation:
            _check_recommendable(content)
        with self.book.session() as session:
            meeting = _editable(session, meeting_id)
            _check_links(session, meeting, agenda_item_id, member_id)
            speech = Speech(
                agenda_item_id=agenda_item_id,
                member_id=member_id or None,
                speaker_name="" if member_id else speaker_name,
                position=len(meeting.speeches) + 1,
                content=(content or "").strip(),
            )
            meeting.speeches.append(speech)
            session.flush()
            speech_id = speech.id
        if is_recommendation:
            RecommendationService(self.book, self.today).from_speech(speech_id)
        return speech_id

    def update_speech(
        self,
        speech_id: str,
        *,
        content: str = _KEEP,
        member_id: str | None = _KEEP,
        speaker_name: str = _KEEP,
        agenda_item_id: str | None = _KEEP,
    ) -> None:
        """Change what was said, who said it or under which item; fields not
        given stay as they are."""
        with self.book.session() as session:
            speech = _speech(session, speech_id)
            new_member = speech.member_id if member_id is _KEEP else (member_id or None)
            new_name = speech.speaker_name if speaker_name is _KEEP else speaker_name.strip()
            if member_id is not _KEEP and new_member:
                new_name = ""
            _check_speaker(new_member, new_name)
            item_id = speech.agenda_item_id if agenda_item_id is _KEEP else agenda_item_id
            _check_links(session, speech.meeting, item_id, new_member)
            speech.member_id = new_member
            speech.speaker_name = new_name
            speech.agenda_item_id = item_id
            if content is not _KEEP:
                speech.content = (content or "").strip()

    def set_recommendation(self, speech_id: str, marked: bool) -> str | None:
        """Mark a speech as a recommendation (which then goes to the list of
        recommendations; returns its id) or unmark it, which takes it off the
        list while it is still open and not sent up."""
        with self.book.session() as session:
            speech = _speech(session, speech_id)
            if marked:
                _check_recommendable(speech.content)
            item = _recommendation_of(session, speech_id)
            if marked and item is not None:
                speech.is_recommendation = True
                return item.id
            if not marked:
                if item is not None:
                    _check_removable(item)
                    session.delete(item)
                speech.is_recommendation = False
                return None
        return RecommendationService(self.book, self.today).from_speech(speech_id)

    def remove_speech(self, speech_id: str) -> None:
        with self.book.session() as session:
            speech = _speech(session, speech_id)
            item = _recommendation_of(session, speech_id)
            if item is not None:
                _check_removable(item)
                session.delete(item)
                session.flush()
            meeting = speech.meeting
            meeting.speeches.remove(speech)
            session.delete(speech)
            _renumber(meeting.speeches)

    def move_speech(self, speech_id: str, position: int) -> None:
        """Put a speech at `position` (from 1) in the meeting's order."""
        with self.book.session() as session:
            speech = _speech(session, speech_id)
            speeches = list(speech.meeting.speeches)
            speeches.remove(speech)
            index = min(max(position, 1), len(speeches) + 1) - 1
            speeches.insert(index, speech)
            _renumber(speeches)

    def speakers_share(self, meeting_id: str) -> float | None:
        """Members present (full and probationary) who spoke, out of those
        present, 0 to 1; None when nobody counted is present."""
        with self.book.reader() as session:
            present = set(
                session.scalars(
                    select(Attendance.member_id).where(
                        Attendance.meeting_id == meeting_id,
                        Attendance.status == AttendanceStatus.PRESENT,
                        Attendance.member_status.in_(
                            (MemberStatus.FULL, MemberStatus.PROBATIONARY)
                        ),
                    )
                )
            )
            spoke = set(
                session.scalars(select(Speech.member_id).where(Speech.meeting_id == meeting_id))
            )
        if not present:
            return None
        return len(present & spoke) / len(present)

    # --- conclusions and tasks --------------------------------------------------------

    def set_conclusion(self, agenda_item_id: str, text: str) -> None:
        with self.book.session() as session:
            item = session.get(AgendaItem, agenda_item_id)
            if item is None:
                raise _fail("agenda_item", _("This part of the agenda is no longer in the book."))
            _editable(session, item.meeting_id)
            item.conclusion = (text or "").strip()

    def add_task(
        self,
        meeting_id: str,
        description: str,
        assignee_id: str | None = None,
        assignee_text: str = "",
        due_on: date | None = None,
    ) -> str:
        """A task of the meeting's resolution (made if there is none yet)."""
        with self.book.session() as session:
            meeting = _editable(session, meeting_id)
            _check_task(session, meeting, description, assignee_id, assignee_text, due_on)
            resolution = _resolution(session, meeting)
            task = ResolutionTask(
                position=len(resolution.tasks) + 1,
                description=description.strip(),
                assignee_id=assignee_id or None,
                assignee_text=(assignee_text or "").strip(),
                due_on=due_on,
            )
            resolution.tasks.append(task)
            session.flush()
            return task.id

    def update_task(
        self,
        task_id: str,
        description: str,
        assignee_id: str | None = None,
        assignee_text: str = "",
        due_on: date | None = None,
    ) -> None:
        with self.book.session() as session:
            task = _task(session, task_id)
            meeting = _editable(session, task.resolution.meeting_id)
            _check_task(session, meeting, description, assignee_id, assignee_text, due_on)
            task.description = description.strip()
            task.assignee_id = assignee_id or None
            task.assignee_text = (assignee_text or "").strip()
            task.due_on = due_on

    def remove_task(self, task_id: str) -> None:
        with self.book.session() as session:
            task = _task(session, task_id)
            _editable(session, task.resolution.meeting_id)
            resolution = task.resolution
            resolution.tasks.remove(task)
            session.delete(task)
            _renumber(resolution.tasks)

    # --- votes --------------------------------------------------------------------

    def set_votes(
        self, meeting_id: str, for_: int | None, against: int | None, abstain: int | None
    ) -> int:
        """Record the show of hands out of the full members present (counted
        from the attendance). Returns the voting members present."""
        voting = self.counts(meeting_id).voting_present
        errors = check_votes(for_, against, abstain, voting)
        if errors:
            raise ValidationError(errors)
        with self.book.session() as session:
            meeting = _editable(session, meeting_id)
            resolution = _resolution(session, meeting)
            resolution.votes_for = for_
            resolution.votes_against = against
            resolution.votes_abstain = abstain
            resolution.voters_present = voting
        return voting

    # --- scoring ------------------------------------------------------------------

    def framework(self) -> Framework:
        return Framework.from_rules(self.book.rules)

    def score_suggestion(self, meeting_id: str) -> dict[str, Answer]:
        """Answers that follow from what was recorded, for the committee to check."""
        with self.book.reader() as session:
            meeting = _meeting(session, meeting_id)
            kind, start, end = MeetingKind(meeting.kind), meeting.start_time, meeting.end_time
        duration = self._duration(kind, start, end, self.counts(meeting_id).total)
        return suggest_answers(
            self.framework(),
            attendance_rate=self.counts(meeting_id).rate,
            implementation_rate=FollowUpService(self.book).rate(meeting_id),
            speakers_share=self.speakers_share(meeting_id),
            duration_ok=duration.ok if duration is not None else None,
            minutes_complete=not self.completeness(meeting_id, include_score=False),
        )

    def saved_answers(self, meeting_id: str) -> dict[str, Answer]:
        with self.book.reader() as session:
            raw = _meeting(session, meeting_id).score_answers
        try:
            answers = json.loads(raw or "{}")
        except ValueError:
            return {}
        return answers if isinstance(answers, dict) else {}

    def save_score(self, meeting_id: str, answers: Mapping[str, Answer]) -> ScoreResult:
        """Score the answers against the framework and keep score, grade and
        answers. A different score clears the superior committee's confirmation
        of the earlier one."""
        result = score(self.framework(), answers)  # raises ValidationError
        with self.book.session() as session:
            meeting = _editable(session, meeting_id)
            if meeting.score != result.total:
                # A confirmation was of the score as it was.
                meeting.score_confirmed_by = ""
                meeting.score_confirmed_on = None
            meeting.score = result.total
            meeting.grade = result.grade.id
            meeting.score_answers = json.dumps(dict(answers), ensure_ascii=False, sort_keys=True)
        return result

    # --- holding ------------------------------------------------------------------

    def mark_held(self, meeting_id: str) -> list[str]:
        """Mark a draft or prepared meeting as held. Needs the attendance, the
        opening and closing times, the chair and the minute-taker, and the
        quorum. A meeting shorter than the rules ask is held all the same;
        the warning is returned."""
        counts = self.counts(meeting_id)
        check = quorum(counts, self.book.rules)
        with self.book.session() as session:
            meeting = _editable(session, meeting_id)
            if meeting.state is MeetingState.HELD:
                raise _fail("state", _("This meeting is already marked as held."))
            problems = Validator()
            if not meeting.attendance:
                problems.add("attendance", _("Take the attendance first."))
            if meeting.start_time is None:
                problems.add("start_time", _("Enter the opening time."))
            if meeting.end_time is None:
                problems.add("end_time", _("Enter the closing time."))
            if not meeting.chair_id:
                problems.add("chair", _("Choose who chaired the meeting."))
            if not meeting.minute_taker_id:
                problems.add("minute_taker", _("Choose who took the minutes."))
            problems.raise_if_any()
            if not check.met:
                raise _fail("attendance", check.message)
            duration = duration_check(
                MeetingKind(meeting.kind),
                meeting.start_time,
                meeting.end_time,
                counts.total,
                self.book.rules,
            )
            meeting.state = MeetingState.HELD
            if meeting.held_on is None:
                meeting.held_on = meeting.scheduled_on
        return [] if duration.ok else [duration.message]

    def completeness(self, meeting_id: str, *, include_score: bool = True) -> list[str]:
        """What the minutes still lack, in the order they are written."""
        with self.book.reader() as session:
            meeting = session.scalar(
                select(Meeting)
                .where(Meeting.id == meeting_id)
                .options(
                    selectinload(Meeting.agenda_items),
                    selectinload(Meeting.attendance),
                    selectinload(Meeting.speeches),
                )
            )
            if meeting is None:
                raise _fail("meeting", _("This meeting is no longer in the book."))
            resolution = session.scalar(
                select(Resolution)
                .where(Resolution.meeting_id == meeting_id)
                .options(selectinload(Resolution.tasks))
            )
            missing: list[str] = []
            if meeting.start_time is None:
                missing.append(_("The opening time"))
            if not meeting.place.strip():
                missing.append(_("The place"))
            if not meeting.attendance:
                missing.append(_("The attendance"))
            if not meeting.chair_id:
                missing.append(_("The chair"))
            if not meeting.minute_taker_id:
                missing.append(_("The minute-taker"))
            if not meeting.agenda_items:
                missing.append(_("The agenda"))
            if not any(speech.content.strip() for speech in meeting.speeches):
                missing.append(_("The members' opinions"))
            for item in meeting.agenda_items:
                if not item.conclusion.strip():
                    missing.append(_("The chair's conclusion on “{item}”").format(item=item.title))
            if meeting.kind is MeetingKind.REGULAR and (resolution is None or not resolution.tasks):
                missing.append(_("The tasks assigned"))
            if resolution is None or resolution.votes_for is None:
                missing.append(_("The vote"))
            if include_score and meeting.score is None:
                missing.append(_("The quality score"))
            if meeting.end_time is None:
                missing.append(_("The closing time"))
            return missing

    # --- helpers ------------------------------------------------------------------

    def _duration(
        self, kind: MeetingKind, start: time | None, end: time | None, members: int
    ) -> DurationCheck | None:
        if start is None or end is None:
            return None
        try:
            return duration_check(kind, start, end, members, self.book.rules)
        except ValidationError:
            return None


def _day(meeting: Meeting) -> date:
    return meeting.held_on or meeting.scheduled_on


def _new_row(member_id: str, status: MemberStatus) -> Attendance:
    if status is MemberStatus.EXEMPT:
        attendance, reason = AttendanceStatus.ABSENT_EXCUSED, EXEMPT_REASON
    elif status is MemberStatus.AWAY:
        attendance, reason = AttendanceStatus.ABSENT_EXCUSED, AWAY_REASON
    else:
        attendance, reason = AttendanceStatus.PRESENT, ""
    return Attendance(member_id=member_id, member_status=status, status=attendance, reason=reason)


def _current_member(session: Session, member_id: str, field: str) -> Member:
    member = session.get(Member, member_id)
    if member is None or not MemberStatus(member.status).is_current:
        raise _fail(field, _("Choose a current member of the cell."))
    return member


def _guest(session: Session, guest_id: str) -> MeetingGuest:
    guest = session.get(MeetingGuest, guest_id)
    if guest is None:
        raise _fail("guest", _("This guest is no longer in the book."))
    _editable(session, guest.meeting_id)
    return guest


def _speech(session: Session, speech_id: str) -> Speech:
    speech = session.get(Speech, speech_id)
    if speech is None:
        raise _fail("speech", _("This speech is no longer in the book."))
    _editable(session, speech.meeting_id)
    return speech


def _task(session: Session, task_id: str) -> ResolutionTask:
    task = session.get(ResolutionTask, task_id)
    if task is None:
        raise _fail("task", _("This task is no longer in the book."))
    return task


def _resolution(session: Session, meeting: Meeting) -> Resolution:
    resolution = session.scalar(select(Resolution).where(Resolution.meeting_id == meeting.id))
    if resolution is None:
        resolution = Resolution(meeting_id=meeting.id)
        session.add(resolution)
        session.flush()
    return resolution


def _recommendation_of(session: Session, speech_id: str) -> Recommendation | None:
    return session.scalar(
        select(Recommendation).where(Recommendation.speech_id == speech_id).limit(1)
    )


def _check_removable(item: Recommendation) -> None:
    if item.status is not RecommendationStatus.OPEN or item.forwarded_on is not None:
        raise _fail(
            "is_recommendation",
            _(
                "This recommendation has already been sent up or answered, so it stays "
                "on the list of recommendations."
            ),
        )


def _check_guest(name: str, title: str) -> None:
    check = Validator()
    check.required("name", name)
    check.max_length("name", name, NAME_LIMIT)
    check.max_length("title", title, TITLE_LIMIT)
    check.raise_if_any()


def _check_speaker(member_id: str | None, speaker_name: str) -> None:
    if not member_id and not speaker_name:
        raise _fail("speaker", _("Choose the member who spoke, or write the guest's name."))
    if len(speaker_name) > NAME_LIMIT:
        raise _fail(
            "speaker",
            _("The speaker's name is too long: at most {limit} characters.").format(
                limit=NAME_LIMIT
            ),
        )


def _check_recommendable(content: str) -> None:
    if not (content or "").strip():
        raise _fail("is_recommendation", _("Write what was said before marking it to send up."))


def _check_links(
    session: Session, meeting: Meeting, agenda_item_id: str | None, member_id: str | None
) -> None:
    if agenda_item_id:
        item = session.get(AgendaItem, agenda_item_id)
        if item is None or item.meeting_id != meeting.id:
            raise _fail("agenda_item", _("This part of the agenda is not in this meeting."))
    if member_id and session.get(Member, member_id) is None:
        raise _fail("speaker", _("This member is no longer in the book."))


def _check_task(
    session: Session,
    meeting: Meeting,
    description: str,
    assignee_id: str | None,
    assignee_text: str,
    due_on: date | None,
) -> None:
    check = Validator()
    check.required("description", description)
    check.max_length("assignee_text", assignee_text, ASSIGNEE_LIMIT)
    if due_on is not None and due_on < meeting.scheduled_on:
        check.add("due_on", _("The due date cannot be before the meeting."))
    check.raise_if_any()
    if assignee_id:
        _current_member(session, assignee_id, "assignee")


def _renumber(rows: list[Any]) -> None:
    for position, row in enumerate(rows, start=1):
        if row.position != position:
            row.position = position
