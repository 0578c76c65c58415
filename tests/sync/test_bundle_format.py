"""The bundle file on its own: signed, encrypted, bounded, refused when wrong."""

from __future__ import annotations

import io
import json
import zipfile
from datetime import UTC, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.export.bundle import format as fmt
from desktop.export.bundle.format import BundleError, BundleProblem, Envelope, open_bundle, pack
from desktop.services.sync.keys import key_id, new_private_keys, public_keys, sign


class Party:
    def __init__(self, book_id: str) -> None:
        self.book_id = book_id
        self.signing, self.encryption = new_private_keys()
        self.signing_public, self.encryption_public = public_keys(self.signing, self.encryption)
        self.key_id = key_id(self.signing_public)


SENDER = Party("book-sender")
RECIPIENT = Party("book-recipient")
STRANGER = Party("book-stranger")


def envelope(sequence: int = 1, schema_version: int = 9, to: Party = RECIPIENT) -> Envelope:
    return Envelope(
        sender_book_id=SENDER.book_id,
        sender_org_id="org-sender",
        sender_org_name="Chi bộ thôn An Hòa",
        sender_key_id=SENDER.key_id,
        recipient_book_id=to.book_id,
        recipient_key_id=to.key_id,
        sequence=sequence,
        base=0,
        acknowledged=0,
        full=False,
        schema_version=schema_version,
        app_version="test",
        created=datetime(2026, 11, 22, 8, 0, tzinfo=UTC),
        bundle_id="bundle-1",
    )


def make(records: bytes = b'{"tables": {}}', files: list[bytes] | None = None, **kwargs) -> bytes:
    to = kwargs.pop("to", RECIPIENT)
    data, _sha = pack(
        envelope(to=to, **kwargs),
        signing_private=SENDER.signing,
        recipient_encryption_public=to.encryption_public,
        records=records,
        files=files or [],
    )
    return data


def open_as(data: bytes, me: Party = RECIPIENT, *, schema_version: int = 9):
    known = {SENDER.key_id: SENDER.signing_public}
    return open_bundle(
        data,
        find_signer=known.get,
        my_book_id=me.book_id,
        my_encryption_private=me.encryption,
        schema_version=schema_version,
    )


def problem(data: bytes, me: Party = RECIPIENT) -> BundleProblem:
    with pytest.raises(BundleError) as refused:
        open_as(data, me)
    assert str(refused.value)  # a sentence for the user
    return refused.value.problem


def members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def rezip(entries: dict[str, bytes], compression: int = zipfile.ZIP_STORED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, content in entries.items():
            archive.writestr(name, content, compression)
    return out.getvalue()


def resigned(data: bytes, change) -> bytes:
    """The bundle with its manifest changed by `change` and signed again by the
    sender: well signed, wrong inside."""
    entries = members(data)
    manifest = json.loads(entries[fmt.MANIFEST_NAME])
    change(manifest)
    raw = json.dumps(manifest).encode()
    entries[fmt.MANIFEST_NAME] = raw
    entries[fmt.SIGNATURE_NAME] = SENDER.key_id + sign(
        SENDER.signing, fmt.signed_message(fmt.PAYLOAD_TYPE, raw)
    )
    return rezip(entries)


def test_round_trip_keeps_records_and_files_and_numbers_members():
    records = '{"a": "Sổ chi bộ"}'.encode()
    data = make(records, [b"%PDF-1.4 one", b"%PDF-1.4 two"])
    opened = open_as(data)
    assert opened.records == records
    assert opened.files == [b"%PDF-1.4 one", b"%PDF-1.4 two"]
    assert opened.sequence == 1
    assert opened.sender_book_id == SENDER.book_id
    assert list(members(data)) == [
        "0000-manifest.json",
        "0001-signature.bin",
        "0002-records.bin",
        "0003-file.bin",
        "0004-file.bin",
    ]


def test_payload_is_encrypted_and_the_manifest_lists_every_member_hash():
    data = make(b'{"secret": "Nguyen Van An"}', [b"%PDF-1.4 minutes"])
    assert b"Nguyen Van An" not in data and b"minutes" not in data
    manifest = json.loads(members(data)[fmt.MANIFEST_NAME])
    assert manifest["payload_type"] == fmt.PAYLOAD_TYPE
    assert [m["name"] for m in manifest["members"]] == ["0002-records.bin", "0003-file.bin"]
    assert all(len(m["sha256"]) == 64 for m in manifest["members"])
    assert manifest["sender"]["book_id"] == SENDER.book_id
    assert manifest["recipient"]["book_id"] == RECIPIENT.book_id


def test_changed_manifest_is_refused_as_changed():
    entries = members(make())
    entries[fmt.MANIFEST_NAME] = entries[fmt.MANIFEST_NAME].replace(
        b'"sequence": 1', b'"sequence": 9'
    )
    assert problem(rezip(entries)) is BundleProblem.BAD_SIGNATURE


def test_changed_payload_is_refused_by_its_hash():
    entries = members(make(b'{"tables": {}}'))
    payload = bytearray(entries["0002-records.bin"])
    payload[0] ^= 1
    entries["0002-records.bin"] = bytes(payload)
    assert problem(rezip(entries)) is BundleProblem.BAD_SIGNATURE


def test_signature_over_another_payload_type_does_not_verify():
    entries = members(make())
    raw = entries[fmt.MANIFEST_NAME]
    entries[fmt.SIGNATURE_NAME] = SENDER.key_id + sign(
        SENDER.signing, fmt.signed_message("application/other", raw)
    )
    assert problem(rezip(entries)) is BundleProblem.BAD_SIGNATURE


def test_truncated_bundle_is_damaged():
    data = make(files=[b"x" * 5000])
    assert problem(data[: len(data) // 2]) is BundleProblem.DAMAGED
    assert problem(data[:-30]) is BundleProblem.DAMAGED


def test_unsigned_bundle_is_refused():
    entries = members(make())
    del entries[fmt.SIGNATURE_NAME]
    assert problem(rezip(entries)) is BundleProblem.UNSIGNED


def test_unknown_sender_is_refused():
    data, _sha = pack(
        Envelope(**{**envelope().__dict__, "sender_key_id": STRANGER.key_id}),
        signing_private=STRANGER.signing,
        recipient_encryption_public=RECIPIENT.encryption_public,
        records=b"{}",
        files=[],
    )
    assert problem(data) is BundleProblem.UNKNOWN_SENDER


def test_bundle_for_another_book_is_refused():
    assert problem(make(to=STRANGER)) is BundleProblem.WRONG_RECIPIENT


def test_bundle_naming_us_but_encrypted_for_another_key_is_refused():
    data = resigned(make(to=STRANGER), lambda m: m["recipient"].update(book_id=RECIPIENT.book_id))
    assert problem(data) is BundleProblem.WRONG_RECIPIENT


def test_bundle_from_a_newer_cellbook_is_refused():
    assert problem(make(schema_version=99)) is BundleProblem.TOO_NEW
    newer_format = resigned(make(), lambda m: m.update(format_version=2))
    assert problem(newer_format) is BundleProblem.TOO_NEW


def test_oversized_bundle_is_refused_before_reading(monkeypatch, tmp_path):
    data = make(files=[b"y" * 3000])
    monkeypatch.setattr(fmt, "MAX_BUNDLE_BYTES", len(data) - 1)
    assert problem(data) is BundleProblem.TOO_LARGE
    big = tmp_path / "big.cellbook-bundle"
    big.write_bytes(data)
    with pytest.raises(BundleError) as refused:
        fmt.read_bundle_file(big)
    assert refused.value.problem is BundleProblem.TOO_LARGE


def test_oversized_member_and_too_many_members_are_refused(monkeypatch):
    data = make(files=[b"z" * 3000])
    monkeypatch.setattr(fmt, "MAX_MEMBER_BYTES", 2000)
    assert problem(data) is BundleProblem.TOO_LARGE
    monkeypatch.undo()
    monkeypatch.setattr(fmt, "MAX_ENTRIES", 3)
    assert problem(make(files=[b"a", b"b"])) is BundleProblem.TOO_LARGE


def test_zip_bomb_is_refused_by_its_compression_ratio():
    entries = members(make())
    entries["0003-file.bin"] = b"\0" * (2 * 1024 * 1024)
    assert problem(rezip(entries, zipfile.ZIP_DEFLATED)) is BundleProblem.TOO_LARGE


@pytest.mark.parametrize(
    "name", ["../0002-records.bin", "/etc/passwd", "0002-records.bin/../../x", "C:\\evil.bin"]
)
def test_path_names_outside_the_bundle_are_refused(name):
    entries = members(make())
    entries[name] = b"evil"
    assert problem(rezip(entries)) is BundleProblem.UNSAFE


def test_member_not_in_the_manifest_is_refused():
    entries = members(make())
    entries["0003-file.bin"] = b"extra"
    assert problem(rezip(entries)) is BundleProblem.UNSAFE


def test_files_that_are_not_bundles():
    assert problem(b"") is BundleProblem.NOT_A_BUNDLE
    assert problem(b"%PDF-1.4 not a bundle") is BundleProblem.NOT_A_BUNDLE
    assert problem(rezip({"0000-manifest.json": b"{}"})) is BundleProblem.UNSIGNED


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    records=st.binary(max_size=2000),
    files=st.lists(st.binary(max_size=3000), max_size=4),
    sequence=st.integers(min_value=1, max_value=10**6),
)
def test_pack_then_open_gives_back_what_was_packed(records, files, sequence):
    opened = open_as(make(records, files, sequence=sequence))
    assert (opened.records, opened.files, opened.sequence) == (records, files, sequence)


@settings(max_examples=200, deadline=None)
@given(position=st.integers(min_value=0), bit=st.integers(min_value=0, max_value=7))
def test_any_flipped_bit_is_refused_or_changes_nothing_that_is_read(position, bit):
    original = make(b'{"tables": {"x": 1}}', [b"%PDF-1.4 " + bytes(range(200))])
    data = bytearray(original)
    data[position % len(data)] ^= 1 << bit
    try:
        opened = open_as(bytes(data))
    except BundleError:
        return
    # Only bytes nobody reads (zip timestamps, say) can change without a refusal.
    assert opened.records == b'{"tables": {"x": 1}}'
    assert opened.files == [b"%PDF-1.4 " + bytes(range(200))]
