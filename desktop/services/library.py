"""The books on this computer, for the start screen.

Each book is read with one quick read-only query (never migrated, never
written), so listing a folder stays fast and cannot damage anything. A file
that cannot be read is still listed, with a short message saying why.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from desktop.data.errors import BookFileError, BookProblem, classify
from desktop.paths import BOOK_SUFFIX
from desktop.services.settings import AppSettings, save_settings

MAX_RECENT = 10

_OWNER_QUERY = (
    "SELECT o.name, o.commune_name FROM book_state AS b "
    "JOIN organisation AS o ON o.id = b.owner_org_id WHERE b.id = 1"
)


@dataclass(frozen=True)
class BookEntry:
    path: Path
    name: str
    commune: str
    modified: datetime
    problem: str | None = None  # a short message in the user's language; None if readable

    @property
    def readable(self) -> bool:
        return self.problem is None


def _modified(path: Path) -> datetime:
    """When the book last changed (its write-ahead log counts too)."""
    stamps = []
    for candidate in (path, Path(f"{path}-wal")):
        try:
            stamps.append(candidate.stat().st_mtime)
        except OSError:
            pass
    return datetime.fromtimestamp(max(stamps)) if stamps else datetime.fromtimestamp(0)


def _read_owner(path: Path) -> tuple[str, str]:
    """The owner organisation's name and commune, read-only.

    Does what `schema.probe` does on the same connection. When no write-ahead
    log exists the book is not open anywhere, so it is read as immutable and
    no -wal/-shm files are left behind.
    """
    from desktop.data import schema

    if not path.exists():
        raise BookFileError(BookProblem.NOT_FOUND, path)
    uri = f"{path.resolve().as_uri()}?mode=ro"
    if not Path(f"{path}-wal").exists():
        uri += "&immutable=1"
    try:
        connection = sqlite3.connect(uri, uri=True)
        try:
            application_id = connection.execute("PRAGMA application_id").fetchone()[0]
            version = connection.execute("PRAGMA user_version").fetchone()[0]
            if application_id != schema.APPLICATION_ID:
                raise BookFileError(BookProblem.NOT_A_BOOK, path)
            if version > schema.SCHEMA_VERSION:
                raise BookFileError(BookProblem.TOO_NEW, path, f"schema {version}")
            row = connection.execute(_OWNER_QUERY).fetchone()
        finally:
            connection.close()
    except sqlite3.Error as error:
        raise classify(error, path) or BookFileError(
            BookProblem.NOT_A_BOOK, path, str(error)
        ) from error
    if row is None:
        raise BookFileError(BookProblem.NOT_A_BOOK, path, "no owner organisation")
    return str(row[0] or ""), str(row[1] or "")


def read_entry(path: Path) -> BookEntry:
    """What the start screen shows of one book file."""
    modified = _modified(path)
    try:
        name, commune = _read_owner(path)
    except BookFileError as error:
        return BookEntry(path, path.stem, "", modified, error.message)
    return BookEntry(path, name or path.stem, commune, modified, None)


def list_books(folder: Path, extra: Iterable[Path | str] = ()) -> list[BookEntry]:
    """Every `*.cellbook` in `folder` (and any `extra` files that still exist),
    most recently changed first."""
    paths: dict[Path, None] = {}
    if folder.is_dir():
        for path in folder.glob(f"*{BOOK_SUFFIX}"):
            if path.is_file():
                paths[path.resolve()] = None
    for item in extra:
        path = Path(item)
        if path.is_file():
            paths.setdefault(path.resolve(), None)
    entries = [read_entry(path) for path in paths]
    return sorted(entries, key=lambda entry: (entry.modified, str(entry.path)), reverse=True)


def remember_recent(settings: AppSettings, path: Path | str) -> None:
    """Put `path` first in the settings' recent books and save the settings."""
    resolved = str(Path(path).resolve())
    recent = [item for item in settings.recent_books if item != resolved]
    settings.recent_books = [resolved, *recent][:MAX_RECENT]
    save_settings(settings)
