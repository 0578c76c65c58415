"""Taking a bundle's records into the book, in the caller's transaction.

Everything is checked first (tables and columns this book knows, values of
the right kind, records owned by the sender); a payload that fails any check
raises `PayloadError` before a row is written. Then each record is inserted,
or, if the book has it, the newer version by its stamps (`updated_at`, then
the device) wins. When both versions were changed apart (in two books of the
same organisation), the losing one is kept in `sync_conflict` and shown.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any

from sqlalchemy import Connection, Table, select

from desktop.data.base import Base
from desktop.data.enums import (
    DecisionKind,
    PeerRole,
    RecommendationStatus,
    ReviewState,
)
from desktop.data.models import CommuneDecision, MemberReview, Recommendation, ReviewCampaign
from desktop.data.search_index import index_many, unindex_record
from desktop.data.stamping import BookSession
from desktop.data.types import utcnow
from desktop.i18n import _
from desktop.rules import RuleSetError
from desktop.rules.agenda import parse_topics
from desktop.rules.loading import rule_set_from_book
from desktop.services.sync.identity import Peer
from desktop.services.sync.tables import (
    binary_columns,
    missing_value,
    table_named,
    table_order,
    tables_accepted_from,
    value_checker,
    value_columns,
)

_STAMPS = ("id", "org_id", "created_at", "updated_at", "updated_on", "change_seq")
_CHUNK = 500


class PayloadError(ValueError):
    """A bundle whose records cannot be taken; nothing was changed."""


@dataclass
class Applied:
    """What came in, for the summary shown after an import."""

    added: dict[str, int] = field(default_factory=dict)
    changed: dict[str, int] = field(default_factory=dict)
    deleted: int = 0
    conflicts: int = 0
    rules_installed: str = ""
    topics_installed: str = ""
    decisions_applied: int = 0

    @property
    def records(self) -> int:
        return sum(self.added.values()) + sum(self.changed.values()) + self.deleted

    def to_json(self) -> str:
        return json.dumps(self.__dict__, ensure_ascii=False, sort_keys=True)


@dataclass
class _Incoming:
    table: Table
    columns: tuple[str, ...]
    rows: list[tuple[Any, ...]]


def _damaged() -> PayloadError:
    return PayloadError(
        _("The bundle's records are not in the form CellBook expects. Nothing was changed.")
    )


def _foreign(name: str) -> PayloadError:
    return PayloadError(
        _(
            "The bundle carries records that do not belong to {name}, so it is refused. "
            "Nothing was changed."
        ).format(name=name)
    )


# --- checking -------------------------------------------------------------------------------


def check_payload(records: Any, files: list[bytes], peer: Peer, my_org: str) -> list[_Incoming]:
    """Every table, column, value, owner and file reference of the payload."""
    if not isinstance(records, dict) or not isinstance(records.get("tables"), dict):
        raise _damaged()
    accepted = tables_accepted_from(peer.role)
    incoming: list[_Incoming] = []
    for name, block in records["tables"].items():
        table = table_named(name) if isinstance(name, str) else None
        if table is None or name not in accepted or not isinstance(block, dict):
            raise _damaged()
        incoming.append(_check_table(table, block, peer, my_org))
    order = table_order()
    incoming.sort(key=lambda item: order[item.table.name])
    _check_files(records.get("files", []), files, incoming)
    _check_tombstones(records.get("tombstones", []), peer, accepted)
    if not isinstance(records.get("receipts", []), list):
        raise _damaged()
    return incoming


def _check_table(table: Table, block: dict[str, Any], peer: Peer, my_org: str) -> _Incoming:
    columns = block.get("columns")
    rows = block.get("rows")
    known = value_columns(table)
    if (
        not isinstance(columns, list)
        or not isinstance(rows, list)
        or len(set(columns)) != len(columns)
        or not set(_STAMPS) <= set(columns)
        or not set(columns) <= set(known)
    ):
        raise _damaged()
    org_at = columns.index("org_id")
    checks = [value_checker(table.name, name) for name in columns]
    filled = {name: missing_value(table, name) for name in known if name not in columns}
    # Where each of this book's columns is in the sender's rows (None: not sent).
    places = [columns.index(name) if name in columns else None for name in known]
    same_order = list(known) == columns
    owner_only = peer.role is not PeerRole.SIBLING
    checked: list[tuple[Any, ...]] = []
    for row in rows:
        if not isinstance(row, list) or len(row) != len(columns):
            raise _damaged()
        if not all(check(value) for check, value in zip(checks, row, strict=True)):
            raise _damaged()
        if owner_only and row[org_at] != peer.org_id:
            raise _foreign(peer.org_name)
        if same_order:
            checked.append(tuple(row))
        else:
            checked.append(
                tuple(
                    filled[name] if at is None else row[at]
                    for name, at in zip(known, places, strict=True)
                )
            )
    full_columns = known
    if peer.role is PeerRole.SUPERIOR:
        _check_addressed_here(table, full_columns, checked, my_org, peer)
    return _Incoming(table, full_columns, checked)


def _check_addressed_here(
    table: Table, columns: tuple[str, ...], rows: list[tuple], my_org: str, peer: Peer
) -> None:
    """What a commune sends a cell must be meant for that cell."""
    if table.name == "commune_decision":
        at = columns.index("cell_org_id")
        if any(row[at] != my_org for row in rows):
            raise _foreign(peer.org_name)
    if table.name == "shared_document":
        at = columns.index("addressed_to")
        if any(row[at] not in ("", my_org) for row in rows):
            raise _foreign(peer.org_name)


def _check_files(entries: Any, files: list[bytes], incoming: list[_Incoming]) -> None:
    ids = {item.table.name: {row[0] for row in item.rows} for item in incoming}
    if not isinstance(entries, list) or len(entries) != len(files):
        raise _damaged()
    for entry in entries:
        if not isinstance(entry, list) or len(entry) != 4:
            raise _damaged()
        name, record_id, column, index = entry
        table = table_named(name) if isinstance(name, str) else None
        if (
            table is None
            or column not in binary_columns(table)
            or record_id not in ids.get(name, ())
            or not isinstance(index, int)
            or not 0 <= index < len(files)
        ):
            raise _damaged()


def _check_tombstones(entries: Any, peer: Peer, accepted: frozenset[str]) -> None:
    if not isinstance(entries, list):
        raise _damaged()
    for entry in entries:
        if (
            not isinstance(entry, list)
            or len(entry) != 5
            or not all(isinstance(value, str) for value in entry)
            or entry[1] not in accepted
        ):
            raise _damaged()
        if peer.role is not PeerRole.SIBLING and entry[2] != peer.org_id:
            raise _foreign(peer.org_name)


# --- applying -------------------------------------------------------------------------------


def _chunks(values: list[Any]) -> Iterable[list[Any]]:
    for start in range(0, len(values), _CHUNK):
        yield values[start : start + _CHUNK]


def _reserve(conn: Connection, count: int) -> int:
    last = conn.exec_driver_sql(
        "UPDATE book_state SET change_counter = change_counter + ? WHERE id = 1 "
        "RETURNING change_counter",
        (count,),
    ).scalar_one()
    return int(last) - count + 1


class _Applier:
    def __init__(
        self, session: BookSession, peer: Peer, my_device: str, my_org: str, source: str
    ) -> None:
        self.session = session
        self.conn = session.connection()
        # The driver's own cursor for the many small statements (same transaction).
        self.cursor = self.conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
        self.peer = peer
        self.my_device = my_device
        self.my_org = my_org
        self.source = source
        self.result = Applied()
        self.written: dict[str, set[str]] = {}
        self.updated: dict[str, set[str]] = {}
        self.file_index: dict[tuple[str, str, str], int] = {}
        self.file_data: list[bytes] = []
        self.next_seq = 0

    def existing(self, table: Table, ids: list[str]) -> dict[str, dict[str, Any]]:
        names = value_columns(table)
        quoted = ", ".join(f'"{name}"' for name in names)
        found: dict[str, dict[str, Any]] = {}
        for chunk in _chunks(ids):
            marks = ", ".join("?" for _ in chunk)
            for row in self.cursor.execute(
                f'SELECT {quoted} FROM "{table.name}" WHERE id IN ({marks})', tuple(chunk)
            ).fetchall():
                found[row[0]] = dict(zip(names, row, strict=True))
        return found

    def seq(self) -> int:
        value = self.next_seq
        self.next_seq += 1
        return value

    def unseen_here(self, version: dict[str, Any]) -> bool:
        """A version written on this computer that the sender has not yet had."""
        return (
            version["updated_on"] == self.my_device
            and version["change_seq"] > self.peer.acked_change
        )

    def table(self, item: _Incoming) -> None:
        if not item.rows:
            return
        table, columns = item.table, item.columns
        existing = self.existing(table, [row[0] for row in item.rows])
        inserts: list[tuple] = []
        updates: list[tuple] = []
        seq_at = columns.index("change_seq")
        compared = [name for name in columns if name != "change_seq"]
        for row in item.rows:
            old = existing.get(row[0])
            local = list(row)
            local[seq_at] = self.seq()
            if old is None:
                inserts.append(tuple(local))
                continue
            version = dict(zip(columns, row, strict=True))
            if all(old[name] == version[name] for name in compared):
                continue
            incoming_stamp = (version["updated_at"], version["updated_on"])
            stamp = (old["updated_at"], old["updated_on"])
            if incoming_stamp == stamp:
                # The same write, sent again in full (a link to minutes adopted since).
                updates.append(tuple(local[1:]) + (row[0],))
            elif incoming_stamp > stamp:
                if self.unseen_here(old):
                    self.keep_loser(table, old, winner=version)
                updates.append(tuple(local[1:]) + (row[0],))
            elif old["updated_on"] != version["updated_on"]:
                self.keep_loser(table, version, winner=old)
        if inserts:
            binaries = binary_columns(table)
            inserts = [
                row + tuple(self.file_for(table.name, row[0], name) for name in binaries)
                for row in inserts
            ]
            marks = ", ".join("?" for _ in (*columns, *binaries))
            quoted = ", ".join(f'"{name}"' for name in (*columns, *binaries))
            self.cursor.executemany(
                f'INSERT INTO "{table.name}" ({quoted}) VALUES ({marks})', inserts
            )
            self.result.added[table.name] = len(inserts)
        if updates:
            assignments = ", ".join(f'"{name}" = ?' for name in columns[1:])
            self.cursor.executemany(
                f'UPDATE "{table.name}" SET {assignments} WHERE id = ?', updates
            )
            self.result.changed[table.name] = len(updates)
        self.written[table.name] = {row[0] for row in inserts} | {row[-1] for row in updates}
        self.updated[table.name] = {row[-1] for row in updates}

    def file_for(self, table: str, record_id: str, column: str) -> bytes:
        index = self.file_index.get((table, record_id, column))
        return b"" if index is None else self.file_data[index]

    def keep_loser(self, table: Table, lost: dict[str, Any], *, winner: dict[str, Any]) -> None:
        self.conn.exec_driver_sql(
            "INSERT INTO sync_conflict (table_name, record_id, lost_version, lost_updated_at, "
            "lost_on, won_updated_at, won_on, source, noted_at, resolved) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
            (
                table.name,
                lost["id"],
                json.dumps(lost, ensure_ascii=False, sort_keys=True),
                lost["updated_at"],
                lost["updated_on"],
                winner["updated_at"],
                winner["updated_on"],
                self.source,
                utcnow().isoformat(timespec="microseconds"),
            ),
        )
        self.result.conflicts += 1

    def files(self, entries: list[list[Any]], files: list[bytes]) -> None:
        """Binary columns of records that were changed (new ones got theirs on insert)."""
        for name, record_id, column, index in entries:
            if record_id in self.updated.get(name, ()):
                self.conn.exec_driver_sql(
                    f'UPDATE "{name}" SET "{column}" = ? WHERE id = ?', (files[index], record_id)
                )

    def tombstones(self, entries: list[list[str]]) -> None:
        order = table_order()
        for record_id, name, org_id, deleted_at, deleted_on in sorted(
            entries, key=lambda entry: -order[entry[1]]
        ):
            known = self.conn.exec_driver_sql(
                "SELECT 1 FROM tombstone WHERE record_id = ?", (record_id,)
            ).first()
            if known is not None:
                continue
            row = self.conn.exec_driver_sql(
                f'SELECT updated_at FROM "{name}" WHERE id = ?', (record_id,)
            ).first()
            if row is not None and row[0] > deleted_at:
                continue  # changed here after it was deleted there: keep it
            if row is not None:
                self.conn.exec_driver_sql(f'DELETE FROM "{name}" WHERE id = ?', (record_id,))
                unindex_record(self.conn, record_id)
                self.result.deleted += 1
            self.conn.exec_driver_sql(
                "INSERT INTO tombstone (record_id, table_name, org_id, deleted_at, deleted_on, "
                "change_seq) VALUES (?, ?, ?, ?, ?, ?)",
                (record_id, name, org_id, deleted_at, deleted_on, self.seq()),
            )

    def reindex(self, incoming: list[_Incoming]) -> None:
        """Keep search in step with what came in (the ORM keeps it for other writes).
        Each model's `search_text` reads only the record's own columns."""
        models = {
            mapper.class_.__tablename__: mapper.class_
            for mapper in Base.registry.mappers
            if isinstance(getattr(mapper.class_, "search_kind", None), str)
        }
        entries: list[tuple[str, str, str, str]] = []
        for item in incoming:
            model = models.get(item.table.name)
            written = self.written.get(item.table.name, set())
            if model is None or not written:
                continue
            for row in item.rows:
                if row[0] in written:
                    values = SimpleNamespace(**dict(zip(item.columns, row, strict=True)))
                    text = model.search_text(values)
                    entries.append((row[0], model.search_kind, values.org_id, text))
        index_many(self.conn, entries)


def apply_payload(
    session: BookSession,
    records: dict[str, Any],
    files: list[bytes],
    incoming: list[_Incoming],
    *,
    peer: Peer,
    my_device: str,
    my_org: str,
) -> Applied:
    """Write checked records (see `check_payload`) into the session's transaction."""
    conn = session.connection()
    conn.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
    applier = _Applier(session, peer, my_device, my_org, peer.org_name)
    tombstones = records.get("tombstones", [])
    count = sum(len(item.rows) for item in incoming) + len(tombstones)
    applier.next_seq = _reserve(conn, max(count, 1))
    applier.file_data = files
    applier.file_index = {
        (name, record_id, column): index
        for name, record_id, column, index in records.get("files", [])
    }
    for item in incoming:
        applier.table(item)
    applier.files(records.get("files", []), files)
    applier.tombstones(tombstones)
    applier.reindex(incoming)
    _install_rules(conn, records.get("rule_set"), applier.result)
    _install_topics(conn, records.get("topic_library"), applier.result)
    if peer.role is PeerRole.SUPERIOR:
        applier.result.decisions_applied = _apply_decisions(session, my_org)
    return applier.result


def _install_rules(conn: Connection, data: Any, result: Applied) -> None:
    if data is None:
        return
    try:
        rules = rule_set_from_book(str(data["content"]))
    except (RuleSetError, KeyError, TypeError) as error:
        raise PayloadError(
            _("The rule set in the bundle is not valid: {problem}. Nothing was changed.").format(
                problem=str(error)
            )
        ) from error
    known = conn.exec_driver_sql(
        "SELECT 1 FROM rule_set WHERE rule_set_id = ? AND version = ?",
        (rules.rule_set_id, rules.version),
    ).first()
    if known is not None:
        return
    newest = conn.exec_driver_sql(
        "SELECT max(version) FROM rule_set WHERE rule_set_id = ?", (rules.rule_set_id,)
    ).scalar()
    conn.exec_driver_sql(
        "INSERT INTO rule_set (rule_set_id, version, content, installed_at, active) "
        "VALUES (?, ?, ?, ?, 0)",
        (rules.rule_set_id, rules.version, rules.to_json(), utcnow().isoformat()),
    )
    if newest is None or rules.version > int(newest):
        conn.exec_driver_sql(
            "UPDATE rule_set SET active = (rule_set_id = ? AND version = ?)",
            (rules.rule_set_id, rules.version),
        )
        result.rules_installed = f"{rules.rule_set_id} v{rules.version}"


def _install_topics(conn: Connection, data: Any, result: Applied) -> None:
    if data is None:
        return
    try:
        content = str(data["content"])
        library = parse_topics(json.loads(content))
    except (RuleSetError, KeyError, TypeError, ValueError) as error:
        raise PayloadError(
            _("The topic library in the bundle is not valid. Nothing was changed.")
        ) from error
    known = conn.exec_driver_sql(
        "SELECT 1 FROM topic_library WHERE topic_set_id = ? AND version = ?",
        (library.topic_set_id, library.version),
    ).first()
    if known is None:
        conn.exec_driver_sql(
            "INSERT INTO topic_library (topic_set_id, version, content, installed_at) "
            "VALUES (?, ?, ?, ?)",
            (library.topic_set_id, library.version, content, utcnow().isoformat()),
        )
        result.topics_installed = f"{library.topic_set_id} v{library.version}"


def _apply_decisions(session: BookSession, my_org: str) -> int:
    """Take the commune's answers and decisions into the cell's own records."""
    applied = 0
    decisions = session.scalars(
        select(CommuneDecision)
        .where(CommuneDecision.applied.is_(False), CommuneDecision.cell_org_id == my_org)
        .order_by(CommuneDecision.updated_at)  # the newest word on a record is taken last
    ).all()
    for decision in decisions:
        if _apply_decision(session, decision):
            session.connection().exec_driver_sql(
                "UPDATE commune_decision SET applied = 1 WHERE id = ?", (decision.id,)
            )
            applied += 1
    return applied


def _apply_decision(session: BookSession, decision: CommuneDecision) -> bool:
    if decision.kind is DecisionKind.ANSWER:
        recommendation = session.get(Recommendation, decision.target_id)
        if recommendation is None:
            return False
        recommendation.answer = decision.text
        recommendation.answered_on = decision.decided_on
        recommendation.status = RecommendationStatus.ANSWERED
        return True
    if decision.kind is DecisionKind.MEMBER_RATING:
        review = session.get(MemberReview, decision.target_id)
        if review is None or review.state is not ReviewState.VOTED:
            return False  # taken when the cell has voted
        review.decided_level = decision.level
        review.decided_on = decision.decided_on
        review.decision_ref = decision.decision_ref
        review.state = ReviewState.DECIDED
        return True
    campaign = session.get(ReviewCampaign, decision.target_id)
    if campaign is None or not campaign.cell_proposed_level:
        return False
    campaign.cell_decided_level = decision.level
    campaign.cell_decided_on = decision.decided_on
    campaign.cell_decision_ref = decision.decision_ref
    return True
