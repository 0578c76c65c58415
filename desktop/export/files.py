"""Writing documents to files: one document, one meeting's, a whole month's,
or a year's annual review.

The same functions serve the app ("everything for this month"), the command
line (`cellbook export`) and the benchmark. Numbers are issued (`issue=True`)
because a file written here is a document handed out; previews build
without issuing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from desktop.data.enums import MeetingKind
from desktop.data.models import Meeting
from desktop.export.catalogue import (
    PlannedDocument,
    blank_forms,
    blank_review_forms,
    build,
    documents_for_month,
    documents_for_review,
)
from desktop.export.model import Document
from desktop.services.book import Book

FORMATS = ("pdf", "docx")
MEETING_KINDS = ("minutes", "resolution", "notice", "attendance")

Progress = Callable[[int, int, str], None]  # done, total, what is being written


@dataclass(frozen=True)
class WrittenFile:
    path: Path
    planned: PlannedDocument
    pages: int | None  # PDF pages; None for Word copies


def write_document(document: Document, path: Path) -> int | None:
    """Write `document` to `path` as PDF or Word, by the file's extension."""
    if path.suffix.lower() == ".docx":
        from desktop.export.docx import render_docx

        render_docx(document, path)
        return None
    from desktop.export.pdf import render_pdf

    return render_pdf(document, path)


def _free_name(folder: Path, stem: str, suffix: str, taken: set[str]) -> Path:
    """`stem.suffix` in `folder`, numbered when this export already used the name."""
    name, number = f"{stem}{suffix}", 2
    while name in taken:
        name, number = f"{stem}-{number}{suffix}", number + 1
    taken.add(name)
    return folder / name


def export_documents(
    book: Book,
    planned: Sequence[PlannedDocument],
    folder: Path,
    *,
    formats: Sequence[str] = FORMATS,
    issue: bool = True,
    language: str = "vi",
    progress: Progress | None = None,
) -> list[WrittenFile]:
    """Build each planned document once and write it in each format into `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    written: list[WrittenFile] = []
    taken: set[str] = set()
    total = len(planned) * len(formats)
    for item in planned:
        if progress is not None:
            progress(len(written), total, item.label)
        document = build(book, item, issue=issue, language=language)
        stems = {fmt: _free_name(folder, document.file_stem, f".{fmt}", taken) for fmt in formats}
        for path in stems.values():
            written.append(WrittenFile(path, item, write_document(document, path)))
    if progress is not None:
        progress(total, total, "")
    return written


def export_month(
    book: Book,
    month: date,
    folder: Path,
    *,
    formats: Sequence[str] = FORMATS,
    include_blank_forms: bool = False,
    issue: bool = True,
    language: str = "vi",
    progress: Progress | None = None,
) -> list[WrittenFile]:
    """Every document of `month` (see `documents_for_month`) into `folder`."""
    planned = documents_for_month(book, month)
    if include_blank_forms:
        planned += blank_forms()
    return export_documents(
        book, planned, folder, formats=formats, issue=issue, language=language, progress=progress
    )


class NoReviewError(LookupError):
    """The year has no annual review campaign in the book."""

    def __init__(self, year: int) -> None:
        super().__init__(year)
        self.year = year


def export_review_year(
    book: Book,
    year: int,
    folder: Path,
    *,
    formats: Sequence[str] = FORMATS,
    include_blank_forms: bool = True,
    issue: bool = True,
    language: str = "vi",
    progress: Progress | None = None,
    today: date | None = None,
) -> list[WrittenFile]:
    """Every document of `year`'s annual review (see `documents_for_review`)
    and the blank personal review forms into `folder`. Raises `NoReviewError`,
    before writing anything, when the year has no annual review."""
    from desktop.services.reviews import ReviewService

    campaign_id = ReviewService(book, today).annual_campaign(year)
    if campaign_id is None:
        raise NoReviewError(year)
    planned = documents_for_review(book, campaign_id, today=today)
    if include_blank_forms:
        planned += blank_review_forms(book)
    return export_documents(
        book, planned, folder, formats=formats, issue=issue, language=language, progress=progress
    )


def meeting_document(book: Book, meeting_id: str, kind: str) -> PlannedDocument:
    """The planned `kind` document (minutes, resolution, notice, attendance) of a meeting."""
    if kind not in MEETING_KINDS:
        raise ValueError(kind)
    with book.reader() as session:
        meeting = session.get(Meeting, meeting_id)
        if meeting is None:
            raise LookupError(meeting_id)
        committee = meeting.kind is MeetingKind.COMMITTEE
        return PlannedDocument(
            kind,
            meeting_id=meeting.id,
            day=meeting.held_on or meeting.scheduled_on,
            numbered=not (committee and kind == "minutes"),
            about=meeting.title,
        )
