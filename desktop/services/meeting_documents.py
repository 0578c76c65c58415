"""The documents handed out for a meeting, kept in the book.

The committee sends members the draft resolution, the topic paper of a
thematic meeting or a directive of the commune before the meeting
(domain.md §2). Each file is copied into the book with its name, type, size
and SHA-256, so the book stays one file that can be handed on; a copy can be
saved out again, byte for byte. Listing never reads the files themselves.

Every method writes at once, in its own transaction. The documents of an
adopted meeting are kept as they were: changes are refused with the plain
message the minutes use (and by the session guard of `desktop.data.stamping`).
"""

from __future__ import annotations

import hashlib
import mimetypes
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, undefer

from desktop.data.models import MeetingDocument
from desktop.data.types import nfc
from desktop.i18n import _, format_number
from desktop.services.book import Book
from desktop.services.meeting_lock import editable_meeting as _editable
from desktop.services.meeting_lock import refusal as _fail

MAX_SIZE = 20 * 1024 * 1024  # 20 MB: a scanned directive fits, a video does not
TITLE_LIMIT = 300
FILE_NAME_LIMIT = 255
NOTE_LIMIT = 1000


@dataclass(frozen=True)
class DocumentRow:
    """A document as listed (without its bytes)."""

    id: str
    position: int
    title: str
    file_name: str
    media_type: str
    size: int
    sha256: str
    note: str
    handed_out: bool


def size_text(size: int) -> str:
    """ "512 B", "34 KB", "2.5 MB" in the user's number format."""
    if size < 1024:
        return _("{size} B").format(size=format_number(size))
    if size < 10 * 1024:
        return _("{size} KB").format(size=format_number(size / 1024, 1))
    if size < 1024 * 1024:
        return _("{size} KB").format(size=format_number(round(size / 1024)))
    return _("{size} MB").format(size=format_number(size / (1024 * 1024), 1))


def _clean_title(title: str) -> str:
    title = nfc(" ".join((title or "").split()))
    if not title:
        raise _fail("title", _("Give the document a title."))
    if len(title) > TITLE_LIMIT:
        raise _fail(
            "title",
            _("The title is too long: at most {limit} characters.").format(limit=TITLE_LIMIT),
        )
    return title


def _row(document: MeetingDocument) -> DocumentRow:
    return DocumentRow(
        document.id,
        document.position,
        document.title,
        document.file_name,
        document.media_type,
        document.size,
        document.sha256,
        document.note,
        bool(document.handed_out),
    )


class MeetingDocumentService:
    def __init__(self, book: Book, *, max_size: int = MAX_SIZE) -> None:
        self.book = book
        self.max_size = max_size

    # --- reading ------------------------------------------------------------------

    def documents(self, meeting_id: str) -> list[DocumentRow]:
        """The meeting's documents in their order, without reading the files."""
        with self.book.reader() as session:
            return [
                _row(document)
                for document in session.scalars(
                    select(MeetingDocument)
                    .where(MeetingDocument.meeting_id == meeting_id)
                    .order_by(MeetingDocument.position, MeetingDocument.created_at)
                )
            ]

    def content(self, document_id: str) -> bytes:
        """The file itself, checked against its SHA-256."""
        with self.book.reader() as session:
            document = session.scalar(
                select(MeetingDocument)
                .where(MeetingDocument.id == document_id)
                .options(undefer(MeetingDocument.data))
            )
            if document is None:
                raise _fail("document", _("This document is no longer in the book."))
            data = bytes(document.data or b"")
            expected = document.sha256
        if expected and hashlib.sha256(data).hexdigest() != expected:
            raise _fail(
                "document",
                _(
                    "This document is damaged in the book: it is not the file that was "
                    "added. Add the file again."
                ),
            )
        return data

    # --- writing ------------------------------------------------------------------

    def add(self, meeting_id: str, path: Path | str, title: str = "", note: str = "") -> str:
        """Copy the file at `path` into the book as the meeting's last document.
        The title defaults to the file's name without its extension. A file
        over the size limit, or one that cannot be read, adds nothing."""
        path = Path(path)
        data = self._read(path)
        file_name = nfc(path.name)[:FILE_NAME_LIMIT]
        chosen = _clean_title(title or nfc(path.stem) or file_name)
        media_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        with self.book.session() as session:
            meeting = _editable(session, meeting_id)
            position = len(_ordered(session, meeting.id)) + 1
            document = MeetingDocument(
                meeting_id=meeting.id,
                position=position,
                title=chosen,
                file_name=file_name,
                media_type=media_type,
                size=len(data),
                sha256=hashlib.sha256(data).hexdigest(),
                data=data,
                note=(note or "").strip()[:NOTE_LIMIT],
                handed_out=False,
            )
            session.add(document)
            session.flush()
            return document.id

    def _read(self, path: Path) -> bytes:
        name = path.name
        too_big = _(
            "“{name}” is too large ({size}); a document can be at most {limit}. "
            "Nothing was added. Make the file smaller (for example, scan at a lower "
            "resolution) and add it again."
        )
        try:
            if not path.is_file():
                raise _fail(
                    "file", _("“{name}” was not found. Nothing was added.").format(name=name)
                )
            size = path.stat().st_size
            if size > self.max_size:
                raise _fail(
                    "file",
                    too_big.format(name=name, size=size_text(size), limit=size_text(self.max_size)),
                )
            with path.open("rb") as stream:
                data = stream.read(self.max_size + 1)
        except OSError as error:
            raise _fail(
                "file",
                _("“{name}” could not be read ({reason}). Nothing was added.").format(
                    name=name, reason=error.strerror or error
                ),
            ) from error
        if len(data) > self.max_size:  # grew while being read
            raise _fail(
                "file",
                too_big.format(
                    name=name, size=size_text(len(data)), limit=size_text(self.max_size)
                ),
            )
        return data

    def rename(self, document_id: str, title: str) -> None:
        chosen = _clean_title(title)
        with self.book.session() as session:
            _document(session, document_id).title = chosen

    def set_note(self, document_id: str, note: str) -> None:
        note = (note or "").strip()
        if len(note) > NOTE_LIMIT:
            raise _fail(
                "note",
                _("The note is too long: at most {limit} characters.").format(limit=NOTE_LIMIT),
            )
        with self.book.session() as session:
            _document(session, document_id).note = note

    def set_handed_out(self, document_id: str, handed_out: bool) -> None:
        with self.book.session() as session:
            _document(session, document_id).handed_out = bool(handed_out)

    def move(self, document_id: str, position: int) -> None:
        """Move a document to `position` (1 = first); the others close up."""
        with self.book.session() as session:
            document = _document(session, document_id)
            others = [d for d in _ordered(session, document.meeting_id) if d.id != document.id]
            others.insert(max(0, min(position - 1, len(others))), document)
            _renumber(others)

    def remove(self, document_id: str) -> None:
        with self.book.session() as session:
            document = _document(session, document_id)
            meeting_id = document.meeting_id
            session.delete(document)
            session.flush()
            _renumber(_ordered(session, meeting_id))

    def save_copy(self, document_id: str, target: Path | str) -> Path:
        """Write the document out to `target`, byte for byte. The file is
        written beside the target first and then put in its place, so a
        failed copy never leaves half a file."""
        target = Path(target)
        data = self.content(document_id)
        temporary: str | None = None
        try:
            handle, temporary = tempfile.mkstemp(
                prefix=".cellbook-", suffix=".part", dir=target.parent
            )
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
                stream.flush()
                os.fsync(stream.fileno())
            os.replace(temporary, target)
            temporary = None
        except OSError as error:
            raise _fail(
                "file",
                _(
                    "The copy could not be saved as “{name}” ({reason}). The document is "
                    "still in the book; choose another folder and try again."
                ).format(name=target.name, reason=error.strerror or error),
            ) from error
        finally:
            if temporary is not None:
                Path(temporary).unlink(missing_ok=True)
        return target


def _document(session: Session, document_id: str) -> MeetingDocument:
    document = session.get(MeetingDocument, document_id)
    if document is None:
        raise _fail("document", _("This document is no longer in the book."))
    _editable(session, document.meeting_id)
    return document


def _ordered(session: Session, meeting_id: str) -> list[MeetingDocument]:
    return list(
        session.scalars(
            select(MeetingDocument)
            .where(MeetingDocument.meeting_id == meeting_id)
            .order_by(MeetingDocument.position, MeetingDocument.created_at)
        )
    )


def _renumber(documents: list[MeetingDocument]) -> None:
    for position, document in enumerate(documents, start=1):
        if document.position != position:
            document.position = position
