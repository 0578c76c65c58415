"""Meetings: the list, opening one, planning a new one."""

from __future__ import annotations

from desktop.i18n import N_, _, format_date
from desktop.services.labels import enum_label
from desktop.services.meetings import MeetingRow, MeetingService
from desktop.services.schedule import next_meeting_for
from desktop.ui.dialogs.meeting import NewMeetingDialog
from desktop.ui.pages.base import Page, PageHost
from desktop.ui.qt.core import QModelIndex, Qt
from desktop.ui.qt.widgets import QVBoxLayout, QWidget
from desktop.ui.texts import grade_label, score_text
from desktop.ui.widgets import Column, DataTable, EmptyState, RowsModel, RowsProxy, label


def _attendance(row: MeetingRow) -> str:
    return f"{row.present}/{row.expected}" if row.expected else ""


class MeetingsPage(Page):
    key = "meetings"

    def __init__(self, host: PageHost) -> None:
        super().__init__(host, _("Meetings"))
        self.service = MeetingService(self.book)
        self.add_action(_("New meeting…"), self.new_meeting)
        rules = self.book.rules
        columns = (
            Column(
                N_("Date"),
                lambda r: format_date(r.scheduled_on),
                lambda r: r.scheduled_on.isoformat(),
            ),
            Column(N_("Type"), lambda r: enum_label(r.kind)),
            Column(N_("Title"), lambda r: r.display_title),
            Column(N_("State"), lambda r: enum_label(r.state)),
            Column(N_("Present"), _attendance, lambda r: r.present, align_right=True),
            Column(
                N_("Score"),
                lambda r: score_text(r.score),
                lambda r: -1.0 if r.score is None else r.score,
                align_right=True,
            ),
            Column(N_("Grade"), lambda r: grade_label(rules, r.grade)),
        )
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(label(_("Press Enter or double-click a meeting to open it."), "muted"))
        self.model = RowsModel(columns, search_text=lambda r: r.display_title)
        self.proxy = RowsProxy(self.model)
        self.table = DataTable(stretch=2)
        self.table.setModel(self.proxy)
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.table.setAccessibleName(_("Meetings"))
        self.table.activated.connect(self._open)
        layout.addWidget(self.table, 1)
        empty = EmptyState(
            _("No meetings yet. Plan the first meeting of the cell."),
            _("New meeting…"),
            self.new_meeting,
        )
        self.set_content(content, empty)

    def load(self) -> None:
        rows = self.service.rows()
        self.model.set_rows(rows)
        self.show_empty(not rows)
        self.table.fit_columns()
        if rows and not self.table.currentIndex().isValid():
            self.table.selectRow(0)

    def _open(self, index: QModelIndex) -> None:
        row: MeetingRow = self.model.row_at(self.proxy.mapToSource(index).row())
        self.host.open_meeting(row.id)

    def new_meeting(self) -> NewMeetingDialog:
        org = self.book.organisation()
        suggested = next_meeting_for(self.book.rules, org.meeting_day, self.host.today()).on
        dialog = NewMeetingDialog(self.service, suggested, org.place_name, self)
        dialog.accepted.connect(lambda: self._meeting_added(dialog.saved_id))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _meeting_added(self, meeting_id: str | None) -> None:
        self.refresh()
        if meeting_id:
            self.select_meeting(meeting_id)
        self.host.show_status(_("Meeting added."))

    def select_meeting(self, meeting_id: str) -> None:
        for row, item in enumerate(self.model.rows()):
            if item.id == meeting_id:
                index = self.proxy.mapFromSource(self.model.index(row, 0))
                self.table.selectRow(index.row())
                self.table.scrollTo(index)
                return
