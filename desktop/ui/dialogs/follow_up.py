"""Evaluating last month's resolution tasks: each done, partly or not done, with a comment.

Keyboard: select a task in the table, press D (done), P (partly) or N (not
done) or choose in the Result box, then type the comment and press Enter.
Every change is saved at once.
"""

from __future__ import annotations

from desktop.data.enums import TaskResult
from desktop.data.errors import BookFileError
from desktop.i18n import _, format_date
from desktop.services.book import Book
from desktop.services.follow_up import FollowUpService, TaskRow, summarise
from desktop.services.labels import enum_label
from desktop.services.validation import ValidationError
from desktop.ui.qt.core import QEvent, QObject, Qt, Signal
from desktop.ui.qt.gui import QKeyEvent
from desktop.ui.qt.widgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QStackedWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from desktop.ui.theme import set_role
from desktop.ui.widgets import EmptyState, fit_to_screen, label, row_table, show_book_error

RESULTS = (TaskResult.PENDING, TaskResult.DONE, TaskResult.PARTLY, TaskResult.NOT_DONE)
KEYS = {
    Qt.Key.Key_D: TaskResult.DONE,
    Qt.Key.Key_P: TaskResult.PARTLY,
    Qt.Key.Key_N: TaskResult.NOT_DONE,
}
TASK, WHO, DUE, RESULT, COMMENT = range(5)


class FollowUpDialog(QDialog):
    """Last month's tasks for the meeting `meeting_id`, evaluated one by one."""

    evaluated = Signal()

    def __init__(self, book: Book, meeting_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.service = FollowUpService(book)
        self.meeting_id = meeting_id
        self.rows: list[TaskRow] = []
        self.setWindowTitle(_("Evaluate last month's tasks"))
        layout = QVBoxLayout(self)
        self.heading = label("", wrap=True)
        layout.addWidget(self.heading)
        self.stack = QStackedWidget()
        layout.addWidget(self.stack, 1)

        self.empty = EmptyState(
            _(
                "There is no earlier regular meeting with a resolution, so there are no "
                "tasks to evaluate."
            )
        )
        self.stack.addWidget(self.empty)

        page = QWidget()
        page_layout = QVBoxLayout(page)
        page_layout.setContentsMargins(0, 0, 0, 0)
        page_layout.addWidget(
            label(
                _(
                    "Select a task, press D (done), P (partly) or N (not done), then type "
                    "the comment and press Enter. Each change is saved at once."
                ),
                "muted",
                wrap=True,
            )
        )
        self.table = row_table(
            [_("Task"), _("Who"), _("Due"), _("Result"), _("Comment")], stretch=(TASK, COMMENT)
        )
        self.table.installEventFilter(self)
        self.table.itemSelectionChanged.connect(self._row_chosen)
        page_layout.addWidget(self.table, 1)

        form = QFormLayout()
        self.result_box = QComboBox()
        for result in RESULTS:
            self.result_box.addItem(enum_label(result), result)
        self.result_box.activated.connect(lambda _index: self.save_current())
        self.comment = QLineEdit()
        self.comment.setPlaceholderText(_("What was done, or why not"))
        self.comment.returnPressed.connect(self.save_current)
        form.addRow(_("Result"), self.result_box)
        form.addRow(_("Comment"), self.comment)
        page_layout.addLayout(form)
        self.message = label("", wrap=True)
        self.message.hide()
        page_layout.addWidget(self.message)
        self.summary = label("", wrap=True)
        page_layout.addWidget(self.summary)
        self.stack.addWidget(page)
        self.page = page

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.load()
        metrics = self.fontMetrics()
        fit_to_screen(self, metrics.horizontalAdvance("M") * 60, metrics.height() * 28)

    # --- reading ------------------------------------------------------------

    def load(self) -> None:
        """Read the tasks again and show them, keeping the selected row."""
        current = self.current_row()
        try:
            previous = self.service.previous_resolution(self.meeting_id)
            self.rows = self.service.tasks_to_evaluate(self.meeting_id)
        except BookFileError as error:
            show_book_error(self, error)
            return
        if previous is None or not self.rows:
            self.heading.setVisible(previous is not None)
            if previous is not None:
                self.heading.setText(self._heading(previous.title, previous.scheduled_on))
                self.empty.set_message(_("Last month's resolution assigned no tasks."))
            self.stack.setCurrentWidget(self.empty)
            return
        self.heading.setText(self._heading(previous.title, previous.scheduled_on))
        self.stack.setCurrentWidget(self.page)
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.rows))
        for index, row in enumerate(self.rows):
            cells = (
                row.description,
                row.assignee,
                format_date(row.due_on) if row.due_on else "",
                enum_label(row.result),
                row.result_note,
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(index, column, item)
        self.table.blockSignals(False)
        self.table.resizeColumnToContents(WHO)
        self.table.resizeColumnToContents(DUE)
        self.table.resizeColumnToContents(RESULT)
        self.table.selectRow(min(current, len(self.rows) - 1) if current >= 0 else 0)
        self._row_chosen()
        self._show_summary()

    def _heading(self, title: str, scheduled_on: object) -> str:
        return _("Tasks of the resolution of the meeting on {date}: {title}").format(
            date=format_date(scheduled_on), title=title or _("Resolution")
        )

    def _show_summary(self) -> None:
        self.summary.setText(summarise(self.rows).text())

    def current_row(self) -> int:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return rows[0].row() if rows else -1

    def _row_chosen(self) -> None:
        index = self.current_row()
        if not 0 <= index < len(self.rows):
            return
        row = self.rows[index]
        self.result_box.setCurrentIndex(RESULTS.index(row.result))
        self.comment.setText(row.result_note)
        self.show_message("")

    # --- writing ------------------------------------------------------------

    def choose(self, result: TaskResult) -> None:
        """Set the selected task's result (as the D, P and N keys do) and save it."""
        self.result_box.setCurrentIndex(RESULTS.index(result))
        self.save_current()

    def save_current(self) -> bool:
        index = self.current_row()
        if not 0 <= index < len(self.rows):
            return False
        row = self.rows[index]
        result = TaskResult(self.result_box.currentData())
        note = self.comment.text().strip()
        if result is row.result and note == row.result_note:
            return True
        try:
            self.service.evaluate(row.id, result, note)
        except ValidationError as error:
            self.show_message("\n".join(item.message for item in error.errors), error=True)
            self.comment.setFocus()
            return False
        except BookFileError as error:
            show_book_error(self, error)
            return False
        self.load()
        self.show_message(_("Saved."))
        self.evaluated.emit()
        return True

    def show_message(self, text: str, *, error: bool = False) -> None:
        self.message.setText(text)
        set_role(self.message, "error" if error else "")
        self.message.setVisible(bool(text))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt API)
        # Enter saves the comment (or moves to it); only Escape and Close close.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            return
        super().keyPressEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if watched is self.table and event.type() == QEvent.Type.KeyPress:
            key_event: QKeyEvent = event  # type: ignore[assignment]
            modifiers = key_event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            result = KEYS.get(Qt.Key(key_event.key()))
            if result is not None and modifiers == Qt.KeyboardModifier.NoModifier:
                self.choose(result)
                return True
            if key_event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.comment.setFocus()
                self.comment.selectAll()
                return True
        return super().eventFilter(watched, event)
