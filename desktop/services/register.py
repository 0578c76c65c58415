"""The document register: numbers are given out per type within a committee term."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from desktop.data.enums import DocumentType
from desktop.data.models import CommitteeTerm, DocumentRecord, Organisation
from desktop.i18n import _
from desktop.services.book import Book
from desktop.services.validation import FieldError, ValidationError


class RegisterService:
    def __init__(self, book: Book) -> None:
        self.book = book

    def term_on(self, day: date) -> CommitteeTerm:
        with self.book.reader() as session:
            term = session.scalar(
                select(CommitteeTerm)
                .where(CommitteeTerm.starts_on <= day)
                .where((CommitteeTerm.ends_on.is_(None)) | (CommitteeTerm.ends_on >= day))
                .order_by(CommitteeTerm.starts_on.desc())
            )
        if term is None:
            raise ValidationError(
                [
                    FieldError(
                        "term",
                        _("No committee term covers {day}. Add the term first.").format(
                            day=day.strftime("%d/%m/%Y")
                        ),
                    )
                ]
            )
        return term

    def issue(
        self,
        doc_type: DocumentType,
        issued_on: date,
        summary: str = "",
        meeting_id: str | None = None,
    ) -> DocumentRecord:
        """Give the next number of `doc_type` in the term covering `issued_on`.

        Numbers are never reused: the next one follows the highest ever given.
        """
        term = self.term_on(issued_on)
        with self.book.session() as session:
            org = session.get(Organisation, self.book.owner_org_id)
            highest = session.scalar(
                select(func.max(DocumentRecord.number)).where(
                    DocumentRecord.term_id == term.id, DocumentRecord.doc_type == doc_type
                )
            )
            record = DocumentRecord(
                term_id=term.id,
                doc_type=doc_type,
                number=(highest or 0) + 1,
                issuer_code=org.issuer_code if org else "CB",
                issued_on=issued_on,
                summary=summary.strip(),
                meeting_id=meeting_id,
            )
            session.add(record)
            session.flush()
            session.expunge(record)
            return record

    def records(self) -> list[DocumentRecord]:
        with self.book.reader() as session:
            return list(
                session.scalars(
                    select(DocumentRecord).order_by(
                        DocumentRecord.issued_on.desc(), DocumentRecord.number.desc()
                    )
                )
            )
