"""The dues ledger (đảng phí): what each member owes and pays, month by month.

Rates are data of the book's rule set (`book.rules`, section "dues"), never
constants here: a commune that receives new guidance installs a new rule
file, and the months opened after that use it. Each month's line keeps the
amount due fixed when it was opened, so later changes never rewrite the past.

Who owes dues to this cell in a month: its current members (full,
probationary, and those exempt from work and meetings, who still pay unless
exempt from dues), but not temporarily attached members (they pay at their
home cell) nor members temporarily transferred away (they pay where they
attend). Membership is read from the member's events: see `status_on` and
`owes_dues`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from typing import Protocol

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from desktop.data.enums import CURRENT_STATUSES, MemberStatus
from desktop.data.enums import MemberEventKind as Kind
from desktop.data.models import DuesPayment, Member
from desktop.i18n import N_, _, format_date, format_number
from desktop.rules import RuleSet
from desktop.rules.ruleset import DuesRate
from desktop.services.book import Book
from desktop.services.member_status import EventFact, derive_status
from desktop.services.party_calendar import party_age
from desktop.services.validation import Validator

# Statuses whose members pay their dues to this cell.
PAYING_STATUSES = frozenset({MemberStatus.FULL, MemberStatus.PROBATIONARY, MemberStatus.EXEMPT})

# A payment above this many times the amount due is most likely a typing slip.
MAX_TIMES_DUE = 10

ROUNDING_VND = 100


class DuesStatus(StrEnum):
    PAID = "paid"
    PARTLY = "partly"
    UNPAID = "unpaid"
    EXEMPT = "exempt"


STATUS_LABELS: dict[DuesStatus, str] = {
    DuesStatus.PAID: N_("Paid"),
    DuesStatus.PARTLY: N_("Partly paid"),
    DuesStatus.UNPAID: N_("Not paid"),
    DuesStatus.EXEMPT: N_("Exempt"),
}


def status_label(status: DuesStatus) -> str:
    return _(STATUS_LABELS[status])


@dataclass(frozen=True)
class DuesDue:
    """What a member owes for one month, and under which rate."""

    amount: int  # VND
    rate_id: str
    rate_title: str
    exempt_reason: str = ""  # set when the member is exempt (amount 0)

    @property
    def exempt(self) -> bool:
        return bool(self.exempt_reason)


@dataclass(frozen=True)
class DuesLine:
    """One member's line on a month's dues sheet."""

    id: str
    member_id: str
    member_name: str
    month: date  # first day of the month
    rate_id: str
    rate_title: str
    amount_due: int
    amount_paid: int
    paid_on: date | None
    note: str
    status: DuesStatus
    exempt_reason: str = ""

    @property
    def outstanding(self) -> int:
        return max(0, self.amount_due - self.amount_paid)

    @property
    def status_label(self) -> str:
        return status_label(self.status)


@dataclass(frozen=True)
class DuesSheet:
    """A month's dues sheet: lines in Vietnamese name order, and the totals."""

    month: date
    lines: list[DuesLine]
    total_due: int
    total_paid: int
    outstanding: int  # what is still owed (overpayments do not offset it)

    def count(self, status: DuesStatus) -> int:
        return sum(1 for line in self.lines if line.status is status)


@dataclass(frozen=True)
class UnpaidMember:
    """A member with months not (fully) paid, oldest month first."""

    member_id: str
    member_name: str
    months: list[date]


class EventLike(Protocol):
    @property
    def kind(self) -> Kind: ...

    @property
    def occurs_on(self) -> date: ...


# --- months -----------------------------------------------------------------


def month_start(day: date) -> date:
    return day.replace(day=1)


def month_end(day: date) -> date:
    following = (day.replace(day=28) + timedelta(days=4)).replace(day=1)
    return following - timedelta(days=1)


def month_text(month: date) -> str:
    """A month as it is written: 05/2026."""
    return f"{month.month:02d}/{month.year}"


# --- amounts ----------------------------------------------------------------


def round_vnd(value: Decimal) -> int:
    """Round an amount half up to the nearest 100 VND, as dues books usually do
    (24,250 -> 24,300; 24,249 -> 24,200); coins below 100 VND are not in use."""
    hundreds = (value / ROUNDING_VND).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    return int(hundreds) * ROUNDING_VND


def rate_amount(rate: DuesRate, base: int | None) -> int:
    """A month's dues under `rate`: a flat rate's amount, or the percentage of
    `base` (insured salary or pension) rounded by `round_vnd`. A percentage
    rate without a base gives 0 (`DuesService.set_member_rate` refuses that)."""
    if rate.is_percent:
        return round_vnd(Decimal(base or 0) * Decimal(str(rate.percent)) / 100)
    return int(rate.amount)


def member_rate(rules: RuleSet, rate_id: str) -> DuesRate:
    """The member's rate; no rate chosen (or one the rule set no longer has)
    gives the rule set's default, "farmer" when it exists, else its first rate."""
    return rules.dues_rate(rate_id) or rules.default_dues_rate


def dues_due(
    rules: RuleSet,
    month: date,
    *,
    rate_id: str = "",
    base: int | None = None,
    exempt_reason: str = "",
    admitted: date | None = None,
) -> DuesDue:
    """What a member owes for `month` under `rules`.

    Exempt (amount 0, with the reason): a member with a recorded reason
    (e.g. "Hộ nghèo"), or whose party age reaches the rule set's
    `exempt_party_age_years` (50) by the last day of `month`, so the month of
    the anniversary is already exempt.
    """
    rate = member_rate(rules, rate_id)
    if exempt_reason.strip():
        return DuesDue(0, rate.id, rate.title, exempt_reason.strip())
    years = rules.dues_exempt_party_age_years
    if admitted is not None and party_age(admitted, month_end(month)) >= years:
        reason = _("Party age of {years} years or more").format(years=years)
        return DuesDue(0, rate.id, rate.title, reason)
    return DuesDue(rate_amount(rate, base), rate.id, rate.title)


def line_status(amount_due: int, amount_paid: int) -> DuesStatus:
    if amount_due <= 0:
        return DuesStatus.EXEMPT
    if amount_paid >= amount_due:
        return DuesStatus.PAID
    return DuesStatus.PARTLY if amount_paid > 0 else DuesStatus.UNPAID


# --- who owes ---------------------------------------------------------------


def status_on(
    events: Iterable[EventLike],
    day: date,
    *,
    admitted: date | None = None,
    fallback: MemberStatus = MemberStatus.FULL,
) -> MemberStatus | None:
    """The member's status in this cell on `day`, from their events; None on
    days before they belonged to it (before their admission, or before they
    were first attached here from another cell). A member with no events at
    all has `fallback` (their stored status) once admitted."""
    facts = sorted(events, key=lambda event: event.occurs_on)
    if admitted is not None and day < admitted:
        return None
    if not facts:
        return fallback
    for kind in (Kind.ADMISSION, Kind.ATTACHMENT):
        first = next((e.occurs_on for e in facts if Kind(e.kind) is kind), None)
        if first is not None and day < first:
            return None
    before = [EventFact(Kind(e.kind), e.occurs_on) for e in facts if e.occurs_on <= day]
    return derive_status(before, default=MemberStatus.FULL).status


def owes_dues(
    events: Iterable[EventLike],
    month: date,
    *,
    admitted: date | None = None,
    fallback: MemberStatus = MemberStatus.FULL,
) -> bool:
    """Whether the member owes this cell dues for `month`.

    Their status is taken on the month's first day, or on their admission day
    if they were admitted during the month: so a member admitted after the
    month owes nothing for it, one who left (or went away) during the month
    still owes it, and one who left before it does not.
    """
    start, end = month_start(month), month_end(month)
    if admitted is not None and admitted > end:
        return False
    day = admitted if admitted is not None and admitted >= start else start
    status = status_on(events, day, admitted=admitted, fallback=fallback)
    return status in PAYING_STATUSES


# --- the ledger -------------------------------------------------------------


class DuesService:
    def __init__(self, book: Book, today: date | None = None) -> None:
        self.book = book
        self.today = today or date.today()

    @property
    def rules(self) -> RuleSet:
        return self.book.rules

    def rates(self) -> list[DuesRate]:
        """The rates of the rule set in force, for a rate chooser."""
        return self.rules.dues_rates

    def amount_due(self, member: Member, month: date) -> DuesDue:
        """What `member` owes for `month` under the rule set in force."""
        return dues_due(
            self.rules,
            month_start(month),
            rate_id=member.dues_rate_id,
            base=member.dues_base,
            exempt_reason=member.dues_exempt_reason,
            admitted=member.admission_date,
        )

    def owes(self, member: Member, month: date) -> bool:
        """Whether `member` owes this cell dues for `month` (see `owes_dues`).
        Reads `member.events`, so call it while the member's session is open."""
        return owes_dues(
            [event for event in member.events if event.withdrawn_at is None],
            month,
            admitted=member.admission_date,
            fallback=member.status,
        )

    def _new_line(self, member: Member, month: date) -> DuesPayment:
        due = self.amount_due(member, month)
        return DuesPayment(
            member_id=member.id, month=month, amount_due=due.amount, rate_id=due.rate_id
        )

    def open_month(self, month: date) -> int:
        """Make the month's lines for members who owe it and have none yet,
        with the amounts of the rule set now in force. Running it again makes
        nothing new. Returns how many lines were made."""
        start = month_start(month)
        with self.book.session() as session:
            members = session.scalars(select(Member).options(selectinload(Member.events))).all()
            existing = set(
                session.scalars(select(DuesPayment.member_id).where(DuesPayment.month == start))
            )
            made = [
                self._new_line(member, start)
                for member in members
                if member.id not in existing and self.owes(member, start)
            ]
            session.add_all(made)
            return len(made)

    def sheet(self, month: date) -> DuesSheet:
        """The month's lines (empty until the month is opened) and totals."""
        start = month_start(month)
        with self.book.reader() as session:
            rows = session.execute(
                select(DuesPayment, Member)
                .join(Member, DuesPayment.member_id == Member.id)
                .where(DuesPayment.month == start)
                .order_by(Member.sort_key, Member.id)
            ).all()
            lines = [self._line(line, member) for line, member in rows]
        return DuesSheet(
            month=start,
            lines=lines,
            total_due=sum(line.amount_due for line in lines),
            total_paid=sum(line.amount_paid for line in lines),
            outstanding=sum(line.outstanding for line in lines),
        )

    def _line(self, line: DuesPayment, member: Member) -> DuesLine:
        rate = self.rules.dues_rate(line.rate_id)
        status = line_status(line.amount_due, line.amount_paid)
        reason = ""
        if status is DuesStatus.EXEMPT:
            reason = self.amount_due(member, line.month).exempt_reason
        return DuesLine(
            id=line.id,
            member_id=member.id,
            member_name=member.full_name,
            month=line.month,
            rate_id=line.rate_id,
            rate_title=rate.title if rate else line.rate_id,
            amount_due=line.amount_due,
            amount_paid=line.amount_paid,
            paid_on=line.paid_on,
            note=line.note,
            status=status,
            exempt_reason=reason,
        )

    def record_payment(
        self,
        member_id: str,
        month: date,
        amount: int,
        paid_on: date | None,
        note: str = "",
    ) -> None:
        """Set what the member has paid for `month` in all (not an addition to
        it), when, and a note. A month not yet opened is opened for this
        member. Paying 0 clears the payment date."""
        start = month_start(month)
        with self.book.session() as session:
            member = session.get(Member, member_id)
            if member is None:
                raise KeyError(member_id)
            line = session.scalar(
                select(DuesPayment).where(
                    DuesPayment.member_id == member_id, DuesPayment.month == start
                )
            )
            self._check_payment(member, start, line, amount, paid_on, note)
            if line is None:
                line = self._new_line(member, start)
                session.add(line)
            line.amount_paid = amount
            line.paid_on = paid_on if amount > 0 else None
            line.note = note.strip()

    def _check_payment(
        self,
        member: Member,
        month: date,
        line: DuesPayment | None,
        amount: int,
        paid_on: date | None,
        note: str,
    ) -> None:
        check = Validator()
        due = line.amount_due if line is not None else self.amount_due(member, month).amount
        if amount < 0:
            check.add("amount_paid", _("Amount paid: cannot be less than 0."))
        elif due > 0 and amount > MAX_TIMES_DUE * due:
            check.add(
                "amount_paid",
                _(
                    "Amount paid: {amount} VND is more than ten times the {due} VND due; "
                    "please check the amount."
                ).format(amount=format_number(amount), due=format_number(due)),
            )
        if amount > 0 and paid_on is None:
            check.add("paid_on", _("Paid on: please fill this in."))
        if paid_on is not None and paid_on > self.today:
            check.add("paid_on", _("Paid on: cannot be in the future."))
        admitted = member.admission_date
        if admitted is not None and month_end(month) < admitted:
            check.add(
                "month",
                _("Month: {name} was admitted on {date}; there are no dues before that.").format(
                    name=member.full_name, date=format_date(admitted)
                ),
            )
        elif line is None and not self.owes(member, month):
            check.add(
                "month",
                _("{name} does not pay dues to this cell for {month}.").format(
                    name=member.full_name, month=month_text(month)
                ),
            )
        if len(note.strip()) > 300:
            check.add("note", _("Note: at most 300 characters."))
        check.raise_if_any()

    def unpaid_months(self, member_id: str, year: int, up_to: date) -> list[date]:
        """The member's months of `year` begun by `up_to` whose line is not
        fully paid (exempt months never count). Only opened months count: a
        month with no line was not kept in the ledger."""
        first, last = _year_range(year, up_to)
        if last < first:
            return []
        with self.book.reader() as session:
            return list(
                session.scalars(
                    select(DuesPayment.month)
                    .where(
                        DuesPayment.member_id == member_id,
                        DuesPayment.month >= first,
                        DuesPayment.month <= last,
                        DuesPayment.amount_paid < DuesPayment.amount_due,
                    )
                    .order_by(DuesPayment.month)
                )
            )

    def members_with_unpaid(self, year: int, up_to: date, at_least: int = 3) -> list[UnpaidMember]:
        """Current members with `at_least` months of `year` not fully paid (as
        `unpaid_months` counts them), in Vietnamese name order."""
        first, last = _year_range(year, up_to)
        if last < first:
            return []
        with self.book.reader() as session:
            rows = session.execute(
                select(Member.id, Member.full_name, DuesPayment.month)
                .join(DuesPayment, DuesPayment.member_id == Member.id)
                .where(
                    Member.status.in_(CURRENT_STATUSES),
                    DuesPayment.month >= first,
                    DuesPayment.month <= last,
                    DuesPayment.amount_paid < DuesPayment.amount_due,
                )
                .order_by(Member.sort_key, Member.id, DuesPayment.month)
            ).all()
        grouped: dict[str, UnpaidMember] = {}
        for member_id, name, month in rows:
            grouped.setdefault(member_id, UnpaidMember(member_id, name, [])).months.append(month)
        return [entry for entry in grouped.values() if len(entry.months) >= at_least]

    def set_member_rate(
        self,
        member_id: str,
        rate_id: str,
        base: int | None = None,
        exempt_reason: str = "",
    ) -> None:
        """Choose the member's rate ("" for the rule set's default), the salary
        or pension a percentage rate applies to, and why they are exempt ("" if
        they are not). Lines already opened keep their amounts."""
        rules = self.rules
        check = Validator()
        rate_id = rate_id.strip()
        if rate_id and rules.dues_rate(rate_id) is None:
            check.add(
                "dues_rate_id",
                _("Dues rate: “{rate}” is not a rate of the rule set in force.").format(
                    rate=rate_id
                ),
            )
        rate = member_rate(rules, rate_id)
        if base is not None and base < 0:
            check.add("dues_base", _("Salary or pension: cannot be less than 0."))
        elif rate.is_percent and not base:
            check.add(
                "dues_base",
                _(
                    "Salary or pension: please fill this in; the rate “{rate}” is a percentage "
                    "of it."
                ).format(rate=rate.title),
            )
        if len(exempt_reason.strip()) > 200:
            check.add("dues_exempt_reason", _("Reason for exemption: at most 200 characters."))
        check.raise_if_any()
        with self.book.session() as session:
            member = session.get(Member, member_id)
            if member is None:
                raise KeyError(member_id)
            member.dues_rate_id = rate_id
            member.dues_base = base if rate.is_percent else None
            member.dues_exempt_reason = exempt_reason.strip()


def _year_range(year: int, up_to: date) -> tuple[date, date]:
    """The first days of the first and last months of `year` begun by `up_to`."""
    first = date(year, 1, 1)
    last = min(month_start(up_to), date(year, 12, 1))
    return first, last
