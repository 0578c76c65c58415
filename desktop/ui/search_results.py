"""The results of a search of the whole book."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from desktop.i18n import _, format_date, ngettext
from desktop.ui.qt.core import Qt
from desktop.ui.qt.widgets import (
    QAbstractItemView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)
from desktop.ui.widgets import label

if TYPE_CHECKING:
    from desktop.services.search import SearchResult

RESULT_ROLE = Qt.ItemDataRole.UserRole + 10


TITLE_CHARS = 32


class SearchResultsView(QWidget):
    """Kind, title and snippet of each result; Enter or double-click opens one."""

    def __init__(self, on_open: Callable[[SearchResult], None]) -> None:
        super().__init__()
        self.setObjectName("page-search")
        self._on_open = on_open
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        self.title = label(_("Search"), "title")
        layout.addWidget(self.title)
        self.summary = label("", "muted", wrap=True)
        layout.addWidget(self.summary)
        self.list = QTreeWidget()
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.setObjectName("searchResults")
        self.list.setAlternatingRowColors(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setHeaderLabels([_("Kind"), _("Meeting date"), _("Title"), _("Text")])
        self.list.setAccessibleName(_("Search results"))
        self.list.itemActivated.connect(self._activated)
        layout.addWidget(self.list, 1)
        self.results: list[SearchResult] = []

    def show_results(
        self, query: str, results: list[SearchResult], meeting_dates: dict[str, date]
    ) -> None:
        self.results = results
        self.title.setText(_("Search: “{query}”").format(query=query))
        if results:
            self.summary.setText(
                ngettext(
                    "{count} result. Press Enter or double-click to open one.",
                    "{count} results. Press Enter or double-click to open one.",
                    len(results),
                ).format(count=len(results))
            )
        else:
            self.summary.setText(
                _("Nothing found for “{query}”. Try fewer or shorter words.").format(query=query)
            )
        self.list.clear()
        for number, result in enumerate(results):
            held = meeting_dates.get(result.meeting_id or "")
            item = QTreeWidgetItem(
                [result.kind_label, format_date(held), result.title, result.snippet]
            )
            item.setData(0, RESULT_ROLE, number)
            item.setToolTip(2, result.title)
            item.setToolTip(3, result.snippet)
            self.list.addTopLevelItem(item)
        for column in range(3):
            self.list.resizeColumnToContents(column)
        # Long titles are cut (their tooltip has them whole) so the text that
        # matched, the most useful column, stays in view.
        widest_title = self.list.fontMetrics().averageCharWidth() * TITLE_CHARS
        self.list.setColumnWidth(2, min(self.list.columnWidth(2), widest_title))
        if results:
            self.list.setCurrentItem(self.list.topLevelItem(0))
            self.list.setFocus()

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        number = item.data(0, RESULT_ROLE)
        if number is not None:
            self._on_open(self.results[int(number)])
