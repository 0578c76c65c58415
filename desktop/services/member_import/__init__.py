"""Importing members from the lists secretaries have (XLSX and CSV).

    plan = plan_import(book, "danh-sach.xlsx")   # nothing written
    for outcome in plan.rows: ...                # row, action, name, reasons
    if plan.ok:
        apply_import(book, plan)                 # backup, then all or nothing

`inspect_file` shows the guessed columns and the first rows; a `mapping`
(field -> column index or header text) given to `inspect_file` or
`plan_import` overrides the guess.
"""

from __future__ import annotations

from desktop.services.member_import.applying import ImportResult, apply_import
from desktop.services.member_import.columns import (
    COLUMN_FIELDS,
    Column,
    ColumnMapping,
    column_field_label,
)
from desktop.services.member_import.planning import (
    Action,
    ImportPlan,
    RowOutcome,
    action_label,
    plan_import,
)
from desktop.services.member_import.preview import FileLayout, inspect_file
from desktop.services.member_import.tables import ImportFileError

__all__ = [
    "COLUMN_FIELDS",
    "Action",
    "Column",
    "ColumnMapping",
    "FileLayout",
    "ImportFileError",
    "ImportPlan",
    "ImportResult",
    "RowOutcome",
    "action_label",
    "apply_import",
    "column_field_label",
    "inspect_file",
    "plan_import",
]
