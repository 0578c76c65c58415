"""`cellbook export`: a month's documents, or one document of a meeting."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from docx import Document as WordDocument
from pypdf import PdfReader
from sqlalchemy import func, select

from desktop.data.enums import MeetingKind, MeetingState
from desktop.data.models import DocumentRecord, Meeting
from desktop.services.book import Book
from tests.cli_support import cli_home, make_demo, run  # noqa: F401 (cli_home: autouse)

UNTIL = "2026-11-22"


@pytest.fixture(scope="module")
def demo_master(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_demo(tmp_path_factory.mktemp("export-demo"), UNTIL)


@pytest.fixture
def book(demo_master: Path, tmp_path: Path) -> Path:
    target = tmp_path / "an-hoa.cellbook"
    shutil.copy(demo_master, target)
    return target


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def register_count(path: Path) -> int:
    book = Book.open(path)
    try:
        with book.reader() as session:
            return session.scalar(select(func.count()).select_from(DocumentRecord)) or 0
    finally:
        book.close(backup=False)


def last_regular_meeting(path: Path) -> str:
    book = Book.open(path)
    try:
        with book.reader() as session:
            return session.scalars(
                select(Meeting.id)
                .where(Meeting.kind == MeetingKind.REGULAR, Meeting.state == MeetingState.ADOPTED)
                .order_by(Meeting.scheduled_on.desc())
            ).first()
    finally:
        book.close(backup=False)


def test_a_month_is_written_as_pdf_and_word(
    capsys: pytest.CaptureFixture[str], book: Path, tmp_path: Path
) -> None:
    out = tmp_path / "thang-11"
    code, printed, _err = run(capsys, "export", str(book), "--month", "2026-11", "--out", str(out))
    assert code == 0, _err
    names = sorted(path.name for path in out.iterdir())
    for stem in ("bien-ban-2026-11", "nghi-quyet-2026-11", "bao-cao-2026-11", "thong-bao-2026-11"):
        assert f"{stem}.pdf" in names and f"{stem}.docx" in names
    assert any(name.startswith("danh-sach-du-hop") for name in names)
    assert any(name.startswith("kien-nghi") for name in names)
    assert any(name.startswith("danh-sach-dang-vien") for name in names)
    assert f"{len(names)} files written." in printed

    minutes = pdf_text(out / "bien-ban-2026-11.pdf")
    assert "BIÊN BẢN" in minutes and "ĐẢNG CỘNG SẢN VIỆT NAM" in minutes
    assert "-BB/CB" in minutes
    resolution = pdf_text(out / "nghi-quyet-2026-11.pdf")
    assert "NGHỊ QUYẾT" in resolution and "Nơi nhận" in resolution
    word = WordDocument(str(out / "bien-ban-2026-11.docx"))
    assert any("BIÊN BẢN" in p.text for p in word.paragraphs)


def test_exporting_a_month_again_keeps_the_numbers(
    capsys: pytest.CaptureFixture[str], book: Path, tmp_path: Path
) -> None:
    before = register_count(book)
    assert (
        run(capsys, "export", str(book), "--month", "2026-11", "--out", str(tmp_path / "a"))[0] == 0
    )
    issued = register_count(book)
    assert issued > before  # the month's report and notice get numbers when first written
    first = pdf_text(tmp_path / "a" / "bao-cao-2026-11.pdf")
    assert (
        run(capsys, "export", str(book), "--month", "2026-11", "--out", str(tmp_path / "b"))[0] == 0
    )
    assert register_count(book) == issued
    again = pdf_text(tmp_path / "b" / "bao-cao-2026-11.pdf")
    number = next(line for line in first.splitlines() if "-BC/CB" in line)
    assert number in again


def test_one_document_of_a_meeting(
    capsys: pytest.CaptureFixture[str], book: Path, tmp_path: Path
) -> None:
    meeting = last_regular_meeting(book)
    target = tmp_path / "nq.pdf"
    code, printed, _err = run(
        capsys,
        "export",
        str(book),
        "--meeting",
        meeting[:8],
        "--kind",
        "resolution",
        "--out",
        str(target),
    )
    assert code == 0, _err
    assert "NGHỊ QUYẾT" in pdf_text(target)
    assert "1 file written." in printed

    folder = tmp_path / "both"
    assert (
        run(
            capsys,
            "export",
            str(book),
            "--meeting",
            meeting,
            "--kind",
            "attendance",
            "--out",
            str(folder),
        )[0]
        == 0
    )
    assert sorted(path.suffix for path in folder.iterdir()) == [".docx", ".pdf"]


def test_bad_requests_are_refused_plainly(
    capsys: pytest.CaptureFixture[str], book: Path, tmp_path: Path
) -> None:
    code, _out, err = run(capsys, "export", str(book), "--month", "11/2026", "--out", str(tmp_path))
    assert code == 2 and "YYYY-MM" in err
    code, _out, err = run(
        capsys, "export", str(book), "--meeting", "zzzz", "--out", str(tmp_path / "x.pdf")
    )
    assert code == 2 and "No single meeting" in err
    assert not (tmp_path / "x.pdf").exists()
