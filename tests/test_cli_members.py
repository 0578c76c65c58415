"""`cellbook members import` and `cellbook members export`."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import text

from desktop.cli.main import main
from desktop.services.book import Book, NewBookDetails
from desktop.services.members import MemberService
from tests.fixtures_members import add_book_members, write_messy_csv, write_messy_xlsx


@pytest.fixture
def book_file(tmp_path: Path) -> Path:
    """A closed book holding the two members the messy list finds."""
    path = tmp_path / "an-hoa.cellbook"
    book = Book.create(path, NewBookDetails(cell_name="Thôn An Hòa", commune_name="An Phú"))
    add_book_members(book)
    book.close(backup=False)
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["--lang", "en", *argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def members(path: Path) -> list[tuple[object, ...]]:
    book = Book.open(path)
    try:
        with book.reader() as session:
            return [tuple(row) for row in session.execute(text("SELECT * FROM member ORDER BY id"))]
    finally:
        book.close(backup=False)


def names(path: Path) -> list[str]:
    book = Book.open(path)
    try:
        return [row.full_name for row in MemberService(book).rows()]
    finally:
        book.close(backup=False)


EXPECTED_LINES = [
    "row 10    add     Nguyễn Văn An",
    "row 11    add     Trần Thị Bình",
    "row 13    skip    Lê Văn Cường",
    "                    same card number as row 10",
    "row 14    error   Phạm Văn Dũng",
    "                    row 14: Date of birth: “không rõ” is not a date (write it as dd/mm/yyyy).",
    "row 15    update  Hoàng Thị Em",
    "                    already in the book (same name and date of birth): Phone will be updated",
    "row 16    add     Đỗ Văn Phúc",
    "                    Date of birth: only the year was given, recorded as 01/01/1965.",
    "row 17    error   Vũ Thị Giang",
    "                    row 17: Date of birth: there is no such day as 31/02/1970.",
    "row 18    error   Bùi Văn Hải",
    "                    row 18: Date of birth: cannot be in the future.",
    "row 19    skip    Ngô Văn Ích",
    "                    already in the book, nothing new",
    "row 20    add     Đinh Thị Kim",
    "                    Date of birth: only the year was given, recorded as 01/01/1972.",
    "",
    "Rows passed over (no name, headings, the signature block): 9, 22–24, 26",
    "",
    "10 rows: 4 to add, 1 to update, 2 to skip, 3 with errors.",
]


def test_a_list_with_errors_is_reported_and_nothing_written(
    book_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    listing = write_messy_xlsx(tmp_path / "ds.xlsx")
    before = members(book_file)
    code, out, err = run(capsys, "members", "import", str(book_file), str(listing))
    assert code == 2
    lines = out.splitlines()
    assert lines[0] == f"List: {listing} (sheet “DS”), header on row 7–8"
    assert lines[2:] == EXPECTED_LINES
    assert "Nothing was written" in err
    assert members(book_file) == before

    code, out, err = run(capsys, "members", "import", str(book_file), str(listing), "--dry-run")
    assert code == 2 and out.splitlines()[2:] == EXPECTED_LINES
    assert members(book_file) == before


def test_a_dry_run_writes_nothing_and_an_import_writes_everything(
    book_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    listing = write_messy_csv(tmp_path / "ds.csv", with_errors=False)
    before = members(book_file)
    code, out, err = run(capsys, "members", "import", str(book_file), str(listing), "--dry-run")
    assert (code, err) == (0, "")
    assert out.splitlines()[-2:] == [
        "7 rows: 4 to add, 1 to update, 2 to skip, 0 with errors.",
        "Dry run: nothing was written.",
    ]
    assert members(book_file) == before

    code, out, err = run(capsys, "members", "import", str(book_file), str(listing))
    assert (code, err) == (0, "")
    last = out.splitlines()[-1]
    assert last.startswith("Done: 4 added, 1 updated. A backup copy was made first: ")
    assert Path(last.split(": ", 2)[-1]).exists()
    assert names(book_file) == [
        "Nguyễn Văn An",
        "Trần Thị Bình",
        "Hoàng Thị Em",
        "Ngô Văn Ích",
        "Đinh Thị Kim",
        "Đỗ Văn Phúc",
    ]


def test_the_sheet_can_be_named(
    book_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    listing = write_messy_xlsx(tmp_path / "ds.xlsx")
    code, out, err = run(
        capsys, "members", "import", str(book_file), str(listing), "--sheet", "Trống"
    )
    assert code == 2 and out == ""
    assert "No column for the full name was found in “ds.xlsx”" in err
    code, out, err = run(
        capsys, "members", "import", str(book_file), str(listing), "--sheet", "Khác", "--dry-run"
    )
    assert code == 2 and "no sheet named “Khác”. Its sheets are: Trống, DS." in err


def test_export(book_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(
        capsys, "members", "export", str(book_file), "--out", str(tmp_path / "list.xlsx")
    )
    assert (code, err) == (0, "")
    assert out.strip() == f"Wrote 2 members to {tmp_path / 'list.xlsx'}."
    sheet = openpyxl.load_workbook(tmp_path / "list.xlsx").active
    assert [sheet.cell(row=r, column=2).value for r in (5, 6)] == ["Hoàng Thị Em", "Ngô Văn Ích"]
    code, out, _err = run(
        capsys,
        "members",
        "export",
        str(book_file),
        "--out",
        str(tmp_path / "all"),
        "--include-past",
    )
    assert code == 0 and out.strip() == f"Wrote 2 members to {tmp_path / 'all.xlsx'}."


def test_members_needs_an_action(capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = run(capsys, "members")
    assert code == 2 and "import" in err and "export" in err
