"""Emulation, a tab of the Evaluations page: the pledges of a year (the
cell's own and its members') with their results, and the commendations."""

from __future__ import annotations

from desktop.i18n import _
from desktop.services.emulation import EmulationService
from desktop.ui.emulation.commendations import CommendationsPart
from desktop.ui.emulation.pledges import PledgesPart
from desktop.ui.pages.base import PageHost
from desktop.ui.qt.widgets import QComboBox, QHBoxLayout, QLabel, QTabWidget, QVBoxLayout, QWidget


class EmulationTab(QWidget):
    """Built by the Evaluations page with its host; `load()` reads the book
    each time the tab is shown."""

    def __init__(self, host: PageHost) -> None:
        super().__init__()
        self.host = host
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        top = QHBoxLayout()
        self.year = QComboBox()
        self.year.setAccessibleName(_("Year"))
        year_label = QLabel(_("&Year:"))
        year_label.setBuddy(self.year)
        top.addWidget(year_label)
        top.addWidget(self.year)
        top.addStretch(1)
        layout.addLayout(top)
        self.parts = QTabWidget()
        self.parts.setDocumentMode(True)
        self.pledges = PledgesPart(host, self.load)
        self.commendations = CommendationsPart(host, self.load)
        self.parts.addTab(self.pledges, _("Pledges"))
        self.parts.addTab(self.commendations, _("Commendations"))
        layout.addWidget(self.parts, 1)
        self.year.currentIndexChanged.connect(lambda _index: self._show_year())

    def load(self, year: int | None = None) -> None:
        """Read the book again; `year` is shown if given (a record was just
        saved for it), else the year chosen before."""
        service = EmulationService(self.host.book, self.host.today())
        this_year = self.host.today().year
        years = {row.year for row in service.pledges()}
        years |= {row.given_on.year for row in service.commendations()}
        chosen = year or self.year.currentData() or this_year
        years |= {this_year - 1, this_year, chosen}
        self.year.blockSignals(True)
        self.year.clear()
        for year in sorted(years, reverse=True):
            self.year.addItem(str(year), year)
        self.year.setCurrentIndex(max(0, self.year.findData(chosen)))
        self.year.blockSignals(False)
        self._show_year()

    @property
    def chosen_year(self) -> int:
        return int(self.year.currentData() or self.host.today().year)

    def set_year(self, year: int) -> None:
        index = self.year.findData(year)
        if index < 0:
            self.load(year)  # a year with nothing recorded yet
        else:
            self.year.setCurrentIndex(index)

    def _show_year(self) -> None:
        year = self.chosen_year
        self.pledges.load(year)
        self.commendations.load(year)
        self.parts.setTabText(
            0, _("Pledges for {year} ({count})").format(year=year, count=self.pledges.count)
        )
        self.parts.setTabText(
            1,
            _("Commendations in {year} ({count})").format(
                year=year, count=self.commendations.count
            ),
        )
