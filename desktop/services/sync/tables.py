"""Which tables travel between books, in which direction, and how their
columns are read and written raw (exactly as stored) so a bundle carries
the very values the sender's book holds."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from functools import cache
from typing import Any

from sqlalchemy import Boolean, Date, Enum, Float, Integer, LargeBinary, Numeric, Table

from desktop.data import models  # noqa: F401  (registers every table)
from desktop.data.base import Base
from desktop.data.enums import PeerRole
from desktop.data.types import UtcDateTime

# What a cell hands up to the commune: adopted minutes and resolutions (with
# their PDFs), attendance and scores, recommendations, review results, the
# register, and the people and terms these refer to. Criticism, shortcomings,
# dues and drafts stay in the cell.
CELL_UP = (
    "organisation",
    "committee_term",
    "member",
    "member_event",
    "committee_post",
    "meeting",
    "agenda_item",
    "attendance",
    "meeting_guest",
    "speech",
    "document_record",
    "resolution",
    "resolution_task",
    "meeting_amendment",
    "recommendation",
    "review_campaign",
    "member_review",
    "emulation_pledge",
    "commendation",
    "shared_document",
)
# What the commune hands down: its own record, documents and directives, decisions.
COMMUNE_DOWN = ("organisation", "shared_document", "commune_decision")
# Rows that belong to a meeting: a cell hands them up once the minutes are adopted.
MEETING_ROWS = (
    "agenda_item",
    "attendance",
    "meeting_guest",
    "speech",
    "resolution",
    "meeting_amendment",
)
# Tables that are not records (keys, logs, counters) never travel.
_LOCAL = {
    "book_state",
    "bundle_log",
    "rule_set",
    "sync_conflict",
    "sync_identity",
    "sync_peer",
    "tombstone",
    "topic_library",
}


@cache
def synced_tables() -> tuple[Table, ...]:
    """Every record table, parents before children."""
    return tuple(
        table
        for table in Base.metadata.sorted_tables
        if table.name not in _LOCAL and "change_seq" in table.c
    )


@cache
def table_order() -> dict[str, int]:
    """Parents before children: the order records are written in."""
    return {table.name: i for i, table in enumerate(Base.metadata.sorted_tables)}


@cache
def table_named(name: str) -> Table | None:
    return next((table for table in synced_tables() if table.name == name), None)


def tables_sent_to(role: PeerRole) -> tuple[Table, ...]:
    """Tables a bundle to a peer of `role` carries (in insert order)."""
    if role is PeerRole.SIBLING:
        return synced_tables()
    names = CELL_UP if role is PeerRole.SUPERIOR else COMMUNE_DOWN
    return tuple(table for table in synced_tables() if table.name in names)


def tables_accepted_from(role: PeerRole) -> frozenset[str]:
    if role is PeerRole.SIBLING:
        return frozenset(table.name for table in synced_tables())
    return frozenset(COMMUNE_DOWN if role is PeerRole.SUPERIOR else CELL_UP)


@cache
def binary_columns(table: Table) -> tuple[str, ...]:
    return tuple(column.name for column in table.c if isinstance(column.type, LargeBinary))


@cache
def value_columns(table: Table) -> tuple[str, ...]:
    """The columns carried in the records member (binaries go as files), `id` first."""
    names = [column.name for column in table.c if not isinstance(column.type, LargeBinary)]
    return ("id", *(name for name in names if name != "id"))


def _storage_kind(column: Any) -> str:
    kind = column.type
    if isinstance(kind, Boolean):
        return "bool"
    if isinstance(kind, Integer):
        return "int"
    if isinstance(kind, Float | Numeric):
        return "number"
    if isinstance(kind, Enum):
        return "enum"
    if isinstance(kind, Date):
        return "date"
    if isinstance(kind, UtcDateTime):
        return "instant"
    return "text"


@cache
def value_checker(table_name: str, name: str) -> Callable[[object], bool]:
    """Whether a value can be stored raw in the column: the right kind, a known
    enum value, a real date, text no longer than the column allows. Worked out
    once per column (a commune checks millions of values)."""
    table = table_named(table_name)
    assert table is not None
    column = table.c[name]
    nullable = bool(column.nullable)
    kind = _storage_kind(column)
    enums = frozenset(getattr(column.type, "enums", ()) or ())
    length = getattr(column.type, "length", None)

    def whole(value: object) -> bool:
        return type(value) is int or (value is None and nullable)

    def number(value: object) -> bool:
        return type(value) in (int, float) or (value is None and nullable)

    def choice(value: object) -> bool:
        return value in enums if type(value) is str else value is None and nullable

    def day(value: object) -> bool:
        if type(value) is not str:
            return value is None and nullable
        try:
            date.fromisoformat(value)
        except ValueError:
            return False
        return True

    def instant(value: object) -> bool:
        if type(value) is not str:
            return value is None and nullable
        try:
            return len(value) == 32 and datetime.fromisoformat(value).utcoffset() is not None
        except ValueError:
            return False

    def text(value: object) -> bool:
        if type(value) is not str:
            return value is None and nullable
        return length is None or len(value) <= length

    check = {
        "int": whole,
        "bool": whole,
        "number": number,
        "enum": choice,
        "date": day,
        "instant": instant,
    }.get(kind, text)
    return check


def missing_value(table: Table, name: str) -> object:
    """The value for a column the sender's (older) book did not have."""
    column = table.c[name]
    default = column.default
    if default is not None and default.is_scalar:
        value = default.arg  # type: ignore[attr-defined]
        return value.value if hasattr(value, "value") else value
    if column.server_default is not None:
        return str(column.server_default.arg)  # type: ignore[attr-defined]
    return None
