"""Documents: the register of numbered documents."""

from __future__ import annotations

from desktop.i18n import N_, _, format_date
from desktop.services.register import RegisterService
from desktop.ui.pages.base import Page, PageHost
from desktop.ui.qt.core import Qt
from desktop.ui.qt.widgets import QVBoxLayout, QWidget
from desktop.ui.texts import document_type_label
from desktop.ui.widgets import Column, DataTable, EmptyState, RowsModel, RowsProxy, label

DOCUMENT_COLUMNS = (
    Column(N_("Number"), lambda r: r.symbol, lambda r: f"{r.doc_type.value}-{r.number:05d}"),
    Column(N_("Date"), lambda r: format_date(r.issued_on), lambda r: r.issued_on.isoformat()),
    Column(N_("Type"), lambda r: document_type_label(r.doc_type)),
    Column(N_("Summary"), lambda r: r.summary),
)


class DocumentsPage(Page):
    key = "documents"

    def __init__(self, host: PageHost) -> None:
        super().__init__(host, _("Documents"))
        self.service = RegisterService(self.book)
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(
            label(
                _("Every document the cell issues gets the next number of its type."),
                "muted",
                wrap=True,
            )
        )
        self.model = RowsModel(DOCUMENT_COLUMNS, search_text=lambda r: r.summary)
        self.proxy = RowsProxy(self.model)
        self.table = DataTable(stretch=3)
        self.table.setModel(self.proxy)
        self.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
        self.table.setAccessibleName(_("Document register"))
        layout.addWidget(self.table, 1)
        empty = EmptyState(
            _(
                "No documents have a number yet. Numbers are given when the minutes or "
                "the resolution of a meeting are issued."
            ),
            _("Go to meetings"),
            lambda: host.go_to("meetings"),
        )
        self.set_content(content, empty)

    def load(self) -> None:
        rows = self.service.records()
        self.model.set_rows(rows)
        self.table.fit_columns()
        self.show_empty(not rows)
