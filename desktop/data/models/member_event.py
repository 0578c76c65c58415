"""What happens to a member over the years, kept as history.

A member's status is derived from these events (see
`desktop.services.member_status`), never typed in.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desktop.data.base import Base, SyncedRecord, enum_column
from desktop.data.enums import MemberEventKind
from desktop.data.types import NfcString, NfcText, UtcDateTime


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
    # A mistaken event is withdrawn, not deleted: it stays in the history,
    # marked, and no longer counts for the member's status.
    withdrawn_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    withdrawn_by: Mapped[str] = mapped_column(NfcString(120), default="")
    withdrawn_reason: Mapped[str] = mapped_column(NfcText, default="")

    member = relationship("Member", back_populates="events")
