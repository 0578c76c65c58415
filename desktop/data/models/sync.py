"""What a book needs to exchange bundles: its keys, the books it trusts, what
went out and came in, versions that lost a conflict, and the records that
travel only between books (documents handed up or down, the commune's
decisions, topic libraries)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, Integer, LargeBinary, String, UniqueConstraint
from sqlalchemy.orm import Mapped, deferred, mapped_column

from desktop.data.base import Base, SyncedRecord, enum_column
from desktop.data.enums import DecisionKind, PeerRole, SharedDocumentKind
from desktop.data.types import NfcString, NfcText, UtcDateTime, utcnow


class SyncIdentity(Base):
    """The book's own key pairs (made on first use, never written anywhere
    else) and its mailbox account on the hub, if any."""

    __tablename__ = "sync_identity"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, default=1)
    signing_key: Mapped[bytes] = mapped_column(LargeBinary)  # Ed25519 private, 32 bytes
    encryption_key: Mapped[bytes] = mapped_column(LargeBinary)  # X25519 private, 32 bytes
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    hub_url: Mapped[str] = mapped_column(String(300), default="")
    hub_token: Mapped[str] = mapped_column(String(200), default="")


class SyncPeer(Base):
    """Another book this one exchanges bundles with, enrolled from its key card.

    Sequence numbers count bundles in each direction: `sent_seq` is the last
    bundle made for the peer, `acked_seq` the last of those the peer says it
    has imported (with `acked_change` the change counter that bundle covered),
    `imported_seq` the last of the peer's bundles imported here.
    """

    __tablename__ = "sync_peer"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    book_id: Mapped[str] = mapped_column(String(36), unique=True)
    org_id: Mapped[str] = mapped_column(String(36), index=True)
    org_name: Mapped[str] = mapped_column(NfcString(200))
    role: Mapped[PeerRole] = enum_column(PeerRole)
    signing_public: Mapped[bytes] = mapped_column(LargeBinary)
    encryption_public: Mapped[bytes] = mapped_column(LargeBinary)
    key_id: Mapped[str] = mapped_column(String(64), unique=True)  # hex SHA-256 of signing_public
    enrolled_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    sent_seq: Mapped[int] = mapped_column(Integer, default=0)
    acked_seq: Mapped[int] = mapped_column(Integer, default=0)
    acked_change: Mapped[int] = mapped_column(Integer, default=0)
    imported_seq: Mapped[int] = mapped_column(Integer, default=0)
    last_received_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)


class BundleLog(Base):
    """One bundle made here or imported here.

    Bundles made here keep their bytes, so a lost one can be saved again, and
    carry the outbox state for the hub (`sent_at`, `attempts`, `next_try_at`).
    """

    __tablename__ = "bundle_log"
    __table_args__ = (UniqueConstraint("peer_book_id", "direction", "sequence"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    peer_book_id: Mapped[str] = mapped_column(String(36), index=True)
    direction: Mapped[str] = mapped_column(String(3))  # "out" or "in"
    sequence: Mapped[int] = mapped_column(Integer)
    full: Mapped[bool] = mapped_column(Boolean, default=False)
    manifest_sha256: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    logged_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    change_high: Mapped[int] = mapped_column(Integer, default=0)
    summary: Mapped[str] = mapped_column(NfcText, default="{}")  # JSON: records per table
    size: Mapped[int] = mapped_column(Integer, default=0)
    data: Mapped[bytes] = deferred(mapped_column(LargeBinary, default=b""))
    sent_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_try_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    last_error: Mapped[str] = mapped_column(NfcText, default="")
    acknowledged_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)


class SyncConflict(Base):
    """A version that lost to a newer one when the same record was changed in
    two books; kept so that nothing is silently dropped."""

    __tablename__ = "sync_conflict"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    table_name: Mapped[str] = mapped_column(String(64))
    record_id: Mapped[str] = mapped_column(String(36), index=True)
    lost_version: Mapped[str] = mapped_column(NfcText)  # JSON of the row as it was
    lost_updated_at: Mapped[datetime] = mapped_column(UtcDateTime)
    lost_on: Mapped[str] = mapped_column(String(36), default="")
    won_updated_at: Mapped[datetime] = mapped_column(UtcDateTime)
    won_on: Mapped[str] = mapped_column(String(36), default="")
    source: Mapped[str] = mapped_column(NfcString(200), default="")  # who sent the bundle
    noted_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    resolved: Mapped[bool] = mapped_column(Boolean, default=False)


class SharedDocument(SyncedRecord, Base):
    """A file that travels between books: adopted minutes and resolutions a
    cell hands up (made once, so the commune gets the very PDF that was
    signed off), directives and documents the commune hands down."""

    __tablename__ = "shared_document"

    kind: Mapped[SharedDocumentKind] = enum_column(SharedDocumentKind)
    title: Mapped[str] = mapped_column(NfcString(300))
    number: Mapped[str] = mapped_column(NfcString(60), default="")
    issued_on: Mapped[date | None] = mapped_column(Date, nullable=True, index=True)
    meeting_id: Mapped[str | None] = mapped_column(String(36), nullable=True, index=True)
    addressed_to: Mapped[str] = mapped_column(String(36), default="")  # an org id, "" = all
    file_name: Mapped[str] = mapped_column(NfcString(255), default="")
    media_type: Mapped[str] = mapped_column(String(100), default="application/pdf")
    size: Mapped[int] = mapped_column(Integer, default=0)
    sha256: Mapped[str] = mapped_column(String(64), default="")
    data: Mapped[bytes] = deferred(mapped_column(LargeBinary, default=b""))
    note: Mapped[str] = mapped_column(NfcText, default="")


class CommuneDecision(SyncedRecord, Base):
    """The commune committee's word on a cell's record: the answer to a
    recommendation, the level decided for a member's review or for the
    cell's own review. `target_id` is the id of that record."""

    __tablename__ = "commune_decision"

    kind: Mapped[DecisionKind] = enum_column(DecisionKind)
    cell_org_id: Mapped[str] = mapped_column(String(36), index=True)
    target_id: Mapped[str] = mapped_column(String(36), index=True)
    level: Mapped[str] = mapped_column(String(24), default="")
    text: Mapped[str] = mapped_column(NfcText, default="")
    decided_on: Mapped[date] = mapped_column(Date)
    decision_ref: Mapped[str] = mapped_column(NfcString(120), default="")
    applied: Mapped[bool] = mapped_column(Boolean, default=False)  # taken into the cell's record


class TopicLibraryRecord(Base):
    """A topic library for thematic meetings kept in the book, as handed down
    by the commune; the newest one is used instead of the shipped one."""

    __tablename__ = "topic_library"
    __table_args__ = (UniqueConstraint("topic_set_id", "version"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    topic_set_id: Mapped[str] = mapped_column(String(64))
    version: Mapped[int] = mapped_column(Integer)
    content: Mapped[str] = mapped_column(NfcText)
    installed_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
