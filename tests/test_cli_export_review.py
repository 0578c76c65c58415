"""`cellbook export --review-year`: a year's annual review as PDF and Word files."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from docx import Document as WordDocument
from pypdf import PdfReader
from sqlalchemy import func, select

from desktop.data.models import DocumentRecord
from desktop.services.book import Book, NewBookDetails
from tests.cli_support import cli_home, run  # noqa: F401 (cli_home: autouse)
from tests.export.review_book import make_small_review

FILES = (
    "bien-ban-kiem-diem-2026",
    "bao-cao-xep-loai-2026",
    "bao-cao-kiem-diem-chi-bo-2026",
    "ban-kiem-diem-2026-nguyen-van-an",
    "ban-kiem-diem-2026-tran-thi-bich",
    "ban-kiem-diem-2026-le-van-cuong",
    "ban-kiem-diem-2026-pham-thi-dung",
    "ban-kiem-diem-mau-2a",
    "ban-kiem-diem-mau-2b",
    "ban-kiem-diem-mau-2c",
    "ban-kiem-diem-mau-probationary",
)


@pytest.fixture
def book_file(tmp_path: Path) -> Path:
    path = tmp_path / "an-hoa.cellbook"
    book = Book.create(
        path,
        NewBookDetails(cell_name="Thôn An Hòa", commune_name="An Phú", term_start=date(2025, 1, 1)),
        device_id="test-device",
        backup_folder=tmp_path / "backups",
    )
    try:
        make_small_review(book)
    finally:
        book.close(backup=False)
    return path


def pdf_text(path: Path) -> str:
    return " ".join("\n".join(page.extract_text() for page in PdfReader(path).pages).split())


def register_count(path: Path) -> int:
    book = Book.open(path)
    try:
        with book.reader() as session:
            return session.scalar(select(func.count()).select_from(DocumentRecord)) or 0
    finally:
        book.close(backup=False)


def test_a_years_review_is_written_as_pdf_and_word(
    capsys: pytest.CaptureFixture[str], book_file: Path, tmp_path: Path
) -> None:
    out = tmp_path / "kiem-diem"
    code, printed, err = run(
        capsys, "export", str(book_file), "--review-year", "2026", "--out", str(out)
    )
    assert code == 0, err
    names = sorted(path.name for path in out.iterdir())
    assert names == sorted(f"{stem}.{fmt}" for stem in FILES for fmt in ("pdf", "docx"))
    assert "22 files written." in printed
    assert printed.splitlines()[0] == str(out / "bien-ban-kiem-diem-2026.pdf")

    minutes = pdf_text(out / "bien-ban-kiem-diem-2026.pdf")
    assert "BIÊN BẢN" in minutes and "Số 01-BB/CB" in minutes
    assert "Nguyễn Văn An" in minutes and "Phạm Thị Dung" in minutes
    summary = pdf_text(out / "bao-cao-xep-loai-2026.pdf")
    assert "BÁO CÁO" in summary and "Số 01-BC/CB" in summary and "Nơi nhận" in summary
    assert "Số 02-BC/CB" in pdf_text(out / "bao-cao-kiem-diem-chi-bo-2026.pdf")
    form = pdf_text(out / "ban-kiem-diem-2026-le-van-cuong.pdf")
    assert "Mẫu 2C-HD KĐ.ĐG" in form and "BẢN KIỂM ĐIỂM CÁ NHÂN" in form
    assert "BẢN TỰ KIỂM ĐIỂM" in pdf_text(out / "ban-kiem-diem-mau-probationary.pdf")
    word = WordDocument(str(out / "ban-kiem-diem-2026-nguyen-van-an.docx"))
    assert any("BẢN KIỂM ĐIỂM CÁ NHÂN" in p.text for p in word.paragraphs)
    assert any("I. ƯU ĐIỂM, KẾT QUẢ ĐẠT ĐƯỢC" in p.text for p in word.paragraphs)

    # Written again: the same numbers, none issued twice.
    issued = register_count(book_file)
    assert issued == 3
    again = tmp_path / "lan-hai"
    assert (
        run(capsys, "export", str(book_file), "--review-year", "2026", "--out", str(again))[0] == 0
    )
    assert register_count(book_file) == issued
    assert "Số 01-BB/CB" in pdf_text(again / "bien-ban-kiem-diem-2026.pdf")


def test_pdf_only(capsys: pytest.CaptureFixture[str], book_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "pdf"
    code, printed, err = run(
        capsys,
        "export",
        str(book_file),
        "--review-year",
        "2026",
        "--out",
        str(out),
        "--format",
        "pdf",
    )
    assert code == 0, err
    assert sorted(path.name for path in out.iterdir()) == sorted(f"{s}.pdf" for s in FILES)
    assert "11 files written." in printed


def test_a_year_without_a_review_is_refused(
    capsys: pytest.CaptureFixture[str], book_file: Path, tmp_path: Path
) -> None:
    out = tmp_path / "none"
    code, printed, err = run(
        capsys, "export", str(book_file), "--review-year", "2025", "--out", str(out)
    )
    assert code == 2
    assert "no annual review for 2025" in err and "Nothing was written" in err
    assert printed == ""
    assert not out.exists()
    assert register_count(book_file) == 0


def test_review_year_goes_alone_and_is_a_year(
    capsys: pytest.CaptureFixture[str], book_file: Path, tmp_path: Path
) -> None:
    code, _out, err = run(
        capsys,
        "export",
        str(book_file),
        "--review-year",
        "2026",
        "--month",
        "2026-12",
        "--out",
        str(tmp_path / "both"),
    )
    assert code == 2 and "not allowed with argument" in err
    code, _out, err = run(
        capsys, "export", str(book_file), "--review-year", "26", "--out", str(tmp_path / "x")
    )
    assert code == 2 and "YYYY" in err
    assert not (tmp_path / "both").exists() and not (tmp_path / "x").exists()
