"""Evaluations: the cell's meeting grades over a year, the annual review of
members and of the cell, criticism and shortcomings, emulation and
commendations — one tab each."""

from __future__ import annotations

from collections import Counter

from desktop.i18n import N_, _, current_language, format_date, format_month
from desktop.services.meetings import MeetingService
from desktop.ui.criticism.tab import CriticismTab
from desktop.ui.emulation.tab import EmulationTab
from desktop.ui.pages.base import Page, PageHost
from desktop.ui.qt.core import Qt
from desktop.ui.qt.widgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from desktop.ui.reviews.campaign_tab import ReviewCampaignTab
from desktop.ui.texts import grade_label, score_text
from desktop.ui.widgets import Column, DataTable, EmptyState, RowsModel, RowsProxy, label


class MeetingGradesTab(QWidget):
    """The quality scores of the regular monthly meetings of a year."""

    def __init__(self, host: PageHost) -> None:
        super().__init__()
        self.host = host
        self.service = MeetingService(host.book)
        rules = host.book.rules
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 8, 0, 0)
        year_row = QHBoxLayout()
        self.year = QComboBox()
        self.year.setAccessibleName(_("Year"))
        year_label = QLabel(_("&Year:"))
        year_label.setBuddy(self.year)
        year_row.addWidget(year_label)
        year_row.addWidget(self.year)
        year_row.addStretch(1)
        outer.addLayout(year_row)
        self.year.currentIndexChanged.connect(lambda _i: self._show_year())

        self.stack = QStackedWidget()
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(
            label(_("Quality scores of the regular monthly meetings."), "muted", wrap=True)
        )
        self.model = RowsModel(
            (
                Column(
                    N_("Month"),
                    lambda r: format_month(r.scheduled_on),
                    lambda r: r.scheduled_on.isoformat(),
                ),
                Column(
                    N_("Date"),
                    lambda r: format_date(r.scheduled_on),
                    lambda r: r.scheduled_on.isoformat(),
                ),
                Column(N_("Score"), lambda r: score_text(r.score), lambda r: r.score, True),
                Column(N_("Grade"), lambda r: grade_label(rules, r.grade)),
            )
        )
        self.proxy = RowsProxy(self.model)
        self.table = DataTable()
        self.table.setModel(self.proxy)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setAccessibleName(_("Grades by month"))
        layout.addWidget(self.table, 1)
        self.totals = label("", "big", wrap=True)
        layout.addWidget(self.totals)
        self.empty_state = EmptyState("", _("Go to meetings"), lambda: host.go_to("meetings"))
        self.content = content
        self.stack.addWidget(content)
        self.stack.addWidget(self.empty_state)
        outer.addWidget(self.stack, 1)

    @property
    def showing_empty(self) -> bool:
        return self.stack.currentWidget() is self.empty_state

    def load(self) -> None:
        years = sorted(
            {row.scheduled_on.year for row in self.service.rows()} | {self.host.today().year},
            reverse=True,
        )
        chosen = self.year.currentData() or self.host.today().year
        self.year.blockSignals(True)
        self.year.clear()
        for year in years:
            self.year.addItem(str(year), year)
        self.year.setCurrentIndex(max(0, self.year.findData(chosen)))
        self.year.blockSignals(False)
        self._show_year()

    def _show_year(self) -> None:
        year = self.year.currentData()
        if year is None:
            return
        rows = self.service.grades_by_month(year)
        self.model.set_rows(rows)
        self.table.fit_columns()
        rules = self.host.book.rules
        counts = Counter(grade_label(rules, row.grade) or "—" for row in rows)
        order = [band.title(current_language()) for band in rules.meeting_bands]
        parts = [f"{title}: {counts[title]}" for title in order] + [
            f"{title}: {count}" for title, count in counts.items() if title not in order
        ]
        self.totals.setText(_("Meetings by grade:") + "  " + " · ".join(parts))
        self.empty_state.set_message(
            _(
                "No regular meeting of {year} has a quality score yet. "
                "Scores are entered with each meeting's minutes."
            ).format(year=year)
        )
        self.stack.setCurrentWidget(self.empty_state if not rows else self.content)


class EvaluationsPage(Page):
    key = "evaluations"

    def __init__(self, host: PageHost) -> None:
        super().__init__(host, _("Evaluations"))
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.grades = MeetingGradesTab(host)
        self.review = ReviewCampaignTab(host)
        self.criticism = CriticismTab(host)
        self.emulation = EmulationTab(host)
        self.tabs.addTab(self.grades, _("Meeting &grades"))
        self.tabs.addTab(self.review, _("&Annual review"))
        self.tabs.addTab(self.criticism, _("&Criticism and shortcomings"))
        self.tabs.addTab(self.emulation, _("&Emulation and commendations"))
        self.tabs.currentChanged.connect(self._tab_shown)
        self.set_content(self.tabs)
        # The meeting grades, as before the tabs.
        self.year = self.grades.year
        self.table = self.grades.table
        self.model = self.grades.model
        self.proxy = self.grades.proxy
        self.totals = self.grades.totals
        self.empty_state = self.grades.empty_state

    @property
    def showing_empty(self) -> bool:
        """Whether the meeting grades show their empty state."""
        return self.grades.showing_empty

    def show_tab(self, tab: QWidget) -> None:
        self.tabs.setCurrentWidget(tab)

    def load(self) -> None:
        """Read the tab on screen; each other tab is read when it is shown (what
        one tab records may change another: criticism given in a review)."""
        self.show_empty(False)
        self._tab_shown(self.tabs.currentIndex())

    def _tab_shown(self, index: int) -> None:
        tab = self.tabs.widget(index)
        load = getattr(tab, "load", None)
        if callable(load):
            load()
