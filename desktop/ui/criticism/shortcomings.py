"""Shortcomings to fix, of members and of the cell: remedy, deadline, status
and follow-up, with those past their deadline marked."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from desktop.i18n import N_, _, format_date
from desktop.services.criticism import OPEN_STATUSES, CriticismService
from desktop.services.labels import enum_label
from desktop.services.members import MemberRow, MemberService
from desktop.services.reviews import ShortcomingRow
from desktop.ui.criticism.common import (
    RowsView,
    confirm,
    day_key,
    flat,
    run_change,
    shortened,
    whose,
)
from desktop.ui.criticism.dialogs import FollowUpDialog, ShortcomingDialog
from desktop.ui.dialogs.base import FormDialog
from desktop.ui.pages.base import PageHost
from desktop.ui.qt.core import Qt
from desktop.ui.qt.widgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)
from desktop.ui.widgets import Column, EmptyState, RowLook, label, primary_button

OPEN, ALL = "open", "all"


def status_text(row: ShortcomingRow, today: date) -> str:
    text = enum_label(row.status)
    if row.overdue(today):
        text = _("{status}, late").format(status=text)
    return text


def shortcoming_details(row: ShortcomingRow, today: date) -> str:
    """The shortcoming in full, for the box under a table."""
    head = _("{whose}, noted on {date}").format(
        whose=whose(row.member_name), date=format_date(row.raised_on)
    )
    if row.deadline:
        head += " · " + _("fix by {date}").format(date=format_date(row.deadline))
    head += " · " + status_text(row, today)
    parts = [head + ":", row.content]
    if row.remedy:
        parts.append(_("Remedy: {remedy}").format(remedy=row.remedy))
    if row.follow_up:
        parts.append(
            _("Follow-up of {date}: {note}").format(
                date=format_date(row.followed_up_on), note=row.follow_up
            )
        )
    return "\n".join(parts)


class ShortcomingsPart(QWidget):
    """The second part of the criticism tab."""

    def __init__(self, host: PageHost, on_change: Callable[[], None]) -> None:
        super().__init__()
        self.host = host
        self.on_change = on_change
        self.service = CriticismService(host.book, host.today())
        self.dialog: FormDialog | None = None
        self.total = 0
        self.open_count = 0
        self.overdue_count = 0

        self.stack = QStackedWidget()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.stack)
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 8, 0, 0)

        top = QHBoxLayout()
        self.show_choice = QComboBox()
        self.show_choice.addItem(_("Still to fix"), OPEN)
        self.show_choice.addItem(_("All, fixed ones too"), ALL)
        self.show_choice.setAccessibleName(_("Show shortcomings"))
        show_label = QLabel(_("&Show:"))
        show_label.setBuddy(self.show_choice)
        top.addWidget(show_label)
        top.addWidget(self.show_choice)
        top.addStretch(1)
        self.add_button = primary_button(_("Add a shor&tcoming…"), self.add)
        top.addWidget(self.add_button)
        layout.addLayout(top)

        def look(row: ShortcomingRow) -> RowLook | None:
            if not row.overdue(self.service.today):
                return None
            return RowLook(
                _("Past its deadline of {date}: {content}").format(
                    date=format_date(row.deadline), content=row.content
                )
            )

        columns = (
            Column(N_("Whose"), lambda r: whose(r.member_name)),
            Column(N_("Shortcoming"), lambda r: shortened(r.content, 60)),
            Column(N_("Remedy"), lambda r: flat(r.remedy)),
            Column(N_("Fix by"), lambda r: format_date(r.deadline), lambda r: day_key(r.deadline)),
            Column(N_("Status"), lambda r: status_text(r, self.service.today)),
            Column(
                N_("Follow-up"),
                lambda r: format_date(r.followed_up_on),
                lambda r: day_key(r.followed_up_on),
            ),
            Column(
                N_("Noted on"),
                lambda r: format_date(r.raised_on),
                lambda r: r.raised_on.isoformat(),
            ),
        )
        self.view = RowsView(
            columns, _("Shortcomings to fix"), stretch=1, look=look, caps={0: 21, 2: 18}
        )
        self.view.table.sortByColumn(3, Qt.SortOrder.AscendingOrder)
        self.view.table.selectionModel().currentRowChanged.connect(
            lambda _current, _previous: self._show_selected()
        )
        self.view.table.doubleClicked.connect(lambda _index: self.follow_up())
        layout.addWidget(self.view, 1)
        self.legend = label(
            _("Rows in bold on red are past their deadline and not fixed yet."), "muted", wrap=True
        )
        layout.addWidget(self.legend)
        self.full_text = QPlainTextEdit()
        self.full_text.setReadOnly(True)
        self.full_text.setTabChangesFocus(True)
        self.full_text.setAccessibleName(_("The shortcoming in full"))
        self.full_text.setFixedHeight(self.full_text.fontMetrics().height() * 4 + 14)
        layout.addWidget(self.full_text)

        bottom = QHBoxLayout()
        self.follow_button = QPushButton(_("F&ollow up…"))
        self.follow_button.clicked.connect(lambda _checked=False: self.follow_up())
        self.edit_button = QPushButton(_("Ed&it…"))
        self.edit_button.clicked.connect(lambda _checked=False: self.edit())
        self.delete_button = QPushButton(_("&Delete…"))
        self.delete_button.clicked.connect(lambda _checked=False: self.delete_selected())
        for button in (self.follow_button, self.edit_button, self.delete_button):
            bottom.addWidget(button)
        bottom.addStretch(1)
        layout.addLayout(bottom)

        self.empty = EmptyState(
            _(
                "No shortcomings noted yet. When criticism or a review points out a "
                "shortcoming, note it here with its remedy and a deadline, then follow it "
                "up until it is fixed. The next review reports how it was fixed."
            ),
            _("Add a shortcoming…"),
            self.add,
        )
        self.stack.addWidget(content)
        self.stack.addWidget(self.empty)
        self.content = content
        self.show_choice.currentIndexChanged.connect(lambda _index: self._show_rows())

    # --- reading ---------------------------------------------------------------

    def load(self) -> None:
        self.service = CriticismService(self.host.book, self.host.today())
        every = self.service.shortcomings()
        today = self.service.today
        self.total = len(every)
        self.open_count = sum(row.status in OPEN_STATUSES for row in every)
        self.overdue_count = sum(row.overdue(today) for row in every)
        self._show_rows()
        self.stack.setCurrentWidget(self.content if self.total else self.empty)

    def set_filter(self, value: str) -> None:
        """`OPEN` (still to fix) or `ALL`."""
        self.show_choice.setCurrentIndex(self.show_choice.findData(value))

    def _show_rows(self) -> None:
        open_only = self.show_choice.currentData() == OPEN
        rows = self.service.shortcomings(open_only=open_only)
        nothing = (
            _(
                "Every shortcoming noted has been fixed or found not fixed. "
                "Choose “All” under Show to see them."
            )
            if open_only
            else _("No shortcomings noted.")
        )
        self.view.set_rows(rows, nothing)
        self.legend.setVisible(any(row.overdue(self.service.today) for row in rows))
        self._show_selected()

    def rows(self) -> list[ShortcomingRow]:
        return self.view.rows()

    def selected(self) -> ShortcomingRow | None:
        row: ShortcomingRow | None = self.view.selected()
        return row

    def _show_selected(self) -> None:
        row = self.selected()
        for button in (self.follow_button, self.edit_button, self.delete_button):
            button.setEnabled(row is not None)
        self.full_text.setPlainText(shortcoming_details(row, self.service.today) if row else "")

    # --- actions -------------------------------------------------------------------

    def _members(self) -> list[MemberRow]:
        return MemberService(self.host.book, self.host.today()).rows()

    def _open(self, dialog: FormDialog, done: str) -> FormDialog:
        dialog.accepted.connect(lambda: self._saved(dialog, done))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _saved(self, dialog: FormDialog, done: str) -> None:
        self.host.show_status(done)
        self.on_change()
        if dialog.saved_id and not self.view.select(dialog.saved_id):
            self.set_filter(ALL)
            self.view.select(dialog.saved_id)

    def add(self) -> ShortcomingDialog:
        dialog = ShortcomingDialog(self.service, self._members(), parent=self)
        self._open(dialog, _("Shortcoming noted."))
        return dialog

    def edit(self) -> ShortcomingDialog | None:
        row = self.selected()
        if row is None:
            return None
        dialog = ShortcomingDialog(self.service, self._members(), row, self)
        self._open(dialog, _("Shortcoming changed."))
        return dialog

    def follow_up(self) -> FollowUpDialog | None:
        row = self.selected()
        if row is None:
            return None
        dialog = FollowUpDialog(self.service, row, self)
        self._open(dialog, _("Follow-up recorded."))
        return dialog

    def delete_selected(self, *, ask: bool = True) -> bool:
        row = self.selected()
        if row is None:
            return False
        question = _("Delete the shortcoming “{content}” of {whose}? Its follow-up goes with it.")
        question = question.format(content=shortened(row.content, 60), whose=whose(row.member_name))
        if ask and not confirm(self, _("Delete the shortcoming"), question):
            return False
        action = lambda: self.service.delete_shortcoming(row.id)  # noqa: E731
        if not run_change(self, _("Delete the shortcoming"), action):
            return False
        self.host.show_status(_("Shortcoming deleted."))
        self.on_change()
        return True
