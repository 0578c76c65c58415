"""A document handed out for a meeting (tài liệu), kept in the book itself.

The draft resolution, the topic paper of a thematic meeting, a directive of
the commune: the committee sends them to members before the meeting
(domain.md §2). The bytes live in the book, so the book stays one file; they
are deferred, so listing documents never reads them.
"""

from __future__ import annotations

from sqlalchemy import Boolean, ForeignKey, Integer, LargeBinary, String
from sqlalchemy.orm import Mapped, deferred, mapped_column, relationship

from desktop.data.base import Base, SyncedRecord
from desktop.data.types import NfcString, NfcText


class MeetingDocument(SyncedRecord, Base):
    __tablename__ = "meeting_document"

    meeting_id: Mapped[str] = mapped_column(ForeignKey("meeting.id"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    title: Mapped[str] = mapped_column(NfcString(300))
    file_name: Mapped[str] = mapped_column(NfcString(255), default="")
    media_type: Mapped[str] = mapped_column(String(100), default="application/octet-stream")
    size: Mapped[int] = mapped_column(Integer, default=0)
    sha256: Mapped[str] = mapped_column(String(64), default="")
    data: Mapped[bytes] = deferred(mapped_column(LargeBinary, default=b""))
    note: Mapped[str] = mapped_column(NfcText, default="")
    handed_out: Mapped[bool] = mapped_column(Boolean, default=False)

    meeting = relationship("Meeting", back_populates="documents")
