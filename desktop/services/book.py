"""Creating, opening and closing a book (one organisation's SQLite file)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import select, text

from desktop import __version__
from desktop.data import (
    models,  # noqa: F401  (registers every table)
    schema,
)
from desktop.data.backup import make_backup, thin_backups
from desktop.data.engine import make_engine, make_sessionmaker
from desktop.data.enums import CellType, OrgKind
from desktop.data.errors import BookFileError, BookProblem, book_file_errors
from desktop.data.models import BookState, CommitteeTerm, Organisation, RuleSetRecord
from desktop.data.stamping import BookSession
from desktop.data.types import new_id
from desktop.paths import BOOK_SUFFIX, backups_dir
from desktop.rules import RuleSet
from desktop.rules.loading import load_default_rule_set, load_rule_file, rule_set_from_book
from desktop.services.validation import Validator


@dataclass
class NewBookDetails:
    """What the wizard asks for when a book is created."""

    cell_name: str
    commune_name: str
    place_name: str = ""
    province: str = ""
    meeting_day: int = 3
    kind: OrgKind = OrgKind.CELL
    cell_type: CellType = CellType.VILLAGE
    superior_line: str = ""  # default "ĐẢNG BỘ XÃ <COMMUNE>"
    term_name: str = ""
    term_start: date | None = None

    def validate(self) -> None:
        check = Validator()
        check.required("cell_name", self.cell_name)
        check.max_length("cell_name", self.cell_name, 200)
        check.required("commune_name", self.commune_name)
        check.max_length("commune_name", self.commune_name, 200)
        check.max_length("place_name", self.place_name, 200)
        check.number_between("meeting_day", self.meeting_day, 1, 28)
        check.raise_if_any()


LOCAL_UNIT_PREFIXES = ("xã ", "phường ", "thị trấn ", "đặc khu ")


def place_from_commune(commune: str) -> str:
    """ "Xã An Phú" -> "An Phú" (what the dateline of a document shows)."""
    name = " ".join(commune.split())
    for prefix in LOCAL_UNIT_PREFIXES:
        if name.lower().startswith(prefix):
            return name[len(prefix) :]
    return name


def default_superior_line(commune_name: str) -> str:
    """The superior body's header line: "An Phú" or "Xã An Phú" -> "ĐẢNG BỘ XÃ AN PHÚ",
    "Phường Hòa Bình" -> "ĐẢNG BỘ PHƯỜNG HÒA BÌNH"."""
    name = " ".join(commune_name.split())
    if not name:
        return ""
    if any(name.lower().startswith(prefix) for prefix in LOCAL_UNIT_PREFIXES):
        return f"ĐẢNG BỘ {name}".upper()
    return f"ĐẢNG BỘ XÃ {name}".upper()


def default_issuer_line(cell_name: str, kind: OrgKind) -> str:
    name = cell_name.strip()
    if kind is OrgKind.COMMUNE:
        return name.upper()
    return (name if name.lower().startswith("chi bộ") else f"Chi bộ {name}").upper()


def suggested_file_name(cell_name: str) -> str:
    from desktop.data.text import fold

    slug = "-".join(word for word in fold(cell_name).split() if word.isalnum())
    return (slug or "so-chi-bo") + BOOK_SUFFIX


class Book:
    """An open book. Use `Book.open` / `Book.create`, then `session()` for work."""

    def __init__(self, path: Path, device_id: str, backup_folder: Path | None) -> None:
        self.path = path
        self.device_id = device_id
        self._engine = make_engine(path)
        state = self._read_state()
        self.book_id: str = state.book_id
        self.owner_org_id: str = state.owner_org_id
        self._opened_at_change = state.change_counter
        self._backup_folder = backup_folder
        self._sessions = make_sessionmaker(
            self._engine, org_id=self.owner_org_id, device_id=device_id
        )
        self._rules: RuleSet | None = None

    # --- opening ------------------------------------------------------------

    @classmethod
    def open(
        cls, path: Path | str, *, device_id: str = "", backup_folder: Path | None = None
    ) -> Book:
        """Open an existing book, migrating it (after a backup) if it is older.

        Raises `BookFileError` for files that are missing, not books, damaged
        or too new; those are left untouched.
        """
        book_path = Path(path)
        version = schema.probe(book_path)
        if version < schema.SCHEMA_VERSION:
            schema.upgrade(
                book_path,
                backup=lambda p: make_backup(
                    p, _backup_folder_for(p, backup_folder), "before-upgrade"
                ),
            )
        with book_file_errors(book_path):
            return cls(book_path, device_id, backup_folder)

    @classmethod
    def create(
        cls,
        path: Path | str,
        details: NewBookDetails,
        *,
        device_id: str = "",
        rule_set: RuleSet | None = None,
        book_id: str | None = None,
        org_id: str | None = None,
        backup_folder: Path | None = None,
    ) -> Book:
        """Create a new book file with its organisation, first term and rule set."""
        details.validate()
        book_path = Path(path)
        if book_path.exists():
            raise BookFileError(BookProblem.CANNOT_OPEN, book_path, "file exists")
        book_path.parent.mkdir(parents=True, exist_ok=True)
        rules = rule_set or load_default_rule_set()
        owner = org_id or new_id()
        try:
            schema.upgrade(book_path)
            with book_file_errors(book_path):
                engine = make_engine(book_path)
                sessions = make_sessionmaker(engine, org_id=owner, device_id=device_id)
                with sessions.begin() as session:
                    session.add(
                        BookState(
                            id=1,
                            book_id=book_id or new_id(),
                            owner_org_id=owner,
                            created_with=__version__,
                            last_written_with=__version__,
                        )
                    )
                    session.flush()
                    _add_organisation(session, owner, details)
                    session.flush()  # the owner must exist before what it owns
                    start = details.term_start or _current_term_start(date.today())
                    session.add(
                        CommitteeTerm(
                            name=details.term_name or _default_term_name(start),
                            starts_on=start,
                        )
                    )
                    session.add(
                        RuleSetRecord(
                            rule_set_id=rules.rule_set_id,
                            version=rules.version,
                            content=rules.to_json(),
                            active=True,
                        )
                    )
                engine.dispose()
        except BaseException:
            _remove_book_files(book_path)
            raise
        return cls(book_path, device_id, backup_folder)

    def _read_state(self) -> BookState:
        with book_file_errors(self.path), make_sessionmaker(self._engine)() as session:
            state = session.get(BookState, 1)
            if state is None:
                raise BookFileError(BookProblem.NOT_A_BOOK, self.path, "no book_state row")
            session.expunge(state)
            return state

    # --- working ------------------------------------------------------------

    @contextmanager
    def session(self) -> Iterator[BookSession]:
        """A unit of work: committed when the block ends, rolled back on error.

        Environment problems (disk full, locked, read-only...) surface as
        `BookFileError`; nothing of a failed block is kept.
        """
        with book_file_errors(self.path), self._sessions.begin() as session:
            yield session

    @contextmanager
    def reader(self) -> Iterator[BookSession]:
        """A session for reading only."""
        with book_file_errors(self.path), self._sessions() as session:
            yield session

    def organisation(self) -> Organisation:
        with self.reader() as session:
            org = session.get(Organisation, self.owner_org_id)
            if org is None:
                raise BookFileError(BookProblem.NOT_A_BOOK, self.path, "owner missing")
            return org

    @property
    def rules(self) -> RuleSet:
        if self._rules is None:
            with self.reader() as session:
                content = session.scalar(
                    select(RuleSetRecord.content).where(RuleSetRecord.active.is_(True))
                )
            self._rules = rule_set_from_book(content) if content else load_default_rule_set()
        return self._rules

    def forget_cached_rules(self) -> None:
        """Read the rule set in force again (after a bundle installed one)."""
        self._rules = None

    def install_rule_file(self, rule_file: Path) -> RuleSet:
        """Validate a rule file and make it the book's rule set.

        A broken file raises `RuleSetError`; the rule set in force stays.
        """
        rules = load_rule_file(rule_file)
        with self.session() as session:
            existing = session.scalar(
                select(RuleSetRecord).where(
                    RuleSetRecord.rule_set_id == rules.rule_set_id,
                    RuleSetRecord.version == rules.version,
                )
            )
            for record in session.scalars(select(RuleSetRecord)):
                record.active = False
            if existing is None:
                existing = RuleSetRecord(
                    rule_set_id=rules.rule_set_id, version=rules.version, content=rules.to_json()
                )
                session.add(existing)
            existing.active = True
        self._rules = rules
        return rules

    def change_counter(self) -> int:
        with self.reader() as session:
            return int(session.scalar(select(BookState.change_counter)) or 0)

    def integrity_problems(self) -> list[str]:
        """SQLite's integrity and foreign-key checks; empty when the book is sound."""
        with book_file_errors(self.path), self._engine.connect() as connection:
            problems = [
                str(row[0])
                for row in connection.execute(text("PRAGMA integrity_check"))
                if row[0] != "ok"
            ]
            problems += [
                f"foreign key: {row[0]} row {row[1]} -> {row[2]}"
                for row in connection.execute(text("PRAGMA foreign_key_check"))
            ]
            return problems

    def backup(self, reason: str, *, quick: bool = False) -> Path:
        folder = _backup_folder_for(self.path, self._backup_folder, self.book_id)
        copy = make_backup(self.path, folder, reason, quick=quick)
        thin_backups(folder)
        return copy

    def close(self, *, backup: bool = True) -> Path | None:
        """Close the book; keep a backup copy if anything changed since opening."""
        copy = None
        try:
            if backup and self.change_counter() != self._opened_at_change:
                copy = self.backup("on-close")
            with self._engine.connect() as connection:
                connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            self._engine.dispose()
        return copy


def _backup_folder_for(path: Path, folder: Path | None, book_id: str | None = None) -> Path:
    if folder is not None:
        return folder
    return backups_dir() / (book_id or _probe_book_id(path) or path.stem)


def _probe_book_id(path: Path) -> str | None:
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            row = connection.execute("SELECT book_id FROM book_state WHERE id = 1").fetchone()
        finally:
            connection.close()
        return str(row[0]) if row else None
    except sqlite3.Error:
        return None


def _add_organisation(session: BookSession, owner: str, details: NewBookDetails) -> None:
    session.add(
        Organisation(
            id=owner,
            org_id=owner,
            kind=details.kind,
            cell_type=details.cell_type,
            name=details.cell_name.strip(),
            commune_name=details.commune_name.strip(),
            province=details.province.strip(),
            place_name=(details.place_name or place_from_commune(details.commune_name)).strip(),
            superior_line=details.superior_line.strip()
            or default_superior_line(details.commune_name),
            issuer_line=default_issuer_line(details.cell_name, details.kind),
            issuer_code="ĐU" if details.kind is OrgKind.COMMUNE else "CB",
            meeting_day=details.meeting_day,
        )
    )


def _current_term_start(today: date) -> date:
    """Party terms run in five-year cycles (2020–2025, 2025–2030, ...)."""
    return date(2025 + 5 * ((today.year - 2025) // 5), 1, 1)


def _default_term_name(start: date) -> str:
    return f"Nhiệm kỳ {start.year}–{start.year + 5}"


def _remove_book_files(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
