"""Recording what happens to a member, and keeping their status in step.

Each change goes through `EventService.record`, which checks the event
against the member's history, saves it, and re-derives the member's status
and dates from all their events in the same transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from desktop.data.enums import MemberEventKind as Kind
from desktop.data.enums import MemberStatus
from desktop.data.models import Member, MemberEvent
from desktop.data.stamping import BookSession
from desktop.data.types import utcnow
from desktop.i18n import _, format_date
from desktop.services.book import Book
from desktop.services.labels import enum_label, field_label
from desktop.services.member_status import EventFact, derive_status
from desktop.services.validation import Validator

# Which statuses each event may follow.
ALLOWED_FROM: dict[Kind, frozenset[MemberStatus]] = {
    Kind.RECOGNITION: frozenset({MemberStatus.PROBATIONARY}),
    Kind.EXEMPTION: frozenset({MemberStatus.FULL, MemberStatus.PROBATIONARY}),
    Kind.EXEMPTION_END: frozenset({MemberStatus.EXEMPT}),
    Kind.TEMPORARY_TRANSFER: frozenset({MemberStatus.FULL, MemberStatus.PROBATIONARY}),
    Kind.RETURN: frozenset({MemberStatus.AWAY}),
    Kind.ATTACHMENT_END: frozenset({MemberStatus.ATTACHED}),
    Kind.OFFICIAL_TRANSFER: frozenset(
        {MemberStatus.FULL, MemberStatus.PROBATIONARY, MemberStatus.EXEMPT, MemberStatus.AWAY}
    ),
}
FINAL = frozenset({MemberStatus.TRANSFERRED, MemberStatus.DECEASED, MemberStatus.REMOVED})
NEEDS_COUNTERPART = frozenset({Kind.TEMPORARY_TRANSFER, Kind.OFFICIAL_TRANSFER, Kind.ATTACHMENT})


@dataclass
class EventInput:
    kind: Kind
    occurs_on: date
    decision_ref: str = ""
    counterpart: str = ""  # destination (transfers) or home cell (attachment)
    ends_on: date | None = None
    note: str = ""
    recorded_by: str = ""


@dataclass(frozen=True)
class EventRow:
    id: str
    kind: Kind
    occurs_on: date
    decision_ref: str
    counterpart: str
    ends_on: date | None
    note: str
    recorded_by: str
    recorded_at: object  # datetime (UTC) when it was written down
    withdrawn_at: object = None  # datetime (UTC) when it was withdrawn, or None
    withdrawn_by: str = ""
    withdrawn_reason: str = ""

    @property
    def label(self) -> str:
        return enum_label(self.kind)

    @property
    def withdrawn(self) -> bool:
        return self.withdrawn_at is not None


def _standing(member: Member) -> list[MemberEvent]:
    """The member's events that count (not withdrawn), in order."""
    return sorted(
        (event for event in member.events if event.withdrawn_at is None),
        key=lambda event: (event.occurs_on, event.created_at or utcnow()),
    )


def refresh_member(member: Member) -> None:
    """Set the member's status and dates from their events.

    A member entered with dates but without the matching events (an older
    book, or rows written by other tools) keeps those dates as facts.
    """
    facts: list[EventFact] = [
        EventFact(Kind(e.kind), e.occurs_on) for e in member.events if e.withdrawn_at is None
    ]
    kinds = {fact.kind for fact in facts}
    if Kind.ADMISSION not in kinds and member.admission_date is not None:
        facts.append(EventFact(Kind.ADMISSION, member.admission_date))
    if Kind.RECOGNITION not in kinds and member.official_date is not None:
        facts.append(EventFact(Kind.RECOGNITION, member.official_date))
    derived = derive_status(facts, default=member.status)
    member.status = derived.status
    if derived.admission_date is not None:
        member.admission_date = derived.admission_date
    if derived.official_date is not None:
        member.official_date = derived.official_date


class EventService:
    def __init__(self, book: Book, today: date | None = None) -> None:
        self.book = book
        self.today = today or date.today()

    def history(self, member_id: str) -> list[EventRow]:
        with self.book.reader() as session:
            events = session.scalars(
                select(MemberEvent)
                .where(MemberEvent.member_id == member_id)
                .order_by(MemberEvent.occurs_on, MemberEvent.created_at)
            )
            return [
                EventRow(
                    e.id,
                    e.kind,
                    e.occurs_on,
                    e.decision_ref,
                    e.counterpart,
                    e.ends_on,
                    e.note,
                    e.recorded_by,
                    e.created_at,
                    e.withdrawn_at,
                    e.withdrawn_by,
                    e.withdrawn_reason,
                )
                for e in events
            ]

    def record(self, member_id: str, data: EventInput) -> str:
        """Add an event after checking it fits the member's history."""
        with self.book.session() as session:
            member = session.get(Member, member_id)
            if member is None:
                raise KeyError(member_id)
            self._check(session, member, data)
            event = MemberEvent(
                kind=Kind(data.kind),
                occurs_on=data.occurs_on,
                decision_ref=data.decision_ref.strip(),
                counterpart=data.counterpart.strip(),
                ends_on=data.ends_on,
                note=data.note.strip(),
                recorded_by=data.recorded_by.strip(),
            )
            member.events.append(event)
            refresh_member(member)
            session.flush()
            return event.id

    def withdraw(self, event_id: str, reason: str, by: str = "") -> None:
        """Withdraw a member's latest event, recorded by mistake. It stays in the
        history, marked with the reason, and no longer counts for the status."""
        check = Validator()
        check.required("withdrawn_reason", reason)
        check.max_length("withdrawn_reason", reason, 500)
        check.raise_if_any()
        with self.book.session() as session:
            event = session.get(MemberEvent, event_id)
            if event is None or event.withdrawn_at is not None:
                raise KeyError(event_id)
            member = event.member
            latest = _standing(member)[-1:]
            if latest != [event]:
                check.add(
                    "withdrawn_reason",
                    _("Only the latest event can be withdrawn; withdraw the later ones first."),
                )
                check.raise_if_any()
            event.withdrawn_at = utcnow()
            event.withdrawn_by = by.strip()
            event.withdrawn_reason = reason.strip()
            refresh_member(member)

    def _check(self, session: BookSession, member: Member, data: EventInput) -> None:
        check = Validator()
        kind = Kind(data.kind)
        check.required("occurs_on", data.occurs_on)
        check.not_future("occurs_on", data.occurs_on, self.today)
        check.max_length("decision_ref", data.decision_ref, 200)
        check.max_length("counterpart", data.counterpart, 200)
        if kind in NEEDS_COUNTERPART:
            check.required("counterpart", data.counterpart)
        if data.ends_on is not None:
            check.not_before("ends_on", data.ends_on, "occurs_on", data.occurs_on)
        latest = max((event.occurs_on for event in _standing(member)), default=None)
        if latest is not None and data.occurs_on is not None and data.occurs_on < latest:
            check.add(
                "occurs_on",
                _(
                    "{field}: the member's last recorded event is on {date}; "
                    "record events in order."
                ).format(field=field_label("occurs_on"), date=format_date(latest)),
            )
        status = member.status
        if status in FINAL:
            check.add(
                "kind",
                _("{name} is no longer a member of this cell ({status}).").format(
                    name=member.full_name, status=enum_label(status)
                ),
            )
        elif kind is Kind.ADMISSION and any(e.kind is Kind.ADMISSION for e in _standing(member)):
            check.add(
                "kind", _("{name} already has an admission date.").format(name=member.full_name)
            )
        elif kind in ALLOWED_FROM and status not in ALLOWED_FROM[kind]:
            check.add(
                "kind",
                _("“{event}” cannot be recorded for a member who is: {status}.").format(
                    event=enum_label(kind), status=enum_label(status)
                ),
            )
        check.raise_if_any()


def initial_events(
    admission_date: date | None,
    official_date: date | None,
    situation: MemberStatus,
    on: date,
    home_cell: str = "",
) -> list[MemberEvent]:
    """The events a newly entered member starts with: admission and recognition
    from their dates, and their present situation (exempt, attached, away)
    recorded on `on`."""
    events = []
    if admission_date is not None:
        events.append(MemberEvent(kind=Kind.ADMISSION, occurs_on=admission_date))
    if official_date is not None:
        events.append(MemberEvent(kind=Kind.RECOGNITION, occurs_on=official_date))
    situation_event = {
        MemberStatus.EXEMPT: Kind.EXEMPTION,
        MemberStatus.ATTACHED: Kind.ATTACHMENT,
        MemberStatus.AWAY: Kind.TEMPORARY_TRANSFER,
    }.get(situation)
    if situation_event is not None:
        events.append(
            MemberEvent(
                kind=situation_event,
                occurs_on=max(on, official_date or admission_date or on),
                counterpart=home_cell,
                note=_("Recorded when the member was entered."),
            )
        )
    return events
