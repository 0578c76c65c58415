"""What the secretary should see to on the home screen, from the members'
records and the rule set: probation ending, recognition deadlines, party
badges, temporary transfers and attachments ending, and dues left unpaid.

Each kind of reminder comes from its own small function; `reminders`
gathers them, most urgent first, then by date.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from desktop.data.enums import CURRENT_STATUSES, MemberStatus
from desktop.data.enums import MemberEventKind as Kind
from desktop.data.models import Member
from desktop.i18n import N_, _, format_date
from desktop.rules import RuleSet
from desktop.services.book import Book
from desktop.services.dues import DuesService, UnpaidMember, month_text
from desktop.services.labels import enum_label
from desktop.services.party_calendar import (
    add_months,
    next_badge,
    probation_ends,
    recognition_deadline,
)

# How far ahead the end of a temporary transfer or attachment is shown.
TEMPORARY_END_DAYS = 30
# Months of unpaid dues in a year that call for a word with the member
# (the party's charter lets a cell consider removal after three).
UNPAID_DUES_MONTHS = 3


class ReminderKind(StrEnum):
    PROBATION_ENDING = "probation_ending"  # prepare the recognition
    RECOGNITION_DUE = "recognition_due"  # probation over, recognition not yet recorded
    BADGE_DUE = "badge_due"
    TRANSFER_ENDING = "transfer_ending"  # temporary transfer away
    ATTACHMENT_ENDING = "attachment_ending"  # temporary attachment here
    UNPAID_DUES = "unpaid_dues"
    MEETING_COMING = "meeting_coming"  # a planned meeting in the next 30 days
    MEETING_OVERDUE = "meeting_overdue"  # its day has passed and it was not held
    REVIEW_DUE = "review_due"  # the year's review has not been started by December
    SHORTCOMING_OVERDUE = "shortcoming_overdue"  # its deadline passed and it is not fixed


KIND_LABELS: dict[ReminderKind, str] = {
    ReminderKind.PROBATION_ENDING: N_("Probation ending"),
    ReminderKind.RECOGNITION_DUE: N_("Recognition due"),
    ReminderKind.BADGE_DUE: N_("Party badge"),
    ReminderKind.TRANSFER_ENDING: N_("Temporary transfer ending"),
    ReminderKind.ATTACHMENT_ENDING: N_("Temporary attachment ending"),
    ReminderKind.UNPAID_DUES: N_("Dues not paid"),
    ReminderKind.MEETING_COMING: N_("Meeting coming"),
    ReminderKind.MEETING_OVERDUE: N_("Meeting overdue"),
    ReminderKind.REVIEW_DUE: N_("Annual review"),
    ReminderKind.SHORTCOMING_OVERDUE: N_("Shortcoming to follow up"),
}


def kind_label(kind: ReminderKind) -> str:
    return _(KIND_LABELS[kind])


@dataclass(frozen=True)
class Reminder:
    kind: ReminderKind
    member_id: str
    member_name: str
    due_on: date
    message: str  # translated, with dates as dd/mm/yyyy
    urgent: bool = False
    meeting_id: str | None = None  # for meeting reminders, once the meeting is in the book

    @property
    def about_meeting(self) -> bool:
        return self.kind in (ReminderKind.MEETING_COMING, ReminderKind.MEETING_OVERDUE)

    @property
    def about_reviews(self) -> bool:
        """Opens the reviews (the cell's own shortcomings and the year's review)."""
        return self.kind is ReminderKind.REVIEW_DUE or (
            self.kind is ReminderKind.SHORTCOMING_OVERDUE and not self.member_id
        )

    @property
    def label(self) -> str:
        return kind_label(self.kind)


@dataclass(frozen=True)
class EventFacts:
    kind: Kind
    occurs_on: date
    ends_on: date | None = None
    counterpart: str = ""


@dataclass(frozen=True)
class MemberFacts:
    """What the reminders need of a member (read once, no ORM objects kept)."""

    id: str
    name: str
    sort_key: str
    status: MemberStatus
    admission_date: date | None
    events: tuple[EventFacts, ...] = ()  # in date order

    def latest(self, kind: Kind) -> EventFacts | None:
        return next((e for e in reversed(self.events) if e.kind is kind), None)


def everything_due(book: Book, today: date) -> list[Reminder]:
    """What the home page shows: the members' reminders and the meetings',
    urgent ones first, then by date."""
    from desktop.services.review_reminders import reviews_due

    return sorted(
        [*reminders(book, today), *meetings_due(book, today), *reviews_due(book, today)],
        key=lambda r: (not r.urgent, r.due_on),
    )


def reminders(book: Book, today: date) -> list[Reminder]:
    """Every reminder about members for `today`: urgent ones first, then by date."""
    rules = book.rules
    members = _members(book)
    found = [
        *probation_ending(members, rules, today),
        *recognition_due(members, rules, today),
        *badges_due(members, rules, today),
        *transfers_ending(members, today),
        *attachments_ending(members, today),
        *unpaid_dues(DuesService(book, today), today),
    ]
    names = {member.id: member.sort_key for member in members}
    return sorted(
        found,
        key=lambda r: (not r.urgent, r.due_on, names.get(r.member_id, ""), r.kind.value),
    )


def _members(book: Book) -> list[MemberFacts]:
    with book.reader() as session:
        rows = session.scalars(
            select(Member)
            .where(Member.status.in_(CURRENT_STATUSES))
            .options(selectinload(Member.events))
            .order_by(Member.sort_key)
        ).all()
        return [
            MemberFacts(
                member.id,
                member.full_name,
                member.sort_key,
                member.status,
                member.admission_date,
                tuple(
                    EventFacts(Kind(e.kind), e.occurs_on, e.ends_on, e.counterpart)
                    for e in member.events
                    if e.withdrawn_at is None
                ),
            )
            for member in rows
        ]


def _reminder(
    kind: ReminderKind, member: MemberFacts, due_on: date, message: str, urgent: bool = False
) -> Reminder:
    return Reminder(kind, member.id, member.name, due_on, message, urgent)


# --- probation and recognition -----------------------------------------------


def probation_ending(members: Sequence[MemberFacts], rules: RuleSet, today: date) -> list[Reminder]:
    """Probationary members whose probation ends within the rule set's
    `probation_reminder_days` (today included): time to prepare recognition."""
    horizon = today + timedelta(days=rules.probation_reminder_days)
    found = []
    for member in members:
        if member.status is not MemberStatus.PROBATIONARY or member.admission_date is None:
            continue
        ends = probation_ends(member.admission_date, rules)
        if today <= ends <= horizon:
            message = _(
                "The probation of {name} ends on {date}: prepare the recognition as a full member."
            ).format(name=member.name, date=format_date(ends))
            found.append(_reminder(ReminderKind.PROBATION_ENDING, member, ends, message))
    return found


def recognition_due(members: Sequence[MemberFacts], rules: RuleSet, today: date) -> list[Reminder]:
    """Probationary members whose probation is over: the cell must consider
    recognition within the rule set's working days; urgent once that has passed."""
    found = []
    for member in members:
        if member.status is not MemberStatus.PROBATIONARY or member.admission_date is None:
            continue
        ended = probation_ends(member.admission_date, rules)
        if ended >= today:
            continue
        deadline = recognition_deadline(member.admission_date, rules)
        if today > deadline:
            message = _(
                "The deadline to consider recognising {name} as a full member passed on {date}."
            ).format(name=member.name, date=format_date(deadline))
        else:
            message = _(
                "The probation of {name} ended on {ended}: the cell must consider recognition "
                "by {date}."
            ).format(name=member.name, ended=format_date(ended), date=format_date(deadline))
        found.append(
            _reminder(ReminderKind.RECOGNITION_DUE, member, deadline, message, today > deadline)
        )
    return found


# --- party badges ------------------------------------------------------------


def badges_due(members: Sequence[MemberFacts], rules: RuleSet, today: date) -> list[Reminder]:
    """Party badges (30, 40, 45 ... 90 years of party age) falling due within the
    rule set's `badge_reminder_months`. Attached members get theirs at home."""
    horizon = add_months(today, rules.badge_reminder_months)
    found = []
    for member in members:
        if member.status is MemberStatus.ATTACHED or member.admission_date is None:
            continue
        badge = next_badge(member.admission_date, today, rules)
        if badge is None or badge[1] > horizon:
            continue
        years, due = badge
        message = _(
            "{name} reaches {years} years of party membership on {date}: propose the party badge."
        ).format(name=member.name, years=years, date=format_date(due))
        found.append(_reminder(ReminderKind.BADGE_DUE, member, due, message))
    return found


# --- temporary transfers and attachments ---------------------------------------


def transfers_ending(members: Sequence[MemberFacts], today: date) -> list[Reminder]:
    """Members away on a temporary transfer that ends within 30 days or has
    ended without their return being recorded (urgent)."""
    found = []
    for member in members:
        if member.status is not MemberStatus.AWAY:
            continue
        event = member.latest(Kind.TEMPORARY_TRANSFER)
        ends = event.ends_on if event is not None else None
        if event is None or ends is None or ends > today + timedelta(days=TEMPORARY_END_DAYS):
            continue
        if ends < today:
            message = _(
                "The temporary transfer of {name} to {place} ended on {date}: record their "
                "return or an official transfer."
            ).format(name=member.name, place=event.counterpart, date=format_date(ends))
        else:
            message = _("The temporary transfer of {name} to {place} ends on {date}.").format(
                name=member.name, place=event.counterpart, date=format_date(ends)
            )
        found.append(
            _reminder(ReminderKind.TRANSFER_ENDING, member, ends, message, urgent=ends < today)
        )
    return found


def attachments_ending(members: Sequence[MemberFacts], today: date) -> list[Reminder]:
    """Temporarily attached members whose attachment ends within 30 days or has
    ended without being renewed or closed (urgent)."""
    found = []
    for member in members:
        if member.status is not MemberStatus.ATTACHED:
            continue
        event = member.latest(Kind.ATTACHMENT)
        ends = event.ends_on if event is not None else None
        if event is None or ends is None or ends > today + timedelta(days=TEMPORARY_END_DAYS):
            continue
        if ends < today:
            message = _(
                "The temporary attachment of {name} (home cell: {place}) ended on {date}: "
                "record its end or its renewal."
            ).format(name=member.name, place=event.counterpart, date=format_date(ends))
        else:
            message = _(
                "The temporary attachment of {name} (home cell: {place}) ends on {date}."
            ).format(name=member.name, place=event.counterpart, date=format_date(ends))
        found.append(
            _reminder(ReminderKind.ATTACHMENT_ENDING, member, ends, message, urgent=ends < today)
        )
    return found


# --- dues ----------------------------------------------------------------------


def unpaid_dues(dues: DuesService, today: date) -> list[Reminder]:
    """Members with 3 or more months of this year's dues not paid, counting
    the months before the present one (so none in January)."""
    up_to = today.replace(day=1) - timedelta(days=1)
    if up_to.year != today.year:
        return []
    return [
        _unpaid_reminder(entry, today)
        for entry in dues.members_with_unpaid(today.year, up_to, UNPAID_DUES_MONTHS)
    ]


def _unpaid_reminder(entry: UnpaidMember, today: date) -> Reminder:
    """Dated today: the member is behind now, whichever month they missed first."""
    months = ", ".join(month_text(month) for month in entry.months)
    message = _("{name} has not paid the dues of {count} months this year ({months}).").format(
        name=entry.member_name, count=len(entry.months), months=months
    )
    return Reminder(ReminderKind.UNPAID_DUES, entry.member_id, entry.member_name, today, message)


# --- meetings ----------------------------------------------------------------


def meetings_due(book: Book, today: date) -> list[Reminder]:
    """Meetings of the year plan coming in the next 30 days and not yet held,
    and meetings in the book whose day has passed without being held (urgent).
    Past months with no meeting in the book are not reminded of: the book may
    simply not hold them (it was started later)."""
    from desktop.services.meeting_calendar import upcoming_and_overdue

    found = []
    for entry in upcoming_and_overdue(book, today):
        if entry.overdue and not entry.exists:
            continue
        label = enum_label(entry.kind)
        if entry.overdue:
            message = _("{meeting} planned for {date} has not been recorded as held.").format(
                meeting=label, date=format_date(entry.on)
            )
        elif entry.exists:
            message = _("{meeting} on {date}: prepare it.").format(
                meeting=label, date=format_date(entry.on)
            )
        else:
            message = _("{meeting} on {date} is not in the book yet: plan it.").format(
                meeting=label, date=format_date(entry.on)
            )
        found.append(
            Reminder(
                ReminderKind.MEETING_OVERDUE if entry.overdue else ReminderKind.MEETING_COMING,
                "",
                "",
                entry.on,
                message,
                urgent=entry.overdue,
                meeting_id=entry.meeting_id,
            )
        )
    return found
