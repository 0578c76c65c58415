"""Backup copies of a book: consistent, verified, and thinned over time.

Copies are made with SQLite's online backup API (safe while the book is
open in WAL mode) and checked with `PRAGMA integrity_check` before they are
kept. Old copies are thinned: every copy from the last two days, then the
newest of each day for two weeks, of each week for three months, and of
each month after that.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

from desktop.data.errors import BookFileError, BookProblem, book_file_errors

STAMP_FORMAT = "%Y%m%d-%H%M%S-%f"


def backup_name(reason: str, when: datetime) -> str:
    return f"{when.strftime(STAMP_FORMAT)}-{reason}.cellbook"


def parse_stamp(path: Path) -> datetime | None:
    try:
        stamp = "-".join(path.stem.split("-")[:3])
        return datetime.strptime(stamp, STAMP_FORMAT).replace(tzinfo=UTC)
    except ValueError:
        return None


def copy_book(book: Path, target: Path, *, check: str = "") -> str:
    """Copy a book (even while it is open) with SQLite's online backup; with
    `check` ("integrity_check" or "quick_check") returns that pragma's verdict
    on the copy, else "ok"."""
    with book_file_errors(book):
        source = sqlite3.connect(f"{book.resolve().as_uri()}?mode=ro", uri=True)
        try:
            copy = sqlite3.connect(target)
            try:
                source.backup(copy)
                return str(copy.execute(f"PRAGMA {check}").fetchone()[0]) if check else "ok"
            finally:
                copy.close()
        finally:
            source.close()


def make_backup(
    book: Path, folder: Path, reason: str, now: datetime | None = None, *, quick: bool = False
) -> Path:
    """Copy `book` into `folder`; returns the verified copy's path. `quick` checks
    the copy with SQLite's quick check (pages and records, not every index),
    for the copies taken often, before each import."""
    folder.mkdir(parents=True, exist_ok=True)
    when = now or datetime.now(UTC)
    target = folder / backup_name(reason, when)
    partial = target.with_suffix(".partial")
    check = "quick_check" if quick else "integrity_check"
    verdict = copy_book(book, partial, check=check)
    if verdict != "ok":
        partial.unlink(missing_ok=True)
        raise BookFileError(BookProblem.CORRUPT, book, f"backup check: {verdict}")
    partial.replace(target)
    return target


def list_backups(folder: Path) -> list[tuple[datetime, Path]]:
    """Backups in `folder`, newest first."""
    if not folder.is_dir():
        return []
    found = [(parse_stamp(path), path) for path in folder.glob("*.cellbook")]
    return sorted(((stamp, path) for stamp, path in found if stamp), reverse=True)


def _bucket(age: timedelta, stamp: datetime) -> tuple[str, object] | None:
    if age <= timedelta(days=2):
        return None  # keep every copy
    if age <= timedelta(days=14):
        return "day", stamp.date()
    if age <= timedelta(weeks=13):
        return "week", tuple(stamp.isocalendar()[:2])
    return "month", (stamp.year, stamp.month)


def thin_backups(folder: Path, now: datetime | None = None) -> list[Path]:
    """Delete the copies the schedule does not keep; returns what was removed."""
    current = now or datetime.now(UTC)
    seen: set[tuple[str, object]] = set()
    removed = []
    for stamp, path in list_backups(folder):  # newest first: the newest in a bucket wins
        bucket = _bucket(current - stamp, stamp)
        if bucket is None:
            continue
        if bucket in seen:
            path.unlink(missing_ok=True)
            removed.append(path)
        else:
            seen.add(bucket)
    return removed
