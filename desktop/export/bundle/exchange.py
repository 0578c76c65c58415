"""Making a bundle for an enrolled book, and importing one.

Import order (each step refuses with a plain message and changes nothing):
check the file (bounds, signature, recipient, hashes, decryption), then the
sequence (a bundle imported before is a no-op; a gap names the bundle that is
missing; an older one is refused), then the records; then a backup is taken
and everything is applied in one transaction.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from desktop import __version__
from desktop.data.enums import PeerRole
from desktop.data.models import BundleLog, SyncPeer
from desktop.data.schema import SCHEMA_VERSION
from desktop.data.text import fold
from desktop.data.types import new_id, utcnow
from desktop.export.bundle.format import (
    BUNDLE_SUFFIX,
    BundleError,
    Envelope,
    OpenedBundle,
    open_bundle,
    pack,
    read_bundle_file,
)
from desktop.i18n import _
from desktop.services.book import Book
from desktop.services.sync.apply import Applied, PayloadError, apply_payload, check_payload
from desktop.services.sync.collect import collect
from desktop.services.sync.identity import Keys, Peer, book_keys, existing_keys, peer, peers

_RECEIPTS = 24


class ImportRefused(ValueError):
    """A bundle that was not imported; the message says why and that nothing changed.
    `missing` is the sequence number of the bundle to import first, for a gap."""

    def __init__(self, message: str, *, missing: int = 0) -> None:
        super().__init__(message)
        self.missing = missing


@dataclass(frozen=True)
class MadeBundle:
    data: bytes
    file_name: str
    sequence: int
    peer: Peer
    full: bool
    summary: dict[str, int]

    def save(self, target: Path) -> Path:
        """Write the bundle into a folder (under its own name) or to a file path."""
        path = target / self.file_name if target.is_dir() else target
        partial = path.with_name(path.name + ".partial")
        with partial.open("wb") as stream:
            stream.write(self.data)
            stream.flush()
            os.fsync(stream.fileno())  # sticks are pulled out at once
        partial.replace(path)
        return path


class ImportStatus(StrEnum):
    IMPORTED = "imported"
    ALREADY = "already"


@dataclass(frozen=True)
class ImportResult:
    status: ImportStatus
    sender: str
    sequence: int
    applied: Applied | None
    backup: Path | None

    @property
    def message(self) -> str:
        if self.status is ImportStatus.ALREADY:
            return _(
                "Bundle {number} from {name} was imported before. Nothing needed to change."
            ).format(number=self.sequence, name=self.sender)
        return _("Bundle {number} from {name} is imported.").format(
            number=self.sequence, name=self.sender
        )


def _slug(text: str) -> str:
    return "-".join(word for word in fold(text).split() if word.isalnum()) or "so"


def bundle_file_name(sender: str, recipient: str, sequence: int, full: bool) -> str:
    kind = "day-du" if full else "ban"
    return f"{_slug(sender)}--{_slug(recipient)}--{kind}-{sequence:04d}{BUNDLE_SUFFIX}"


# --- making ---------------------------------------------------------------------------------


def _receipts(book: Book, peer_book_id: str) -> list[dict[str, Any]]:
    with book.reader() as session:
        logs = session.scalars(
            select(BundleLog)
            .where(BundleLog.peer_book_id == peer_book_id, BundleLog.direction == "in")
            .order_by(BundleLog.sequence.desc())
            .limit(_RECEIPTS)
        ).all()
        return [
            {"sequence": log.sequence, "imported_at": log.logged_at.isoformat()}
            for log in reversed(logs)
        ]


def make_bundle(
    book: Book, peer_book_id: str, *, full: bool = False, now: datetime | None = None
) -> MadeBundle:
    """The next bundle for an enrolled book, logged (with its bytes) as sent."""
    target = peer(book, peer_book_id)
    if target is None:
        raise LookupError(peer_book_id)
    if target.role is PeerRole.SUPERIOR:
        from desktop.export.bundle.handover import prepare_handover

        prepare_handover(book)
    keys = book_keys(book)
    org = book.organisation()
    payload = collect(book, target, full=full, receipts=_receipts(book, peer_book_id))
    sequence = target.sent_seq + 1
    created = now or utcnow()
    envelope = Envelope(
        sender_book_id=book.book_id,
        sender_org_id=org.id,
        sender_org_name=org.name,
        sender_key_id=keys.key_id,
        recipient_book_id=target.book_id,
        recipient_key_id=target.key_id,
        sequence=sequence,
        base=target.acked_seq,
        acknowledged=target.imported_seq,
        full=full,
        schema_version=SCHEMA_VERSION,
        app_version=__version__,
        created=created,
        bundle_id=new_id(),
    )
    data, manifest_sha = pack(
        envelope,
        signing_private=keys.signing_private,
        recipient_encryption_public=target.encryption_public,
        records=payload.to_bytes(),
        files=payload.files,
    )
    summary = payload.summary()
    with book.session() as session:
        record = session.scalar(select(SyncPeer).where(SyncPeer.book_id == peer_book_id))
        assert record is not None
        if record.sent_seq != target.sent_seq:
            raise RuntimeError("another bundle was made for this book at the same time")
        record.sent_seq = sequence
        session.add(
            BundleLog(
                peer_book_id=peer_book_id,
                direction="out",
                sequence=sequence,
                full=full,
                manifest_sha256=manifest_sha,
                created_at=created,
                change_high=payload.change_high,
                summary=json.dumps(summary, sort_keys=True),
                size=len(data),
                data=data,
            )
        )
    return MadeBundle(
        data=data,
        file_name=bundle_file_name(org.name, target.org_name, sequence, full),
        sequence=sequence,
        peer=target,
        full=full,
        summary=summary,
    )


def saved_bundle(book: Book, peer_book_id: str, sequence: int) -> MadeBundle | None:
    """A bundle made earlier, to save again (a stick was lost, a file was deleted)."""
    target = peer(book, peer_book_id)
    with book.reader() as session:
        log = session.scalar(
            select(BundleLog).where(
                BundleLog.peer_book_id == peer_book_id,
                BundleLog.direction == "out",
                BundleLog.sequence == sequence,
            )
        )
        if log is None or target is None:
            return None
        return MadeBundle(
            data=log.data,
            file_name=bundle_file_name(
                book.organisation().name, target.org_name, sequence, log.full
            ),
            sequence=sequence,
            peer=target,
            full=log.full,
            summary=json.loads(log.summary),
        )


# --- importing ------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Keyring:
    """This book's keys and the enrolled books' signing keys, read once for a
    batch of bundles."""

    keys: Keys
    known: dict[bytes, bytes]

    @classmethod
    def of(cls, book: Book) -> _Keyring:
        keys = existing_keys(book)
        if keys is None:  # no card was ever made here, so no bundle can be meant for this book
            keys = Keys(b"\0" * 32, b"\0" * 32, b"", b"")
        return cls(keys, {p.key_id: p.signing_public for p in peers(book)})


def _open(book: Book, data: bytes, keyring: _Keyring | None = None) -> OpenedBundle:
    keyring = keyring or _Keyring.of(book)
    keys, known = keyring.keys, keyring.known
    try:
        return open_bundle(
            data,
            find_signer=known.get,
            my_book_id=book.book_id,
            my_encryption_private=keys.encryption_private,
            schema_version=SCHEMA_VERSION,
        )
    except BundleError as error:
        raise ImportRefused(f"{error} " + _("Nothing was changed.")) from error


def _check_sequence(book: Book, sender: Peer, opened: OpenedBundle) -> bool:
    """True if the bundle is to be applied, False if it was imported before."""
    sequence = opened.sequence
    if sequence <= sender.imported_seq:
        with book.reader() as session:
            log = session.scalar(
                select(BundleLog).where(
                    BundleLog.peer_book_id == sender.book_id,
                    BundleLog.direction == "in",
                    BundleLog.sequence == sequence,
                )
            )
        if log is not None and log.manifest_sha256 == opened.manifest_sha256:
            return False
        raise ImportRefused(
            _(
                "This is bundle {number} from {name}, older than bundle {last} already "
                "imported. It is refused; nothing was changed."
            ).format(number=sequence, name=sender.org_name, last=sender.imported_seq)
        )
    if sequence > sender.imported_seq + 1 and not opened.manifest.get("full"):
        missing = sender.imported_seq + 1
        raise ImportRefused(
            _(
                "Bundle {missing} from {name} has not been imported yet, and this is bundle "
                "{number}. Import bundle {missing} first (ask {name} to save it again), or ask "
                "for a full bundle. Nothing was changed."
            ).format(missing=missing, number=sequence, name=sender.org_name),
            missing=missing,
        )
    return True


def import_bundle(
    book: Book,
    data: bytes,
    *,
    backup: bool = True,
    backup_taken: list[Path] | None = None,
    keyring: _Keyring | None = None,
) -> ImportResult:
    """Check and import one bundle (see the module's docstring for the order)."""
    opened = _open(book, data, keyring)
    sender = peer(book, opened.sender_book_id)
    if sender is None or sender.key_id != opened.signer_key_id:
        raise ImportRefused(
            _("This bundle's sender does not match its signature. Nothing was changed.")
        )
    if not _check_sequence(book, sender, opened):
        return ImportResult(ImportStatus.ALREADY, sender.org_name, opened.sequence, None, None)
    try:
        records = json.loads(opened.records.decode("utf-8"))
        incoming = check_payload(records, opened.files, sender, book.owner_org_id)
    except (ValueError, UnicodeDecodeError) as error:
        message = (
            str(error)
            if isinstance(error, PayloadError)
            else _(
                "The bundle's records are not in the form CellBook expects. Nothing was changed."
            )
        )
        raise ImportRefused(message) from error
    copy = None
    if backup and not backup_taken:
        copy = book.backup("before-import", quick=True)
        if backup_taken is not None:
            backup_taken.append(copy)
    try:
        acknowledging = _with_acknowledgement(book, sender, opened)
        with book.session() as session:
            applied = apply_payload(
                session,
                records,
                opened.files,
                incoming,
                peer=acknowledging,
                my_device=book.device_id,
                my_org=book.owner_org_id,
            )
            _record_import(session, acknowledging, opened, applied, records.get("receipts", []))
    except PayloadError as error:
        raise ImportRefused(str(error)) from error
    except (IntegrityError, sqlite3.IntegrityError) as error:
        raise ImportRefused(
            _(
                "The bundle's records refer to records this book does not have (was an "
                "earlier bundle skipped?). Ask for a full bundle. Nothing was changed."
            )
        ) from error
    if applied.rules_installed:
        book.forget_cached_rules()
    return ImportResult(ImportStatus.IMPORTED, sender.org_name, opened.sequence, applied, copy)


def _with_acknowledgement(book: Book, sender: Peer, opened: OpenedBundle) -> Peer:
    """The sender as it stands once this bundle's acknowledgement is counted:
    what it has of ours decides which of our versions it has seen."""
    acknowledged = min(int(opened.manifest["acknowledged"]), sender.sent_seq)
    if acknowledged <= sender.acked_seq:
        return sender
    with book.reader() as session:
        high = session.scalar(
            select(BundleLog.change_high).where(
                BundleLog.peer_book_id == sender.book_id,
                BundleLog.direction == "out",
                BundleLog.sequence == acknowledged,
            )
        )
    from dataclasses import replace

    return replace(sender, acked_seq=acknowledged, acked_change=int(high or sender.acked_change))


def _record_import(
    session: Any,
    sender: Peer,
    opened: OpenedBundle,
    applied: Applied,
    receipts: list[Any],
) -> None:
    """The peer's counters, our bundles it acknowledged, and this bundle in the log.
    `sender` is as `_with_acknowledgement` left it."""
    conn = session.connection()
    now = utcnow().isoformat(timespec="microseconds")
    acknowledged = sender.acked_seq
    conn.exec_driver_sql(
        "UPDATE sync_peer SET acked_seq = ?, acked_change = ? WHERE book_id = ?",
        (sender.acked_seq, sender.acked_change, sender.book_id),
    )
    stamped = []
    for receipt in receipts:
        if isinstance(receipt, dict) and isinstance(receipt.get("sequence"), int):
            try:
                at = datetime.fromisoformat(str(receipt.get("imported_at")))
            except ValueError:
                continue
            at = at if at.tzinfo else at.replace(tzinfo=UTC)
            stamp = at.astimezone(UTC).isoformat(timespec="microseconds")
            stamped.append((stamp, sender.book_id, receipt["sequence"]))
    if stamped:  # when each of our bundles was imported there
        conn.exec_driver_sql(
            "UPDATE bundle_log SET acknowledged_at = ? WHERE peer_book_id = ? "
            "AND direction = 'out' AND sequence = ? AND acknowledged_at IS NULL",
            stamped,
        )
    conn.exec_driver_sql(
        "UPDATE bundle_log SET acknowledged_at = ? WHERE peer_book_id = ? AND direction = 'out' "
        "AND sequence <= ? AND acknowledged_at IS NULL",
        (now, sender.book_id, acknowledged),
    )
    conn.exec_driver_sql(
        "UPDATE sync_peer SET imported_seq = ?, last_received_at = ? WHERE book_id = ?",
        (opened.sequence, now, sender.book_id),
    )
    conn.exec_driver_sql(
        'INSERT INTO bundle_log (peer_book_id, direction, sequence, "full", manifest_sha256, '
        "created_at, logged_at, change_high, summary, size, data, attempts, last_error) "
        "VALUES (?, 'in', ?, ?, ?, ?, ?, 0, ?, 0, x'', 0, '')",
        (
            sender.book_id,
            opened.sequence,
            int(bool(opened.manifest.get("full"))),
            opened.manifest_sha256,
            opened.created.astimezone(UTC).isoformat(timespec="microseconds"),
            now,
            applied.to_json(),
        ),
    )


def import_bundle_file(book: Book, path: Path) -> ImportResult:
    try:
        data = read_bundle_file(path)
    except BundleError as error:
        raise ImportRefused(f"{error} " + _("Nothing was changed.")) from error
    return import_bundle(book, data)


def import_bundles(book: Book, bundles: Sequence[bytes]) -> list[ImportResult | ImportRefused]:
    """Import several bundles with one backup before the first change (a commune
    takes in a whole stick at once), in whatever order they come: one refused
    for a gap is tried again once the others are in. Results are in input order."""
    taken: list[Path] = []
    keyring = _Keyring.of(book)
    results: dict[int, ImportResult | ImportRefused] = {}
    pending = list(range(len(bundles)))
    while pending:
        waiting = []
        for index in pending:
            try:
                results[index] = import_bundle(
                    book, bundles[index], backup_taken=taken, keyring=keyring
                )
            except ImportRefused as refused:
                results[index] = refused
                if refused.missing:
                    waiting.append(index)
        if len(waiting) == len(pending):
            break
        pending = waiting
    return [results[index] for index in range(len(bundles))]
