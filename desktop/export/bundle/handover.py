"""The PDFs a cell hands up with its adopted minutes: made once per meeting
(again after an amendment) and kept in the book as shared documents, so the
commune receives the very document the cell printed and signed."""

from __future__ import annotations

import hashlib
from datetime import date

from sqlalchemy import select

from desktop.data.enums import MeetingKind, MeetingState, SharedDocumentKind
from desktop.data.models import Meeting, SharedDocument
from desktop.export.catalogue import build, register_summary
from desktop.export.files import meeting_document
from desktop.services.book import Book

_KINDS = {"minutes": SharedDocumentKind.MINUTES, "resolution": SharedDocumentKind.RESOLUTION}


def _due(book: Book) -> list[tuple[str, str, date]]:
    """(meeting id, document kind, day) of adopted meetings whose PDFs are missing or older
    than the meeting (amended since)."""
    with book.reader() as session:
        meetings = session.scalars(
            select(Meeting).where(
                Meeting.state == MeetingState.ADOPTED,
                Meeting.org_id == book.owner_org_id,
                Meeting.kind != MeetingKind.COMMITTEE,
            )
        ).all()
        made = {
            (doc.meeting_id, doc.kind): doc.updated_at
            for doc in session.scalars(
                select(SharedDocument).where(
                    SharedDocument.org_id == book.owner_org_id,
                    SharedDocument.meeting_id.is_not(None),
                )
            )
        }
        due = []
        for meeting in meetings:
            kinds = ["minutes"]
            if meeting.kind is MeetingKind.REGULAR and meeting.resolution is not None:
                kinds.append("resolution")
            for kind in kinds:
                stamp = made.get((meeting.id, _KINDS[kind]))
                if stamp is None or stamp < meeting.updated_at:
                    due.append((meeting.id, kind, meeting.held_on or meeting.scheduled_on))
        return due


def prepare_handover(book: Book, language: str = "vi") -> int:
    """Make the PDFs still due; returns how many were made."""
    from desktop.export.pdf import pdf_bytes

    due = _due(book)
    for meeting_id, kind, day in due:
        planned = meeting_document(book, meeting_id, kind)
        document = build(book, planned, issue=True, language=language)
        data = pdf_bytes(document)
        with book.session() as session:
            record = session.scalar(
                select(SharedDocument).where(
                    SharedDocument.meeting_id == meeting_id, SharedDocument.kind == _KINDS[kind]
                )
            )
            if record is None:
                record = SharedDocument(meeting_id=meeting_id, kind=_KINDS[kind])
                session.add(record)
            record.title = register_summary(document)[:300]
            record.number = document.header.number_symbol.removeprefix("Số ").strip()
            record.issued_on = day
            record.file_name = f"{document.file_stem}.pdf"
            record.media_type = "application/pdf"
            record.size = len(data)
            record.sha256 = hashlib.sha256(data).hexdigest()
            record.data = data
    return len(due)
