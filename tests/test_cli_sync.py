"""`cellbook keys export`, `enrol` and `bundle export/import`: a cell and its
commune exchange key cards and bundles through files."""

from __future__ import annotations

import hashlib
import io
import zipfile
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop.data.enums import OrgKind, Sex
from desktop.data.models import BundleLog, Member
from desktop.services.book import Book, NewBookDetails
from desktop.services.sync.identity import own_card, peers
from desktop.services.sync.keys import CARD_SUFFIX
from tests.cli_support import cli_home, run  # noqa: F401 (cli_home: autouse)

NAMES = ("Nguyễn Văn An", "Trần Thị Bình", "Lê Minh Cường")


def _book(path: Path, name: str, kind: OrgKind = OrgKind.CELL, members: int = 0) -> Path:
    book = Book.create(
        path,
        NewBookDetails(
            cell_name=name, commune_name="xã An Phú", kind=kind, term_start=date(2025, 1, 1)
        ),
        device_id=f"device-{path.stem}",
        backup_folder=path.parent / "backups",
    )
    with book.session() as session:
        for index in range(members):
            session.add(Member(full_name=NAMES[index], sex=Sex.MALE, card_number=f"0{index}"))
    book.close(backup=False)
    return path


def _add_member(path: Path, name: str) -> None:
    book = Book.open(path, device_id="device-cell", backup_folder=path.parent / "backups")
    with book.session() as session:
        session.add(Member(full_name=name, sex=Sex.FEMALE))
    book.close(backup=False)


def _fingerprint(path: Path) -> str:
    book = Book.open(path, device_id="x")
    try:
        return own_card(book).fingerprint
    finally:
        book.close(backup=False)


def _count(path: Path, model: type, *where: object) -> int:
    book = Book.open(path, device_id="x")
    try:
        with book.reader() as session:
            return int(session.scalar(select(func.count()).select_from(model).where(*where)) or 0)
    finally:
        book.close(backup=False)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _tampered(data: bytes) -> bytes:
    """The bundle with one byte of its records changed, repacked as a sound zip."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            member = bytearray(source.read(info))
            if info.filename == "0002-records.bin":
                member[len(member) // 2] ^= 0x01
            target.writestr(info, bytes(member))
    return out.getvalue()


@pytest.fixture
def books(tmp_path: Path) -> tuple[Path, Path]:
    cell = _book(tmp_path / "cell.cellbook", "Chi bộ thôn An Hòa", members=3)
    commune = _book(tmp_path / "commune.cellbook", "Đảng ủy xã An Phú", OrgKind.COMMUNE)
    return cell, commune


def _cards(capsys: pytest.CaptureFixture[str], cell: Path, commune: Path, folder: Path) -> None:
    """Key cards exported and enrolled both ways (--yes, as a script does)."""
    folder.mkdir()
    code, out, err = run(capsys, "keys", "export", str(cell), "--out", str(folder))
    assert (code, err) == (0, "")
    cell_card = folder / f"chi-bo-thon-an-hoa{CARD_SUFFIX}"
    assert cell_card.is_file()
    assert f"Fingerprint: {_fingerprint(cell)}" in out
    commune_card = folder / "commune.card"
    assert run(capsys, "keys", "export", str(commune), "--out", str(commune_card))[0] == 0

    code, out, err = run(capsys, "enrol", str(commune), str(cell_card), "--yes")
    assert (code, err) == (0, "")
    assert "Key card of: Chi bộ thôn An Hòa" in out and _fingerprint(cell) in out
    assert "a cell under this commune committee" in out
    assert "Enrolled Chi bộ thôn An Hòa." in out
    code, out, _err = run(capsys, "enrol", str(cell), str(commune_card), "--yes")
    assert code == 0 and "Enrolled Đảng ủy xã An Phú." in out
    code, out, _err = run(capsys, "enrol", str(cell), str(commune_card), "--yes")
    assert code == 0 and "was enrolled already" in out


def test_round_trip_through_files(
    books: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cell, commune = books
    _cards(capsys, cell, commune, tmp_path / "cards")
    outbox = tmp_path / "stick"
    outbox.mkdir()

    code, out, err = run(capsys, "bundle", "export", str(cell), "--out", str(outbox))
    assert (code, err) == (0, "")
    assert "Made bundle 1 for Đảng ủy xã An Phú" in out
    assert "Members: 3" in out
    [first] = list(outbox.iterdir())
    assert first.name.endswith(".cellbook-bundle")

    code, out, err = run(capsys, "bundle", "import", str(commune), str(first))
    assert (code, err) == (0, "")
    assert "Bundle 1 from Chi bộ thôn An Hòa is imported." in out
    assert "Members: 3" in out and "A backup copy was made before the import" in out
    assert _count(commune, Member) == 3

    code, out, err = run(capsys, "bundle", "import", str(commune), str(first))
    assert (code, err) == (0, "")
    assert "was imported before. Nothing needed to change." in out

    # A bundle changed on its way is refused and the commune's book stays as it was.
    _add_member(cell, "Phạm Thị Dung")
    second = tmp_path / "second.cellbook-bundle"
    assert run(capsys, "bundle", "export", str(cell), "--out", str(second))[0] == 0
    tampered = tmp_path / "tampered.cellbook-bundle"
    tampered.write_bytes(_tampered(second.read_bytes()))
    before = _digest(commune)
    code, out, err = run(capsys, "bundle", "import", str(commune), str(tampered))
    assert code == 2
    assert "tampered.cellbook-bundle: refused." in err
    assert "changed since it was signed" in err and "Nothing was changed." in err
    assert _digest(commune) == before
    assert _count(commune, Member) == 3

    # The untouched bundle and the commune's answer go through.
    code, out, _err = run(capsys, "bundle", "import", str(commune), str(second))
    assert code == 0 and "Bundle 2 from Chi bộ thôn An Hòa is imported." in out
    assert _count(commune, Member) == 4
    code, out, _err = run(capsys, "bundle", "export", str(commune), "--out", str(outbox))
    assert code == 0 and "Made bundle 1 for Chi bộ thôn An Hòa" in out
    back = next(path for path in outbox.iterdir() if path.name.startswith("dang-uy"))
    code, out, _err = run(capsys, "bundle", "import", str(cell), str(back))
    assert code == 0 and "Bundle 1 from Đảng ủy xã An Phú is imported." in out
    assert _count(cell, BundleLog, BundleLog.direction == "in") == 1


def test_import_reports_each_bundle_and_fails_if_any_is_refused(
    books: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cell, commune = books
    _cards(capsys, cell, commune, tmp_path / "cards")
    first = tmp_path / "first.cellbook-bundle"
    assert run(capsys, "bundle", "export", str(cell), "--out", str(first))[0] == 0
    not_a_bundle = tmp_path / "notes.cellbook-bundle"
    not_a_bundle.write_text("hello", encoding="utf-8")
    code, out, err = run(
        capsys,
        "bundle",
        "import",
        str(commune),
        str(first),
        str(not_a_bundle),
        str(tmp_path / "missing.cellbook-bundle"),
    )
    assert code == 2
    assert "first.cellbook-bundle: Bundle 1 from Chi bộ thôn An Hòa is imported." in out
    assert "notes.cellbook-bundle: refused. This file is not a CellBook bundle." in err
    assert "missing.cellbook-bundle: refused. The file cannot be read" in err


def test_export_needs_an_enrolled_book_and_says_which_when_several(
    books: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cell, commune = books
    code, _out, err = run(capsys, "bundle", "export", str(cell), "--out", str(tmp_path))
    assert code == 2 and "No book is enrolled" in err

    _cards(capsys, cell, commune, tmp_path / "cards")
    other = _book(tmp_path / "other.cellbook", "Chi bộ thôn Phú Lộc")
    card = tmp_path / "other.card"
    assert run(capsys, "keys", "export", str(other), "--out", str(card))[0] == 0
    assert run(capsys, "enrol", str(commune), str(card), "--yes")[0] == 0

    code, _out, err = run(capsys, "bundle", "export", str(commune), "--out", str(tmp_path))
    assert code == 2
    assert "Several books are enrolled" in err and "Chi bộ thôn Phú Lộc" in err
    code, _out, err = run(
        capsys, "bundle", "export", str(commune), "--out", str(tmp_path), "--to", "Nowhere"
    )
    assert code == 2 and "No enrolled book is called “Nowhere”" in err
    code, out, err = run(
        capsys, "bundle", "export", str(commune), "--out", str(tmp_path), "--to", "phu loc"
    )
    assert (code, err) == (0, "")
    assert "Made bundle 1 for Chi bộ thôn Phú Lộc" in out
    code, out, _err = run(
        capsys, "bundle", "export", str(commune), "--out", str(tmp_path), "--to", "phu", "--full"
    )
    assert code == 0 and "Made full bundle 2 for Chi bộ thôn Phú Lộc" in out
    assert (
        tmp_path / "dang-uy-xa-an-phu--chi-bo-thon-phu-loc--day-du-0002.cellbook-bundle"
    ).is_file()


def test_enrol_refuses_without_a_terminal_or_yes(
    books: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch
) -> None:
    cell, commune = books
    card = tmp_path / "cell.card"
    assert run(capsys, "keys", "export", str(cell), "--out", str(card))[0] == 0
    monkeypatch.setattr("sys.stdin", io.StringIO("y\n"))  # piped: not a terminal
    before = _digest(commune)
    code, out, err = run(capsys, "enrol", str(commune), str(card))
    assert code == 2
    assert _fingerprint(cell) in out  # shown, so it can be compared
    assert "Not enrolled: the fingerprints must be compared by eye first" in err
    assert "--yes" in err
    assert _digest(commune) == before


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(("answer", "enrolled"), [("n\n", False), ("y\n", True), ("", False)])
def test_enrol_asks_on_a_terminal(
    books: tuple[Path, Path],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch,
    answer: str,
    enrolled: bool,
) -> None:
    cell, commune = books
    card = tmp_path / "cell.card"
    assert run(capsys, "keys", "export", str(cell), "--out", str(card))[0] == 0
    monkeypatch.setattr("sys.stdin", _Terminal(answer))
    code, out, err = run(capsys, "enrol", str(commune), str(card))
    assert "Do the fingerprints match? [y/N]" in out
    book = Book.open(commune, device_id="x")
    try:
        assert bool(peers(book)) is enrolled
    finally:
        book.close(backup=False)
    if enrolled:
        assert (code, err) == (0, "")
    else:
        assert code == 2 and "the fingerprints were not confirmed" in err


def test_enrol_refuses_what_is_not_a_card_in_plain_words(
    books: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cell, commune = books
    note = tmp_path / "note.txt"
    note.write_text("{}", encoding="utf-8")
    code, _out, err = run(capsys, "enrol", str(commune), str(note), "--yes")
    assert code == 2 and "Not enrolled: This file is not a CellBook key card." in err
    own = tmp_path / "own.card"
    assert run(capsys, "keys", "export", str(commune), "--out", str(own))[0] == 0
    code, _out, err = run(capsys, "enrol", str(commune), str(own), "--yes")
    assert code == 2 and "own key card" in err
    code, _out, err = run(capsys, "enrol", str(commune), str(tmp_path / "gone.card"), "--yes")
    assert code == 2 and "cannot be read" in err
