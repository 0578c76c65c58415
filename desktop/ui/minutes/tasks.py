"""The resolution's tasks (what, who, by when) and the show of hands."""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.data.models import Meeting
from desktop.i18n import _, format_date, format_percent
from desktop.ui.minutes.common import member_combo
from desktop.ui.qt.core import Qt
from desktop.ui.qt.widgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
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
        self._loading = False
        layout = QVBoxLayout(self)

        tasks = QGroupBox(_("Tasks of the resolution"))
        tasks_layout = QVBoxLayout(tasks)
        self.table = row_table([_("Task"), _("Who"), _("Due")], stretch=(0,))
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
        self.remove_button = QPushButton(_("Remove task"))
        self.remove_button.clicked.connect(lambda _checked=False: self.remove_task())
        buttons.addWidget(self.add_button)
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
        vote_form = QFormLayout()
        vote_form.addRow(_("&For"), self.votes_for)
        vote_form.addRow(_("A&gainst"), self.votes_against)
        vote_form.addRow(_("A&bstaining"), self.votes_abstain)
        row.addLayout(vote_form)
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

    def load(self, meeting: Meeting) -> None:
        resolution = meeting.resolution
        tasks = list(resolution.tasks) if resolution is not None else []
        self.task_ids = [task.id for task in tasks]
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

    def add_task(self) -> None:
        try:
            due = self.due.date()
        except ValueError:
            self.window_.show_message(
                _("Due: write the date as day/month/year, for example 30/06/2024."), error=True
            )
            self.due.setFocus()
            return
        description = self.description.text()
        text = self.assignee.currentText().strip()
        index = self.assignee.findText(text, Qt.MatchFlag.MatchFixedString) if text else -1
        assignee_id = self.assignee.itemData(index) if index > 0 else None
        assignee_text = "" if assignee_id else text
        if self.window_.save_now(
            lambda: self.service.add_task(
                self.meeting_id, description, assignee_id, assignee_text, due
            )
        ):
            self.description.clear()
            self.assignee.setCurrentIndex(0)
            self.assignee.setEditText("")
            self.due.clear()
            self._reload()
            self.description.setFocus()

    def remove_task(self) -> None:
        model = self.table.selectionModel()
        rows = model.selectedRows() if model else []
        if not rows or not 0 <= rows[0].row() < len(self.task_ids):
            return
        task_id = self.task_ids[rows[0].row()]
        if self.window_.save_now(lambda: self.service.remove_task(task_id)):
            self._reload()

    def _reload(self) -> None:
        meeting = self.window_.fetch()
        if meeting is not None:
            self.load(meeting)
