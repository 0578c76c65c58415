"""What happens to a member over the years, kept as history.

A member's status is derived from these events (see
`desktop.services.member_status`), never typed in.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, ForeignKey
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desktop.data.base import Base, SyncedRecord, enum_column
from desktop.data.enums import MemberEventKind
from desktop.data.types import NfcString, NfcText


class MemberEvent(SyncedRecord, Base):
    __tablename__ = "member_event"

    member_id: Mapped[str] = mapped_column(ForeignKey("member.id"), index=True)
    kind: Mapped[MemberEventKind] = enum_column(MemberEventKind)
    occurs_on: Mapped[date] = mapped_column(Date)
    decision_ref: Mapped[str] = mapped_column(NfcString(200), default="")  # "Số 123-QĐ/ĐU"
    counterpart: Mapped[str] = mapped_column(NfcString(200), default="")  # other cell or body
    ends_on: Mapped[date | None] = mapped_column(Date, nullable=True)  # expected end
    note: Mapped[str] = mapped_column(NfcText, default="")
    recorded_by: Mapped[str] = mapped_column(NfcString(120), default="")

    member = relationship("Member", back_populates="events")
