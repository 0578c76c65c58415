"""Messy member lists, as secretaries have them, built in a test's folder.

The same list is written as an XLSX workbook (title rows, a header merged
over two rows with "STT", the date of birth under "Nam" / "Nữ", a blank
column, blank rows, a numbering row, dates as text, as Excel dates, as
serial numbers and as a year alone, a name in decomposed Unicode with stray
spaces, a name in capitals, a card number given twice, a member already in
the book, text in a date column, a signature block) and as CSV files in the
encodings Excel and older tools write.
"""

from __future__ import annotations

import csv
import io
import unicodedata
from datetime import date, datetime
from pathlib import Path

from desktop.data.enums import Sex
from desktop.services.book import Book
from desktop.services.members import MemberInput, MemberService

TODAY = date(2026, 11, 22)
HEADER_TOP, HEADER_BOTTOM = 7, 8
ERROR_ROWS = (14, 17, 18)
WIDTH = 12  # columns A..L; F is left blank

# fmt: off
TITLE_ROWS: dict[int, list[object]] = {
    1: ["ĐẢNG BỘ XÃ AN PHÚ", None, None, None, None, None, None, "ĐẢNG CỘNG SẢN VIỆT NAM"],
    2: ["CHI BỘ THÔN AN HÒA"],
    4: ["DANH SÁCH ĐẢNG VIÊN CHI BỘ THÔN AN HÒA"],
    5: ["(Tính đến ngày 01/11/2026)"],
}
HEADER: dict[int, list[object]] = {
    HEADER_TOP: [
        "STT", "Họ và tên", "Ngày sinh", None, "Số CCCD", None, "Điện thoại",
        "Nơi ở hiện nay", "Ngày tháng năm", None, "Số thẻ đảng viên", "Ghi chú",
    ],
    HEADER_BOTTOM: [
        None, None, "Nam", "Nữ", None, None, None, None, "Ngày vào Đảng", "Ngày chính thức",
    ],
}
# Cells merged in the workbook (a CSV file has none).
MERGES = (
    "A1:D1", "H1:L1", "A2:D2", "A4:L4", "A5:L5", "A7:A8", "B7:B8", "C7:D7", "E7:E8",
    "G7:G8", "H7:H8", "I7:J7", "K7:K8", "L7:L8",
)

NFD_NAME = unicodedata.normalize("NFD", " Trần  Thị\u00a0Bình ")

# Data rows as the workbook holds them: Excel dates, numbers Excel made of
# IDs and phone numbers, serial numbers, years alone.
DATA: dict[int, list[object]] = {
    9: [f"({n})" for n in range(1, 6)] + [None] + [f"({n})" for n in range(6, 12)],
    10: [
        1, "NGUYỄN VĂN AN", datetime(1958, 3, 12), None, 87170001234.0, None, 912345678,
        "Thôn An Hòa", "19/05/1980", "19/05/1981", "93001", None,
    ],
    11: [
        2, NFD_NAME, None, "05/07/1962", "087 162 000 321", None, "0978 111 222",
        "Thôn  An Hòa", 29000, "29400", "93002", "Miễn sinh hoạt",
    ],
    13: [3, "Lê Văn Cường", 1958, None, None, None, None, "Thôn An Hòa", None, None, "93001"],
    14: [4, "Phạm Văn Dũng", "không rõ", None, None, None, None, "Xóm Đông", None, None, "93004"],
    15: [
        5, "Hoàng Thị Em", None, datetime(1975, 8, 20), None, None, "0905 123 456", None,
        "19/05/2001", "19/05/2002",
    ],
    16: [
        6, "Đỗ Văn Phúc", "1965", None, None, None, None, "Xóm Đông", "2.3.2025", None, None,
        "Dự bị",
    ],
    17: [7, "Vũ Thị Giang", None, "31/02/1970", None, None, None, "Thôn An Hòa"],
    18: [8, "Bùi Văn Hải", "01/01/2099", None, None, None, None, "Thôn An Hòa"],
    19: [
        9, "Ngô Văn Ích", datetime(1950, 1, 15), None, None, None, "0987654321",
        "Thôn An Hòa", "3/2/75", "03/02/1976", "93009",
    ],
    20: [
        10, "Đinh Thị Kim", None, 1972, None, None, None, "Thôn An Hòa", None, None, "93010",
        "Sinh hoạt tạm thời (từ Chi bộ Trường THCS An Phú)",
    ],
    22: [None] * 7 + ["An Hòa, ngày 22 tháng 11 năm 2026"],
    23: [None, "Người lập biểu"] + [None] * 5 + ["T/M CHI BỘ"],
    24: [None] * 7 + ["BÍ THƯ"],
    26: [None, "Nguyễn Văn Lập"] + [None] * 5 + ["Trần Văn Thư"],
}
# fmt: on
IGNORED_ROWS = [9, 22, 23, 24, 26]


def messy_rows(*, with_errors: bool = True) -> dict[int, list[object]]:
    """Row number -> cells (A..L) of the whole sheet; rows with errors left
    blank (same numbering) when `with_errors` is False."""
    rows: dict[int, list[object]] = {}
    for source in (TITLE_ROWS, HEADER, DATA):
        for number, cells in source.items():
            if not with_errors and number in ERROR_ROWS:
                continue
            rows[number] = (list(cells) + [None] * WIDTH)[:WIDTH]
    return rows


def write_messy_xlsx(path: Path, *, with_errors: bool = True, sheet: str = "DS") -> Path:
    import openpyxl

    workbook = openpyxl.Workbook()
    cover = workbook.active
    cover.title = "Trống"  # an empty first sheet: the list is on the next one
    worksheet = workbook.create_sheet(sheet)
    for number, cells in messy_rows(with_errors=with_errors).items():
        for column, value in enumerate(cells, start=1):
            if value is not None:
                worksheet.cell(row=number, column=column, value=value)
    for cell_range in MERGES:
        worksheet.merge_cells(cell_range)
    worksheet["C10"].number_format = "DD/MM/YYYY"
    worksheet["E10"].number_format = "0.00E+00"
    workbook.save(path)
    return path


def _as_text(value: object) -> str:
    """What Excel writes into a CSV file for a cell."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float):
        return f"{value:.10E}"
    return str(value)


def messy_csv_text(*, with_errors: bool = True, delimiter: str = ";") -> str:
    rows = messy_rows(with_errors=with_errors)
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    for number in range(1, max(rows) + 1):
        writer.writerow([_as_text(value) for value in rows.get(number, [None] * WIDTH)])
    return buffer.getvalue()


def write_messy_csv(
    path: Path, *, encoding: str = "utf-8-sig", delimiter: str = ";", with_errors: bool = True
) -> Path:
    text = messy_csv_text(with_errors=with_errors, delimiter=delimiter)
    if encoding == "cp1258":
        path.write_bytes(to_cp1258(text))
    else:
        path.write_bytes(text.encode(encoding))
    return path


_TONES = "\u0300\u0301\u0303\u0309\u0323"


def to_cp1258(text: str) -> bytes:
    """Windows-1258 as Vietnamese Windows writes it: base letters (with their
    breve, circumflex or horn) followed by a combining tone mark."""
    out = bytearray()
    for char in unicodedata.normalize("NFC", text):
        try:
            out += char.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        parts = unicodedata.normalize("NFD", char)
        base = unicodedata.normalize("NFC", "".join(p for p in parts if p not in _TONES))
        tones = "".join(p for p in parts if p in _TONES)
        out += (base + tones).encode("cp1258")
    return bytes(out)


def add_book_members(book: Book) -> None:
    """The two members the list finds already in the book."""
    service = MemberService(book, today=TODAY)
    service.create(
        MemberInput(
            full_name="Hoàng Thị Em",
            sex=Sex.FEMALE,
            date_of_birth=date(1975, 8, 20),
            admission_date=date(2001, 5, 19),
            official_date=date(2002, 5, 19),
        )
    )
    service.create(
        MemberInput(
            full_name="Ngô Văn Ích",
            sex=Sex.MALE,
            date_of_birth=date(1950, 1, 15),
            phone="0987654321",
            address="Thôn An Hòa",
            admission_date=date(1975, 2, 3),
            official_date=date(1976, 2, 3),
            card_number="93009",
        )
    )


# What planning the messy list says, row by row (in English).
EXPECTED_REPORT: list[tuple[int, str, str, list[str]]] = [
    (10, "add", "Nguyễn Văn An", []),
    (11, "add", "Trần Thị Bình", []),
    (13, "skip", "Lê Văn Cường", ["same card number as row 10"]),
    (
        14,
        "error",
        "Phạm Văn Dũng",
        ["row 14: Date of birth: “không rõ” is not a date (write it as dd/mm/yyyy)."],
    ),
    (
        15,
        "update",
        "Hoàng Thị Em",
        ["already in the book (same name and date of birth): Phone will be updated"],
    ),
    (16, "add", "Đỗ Văn Phúc", ["Date of birth: only the year was given, recorded as 01/01/1965."]),
    (17, "error", "Vũ Thị Giang", ["row 17: Date of birth: there is no such day as 31/02/1970."]),
    (18, "error", "Bùi Văn Hải", ["row 18: Date of birth: cannot be in the future."]),
    (19, "skip", "Ngô Văn Ích", ["already in the book, nothing new"]),
    (
        20,
        "add",
        "Đinh Thị Kim",
        ["Date of birth: only the year was given, recorded as 01/01/1972."],
    ),
]


def expected_report(*, with_errors: bool = True) -> list[tuple[int, str, str, list[str]]]:
    return [row for row in EXPECTED_REPORT if with_errors or row[0] not in ERROR_ROWS]
