"""What the Sync page reads from the book, as plain rows: the enrolled books,
the bundles made and received, the versions kept after a conflict, and what
the commune handed down (documents, decisions)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select

from desktop.data.enums import DecisionKind, PeerRole, SharedDocumentKind
from desktop.data.models import (
    BundleLog,
    CommuneDecision,
    Member,
    MemberReview,
    Recommendation,
    ReviewCampaign,
    SharedDocument,
    SyncConflict,
)
from desktop.services.book import Book
from desktop.services.sync.identity import Peer, peers, superior
from desktop.services.sync.keys import fingerprint

# --- enrolled books -------------------------------------------------------------------------


@dataclass(frozen=True)
class PeerRow:
    peer: Peer
    fingerprint: str
    waiting: int | None  # bundles in the hub's outbox; None when there is no hub

    @property
    def book_id(self) -> str:
        return self.peer.book_id


def peer_rows(book: Book, waiting: dict[str, int] | None = None) -> list[PeerRow]:
    """The enrolled books; `waiting` counts outbox bundles by book id."""
    return [
        PeerRow(
            peer,
            fingerprint(peer.book_id, peer.signing_public, peer.encryption_public),
            None if waiting is None else waiting.get(peer.book_id, 0),
        )
        for peer in peers(book)
    ]


# --- bundles made and received --------------------------------------------------------------


@dataclass(frozen=True)
class BundleEntry:
    direction: str  # "out" or "in"
    peer_name: str
    sequence: int
    full: bool
    at: datetime  # made (out) or imported (in)
    summary: dict[str, Any]
    acknowledged_at: datetime | None


def history(book: Book, limit: int = 30) -> list[BundleEntry]:
    """The latest bundles made here or imported here, newest first."""
    names = {peer.book_id: peer.org_name for peer in peers(book)}
    with book.reader() as session:
        logs = session.scalars(
            select(BundleLog).order_by(BundleLog.logged_at.desc(), BundleLog.id.desc()).limit(limit)
        ).all()
        return [
            BundleEntry(
                log.direction,
                names.get(log.peer_book_id, ""),
                log.sequence,
                log.full,
                log.logged_at if log.direction == "in" else log.created_at,
                _json(log.summary),
                log.acknowledged_at,
            )
            for log in logs
        ]


def sent_sequences(book: Book, peer_book_id: str) -> list[tuple[int, datetime, bool]]:
    """Bundles made for a book that can be saved again: (number, made, full), newest first."""
    with book.reader() as session:
        rows = session.execute(
            select(BundleLog.sequence, BundleLog.created_at, BundleLog.full)
            .where(BundleLog.peer_book_id == peer_book_id, BundleLog.direction == "out")
            .order_by(BundleLog.sequence.desc())
        ).all()
        return [(int(row[0]), row[1], bool(row[2])) for row in rows]


def _json(text: str) -> dict[str, Any]:
    try:
        value = json.loads(text or "{}")
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


# --- versions kept after a conflict ---------------------------------------------------------


@dataclass(frozen=True)
class KeptVersion:
    id: int
    table_name: str
    record_id: str
    lost: dict[str, Any]
    lost_updated_at: datetime
    lost_on: str
    won_updated_at: datetime
    won_on: str
    source: str


def kept_versions(book: Book) -> list[KeptVersion]:
    """Versions that lost to a newer one and have not been looked at yet, newest first."""
    with book.reader() as session:
        rows = session.scalars(
            select(SyncConflict)
            .where(SyncConflict.resolved.is_(False))
            .order_by(SyncConflict.noted_at.desc(), SyncConflict.id.desc())
        ).all()
        return [
            KeptVersion(
                row.id,
                row.table_name,
                row.record_id,
                _json(row.lost_version),
                row.lost_updated_at,
                row.lost_on,
                row.won_updated_at,
                row.won_on,
                row.source,
            )
            for row in rows
        ]


def mark_seen(book: Book, conflict_id: int) -> None:
    with book.session() as session:
        row = session.get(SyncConflict, conflict_id)
        if row is not None:
            row.resolved = True


# --- what the commune handed down -----------------------------------------------------------


@dataclass(frozen=True)
class ReceivedDocument:
    id: str
    kind: SharedDocumentKind
    title: str
    number: str
    issued_on: date | None
    file_name: str
    size: int


def commune_org_id(book: Book) -> str | None:
    """The enrolled commune's organisation, in a cell's book."""
    commune = superior(book)
    return None if commune is None else commune.org_id


def commune_documents(book: Book) -> list[ReceivedDocument]:
    """Directives and documents the commune handed down, newest first."""
    org_id = commune_org_id(book)
    if org_id is None:
        return []
    kinds = (SharedDocumentKind.DIRECTIVE, SharedDocumentKind.DOCUMENT)
    with book.reader() as session:
        rows = session.scalars(
            select(SharedDocument)
            .where(SharedDocument.org_id == org_id, SharedDocument.kind.in_(kinds))
            .order_by(SharedDocument.issued_on.desc(), SharedDocument.title)
        ).all()
        return [
            ReceivedDocument(
                row.id, row.kind, row.title, row.number, row.issued_on, row.file_name, row.size
            )
            for row in rows
        ]


def document_file(book: Book, document_id: str) -> tuple[str, bytes] | None:
    """A received document's file name and bytes."""
    with book.reader() as session:
        row = session.get(SharedDocument, document_id)
        if row is None:
            return None
        return row.file_name, bytes(row.data or b"")


@dataclass(frozen=True)
class ReceivedDecision:
    id: str
    kind: DecisionKind
    about: str  # the recommendation, the member, or the cell's review
    level: str
    text: str
    decided_on: date
    decision_ref: str
    applied: bool


def commune_decisions(book: Book) -> list[ReceivedDecision]:
    """The commune's answers and rating decisions about this cell, newest first."""
    with book.reader() as session:
        rows = session.scalars(
            select(CommuneDecision)
            .where(CommuneDecision.cell_org_id == book.owner_org_id)
            .order_by(CommuneDecision.decided_on.desc())
        ).all()
        return [
            ReceivedDecision(
                row.id,
                row.kind,
                _about(session, row),
                row.level,
                row.text,
                row.decided_on,
                row.decision_ref,
                row.applied,
            )
            for row in rows
        ]


def _about(session: Any, decision: CommuneDecision) -> str:
    if decision.kind is DecisionKind.ANSWER:
        recommendation = session.get(Recommendation, decision.target_id)
        return "" if recommendation is None else " ".join(recommendation.content.split())
    if decision.kind is DecisionKind.MEMBER_RATING:
        review = session.get(MemberReview, decision.target_id)
        if review is None:
            return ""
        member = session.get(Member, review.member_id)
        campaign = session.get(ReviewCampaign, review.campaign_id)
        name = member.full_name if member is not None else ""
        return f"{name} ({campaign.year})" if campaign is not None else name
    campaign = session.get(ReviewCampaign, decision.target_id)
    return "" if campaign is None else str(campaign.year)


def is_cell_with_commune(book: Book) -> bool:
    return any(peer.role is PeerRole.SUPERIOR for peer in peers(book))
