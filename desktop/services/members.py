"""Reading and changing members, with validation."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, fields
from datetime import date
from enum import StrEnum

from sqlalchemy import func, select

from desktop.data.enums import (
    CURRENT_STATUSES,
    MemberEventKind,
    MemberStatus,
    Sex,
    WorkGroup,
)
from desktop.data.models import Member, MemberEvent
from desktop.i18n import _
from desktop.services.book import Book
from desktop.services.member_events import initial_events, refresh_member
from desktop.services.validation import Validator


@dataclass
class MemberInput:
    """The fields of the profile form."""

    full_name: str
    sex: Sex
    date_of_birth: date | None = None
    citizen_id: str = ""
    phone: str = ""
    address: str = ""
    admission_date: date | None = None
    official_date: date | None = None
    card_number: str = ""
    status: MemberStatus = MemberStatus.FULL
    home_cell: str = ""
    ethnicity: str = ""
    religion: str = ""
    education_level: str = ""
    theory_level: str = ""
    notes: str = ""
    work_group: WorkGroup = WorkGroup.OUTSIDE
    workplace: str = ""

    def cleaned(self) -> MemberInput:
        """Stray spaces removed; names with single spaces."""
        values = {}
        for item in fields(self):
            value = getattr(self, item.name)
            if isinstance(value, str) and not isinstance(value, StrEnum):
                value = value.strip()
            values[item.name] = value
        values["full_name"] = " ".join(self.full_name.split())
        values["citizen_id"] = values["citizen_id"].replace(" ", "")
        return MemberInput(**values)


@dataclass(frozen=True)
class MemberRow:
    """What a list shows of a member (no ORM object, safe across threads)."""

    id: str
    full_name: str
    sort_key: str
    sex: Sex
    date_of_birth: date | None
    status: MemberStatus
    card_number: str
    phone: str
    admission_date: date | None


class MemberService:
    def __init__(self, book: Book, today: date | None = None) -> None:
        self.book = book
        self.today = today or date.today()

    def validate(self, data: MemberInput, member_id: str | None = None) -> None:
        check = Validator()
        check.required("full_name", data.full_name)
        check.max_length("full_name", data.full_name, 120)
        check.not_future("date_of_birth", data.date_of_birth, self.today)
        check.not_future("admission_date", data.admission_date, self.today)
        check.not_future("official_date", data.official_date, self.today)
        check.not_before("admission_date", data.admission_date, "date_of_birth", data.date_of_birth)
        check.not_before("official_date", data.official_date, "admission_date", data.admission_date)
        check.digits("citizen_id", data.citizen_id, 12)
        check.phone("phone", data.phone)
        check.max_length("address", data.address, 300)
        check.max_length("card_number", data.card_number, 20)
        check.max_length("workplace", data.workplace, 200)
        if member_id is None and data.status is MemberStatus.ATTACHED:
            check.required("home_cell", data.home_cell)
        if data.card_number:
            with self.book.reader() as session:
                clash = session.scalar(
                    select(Member.full_name).where(
                        Member.card_number == data.card_number, Member.id != (member_id or "")
                    )
                )
            if clash:
                check.add(
                    "card_number",
                    _("Party card number: {number} already belongs to {name}.").format(
                        number=data.card_number, name=clash
                    ),
                )
        check.raise_if_any()

    def create(self, data: MemberInput) -> str:
        """Add a member. Their status comes from events: admission and recognition
        from the two dates, and `data.status` as their present situation
        (exempt, attached, away), recorded today."""
        clean = data.cleaned()
        self.validate(clean)
        with self.book.session() as session:
            member = Member(**_columns(clean))
            member.events = initial_events(
                clean.admission_date,
                clean.official_date,
                clean.status,
                self.today,
                clean.home_cell,
            )
            refresh_member(member)
            session.add(member)
            session.flush()
            return member.id

    def update(self, member_id: str, data: MemberInput) -> None:
        """Change a member's profile. The status is not changed here (record an
        event for that); the admission and official dates move their events."""
        clean = data.cleaned()
        self.validate(clean, member_id)
        with self.book.session() as session:
            member = session.get(Member, member_id)
            if member is None:
                raise KeyError(member_id)
            for name, value in _columns(clean).items():
                if name not in ("status", "admission_date", "official_date"):
                    setattr(member, name, value)
            move_date_event(member, MemberEventKind.ADMISSION, clean.admission_date)
            move_date_event(member, MemberEventKind.RECOGNITION, clean.official_date)
            member.admission_date = clean.admission_date
            member.official_date = clean.official_date
            refresh_member(member)

    def get(self, member_id: str) -> Member | None:
        with self.book.reader() as session:
            return session.get(Member, member_id)

    def rows(self, *, include_past: bool = False) -> list[MemberRow]:
        """Members in Vietnamese name order; past members only when asked."""
        query = select(
            Member.id,
            Member.full_name,
            Member.sort_key,
            Member.sex,
            Member.date_of_birth,
            Member.status,
            Member.card_number,
            Member.phone,
            Member.admission_date,
        ).order_by(Member.sort_key)
        if not include_past:
            query = query.where(Member.status.in_(CURRENT_STATUSES))
        with self.book.reader() as session:
            return [MemberRow(*row) for row in session.execute(query)]

    def counts_by_status(self) -> Counter[MemberStatus]:
        with self.book.reader() as session:
            rows = session.execute(select(Member.status, func.count()).group_by(Member.status))
            return Counter({status: count for status, count in rows})


def move_date_event(member: Member, kind: MemberEventKind, on: date | None) -> None:
    """Keep the member's one admission (or recognition) event on the date given."""
    existing = next((event for event in member.events if event.kind is kind), None)
    if on is None:
        if existing is not None:
            member.events.remove(existing)
    elif existing is None:
        member.events.append(MemberEvent(kind=kind, occurs_on=on))
    else:
        existing.occurs_on = on


def _columns(data: MemberInput) -> dict[str, object]:
    return {item.name: getattr(data, item.name) for item in fields(data)}
