"""What a screen shows before an import: the sheets, the guessed columns and
the first rows, so that the secretary can check and change the mapping."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from desktop.services.member_import.columns import ColumnMapping
from desktop.services.member_import.planning import choose_table
from desktop.services.member_import.records import data_rows
from desktop.services.member_import.tables import read_tables
from desktop.services.member_import.values import clean_text


@dataclass(frozen=True)
class FileLayout:
    """`sheets`: every sheet of a workbook (one name for a CSV file); `sheet`:
    the one holding the list; `preview`: (row number, the text of each
    column) for the first member rows."""

    sheets: tuple[str, ...]
    sheet: str
    mapping: ColumnMapping
    preview: tuple[tuple[int, tuple[str, ...]], ...]


def inspect_file(
    path: Path | str,
    *,
    mapping: Mapping[str, int | str | None] | None = None,
    sheet: str | None = None,
    rows: int = 5,
) -> FileLayout:
    """Read the list's layout without planning anything. Raises `ImportFileError`."""
    tables = read_tables(path)
    sheets = tuple(table.name for table in tables)
    if sheet is not None:
        tables = read_tables(path, sheet)  # the error names the sheets when it is missing
    table, columns = choose_table(tables, Path(path).name, mapping)
    records, _ignored = data_rows(table, columns)
    wanted = {record.row for record in records[:rows]}
    preview = tuple(
        (number, tuple(clean_text(value) for value in cells))
        for number, cells in table.rows
        if number in wanted
    )
    return FileLayout(sheets, table.name, columns, preview)
