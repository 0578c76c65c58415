"""Pieces the criticism, emulation and profile screens share: choosing the
cell or a member, a table with its "nothing here" line, shortened text,
asking before a delete."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from desktop.data.errors import BookFileError
from desktop.i18n import _
from desktop.services.members import MemberRow
from desktop.services.validation import ValidationError
from desktop.ui.qt.core import QItemSelectionModel, Qt
from desktop.ui.qt.widgets import (
    QComboBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)
from desktop.ui.widgets import (
    Column,
    DataTable,
    RowLook,
    RowsModel,
    RowsProxy,
    label,
    show_book_error,
)

CELL = "cell"  # the choice that stands for the cell itself in a `WhoBox`


def shortened(text: str, limit: int = 90) -> str:
    """The text on one line, cut at a word with "…" when longer than `limit`."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(",.;:") + "…"


def flat(text: str) -> str:
    """On one line; a table cuts it to its column with "…" and its tooltip
    shows it in full."""
    return " ".join(text.split())


def whose(name: str) -> str:
    """A member's name, or "The cell" for the cell's own record."""
    return name or _("The cell")


def day_key(value: date | None) -> str:
    """Sorts dates, with no date after every date."""
    return value.isoformat() if value else "9999"


def text_box(lines: int) -> QPlainTextEdit:
    """A box for a few lines of text; Tab moves on to the next field."""
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    box.setFixedHeight(box.fontMetrics().height() * lines + 14)
    return box


def with_hint(field: QWidget, hint: QLabel) -> QWidget:
    """A field with a line of explanation under it, as one row of a form
    (the focus goes to the field)."""
    box = QWidget()
    column = QVBoxLayout(box)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(2)
    column.addWidget(field)
    column.addWidget(hint)
    box.setFocusProxy(field)
    return box


class WhoBox(QComboBox):
    """The cell itself, or one of the members (by name)."""

    def __init__(
        self,
        members: Sequence[MemberRow],
        *,
        cell_text: str | None = None,
        with_cell: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        if with_cell:
            self.addItem(cell_text or _("The cell"), CELL)
        for member in members:
            self.addItem(member.full_name, member.id)

    def member_id(self) -> str | None:
        """The member chosen; None for the cell."""
        value = self.currentData()
        return None if value in (CELL, None) else str(value)

    def choose(self, member_id: str | None) -> None:
        index = self.findData(member_id if member_id is not None else CELL)
        if index >= 0:
            self.setCurrentIndex(index)


class CappedTable(DataTable):
    """A `DataTable` whose short columns are never wider than a number of
    characters: a long name is cut with "…" (in full in its tooltip) so that
    the text people came to read keeps its room on a 1366-pixel screen."""

    def __init__(self, caps: dict[int, int], *, stretch: int | None = None) -> None:
        self._caps = caps
        super().__init__(stretch=stretch)

    def fit_columns(self) -> None:
        super().fit_columns()
        if not self._caps:
            return
        width = self.fontMetrics().averageCharWidth()
        for column, chars in self._caps.items():
            self.setColumnWidth(column, min(self.columnWidth(column), chars * width))
        self._fit_stretch()


class RowsView(QWidget):
    """A table over service rows, or a line saying why there is none.
    `caps`: column -> most characters shown (see `CappedTable`);
    `select_first`: the first row is made current (for the buttons under it)."""

    def __init__(
        self,
        columns: Sequence[Column],
        name: str,
        *,
        stretch: int | None = None,
        look: Callable[[Any], RowLook | None] | None = None,
        caps: dict[int, int] | None = None,
        select_first: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.select_first = select_first
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.model = RowsModel(columns, look=look)
        self.proxy = RowsProxy(self.model)
        self.table = CappedTable(caps or {}, stretch=stretch)
        self.table.setModel(self.proxy)
        self.table.setAccessibleName(name)
        layout.addWidget(self.table, 1)
        self.nothing: QLabel = label("", "empty", wrap=True)
        self.nothing.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.nothing, 1)
        self.nothing.hide()

    def set_rows(self, rows: Sequence[Any], nothing: str = "") -> None:
        keep = self.selected()
        self.model.set_rows(rows)
        self.table.fit_columns()
        self.table.setVisible(bool(rows))
        self.nothing.setText(nothing)
        self.nothing.setVisible(not rows)
        if not (keep is not None and self.select(keep.id)) and rows and self.select_first:
            self._make_current(self.proxy.index(0, 0))

    def rows(self) -> list[Any]:
        """The rows in the order shown."""
        return [
            self.model.row_at(self.proxy.mapToSource(self.proxy.index(row, 0)).row())
            for row in range(self.proxy.rowCount())
        ]

    def selected(self) -> Any | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.row_at(self.proxy.mapToSource(index).row())

    def select(self, row_id: str) -> bool:
        for row, item in enumerate(self.model.rows()):
            if item.id == row_id:
                self._make_current(self.proxy.mapFromSource(self.model.index(row, 0)))
                return True
        return False

    def _make_current(self, index: Any) -> None:
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )


def confirm(parent: QWidget, title: str, question: str) -> bool:
    """Ask before deleting; No is the default answer."""
    answer = QMessageBox.question(
        parent,
        title,
        question,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def run_change(parent: QWidget, title: str, action: Callable[[], object]) -> bool:
    """Do a change through a service; a refusal or a file problem is shown."""
    try:
        action()
    except ValidationError as error:
        QMessageBox.warning(parent, title, str(error))
        return False
    except BookFileError as error:
        show_book_error(parent, error)
        return False
    return True
