"""The list of members as an Excel workbook for the commune.

The document is Vietnamese whatever the app's language: a title, the date
it was made, a bold header row that stays in view, one row per member in
Vietnamese name order. Dates are real Excel dates shown dd/mm/yyyy; ID,
phone and card numbers are text, so Excel keeps their leading zeros and
never shows them as 8.7E+10. The import reads this layout back.
"""

from __future__ import annotations

import os
import tempfile
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select

from desktop.data.enums import CURRENT_STATUSES, MemberStatus, Sex
from desktop.data.models import Member
from desktop.services.book import Book, default_issuer_line

if TYPE_CHECKING:
    from openpyxl import Workbook

FONT = "Times New Roman"
DATE_FORMAT = "DD/MM/YYYY"
TEXT_FORMAT = "@"
HEADER_ROW = 4
SHEET_TITLE = "Danh sách đảng viên"

# (header, width in characters, what the column holds)
COLUMNS: tuple[tuple[str, int, str], ...] = (
    ("STT", 5, "number"),
    ("Họ và tên", 24, "full_name"),
    ("Giới tính", 8, "sex"),
    ("Ngày sinh", 11, "date_of_birth"),
    ("Số CCCD", 14, "citizen_id"),
    ("Điện thoại", 12, "phone"),
    ("Nơi ở", 26, "address"),
    ("Ngày vào Đảng", 11, "admission_date"),
    ("Ngày chính thức", 11, "official_date"),
    ("Số thẻ đảng viên", 12, "card_number"),
    ("Tình trạng", 18, "status"),
    ("Dân tộc", 8, "ethnicity"),
    ("Tôn giáo", 9, "religion"),
    ("Trình độ học vấn", 10, "education_level"),
    ("Lý luận chính trị", 11, "theory_level"),
    ("Ghi chú", 24, "notes"),
)
TEXT_FIELDS = frozenset({"citizen_id", "phone", "card_number"})
DATE_FIELDS = frozenset({"date_of_birth", "admission_date", "official_date"})
MAX_WIDTH = 45

SEX_WORDS = {Sex.MALE: "Nam", Sex.FEMALE: "Nữ"}
STATUS_WORDS = {
    MemberStatus.FULL: "Đảng viên chính thức",
    MemberStatus.PROBATIONARY: "Đảng viên dự bị",
    MemberStatus.EXEMPT: "Miễn công tác và sinh hoạt đảng",
    MemberStatus.ATTACHED: "Sinh hoạt tạm thời",
    MemberStatus.AWAY: "Chuyển sinh hoạt tạm thời đi",
    MemberStatus.TRANSFERRED: "Đã chuyển sinh hoạt chính thức",
    MemberStatus.DECEASED: "Đã từ trần",
    MemberStatus.REMOVED: "Đã xóa tên",
}


def list_title(book: Book) -> str:
    """ "DANH SÁCH ĐẢNG VIÊN CHI BỘ THÔN AN HÒA"."""
    org = book.organisation()
    issuer = org.issuer_line or default_issuer_line(org.name, org.kind)
    return f"DANH SÁCH ĐẢNG VIÊN {issuer}".upper()


def export_members(
    book: Book, path: Path | str, *, include_past: bool = False, today: date | None = None
) -> Path:
    """Write the members (current ones, or everyone with `include_past`) to an
    XLSX file; returns its path (".xlsx" is added when the name lacks it).
    The file is written whole or not at all."""
    import openpyxl
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.utils import get_column_letter

    target = Path(path)
    if target.suffix.lower() != ".xlsx":
        target = target.with_name(target.name + ".xlsx")
    made_on = today or date.today()
    members = _members(book, include_past)
    title = list_title(book)

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = SHEET_TITLE
    last_column = get_column_letter(len(COLUMNS))
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    plain = Font(name=FONT, size=12)

    sheet["A1"] = title
    sheet["A1"].font = Font(name=FONT, size=14, bold=True)
    sheet["A2"] = f"(Tính đến ngày {made_on.day:02d}/{made_on.month:02d}/{made_on.year})"
    sheet["A2"].font = Font(name=FONT, size=12, italic=True)
    for cell in ("A1", "A2"):
        sheet.merge_cells(f"{cell}:{last_column}{cell[1:]}")
        sheet[cell].alignment = Alignment(horizontal="center", vertical="center")

    widths = [width for _header, width, _field in COLUMNS]
    for index, (header, _width, _field) in enumerate(COLUMNS, start=1):
        cell = sheet.cell(row=HEADER_ROW, column=index, value=header)
        cell.font = Font(name=FONT, size=12, bold=True)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = border

    for number, member in enumerate(members, start=1):
        row = HEADER_ROW + number
        for index, (_header, _width, name) in enumerate(COLUMNS, start=1):
            value = _value(member, name, number)
            cell = sheet.cell(row=row, column=index, value=value)
            cell.font = plain
            cell.border = border
            cell.alignment = Alignment(vertical="center", wrap_text=name in ("address", "notes"))
            if name in DATE_FIELDS:
                cell.number_format = DATE_FORMAT
                cell.alignment = Alignment(horizontal="center", vertical="center")
            elif name in TEXT_FIELDS:
                cell.number_format = TEXT_FORMAT
            elif name in ("number", "sex"):
                cell.alignment = Alignment(horizontal="center", vertical="center")
            if isinstance(value, str) and name not in DATE_FIELDS:
                longest = max((len(line) for line in value.splitlines()), default=0)
                widths[index - 1] = min(max(widths[index - 1], longest + 2), MAX_WIDTH)

    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.row_dimensions[HEADER_ROW].height = 32
    last_row = HEADER_ROW + max(len(members), 1)
    sheet.freeze_panes = f"C{HEADER_ROW + 1}"
    sheet.auto_filter.ref = f"A{HEADER_ROW}:{last_column}{last_row}"
    sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    workbook.properties.title = title
    workbook.properties.creator = "CellBook"

    _save(workbook, target)
    return target


def _members(book: Book, include_past: bool) -> list[Member]:
    query = select(Member).order_by(Member.sort_key, Member.full_name)
    if not include_past:
        query = query.where(Member.status.in_(CURRENT_STATUSES))
    with book.reader() as session:
        members = list(session.scalars(query))
        session.expunge_all()
    return members


def _value(member: Member, name: str, number: int) -> object:
    if name == "number":
        return number
    if name == "sex":
        return SEX_WORDS.get(member.sex, "")
    if name == "status":
        words = STATUS_WORDS.get(member.status, "")
        if member.status is MemberStatus.ATTACHED and member.home_cell:
            return f"{words} (từ {member.home_cell})"
        return words
    value = getattr(member, name)
    if name in DATE_FIELDS:
        return value
    return value or None


def _save(workbook: Workbook, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=".export-", suffix=".xlsx", dir=target.parent)
    os.close(handle)
    try:
        workbook.save(temporary)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
