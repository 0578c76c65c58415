"""Schema versions of a book file, and bringing an older book up to date.

The file carries `PRAGMA application_id` (it is a CellBook book) and
`PRAGMA user_version` (its schema version, set by each Alembic migration).
Reading them needs no Alembic, so opening an up-to-date book stays fast;
Alembic is imported only when a migration is due.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from desktop.data.errors import BookFileError, BookProblem, book_file_errors

APPLICATION_ID = 0x43424F4B  # "CBOK"
SCHEMA_VERSION = 9  # the user_version written by the newest migration
MIGRATIONS_PACKAGE = "desktop.data:migrations"


def probe(path: Path) -> int:
    """The book's schema version, read without changing the file.

    Raises `BookFileError` if the file is missing, not a database, not a
    book, damaged or written by a newer CellBook.
    """
    if not path.exists():
        raise BookFileError(BookProblem.NOT_FOUND, path)
    with book_file_errors(path):
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            application_id = connection.execute("PRAGMA application_id").fetchone()[0]
            version = connection.execute("PRAGMA user_version").fetchone()[0]
        finally:
            connection.close()
    if application_id != APPLICATION_ID:
        raise BookFileError(BookProblem.NOT_A_BOOK, path)
    if version > SCHEMA_VERSION:
        raise BookFileError(
            BookProblem.TOO_NEW, path, f"schema {version} > supported {SCHEMA_VERSION}"
        )
    return int(version)


def upgrade(path: Path, backup: Callable[[Path], Path] | None = None) -> bool:
    """Migrate the book at `path` to the newest schema. Returns True if it did.

    `backup` is called first (with the path) when an existing book is about
    to be changed; a failed migration leaves the file as the backup had it.
    """
    existing = path.exists() and path.stat().st_size > 0
    current = probe(path) if existing else 0
    if current == SCHEMA_VERSION:
        return False
    if existing and backup is not None:
        backup(path)
    run_migrations(path, "head")
    return True


def run_migrations(path: Path, revision: str) -> None:
    from alembic import command
    from alembic.config import Config

    from desktop.data.engine import make_engine

    config = Config()
    config.set_main_option("script_location", MIGRATIONS_PACKAGE)
    engine = make_engine(path)
    try:
        with book_file_errors(path), engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, revision)
    finally:
        engine.dispose()


def alembic_head() -> str:
    """The head revision as Alembic sees it (used by tests)."""
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", MIGRATIONS_PACKAGE)
    head = ScriptDirectory.from_config(config).get_current_head()
    return head or ""
