"""Numbers of issued documents: given once, reused on every later export.

`desktop.services.register.RegisterService.issue` gives out the next number
of a type within the committee term (domain.md section 3). Exporting the same
document again must print the same number, so before issuing we look for the
record already given to *this* document:

- a meeting's document (notice, minutes, resolution) is keyed by its type and
  the meeting's id (`DocumentRecord.meeting_id`), whatever its date or
  wording: a meeting has one notice, one set of minutes, one resolution;
- a month's document (the monthly report) has no meeting, so it is keyed by
  its type and the month, written into `DocumentRecord.file_name` as the
  document's ASCII file stem ("bao-cao-2026-12"). The stem does not depend on
  the language or on the wording of the summary, and the report of December
  may be issued on 2 January without becoming January's. A record of the
  same type without a meeting and without a stem but with the same summary
  (written by an older version, or cut off before its stem was saved) is
  taken as well, and given its stem;
- a document with its own register key (the documents of a review campaign:
  "review_minutes-<campaign id>") is keyed by its type and that key, also
  written into `DocumentRecord.file_name`: a campaign has one set of review
  minutes, one rating summary, one report of the cell's collective review,
  whatever their dates or wording. As for a month's document, a record
  without a stem but with the same summary is taken and given its key;
- anything else is the same document if it has the same type, summary and
  date of issue.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from desktop.data.enums import DocumentType
from desktop.data.models import DocumentRecord
from desktop.services.book import Book
from desktop.services.register import RegisterService

SUMMARY_LIMIT = 300  # DocumentRecord.summary

# The ASCII words of a month's document in its file name and register key.
STEM_WORDS: dict[DocumentType, str] = {
    DocumentType.REPORT: "bao-cao",
    DocumentType.RESOLUTION: "nghi-quyet",
    DocumentType.MINUTES: "bien-ban",
    DocumentType.NOTICE: "thong-bao",
    DocumentType.PLAN: "ke-hoach",
    DocumentType.DECISION: "quyet-dinh",
    DocumentType.PROPOSAL: "to-trinh",
    DocumentType.LETTER: "cong-van",
}


def month_key(doc_type: DocumentType, month: date) -> str:
    """The register key and file stem of a month's document: "bao-cao-2026-12"."""
    return f"{STEM_WORDS[doc_type]}-{month.year:04d}-{month.month:02d}"


def _clean(summary: str) -> str:
    return " ".join(summary.split())[:SUMMARY_LIMIT]


def _first(book: Book, *conditions: object) -> DocumentRecord | None:
    with book.reader() as session:
        return session.scalar(
            select(DocumentRecord)
            .where(*conditions)  # type: ignore[arg-type]
            .order_by(DocumentRecord.issued_on, DocumentRecord.number)
            .limit(1)
        )


def record_for(
    book: Book,
    doc_type: DocumentType,
    meeting_id: str | None = None,
    month: date | None = None,
    *,
    key: str = "",
) -> DocumentRecord | None:
    """The number already issued to this document, or None.

    A meeting's document is found by `meeting_id`; a month's document (no
    meeting) by `month`; a document with a register `key` (no meeting, no
    month) by that key. With none of them there is nothing to find.
    """
    if meeting_id is not None:
        return _first(
            book, DocumentRecord.doc_type == doc_type, DocumentRecord.meeting_id == meeting_id
        )
    if month is not None:
        return _first(
            book,
            DocumentRecord.doc_type == doc_type,
            DocumentRecord.meeting_id.is_(None),
            DocumentRecord.file_name == month_key(doc_type, month),
        )
    if key:
        return _first(
            book,
            DocumentRecord.doc_type == doc_type,
            DocumentRecord.meeting_id.is_(None),
            DocumentRecord.file_name == key,
        )
    return None


def issue_once(
    book: Book,
    doc_type: DocumentType,
    day: date,
    summary: str,
    meeting_id: str | None = None,
    *,
    month: date | None = None,
    key: str = "",
) -> DocumentRecord:
    """The document's number: the one it was given before, else the next one.

    `day` is the date of issue (it decides the committee term); `month` marks a
    month's document and `key` a document with its own register key (see the
    module's notes). Raises `desktop.services.validation.ValidationError` if no
    term covers `day`.
    """
    summary = _clean(summary)
    existing = record_for(book, doc_type, meeting_id, month, key=key)
    if existing is not None:
        return existing
    if meeting_id is not None:
        key = ""
    elif month is not None:
        key = month_key(doc_type, month)
    if meeting_id is None:
        same = [DocumentRecord.doc_type == doc_type, DocumentRecord.meeting_id.is_(None)]
        if key:
            same += [DocumentRecord.file_name == "", DocumentRecord.summary == summary]
        else:
            same += [DocumentRecord.summary == summary, DocumentRecord.issued_on == day]
        existing = _first(book, *same)
        if existing is not None:
            if key:
                _set_file_name(book, existing, key)
            return existing
    record = RegisterService(book).issue(doc_type, day, summary, meeting_id)
    if key:
        _set_file_name(book, record, key)
    return record


def _set_file_name(book: Book, record: DocumentRecord, key: str) -> None:
    with book.session() as session:
        stored = session.get(DocumentRecord, record.id)
        if stored is not None:
            stored.file_name = key
    record.file_name = key
