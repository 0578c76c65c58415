"""The same cell's book on a second computer.

A copy of the book becomes a book of its own (new book number, new keys), and
the two enrol each other as books of the same organisation, each knowing the
other has every change up to now. From then on they exchange bundles like
any two books; when both changed the same record, the later change wins and
the other version is kept (`sync_conflict`). The commune enrols the copy's
key card like any other book.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import select

from desktop.data.backup import copy_book
from desktop.data.errors import BookFileError, BookProblem
from desktop.data.models import SyncPeer
from desktop.data.types import new_id
from desktop.services.book import Book
from desktop.services.sync.identity import Peer, card_file_bytes, enrol


def _make_independent(target: Path) -> None:
    """A new book number, no keys (made on first use), no history of bundles;
    enrolled books stay enrolled, with their counts started afresh."""
    connection = sqlite3.connect(target)
    try:
        # The first book's keys are overwritten, not only unlinked (builds differ).
        connection.execute("PRAGMA secure_delete = ON")
        with connection:
            connection.execute("UPDATE book_state SET book_id = ? WHERE id = 1", (new_id(),))
            connection.execute("DELETE FROM sync_identity")
            connection.execute("DELETE FROM bundle_log")
            connection.execute("DELETE FROM sync_conflict")
            connection.execute("DELETE FROM sync_peer WHERE role = 'sibling'")
            connection.execute(
                "UPDATE sync_peer SET sent_seq = 0, acked_seq = 0, acked_change = 0, "
                "imported_seq = 0, last_received_at = NULL"
            )
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        connection.close()


def _both_have_everything_until(book: Book, other_book_id: str, change: int) -> None:
    with book.session() as session:
        record = session.scalar(select(SyncPeer).where(SyncPeer.book_id == other_book_id))
        assert record is not None
        record.acked_change = change


def copy_for_second_computer(book: Book, target: Path, *, device_id: str = "") -> Peer:
    """Write the copy to `target` (which must not exist) and enrol the two books
    with each other. Returns the copy as this book now knows it."""
    if target.exists():
        raise BookFileError(BookProblem.CANNOT_OPEN, target, "file exists")
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    copy_book(book.path, partial)
    _make_independent(partial)
    partial.replace(target)
    copy = Book.open(target, device_id=device_id)
    try:
        change = book.change_counter()
        enrol(copy, card_file_bytes(book))
        enrolled = enrol(book, card_file_bytes(copy))
        _both_have_everything_until(copy, book.book_id, change)
        _both_have_everything_until(book, copy.book_id, change)
    finally:
        copy.close(backup=False)
    return enrolled
