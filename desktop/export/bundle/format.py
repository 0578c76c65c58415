"""The bundle file: a zip of numbered members, a signed manifest, an
encrypted payload. `docs/bundle-format.md` describes it for other programs.

    0000-manifest.json   who, to whom, which sequence, SHA-256 of every member
    0001-signature.bin   key id of the signer (32 bytes) + Ed25519 signature (64)
    0002-records.bin     the records (JSON), encrypted to the recipient
    0003-file.bin ...    files the records refer to, each encrypted

The signature covers the manifest's exact bytes with the payload type bound
in (see `signed_message`), and is checked before the manifest is parsed.
Every size, count and compression ratio is bounded before anything is read.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from desktop.i18n import _
from desktop.services.sync.keys import sign, verify
from desktop.services.sync.limits import MAX_BUNDLE_BYTES

FORMAT = "cellbook-bundle"
FORMAT_VERSION = 1
PAYLOAD_TYPE = "application/vnd.cellbook.changes.v1+json"
ENCRYPTION = "X25519-HKDF-SHA256-ChaCha20Poly1305"
BUNDLE_SUFFIX = ".cellbook-bundle"

MANIFEST_NAME = "0000-manifest.json"
SIGNATURE_NAME = "0001-signature.bin"
_MEMBER_NAME = re.compile(r"^[0-9]{4}-[a-z]+\.(json|bin)$")
_SIGNATURE_SIZE = 32 + 64

MAX_MEMBER_BYTES = 60 * 1024 * 1024
MAX_MANIFEST_BYTES = 1024 * 1024
MAX_ENTRIES = 5000
MAX_RATIO = 50  # uncompressed / compressed, per member
_RATIO_FLOOR = 4096  # members smaller than this are not ratio-checked
_HKDF_INFO = b"cellbook bundle v1 payload key"


# What a damaged zip can raise while it is read (a bad header, a broken
# deflate stream, an unknown compression method, an "encrypted" flag).
_ZIP_ERRORS = (
    zipfile.BadZipFile,
    zlib.error,
    OSError,
    EOFError,
    ValueError,
    NotImplementedError,
    RuntimeError,
)


class BundleProblem(StrEnum):
    NOT_A_BUNDLE = "not_a_bundle"
    DAMAGED = "damaged"
    TOO_LARGE = "too_large"
    UNSAFE = "unsafe"
    UNSIGNED = "unsigned"
    UNKNOWN_SENDER = "unknown_sender"
    BAD_SIGNATURE = "bad_signature"
    WRONG_RECIPIENT = "wrong_recipient"
    TOO_NEW = "too_new"


class BundleError(ValueError):
    """A bundle that is refused before anything is applied."""

    def __init__(self, problem: BundleProblem, message: str) -> None:
        self.problem = problem
        super().__init__(message)


def _refuse(problem: BundleProblem) -> BundleError:
    messages = {
        BundleProblem.NOT_A_BUNDLE: _("This file is not a CellBook bundle."),
        BundleProblem.DAMAGED: _(
            "This bundle is damaged or incomplete (was it copied to the end?). "
            "Ask for it to be saved again."
        ),
        BundleProblem.TOO_LARGE: _("This bundle is larger than any real bundle can be."),
        BundleProblem.UNSAFE: _(
            "This bundle is built in a way CellBook does not accept (unexpected members)."
        ),
        BundleProblem.UNSIGNED: _("This bundle carries no signature, so nobody vouches for it."),
        BundleProblem.UNKNOWN_SENDER: _(
            "This bundle comes from a book that is not enrolled here. "
            "Enrol its key card first (Sync page)."
        ),
        BundleProblem.BAD_SIGNATURE: _(
            "This bundle has been changed since it was signed, so it cannot be trusted."
        ),
        BundleProblem.WRONG_RECIPIENT: _("This bundle was made for another book, not this one."),
        BundleProblem.TOO_NEW: _(
            "This bundle was made by a newer CellBook. Update CellBook on this computer first."
        ),
    }
    return BundleError(problem, messages[problem])


def signed_message(payload_type: str, manifest: bytes) -> bytes:
    """What the signature covers: a fixed prefix, then the payload type and the
    manifest bytes, each preceded by its length (8 bytes, big-endian)."""
    kind = payload_type.encode("utf-8")
    return (
        b"CellBook-bundle-v1\x00"
        + len(kind).to_bytes(8, "big")
        + kind
        + len(manifest).to_bytes(8, "big")
        + manifest
    )


# --- making a bundle ------------------------------------------------------------------------


@dataclass(frozen=True)
class Envelope:
    """Who sends a bundle to whom, and where it stands in their sequence."""

    sender_book_id: str
    sender_org_id: str
    sender_org_name: str
    sender_key_id: bytes
    recipient_book_id: str
    recipient_key_id: bytes
    sequence: int
    base: int  # the last of the sender's bundles the recipient is known to have
    acknowledged: int  # the last of the recipient's bundles imported by the sender
    full: bool
    schema_version: int
    app_version: str
    created: datetime
    bundle_id: str


def _nonce(index: int) -> bytes:
    return b"\x00\x00\x00\x00" + index.to_bytes(8, "big")


def _content_key(shared: bytes, bundle_id: str) -> bytes:
    return HKDF(
        algorithm=hashes.SHA256(), length=32, salt=bundle_id.encode(), info=_HKDF_INFO
    ).derive(shared)


def pack(
    envelope: Envelope,
    *,
    signing_private: bytes,
    recipient_encryption_public: bytes,
    records: bytes,
    files: list[bytes],
) -> tuple[bytes, str]:
    """The bundle's bytes and the SHA-256 of its manifest."""
    ephemeral = X25519PrivateKey.generate()
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(recipient_encryption_public))
    cipher = ChaCha20Poly1305(_content_key(shared, envelope.bundle_id))
    plain_members = [("records", records)] + [("file", data) for data in files]
    members: list[tuple[str, bytes, int]] = []
    for offset, (role, plain) in enumerate(plain_members):
        index = offset + 2
        name = f"{index:04d}-{role}.bin"
        members.append((name, cipher.encrypt(_nonce(index), plain, name.encode()), len(plain)))
    manifest = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "payload_type": PAYLOAD_TYPE,
        "schema_version": envelope.schema_version,
        "app_version": envelope.app_version,
        "bundle_id": envelope.bundle_id,
        "created": envelope.created.astimezone(UTC).isoformat(timespec="seconds"),
        "sender": {
            "book_id": envelope.sender_book_id,
            "org_id": envelope.sender_org_id,
            "org_name": envelope.sender_org_name,
            "key_id": envelope.sender_key_id.hex(),
        },
        "recipient": {
            "book_id": envelope.recipient_book_id,
            "key_id": envelope.recipient_key_id.hex(),
        },
        "sequence": envelope.sequence,
        "base": envelope.base,
        "acknowledged": envelope.acknowledged,
        "full": envelope.full,
        "encryption": {
            "algorithm": ENCRYPTION,
            "ephemeral_public": ephemeral.public_key().public_bytes_raw().hex(),
        },
        "members": [
            {
                "name": name,
                "sha256": hashlib.sha256(data).hexdigest(),
                "size": len(data),
                "plain_size": plain_size,
            }
            for name, data, plain_size in members
        ],
    }
    manifest_bytes = json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True).encode()
    signature = envelope.sender_key_id + sign(
        signing_private, signed_message(PAYLOAD_TYPE, manifest_bytes)
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr(MANIFEST_NAME, manifest_bytes, zipfile.ZIP_DEFLATED)
        archive.writestr(SIGNATURE_NAME, signature, zipfile.ZIP_STORED)
        for name, data, _plain in members:
            archive.writestr(name, data, zipfile.ZIP_STORED)
    return out.getvalue(), hashlib.sha256(manifest_bytes).hexdigest()


# --- opening a bundle -----------------------------------------------------------------------


@dataclass(frozen=True)
class OpenedBundle:
    manifest: dict[str, Any]
    manifest_sha256: str
    signer_key_id: bytes
    records: bytes
    files: list[bytes]

    @property
    def sender_book_id(self) -> str:
        return str(self.manifest["sender"]["book_id"])

    @property
    def sequence(self) -> int:
        return int(self.manifest["sequence"])

    @property
    def created(self) -> datetime:
        return datetime.fromisoformat(self.manifest["created"])


def read_bundle_file(path: Path) -> bytes:
    """The file's bytes, refusing (before reading it all) anything too large."""
    with path.open("rb") as stream:
        data = stream.read(MAX_BUNDLE_BYTES + 1)
    if len(data) > MAX_BUNDLE_BYTES:
        raise _refuse(BundleProblem.TOO_LARGE)
    return data


def _checked_entries(archive: zipfile.ZipFile) -> dict[str, zipfile.ZipInfo]:
    infos = archive.infolist()
    if len(infos) > MAX_ENTRIES:
        raise _refuse(BundleProblem.TOO_LARGE)
    entries: dict[str, zipfile.ZipInfo] = {}
    total = 0
    for info in infos:
        if not _MEMBER_NAME.match(info.filename) or info.filename in entries:
            raise _refuse(BundleProblem.UNSAFE)
        if info.file_size > MAX_MEMBER_BYTES:
            raise _refuse(BundleProblem.TOO_LARGE)
        if info.file_size > _RATIO_FLOOR and info.file_size > MAX_RATIO * max(
            info.compress_size, 1
        ):
            raise _refuse(BundleProblem.TOO_LARGE)
        total += info.file_size
        entries[info.filename] = info
    if total > MAX_BUNDLE_BYTES:
        raise _refuse(BundleProblem.TOO_LARGE)
    return entries


def _read(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> bytes:
    if info.file_size > limit:
        raise _refuse(BundleProblem.TOO_LARGE)
    try:
        with archive.open(info) as stream:
            data = stream.read(limit + 1)
    except _ZIP_ERRORS as error:
        raise _refuse(BundleProblem.DAMAGED) from error
    if len(data) > limit:
        raise _refuse(BundleProblem.TOO_LARGE)
    return data


def open_bundle(
    data: bytes,
    *,
    find_signer: Callable[[bytes], bytes | None],
    my_book_id: str,
    my_encryption_private: bytes,
    schema_version: int,
) -> OpenedBundle:
    """Check and decrypt a bundle; raises `BundleError` saying why in plain words.

    `find_signer` maps a key id to the Ed25519 public key of an enrolled book
    (None if unknown). Order: bounds, signature, manifest, recipient, member
    hashes, decryption.
    """
    if len(data) > MAX_BUNDLE_BYTES:
        raise _refuse(BundleProblem.TOO_LARGE)
    if not data.startswith(b"PK"):
        raise _refuse(BundleProblem.NOT_A_BUNDLE)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except _ZIP_ERRORS as error:
        raise _refuse(BundleProblem.DAMAGED) from error
    with archive:
        entries = _checked_entries(archive)
        if MANIFEST_NAME not in entries:
            raise _refuse(BundleProblem.NOT_A_BUNDLE)
        if SIGNATURE_NAME not in entries:
            raise _refuse(BundleProblem.UNSIGNED)
        manifest_bytes = _read(archive, entries[MANIFEST_NAME], MAX_MANIFEST_BYTES)
        signature = _read(archive, entries[SIGNATURE_NAME], _SIGNATURE_SIZE)
        if len(signature) != _SIGNATURE_SIZE:
            raise _refuse(BundleProblem.UNSIGNED)
        signer_key_id, raw_signature = signature[:32], signature[32:]
        signer = find_signer(signer_key_id)
        if signer is None:
            raise _refuse(BundleProblem.UNKNOWN_SENDER)
        if not verify(signer, raw_signature, signed_message(PAYLOAD_TYPE, manifest_bytes)):
            raise _refuse(BundleProblem.BAD_SIGNATURE)
        manifest = _parse_manifest(manifest_bytes, signer_key_id, schema_version)
        if manifest["recipient"]["book_id"] != my_book_id:
            raise _refuse(BundleProblem.WRONG_RECIPIENT)
        plain = _decrypt_members(archive, entries, manifest, my_encryption_private)
    return OpenedBundle(
        manifest=manifest,
        manifest_sha256=hashlib.sha256(manifest_bytes).hexdigest(),
        signer_key_id=signer_key_id,
        records=plain[0],
        files=plain[1:],
    )


def _parse_manifest(data: bytes, signer_key_id: bytes, schema_version: int) -> dict[str, Any]:
    try:
        manifest = json.loads(data.decode("utf-8"))
        if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
            raise _refuse(BundleProblem.NOT_A_BUNDLE)
        version = manifest.get("format_version")
        if not isinstance(version, int) or version > FORMAT_VERSION:
            raise _refuse(BundleProblem.TOO_NEW)
        if manifest.get("payload_type") != PAYLOAD_TYPE:
            raise _refuse(BundleProblem.NOT_A_BUNDLE)
        if int(manifest["schema_version"]) > schema_version:
            raise _refuse(BundleProblem.TOO_NEW)
        if manifest["sender"]["key_id"] != signer_key_id.hex():
            raise _refuse(BundleProblem.BAD_SIGNATURE)
        for key in ("sequence", "base", "acknowledged"):
            if not isinstance(manifest[key], int) or manifest[key] < 0:
                raise _refuse(BundleProblem.DAMAGED)
        if manifest["sequence"] < 1 or not isinstance(manifest["members"], list):
            raise _refuse(BundleProblem.DAMAGED)
        datetime.fromisoformat(manifest["created"])
        str(manifest["recipient"]["book_id"])
        bytes.fromhex(manifest["encryption"]["ephemeral_public"])
    except BundleError:
        raise
    except (ValueError, KeyError, TypeError, UnicodeDecodeError) as error:
        raise _refuse(BundleProblem.DAMAGED) from error
    return manifest


def _decrypt_members(
    archive: zipfile.ZipFile,
    entries: dict[str, zipfile.ZipInfo],
    manifest: dict[str, Any],
    my_encryption_private: bytes,
) -> list[bytes]:
    listed = manifest["members"]
    names = [MANIFEST_NAME, SIGNATURE_NAME] + [str(member.get("name")) for member in listed]
    expected = [f"{index:04d}-" for index in range(len(names))]
    if not listed or sorted(entries) != sorted(names):
        raise _refuse(BundleProblem.UNSAFE)
    if any(not name.startswith(prefix) for name, prefix in zip(names, expected, strict=True)):
        raise _refuse(BundleProblem.UNSAFE)
    try:
        ephemeral = X25519PublicKey.from_public_bytes(
            bytes.fromhex(manifest["encryption"]["ephemeral_public"])
        )
        shared = X25519PrivateKey.from_private_bytes(my_encryption_private).exchange(ephemeral)
    except ValueError as error:
        raise _refuse(BundleProblem.DAMAGED) from error
    cipher = ChaCha20Poly1305(_content_key(shared, str(manifest["bundle_id"])))
    plain: list[bytes] = []
    for index, member in enumerate(listed, start=2):
        name = str(member["name"])
        data = _read(archive, entries[name], MAX_MEMBER_BYTES)
        if hashlib.sha256(data).hexdigest() != member.get("sha256"):
            raise _refuse(BundleProblem.BAD_SIGNATURE)
        try:
            plain.append(cipher.decrypt(_nonce(index), data, name.encode()))
        except InvalidTag as error:
            # Hashes matched the signed manifest, so the key is wrong: not for us.
            raise _refuse(BundleProblem.WRONG_RECIPIENT) from error
    return plain
