"""Environment problems become clear messages; bugs stay bugs."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from desktop.data.enums import Sex
from desktop.data.errors import BookFileError, BookProblem, book_file_errors, classify
from desktop.data.models import Member
from desktop.services.book import Book


def _sqlite_error(code: int) -> sqlite3.Error:
    error = sqlite3.OperationalError("simulated")
    error.sqlite_errorcode = code
    return error


@pytest.mark.parametrize(
    ("code", "problem"),
    [
        (sqlite3.SQLITE_FULL, BookProblem.DISK_FULL),
        (sqlite3.SQLITE_READONLY, BookProblem.READ_ONLY),
        (sqlite3.SQLITE_BUSY, BookProblem.LOCKED),
        (sqlite3.SQLITE_CORRUPT, BookProblem.CORRUPT),
        (sqlite3.SQLITE_NOTADB, BookProblem.NOT_A_DATABASE),
        (sqlite3.SQLITE_IOERR_WRITE, BookProblem.IO_ERROR),
    ],
)
def test_sqlite_codes_are_classified(code: int, problem: BookProblem):
    found = classify(_sqlite_error(code), "an-hoa.cellbook")
    assert found is not None and found.problem is problem
    assert "an-hoa.cellbook" in found.message


def test_programming_errors_are_not_environment_problems():
    assert classify(sqlite3.OperationalError("no such table: x"), "x") is None
    assert classify(ValueError("bug"), "x") is None
    with pytest.raises(sqlite3.OperationalError), book_file_errors("x"):
        raise sqlite3.OperationalError("no such column: y")


def test_messages_are_translated():
    from desktop import i18n

    error = BookFileError(BookProblem.DISK_FULL, "a.cellbook")
    i18n.set_language("en")
    english = error.message
    i18n.set_language("vi")
    assert "disk is full" in english
    assert error.message != english


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write read-only files")
def test_read_only_book_gives_a_clear_error(book: Book):
    book.close(backup=False)
    book.path.chmod(0o444)
    try:
        reopened = Book.open(book.path)
        with pytest.raises(BookFileError) as raised, reopened.session() as session:
            session.add(Member(full_name="A", sex=Sex.MALE))
        assert raised.value.problem is BookProblem.READ_ONLY
    finally:
        book.path.chmod(0o644)


def test_locked_book_gives_a_clear_error(book: Book, tmp_path: Path, monkeypatch):
    monkeypatch.setattr("desktop.data.engine.BUSY_TIMEOUT_MS", 50)
    blocker = sqlite3.connect(book.path, timeout=0.05)
    blocker.execute("BEGIN EXCLUSIVE")
    try:
        fresh = Book.__new__(Book)  # a second window on the same file, with a short timeout
        from desktop.data.engine import make_engine

        engine = make_engine(book.path)
        with pytest.raises(BookFileError) as raised, book_file_errors(book.path):
            with engine.begin() as connection:
                connection.execute(text("UPDATE book_state SET change_counter = 0"))
        assert raised.value.problem is BookProblem.LOCKED
        engine.dispose()
        assert fresh is not None
    finally:
        blocker.rollback()
        blocker.close()
