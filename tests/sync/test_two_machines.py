"""The same cell's book on two computers: the later change wins, the other is
kept, and both books (and the commune's) end up the same."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from desktop.data.enums import PeerRole
from desktop.data.models import Member, SyncConflict, SyncPeer
from desktop.export.bundle.exchange import ImportRefused, ImportStatus, import_bundle, make_bundle
from desktop.services.book import Book
from desktop.services.sync.identity import card_file_bytes, enrol, peers
from desktop.services.sync.second_computer import copy_for_second_computer
from tests.sync.support import add_members, content_dump, enrolled_pair


@pytest.fixture
def machines(tmp_path):
    first, commune = enrolled_pair(tmp_path)
    member_ids = add_members(first)
    copy_for_second_computer(first, tmp_path / "second.cellbook", device_id="dev-b")
    second = Book.open(
        tmp_path / "second.cellbook", device_id="dev-b", backup_folder=tmp_path / "backups-b"
    )
    enrol(commune, card_file_bytes(second))
    yield first, second, commune, member_ids
    for book in (first, second, commune):
        book.close(backup=False)


def _edit(book: Book, member_id: str, **values) -> None:
    with book.session() as session:
        member = session.get(Member, member_id)
        for key, value in values.items():
            setattr(member, key, value)


def _member(book: Book, member_id: str) -> Member:
    with book.reader() as session:
        return session.get(Member, member_id)


def _conflicts(book: Book) -> list[SyncConflict]:
    with book.reader() as session:
        return list(session.scalars(select(SyncConflict)))


def test_the_copy_is_a_book_of_its_own_enrolled_with_the_first(machines):
    first, second, _commune, member_ids = machines
    assert second.book_id != first.book_id
    assert second.owner_org_id == first.owner_org_id
    assert [p.role for p in peers(first) if p.book_id == second.book_id] == [PeerRole.SIBLING]
    roles = {p.role for p in peers(second)}
    assert roles == {PeerRole.SIBLING, PeerRole.SUPERIOR}
    assert _member(second, member_ids[0]).full_name == _member(first, member_ids[0]).full_name
    # Nothing to hand over between them yet: both have every change.
    assert make_bundle(first, second.book_id).summary == {}


def test_changes_on_either_computer_reach_the_other(machines):
    first, second, _commune, member_ids = machines
    _edit(second, member_ids[0], phone="0912 000 111")
    result = import_bundle(first, make_bundle(second, first.book_id).data)
    assert result.status is ImportStatus.IMPORTED and result.applied.conflicts == 0
    assert _member(first, member_ids[0]).phone == "0912 000 111"
    _edit(first, member_ids[0], address="Tổ 5")
    import_bundle(second, make_bundle(first, second.book_id).data)
    assert _member(second, member_ids[0]).address == "Tổ 5"
    assert _conflicts(first) == [] and _conflicts(second) == []


def test_same_record_changed_on_both_later_wins_and_the_other_is_kept(machines):
    first, second, _commune, member_ids = machines
    _edit(first, member_ids[1], phone="0900 111 111")  # earlier
    _edit(second, member_ids[1], phone="0900 222 222")  # later
    from_first = make_bundle(first, second.book_id)
    from_second = make_bundle(second, first.book_id)

    import_bundle(second, from_first.data)
    assert _member(second, member_ids[1]).phone == "0900 222 222"
    kept = _conflicts(second)
    assert len(kept) == 1 and kept[0].table_name == "member"
    assert json.loads(kept[0].lost_version)["phone"] == "0900 111 111"
    assert kept[0].lost_on == "dev-first" or kept[0].lost_on == first.device_id

    import_bundle(first, from_second.data)
    assert _member(first, member_ids[1]).phone == "0900 222 222"
    lost_here = _conflicts(first)
    assert len(lost_here) == 1
    assert json.loads(lost_here[0].lost_version)["phone"] == "0900 111 111"

    # Both books now say the same about the member.
    a, b = _member(first, member_ids[1]), _member(second, member_ids[1])
    assert (a.phone, a.updated_at, a.updated_on) == (b.phone, b.updated_at, b.updated_on)


def test_commune_keeps_the_newest_version_from_two_computers(machines):
    first, second, commune, member_ids = machines
    import_bundle(commune, make_bundle(first, commune.book_id).data)
    _edit(first, member_ids[2], phone="0911 111 111")
    _edit(second, member_ids[2], phone="0922 222 222")
    newer = make_bundle(second, commune.book_id)
    older = make_bundle(first, commune.book_id)
    import_bundle(commune, newer.data)
    import_bundle(commune, older.data)
    assert _member(commune, member_ids[2]).phone == "0922 222 222"
    kept = _conflicts(commune)
    assert [json.loads(c.lost_version)["phone"] for c in kept] == ["0911 111 111"]


def test_a_refused_bundle_between_the_computers_changes_nothing(machines):
    first, second, _commune, member_ids = machines
    _edit(second, member_ids[0], phone="0933 333 333")
    data = make_bundle(second, first.book_id).data
    before = content_dump(first)
    with pytest.raises(ImportRefused):
        import_bundle(first, data[: len(data) // 2])
    assert content_dump(first) == before
    with first.reader() as session:
        assert (
            session.scalar(select(SyncPeer.imported_seq).where(SyncPeer.book_id == second.book_id))
            == 0
        )


def test_second_computer_from_the_command_line(tmp_path):
    from desktop.cli.main import main

    first, commune = enrolled_pair(tmp_path)
    add_members(first)
    first.close(backup=False)
    commune.close(backup=False)
    target = tmp_path / "copy.cellbook"
    assert main(["--lang", "en", "second-computer", str(first.path), "--out", str(target)]) == 0
    assert main(["--lang", "en", "second-computer", str(first.path), "--out", str(target)]) == 2
    copy = Book.open(target)
    original = Book.open(first.path)
    try:
        assert copy.book_id != original.book_id
        assert {p.book_id for p in peers(original)} >= {copy.book_id}
        assert {p.book_id for p in peers(copy)} >= {original.book_id}
    finally:
        copy.close(backup=False)
        original.close(backup=False)


def test_the_copy_holds_none_of_the_first_books_private_keys(tmp_path):
    from desktop.services.sync import second_computer
    from desktop.services.sync.identity import book_keys

    first, commune = enrolled_pair(tmp_path)
    keys = book_keys(first)
    second_computer.copy_for_second_computer(first, tmp_path / "copy.cellbook")
    raw = (tmp_path / "copy.cellbook").read_bytes()
    assert keys.signing_private not in raw and keys.encryption_private not in raw
    first.close(backup=False)
    commune.close(backup=False)
