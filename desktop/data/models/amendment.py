"""A recorded correction to the minutes of an adopted meeting."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desktop.data.base import Base, SyncedRecord
from desktop.data.types import NfcString, NfcText, UtcDateTime


class MeetingAmendment(SyncedRecord, Base):
    """Who changed the adopted minutes, when, why, and what each field was before.

    `changes` is JSON text: a list of `{"table", "record_id", "field", "before",
    "after"}`. `hash_before` and `hash_after` are the meeting's content
    fingerprints on either side of the correction.
    """

    __tablename__ = "meeting_amendment"

    meeting_id: Mapped[str] = mapped_column(ForeignKey("meeting.id"), index=True)
    made_at: Mapped[datetime] = mapped_column(UtcDateTime)
    author: Mapped[str] = mapped_column(NfcString(120), default="")
    reason: Mapped[str] = mapped_column(NfcText, default="")
    changes: Mapped[str] = mapped_column(NfcText, default="[]")
    hash_before: Mapped[str] = mapped_column(String(64), default="")
    hash_after: Mapped[str] = mapped_column(String(64), default="")

    meeting = relationship("Meeting", back_populates="amendments")
