"""A party member of the cell (domain.md section 6)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, Integer, String, event
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desktop.data.base import Base, SyncedRecord, enum_column
from desktop.data.enums import MemberStatus, Sex, WorkGroup
from desktop.data.text import person_sort_key
from desktop.data.types import NfcString, NfcText


class Member(SyncedRecord, Base):
    __tablename__ = "member"

    full_name: Mapped[str] = mapped_column(NfcString(120))
    sort_key: Mapped[str] = mapped_column(String(400), default="", index=True)
    sex: Mapped[Sex] = enum_column(Sex)
    date_of_birth: Mapped[date | None] = mapped_column(Date, nullable=True)
    citizen_id: Mapped[str] = mapped_column(NfcString(12), default="")
    phone: Mapped[str] = mapped_column(NfcString(20), default="")
    address: Mapped[str] = mapped_column(NfcString(300), default="")
    admission_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    official_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    card_number: Mapped[str] = mapped_column(NfcString(20), default="", index=True)
    status: Mapped[MemberStatus] = enum_column(MemberStatus, default=MemberStatus.FULL, index=True)
    home_cell: Mapped[str] = mapped_column(NfcString(200), default="")  # attached members
    ethnicity: Mapped[str] = mapped_column(NfcString(60), default="")
    religion: Mapped[str] = mapped_column(NfcString(60), default="")
    education_level: Mapped[str] = mapped_column(NfcString(60), default="")
    theory_level: Mapped[str] = mapped_column(NfcString(60), default="")
    notes: Mapped[str] = mapped_column(NfcText, default="")
    # Where the member works (which review form they use) and the unit named on it.
    work_group: Mapped[WorkGroup] = enum_column(WorkGroup, default=WorkGroup.OUTSIDE)
    workplace: Mapped[str] = mapped_column(NfcString(200), default="")

    # Dues: which rate of the rule set applies, the salary or pension it is a
    # percentage of, and why the member is exempt if they are (e.g. "Hộ nghèo").
    dues_rate_id: Mapped[str] = mapped_column(NfcString(32), default="")
    dues_base: Mapped[int | None] = mapped_column(Integer, nullable=True)
    dues_exempt_reason: Mapped[str] = mapped_column(NfcString(200), default="")

    posts = relationship("CommitteePost", back_populates="member")
    events = relationship(
        "MemberEvent",
        back_populates="member",
        cascade="all, delete-orphan",
        order_by="(MemberEvent.occurs_on, MemberEvent.created_at)",
    )

    search_kind = "member"

    def search_text(self) -> str:
        return " ".join(
            part
            for part in (self.full_name, self.card_number, self.phone, self.address, self.notes)
            if part
        )

    def search_title(self) -> str:
        return self.full_name


@event.listens_for(Member.full_name, "set")
def _update_sort_key(target: Member, value: str, _old: object, _initiator: object) -> None:
    target.sort_key = person_sort_key(value or "")
