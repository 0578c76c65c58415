"""Building blocks shared by the pages and dialogs: tables over service rows,
empty states, date boxes, per-field error messages, error boxes."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from typing import Any

from desktop.data.errors import BookFileError
from desktop.data.text import fold
from desktop.i18n import _
from desktop.services.labels import field_label
from desktop.services.validation import FieldError, ValidationError
from desktop.ui.qt.core import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSize,
    QSortFilterProxyModel,
    Qt,
)
from desktop.ui.qt.gui import QBrush, QColor, QFont, QResizeEvent
from desktop.ui.qt.widgets import (
    QAbstractItemView,
    QApplication,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLayout,
    QLayoutItem,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)
from desktop.ui.theme import OVERDUE_BACKGROUND, set_role

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2

AnyIndex = QModelIndex | QPersistentModelIndex


def label(text: str = "", role: str | None = None, *, wrap: bool = False) -> QLabel:
    widget = QLabel(text)
    if role:
        set_role(widget, role)
    widget.setWordWrap(wrap)
    widget.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return widget


def primary_button(text: str, on_click: Callable[[], object] | None = None) -> QPushButton:
    button = QPushButton(text)
    set_role(button, "primary")
    if on_click is not None:
        button.clicked.connect(lambda _checked=False: on_click())
    return button


def fit_to_screen(widget: QWidget, width: int, height: int) -> None:
    """Resize to `width` x `height`, but never beyond the screen (old 1366x768 screens)."""
    screen = widget.screen() or QApplication.primaryScreen()
    if screen is not None:
        area = screen.availableGeometry()
        width, height = min(width, area.width() - 40), min(height, area.height() - 60)
    widget.resize(width, height)


@contextmanager
def busy() -> Iterator[None]:
    """The wait cursor while the book or a file is worked on (old machines are slow)."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()


def show_book_error(parent: QWidget | None, error: BookFileError) -> None:
    QMessageBox.critical(parent, _("CellBook"), error.message)


# --- tables ------------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    """One column of a `RowsModel`: its header and how a row is shown in it."""

    title: str  # marked with N_(), translated when shown
    text: Callable[[Any], str]
    sort_key: Callable[[Any], Any] | None = None  # defaults to the folded text
    align_right: bool = False


@dataclass(frozen=True)
class RowLook:
    """A highlighted row: background, bold text and a tooltip."""

    tooltip: str = ""
    background: str = OVERDUE_BACKGROUND
    bold: bool = True


class RowsModel(QAbstractTableModel):
    """A read-only table over a list of plain service rows (dataclasses)."""

    def __init__(
        self,
        columns: Sequence[Column],
        *,
        search_text: Callable[[Any], str] | None = None,
        look: Callable[[Any], RowLook | None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self._rows: list[Any] = []
        self._search_text = search_text
        self._folded: list[str] = []
        self._look = look

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._folded = [fold(self._search_text(row)) if self._search_text else "" for row in rows]
        self.endResetModel()

    def row_at(self, row: int) -> Any:
        return self._rows[row]

    def rows(self) -> list[Any]:
        return list(self._rows)

    def folded(self, row: int) -> str:
        return self._folded[row]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == SORT_ROLE:
            return column.sort_key(row) if column.sort_key else fold(column.text(row))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = (
                Qt.AlignmentFlag.AlignRight if column.align_right else Qt.AlignmentFlag.AlignLeft
            )
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        if role in (
            Qt.ItemDataRole.BackgroundRole,
            Qt.ItemDataRole.FontRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            look = self._look(row) if self._look else None
            if look is None:
                return column.text(row) if role == Qt.ItemDataRole.ToolTipRole else None
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(QColor(look.background))
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(look.bold)
                return font
            return look.tooltip or column.text(row)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _(self.columns[section].title)
        return None


class RowsProxy(QSortFilterProxyModel):
    """Sorts by each column's sort key and filters on folded search text
    (diacritics ignored: "nguyen" finds "Nguyễn")."""

    def __init__(self, source: RowsModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._words: list[str] = []
        self.setSourceModel(source)
        self.setSortRole(SORT_ROLE)

    def set_query(self, text: str) -> None:
        self.beginFilterChange()
        self._words = fold(text).split()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        if not self._words:
            return True
        model = self.sourceModel()
        assert isinstance(model, RowsModel)
        haystack = model.folded(source_row)
        return all(word in haystack for word in self._words)

    def lessThan(self, left: AnyIndex, right: AnyIndex) -> bool:
        a, b = left.data(SORT_ROLE), right.data(SORT_ROLE)
        if a is None or b is None:
            return a is None and b is not None
        try:
            return bool(a < b)
        except TypeError:
            return str(a) < str(b)


class DataTable(QTableView):
    """A read-only, sortable table with rows tall enough for the text size.

    `stretch` names the column that takes the spare width (the long text);
    without it the last column does."""

    def __init__(self, parent: QWidget | None = None, *, stretch: int | None = None) -> None:
        super().__init__(parent)
        self._stretch = stretch
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setSortingEnabled(True)
        self.setWordWrap(False)
        self.setTabKeyNavigation(False)  # Tab leaves the table, arrows move inside it
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setStretchLastSection(stretch is None)
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self._fit_rows()

    def _fit_rows(self) -> None:
        self.verticalHeader().setDefaultSectionSize(int(self.fontMetrics().height() * 1.8))
        self.verticalHeader().setMinimumSectionSize(self.fontMetrics().height() + 4)

    def fit_columns(self) -> None:
        """Columns as wide as their contents (plus room for bold rows), within reason."""
        self.resizeColumnsToContents()
        limit = max(240, self.viewport().width() // 2)
        spare = self.fontMetrics().averageCharWidth() * 2
        for column in range(self.horizontalHeader().count()):
            if column != self._stretch:
                self.setColumnWidth(column, min(limit, self.columnWidth(column) + spare))
        self._fit_stretch()

    def _fit_stretch(self) -> None:
        """The long-text column takes the spare width, but never less than
        about a third of the table: with large text the table scrolls sideways
        rather than squeezing the text people came to read."""
        header = self.horizontalHeader()
        column = self._stretch
        if column is None or column >= header.count():
            return
        others = sum(header.sectionSize(c) for c in range(header.count()) if c != column)
        wanted = self.sizeHintForColumn(column) + self.fontMetrics().averageCharWidth() * 2
        floor = min(wanted, self.viewport().width() * 2 // 5)
        self.setColumnWidth(column, max(floor, self.viewport().width() - others))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_stretch()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit_rows()
            self.fit_columns()


# --- empty states ------------------------------------------------------------


class EmptyState(QWidget):
    """What a page shows when it has nothing yet: what to do next, and the one
    button that does it."""

    def __init__(
        self,
        message: str = "",
        action_text: str = "",
        on_action: Callable[[], object] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        self.message = label(message, "empty", wrap=True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.message)
        self.button: QPushButton | None = None
        if action_text:
            self.button = primary_button(action_text, on_action)
            row = QHBoxLayout()
            row.addStretch(1)
            row.addWidget(self.button)
            row.addStretch(1)
            layout.addSpacing(12)
            layout.addLayout(row)
        layout.addStretch(2)

    def set_message(self, text: str) -> None:
        self.message.setText(text)


# --- dates ---------------------------------------------------------------------

_DATE = re.compile(r"^\s*(\d{1,2})\s*[/.\- ]\s*(\d{1,2})\s*[/.\- ]\s*(\d{4})\s*$")


def parse_date(text: str) -> date | None:
    """ "03/12/1960", "3-12-1960", "3.12.1960" -> a date; "" -> None.

    Raises ValueError for anything else."""
    if not text.strip():
        return None
    match = _DATE.match(text)
    if not match:
        raise ValueError(text)
    day, month, year = (int(part) for part in match.groups())
    return date(year, month, day)


class DateField(QLineEdit):
    """A date typed the way people write it: day/month/year."""

    def __init__(self, value: date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(_("dd/mm/yyyy"))
        self.setMaxLength(10)
        self.set_date(value)

    def set_date(self, value: date | None) -> None:
        self.setText(value.strftime("%d/%m/%Y") if value else "")

    def date(self) -> date | None:
        """The date written, None if empty; ValueError if it is not a date."""
        return parse_date(self.text())


def date_problem(field: str) -> FieldError:
    return FieldError(
        field,
        _("{field}: write the date as day/month/year, for example 03/12/1960.").format(
            field=field_label(field)
        ),
    )


# --- forms with messages next to the fields -----------------------------------


class FieldForm(QFormLayout):
    """A form whose fields each have a message line under them.

    `show_errors(ValidationError)` puts every message next to its field and
    returns the first field with a problem, to give it the focus.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.fields: dict[str, tuple[QWidget, QLabel]] = {}
        self.general = label("", "error", wrap=True)
        self.general.hide()

    def add_field(self, name: str, widget: QWidget, text: str | None = None) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        error = label("", "error", wrap=True)
        error.hide()
        column.addWidget(error)
        caption = QLabel(text if text is not None else field_label(name))
        caption.setBuddy(widget)
        # Level with the first line of the field, with its message below.
        caption.setMinimumHeight(min(widget.sizeHint().height(), QLineEdit().sizeHint().height()))
        caption.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.addRow(caption, box)
        self.fields[name] = (widget, error)
        return widget

    def add_general_errors(self) -> None:
        self.addRow(self.general)

    def clear_errors(self) -> None:
        for _widget, error in self.fields.values():
            error.clear()
            error.hide()
        self.general.clear()
        self.general.hide()

    def show_errors(self, errors: ValidationError | Sequence[FieldError]) -> QWidget | None:
        self.clear_errors()
        items = errors.errors if isinstance(errors, ValidationError) else list(errors)
        first: QWidget | None = None
        by_field: dict[str, list[str]] = {}
        general: list[str] = []
        for item in items:
            if item.field in self.fields:
                by_field.setdefault(item.field, []).append(item.message)
            else:
                general.append(item.message)
        for name, (widget, error) in self.fields.items():
            messages = by_field.get(name)
            if messages:
                error.setText("\n".join(messages))
                error.show()
                widget.setAccessibleDescription(error.text())
                if first is None:
                    first = widget
        if general:
            self.general.setText("\n".join(general))
            self.general.show()
        if first is not None:
            first.setFocus()
        return first

    def error_text(self, name: str) -> str:
        return self.fields[name][1].text()

    def set_field_visible(self, name: str, visible: bool) -> None:
        """Show or hide a field's row (its caption, box and message)."""
        widget, _error = self.fields[name]
        box = widget.parentWidget()
        if box is not None:
            self.setRowVisible(box, visible)

    def field_visible(self, name: str) -> bool:
        widget, _error = self.fields[name]
        box = widget.parentWidget()
        return box is not None and not box.isHidden()

    def set_caption(self, name: str, text: str) -> None:
        """Change the caption of a field (e.g. "Destination" or "Home cell")."""
        widget, _error = self.fields[name]
        box = widget.parentWidget()
        caption = self.labelForField(box) if box is not None else None
        if isinstance(caption, QLabel):
            caption.setText(text)

    def caption(self, name: str) -> str:
        widget, _error = self.fields[name]
        box = widget.parentWidget()
        caption = self.labelForField(box) if box is not None else None
        return caption.text() if isinstance(caption, QLabel) else ""

    def in_captions(self, errors: ValidationError) -> ValidationError:
        """The messages, naming each field as its caption here does
        ("Going to: please fill this in." rather than the general field name)."""
        items = []
        for item in errors.errors:
            prefix = field_label(item.field) + ":"
            caption = self.caption(item.field).replace("&", "") if item.field in self.fields else ""
            if caption and item.message.startswith(prefix) and caption + ":" != prefix:
                item = FieldError(item.field, caption + ":" + item.message[len(prefix) :])
            items.append(item)
        return ValidationError(items)


# --- layouts -------------------------------------------------------------------


class FlowLayout(QLayout):
    """Lays widgets out left to right and wraps them onto the next line when
    the width runs out (filters that fit one line at normal text size and two
    at large text)."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 8) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._gap = spacing
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 (Qt API)
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 (Qt API)
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 (Qt API)
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802 (Qt API)
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt API)
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt API)
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 (Qt API)
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        return self.minimumSize()

    def minimumSize(self) -> QSize:  # noqa: N802 (Qt API)
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        x, y, line_height = area.x(), area.y(), 0
        for item in self._items:
            if item.isEmpty():
                continue
            hint = item.sizeHint()
            if x > area.x() and x + hint.width() > area.right() + 1:
                x = area.x()
                y += line_height + self._gap
                line_height = 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self._gap
            line_height = max(line_height, hint.height())
        return y + line_height - rect.y() + margins.bottom()


def row_table(headers: Sequence[str], stretch: Sequence[int] = ()) -> QTableWidget:
    """A small read-only table chosen a whole row at a time from the keyboard
    (Tab leaves it); the rows are edited in fields below it."""
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(list(headers))
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setTabKeyNavigation(False)
    table.verticalHeader().hide()
    for column in stretch:
        table.horizontalHeader().setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
    return table
