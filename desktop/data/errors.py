"""Problems with the book file that the user can act on, told apart from bugs.

A full disk, a read-only folder, a book open elsewhere, a damaged file, a file
that is not a book, or a book from a newer CellBook: each becomes a
`BookFileError` whose message says what happened, that nothing was lost and
what to do. Any other database error is a bug and propagates unchanged.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path

from desktop.i18n import _


class BookProblem(StrEnum):
    NOT_FOUND = "not_found"
    NOT_A_DATABASE = "not_a_database"
    NOT_A_BOOK = "not_a_book"
    CORRUPT = "corrupt"
    TOO_NEW = "too_new"
    LOCKED = "locked"
    READ_ONLY = "read_only"
    DISK_FULL = "disk_full"
    CANNOT_OPEN = "cannot_open"
    IO_ERROR = "io_error"


class BookFileError(Exception):
    """An environment problem with a book file (not a bug)."""

    def __init__(self, problem: BookProblem, path: Path | str, detail: str = "") -> None:
        self.problem = problem
        self.path = Path(path)
        self.detail = detail
        super().__init__(f"{problem.value}: {self.path}: {detail}")

    @property
    def message(self) -> str:
        name = self.path.name
        texts = {
            BookProblem.NOT_FOUND: _(
                "The book “{name}” was not found. It may have been moved "
                "or renamed. Choose it again from its new place."
            ),
            BookProblem.NOT_A_DATABASE: _(
                "“{name}” is not a CellBook book. Nothing was changed. "
                "Choose a file that ends in .cellbook."
            ),
            BookProblem.NOT_A_BOOK: _(
                "“{name}” is a database, but not a CellBook book. Nothing was changed."
            ),
            BookProblem.CORRUPT: _(
                "The book “{name}” is damaged. Nothing more was written to "
                "it. Restore the latest backup from the Backups folder."
            ),
            BookProblem.TOO_NEW: _(
                "The book “{name}” was written by a newer version of "
                "CellBook. It was not opened and not changed. Install the "
                "newer version to open it."
            ),
            BookProblem.LOCKED: _(
                "The book “{name}” is busy in another window or program. "
                "Nothing was lost. Close the other window and try again."
            ),
            BookProblem.READ_ONLY: _(
                "The book “{name}” cannot be written: the file or its "
                "folder is read-only. Nothing was lost. Copy the book to "
                "a folder you can write to."
            ),
            BookProblem.DISK_FULL: _(
                "The disk is full, so the last change to “{name}” was not "
                "saved. Nothing earlier was lost. Free some space and "
                "try again."
            ),
            BookProblem.CANNOT_OPEN: _(
                "The book “{name}” could not be opened. Check that the "
                "drive is connected and try again."
            ),
            BookProblem.IO_ERROR: _(
                "The computer could not read or write “{name}”. Nothing "
                "earlier was lost. Check the drive and try again."
            ),
        }
        return texts[self.problem].format(name=name)


_SQLITE_CODES = {
    sqlite3.SQLITE_FULL: BookProblem.DISK_FULL,
    sqlite3.SQLITE_READONLY: BookProblem.READ_ONLY,
    sqlite3.SQLITE_PERM: BookProblem.READ_ONLY,
    sqlite3.SQLITE_BUSY: BookProblem.LOCKED,
    sqlite3.SQLITE_LOCKED: BookProblem.LOCKED,
    sqlite3.SQLITE_CORRUPT: BookProblem.CORRUPT,
    sqlite3.SQLITE_NOTADB: BookProblem.NOT_A_DATABASE,
    sqlite3.SQLITE_CANTOPEN: BookProblem.CANNOT_OPEN,
    sqlite3.SQLITE_IOERR: BookProblem.IO_ERROR,
}


def _sqlite_error(error: BaseException) -> sqlite3.Error | None:
    """The sqlite3 error itself, or the one SQLAlchemy wrapped (its `orig`).

    Looked up by attribute so that this module does not import SQLAlchemy:
    the first screen is drawn before the ORM is loaded.
    """
    if isinstance(error, sqlite3.Error):
        return error
    original = getattr(error, "orig", None)
    return original if isinstance(original, sqlite3.Error) else None


def classify(error: BaseException, path: Path | str) -> BookFileError | None:
    """The environment problem behind `error`, or None if it is a bug."""
    original = _sqlite_error(error)
    if original is None:
        return None
    code = getattr(original, "sqlite_errorcode", None)
    if code is None:
        return None
    problem = _SQLITE_CODES.get(code & 0xFF)  # extended codes carry the primary in the low byte
    return BookFileError(problem, path, str(original)) if problem else None


@contextmanager
def book_file_errors(path: Path | str) -> Iterator[None]:
    """Turn environment errors raised inside the block into `BookFileError`."""
    try:
        yield
    except Exception as error:
        problem = classify(error, path)
        if problem is None:
            raise
        raise problem from error
