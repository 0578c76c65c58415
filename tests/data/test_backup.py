"""Backups are real, verified copies, thinned on a schedule."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path

from desktop.data.backup import backup_name, list_backups, make_backup, thin_backups
from desktop.data.enums import Sex
from desktop.data.models import Member
from desktop.services.book import Book


def test_backup_is_a_complete_copy_even_while_open(book: Book, tmp_path: Path):
    with book.session() as session:
        session.add(Member(full_name="Võ Thị Sáu", sex=Sex.FEMALE))
    copy = make_backup(book.path, tmp_path / "copies", "manual")
    with closing(sqlite3.connect(copy)) as connection:
        names = connection.execute("SELECT full_name FROM member").fetchall()
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert names == [("Võ Thị Sáu",)]


def test_close_backs_up_only_when_something_changed(book: Book, tmp_path: Path):
    assert book.close() is None
    reopened = Book.open(book.path, backup_folder=tmp_path / "backups")
    with reopened.session() as session:
        session.add(Member(full_name="Võ Thị Sáu", sex=Sex.FEMALE))
    copy = reopened.close()
    assert copy is not None and copy.exists()
    assert copy.parent == tmp_path / "backups"


def test_thinning_keeps_recent_then_daily_weekly_monthly(tmp_path: Path):
    now = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)
    ages = [timedelta(hours=h) for h in (1, 5, 30)]  # all kept (within two days)
    ages += [timedelta(days=5, hours=h) for h in (1, 2, 3)]  # one day: newest kept
    ages += [timedelta(days=40 + d) for d in (0, 1)]  # same ISO week: one kept
    ages += [timedelta(days=200 + d) for d in (0, 3)]  # same month: one kept
    for age in ages:
        (tmp_path / backup_name("auto", now - age)).write_bytes(b"x")
    removed = thin_backups(tmp_path, now=now)
    kept = [stamp for stamp, _ in list_backups(tmp_path)]
    assert len(kept) == 3 + 1 + 1 + 1
    assert len(removed) == len(ages) - len(kept)
    assert now - timedelta(days=5, hours=1) in kept  # the newest of that day
