"""Criticism and self-criticism recorded through the year: the list, its
filters, the selected one in full, recording and deleting."""

from __future__ import annotations

from collections.abc import Callable

from desktop.i18n import N_, _, format_date
from desktop.services.criticism import CriticismService
from desktop.services.labels import enum_label
from desktop.services.meetings import MeetingService
from desktop.services.members import MemberService
from desktop.services.reviews import CriticismRow
from desktop.ui.criticism.common import (
    CELL,
    RowsView,
    confirm,
    run_change,
    shortened,
    whose,
)
from desktop.ui.criticism.dialogs import CriticismDialog
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
from desktop.ui.widgets import Column, EmptyState, label, primary_button

EVERYONE = "*"


class CriticismRecords(QWidget):
    """The first part of the criticism tab. `on_change` is called after
    something was saved (the shortcomings beside it may have changed)."""

    def __init__(self, host: PageHost, on_change: Callable[[], None]) -> None:
        super().__init__()
        self.host = host
        self.on_change = on_change
        self.service = CriticismService(host.book, host.today())
        self.dialog: FormDialog | None = None
        self.meetings: dict[str, str] = {}  # id -> title and date
        self.meeting_kinds: dict[str | None, str] = {}  # id -> "Regular meeting"…
        self.total = 0

        self.stack = QStackedWidget()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.stack)
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 8, 0, 0)

        top = QHBoxLayout()
        self.year = QComboBox()
        self.year.setAccessibleName(_("Year"))
        year_label = QLabel(_("&Year:"))
        year_label.setBuddy(self.year)
        self.about = QComboBox()
        self.about.setAccessibleName(_("About whom"))
        self.about.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        about_label = QLabel(_("About &whom:"))
        about_label.setBuddy(self.about)
        for widget in (year_label, self.year, about_label, self.about):
            top.addWidget(widget)
        top.addStretch(1)
        self.record_button = primary_button(_("&Record criticism…"), self.record)
        top.addWidget(self.record_button)
        layout.addLayout(top)

        columns = (
            Column(N_("Date"), lambda r: format_date(r.given_on), lambda r: r.given_on.isoformat()),
            Column(N_("Given by"), lambda r: r.by_name),
            Column(N_("About whom"), lambda r: whose(r.about_name)),
            Column(N_("Kind"), lambda r: enum_label(r.kind)),
            Column(N_("What was said"), lambda r: shortened(r.content, 40)),
            Column(N_("Meeting"), lambda r: self.meeting_kinds.get(r.meeting_id, "")),
        )
        self.view = RowsView(
            columns, _("Criticism and self-criticism"), stretch=4, caps={1: 21, 2: 18, 5: 18}
        )
        self.view.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.view.table.selectionModel().currentRowChanged.connect(
            lambda _current, _previous: self._show_selected()
        )
        layout.addWidget(self.view, 1)

        self.heading = label("", "muted", wrap=True)
        layout.addWidget(self.heading)
        self.full_text = QPlainTextEdit()
        self.full_text.setReadOnly(True)
        self.full_text.setTabChangesFocus(True)
        self.full_text.setAccessibleName(_("What was said, in full"))
        self.full_text.setFixedHeight(self.full_text.fontMetrics().height() * 4 + 14)
        layout.addWidget(self.full_text)

        bottom = QHBoxLayout()
        self.meeting_button = QPushButton(_("Open the &meeting"))
        self.meeting_button.clicked.connect(lambda _checked=False: self.open_meeting())
        self.delete_button = QPushButton(_("&Delete…"))
        self.delete_button.clicked.connect(lambda _checked=False: self.delete_selected())
        bottom.addWidget(self.meeting_button)
        bottom.addWidget(self.delete_button)
        bottom.addStretch(1)
        layout.addLayout(bottom)

        self.empty = EmptyState(
            _(
                "No criticism recorded yet. When members criticise themselves or each other "
                "at a meeting, or the commune comments on the cell's work, record it here; "
                "a shortcoming it points out can be followed up until it is fixed."
            ),
            _("Record criticism…"),
            self.record,
        )
        self.stack.addWidget(content)
        self.stack.addWidget(self.empty)
        self.content = content
        self.year.currentIndexChanged.connect(lambda _index: self._show_rows())
        self.about.currentIndexChanged.connect(lambda _index: self._show_rows())

    # --- reading ---------------------------------------------------------------

    def load(self) -> None:
        book = self.host.book
        self.service = CriticismService(book, self.host.today())
        meetings = MeetingService(book).rows()
        self.meeting_kinds = {row.id: enum_label(row.kind) for row in meetings}
        self.meetings = {
            row.id: f"{row.display_title} ({format_date(row.scheduled_on)})" for row in meetings
        }
        every = self.service.rows()
        self.total = len(every)
        today = self.host.today()
        self._fill_years(sorted({r.given_on.year for r in every} | {today.year}, reverse=True))
        names = {r.about_member_id: r.about_name for r in every if r.about_member_id}
        for member in MemberService(book, today).rows():
            names.setdefault(member.id, member.full_name)
        self._fill_about(sorted(names.items(), key=lambda item: item[1]))
        self._show_rows()
        self.stack.setCurrentWidget(self.content if self.total else self.empty)

    def _fill_years(self, years: list[int]) -> None:
        chosen = self.year.currentData() if self.year.count() else self.host.today().year
        self.year.blockSignals(True)
        self.year.clear()
        for year in years:
            self.year.addItem(str(year), year)
        self.year.addItem(_("All years"), 0)
        self.year.setCurrentIndex(max(0, self.year.findData(chosen)))
        self.year.blockSignals(False)

    def _fill_about(self, members: list[tuple[str, str]]) -> None:
        chosen = self.about.currentData() or EVERYONE
        self.about.blockSignals(True)
        self.about.clear()
        self.about.addItem(_("Everyone and the cell"), EVERYONE)
        self.about.addItem(_("The cell as a whole"), CELL)
        for member_id, name in members:
            self.about.addItem(name, member_id)
        self.about.setCurrentIndex(max(0, self.about.findData(chosen)))
        self.about.blockSignals(False)

    def set_filters(self, *, year: int | None = None, about: str | None = None) -> None:
        """Choose the year (0: all years) and whom the criticism is about
        (a member id, `CELL`, or `EVERYONE`)."""
        if year is not None:
            self.year.setCurrentIndex(self.year.findData(year))
        if about is not None:
            self.about.setCurrentIndex(self.about.findData(about))

    def _show_rows(self) -> None:
        year = self.year.currentData() or None
        about = self.about.currentData() or EVERYONE
        member = None if about in (EVERYONE, CELL) else about
        rows = self.service.rows(year=year, about_member_id=member)
        if about == CELL:
            rows = [row for row in rows if row.about_member_id is None]
        if year:
            nothing = _("No criticism recorded in {year} for this choice.").format(year=year)
        else:
            nothing = _("No criticism recorded for this choice.")
        self.view.set_rows(rows, nothing + " " + _("Choose another year or person above."))
        self._show_selected()

    def rows(self) -> list[CriticismRow]:
        return self.view.rows()

    def selected(self) -> CriticismRow | None:
        row: CriticismRow | None = self.view.selected()
        return row

    def _show_selected(self) -> None:
        row = self.selected()
        self.delete_button.setEnabled(row is not None)
        self.meeting_button.setEnabled(row is not None and row.meeting_id is not None)
        if row is None:
            self.heading.setText("")
            self.full_text.clear()
            return
        head = _("{kind} on {date}, given by {by}, about {about}").format(
            kind=enum_label(row.kind),
            date=format_date(row.given_on),
            by=row.by_name,
            about=row.about_name or _("the cell as a whole"),
        )
        meeting = self.meetings.get(row.meeting_id or "")
        if meeting:
            head += " " + _("at the meeting {meeting}").format(meeting=meeting)
        self.heading.setText(head + ":")
        self.full_text.setPlainText(row.content)

    # --- actions -------------------------------------------------------------------

    def record(self) -> CriticismDialog:
        book, today = self.host.book, self.host.today()
        dialog = CriticismDialog(
            CriticismService(book, today),
            MemberService(book, today).rows(),
            MeetingService(book).rows(),
            self,
        )
        dialog.accepted.connect(lambda: self._saved(dialog))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _saved(self, dialog: CriticismDialog) -> None:
        if dialog.with_shortcoming.isChecked():
            self.host.show_status(_("Criticism recorded, and the shortcoming noted to follow up."))
        else:
            self.host.show_status(_("Criticism recorded."))
        self.on_change()
        if dialog.saved_id and not self.view.select(dialog.saved_id):
            self.set_filters(year=0, about=EVERYONE)
            self.view.select(dialog.saved_id)

    def open_meeting(self) -> None:
        row = self.selected()
        if row is not None and row.meeting_id is not None:
            self.host.open_meeting(row.meeting_id)

    def delete_selected(self, *, ask: bool = True) -> bool:
        row = self.selected()
        if row is None:
            return False
        question = _(
            "Delete the {kind} of {date} given by {by}? A shortcoming noted with it is kept."
        ).format(kind=enum_label(row.kind).lower(), date=format_date(row.given_on), by=row.by_name)
        if ask and not confirm(self, _("Delete criticism"), question):
            return False
        if not run_change(self, _("Delete criticism"), lambda: self.service.delete(row.id)):
            return False
        self.host.show_status(_("Criticism deleted."))
        self.on_change()
        return True
