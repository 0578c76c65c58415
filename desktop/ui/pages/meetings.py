"""Meetings: the list, the year plan, opening one, planning a new one."""

from __future__ import annotations

from datetime import date
from typing import Any

from desktop.data.enums import MeetingKind, MeetingState
from desktop.i18n import N_, _, format_date
from desktop.services.labels import enum_label
from desktop.services.meeting_calendar import (
    PlanEntry,
    QuarterCheck,
    YearPlan,
    create_planned,
    year_plan,
)
from desktop.services.meetings import MeetingRow, MeetingService
from desktop.services.schedule import next_meeting_for
from desktop.services.validation import ValidationError
from desktop.ui.dialogs.meeting import NewMeetingDialog
from desktop.ui.dialogs.preparation import PreparationDialog
from desktop.ui.pages.base import Page, PageHost
from desktop.ui.qt.core import QModelIndex, Qt
from desktop.ui.qt.gui import QBrush, QColor
from desktop.ui.qt.widgets import (
    QComboBox,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from desktop.ui.texts import grade_label, score_text
from desktop.ui.theme import ERROR_COLOUR
from desktop.ui.widgets import (
    Column,
    DataTable,
    EmptyState,
    RowLook,
    RowsModel,
    RowsProxy,
    label,
)

PLAN_YEARS_BACK = 3


def _attendance(row: MeetingRow) -> str:
    return f"{row.present}/{row.expected}" if row.expected else ""


def _plan_state(entry: PlanEntry) -> str:
    state = enum_label(entry.state) if entry.state is not None else _("Not yet created")
    if entry.overdue:
        return _("{state} — overdue").format(state=state)
    return state


def _plan_note(entry: PlanEntry) -> str:
    if entry.moved_from is not None:
        return _("Moved from {day} ({holiday})").format(
            day=format_date(entry.moved_from), holiday=entry.holiday
        )
    if entry.holiday:
        return _("On a holiday: {holiday}").format(holiday=entry.holiday)
    if entry.exists:
        return entry.title
    return ""


def quarter_warning(check: QuarterCheck) -> str:
    return _("Quarter {quarter} has no thematic meeting yet.").format(quarter=check.roman)


class PlanModel(RowsModel):
    """The year plan; overdue entries in the error colour."""

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid():
            if self.row_at(index.row()).overdue:
                return QBrush(QColor(ERROR_COLOUR))
            return None
        return super().data(index, role)


class MeetingsPage(Page):
    key = "meetings"

    def __init__(self, host: PageHost) -> None:
        super().__init__(host, _("Meetings"))
        self.service = MeetingService(self.book)
        self.add_action(_("New meeting…"), self.new_meeting)
        self.plan: YearPlan | None = None
        self.plan_view: QWidget | None = None  # built when first shown
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
        listing = QWidget()
        layout = QVBoxLayout(listing)
        layout.setContentsMargins(0, 8, 0, 0)
        list_bar = QHBoxLayout()
        list_bar.addWidget(
            label(_("Press Enter or double-click a meeting to open it."), "muted", wrap=True), 1
        )
        self.prepare_button = QPushButton(_("Prepare…"))
        self.prepare_button.setAutoDefault(False)
        self.prepare_button.setToolTip(
            _("The order of business, the presenters and the checklist of the selected meeting")
        )
        self.prepare_button.clicked.connect(lambda _checked=False: self.prepare_selected())
        list_bar.addWidget(self.prepare_button)
        layout.addLayout(list_bar)
        self.model = RowsModel(columns, search_text=lambda r: r.display_title)
        self.proxy = RowsProxy(self.model)
        self.table = DataTable(stretch=2)
        self.table.setModel(self.proxy)
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.table.setAccessibleName(_("Meetings"))
        self.table.activated.connect(self._open)
        self.table.selectionModel().currentRowChanged.connect(
            lambda _current, _previous: self._list_selection()
        )
        layout.addWidget(self.table, 1)
        listing.setTabOrder(self.table, self.prepare_button)
        self.list_empty = EmptyState(
            _("No meetings yet. Plan the first meeting of the cell."),
            _("New meeting…"),
            self.new_meeting,
        )
        self.empty = self.list_empty  # what an empty book shows, in the List tab
        self.list_stack = QStackedWidget()
        self.list_stack.addWidget(listing)
        self.list_stack.addWidget(self.list_empty)
        self.list_view = listing

        self.tabs = QTabWidget()
        self.tabs.addTab(self.list_stack, _("&List"))
        self.plan_holder = QWidget()
        QVBoxLayout(self.plan_holder).setContentsMargins(0, 0, 0, 0)
        self.tabs.addTab(self.plan_holder, _("&Year plan"))
        self.tabs.currentChanged.connect(self._tab_changed)
        self.set_content(self.tabs)

    # --- the list -----------------------------------------------------------------

    def show_empty(self, empty: bool) -> None:
        """An empty book still shows the tabs, so that the year plan stays at hand."""
        self.list_stack.setCurrentWidget(self.list_empty if empty else self.list_view)

    @property
    def showing_empty(self) -> bool:
        return self.list_stack.currentWidget() is self.list_empty

    def load(self) -> None:
        rows = self.service.rows()
        self.model.set_rows(rows)
        self.show_empty(not rows)
        self.table.fit_columns()
        if rows and not self.table.currentIndex().isValid():
            self.table.selectRow(0)
        self._list_selection()
        if self.plan_view is not None:
            self.load_plan()

    def _open(self, index: QModelIndex) -> None:
        row: MeetingRow = self.model.row_at(self.proxy.mapToSource(index).row())
        self.host.open_meeting(row.id)

    def selected_meeting(self) -> MeetingRow | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        row: MeetingRow = self.model.row_at(self.proxy.mapToSource(index).row())
        return row

    def _list_selection(self) -> None:
        row = self.selected_meeting()
        self.prepare_button.setEnabled(
            row is not None and row.state in (MeetingState.DRAFT, MeetingState.PREPARED)
        )

    def prepare_selected(self) -> PreparationDialog | None:
        """The Prepare the meeting dialog for the selected draft or prepared meeting."""
        row = self.selected_meeting()
        if row is None or row.state not in (MeetingState.DRAFT, MeetingState.PREPARED):
            return None
        dialog = PreparationDialog(self.book, row.id, self.host.today(), self)
        dialog.finished.connect(lambda _result: self._prepared(row.id))
        self.prepare_dialog = dialog
        dialog.open()
        return dialog

    def _prepared(self, meeting_id: str) -> None:
        self.refresh()
        self.select_meeting(meeting_id)
        self.table.setFocus()

    def new_meeting(self) -> NewMeetingDialog:
        return self.meeting_dialog()

    def meeting_dialog(
        self, kind: MeetingKind | None = None, suggested: date | None = None
    ) -> NewMeetingDialog:
        org = self.book.organisation()
        if suggested is None:
            suggested = next_meeting_for(self.book.rules, org.meeting_day, self.host.today()).on
        dialog = NewMeetingDialog(self.service, suggested, org.place_name, self, kind=kind)
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

    # --- the year plan ------------------------------------------------------------

    def show_plan(self) -> None:
        self.tabs.setCurrentWidget(self.plan_holder)

    def _tab_changed(self, index: int) -> None:
        if self.tabs.widget(index) is self.plan_holder:
            if self.plan_view is None:
                self._build_plan()
            self.load_plan()
            self.plan_table.setFocus()

    def _build_plan(self) -> None:
        view = QWidget()
        layout = QVBoxLayout(view)
        layout.setContentsMargins(0, 8, 0, 0)
        bar = QHBoxLayout()
        year_label = label(_("Y&ear:"))
        self.year = QComboBox()
        this_year = self.host.today().year
        for year in range(this_year - PLAN_YEARS_BACK, this_year + 2):
            self.year.addItem(str(year), year)
        self.year.setCurrentIndex(self.year.findData(this_year))
        self.year.setAccessibleName(_("Year"))
        year_label.setBuddy(self.year)
        self.year.currentIndexChanged.connect(lambda _index: self.load_plan())
        bar.addWidget(year_label)
        bar.addWidget(self.year)
        bar.addStretch(1)
        self.create_button = QPushButton(_("&Create this meeting"))
        self.create_button.clicked.connect(lambda: self.create_selected())
        bar.addWidget(self.create_button)
        self.thematic_button = QPushButton(_("Plan a &thematic meeting…"))
        self.thematic_button.clicked.connect(lambda: self.plan_thematic())
        bar.addWidget(self.thematic_button)
        layout.addLayout(bar)
        self.warnings = label("", "error", wrap=True)
        layout.addWidget(self.warnings)
        layout.addWidget(
            label(
                _(
                    "Regular meetings fall on the meeting day; a public holiday moves them, "
                    "weekends do not. Press Enter on a row: a planned meeting is created, "
                    "one in the book opens."
                ),
                "muted",
                wrap=True,
            )
        )
        columns = (
            Column(N_("Month"), lambda e: f"{e.month:02d}/{e.year}", lambda e: (e.on, e.kind)),
            Column(N_("Type"), lambda e: enum_label(e.kind)),
            Column(N_("Date"), lambda e: format_date(e.on), lambda e: e.on.isoformat()),
            Column(N_("State"), _plan_state),
            Column(N_("Note"), _plan_note),
        )
        self.plan_model = PlanModel(
            columns,
            look=lambda e: RowLook(tooltip=_plan_state(e)) if e.overdue else None,
        )
        self.plan_proxy = RowsProxy(self.plan_model)
        self.plan_table = DataTable(stretch=4)
        self.plan_table.setModel(self.plan_proxy)
        self.plan_table.sortByColumn(2, Qt.SortOrder.AscendingOrder)
        self.plan_table.setAccessibleName(_("Year plan"))
        self.plan_table.activated.connect(self._plan_activated)
        self.plan_table.selectionModel().currentRowChanged.connect(self._plan_selection)
        layout.addWidget(self.plan_table, 1)
        self.plan_holder.layout().addWidget(view)
        self.plan_view = view
        view.setTabOrder(self.year, self.plan_table)
        view.setTabOrder(self.plan_table, self.create_button)
        view.setTabOrder(self.create_button, self.thematic_button)

    def load_plan(self) -> None:
        if self.plan_view is None:
            return
        current = self.selected_entry()
        year = int(self.year.currentData())
        self.plan = year_plan(self.book, year, self.host.today())
        self.plan_model.set_rows(self.plan.entries)
        self.warnings.setText("\n".join(quarter_warning(q) for q in self.plan.warnings))
        self.warnings.setVisible(bool(self.plan.warnings))
        self.thematic_button.setEnabled(bool(self.plan.warnings))
        self.plan_table.fit_columns()
        if not self._select_entry(current):
            self._select_first_upcoming()
        self._plan_selection()

    def plan_entries(self) -> list[PlanEntry]:
        """The plan's entries in the order shown."""
        return [
            self.plan_model.row_at(self.plan_proxy.mapToSource(self.plan_proxy.index(r, 0)).row())
            for r in range(self.plan_proxy.rowCount())
        ]

    def selected_entry(self) -> PlanEntry | None:
        if self.plan_view is None:
            return None
        index = self.plan_table.currentIndex()
        if not index.isValid():
            return None
        entry: PlanEntry = self.plan_model.row_at(self.plan_proxy.mapToSource(index).row())
        return entry

    def select_entry(self, kind: MeetingKind, month: int) -> bool:
        for row, entry in enumerate(self.plan_entries()):
            if entry.kind is kind and entry.month == month and entry.in_plan:
                self.plan_table.selectRow(row)
                self.plan_table.scrollTo(self.plan_proxy.index(row, 0))
                return True
        return False

    def _select_entry(self, entry: PlanEntry | None) -> bool:
        if entry is None or not entry.in_plan:
            return False
        return self.select_entry(entry.kind, entry.month)

    def _select_first_upcoming(self) -> None:
        entries = self.plan_entries()
        today = self.host.today()
        row = next((r for r, e in enumerate(entries) if e.on >= today), 0)
        if entries:
            self.plan_table.selectRow(row)
            self.plan_table.scrollTo(self.plan_proxy.index(row, 0))

    def _plan_selection(self, *_args: object) -> None:
        entry = self.selected_entry()
        self.create_button.setEnabled(entry is not None and entry.can_create)

    def _plan_activated(self, index: QModelIndex) -> None:
        entry: PlanEntry = self.plan_model.row_at(self.plan_proxy.mapToSource(index).row())
        if entry.meeting_id is not None:
            self.host.open_meeting(entry.meeting_id)
        elif entry.can_create:
            self.create_entry(entry)

    def create_selected(self) -> str | None:
        entry = self.selected_entry()
        if entry is None or not entry.can_create:
            return None
        return self.create_entry(entry)

    def create_entry(self, entry: PlanEntry) -> str | None:
        """Put a planned meeting in the book, as a draft."""
        try:
            meeting_id = create_planned(self.book, entry)
        except ValidationError as error:
            QMessageBox.information(self, _("Year plan"), str(error))
            self.refresh()
            return None
        self.refresh()
        self.select_meeting(meeting_id)
        self.select_entry(entry.kind, entry.month)
        self.plan_table.setFocus()
        self.host.show_status(
            _("{title} added as a draft.").format(title=entry.title or enum_label(entry.kind))
        )
        return meeting_id

    def plan_thematic(self) -> NewMeetingDialog | None:
        """The New meeting dialog for the first quarter still without a thematic meeting."""
        if self.plan is None or not self.plan.warnings:
            return None
        today = self.host.today()
        quarters = [q.quarter for q in self.plan.warnings]
        regular = [e for e in self.plan.of_kind(MeetingKind.REGULAR) if e.quarter in quarters]
        ahead = [e for e in regular if e.on >= today]
        suggested = (ahead or regular)[0].on if regular else today
        return self.meeting_dialog(MeetingKind.THEMATIC, suggested)
