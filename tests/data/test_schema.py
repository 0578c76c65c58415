"""Migrations, schema versions and refusing books we cannot read."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect

from desktop.data import schema
from desktop.data.base import Base
from desktop.data.errors import BookFileError, BookProblem
from desktop.services.book import Book


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_migrations_from_empty_to_head_match_the_models(tmp_path: Path):
    path = tmp_path / "fresh.cellbook"
    assert schema.upgrade(path) is True
    engine = create_engine(f"sqlite:///{path}")
    try:
        tables = set(inspect(engine).get_table_names())
        for table in Base.metadata.tables.values():
            assert table.name in tables
            columns = {column["name"] for column in inspect(engine).get_columns(table.name)}
            assert columns == {column.name for column in table.columns}, table.name
    finally:
        engine.dispose()
    assert {"search_doc", "search_index", "alembic_version"} <= tables
    assert schema.probe(path) == schema.SCHEMA_VERSION


def test_schema_version_constant_matches_alembic_head(tmp_path: Path):
    path = tmp_path / "fresh.cellbook"
    schema.upgrade(path)
    with sqlite3.connect(path) as connection:
        revision = connection.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    assert revision == schema.alembic_head()


def test_up_to_date_book_is_not_migrated_again(book: Book):
    book.close(backup=False)
    assert schema.upgrade(book.path) is False


NEXT_MIGRATION = """
from alembic import op

revision = "9999"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("CREATE TABLE later_feature (id INTEGER PRIMARY KEY)")
    op.execute("PRAGMA user_version = {version}")
"""


def test_older_book_is_backed_up_then_migrated(book: Book, tmp_path: Path, monkeypatch):
    """A book written before the newest migration is copied aside, then upgraded."""
    book.close(backup=False)
    scripts = tmp_path / "migrations"
    shutil.copytree(Path(schema.__file__).parent / "migrations", scripts)
    (scripts / "versions" / "9999_later_feature.py").write_text(
        NEXT_MIGRATION.format(head=schema.alembic_head(), version=schema.SCHEMA_VERSION + 1)
    )
    monkeypatch.setattr(schema, "MIGRATIONS_PACKAGE", str(scripts))
    monkeypatch.setattr(schema, "SCHEMA_VERSION", schema.SCHEMA_VERSION + 1)
    backups = tmp_path / "migration-backups"

    reopened = Book.open(book.path, backup_folder=backups)
    reopened.close(backup=False)

    copies = list(backups.glob("*before-upgrade.cellbook"))
    assert len(copies) == 1
    with closing(sqlite3.connect(copies[0])) as connection:
        assert connection.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION - 1
        assert connection.execute("SELECT count(*) FROM member").fetchone()[0] == 0
    with closing(sqlite3.connect(book.path)) as connection:
        assert connection.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
        connection.execute("SELECT count(*) FROM later_feature")


def test_too_new_book_is_refused_and_left_unchanged(book: Book):
    book.close(backup=False)
    with closing(sqlite3.connect(book.path)) as connection:
        connection.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION + 1}")
    before = _digest(book.path)
    with pytest.raises(BookFileError) as raised:
        Book.open(book.path)
    assert raised.value.problem is BookProblem.TOO_NEW
    assert "newer version" in raised.value.message or "mới hơn" in raised.value.message
    assert _digest(book.path) == before
    assert not Path(f"{book.path}-wal").exists() or Path(f"{book.path}-wal").stat().st_size == 0


def test_missing_file_is_reported_not_created(tmp_path: Path):
    path = tmp_path / "nowhere.cellbook"
    with pytest.raises(BookFileError) as raised:
        Book.open(path)
    assert raised.value.problem is BookProblem.NOT_FOUND
    assert not path.exists()


def test_text_file_is_not_a_book(tmp_path: Path):
    path = tmp_path / "notes.cellbook"
    path.write_text("không phải sổ\n" * 200, encoding="utf-8")
    before = _digest(path)
    with pytest.raises(BookFileError) as raised:
        Book.open(path)
    assert raised.value.problem is BookProblem.NOT_A_DATABASE
    assert _digest(path) == before


def test_other_sqlite_database_is_not_a_book(tmp_path: Path):
    path = tmp_path / "other.cellbook"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE t (x)")
    with pytest.raises(BookFileError) as raised:
        Book.open(path)
    assert raised.value.problem is BookProblem.NOT_A_BOOK


def test_durable_settings_on_every_connection(book: Book):
    with book.reader() as session:
        connection = session.connection()
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 1000


def test_members_of_an_older_book_get_the_events_their_records_imply(tmp_path: Path):
    """Upgrading a schema-1 book gives each member admission, recognition and
    status events, so the status derived from events is the one recorded."""
    from sqlalchemy import select

    from desktop.data.enums import MemberEventKind, MemberStatus, Sex
    from desktop.data.models import Member, MemberEvent
    from desktop.services.book import NewBookDetails

    path = tmp_path / "old.cellbook"
    # A real schema-1 book: made by the same steps as Book.create, at revision 0001.
    monkey = pytest.MonkeyPatch()
    monkey.setattr(schema, "run_migrations", _run_until("0001"))
    monkey.setattr(schema, "SCHEMA_VERSION", 1)
    try:
        old = Book.create(path, NewBookDetails(cell_name="An Hòa", commune_name="An Phú"))
        old.close(backup=False)
    finally:
        monkey.undo()
    with closing(sqlite3.connect(path)) as connection:
        org = connection.execute("SELECT id FROM organisation").fetchone()[0]
        for number, (status, official) in enumerate(
            [("full", "1996-03-03"), ("probationary", None), ("exempt", "1996-01-05")]
        ):
            connection.execute(
                "INSERT INTO member (id, org_id, created_at, updated_at, updated_on, change_seq, "
                "full_name, sort_key, sex, citizen_id, phone, address, card_number, status, "
                "home_cell, ethnicity, religion, education_level, theory_level, notes, "
                "admission_date, official_date) VALUES (?, ?, '2025-01-01T00:00:00+00:00', "
                "'2025-01-01T00:00:00+00:00', '', 1, ?, '', ?, '', '', '', '', ?, '', '', '', "
                "'', '', '', '1995-03-03', ?)",
                (f"m{number}", org, f"Member {number}", Sex.MALE.value, status, official),
            )
        connection.commit()
        assert connection.execute("PRAGMA user_version").fetchone()[0] == 1

    upgraded = Book.open(path, backup_folder=tmp_path / "backups")
    try:
        with upgraded.reader() as session:
            events = {
                member.full_name: [event.kind for event in member.events]
                for member in session.scalars(select(Member))
            }
            assert session.scalar(select(MemberEvent.org_id).limit(1)) == upgraded.owner_org_id
    finally:
        upgraded.close(backup=False)
    assert events == {
        "Member 0": [MemberEventKind.ADMISSION, MemberEventKind.RECOGNITION],
        "Member 1": [MemberEventKind.ADMISSION],
        "Member 2": [
            MemberEventKind.ADMISSION,
            MemberEventKind.RECOGNITION,
            MemberEventKind.EXEMPTION,
        ],
    }
    assert MemberStatus.EXEMPT  # statuses are checked by the member-status tests


def _run_until(revision: str):
    original = schema.run_migrations

    def run(path: Path, _head: str) -> None:
        original(path, revision)

    return run
