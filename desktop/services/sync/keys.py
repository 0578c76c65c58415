"""A book's key pairs, its public key card and the short fingerprint people
compare by eye before one book enrols another.

Signing is Ed25519, encryption X25519 (both from `cryptography`). The card
carries only public keys, and is signed by the key it carries, so a card
altered on its way (a changed name, say) is refused.
"""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from desktop.i18n import _

CARD_FORMAT = "cellbook-key-card"
CARD_VERSION = 1
CARD_SUFFIX = ".cellbook-card"
MAX_CARD_BYTES = 16 * 1024
_FINGERPRINT_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I


class KeyCardError(ValueError):
    """A key card that cannot be used; the message says why in plain words."""


def new_private_keys() -> tuple[bytes, bytes]:
    """Fresh (signing, encryption) private keys as 32 raw bytes each."""
    signing = Ed25519PrivateKey.generate().private_bytes_raw()
    encryption = X25519PrivateKey.generate().private_bytes_raw()
    return signing, encryption


def public_keys(signing_private: bytes, encryption_private: bytes) -> tuple[bytes, bytes]:
    signing = Ed25519PrivateKey.from_private_bytes(signing_private).public_key()
    encryption = X25519PrivateKey.from_private_bytes(encryption_private).public_key()
    return signing.public_bytes_raw(), encryption.public_bytes_raw()


def key_id(signing_public: bytes) -> bytes:
    """What a bundle names its signer by: SHA-256 of the Ed25519 public key."""
    return hashlib.sha256(signing_public).digest()


def sign(signing_private: bytes, message: bytes) -> bytes:
    return Ed25519PrivateKey.from_private_bytes(signing_private).sign(message)


def verify(signing_public: bytes, signature: bytes, message: bytes) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(signing_public).verify(signature, message)
    except (InvalidSignature, ValueError):
        return False
    return True


def fingerprint(book_id: str, signing_public: bytes, encryption_public: bytes) -> str:
    """24 letters and digits in six groups, e.g. "K7QD-2MXP-…": short enough to
    read aloud over the phone, long enough (120 bits) that no forgery matches."""
    digest = hashlib.sha256(
        b"cellbook-fingerprint\x00" + book_id.encode() + signing_public + encryption_public
    ).digest()
    bits = int.from_bytes(digest[:15], "big")
    chars = [_FINGERPRINT_ALPHABET[(bits >> (5 * i)) & 31] for i in range(23, -1, -1)]
    return "-".join("".join(chars[i : i + 4]) for i in range(0, 24, 4))


@dataclass(frozen=True)
class KeyCard:
    """The public half of a book: who it is and how to check and write to it."""

    book_id: str
    org_id: str
    org_name: str
    org_kind: str  # "cell" or "commune"
    commune_name: str
    signing_public: bytes
    encryption_public: bytes
    created: datetime

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.book_id, self.signing_public, self.encryption_public)

    @property
    def key_id(self) -> bytes:
        return key_id(self.signing_public)

    def _body(self) -> dict[str, object]:
        return {
            "format": CARD_FORMAT,
            "version": CARD_VERSION,
            "book_id": self.book_id,
            "org_id": self.org_id,
            "org_name": self.org_name,
            "org_kind": self.org_kind,
            "commune_name": self.commune_name,
            "signing_public": _b64(self.signing_public),
            "encryption_public": _b64(self.encryption_public),
            "created": self.created.astimezone(UTC).isoformat(timespec="seconds"),
        }

    def signed_bytes(self) -> bytes:
        return _canonical(self._body())

    def to_file_bytes(self, signing_private: bytes) -> bytes:
        body = self._body()
        body["signature"] = _b64(sign(signing_private, self.signed_bytes()))
        return json.dumps(body, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8")


def read_card(data: bytes) -> KeyCard:
    """Parse and check a key card file; raises `KeyCardError` in plain words."""
    if len(data) > MAX_CARD_BYTES:
        raise KeyCardError(_("This file is too large to be a key card."))
    try:
        raw = json.loads(data.decode("utf-8"))
        if not isinstance(raw, dict) or raw.get("format") != CARD_FORMAT:
            raise KeyCardError(_("This file is not a CellBook key card."))
        if raw.get("version") != CARD_VERSION:
            raise KeyCardError(
                _("This key card was made by a newer CellBook. Update CellBook and try again.")
            )
        card = KeyCard(
            book_id=_text(raw, "book_id"),
            org_id=_text(raw, "org_id"),
            org_name=_text(raw, "org_name"),
            org_kind=_text(raw, "org_kind"),
            commune_name=_text(raw, "commune_name"),
            signing_public=_key(raw, "signing_public"),
            encryption_public=_key(raw, "encryption_public"),
            created=datetime.fromisoformat(_text(raw, "created")),
        )
        signature = base64.b64decode(_text(raw, "signature"), validate=True)
    except KeyCardError:
        raise
    except (ValueError, UnicodeDecodeError, TypeError, KeyError) as error:
        raise KeyCardError(_("This file is not a CellBook key card.")) from error
    if card.org_kind not in ("cell", "commune"):
        raise KeyCardError(_("This file is not a CellBook key card."))
    if not verify(card.signing_public, signature, card.signed_bytes()):
        raise KeyCardError(
            _("This key card has been changed since it was made. Ask for a new one.")
        )
    return card


def _canonical(value: object) -> bytes:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _text(raw: dict[str, object], key: str) -> str:
    value = raw[key]
    if not isinstance(value, str) or len(value) > 300:
        raise ValueError(key)
    return value


def _key(raw: dict[str, object], key: str) -> bytes:
    value = base64.b64decode(_text(raw, key), validate=True)
    if len(value) != 32:
        raise ValueError(key)
    return value
