"""Criticism and shortcomings, a tab of the Evaluations page: criticism and
self-criticism recorded at meetings through the year, and the shortcomings
to fix that came out of it, followed up until they are fixed."""

from __future__ import annotations

from desktop.i18n import _
from desktop.ui.criticism.records import CriticismRecords
from desktop.ui.criticism.shortcomings import ShortcomingsPart
from desktop.ui.pages.base import PageHost
from desktop.ui.qt.widgets import QTabWidget, QVBoxLayout, QWidget


class CriticismTab(QWidget):
    """Built by the Evaluations page with its host; `load()` reads the book
    each time the tab is shown."""

    def __init__(self, host: PageHost) -> None:
        super().__init__()
        self.host = host
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.parts = QTabWidget()
        self.parts.setDocumentMode(True)
        self.records = CriticismRecords(host, self.load)
        self.shortcomings = ShortcomingsPart(host, self.load)
        self.parts.addTab(self.records, _("Criticism and self-criticism"))
        self.parts.addTab(self.shortcomings, _("Shortcomings to fix"))
        layout.addWidget(self.parts)

    def load(self) -> None:
        self.records.load()
        self.shortcomings.load()
        self.parts.setTabText(
            0,
            _("Criticism and self-criticism ({count})").format(count=self.records.total),
        )
        part = self.shortcomings
        if part.overdue_count:
            text = _("Shortcomings to fix ({count}, {overdue} past the deadline)").format(
                count=part.open_count, overdue=part.overdue_count
            )
        else:
            text = _("Shortcomings to fix ({count})").format(count=part.open_count)
        self.parts.setTabText(1, text)

    def show_shortcomings(self) -> None:
        self.parts.setCurrentWidget(self.shortcomings)
