"""What a bundle to a peer carries: the records changed since the last bundle
the peer acknowledged (or all of them), read raw from the book.

The records member is JSON:

    {"tables": {"meeting": {"columns": [...], "rows": [[...], ...]}, ...},
     "files": [["shared_document", "<id>", "data", 0], ...],
     "tombstones": [["<id>", "meeting", "<org id>", "<deleted at>", "<device>"], ...],
     "receipts": [{"sequence": 3, "imported_at": "..."}],
     "rule_set": {"rule_set_id": ..., "version": ..., "content": "..."} | null,
     "topic_library": {"topic_set_id": ..., "version": ..., "content": "..."} | null}

Binary columns travel as file members; `files` says where each belongs.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Table

from desktop.data.enums import MeetingState, PeerRole
from desktop.services.book import Book
from desktop.services.sync.identity import Peer
from desktop.services.sync.tables import (
    MEETING_ROWS,
    binary_columns,
    tables_sent_to,
    value_columns,
)

_CHUNK = 500


@dataclass
class Payload:
    records: dict[str, Any]
    files: list[bytes] = field(default_factory=list)
    change_high: int = 0
    only_referenced: dict[str, int] = field(default_factory=dict)  # rows sent unchanged

    def summary(self) -> dict[str, int]:
        """Records per table that the bundle brings (the sender's own organisation
        row, sent in every bundle for reference, counts only when it changed)."""
        counts = {
            name: len(t["rows"]) - self.only_referenced.get(name, 0)
            for name, t in self.records["tables"].items()
        }
        counts = {name: number for name, number in counts.items() if number > 0}
        if self.records["tombstones"]:
            counts["deleted"] = len(self.records["tombstones"])
        return counts

    def to_bytes(self) -> bytes:
        return json.dumps(self.records, ensure_ascii=False, separators=(",", ":")).encode()


def _chunks(values: list[str]) -> Iterable[list[str]]:
    for start in range(0, len(values), _CHUNK):
        yield values[start : start + _CHUNK]


def _select(
    conn: Connection, table: Table, where: str, params: tuple[Any, ...]
) -> list[tuple[Any, ...]]:
    columns = ", ".join(f'"{name}"' for name in value_columns(table))
    sql = f'SELECT {columns} FROM "{table.name}" WHERE {where}'
    return [tuple(row) for row in conn.exec_driver_sql(sql, params).fetchall()]


def _by_ids(conn: Connection, table: Table, ids: list[str], where: str = "1") -> list[tuple]:
    rows: list[tuple] = []
    for chunk in _chunks(ids):
        marks = ", ".join("?" for _ in chunk)
        rows += _select(conn, table, f"id IN ({marks}) AND {where}", tuple(chunk))
    return rows


class _Selection:
    """Rows picked per table, keyed by id, with the parents they refer to."""

    def __init__(self, conn: Connection, tables: tuple[Table, ...]) -> None:
        self.conn = conn
        self.tables = tables
        self.names = {table.name for table in tables}
        self.rows: dict[str, dict[str, tuple]] = {table.name: {} for table in tables}

    def add(self, table: Table, rows: list[tuple]) -> None:
        picked = self.rows[table.name]
        for row in rows:
            picked[row[0]] = row


def collect(book: Book, peer: Peer, *, full: bool, receipts: list[dict[str, Any]]) -> Payload:
    """The payload of the next bundle to `peer`."""
    since = 0 if full else peer.acked_change
    tables = tables_sent_to(peer.role)
    with book.reader() as session:
        conn = session.connection()
        high = int(conn.exec_driver_sql("SELECT change_counter FROM book_state").scalar_one())
        selection = _Selection(conn, tables)
        owner = book.owner_org_id
        if peer.role is PeerRole.SUPERIOR:
            _pick_for_commune(selection, owner, since)
            _unlink_minutes_not_adopted(selection)
        elif peer.role is PeerRole.CELL:
            _pick_for_cell(selection, owner, peer.org_id, since)
        else:
            for table in tables:
                selection.add(table, _select(conn, table, "change_seq > ?", (since,)))
        referenced = _always_own_organisation(selection, owner)
        payload = Payload(
            records={
                "tables": {},
                "files": [],
                "tombstones": _tombstones(conn, peer, owner, since, selection.names),
                "receipts": receipts,
                "rule_set": None,
                "topic_library": None,
            },
            change_high=high,
            only_referenced={"organisation": 1} if referenced else {},
        )
        for table in tables:
            rows = sorted(selection.rows[table.name].values(), key=lambda row: row[0])
            payload.records["tables"][table.name] = {
                "columns": list(value_columns(table)),
                "rows": [list(row) for row in rows],
            }
            _attach_files(conn, table, [row[0] for row in rows], payload)
        if peer.role is PeerRole.CELL:
            payload.records["rule_set"] = _active_rule_set(conn)
            payload.records["topic_library"] = _newest_topic_library(conn)
    return payload


def _table(selection: _Selection, name: str) -> Table:
    return next(table for table in selection.tables if table.name == name)


def _pick_for_commune(selection: _Selection, owner: str, since: int) -> None:
    """Everything the commune is to see: meetings once adopted, with all their
    rows (written before adoption too); other records as they change."""
    conn = selection.conn
    adopted = MeetingState.ADOPTED.value
    for table in selection.tables:
        if table.name == "meeting":
            rows = _select(
                conn, table, "org_id = ? AND change_seq > ? AND state = ?", (owner, since, adopted)
            )
        elif table.name in MEETING_ROWS:
            rows = _select(
                conn,
                table,
                "org_id = ? AND (meeting_id IN (SELECT id FROM meeting WHERE state = ? "
                "AND change_seq > ?) OR (change_seq > ? AND meeting_id IN "
                "(SELECT id FROM meeting WHERE state = ?)))",
                (owner, adopted, since, since, adopted),
            )
        elif table.name in LINKED_TO_MEETINGS:
            rows = _select(
                conn,
                table,
                "org_id = ? AND (change_seq > ? OR meeting_id IN (SELECT id FROM meeting "
                "WHERE state = ? AND change_seq > ?))",
                (owner, since, adopted, since),
            )
        elif table.name == "resolution_task":
            rows = _select(
                conn,
                table,
                "org_id = ? AND resolution_id IN (SELECT r.id FROM resolution r JOIN meeting m "
                "ON m.id = r.meeting_id WHERE m.state = ? AND (m.change_seq > ? OR "
                "resolution_task.change_seq > ?))",
                (owner, adopted, since, since),
            )
        else:
            rows = _select(conn, table, "org_id = ? AND change_seq > ?", (owner, since))
        selection.add(table, rows)


# Records that may name a meeting (or a speech at it) before its minutes are
# adopted: they go up as they change, naming the meeting only once it is
# adopted, and go up again, naming it, when it is.
LINKED_TO_MEETINGS = {
    "recommendation": ("meeting_id", "speech_id"),
    "review_campaign": ("meeting_id",),
    "document_record": ("meeting_id",),
}


def _unlink_minutes_not_adopted(selection: _Selection) -> None:
    """The commune gets minutes only once adopted: links to a meeting (or a
    speech) whose minutes are not adopted yet are left empty for now."""
    conn = selection.conn
    adopted = {
        row[0]
        for row in conn.exec_driver_sql(
            "SELECT id FROM meeting WHERE state = ?", (MeetingState.ADOPTED.value,)
        )
    }
    for table in selection.tables:
        links = LINKED_TO_MEETINGS.get(table.name)
        if not links:
            continue
        columns = value_columns(table)
        rows = selection.rows[table.name]
        speeches = _adopted_speeches(conn, rows, columns) if "speech_id" in links else set()
        for record_id, row in list(rows.items()):
            values = list(row)
            for link in links:
                at = columns.index(link)
                known = adopted if link == "meeting_id" else speeches
                if values[at] is not None and values[at] not in known:
                    values[at] = None
            rows[record_id] = tuple(values)


def _adopted_speeches(conn: Connection, rows: dict[str, tuple], columns: tuple[str, ...]) -> set:
    at = columns.index("speech_id")
    wanted = sorted({row[at] for row in rows.values() if row[at] is not None})
    found: set[str] = set()
    for chunk in _chunks(wanted):
        marks = ", ".join("?" for _ in chunk)
        found |= {
            row[0]
            for row in conn.exec_driver_sql(
                f"SELECT s.id FROM speech s JOIN meeting m ON m.id = s.meeting_id "
                f"WHERE m.state = ? AND s.id IN ({marks})",
                (MeetingState.ADOPTED.value, *chunk),
            )
        }
    return found


def _pick_for_cell(selection: _Selection, owner: str, cell_org: str, since: int) -> None:
    conn = selection.conn
    selection.add(
        _table(selection, "shared_document"),
        _select(
            conn,
            _table(selection, "shared_document"),
            "org_id = ? AND change_seq > ? AND addressed_to IN ('', ?)",
            (owner, since, cell_org),
        ),
    )
    selection.add(
        _table(selection, "commune_decision"),
        _select(
            conn,
            _table(selection, "commune_decision"),
            "org_id = ? AND change_seq > ? AND cell_org_id = ?",
            (owner, since, cell_org),
        ),
    )


def _always_own_organisation(selection: _Selection, owner: str) -> bool:
    """The sender's own organisation row goes in every bundle: every record
    the bundle carries refers to it. True if it was added only for that."""
    table = _table(selection, "organisation")
    if owner in selection.rows[table.name]:
        return False
    selection.add(table, _by_ids(selection.conn, table, [owner]))
    return True


def _tombstones(
    conn: Connection, peer: Peer, owner: str, since: int, names: set[str]
) -> list[list[Any]]:
    where = "change_seq > ?" + ("" if peer.role is PeerRole.SIBLING else " AND org_id = ?")
    params: tuple[Any, ...] = (since,) if peer.role is PeerRole.SIBLING else (since, owner)
    rows = conn.exec_driver_sql(
        "SELECT record_id, table_name, org_id, deleted_at, deleted_on FROM tombstone "
        f"WHERE {where} ORDER BY change_seq",
        params,
    ).fetchall()
    return [list(row) for row in rows if row[1] in names]


def _attach_files(conn: Connection, table: Table, ids: list[str], payload: Payload) -> None:
    for column in binary_columns(table):
        for chunk in _chunks(ids):
            marks = ", ".join("?" for _ in chunk)
            rows = conn.exec_driver_sql(
                f'SELECT id, "{column}" FROM "{table.name}" WHERE id IN ({marks}) '
                f'AND length("{column}") > 0',
                tuple(chunk),
            ).fetchall()
            for record_id, data in rows:
                payload.records["files"].append([table.name, record_id, column, len(payload.files)])
                payload.files.append(bytes(data))


def _active_rule_set(conn: Connection) -> dict[str, Any] | None:
    row = conn.exec_driver_sql(
        "SELECT rule_set_id, version, content FROM rule_set WHERE active = 1"
    ).first()
    return None if row is None else {"rule_set_id": row[0], "version": row[1], "content": row[2]}


def _newest_topic_library(conn: Connection) -> dict[str, Any] | None:
    row = conn.exec_driver_sql(
        "SELECT topic_set_id, version, content FROM topic_library ORDER BY installed_at DESC, "
        "id DESC LIMIT 1"
    ).first()
    return None if row is None else {"topic_set_id": row[0], "version": row[1], "content": row[2]}
