"""The document register: every issued document gets the next number of
its type within the committee term, never reused."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desktop.data.base import Base, SyncedRecord, enum_column
from desktop.data.enums import DocumentType
from desktop.data.types import NfcString


class DocumentRecord(SyncedRecord, Base):
    __tablename__ = "document_record"
    __table_args__ = (UniqueConstraint("org_id", "term_id", "doc_type", "number"),)

    term_id: Mapped[str] = mapped_column(ForeignKey("committee_term.id"), index=True)
    doc_type: Mapped[DocumentType] = enum_column(DocumentType)
    number: Mapped[int] = mapped_column(Integer)
    issuer_code: Mapped[str] = mapped_column(NfcString(16))
    issued_on: Mapped[date] = mapped_column(Date)
    summary: Mapped[str] = mapped_column(NfcString(300), default="")
    meeting_id: Mapped[str | None] = mapped_column(ForeignKey("meeting.id"), nullable=True)
    file_name: Mapped[str] = mapped_column(String(200), default="")

    term = relationship("CommitteeTerm")

    @property
    def symbol(self) -> str:
        """The number symbol as printed: "Số 05-NQ/CB"."""
        return f"Số {self.number:02d}-{self.doc_type.value}/{self.issuer_code}"
