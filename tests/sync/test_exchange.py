"""Bundles between a cell's book and the commune's: what travels, in what order,
and that every bad bundle is refused with the book unchanged."""

from __future__ import annotations

import io
import json
import zipfile
from datetime import date

import pytest
from sqlalchemy import delete, select

from desktop.data.enums import DecisionKind, RecommendationStatus, SharedDocumentKind
from desktop.data.models import (
    Attendance,
    BundleLog,
    CommuneDecision,
    Meeting,
    Member,
    Organisation,
    Recommendation,
    SharedDocument,
    SyncPeer,
    TopicLibraryRecord,
)
from desktop.data.schema import SCHEMA_VERSION
from desktop.data.stamping import ForeignRecordError
from desktop.export.bundle import format as fmt
from desktop.export.bundle.exchange import (
    ImportRefused,
    ImportStatus,
    import_bundle,
    import_bundle_file,
    import_bundles,
    make_bundle,
    saved_bundle,
)
from desktop.services.sync.identity import book_keys
from desktop.services.sync.keys import sign
from tests.sync.support import (
    add_members,
    adopted_meeting,
    content_dump,
    count,
    enrolled_pair,
    new_book,
)


@pytest.fixture(autouse=True)
def english():
    """The messages are checked for what they say, in English."""
    from desktop import i18n

    i18n.set_language("en")
    yield
    i18n.set_language("vi")


@pytest.fixture
def pair(tmp_path):
    cell, commune = enrolled_pair(tmp_path)
    yield cell, commune
    cell.close(backup=False)
    commune.close(backup=False)


@pytest.fixture
def month_of_work(pair):
    cell, commune = pair
    members = add_members(cell)
    meeting_id = adopted_meeting(
        cell, date(2026, 10, 3), members, recommendation="Đề nghị sửa đường liên thôn"
    )
    return cell, commune, members, meeting_id


def refused(book, data: bytes) -> str:
    before = content_dump(book)
    with pytest.raises(ImportRefused) as error:
        import_bundle(book, data)
    assert content_dump(book) == before
    message = str(error.value)
    assert "nothing was changed" in message.lower()
    return message


def test_cell_hands_up_its_adopted_month_with_pdfs(month_of_work):
    cell, commune, members, meeting_id = month_of_work
    made = make_bundle(cell, commune.book_id)
    assert made.sequence == 1 and made.summary["meeting"] == 1
    result = import_bundle(commune, made.data)
    assert result.status is ImportStatus.IMPORTED
    assert result.applied.added["attendance"] == 4
    with commune.reader() as session:
        meeting = session.get(Meeting, meeting_id)
        assert meeting.org_id == cell.owner_org_id and meeting.state.value == "adopted"
        assert session.get(Organisation, cell.owner_org_id).name == "Chi bộ thôn An Hòa"
        pdfs = session.scalars(select(SharedDocument)).all()
        assert {doc.kind for doc in pdfs} == {
            SharedDocumentKind.MINUTES,
            SharedDocumentKind.RESOLUTION,
        }
        assert all(doc.data.startswith(b"%PDF") and doc.size == len(doc.data) for doc in pdfs)
        peer = session.scalar(select(SyncPeer))
        assert peer.imported_seq == 1 and peer.last_received_at is not None
    assert count(commune, Member) == 4
    assert commune.integrity_problems() == []
    assert result.backup is not None and result.backup.exists()


def test_meetings_not_yet_adopted_stay_in_the_cell(pair):
    cell, commune = pair
    members = add_members(cell)
    with cell.session() as session:
        session.add(Meeting(kind="regular", state="held", scheduled_on=date(2026, 11, 3)))
    made = make_bundle(cell, commune.book_id)
    import_bundle(commune, made.data)
    assert count(commune, Meeting) == 0
    assert count(commune, Member) == len(members)


def test_reimporting_a_bundle_is_a_no_op_that_says_so(month_of_work):
    cell, commune, *_ = month_of_work
    made = make_bundle(cell, commune.book_id)
    import_bundle(commune, made.data)
    before = content_dump(commune)
    again = import_bundle(commune, made.data)
    assert again.status is ImportStatus.ALREADY
    assert "imported before" in again.message
    assert again.backup is None
    assert content_dump(commune) == before


def test_next_bundle_carries_only_what_changed_since_the_commune_acknowledged(month_of_work):
    cell, commune, members, _ = month_of_work
    import_bundle(commune, make_bundle(cell, commune.book_id).data)
    import_bundle(cell, make_bundle(commune, cell.book_id).data)  # the receipt
    with cell.reader() as session:
        assert session.scalar(select(SyncPeer)).acked_seq == 1
        assert session.scalar(select(BundleLog).where(BundleLog.direction == "out")).acknowledged_at
    adopted_meeting(cell, date(2026, 11, 3), members)
    second = make_bundle(cell, commune.book_id)
    assert second.summary["meeting"] == 1
    assert "member" not in second.summary or second.summary["member"] <= len(members)
    import_bundle(commune, second.data)
    assert count(commune, Meeting) == 2
    assert count(commune, Attendance) == 8


def test_round_trip_the_commune_answers_and_the_cell_takes_the_answer(month_of_work):
    cell, commune, *_ = month_of_work
    import_bundle(commune, make_bundle(cell, commune.book_id).data)
    with commune.session() as session:
        recommendation = session.scalars(select(Recommendation)).one()
        session.add(
            CommuneDecision(
                kind=DecisionKind.ANSWER,
                cell_org_id=recommendation.org_id,
                target_id=recommendation.id,
                text="Đã đề nghị Ủy ban nhân dân xã bố trí kinh phí năm 2027",
                decided_on=date(2026, 11, 20),
            )
        )
    down = make_bundle(commune, cell.book_id)
    result = import_bundle(cell, down.data)
    assert result.applied.decisions_applied == 1
    with cell.reader() as session:
        answered = session.scalars(select(Recommendation)).one()
        assert answered.status is RecommendationStatus.ANSWERED
        assert answered.answer.startswith("Đã đề nghị")
        assert answered.answered_on == date(2026, 11, 20)
    # The answer is the cell's own change now, and goes back up.
    up = make_bundle(cell, commune.book_id)
    assert up.summary.get("recommendation") == 1
    import_bundle(commune, up.data)
    with commune.reader() as session:
        assert session.scalars(select(Recommendation)).one().status is RecommendationStatus.ANSWERED


def test_directives_rule_sets_and_topic_libraries_come_down(pair, tmp_path):
    cell, commune = pair
    with commune.session() as session:
        session.add(
            SharedDocument(
                kind=SharedDocumentKind.DIRECTIVE,
                title="Hướng dẫn kiểm điểm cuối năm 2026",
                number="15-HD/ĐU",
                issued_on=date(2026, 11, 15),
                file_name="huong-dan.pdf",
                data=b"%PDF-1.4 huong dan",
                size=18,
            )
        )
        session.add(
            TopicLibraryRecord(
                topic_set_id="an-phu-2027",
                version=1,
                content=json.dumps(
                    {
                        "topic_set_id": "an-phu-2027",
                        "version": 1,
                        "title": "Chuyên đề năm 2027",
                        "topics": [
                            {"id": "so-hoa", "title": {"vi": "Chuyển đổi số", "en": "Digital"}}
                        ],
                    }
                ),
            )
        )
    rules = json.loads(commune.rules.to_json())
    rules["version"] = commune.rules.version + 1
    newer = tmp_path / "rules-v2.json"
    newer.write_text(json.dumps(rules, ensure_ascii=False), encoding="utf-8")
    commune.install_rule_file(newer)
    result = import_bundle(cell, make_bundle(commune, cell.book_id).data)
    assert result.applied.rules_installed.endswith(f"v{rules['version']}")
    assert result.applied.topics_installed == "an-phu-2027 v1"
    assert cell.rules.version == rules["version"]
    with cell.reader() as session:
        directive = session.scalars(select(SharedDocument)).one()
        assert directive.data == b"%PDF-1.4 huong dan"
        assert directive.org_id == commune.owner_org_id
    from desktop.services.preparation import PreparationService

    assert PreparationService(cell).topic_library.topic_set_id == "an-phu-2027"


def test_records_received_are_read_only_copies(month_of_work):
    cell, commune, *_ = month_of_work
    import_bundle(commune, make_bundle(cell, commune.book_id).data)
    with pytest.raises(ForeignRecordError), commune.session() as session:
        session.scalars(select(Member)).first().phone = "0900000000"
    with pytest.raises(ForeignRecordError), commune.session() as session:
        session.delete(session.scalars(select(Recommendation)).one())
    assert count(commune, Recommendation) == 1


def test_deletions_travel(month_of_work):
    cell, commune, *_ = month_of_work
    with cell.session() as session:
        session.add(Recommendation(raised_on=date(2026, 10, 10), content="Kiến nghị sẽ bị xóa"))
    import_bundle(commune, make_bundle(cell, commune.book_id).data)
    assert count(commune, Recommendation) == 2
    import_bundle(cell, make_bundle(commune, cell.book_id).data)
    with cell.session() as session:
        session.delete(
            session.scalar(select(Recommendation).where(Recommendation.meeting_id.is_(None)))
        )
    result = import_bundle(commune, make_bundle(cell, commune.book_id).data)
    assert result.applied.deleted == 1
    assert count(commune, Recommendation) == 1


# --- order ----------------------------------------------------------------------------------


def test_gap_names_the_missing_bundle_and_order_then_works(month_of_work):
    cell, commune, members, _ = month_of_work
    first = make_bundle(cell, commune.book_id)
    adopted_meeting(cell, date(2026, 11, 3), members)
    second = make_bundle(cell, commune.book_id)
    message = refused(commune, second.data)
    assert "Bundle 1 from Chi bộ thôn An Hòa has not been imported yet" in message
    import_bundle(commune, first.data)
    import_bundle(commune, second.data)
    assert count(commune, Meeting) == 2


def test_older_bundle_after_a_newer_one_is_refused(month_of_work):
    cell, commune, members, _ = month_of_work
    first = make_bundle(cell, commune.book_id)
    second = make_bundle(cell, commune.book_id)
    import_bundle(commune, first.data)
    import_bundle(commune, second.data)
    # Another bundle numbered 1 (made again after a restore, say) is refused.
    with cell.session() as session:  # as if the cell's book came back from an old backup
        session.scalar(select(SyncPeer)).sent_seq = 0
        session.execute(delete(BundleLog))
    replayed = make_bundle(cell, commune.book_id)
    message = refused(commune, replayed.data)
    assert "older than bundle 2" in message


def test_full_bundle_is_taken_across_a_gap(month_of_work):
    cell, commune, members, _ = month_of_work
    make_bundle(cell, commune.book_id)  # lost on the way
    full = make_bundle(cell, commune.book_id, full=True)
    assert import_bundle(commune, full.data).status is ImportStatus.IMPORTED
    assert count(commune, Meeting) == 1


def test_import_many_takes_them_in_their_order_with_one_backup(month_of_work, tmp_path):
    cell, commune, members, _ = month_of_work
    first = make_bundle(cell, commune.book_id)
    adopted_meeting(cell, date(2026, 11, 3), members)
    second = make_bundle(cell, commune.book_id)
    results = import_bundles(commune, [second.data, first.data, first.data])
    assert [r.status for r in results] == [
        ImportStatus.IMPORTED,
        ImportStatus.IMPORTED,
        ImportStatus.ALREADY,
    ]
    assert sum(1 for r in results if r.backup is not None) == 1
    assert count(commune, Meeting) == 2


def test_an_earlier_bundle_can_be_saved_again(month_of_work, tmp_path):
    cell, commune, *_ = month_of_work
    made = make_bundle(cell, commune.book_id)
    again = saved_bundle(cell, commune.book_id, 1)
    assert again is not None and again.data == made.data
    path = again.save(tmp_path)
    assert path.name == made.file_name and path.name.endswith(fmt.BUNDLE_SUFFIX)
    assert import_bundle_file(commune, path).status is ImportStatus.IMPORTED


# --- bad bundles, each refused with the book unchanged ---------------------------------------


def _members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def _zip(entries: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return out.getvalue()


def test_tampered_bundle_is_refused(month_of_work):
    cell, commune, *_ = month_of_work
    entries = _members(make_bundle(cell, commune.book_id).data)
    entries[fmt.MANIFEST_NAME] = entries[fmt.MANIFEST_NAME].replace(b"An H", b"An K")
    assert "changed" in refused(commune, _zip(entries))


def test_truncated_bundle_is_refused(month_of_work, tmp_path):
    cell, commune, *_ = month_of_work
    data = make_bundle(cell, commune.book_id).data
    refused(commune, data[: len(data) - 100])
    path = tmp_path / "cut.cellbook-bundle"
    path.write_bytes(data[:2000])
    before = content_dump(commune)
    with pytest.raises(ImportRefused):
        import_bundle_file(commune, path)
    assert content_dump(commune) == before


def test_bundle_for_another_commune_is_refused(month_of_work, tmp_path):
    cell, commune, *_ = month_of_work
    other = new_book(tmp_path / "other", "Đảng ủy xã Phú Lộc", commune=True)
    from desktop.services.sync.identity import card_file_bytes, enrol

    enrol(other, card_file_bytes(cell))
    data = make_bundle(cell, commune.book_id).data
    refused(other, data)
    other.close(backup=False)


def test_unsigned_bundle_is_refused(month_of_work):
    cell, commune, *_ = month_of_work
    entries = _members(make_bundle(cell, commune.book_id).data)
    del entries[fmt.SIGNATURE_NAME]
    assert "signature" in refused(commune, _zip(entries))


def test_bundle_from_a_book_not_enrolled_is_refused(tmp_path, month_of_work):
    cell, commune, *_ = month_of_work
    stranger = new_book(tmp_path / "s", "Chi bộ thôn Lạ")
    from desktop.services.sync.identity import card_file_bytes, enrol

    enrol(stranger, card_file_bytes(commune))
    data = make_bundle(stranger, commune.book_id).data
    assert "not enrolled" in refused(commune, data)
    stranger.close(backup=False)


def test_too_new_and_oversized_and_zip_slip_bundles_are_refused(month_of_work, monkeypatch):
    cell, commune, *_ = month_of_work
    data = make_bundle(cell, commune.book_id).data
    entries = _members(data)
    manifest = json.loads(entries[fmt.MANIFEST_NAME])
    manifest["schema_version"] = SCHEMA_VERSION + 1
    raw = json.dumps(manifest).encode()
    keys = book_keys(cell)
    newer = dict(entries)
    newer[fmt.MANIFEST_NAME] = raw
    newer[fmt.SIGNATURE_NAME] = keys.key_id + sign(
        keys.signing_private, fmt.signed_message(fmt.PAYLOAD_TYPE, raw)
    )
    assert "newer" in refused(commune, _zip(newer))
    slip = dict(entries)
    slip["../../outside.bin"] = b"x"
    refused(commune, _zip(slip))
    monkeypatch.setattr(fmt, "MAX_BUNDLE_BYTES", 1000)
    assert "larger" in refused(commune, data)


def test_bundle_carrying_another_organisations_records_is_refused(month_of_work):
    """Well signed by the cell, but it claims a record of another cell."""
    cell, commune, *_ = month_of_work
    from desktop.export.bundle.format import Envelope, pack
    from desktop.services.sync.identity import peer as peer_of

    made = make_bundle(cell, commune.book_id)
    keys = book_keys(commune)
    opened = fmt.open_bundle(
        made.data,
        find_signer=lambda _k: book_keys(cell).signing_public,
        my_book_id=commune.book_id,
        my_encryption_private=keys.encryption_private,
        schema_version=SCHEMA_VERSION,
    )
    records = json.loads(opened.records)
    members = records["tables"]["member"]
    members["rows"][0][members["columns"].index("org_id")] = "another-cell"
    cell_keys = book_keys(cell)
    target = peer_of(cell, commune.book_id)
    forged, _sha = pack(
        Envelope(
            sender_book_id=cell.book_id,
            sender_org_id=cell.owner_org_id,
            sender_org_name="Chi bộ thôn An Hòa",
            sender_key_id=cell_keys.key_id,
            recipient_book_id=commune.book_id,
            recipient_key_id=target.key_id,
            sequence=1,
            base=0,
            acknowledged=0,
            full=False,
            schema_version=SCHEMA_VERSION,
            app_version="test",
            created=opened.created,
            bundle_id="forged",
        ),
        signing_private=cell_keys.signing_private,
        recipient_encryption_public=target.encryption_public,
        records=json.dumps(records).encode(),
        files=opened.files,
    )
    assert "do not belong" in refused(commune, forged)


def test_bundle_with_records_in_a_wrong_form_is_refused(month_of_work):
    cell, commune, *_ = month_of_work
    from desktop.services.sync import collect as collect_module

    original = collect_module.Payload.to_bytes

    def broken(self):
        self.records["tables"]["member"]["rows"][0][1] = 12345  # a name that is a number
        return original(self)

    collect_module.Payload.to_bytes = broken
    try:
        data = make_bundle(cell, commune.book_id).data
    finally:
        collect_module.Payload.to_bytes = original
    assert "form CellBook expects" in refused(commune, data)


def test_a_column_an_older_sender_did_not_have_gets_its_default(month_of_work):
    cell, commune, *_ = month_of_work
    from desktop.services.sync import collect as collect_module

    original = collect_module.Payload.to_bytes

    def older(self):
        block = self.records["tables"]["member"]
        at = block["columns"].index("workplace")
        del block["columns"][at]
        for row in block["rows"]:
            del row[at]
        return original(self)

    collect_module.Payload.to_bytes = older
    try:
        data = make_bundle(cell, commune.book_id).data
    finally:
        collect_module.Payload.to_bytes = original
    assert import_bundle(commune, data).status is ImportStatus.IMPORTED
    with commune.reader() as session:
        assert {m.workplace for m in session.scalars(select(Member))} == {""}


def test_records_that_break_the_books_rules_are_refused(month_of_work):
    """Well formed but impossible: two members sharing one id in one bundle."""
    cell, commune, *_ = month_of_work
    from desktop.services.sync import collect as collect_module

    original = collect_module.Payload.to_bytes

    def twice(self):
        rows = self.records["tables"]["member"]["rows"]
        rows.append(list(rows[0]))
        return original(self)

    collect_module.Payload.to_bytes = twice
    try:
        data = make_bundle(cell, commune.book_id).data
    finally:
        collect_module.Payload.to_bytes = original
    assert "Nothing was changed" in refused(commune, data)
