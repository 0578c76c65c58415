"""The resolution's tasks (what, who, by when) and the show of hands."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from desktop.data.models import Meeting
from desktop.i18n import _, format_date, format_percent
from desktop.ui.minutes.common import keep_lines, member_combo, scrolling_body
from desktop.ui.qt.core import Qt
from desktop.ui.qt.widgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from desktop.ui.widgets import DateField, label, row_table

if TYPE_CHECKING:
    from desktop.ui.minutes.window import MinutesWindow

NOT_GIVEN = -1  # a vote box left empty


class TasksTab(QWidget):
    def __init__(self, window: MinutesWindow) -> None:
        super().__init__()
        self.window_ = window
        self.service = window.service
        self.meeting_id = window.meeting_id
        self.task_ids: list[str] = []
        self.tasks: dict[str, tuple[str, str | None, str, date | None]] = {}
        self._loading = False
        layout = scrolling_body(self)

        tasks = QGroupBox(_("Tasks of the resolution"))
        tasks_layout = QVBoxLayout(tasks)
        self.table = row_table([_("Task"), _("Who"), _("Due")], stretch=(0,))
        self.table.itemSelectionChanged.connect(self._task_chosen)
        keep_lines(self.table, 4)
        tasks_layout.addWidget(self.table, 1)
        form = QFormLayout()
        self.description = QLineEdit()
        self.assignee = member_combo(window.members, "")
        self.assignee.setEditable(True)
        self.assignee.lineEdit().setPlaceholderText(_("A member, or write who"))
        self.due = DateField()
        form.addRow(_("T&ask"), self.description)
        form.addRow(_("&Who"), self.assignee)
        form.addRow(_("D&ue"), self.due)
        tasks_layout.addLayout(form)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(_("Add task"))
        self.add_button.clicked.connect(lambda _checked=False: self.add_task())
        self.description.returnPressed.connect(self.add_task)
        self.save_button = QPushButton(_("Save changes"))
        self.save_button.setToolTip(_("Save the form over the selected task"))
        self.save_button.clicked.connect(lambda _checked=False: self.save_task())
        self.remove_button = QPushButton(_("Remove task"))
        self.remove_button.clicked.connect(lambda _checked=False: self.remove_task())
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        tasks_layout.addLayout(buttons)
        layout.addWidget(tasks, 1)

        votes = QGroupBox(_("Vote on the resolution"))
        votes_layout = QVBoxLayout(votes)
        row = QHBoxLayout()
        self.votes_for = self._vote_box()
        self.votes_against = self._vote_box()
        self.votes_abstain = self._vote_box()
        for text, box in (
            (_("&For"), self.votes_for),
            (_("A&gainst"), self.votes_against),
            (_("A&bstaining"), self.votes_abstain),
        ):
            caption = QLabel(text)
            caption.setBuddy(box)
            row.addWidget(caption)
            row.addWidget(box)
            row.addSpacing(box.fontMetrics().horizontalAdvance("MM"))
        row.addStretch(1)
        votes_layout.addLayout(row)
        self.voters_line = label("", wrap=True)
        votes_layout.addWidget(self.voters_line)
        layout.addWidget(votes)

    def _vote_box(self) -> QSpinBox:
        box = QSpinBox()
        box.setRange(NOT_GIVEN, 9999)
        box.setSpecialValueText("—")
        box.setValue(NOT_GIVEN)
        box.valueChanged.connect(lambda _value: self._votes_changed())
        return box

    # --- reading ------------------------------------------------------------

    def load(self, meeting: Meeting, select: str | None = None) -> None:
        resolution = meeting.resolution
        tasks = list(resolution.tasks) if resolution is not None else []
        self.task_ids = [task.id for task in tasks]
        self.tasks = {
            task.id: (task.description, task.assignee_id, task.assignee_text, task.due_on)
            for task in tasks
        }
        self.table.blockSignals(True)
        self.table.clearSelection()
        self.table.setRowCount(len(tasks))
        for index, task in enumerate(tasks):
            who = task.assignee.full_name if task.assignee else task.assignee_text
            cells = (task.description, who, format_date(task.due_on) if task.due_on else "")
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(index, column, item)
        self.table.resizeColumnToContents(1)
        self.table.resizeColumnToContents(2)
        if select in self.task_ids:
            self.table.selectRow(self.task_ids.index(select))
        self.table.blockSignals(False)
        self._task_chosen()
        self._loading = True
        for box, value in (
            (self.votes_for, resolution.votes_for if resolution else None),
            (self.votes_against, resolution.votes_against if resolution else None),
            (self.votes_abstain, resolution.votes_abstain if resolution else None),
        ):
            box.setValue(NOT_GIVEN if value is None else value)
        self._loading = False
        self.refresh_voters()

    def refresh_voters(self) -> None:
        try:
            voting = self.service.counts(self.meeting_id).voting_present
        except Exception:  # noqa: BLE001 - a line of information only
            return
        text = _("Voting members present (full members): {voting}.").format(voting=voting)
        votes_for = self._value(self.votes_for)
        if votes_for is not None and voting:
            text += " " + _("For: {share} of the voting members present.").format(
                share=format_percent(votes_for / voting)
            )
        self.voters_line.setText(text)

    @staticmethod
    def _value(box: QSpinBox) -> int | None:
        return None if box.value() == NOT_GIVEN else box.value()

    def current_task(self) -> str | None:
        model = self.table.selectionModel()
        rows = model.selectedRows() if model else []
        if not rows or not 0 <= rows[0].row() < len(self.task_ids):
            return None
        return self.task_ids[rows[0].row()]

    def _task_chosen(self) -> None:
        """Show the selected task in the form, to correct it."""
        task_id = self.current_task()
        self.save_button.setEnabled(task_id is not None)
        self.remove_button.setEnabled(task_id is not None)
        if task_id is None:
            return
        description, assignee_id, assignee_text, due_on = self.tasks[task_id]
        self.description.setText(description)
        index = self.assignee.findData(assignee_id) if assignee_id else -1
        if index > 0:
            self.assignee.setCurrentIndex(index)
        else:
            self.assignee.setCurrentIndex(0)
            self.assignee.setEditText(assignee_text)
        self.due.set_date(due_on)

    # --- writing ------------------------------------------------------------

    def _votes_changed(self) -> None:
        if self._loading:
            return
        values = (
            self._value(self.votes_for),
            self._value(self.votes_against),
            self._value(self.votes_abstain),
        )
        self.refresh_voters()
        self.window_.saver.schedule(
            "votes", lambda: self.service.set_votes(self.meeting_id, *values)
        )

    def _form(self) -> tuple[str, str | None, str, date | None] | None:
        """The task as the form has it; None (with a message) for a bad date."""
        try:
            due = self.due.date()
        except ValueError:
            self.window_.show_message(
                _("Due: write the date as day/month/year, for example 30/06/2024."), error=True
            )
            self.due.setFocus()
            return None
        text = self.assignee.currentText().strip()
        index = self.assignee.findText(text, Qt.MatchFlag.MatchFixedString) if text else -1
        assignee_id = self.assignee.itemData(index) if index > 0 else None
        return self.description.text(), assignee_id, "" if assignee_id else text, due

    def add_task(self) -> None:
        form = self._form()
        if form is None:
            return
        if self.window_.save_now(lambda: self.service.add_task(self.meeting_id, *form)):
            self._reload()
            self._clear_form()
            self.description.setFocus()

    def save_task(self) -> None:
        """Save the form over the selected task."""
        task_id = self.current_task()
        form = self._form() if task_id is not None else None
        if task_id is None or form is None:
            return
        if self.window_.save_now(lambda: self.service.update_task(task_id, *form)):
            self._reload(task_id)
            self.table.setFocus()

    def remove_task(self) -> None:
        task_id = self.current_task()
        if task_id is None:
            return
        if self.window_.save_now(lambda: self.service.remove_task(task_id)):
            self._reload()
            self._clear_form()

    def _clear_form(self) -> None:
        self.table.clearSelection()
        self.description.clear()
        self.assignee.setCurrentIndex(0)
        self.assignee.setEditText("")
        self.due.clear()

    def _reload(self, select: str | None = None) -> None:
        meeting = self.window_.fetch()
        if meeting is not None:
            self.load(meeting, select)
