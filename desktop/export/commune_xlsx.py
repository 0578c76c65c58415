"""The commune's report of a month as an Excel workbook: one sheet, one row
per enrolled cell and a total row, the same figures as the PDF report
(`desktop.export.documents.commune_report`).

Words are the document's language (Vietnamese unless asked), from the same
catalog as the PDF. Counts are numbers, the attendance rate a number shown
as a percentage, the last bundle a real date; the header row is bold and
stays in view.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.export.documents.common import Translate, document_gettext
from desktop.export.documents.commune_report import attention_text, level_initials
from desktop.export.documents.monthly_report import grade_text
from desktop.rules.ruleset import RuleSet
from desktop.services.book import Book
from desktop.services.commune_overview import CellFigures, CommuneOverview, commune_overview

if TYPE_CHECKING:
    from openpyxl import Workbook

FONT = "Times New Roman"
DATE_FORMAT = "DD/MM/YYYY"
PERCENT_FORMAT = "0.0%"
HEADER_ROW = 5
MAX_WIDTH = 60

Value = str | int | float | date | None


@dataclass(frozen=True)
class XlsxColumn:
    title: str
    width: int  # characters
    value: Callable[[CellFigures], Value]
    total: Value = None
    number_format: str = ""


def _columns(
    overview: CommuneOverview, rules: RuleSet, _: Translate, language: str
) -> list[XlsxColumn]:
    totals = overview.totals
    limit = overview.recommendation_limit_days

    def if_heard(value: Callable[[CellFigures], Value]) -> Callable[[CellFigures], Value]:
        return lambda cell: value(cell) if cell.has_bundle else None

    def regular_score(cell: CellFigures) -> Value:
        meeting = cell.regular_meeting
        return meeting.score if meeting is not None else None

    def regular_grade(cell: CellFigures) -> Value:
        meeting = cell.regular_meeting
        if meeting is None or not meeting.grade:
            return None
        return grade_text(rules, meeting.grade, language)

    def last_bundle(cell: CellFigures) -> Value:
        if cell.last_received_at is None:
            return _("no bundle yet")
        return cell.last_received_at.astimezone().date()

    def cell_level(cell: CellFigures) -> Value:
        review = cell.review
        if review is None or not review.cell_level:
            return None
        name = next(
            (band.title(language) for band in rules.rating_levels if band.id == review.cell_level),
            review.cell_level,
        )
        return name if review.cell_level_decided else _("{level} (proposed)").format(level=name)

    columns = [
        XlsxColumn(_("Party cell"), 22, lambda cell: cell.name, _("Total")),
        XlsxColumn(_("Last bundle received"), 13, last_bundle, None, DATE_FORMAT),
        XlsxColumn(
            _("Bundles received"),
            10,
            lambda c: c.bundles_received,
            sum(c.bundles_received for c in overview.cells),
        ),
        XlsxColumn(_("Regular"), 10, if_heard(lambda c: c.regular), totals.regular),
        XlsxColumn(_("Thematic"), 10, if_heard(lambda c: c.thematic), totals.thematic),
        XlsxColumn(
            _("Extraordinary"), 11, if_heard(lambda c: c.extraordinary), totals.extraordinary
        ),
        XlsxColumn(_("Members present"), 10, if_heard(lambda c: c.present), totals.present),
        XlsxColumn(_("Members expected"), 10, if_heard(lambda c: c.expected), totals.expected),
        XlsxColumn(
            _("Attendance rate"),
            10,
            lambda c: c.attendance_rate,
            totals.attendance_rate,
            PERCENT_FORMAT,
        ),
        XlsxColumn(_("Points"), 8, regular_score),
        XlsxColumn(_("Grade"), 11, regular_grade),
        XlsxColumn(
            _("Thematic in the quarter"),
            11,
            if_heard(lambda c: c.thematic_in_quarter),
            sum(c.thematic_in_quarter for c in overview.cells),
        ),
        XlsxColumn(
            _("Recommendations waiting"),
            12,
            if_heard(lambda c: c.waiting_recommendations),
            totals.waiting_recommendations,
        ),
        XlsxColumn(
            _("Oldest (days)"),
            10,
            lambda c: c.oldest_waiting_days,
            totals.oldest_waiting_days,
        ),
        XlsxColumn(_("Year"), 9, lambda c: c.review.year if c.review is not None else None, None),
    ]

    def members_at(level: str) -> Callable[[CellFigures], Value]:
        return lambda c: c.review.count(level) if c.review is not None else None

    for level in overview.rating_levels:
        columns.append(
            XlsxColumn(
                level_initials(rules, level, language),
                9,
                members_at(level),
                totals.levels.get(level, 0),
            )
        )
    columns += [
        XlsxColumn(
            _("Not yet decided"),
            10,
            lambda c: c.review.not_decided if c.review is not None else None,
            totals.not_decided,
        ),
        XlsxColumn(_("The cell's level"), 18, cell_level),
        XlsxColumn(
            _("Needs attention"),
            40,
            lambda c: attention_text(c, limit, _, language) or None,
            totals.cells_needing_attention,
        ),
    ]
    return columns


def export_commune_report(
    book: Book,
    month: date,
    path: Path | str,
    *,
    language: str = "vi",
    today: date | None = None,
    overview: CommuneOverview | None = None,
) -> Path:
    """Write the month's report to an XLSX file (".xlsx" is added when the name
    lacks it), whole or not at all; returns its path."""
    import openpyxl
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.utils import get_column_letter

    _ = document_gettext(language)
    target = Path(path)
    if target.suffix.lower() != ".xlsx":
        target = target.with_name(target.name + ".xlsx")
    made_on = today or date.today()
    overview = overview or commune_overview(book, month, made_on)
    rules = book.rules
    org = book.organisation()
    month_text = f"{overview.month.month:02d}/{overview.month.year}"
    columns = [
        XlsxColumn(_("No."), 6, lambda _cell: None),
        *_columns(overview, rules, _, language),
    ]

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = month_text.replace("/", "-")
    last_column = get_column_letter(len(columns))
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    plain = Font(name=FONT, size=12)
    bold = Font(name=FONT, size=12, bold=True)
    title = _("The meetings of the party cells in {month}").format(month=month_text)
    for row, text, font in (
        (1, (org.issuer_line or org.name).upper(), Font(name=FONT, size=12, bold=True)),
        (2, title.upper(), Font(name=FONT, size=14, bold=True)),
        (3, _("(Made on {date})").format(date=made_on.strftime("%d/%m/%Y")), None),
    ):
        cell = sheet.cell(row=row, column=1, value=text)
        cell.font = font or Font(name=FONT, size=12, italic=True)
        cell.alignment = Alignment(horizontal="center", vertical="center")
        sheet.merge_cells(f"A{row}:{last_column}{row}")

    widths = [column.width for column in columns]
    for index, column in enumerate(columns, start=1):
        cell = sheet.cell(row=HEADER_ROW, column=index, value=column.title)
        cell.font = bold
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = border

    rows: list[tuple[int | None, CellFigures | None]] = [
        *((number, cell) for number, cell in enumerate(overview.cells, start=1)),
        (None, None),
    ]
    for offset, (number, figures) in enumerate(rows, start=1):
        row = HEADER_ROW + offset
        for index, column in enumerate(columns, start=1):
            if figures is None:
                value: Value = column.total
            elif index == 1:
                value = number
            else:
                value = column.value(figures)
            cell = sheet.cell(row=row, column=index, value=value)
            cell.font = bold if figures is None else plain
            cell.border = border
            wrap = column.width >= 18
            horizontal = "left" if isinstance(value, str) else "center"
            cell.alignment = Alignment(horizontal=horizontal, vertical="center", wrap_text=wrap)
            if column.number_format and not isinstance(value, str):
                cell.number_format = column.number_format
            if isinstance(value, str):
                longest = max((len(line) for line in value.splitlines()), default=0)
                widths[index - 1] = min(max(widths[index - 1], longest + 2), MAX_WIDTH)

    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.row_dimensions[HEADER_ROW].height = 48
    sheet.freeze_panes = f"C{HEADER_ROW + 1}"
    sheet.auto_filter.ref = f"A{HEADER_ROW}:{last_column}{HEADER_ROW + len(overview.cells)}"
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
