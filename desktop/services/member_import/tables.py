"""Reading a list of members as a table of cells: XLSX workbooks and CSV files.

A `Table` keeps every row with the number the secretary sees in Excel, and
merged cells copied into each cell they cover (a title or a group heading
spanning columns, "Họ và tên" spanning two header rows, a note spanning
several members).
"""

from __future__ import annotations

import codecs
import csv
import io
import warnings
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.i18n import _
from desktop.services.validation import FieldError, ValidationError

CSV_SUFFIXES = (".csv", ".tsv", ".txt")
XLSX_SUFFIXES = (".xlsx", ".xlsm", ".xltx", ".xltm")
DELIMITERS = (",", ";", "\t")

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet


class ImportFileError(ValidationError):
    """The list cannot be read at all (missing, not a table, no name column)."""

    def __init__(self, message: str) -> None:
        super().__init__([FieldError("file", message)])


@dataclass
class Table:
    """The cells of one sheet. `rows` holds (row number, cells) for every row,
    blank ones included; `merged_down` the row numbers that continue a cell
    merged with the row above."""

    name: str
    rows: list[tuple[int, list[object]]]
    merged_down: set[int] = field(default_factory=set)

    @property
    def width(self) -> int:
        return max((len(cells) for _number, cells in self.rows), default=0)

    def is_empty(self) -> bool:
        return not any(_filled(value) for _number, cells in self.rows for value in cells)

    def cells(self, number: int) -> list[object]:
        for row_number, cells in self.rows:
            if row_number == number:
                return cells
        return []


def _filled(value: object) -> bool:
    return value is not None and not (isinstance(value, str) and not value.strip())


def read_tables(path: Path | str, sheet: str | None = None) -> list[Table]:
    """The tables of a list file: the named sheet, or every sheet in order, of a
    workbook; the one table of a CSV file. Raises `ImportFileError`."""
    source = Path(path)
    if not source.is_file():
        raise ImportFileError(_("The file “{path}” was not found.").format(path=source))
    kind = _kind(source)
    if kind == "xls":
        raise ImportFileError(
            _(
                "“{name}” is an old Excel file (.xls). Open it in Excel, save it as "
                "“Excel Workbook (.xlsx)” and import that file."
            ).format(name=source.name)
        )
    if kind == "xlsx":
        return _read_workbook(source, sheet)
    return [_read_csv(source)]


def _kind(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in XLSX_SUFFIXES:
        return "xlsx"
    if suffix == ".xls":
        return "xls"
    with path.open("rb") as handle:
        start = handle.read(8)
    if start.startswith(b"PK\x03\x04"):
        return "xlsx"
    if start.startswith(b"\xd0\xcf\x11\xe0"):
        return "xls"
    return "csv"


# --- XLSX ------------------------------------------------------------------


def _read_workbook(path: Path, sheet: str | None) -> list[Table]:
    import openpyxl

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # styles openpyxl does not know are harmless
            workbook = openpyxl.load_workbook(path, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
        raise ImportFileError(
            _("“{name}” could not be read as an Excel workbook ({detail}).").format(
                name=path.name, detail=error
            )
        ) from error
    try:
        names = [worksheet.title for worksheet in workbook.worksheets]
        if sheet is not None:
            chosen = [ws for ws in workbook.worksheets if ws.title.strip() == sheet.strip()]
            if not chosen:
                raise ImportFileError(
                    _("The workbook has no sheet named “{sheet}”. Its sheets are: {names}.").format(
                        sheet=sheet, names=", ".join(names)
                    )
                )
        else:
            chosen = list(workbook.worksheets)
        return [_sheet_table(worksheet) for worksheet in chosen]
    finally:
        workbook.close()


def _sheet_table(ws: Worksheet) -> Table:
    max_row, max_col = ws.max_row, ws.max_column
    grid = [
        list(values)
        for values in ws.iter_rows(
            min_row=1, max_row=max_row, min_col=1, max_col=max_col, values_only=True
        )
    ]
    merged_down: set[int] = set()
    for merged in ws.merged_cells.ranges:
        top, left = merged.min_row, merged.min_col
        if top > len(grid) or left > max_col:
            continue
        value = grid[top - 1][left - 1]
        for row in range(top, min(merged.max_row, len(grid)) + 1):
            for col in range(left, min(merged.max_col, max_col) + 1):
                grid[row - 1][col - 1] = value
            if row > top:
                merged_down.add(row)
    rows = [(index + 1, cells) for index, cells in enumerate(grid)]
    while rows and not any(_filled(value) for value in rows[-1][1]):
        rows.pop()
    return Table(ws.title, rows, merged_down)


# --- CSV -------------------------------------------------------------------


def decode(data: bytes) -> str:
    """Text of a CSV file: UTF-8 with or without BOM, UTF-16, else Windows-1258."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    head = data[:2000]
    if head and head.count(0) > len(head) // 4:
        # UTF-16 without a BOM: ASCII characters leave a zero byte beside them.
        odd_zeros = head[1::2].count(0)
        even_zeros = head[0::2].count(0)
        return data.decode("utf-16-le" if odd_zeros >= even_zeros else "utf-16-be", "replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1258", errors="replace")


def sniff_delimiter(text: str) -> str:
    """The delimiter that splits most lines into the same number of cells."""
    lines = [line for line in text.splitlines()[:60] if line.strip()]
    best, best_score = ",", -1
    for delimiter in DELIMITERS:
        counts = [len(row) for row in csv.reader(lines, delimiter=delimiter)]
        counts = [count for count in counts if count > 1]
        if not counts:
            continue
        width, times = Counter(counts).most_common(1)[0]
        score = times * (width - 1)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _read_csv(path: Path) -> Table:
    text = decode(path.read_bytes())
    delimiter = sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[tuple[int, list[object]]] = [
        (number, list(cells)) for number, cells in enumerate(reader, start=1)
    ]
    while rows and not any(_filled(value) for value in rows[-1][1]):
        rows.pop()
    return Table(path.name, rows)
