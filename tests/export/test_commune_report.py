"""The commune's report of a month, as PDF and as an Excel workbook, from the
records its cells handed up (`tests/services/commune_books.py`)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from io import BytesIO

import openpyxl
import pytest
from pypdf import PdfReader

from desktop.export.commune_xlsx import export_commune_report
from desktop.export.documents.common import document_gettext
from desktop.export.documents.commune_report import build_commune_report, level_initials
from desktop.export.pdf import pdf_bytes
from tests.services.commune_books import FEBRUARY, MARCH, TODAY, Books, make_books

_vi = document_gettext("vi")


@pytest.fixture(scope="module")
def books(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Books]:
    made = make_books(tmp_path_factory.mktemp("commune"))
    yield made
    made.close()


def pdf_text(data: bytes) -> str:
    reader = PdfReader(BytesIO(data))
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


def test_level_initials(books):
    rules = books.commune.rules
    assert [level_initials(rules, band.id, "vi") for band in rules.rating_levels] == [
        "HTXSNV",
        "HTTNV",
        "HTNV",
        "KHTNV",
    ]
    assert level_initials(rules, "not_completed", "en") == "NC"


def test_the_report_as_a_document(books):
    document = build_commune_report(books.commune, MARCH, today=TODAY)
    assert document.kind == "commune_report"
    assert document.header.issuing_body == "ĐẢNG ỦY XÃ AN PHÚ"
    assert document.header.superior_body == "ĐẢNG BỘ XÃ AN PHÚ"
    assert document.header.number_symbol.endswith("-BC/ĐU")
    assert document.header.place_date == "An Phú, ngày 20 tháng 03 năm 2026"
    assert document.title == _vi("REPORT")
    assert document.summary == (
        _vi("The meetings of the party cells in {month}").format(month="03/2026"),
    )
    assert document.file_stem == "bao-cao-sinh-hoat-cac-chi-bo-2026-03"
    text = document.plain_text()
    assert "1 | Thôn An Hòa | " in text
    assert " | 1 | 0 | 1 | 3/4 (75%) | Tốt (92) | 1" in text
    assert "2 | Thôn Bình Minh | " in text
    assert " | 1 | 0 | 0 | 2/2 (100%) | Khá (85) | 0" in text
    assert "3 | Thôn Cầu Đá | " + _vi("no bundle yet") in text
    assert " | 2 | 0 | 1 | 5/6 (83,33%) | " in text
    assert "1 | Thôn An Hòa | 2 | 69 | 2025 | 1 | 1 | 1 | 0 | 3 | " in text
    assert _vi("{level} (proposed)").format(level="HTTNV") in text
    # Who needs attention, and why.
    lines = text.splitlines()
    an_hoa = next(line for line in lines if line.startswith("- Thôn An Hòa: "))
    assert _vi("attendance under 80% ({rate})").format(rate="75%") in an_hoa
    assert (
        _vi("recommendations waiting more than {limit} days: {count}").format(limit=30, count=1)
        in an_hoa
    )
    assert "- Thôn Bình Minh: " + _vi("no thematic meeting in the quarter") + "." in lines
    assert "- Thôn Cầu Đá: " + _vi("no bundle received yet") + "." in lines
    assert _vi("ON BEHALF OF THE PARTY COMMITTEE") in lines


def test_another_month(books):
    text = build_commune_report(books.commune, FEBRUARY, today=TODAY).plain_text()
    assert " | 1 | 1 | 0 | 4/4 (100%) | Tốt (90) | 1" in text
    assert "- Thôn Bình Minh: " + _vi("no regular meeting reported for the month") + "." in text
    assert "Ngày 28 tháng 02 năm 2026".lower() in text.lower()


def test_the_pdf(books):
    data = pdf_bytes(build_commune_report(books.commune, MARCH, today=TODAY))
    assert data.startswith(b"%PDF")
    text = pdf_text(data)
    for expected in (
        "ĐẢNG ỦY XÃ AN PHÚ",
        _vi("REPORT"),
        "Thôn An Hòa",
        "Thôn Bình Minh",
        "Thôn Cầu Đá",
        "3/4 (75%)",
        "Tốt (92)",
        "Khá (85)",
        "5/6 (83,33%)",
        "HTXSNV",
        "KHTNV",
    ):
        assert expected in text, expected


def test_the_workbook(books, tmp_path):
    path = export_commune_report(books.commune, MARCH, tmp_path / "bao-cao", today=TODAY)
    assert path.name == "bao-cao.xlsx"
    workbook = openpyxl.load_workbook(path)
    sheet = workbook.active
    assert sheet.title == "03-2026"
    assert sheet["A1"].value == "ĐẢNG ỦY XÃ AN PHÚ"
    assert (
        sheet["A2"].value
        == _vi("The meetings of the party cells in {month}").format(month="03/2026").upper()
    )
    header = [cell.value for cell in sheet[5]]
    assert header[:3] == [_vi("No."), _vi("Party cell"), _vi("Last bundle received")]
    assert header[16:20] == ["HTXSNV", "HTTNV", "HTNV", "KHTNV"]
    assert all(cell.font.bold for cell in sheet[5])
    rows = {row[1].value: row for row in sheet.iter_rows(min_row=6)}
    an_hoa = [cell.value for cell in rows["Thôn An Hòa"]]
    assert an_hoa[0] == 1
    assert isinstance(an_hoa[2], datetime)
    assert rows["Thôn An Hòa"][2].number_format == "DD/MM/YYYY"
    # bundles, regular, thematic, extraordinary, present, expected, rate, points, grade
    assert an_hoa[3:12] == [1, 1, 0, 1, 3, 4, 0.75, 92, "Tốt"]
    assert rows["Thôn An Hòa"][9].number_format == "0.0%"
    # thematic in the quarter, waiting, oldest, review year, the four levels, not decided
    assert an_hoa[12:21] == [1, 2, 69, 2025, 1, 1, 1, 0, 3]
    assert an_hoa[21] == _vi("{level} (proposed)").format(level="Hoàn thành tốt nhiệm vụ")
    binh_minh = [cell.value for cell in rows["Thôn Bình Minh"]]
    assert binh_minh[3:12] == [2, 1, 0, 0, 2, 2, 1, 85, "Khá"]
    assert binh_minh[22] == _vi("no thematic meeting in the quarter")
    cau_da = [cell.value for cell in rows["Thôn Cầu Đá"]]
    assert cau_da[2] == _vi("no bundle yet")
    assert cau_da[3:21] == [0] + [None] * 17
    total = [cell.value for cell in rows[_vi("Total")]]
    assert total[3:10] == [3, 2, 0, 1, 5, 6, pytest.approx(5 / 6)]
    assert all(cell.font.bold for cell in rows[_vi("Total")])
    assert sheet.column_dimensions["B"].width >= 22
    assert sheet.freeze_panes == "C6"


def test_a_month_without_meetings(books, tmp_path):
    path = export_commune_report(
        books.commune, date(2025, 7, 1), tmp_path / "thang-7.xlsx", today=TODAY
    )
    sheet = openpyxl.load_workbook(path).active
    rows = {row[1].value: [cell.value for cell in row] for row in sheet.iter_rows(min_row=6)}
    assert rows["Thôn An Hòa"][4:10] == [0, 0, 0, 0, 0, None]
