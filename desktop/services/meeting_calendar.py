"""The year's meeting plan: what should happen each month and what the book has.

For every month of a year the plan has the regular meeting, on the book's
meeting day moved off public holidays as the rule set says (see
`desktop.services.schedule`: weekends never move a meeting, since village cells
often meet then), and the committee's preparatory meeting two days before it,
moved earlier off holidays. Meetings already in the book are matched to those
entries; thematic and extraordinary meetings are listed as they are. Each
quarter is checked for its thematic meeting(s).

Plain Python: the Meetings page, the home page and the tests all call it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from desktop.data.enums import MeetingKind, MeetingState
from desktop.i18n import _, format_month
from desktop.services.book import Book
from desktop.services.labels import enum_label
from desktop.services.meetings import MeetingInput, MeetingRow, MeetingService
from desktop.services.schedule import (
    PREVIOUS_WORKING_DAY,
    NextMeeting,
    avoid_holidays,
    holiday_rule,
    holidays_around,
    regular_meeting_in,
)
from desktop.services.validation import FieldError, ValidationError

COMMITTEE_DAYS_BEFORE = 2
DONE_STATES = (MeetingState.HELD, MeetingState.ADOPTED)
KIND_ORDER = {
    MeetingKind.COMMITTEE: 0,
    MeetingKind.REGULAR: 1,
    MeetingKind.THEMATIC: 2,
    MeetingKind.EXTRAORDINARY: 3,
}
ROMAN_QUARTERS = ("I", "II", "III", "IV")


@dataclass(frozen=True)
class PlanEntry:
    """One meeting of the plan: planned, in the book, or both."""

    kind: MeetingKind
    year: int
    month: int  # the month it belongs to (a committee meeting: the month it prepares)
    planned_on: date  # the plan's date (a meeting that was not planned: its own date)
    meeting_id: str | None = None
    state: MeetingState | None = None
    scheduled_on: date | None = None  # the meeting's own date, once it is in the book
    title: str = ""
    overdue: bool = False  # its date has passed and it was not held
    moved_from: date | None = None  # the usual day, when a holiday moved it
    holiday: str = ""  # the holiday's name (also set when the rule keeps the day)
    in_plan: bool = True  # False: a meeting the plan does not call for (thematic, extraordinary…)

    @property
    def exists(self) -> bool:
        return self.meeting_id is not None

    @property
    def on(self) -> date:
        """The date that counts: the meeting's own, else the planned one."""
        return self.scheduled_on or self.planned_on

    @property
    def quarter(self) -> int:
        return (self.month - 1) // 3 + 1

    @property
    def can_create(self) -> bool:
        return not self.exists and self.kind in (MeetingKind.REGULAR, MeetingKind.COMMITTEE)


@dataclass(frozen=True)
class QuarterCheck:
    quarter: int  # 1-4
    thematic_count: int
    required: int
    ok: bool

    @property
    def roman(self) -> str:
        return ROMAN_QUARTERS[self.quarter - 1]


@dataclass(frozen=True)
class YearPlan:
    year: int
    meeting_day: int
    holiday_rule: str
    entries: list[PlanEntry] = field(default_factory=list)  # by date
    quarters: list[QuarterCheck] = field(default_factory=list)

    @property
    def warnings(self) -> list[QuarterCheck]:
        """Quarters without enough thematic meetings, planned or held."""
        return [check for check in self.quarters if not check.ok]

    def of_kind(self, kind: MeetingKind) -> list[PlanEntry]:
        return [entry for entry in self.entries if entry.kind is kind]

    def entry(self, kind: MeetingKind, month: int) -> PlanEntry | None:
        """The regular or committee meeting planned for `month`."""
        return next(
            (
                entry
                for entry in self.entries
                if entry.kind is kind and entry.month == month and entry.in_plan
            ),
            None,
        )

    @property
    def overdue(self) -> list[PlanEntry]:
        return [entry for entry in self.entries if entry.overdue]


class AlreadyInBook(ValidationError):
    """The meeting a plan entry stands for is already in the book."""

    def __init__(self, message: str, meeting_id: str) -> None:
        super().__init__([FieldError("", message)])
        self.meeting_id = meeting_id


def thematic_per_quarter(book: Book) -> int:
    return int(book.rules.data.get("meeting", {}).get("thematic_per_quarter", 1))


def month_text(year: int, month: int) -> str:
    return f"{month:02d}/{year}"


def default_title(kind: MeetingKind, year: int, month: int) -> str:
    """The meeting's title in Vietnamese (document titles are Vietnamese whatever
    the language of the screens)."""
    when = f"{month}/{year}"
    if kind is MeetingKind.REGULAR:
        return f"Sinh hoạt chi bộ thường kỳ tháng {when}"
    if kind is MeetingKind.COMMITTEE:
        return f"Họp chi ủy chuẩn bị sinh hoạt tháng {when}"
    if kind is MeetingKind.THEMATIC:
        return f"Sinh hoạt chuyên đề quý {ROMAN_QUARTERS[(month - 1) // 3]}/{year}"
    return f"Sinh hoạt chi bộ bất thường tháng {when}"


def _overdue(on: date, state: MeetingState | None, today: date) -> bool:
    return on < today and state not in DONE_STATES


def _from_row(
    row: MeetingRow, year: int, month: int, today: date, planned: NextMeeting | None
) -> PlanEntry:
    """A meeting of the book; `planned` is the plan's date it was matched to."""
    return PlanEntry(
        kind=row.kind,
        year=year,
        month=month,
        planned_on=planned.on if planned else row.scheduled_on,
        meeting_id=row.id,
        state=row.state,
        scheduled_on=row.scheduled_on,
        title=row.display_title,
        overdue=_overdue(row.scheduled_on, row.state, today),
        moved_from=planned.moved_from if planned else None,
        holiday=planned.holiday if planned else "",
        in_plan=planned is not None,
    )


def _planned(
    kind: MeetingKind, year: int, month: int, planned: NextMeeting, today: date
) -> PlanEntry:
    return PlanEntry(
        kind=kind,
        year=year,
        month=month,
        planned_on=planned.on,
        title=default_title(kind, year, month),
        overdue=_overdue(planned.on, None, today),
        moved_from=planned.moved_from,
        holiday=planned.holiday,
    )


def year_plan(book: Book, year: int, today: date) -> YearPlan:
    """The plan of `year` with the meetings of the book matched to it."""
    rules = book.rules
    rule = holiday_rule(rules)
    meeting_day = book.organisation().meeting_day
    holidays = holidays_around(rules, year)
    rows = sorted(
        (row for row in MeetingService(book).rows() if year - 1 <= row.scheduled_on.year <= year),
        key=lambda row: (row.scheduled_on, KIND_ORDER[row.kind]),
    )
    unmatched = [row for row in rows if row.scheduled_on.year == year]
    entries: list[PlanEntry] = []

    def take(kind: MeetingKind, low: date, high: date) -> MeetingRow | None:
        """The first meeting of `kind` dated after `low` up to `high`."""
        found = next((r for r in rows if r.kind is kind and low < r.scheduled_on <= high), None)
        if found is not None:
            rows.remove(found)
            if found in unmatched:
                unmatched.remove(found)
        return found

    def month_span(y: int, m: int) -> tuple[date, date]:
        first = date(y, m, 1)
        return first - timedelta(days=1), (first + timedelta(days=32)).replace(day=1) - timedelta(
            days=1
        )

    # A committee meeting prepares the first regular meeting after it.
    december = regular_meeting_in(year - 1, 12, meeting_day, holidays, rule).on
    previous_on = next(
        (
            r.scheduled_on
            for r in rows
            if r.kind is MeetingKind.REGULAR
            and r.scheduled_on.year == year - 1
            and r.scheduled_on.month == 12
        ),
        december,
    )
    for month in range(1, 13):
        planned = regular_meeting_in(year, month, meeting_day, holidays, rule)
        regular = take(MeetingKind.REGULAR, *month_span(year, month))
        if regular is None:
            regular_entry = _planned(MeetingKind.REGULAR, year, month, planned, today)
        else:
            regular_entry = _from_row(regular, year, month, today, planned)
        # The committee prepares it: two days before, never on a holiday.
        before = regular_entry.on - timedelta(days=COMMITTEE_DAYS_BEFORE)
        prep = avoid_holidays(before, holidays, PREVIOUS_WORKING_DAY)
        committee = take(MeetingKind.COMMITTEE, previous_on, regular_entry.on)
        if committee is None:
            entries.append(_planned(MeetingKind.COMMITTEE, year, month, prep, today))
        else:
            entries.append(_from_row(committee, year, month, today, prep))
        entries.append(regular_entry)
        previous_on = regular_entry.on
    for row in unmatched:  # thematic, extraordinary, and any second meeting of a month
        entries.append(_from_row(row, year, row.scheduled_on.month, today, None))
    entries.sort(key=lambda e: (e.on, KIND_ORDER[e.kind]))

    required = thematic_per_quarter(book)
    quarters = []
    for quarter in range(1, 5):
        count = sum(1 for e in entries if e.kind is MeetingKind.THEMATIC and e.quarter == quarter)
        quarters.append(QuarterCheck(quarter, count, required, count >= required))
    return YearPlan(year, meeting_day, rule, entries, quarters)


def upcoming_and_overdue(
    book: Book, today: date, days: int = 30, lookback_days: int = 92
) -> list[PlanEntry]:
    """What the home page reminds of: meetings due in the next `days` days that
    were not held yet, and overdue ones of the last `lookback_days` days."""
    start, end = today - timedelta(days=lookback_days), today + timedelta(days=days)
    found: list[PlanEntry] = []
    for year in range(start.year, end.year + 1):
        for entry in year_plan(book, year, today).entries:
            if not start <= entry.on <= end or entry.state in DONE_STATES:
                continue
            if entry.overdue or entry.on >= today:
                found.append(entry)
    return sorted(found, key=lambda e: (e.on, KIND_ORDER[e.kind]))


def create_planned(book: Book, entry: PlanEntry, *, topic: str = "") -> str:
    """Put a planned meeting in the book as a draft, with its kind, date and a
    Vietnamese title; the new meeting's id. A regular or committee meeting that
    is already there for the month is refused (`AlreadyInBook`)."""
    if entry.kind is MeetingKind.EXTRAORDINARY:
        raise ValidationError(
            [
                FieldError(
                    "kind",
                    _("Extraordinary meetings are not planned ahead: add one with New meeting…"),
                )
            ]
        )
    if entry.kind is not MeetingKind.THEMATIC:
        current = year_plan(book, entry.year, entry.planned_on).entry(entry.kind, entry.month)
        if current is not None and current.meeting_id is not None:
            message = _("{kind} of {month} is already in the book; nothing was added.").format(
                kind=enum_label(entry.kind),
                month=format_month(date(entry.year, entry.month, 1)),
            )
            raise AlreadyInBook(message, current.meeting_id)
    org = book.organisation()
    return MeetingService(book).create(
        MeetingInput(
            kind=entry.kind,
            scheduled_on=entry.planned_on,
            title=default_title(entry.kind, entry.year, entry.month),
            topic=topic,
            place=org.place_name,
        )
    )
