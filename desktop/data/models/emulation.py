"""Emulation pledges (đăng ký thi đua) and commendations (khen thưởng)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, ForeignKey, Integer
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desktop.data.base import Base, SyncedRecord
from desktop.data.types import NfcString, NfcText


class EmulationPledge(SyncedRecord, Base):
    """What the cell (no member) or a member pledged for a year, and how it turned out."""

    __tablename__ = "emulation_pledge"

    year: Mapped[int] = mapped_column(Integer, index=True)
    member_id: Mapped[str | None] = mapped_column(
        ForeignKey("member.id"), nullable=True, index=True
    )
    pledged_on: Mapped[date] = mapped_column(Date)
    content: Mapped[str] = mapped_column(NfcText)
    result: Mapped[str] = mapped_column(NfcText, default="")
    achieved: Mapped[bool | None] = mapped_column(nullable=True)

    member = relationship("Member")


class Commendation(SyncedRecord, Base):
    """A commendation received by the cell (no member) or a member."""

    __tablename__ = "commendation"

    member_id: Mapped[str | None] = mapped_column(
        ForeignKey("member.id"), nullable=True, index=True
    )
    given_on: Mapped[date] = mapped_column(Date, index=True)
    title: Mapped[str] = mapped_column(NfcString(200))  # "Giấy khen", "Bằng khen"…
    given_by: Mapped[str] = mapped_column(NfcString(200), default="")
    reason: Mapped[str] = mapped_column(NfcText, default="")
    decision_ref: Mapped[str] = mapped_column(NfcString(120), default="")

    member = relationship("Member")
