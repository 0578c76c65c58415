"""This book's keys and card, and the books it has enrolled.

Private keys are made the first time they are needed and stay in the book:
nothing here writes them anywhere else. Enrolment takes another book's card
after the two fingerprints have been compared by eye.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from desktop.data.enums import OrgKind, PeerRole
from desktop.data.models import SyncIdentity, SyncPeer
from desktop.data.types import utcnow
from desktop.i18n import _
from desktop.services.book import Book
from desktop.services.sync.keys import (
    KeyCard,
    KeyCardError,
    key_id,
    new_private_keys,
    public_keys,
    read_card,
)


@dataclass(frozen=True)
class Keys:
    """This book's private keys, for signing and opening bundles."""

    signing_private: bytes
    encryption_private: bytes
    signing_public: bytes
    encryption_public: bytes

    @property
    def key_id(self) -> bytes:
        return key_id(self.signing_public)


@dataclass(frozen=True)
class Peer:
    """An enrolled book, as the screens and bundles need it."""

    book_id: str
    org_id: str
    org_name: str
    role: PeerRole
    signing_public: bytes
    encryption_public: bytes
    enrolled_at: datetime
    sent_seq: int
    acked_seq: int
    acked_change: int
    imported_seq: int
    last_received_at: datetime | None

    @property
    def key_id(self) -> bytes:
        return key_id(self.signing_public)


def peer_from_record(record: SyncPeer) -> Peer:
    return Peer(
        book_id=record.book_id,
        org_id=record.org_id,
        org_name=record.org_name,
        role=record.role,
        signing_public=record.signing_public,
        encryption_public=record.encryption_public,
        enrolled_at=record.enrolled_at,
        sent_seq=record.sent_seq,
        acked_seq=record.acked_seq,
        acked_change=record.acked_change,
        imported_seq=record.imported_seq,
        last_received_at=record.last_received_at,
    )


def book_keys(book: Book) -> Keys:
    """The book's keys, made (once, in one transaction) if it has none yet."""
    with book.session() as session:
        identity = session.get(SyncIdentity, 1)
        if identity is None:
            signing, encryption = new_private_keys()
            identity = SyncIdentity(id=1, signing_key=signing, encryption_key=encryption)
            session.add(identity)
        signing_private, encryption_private = identity.signing_key, identity.encryption_key
    signing_public, encryption_public = public_keys(signing_private, encryption_private)
    return Keys(signing_private, encryption_private, signing_public, encryption_public)


def existing_keys(book: Book) -> Keys | None:
    """The book's keys if it has made them (reading never makes them)."""
    with book.reader() as session:
        identity = session.get(SyncIdentity, 1)
        if identity is None:
            return None
        signing_private, encryption_private = identity.signing_key, identity.encryption_key
    signing_public, encryption_public = public_keys(signing_private, encryption_private)
    return Keys(signing_private, encryption_private, signing_public, encryption_public)


def own_card(book: Book) -> KeyCard:
    keys = book_keys(book)
    org = book.organisation()
    with book.reader() as session:
        created = session.get(SyncIdentity, 1).created_at  # type: ignore[union-attr]
    return KeyCard(
        book_id=book.book_id,
        org_id=org.id,
        org_name=org.name,
        org_kind=org.kind.value,
        commune_name=org.commune_name,
        signing_public=keys.signing_public,
        encryption_public=keys.encryption_public,
        created=created,
    )


def card_file_bytes(book: Book) -> bytes:
    """The card as a file: public keys only, signed by the book's own key."""
    return own_card(book).to_file_bytes(book_keys(book).signing_private)


class EnrolmentError(ValueError):
    """A card that cannot be enrolled here; the message says why."""


def role_for(book: Book, card: KeyCard) -> PeerRole:
    """How the card's book stands to this one, or `EnrolmentError`."""
    org = book.organisation()
    if card.book_id == book.book_id:
        raise EnrolmentError(_("This is this book's own key card."))
    if card.org_id == org.id:
        return PeerRole.SIBLING
    if org.kind is OrgKind.CELL and card.org_kind == OrgKind.COMMUNE.value:
        return PeerRole.SUPERIOR
    if org.kind is OrgKind.COMMUNE and card.org_kind == OrgKind.CELL.value:
        return PeerRole.CELL
    if org.kind is OrgKind.CELL:
        raise EnrolmentError(
            _(
                "A cell's book enrols only its commune committee, or this cell's book on "
                "another computer. This card is of another cell."
            )
        )
    raise EnrolmentError(_("A commune's book enrols the books of its cells, not of a commune."))


def read_card_for_enrolment(book: Book, data: bytes) -> tuple[KeyCard, PeerRole]:
    """Check a card before showing its fingerprint for comparison."""
    try:
        card = read_card(data)
    except KeyCardError as error:
        raise EnrolmentError(str(error)) from error
    role = role_for(book, card)
    if role is PeerRole.SUPERIOR:
        with book.reader() as session:
            other = session.scalar(
                select(SyncPeer).where(
                    SyncPeer.role == PeerRole.SUPERIOR, SyncPeer.org_id != card.org_id
                )
            )
        if other is not None:
            raise EnrolmentError(
                _("This book has already enrolled the commune {name}.").format(name=other.org_name)
            )
    return card, role


def enrol(book: Book, data: bytes) -> Peer:
    """Enrol the card's book (after its fingerprint was compared by eye).

    Enrolling the same card again changes nothing; a card with the same book
    but other keys is refused (a book's keys never change).
    """
    card, role = read_card_for_enrolment(book, data)
    with book.session() as session:
        existing = session.scalar(select(SyncPeer).where(SyncPeer.book_id == card.book_id))
        if existing is not None:
            if existing.signing_public != card.signing_public:
                raise EnrolmentError(
                    _(
                        "{name} is already enrolled with other keys. A book's keys never "
                        "change: this card may be forged. Nothing was changed."
                    ).format(name=existing.org_name)
                )
            existing.org_name = card.org_name
            return peer_from_record(existing)
        record = SyncPeer(
            book_id=card.book_id,
            org_id=card.org_id,
            org_name=card.org_name,
            role=role,
            signing_public=card.signing_public,
            encryption_public=card.encryption_public,
            key_id=card.key_id.hex(),
            enrolled_at=utcnow(),
            sent_seq=0,
            acked_seq=0,
            acked_change=0,
            imported_seq=0,
        )
        session.add(record)
        session.flush()
        return peer_from_record(record)


def peers(book: Book) -> list[Peer]:
    with book.reader() as session:
        records = session.scalars(select(SyncPeer).order_by(SyncPeer.role, SyncPeer.org_name))
        return [peer_from_record(record) for record in records]


def peer(book: Book, book_id: str) -> Peer | None:
    with book.reader() as session:
        record = session.scalar(select(SyncPeer).where(SyncPeer.book_id == book_id))
        return None if record is None else peer_from_record(record)


def superior(book: Book) -> Peer | None:
    return next((p for p in peers(book) if p.role is PeerRole.SUPERIOR), None)
