"""Full-text search that ignores diacritics, including Đ/đ.

SQLite's `unicode61 remove_diacritics 2` tokenizer does not fold Đ, so the
index holds our own `fold()` of each record's text and queries are folded the
same way; the original text stays in the record for display. `search_doc`
maps each record to a stable FTS rowid so that updates are O(1).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, event, text
from sqlalchemy.orm import Session, UOWTransaction

from desktop.data.stamping import BookSession
from desktop.data.text import fold, tokens


@dataclass(frozen=True)
class SearchHit:
    kind: str
    record_id: str
    rank: float


def _searchable(obj: object) -> bool:
    return isinstance(getattr(obj, "search_kind", None), str)


def index_record(conn: Connection, obj: Any) -> None:
    body = fold(obj.search_text())
    rowid = conn.execute(
        text("SELECT rowid FROM search_doc WHERE record_id = :id"), {"id": obj.id}
    ).scalar()
    if rowid is None:
        rowid = conn.execute(
            text(
                "INSERT INTO search_doc (record_id, kind, org_id) VALUES (:id, :kind, :org) "
                "RETURNING rowid"
            ),
            {"id": obj.id, "kind": obj.search_kind, "org": obj.org_id},
        ).scalar_one()
    else:
        conn.execute(text("DELETE FROM search_index WHERE rowid = :r"), {"r": rowid})
    conn.execute(
        text("INSERT INTO search_index (rowid, body) VALUES (:r, :body)"),
        {"r": rowid, "body": body},
    )


def index_many(conn: Connection, entries: list[tuple[str, str, str, str]]) -> None:
    """Index many records at once: (record id, kind, org id, text). A sync import
    writes rows without the ORM, and a commune takes in thousands at a time."""
    for start in range(0, len(entries), 500):
        chunk = entries[start : start + 500]
        ids = [entry[0] for entry in chunk]
        marks = ", ".join("?" for _ in ids)
        conn.exec_driver_sql(
            f"DELETE FROM search_index WHERE rowid IN "
            f"(SELECT rowid FROM search_doc WHERE record_id IN ({marks}))",
            tuple(ids),
        )
        conn.exec_driver_sql(
            "INSERT OR IGNORE INTO search_doc (record_id, kind, org_id) VALUES (?, ?, ?)",
            [entry[:3] for entry in chunk],
        )
        rowids = dict(
            conn.exec_driver_sql(
                f"SELECT record_id, rowid FROM search_doc WHERE record_id IN ({marks})", tuple(ids)
            ).fetchall()
        )
        conn.exec_driver_sql(
            "INSERT INTO search_index (rowid, body) VALUES (?, ?)",
            [(rowids[entry[0]], fold(entry[3])) for entry in chunk],
        )


def unindex_record(conn: Connection, record_id: str) -> None:
    rowid = conn.execute(
        text("SELECT rowid FROM search_doc WHERE record_id = :id"), {"id": record_id}
    ).scalar()
    if rowid is not None:
        conn.execute(text("DELETE FROM search_index WHERE rowid = :r"), {"r": rowid})
        conn.execute(text("DELETE FROM search_doc WHERE rowid = :r"), {"r": rowid})


@event.listens_for(BookSession, "after_flush")
def _maintain_index(session: Session, _context: UOWTransaction) -> None:
    conn = session.connection()
    for obj in list(session.new) + list(session.dirty):
        if _searchable(obj) and (obj in session.new or session.is_modified(obj)):
            index_record(conn, obj)
    for obj in session.deleted:
        if _searchable(obj):
            unindex_record(conn, obj.id)


def match_expression(query: str) -> str:
    """Every folded word of `query`, as a prefix: "dang vi" -> '"dang"* AND "vi"*'."""
    return " AND ".join(f'"{word}"*' for word in tokens(query))


def search(conn: Connection, query: str, *, limit: int = 50) -> list[SearchHit]:
    expression = match_expression(query)
    if not expression:
        return []
    rows = conn.execute(
        text(
            "SELECT d.kind, d.record_id, bm25(search_index) AS rank "
            "FROM search_index JOIN search_doc AS d ON d.rowid = search_index.rowid "
            "WHERE search_index MATCH :q ORDER BY rank LIMIT :limit"
        ),
        {"q": expression, "limit": limit},
    )
    return [SearchHit(kind, record_id, float(rank)) for kind, record_id, rank in rows]


def highlight_spans(original: str, query: str) -> list[tuple[int, int]]:
    """Where the query's words occur in `original` (NFC), for highlighting.

    Positions in folded text equal positions in the original because `fold`
    maps one character to one character.
    """
    folded = fold(original)
    spans: list[tuple[int, int]] = []
    for word in tokens(query):
        start = 0
        while (found := folded.find(word, start)) >= 0:
            at_word_start = found == 0 or not folded[found - 1].isalnum()
            if at_word_start:
                spans.append((found, found + len(word)))
            start = found + 1
    return sorted(spans)


def snippet(original: str, query: str, width: int = 120) -> str:
    """A window of `original` around the first match."""
    spans = highlight_spans(original, query)
    if not spans or len(original) <= width:
        return original[:width] + ("…" if len(original) > width else "")
    first = spans[0][0]
    start = max(0, first - width // 3)
    if start > 0:  # begin at a word, not in the middle of one
        space = original.find(" ", start, first)
        start = space + 1 if space >= 0 else start
    end = min(len(original), start + width)
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(original) else ""
    return prefix + original[start:end] + suffix
