"""A member's opinion or recommendation (ý kiến, kiến nghị) sent upwards."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, ForeignKey
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desktop.data.base import Base, SyncedRecord, enum_column
from desktop.data.enums import RecommendationStatus
from desktop.data.types import NfcString, NfcText


class Recommendation(SyncedRecord, Base):
    __tablename__ = "recommendation"

    meeting_id: Mapped[str | None] = mapped_column(ForeignKey("meeting.id"), nullable=True)
    speech_id: Mapped[str | None] = mapped_column(ForeignKey("speech.id"), nullable=True)
    raised_by_id: Mapped[str | None] = mapped_column(ForeignKey("member.id"), nullable=True)
    raised_on: Mapped[date] = mapped_column(Date, index=True)
    content: Mapped[str] = mapped_column(NfcText)
    addressee: Mapped[str] = mapped_column(NfcString(200), default="")
    status: Mapped[RecommendationStatus] = enum_column(
        RecommendationStatus, default=RecommendationStatus.OPEN, index=True
    )
    forwarded_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    answer: Mapped[str] = mapped_column(NfcText, default="")
    answered_on: Mapped[date | None] = mapped_column(Date, nullable=True)

    raised_by = relationship("Member")
    meeting = relationship("Meeting")

    search_kind = "recommendation"

    def search_text(self) -> str:
        return " — ".join(p for p in (self.content, self.addressee, self.answer) if p)

    def search_title(self) -> str:
        return self.raised_by.full_name if self.raised_by is not None else ""

    def days_waiting(self, today: date) -> int:
        end = self.answered_on or today
        return max(0, (end - self.raised_on).days)
