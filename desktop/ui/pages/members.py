"""Members: the list, a find box, and adding a member."""

from __future__ import annotations

from desktop.data.enums import MemberStatus
from desktop.i18n import N_, _, format_date
from desktop.services.labels import enum_label
from desktop.services.members import MemberRow, MemberService
from desktop.ui.dialogs.member import MemberDialog
from desktop.ui.pages.base import Page, PageHost
from desktop.ui.qt.core import QItemSelectionModel, Qt
from desktop.ui.qt.widgets import QCheckBox, QHBoxLayout, QLineEdit, QVBoxLayout, QWidget
from desktop.ui.widgets import Column, DataTable, EmptyState, RowsModel, RowsProxy, label

COUNTED_STATUSES = (
    MemberStatus.FULL,
    MemberStatus.PROBATIONARY,
    MemberStatus.EXEMPT,
    MemberStatus.ATTACHED,
)


def _date_key(value: object) -> str:
    return value.isoformat() if value else ""  # type: ignore[attr-defined]


MEMBER_COLUMNS = (
    Column(N_("Full name"), lambda r: r.full_name, lambda r: r.sort_key),
    Column(N_("Sex"), lambda r: enum_label(r.sex)),
    Column(
        N_("Date of birth"),
        lambda r: format_date(r.date_of_birth),
        lambda r: _date_key(r.date_of_birth),
    ),
    Column(
        N_("Status"), lambda r: enum_label(r.status), lambda r: list(MemberStatus).index(r.status)
    ),
    Column(N_("Party card number"), lambda r: r.card_number),
    Column(N_("Phone"), lambda r: r.phone),
)


def member_search_text(row: MemberRow) -> str:
    return " ".join((row.full_name, row.card_number, row.phone, row.phone.replace(" ", "")))


class MembersPage(Page):
    key = "members"

    def __init__(self, host: PageHost) -> None:
        super().__init__(host, _("Members"))
        self.service = MemberService(self.book, host.today())
        self.add_action(_("Add member…"), self.add_member)

        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 0, 0)
        self.counts = label("", "muted", wrap=True)
        layout.addWidget(self.counts)
        tools = QHBoxLayout()
        self.filter = QLineEdit()
        self.filter.setClearButtonEnabled(True)
        self.filter.setPlaceholderText(_("Find by name, card number or phone"))
        self.filter.setAccessibleName(_("Find a member"))
        self.filter.textChanged.connect(self._filter_changed)
        tools.addWidget(self.filter, 2)
        self.show_past = QCheckBox(_("Show past members"))
        self.show_past.toggled.connect(lambda _on: self.refresh())
        tools.addWidget(self.show_past)
        tools.addStretch(1)
        layout.addLayout(tools)
        self.model = RowsModel(MEMBER_COLUMNS, search_text=member_search_text)
        self.proxy = RowsProxy(self.model)
        self.table = DataTable()
        self.table.setModel(self.proxy)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setAccessibleName(_("Members"))
        layout.addWidget(self.table, 1)
        self.no_match = label("", "muted", wrap=True)
        self.no_match.hide()
        layout.addWidget(self.no_match)
        empty = EmptyState(
            _("No members yet. Add the first member."), _("Add member…"), self.add_member
        )
        self.set_content(content, empty)
        self.setTabOrder(self.filter, self.show_past)
        self.setTabOrder(self.show_past, self.table)

    def load(self) -> None:
        rows = self.service.rows(include_past=self.show_past.isChecked())
        self.model.set_rows(rows)
        counts = self.service.counts_by_status()
        current = sum(counts.get(status, 0) for status in COUNTED_STATUSES)
        parts = [f"{enum_label(status)}: {counts.get(status, 0)}" for status in COUNTED_STATUSES]
        self.counts.setText(
            _("{count} members now.").format(count=current) + "  " + " · ".join(parts)
        )
        self.show_empty(not counts)  # nobody at all, not even past members
        self.table.fit_columns()
        self._update_no_match()

    def _filter_changed(self, text: str) -> None:
        self.proxy.set_query(text)
        self._update_no_match()
        if self.proxy.rowCount():
            self.table.selectRow(0)

    def _update_no_match(self) -> None:
        text = self.filter.text().strip()
        nothing = bool(text) and self.proxy.rowCount() == 0
        self.no_match.setText(_("No member matches “{text}”.").format(text=text) if nothing else "")
        self.no_match.setVisible(nothing)

    def add_member(self) -> MemberDialog:
        dialog = MemberDialog(self.service, self)
        dialog.accepted.connect(lambda: self._member_added(dialog.saved_id))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _member_added(self, member_id: str | None) -> None:
        self.refresh()
        if member_id:
            self.select_member(member_id)
        self.host.show_status(_("Member added."))

    def select_member(self, member_id: str) -> bool:
        """Show and select one member (turning on past members if needed)."""
        if not self.loaded:
            self.refresh()
        for attempt in range(2):
            self.filter.clear()
            for row, item in enumerate(self.model.rows()):
                if item.id == member_id:
                    index = self.proxy.mapFromSource(self.model.index(row, 0))
                    self.table.selectionModel().setCurrentIndex(
                        index,
                        QItemSelectionModel.SelectionFlag.ClearAndSelect
                        | QItemSelectionModel.SelectionFlag.Rows,
                    )
                    self.table.scrollTo(index)
                    self.table.setFocus()
                    return True
            if attempt == 0 and not self.show_past.isChecked():
                self.show_past.setChecked(True)  # refreshes
            else:
                break
        return False

    def selected_member(self) -> MemberRow | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        row: MemberRow = self.model.row_at(self.proxy.mapToSource(index).row())
        return row
