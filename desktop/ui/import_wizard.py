"""Lists of members in Excel: the import wizard (choose the list, check its
columns, read what each row would do, import) and the export dialog.

Nothing is written to the book before the wizard's last step; the import
makes a backup copy first and writes all of the list or none of it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.data.enums import CURRENT_STATUSES
from desktop.data.errors import BookFileError
from desktop.data.text import fold
from desktop.i18n import N_, _, ngettext
from desktop.services.member_export import export_members
from desktop.services.member_import import (
    COLUMN_FIELDS,
    Action,
    FileLayout,
    ImportPlan,
    ImportResult,
    RowOutcome,
    action_label,
    apply_import,
    column_field_label,
    inspect_file,
    plan_import,
)
from desktop.services.members import MemberService
from desktop.services.validation import ValidationError
from desktop.ui.qt.core import (
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    QSize,
    QStandardPaths,
    Qt,
    QUrl,
    Signal,
)
from desktop.ui.qt.gui import (
    QBrush,
    QColor,
    QDesktopServices,
    QIcon,
    QPainter,
    QPen,
    QPixmap,
    QWheelEvent,
)
from desktop.ui.qt.widgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)
from desktop.ui.theme import ERROR_COLOUR, MUTED_COLOUR, OVERDUE_BACKGROUND, set_role
from desktop.ui.widgets import (
    Column,
    DataTable,
    RowLook,
    RowsModel,
    RowsProxy,
    busy,
    fit_to_screen,
    label,
    primary_button,
    show_book_error,
)

if TYPE_CHECKING:
    from desktop.services.book import Book

AnyIndex = QModelIndex | QPersistentModelIndex

LIST_SUFFIXES = "*.xlsx *.xlsm *.xls *.csv"  # .xls is offered so that its message is seen
MAX_ERRORS_LISTED = 3  # the rest are on red in the table; the table needs the room
EXAMPLE_CHARS = 18  # each example value of the column page, in average characters

ACTION_COLOURS = {
    Action.ADD: "#1b6e20",
    Action.UPDATE: "#0b4f9c",
    Action.SKIP: MUTED_COLOUR,
    Action.ERROR: ERROR_COLOUR,
}


def problem_text(error: Exception) -> str:
    """What went wrong, in the words the services chose."""
    if isinstance(error, ValidationError):
        return "\n".join(item.message for item in error.errors)
    if isinstance(error, BookFileError):
        return error.message
    detail = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
    return _("The file could not be read ({detail}).").format(detail=detail)


def number_ranges(numbers: Sequence[int]) -> str:
    """[9, 22, 23, 24, 26] -> "9, 22–24, 26"."""
    parts: list[str] = []
    ordered = sorted(set(numbers))
    start = 0
    for position, number in enumerate(ordered):
        last = position + 1 == len(ordered) or ordered[position + 1] != number + 1
        if last:
            first = ordered[start]
            parts.append(str(first) if first == number else f"{first}–{number}")
            start = position + 1
    return ", ".join(parts)


def commit_text(added: int, updated: int) -> str:
    """The import button says what it will do."""
    if added and updated:
        return _("Add {added} and update {updated} members").format(added=added, updated=updated)
    if updated:
        return ngettext("Update {count} member", "Update {count} members", updated).format(
            count=updated
        )
    return ngettext("Add {count} member", "Add {count} members", added).format(count=added)


def counts_text(plan: ImportPlan) -> str:
    counts = plan.counts
    total = len(plan.rows)
    return (
        ngettext("{count} row:", "{count} rows:", total).format(count=total)
        + " "
        + ", ".join(
            [
                _("{count} to add").format(count=counts[Action.ADD]),
                _("{count} to update").format(count=counts[Action.UPDATE]),
                _("{count} to skip").format(count=counts[Action.SKIP]),
                _("{count} with errors").format(count=counts[Action.ERROR]),
            ]
        )
        + "."
    )


_icons: dict[Action, QIcon] = {}


def action_icon(action: Action) -> QIcon:
    """A coloured disc with a plus (add), an arrow (update), a dash (skip) or
    an exclamation mark (error), drawn rather than taken from a font."""
    if action in _icons:
        return _icons[action]
    size = 64
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QBrush(QColor(ACTION_COLOURS[action])))
    painter.drawEllipse(2, 2, size - 4, size - 4)
    pen = QPen(QColor("white"), 8, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
    painter.setPen(pen)
    middle = size / 2
    if action is Action.ADD:
        painter.drawLine(QPointF(middle, 16), QPointF(middle, size - 16))
        painter.drawLine(QPointF(16, middle), QPointF(size - 16, middle))
    elif action is Action.UPDATE:  # an arrow pointing up: the profile is brought up to date
        painter.drawLine(QPointF(middle, 17), QPointF(middle, size - 15))
        painter.drawLine(QPointF(middle, 17), QPointF(middle - 12, 29))
        painter.drawLine(QPointF(middle, 17), QPointF(middle + 12, 29))
    elif action is Action.SKIP:
        painter.drawLine(QPointF(18, middle), QPointF(size - 18, middle))
    else:
        painter.drawLine(QPointF(middle, 15), QPointF(middle, 37))
        painter.drawPoint(QPointF(middle, 49))
    painter.end()
    _icons[action] = QIcon(pixmap)
    return _icons[action]


class QuietCombo(QComboBox):
    """A combo box that the mouse wheel only changes once it has the focus, so
    that scrolling down a page of them never changes a choice by accident."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 (Qt API)
        if self.hasFocus():
            super().wheelEvent(event)
        else:
            event.ignore()


# --- the wizard ------------------------------------------------------------------


class MemberImportWizard(QWizard):
    """Import members from a list, in four steps. `imported` is emitted with
    the `ImportResult` once the members are written."""

    imported = Signal(object)

    def __init__(self, book: Book, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.book = book
        self.today = today
        self.path: Path | None = None
        self.file_layout: FileLayout | None = None
        self.plan: ImportPlan | None = None
        self.import_result: ImportResult | None = None
        self.setWindowTitle(_("Import members from Excel"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.setWindowModality(Qt.WindowModality.WindowModal)

        self.file_page = FilePage(self)
        self.columns_page = ColumnsPage(self)
        self.report_page = ReportPage(self)
        self.done_page = DonePage(self)
        for page in (self.file_page, self.columns_page, self.report_page, self.done_page):
            self.addPage(page)

        metrics = self.fontMetrics()
        fit_to_screen(self, metrics.horizontalAdvance("M") * 80, metrics.height() * 32)

    # --- the file ---------------------------------------------------------------

    @property
    def sheet(self) -> str | None:
        """The chosen sheet of a workbook with several; None otherwise."""
        layout = self.file_layout
        return layout.sheet if layout is not None and len(layout.sheets) > 1 else None

    def load_file(self, path: Path | str, sheet: str | None = None) -> bool:
        """Read the layout of the list at `path` (the sheet holding a list, or
        `sheet`); problems are shown on the first page."""
        self.path = Path(path)
        self.plan = None
        try:
            with busy():
                self.file_layout = inspect_file(self.path, sheet=sheet)
        except (ValidationError, OSError) as error:
            self.file_layout = None
            self.file_page.show_file(self.path, None, problem_text(error), sheet)
            return False
        self.file_page.show_file(self.path, self.file_layout, "", sheet)
        self.button(QWizard.WizardButton.NextButton).setFocus()  # Enter goes on
        return True

    def mapping(self) -> dict[str, int | None]:
        return self.columns_page.mapping()

    def make_plan(self) -> ImportPlan:
        """What the list would do to the book; nothing is written. Raises
        `ImportFileError` (a ValidationError), OSError or BookFileError."""
        assert self.path is not None
        with busy():
            self.plan = plan_import(
                self.book, self.path, mapping=self.mapping(), sheet=self.sheet, today=self.today
            )
        return self.plan

    def columns_changed(self) -> bool:
        """Whether the list's columns differ from those the mapping was chosen
        for (a column was inserted or removed since): read its layout again."""
        if self.path is None or self.file_layout is None:
            return False
        before = [(c.letter, c.header) for c in self.file_layout.mapping.columns]
        sheet = self.sheet
        try:
            with busy():
                layout = inspect_file(self.path, sheet=sheet)
        except (ValidationError, OSError):
            return False  # planning will say what is wrong with the file
        if [(c.letter, c.header) for c in layout.mapping.columns] == before:
            return False
        self.file_layout = layout
        self.file_page.show_file(self.path, layout, "", sheet)
        return True

    def apply(self) -> bool:
        """Write the plan; problems are shown on the report page."""
        plan = self.plan
        if plan is None or not plan.ok:
            return False
        nothing_changed = _("Nothing was changed in the book.")
        try:
            with busy():
                self.import_result = apply_import(self.book, plan)
        except ValidationError as error:
            self.report_page.show_failure(
                problem_text(error)
                + "\n"
                + nothing_changed
                + " "
                + _("Press “Check again” to read the list once more.")
            )
            return False
        except BookFileError as error:
            self.report_page.show_failure(error.message + "\n" + nothing_changed)
            return False
        except OSError as error:  # the backup copy could not be written
            detail = error.strerror or str(error)
            self.report_page.show_failure(
                _("The backup copy of the book could not be made ({detail}).").format(detail=detail)
                + "\n"
                + nothing_changed
            )
            return False
        self.imported.emit(self.import_result)
        return True


def found_text(layout: FileLayout, several_sheets: bool) -> str:
    """Where the list was found: its sheet, its headings, its first member."""
    parts = []
    if several_sheets:
        parts.append(_("The list was found on the sheet “{sheet}”.").format(sheet=layout.sheet))
    rows = layout.mapping.header_rows
    if len(rows) == 1:
        parts.append(_("The headings of the list are on row {row}.").format(row=rows[0]))
    elif rows:
        parts.append(
            _("The headings of the list are on rows {first}–{last}.").format(
                first=rows[0], last=rows[-1]
            )
        )
    if layout.preview:
        parts.append(_("The members start on row {row}.").format(row=layout.preview[0][0]))
    return " ".join(parts)


class FilePage(QWizardPage):
    def __init__(self, wizard: MemberImportWizard) -> None:
        super().__init__()
        self.import_wizard = wizard
        self.setTitle(_("Choose the list of members"))
        layout = QVBoxLayout(self)
        layout.addWidget(
            label(
                _(
                    "Choose the Excel workbook (.xlsx) or CSV file that holds the list. "
                    "Nothing is written to the book until the last step, and a backup copy "
                    "of the book is made first."
                ),
                "muted",
                wrap=True,
            )
        )
        row = QHBoxLayout()
        self.path_field = QLineEdit()
        self.path_field.setReadOnly(True)
        self.path_field.setPlaceholderText(_("No file chosen yet"))
        self.path_field.setAccessibleName(_("The list of members"))
        row.addWidget(self.path_field, 1)
        self.choose_button = primary_button(_("&Choose file…"), self.choose_file)
        row.addWidget(self.choose_button)
        layout.addLayout(row)

        sheet_row = QHBoxLayout()
        self.sheet_caption = label(_("S&heet:"))
        sheet_row.addWidget(self.sheet_caption)
        self.sheet_box = QuietCombo()
        self.sheet_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.sheet_caption.setBuddy(self.sheet_box)
        self.sheet_box.activated.connect(lambda _index: self._sheet_chosen())
        sheet_row.addWidget(self.sheet_box)
        sheet_row.addStretch(1)
        layout.addLayout(sheet_row)
        self.sheet_caption.hide()
        self.sheet_box.hide()

        self.found = label("", wrap=True)
        layout.addWidget(self.found)
        self.problem = label("", "error", wrap=True)
        self.problem.hide()
        layout.addWidget(self.problem)
        layout.addStretch(1)

    def initializePage(self) -> None:  # noqa: N802 (Qt API)
        self.choose_button.setFocus()  # Enter opens the file dialog

    def choose_file(self) -> None:
        start = str(self.import_wizard.path.parent) if self.import_wizard.path else documents_dir()
        path, _filter = QFileDialog.getOpenFileName(
            self,
            _("Choose the list of members"),
            str(start),
            _("Lists of members ({patterns})").format(patterns=LIST_SUFFIXES)
            + ";;"
            + _("All files (*)"),
        )
        if path:
            self.set_file(path)

    def set_file(self, path: Path | str) -> bool:
        """Use the list at `path` (as if chosen in the file dialog)."""
        return self.import_wizard.load_file(path)

    def _sheet_chosen(self) -> None:
        wizard = self.import_wizard
        sheet = self.sheet_box.currentText()
        if wizard.path is not None and (wizard.file_layout is None or sheet != wizard.sheet):
            wizard.load_file(wizard.path, sheet)

    def choose_sheet(self, sheet: str) -> bool:
        """Read the list from `sheet` (as if chosen in the box)."""
        self.sheet_box.setCurrentText(sheet)
        self._sheet_chosen()
        return self.import_wizard.file_layout is not None

    def show_file(
        self, path: Path, layout: FileLayout | None, problem: str, sheet: str | None
    ) -> None:
        self.path_field.setText(str(path))
        self.path_field.setToolTip(str(path))
        sheets = layout.sheets if layout is not None else ()
        if layout is None and sheet is not None:  # keep the sheets when one had no list
            sheets = tuple(self.sheet_box.itemText(i) for i in range(self.sheet_box.count()))
        self.sheet_box.blockSignals(True)
        self.sheet_box.clear()
        self.sheet_box.addItems(list(sheets))
        if layout is not None:
            self.sheet_box.setCurrentText(layout.sheet)
        elif sheet is not None:
            self.sheet_box.setCurrentText(sheet)
        self.sheet_box.blockSignals(False)
        several = len(sheets) > 1
        self.sheet_caption.setVisible(several)
        self.sheet_box.setVisible(several)
        self.found.setText(found_text(layout, several) if layout is not None else "")
        self.found.setVisible(layout is not None)
        self.problem.setText(problem)
        self.problem.setVisible(bool(problem))
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 (Qt API)
        return self.import_wizard.file_layout is not None


# --- the columns ---------------------------------------------------------------------


def field_choices() -> list[tuple[str, str]]:
    """(label, field) for the column boxes; "" is "not imported"."""
    return [
        (_("(not imported)"), ""),
        *[(column_field_label(name), name) for name in COLUMN_FIELDS],
    ]


NAME_FIELDS = ("full_name", "given_name")


class ColumnsPage(QWizardPage):
    """Each column of the list, its heading, what it holds (a box, filled in
    with the guess) and its first values."""

    def __init__(self, wizard: MemberImportWizard) -> None:
        super().__init__()
        self.import_wizard = wizard
        self.setTitle(_("Check the columns"))
        self.built_for: FileLayout | None = None
        self.combos: list[QComboBox] = []
        self.examples: list[list[QLabel]] = []
        layout = QVBoxLayout(self)
        layout.addWidget(
            label(
                _(
                    "Check what each column of the list holds; the first rows are shown "
                    "beside it. The guesses are filled in: change any that are wrong. "
                    "Columns “(not imported)” are left out."
                ),
                "muted",
                wrap=True,
            )
        )
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.StyledPanel)
        layout.addWidget(self.scroll_area, 1)
        self.note = label("", "muted", wrap=True)
        self.note.hide()
        layout.addWidget(self.note)
        self.problem = label("", "error", wrap=True)
        self.problem.hide()
        layout.addWidget(self.problem)

    def initializePage(self) -> None:  # noqa: N802 (Qt API)
        layout = self.import_wizard.file_layout
        if layout is not None and layout is not self.built_for:
            self._build(layout)

    def _build(self, layout: FileLayout) -> None:
        self.built_for = layout
        self.combos = []
        self.examples = []
        grid_widget = QWidget()
        grid = QGridLayout(grid_widget)
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(6)
        heads = [_("Column of the list"), _("What it holds")] + [
            _("Row {row}").format(row=number) for number, _cells in layout.preview
        ]
        for position, text in enumerate(heads):
            head = label(text, "muted")
            grid.addWidget(head, 0, position)
        metrics = self.fontMetrics()
        width = metrics.averageCharWidth() * EXAMPLE_CHARS
        choices = field_choices()
        for line, column in enumerate(layout.mapping.columns, start=1):
            caption = (
                f"{column.letter}: {column.header}"
                if column.header
                else _("{letter}: (no heading)").format(letter=column.letter)
            )
            name = label(caption, wrap=True)
            name.setMaximumWidth(metrics.averageCharWidth() * 26)
            grid.addWidget(name, line, 0)
            combo = QuietCombo()
            for text, value in choices:
                combo.addItem(text, value)
            combo.setCurrentIndex(max(0, combo.findData(column.field or "")))
            combo.setAccessibleName(caption)
            combo.currentIndexChanged.connect(
                lambda _index, position=line - 1: self._choice_changed(position)
            )
            name.setBuddy(combo)
            grid.addWidget(combo, line, 1)
            self.combos.append(combo)
            values = []
            for place, (_number, cells) in enumerate(layout.preview, start=2):
                text = cells[column.index] if column.index < len(cells) else ""
                shown = label(metrics.elidedText(text, Qt.TextElideMode.ElideRight, width))
                if shown.text() != text:
                    shown.setToolTip(text)
                grid.addWidget(shown, line, place)
                values.append(shown)
            self.examples.append(values)
        grid.setColumnStretch(len(heads), 1)
        grid.setRowStretch(len(layout.mapping.columns) + 1, 1)
        for first, second in zip(self.combos, self.combos[1:], strict=False):
            QWidget.setTabOrder(first, second)
        self.scroll_area.setWidget(grid_widget)
        self.note.hide()
        self._refresh()

    # --- choices ------------------------------------------------------------------

    def field_of(self, position: int) -> str | None:
        return self.combos[position].currentData() or None

    def set_field(self, letter: str, field: str | None) -> None:
        """Choose what the column `letter` holds (as a person would in its box)."""
        assert self.built_for is not None
        for position, column in enumerate(self.built_for.mapping.columns):
            if column.letter == letter:
                combo = self.combos[position]
                combo.setCurrentIndex(combo.findData(field or ""))
                return
        raise KeyError(letter)

    def mapping(self) -> dict[str, int | None]:
        """Every field: the index of the column chosen for it, or None."""
        chosen: dict[str, int | None] = dict.fromkeys(COLUMN_FIELDS)
        if self.built_for is None:
            return chosen
        for position, column in enumerate(self.built_for.mapping.columns):
            field = self.field_of(position)
            if field:
                chosen[field] = column.index
        return chosen

    def _choice_changed(self, position: int) -> None:
        """A field comes from one column: choosing it for this one takes it
        from the column that had it (and says so)."""
        assert self.built_for is not None
        field = self.field_of(position)
        columns = self.built_for.mapping.columns
        self.note.hide()
        if field:
            for other, combo in enumerate(self.combos):
                if other != position and combo.currentData() == field:
                    combo.blockSignals(True)
                    combo.setCurrentIndex(0)
                    combo.blockSignals(False)
                    self.note.setText(
                        _(
                            "“{field}” was column {old}; it is now column {new}, and column "
                            "{old} is not imported."
                        ).format(
                            field=column_field_label(field),
                            old=columns[other].letter,
                            new=columns[position].letter,
                        )
                    )
                    self.note.show()
        self._refresh()

    def has_name(self) -> bool:
        return any(self.mapping()[name] is not None for name in NAME_FIELDS)

    def _refresh(self) -> None:
        for position, values in enumerate(self.examples):
            role = None if self.field_of(position) else "muted"
            for shown in values:
                if shown.property("role") != role:
                    set_role(shown, role or "")
        if self.has_name():
            self.problem.hide()
        else:
            self.problem.setText(
                _(
                    "Choose the column that holds the full name (“Họ và tên”): without it "
                    "the members cannot be read."
                )
            )
            self.problem.show()
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 (Qt API)
        return self.built_for is not None and self.has_name()


# --- the report -------------------------------------------------------------------------


def report_columns() -> tuple[Column, ...]:
    return (
        Column(N_("Row"), lambda o: str(o.row), lambda o: o.row, align_right=True),
        Column(
            N_("What happens"),
            lambda o: action_label(o.action),
            lambda o: list(Action).index(o.action),
        ),
        Column(N_("Name"), lambda o: o.name),
        Column(N_("Why"), lambda o: "\n".join(o.reasons)),
    )


ACTION_COLUMN = 1


class ReportModel(RowsModel):
    """The rows of a plan: the action in colour with its icon, rows with
    errors on red."""

    def __init__(self) -> None:
        super().__init__(report_columns(), look=_error_look)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and index.column() == ACTION_COLUMN:
            outcome: RowOutcome = self.row_at(index.row())
            if role == Qt.ItemDataRole.DecorationRole:
                return action_icon(outcome.action)
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(QColor(ACTION_COLOURS[outcome.action]))
            if role == Qt.ItemDataRole.FontRole:
                font = QApplication.font()
                font.setBold(True)
                return font
        if index.isValid() and role == Qt.ItemDataRole.ToolTipRole:
            outcome = self.row_at(index.row())
            head = _("Row {row}: {action}").format(
                row=outcome.row, action=action_label(outcome.action)
            )
            return "\n".join([head, outcome.name, *outcome.reasons])
        return super().data(index, role)


def _error_look(outcome: RowOutcome) -> RowLook | None:
    if outcome.action is Action.ERROR:
        return RowLook(background=OVERDUE_BACKGROUND, bold=False)
    return None


class ReportPage(QWizardPage):
    """Every row of the list and what it would do; rows with errors stop the
    import until the file is corrected and checked again."""

    def __init__(self, wizard: MemberImportWizard) -> None:
        super().__init__()
        self.import_wizard = wizard
        self.setTitle(_("Check what the import will do"))
        self.setCommitPage(True)
        layout = QVBoxLayout(self)
        self.counts = label("", wrap=True)
        layout.addWidget(self.counts)
        self.passed_over = label("", "muted", wrap=True)
        layout.addWidget(self.passed_over)

        self.problems = QFrame()
        self.problems.setObjectName("importProblems")
        self.problems.setStyleSheet(
            f"QFrame#importProblems {{ border: 1px solid {ERROR_COLOUR}; border-radius: 6px; "
            "background: #fdf0ef; }"
        )
        box = QVBoxLayout(self.problems)
        self.problems_heading = label("", "error", wrap=True)
        box.addWidget(self.problems_heading)
        self.problems_list = label("", wrap=True)
        box.addWidget(self.problems_list)
        bottom = QHBoxLayout()
        self.fix_hint = label(_("Fix these rows in the file, save it, and check again."), wrap=True)
        bottom.addWidget(self.fix_hint, 1)
        self.check_button = primary_button(_("Check &again"), self.check_again)
        bottom.addWidget(self.check_button, 0, Qt.AlignmentFlag.AlignBottom)
        box.addLayout(bottom)
        layout.addWidget(self.problems)

        self.model = ReportModel()
        self.proxy = RowsProxy(self.model)
        self.table = DataTable(stretch=3)
        self.table.setModel(self.proxy)
        self.table.setWordWrap(True)
        self.table.setAccessibleName(_("What each row of the list does"))
        rows = self.table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        rows.setMinimumSectionSize(int(self.fontMetrics().height() * 1.6))
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        layout.addWidget(self.table, 1)
        self.ready = label("", "muted", wrap=True)
        self.ready.hide()
        layout.addWidget(self.ready)
        self.table.setIconSize(QSize(self.fontMetrics().height(), self.fontMetrics().height()))

    def initializePage(self) -> None:  # noqa: N802 (Qt API)
        self.check()

    def check(self) -> ImportPlan | None:
        """Plan the import again from the file as it is now."""
        wizard = self.import_wizard
        try:
            plan: ImportPlan | None = wizard.make_plan()
        except (ValidationError, BookFileError, OSError) as error:
            wizard.plan = plan = None
            self._show_plan(None, problem_text(error))
        else:
            self._show_plan(plan, "")
        return plan

    def check_again(self) -> ImportPlan | None:
        """The secretary corrected the file: read it again (and its columns,
        in case one was inserted or removed)."""
        wizard = self.import_wizard
        if wizard.columns_changed():
            wizard.plan = None
            self._show_plan(None, "")
            wizard.back()
            columns = wizard.columns_page
            columns.initializePage()  # the new layout, with fresh guesses
            columns.note.setText(
                _("The columns of the list have changed since you checked them. Check them again.")
            )
            columns.note.show()
            return None
        return self.check()

    def _show_plan(self, plan: ImportPlan | None, problem: str) -> None:
        self.model.set_rows(plan.rows if plan is not None else [])
        self.table.fit_columns()
        if plan is None:
            self.counts.setText("")
            self.passed_over.hide()
        else:
            self.counts.setText(counts_text(plan))
            self.passed_over.setText(
                _("Rows passed over (no name, headings, the signature block): {rows}").format(
                    rows=number_ranges(plan.ignored_rows)
                )
            )
            self.passed_over.setVisible(bool(plan.ignored_rows))
        errors = plan.errors if plan is not None else []
        if problem:
            self.problems_heading.setText(_("The list could not be read."))
            self.problems_list.setText(problem)
            self.fix_hint.setText(_("Correct the file, save it, and check again."))
        elif errors:
            rows = [o for o in plan.rows if o.action is Action.ERROR] if plan else []
            self.problems_heading.setText(
                ngettext(
                    "{count} row has an error, so nothing can be imported yet.",
                    "{count} rows have errors, so nothing can be imported yet.",
                    len(rows),
                ).format(count=len(rows))
            )
            listed = errors[:MAX_ERRORS_LISTED]
            if len(errors) > len(listed):
                listed.append(
                    _("…and {count} more, marked in red below.").format(
                        count=len(errors) - len(listed)
                    )
                )
            self.problems_list.setText("\n".join(listed))
            self.fix_hint.setText(_("Fix these rows in the file, save it, and check again."))
        self.problems.setVisible(bool(problem or errors))
        self._update_button(plan)
        self.completeChanged.emit()
        if self.problems.isVisible():
            self.check_button.setFocus()

    def _update_button(self, plan: ImportPlan | None) -> None:
        counts = plan.counts if plan is not None else {}
        added, updated = counts.get(Action.ADD, 0), counts.get(Action.UPDATE, 0)
        if plan is None:
            text = _("Import")
        elif plan.ok and not (added or updated):
            text = _("Nothing to import")
            self.counts.setText(
                self.counts.text()
                + " "
                + _("Everyone on the list is already in the book: there is nothing to import.")
            )
        else:
            text = commit_text(added, updated)
        self.setButtonText(QWizard.WizardButton.CommitButton, text)
        self.ready.setText(
            _(
                "Nothing has been written yet. Press “{button}” to import; a backup copy of "
                "the book is made first."
            ).format(button=text)
        )
        self.ready.setVisible(self.can_import())

    def show_failure(self, text: str) -> None:
        """The import was refused or failed; nothing was written."""
        self.problems_heading.setText(_("The members were not imported."))
        self.problems_list.setText(text)
        self.fix_hint.setText("")
        self.problems.show()
        self.ready.hide()
        self.check_button.setFocus()

    def can_import(self) -> bool:
        plan = self.import_wizard.plan
        if plan is None or not plan.ok:
            return False
        counts = plan.counts
        return bool(counts[Action.ADD] or counts[Action.UPDATE])

    def isComplete(self) -> bool:  # noqa: N802 (Qt API)
        return self.can_import()

    def validatePage(self) -> bool:  # noqa: N802 (Qt API)
        return self.can_import() and self.import_wizard.apply()


class DonePage(QWizardPage):
    def __init__(self, wizard: MemberImportWizard) -> None:
        super().__init__()
        self.import_wizard = wizard
        self.setTitle(_("The members were imported"))
        self.setFinalPage(True)
        layout = QVBoxLayout(self)
        self.summary = label("", "big", wrap=True)
        layout.addWidget(self.summary)
        self.backup = label("", "muted", wrap=True)
        layout.addWidget(self.backup)
        layout.addStretch(1)

    def initializePage(self) -> None:  # noqa: N802 (Qt API)
        result = self.import_wizard.import_result
        if result is None:
            return
        parts = [
            ngettext("{count} member added.", "{count} members added.", len(result.added)).format(
                count=len(result.added)
            ),
            ngettext(
                "{count} member updated.", "{count} members updated.", len(result.updated)
            ).format(count=len(result.updated)),
        ]
        if result.skipped:
            parts.append(
                ngettext("{count} row skipped.", "{count} rows skipped.", result.skipped).format(
                    count=result.skipped
                )
            )
        self.summary.setText(" ".join(parts))
        self.backup.setText(
            _("A backup copy of the book was made before the import: {path}").format(
                path=result.backup
            )
        )


# --- export ---------------------------------------------------------------------------


def documents_dir() -> Path:
    """The user's Documents folder, or their home folder if there is none."""
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if found and Path(found).is_dir():
        return Path(found)
    return Path.home()


def export_file_name(cell_name: str) -> str:
    """ "Thôn An Hòa" -> "danh-sach-dang-vien-thon-an-hoa.xlsx"."""
    words = [word for word in fold(cell_name).split() if word.isalnum()]
    return "-".join(["danh-sach-dang-vien", *words]) + ".xlsx"


class ExportMembersDialog(QDialog):
    """Where to save the list, and whether past members are in it."""

    def __init__(self, book: Book, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(_("Export the list of members"))
        self.setModal(True)
        self.book = book
        self.today = today
        self.saved: Path | None = None
        self.count = 0
        self._confirmed: Path | None = None  # replacing it was agreed in the file dialog
        layout = QVBoxLayout(self)
        layout.addWidget(
            label(
                _(
                    "The list is saved as an Excel workbook, ready to print or to send to "
                    "the commune."
                ),
                "muted",
                wrap=True,
            )
        )
        caption = label(_("&Save as:"))
        layout.addWidget(caption)
        row = QHBoxLayout()
        self.path_field = QLineEdit(str(documents_dir() / export_file_name(self._cell_name())))
        caption.setBuddy(self.path_field)
        row.addWidget(self.path_field, 1)
        self.change_button = QPushButton(_("C&hange…"))
        self.change_button.clicked.connect(lambda _checked=False: self.choose_path())
        row.addWidget(self.change_button)
        layout.addLayout(row)
        past = sum(
            count
            for status, count in MemberService(book, today).counts_by_status().items()
            if status not in CURRENT_STATUSES
        )
        self.include_past = QCheckBox(
            ngettext(
                "Also list the {count} &past member", "Also list the {count} &past members", past
            ).format(count=past)
        )
        layout.addWidget(self.include_past)
        self.past_hint = label(
            _("People transferred out, deceased or removed from the list."), "muted", wrap=True
        )
        layout.addWidget(self.past_hint)
        self.include_past.setVisible(past > 0)
        self.past_hint.setVisible(past > 0)
        self.problem = label("", "error", wrap=True)
        self.problem.hide()
        layout.addWidget(self.problem)
        layout.addStretch(1)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.export_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.export_button.setText(_("&Export"))
        set_role(self.export_button, "primary")
        self.buttons.accepted.connect(self.export)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        metrics = self.fontMetrics()
        self.setMinimumWidth(min(metrics.horizontalAdvance("M") * 40, 1200))
        self.path_field.setMinimumWidth(
            metrics.horizontalAdvance(self.path_field.text()) + metrics.height()
        )

    def _cell_name(self) -> str:
        try:
            return self.book.organisation().name
        except BookFileError:
            return ""

    def choose_path(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self,
            _("Export the list of members"),
            self.path_field.text(),
            _("Excel workbook (*.xlsx)"),
        )
        if path:
            self.path_field.setText(path)
            self._confirmed = self._target(path)

    @staticmethod
    def _target(text: str) -> Path:
        target = Path(text.strip()).expanduser()
        if target.suffix.lower() != ".xlsx":
            target = target.with_name(target.name + ".xlsx")
        return target

    def export(self) -> Path | None:
        """Write the list; problems are shown in the dialog."""
        text = self.path_field.text().strip()
        if not text:
            self._show_problem(_("Write where the list should be saved, or press Change…."))
            return None
        target = self._target(text)
        if target.exists() and target != self._confirmed and not self._may_replace(target):
            return None
        include_past = self.include_past.isChecked()
        try:
            with busy():
                members = MemberService(self.book, self.today)
                self.count = len(members.rows(include_past=include_past))
                self.saved = export_members(
                    self.book, target, include_past=include_past, today=self.today
                )
        except BookFileError as error:
            show_book_error(self, error)
            return None
        except OSError as error:
            self._show_problem(
                _(
                    "The list could not be saved as “{path}” ({detail}). If this file is open "
                    "in Excel, close it there and try again; or choose another name."
                ).format(path=target, detail=error.strerror or error)
            )
            return None
        self.accept()
        return self.saved

    def _may_replace(self, target: Path) -> bool:
        answer = QMessageBox.question(
            self,
            _("Export the list of members"),
            _("A file named “{name}” is already in {folder}. Replace it?").format(
                name=target.name, folder=target.parent
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.show()


def exported_message(parent: QWidget, path: Path, count: int) -> QMessageBox:
    """Says where the list was saved, with a button that opens it."""
    box = QMessageBox(parent)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(_("Export the list of members"))
    box.setText(
        ngettext(
            "The list of {count} member was saved as:",
            "The list of {count} members was saved as:",
            count,
        ).format(count=count)
        + "\n"
        + str(path)
    )
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    open_button = box.addButton(_("&Open the file"), QMessageBox.ButtonRole.ActionRole)
    box.addButton(QMessageBox.StandardButton.Close)
    open_button.clicked.connect(
        lambda _checked=False: QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
    )
    return box
