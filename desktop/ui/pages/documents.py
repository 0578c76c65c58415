"""Documents: this month's documents to preview, print and save, and the
register of numbered documents."""

from __future__ import annotations

from desktop.i18n import N_, _, format_date
from desktop.services.members import MemberService
from desktop.services.register import RegisterService
from desktop.ui.documents.month_tab import MonthDocuments
from desktop.ui.pages.base import Page, PageHost
from desktop.ui.qt.core import Qt
from desktop.ui.qt.widgets import QStackedWidget, QTabWidget, QVBoxLayout, QWidget
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
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.month_tab = MonthDocuments(
            lambda: self.book,
            host.today,
            host.show_status,
            lambda: host.go_to("meetings"),
            self.load_register,
        )
        self.tabs.addTab(self.month_tab, _("&This month's documents"))
        self.tabs.addTab(self._build_register(), _("&Register"))
        # A book without members has nothing to write documents about yet.
        empty = EmptyState(
            _(
                "Documents are made from the members and the meetings of the book. "
                "Add the members first."
            ),
            _("Go to members"),
            lambda: host.go_to("members"),
        )
        self.set_content(self.tabs, empty)

    def _build_register(self) -> QWidget:
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(
            label(
                _(
                    "Every document the cell issues gets the next number of its type, the "
                    "first time it is printed or saved."
                ),
                "muted",
                wrap=True,
            )
        )
        self.register_stack = QStackedWidget()
        self.model = RowsModel(DOCUMENT_COLUMNS, search_text=lambda r: r.summary)
        self.proxy = RowsProxy(self.model)
        self.table = DataTable(stretch=3)
        self.table.setModel(self.proxy)
        self.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
        self.table.setAccessibleName(_("Document register"))
        self.register_stack.addWidget(self.table)
        self.register_empty = EmptyState(
            _(
                "No documents have a number yet. A document gets its number when it is "
                "printed or saved from this month's documents."
            ),
            _("Show this month's documents"),
            lambda: self.tabs.setCurrentWidget(self.month_tab),
        )
        self.register_stack.addWidget(self.register_empty)
        layout.addWidget(self.register_stack, 1)
        return content

    def load(self) -> None:
        has_members = sum(MemberService(self.book).counts_by_status().values()) > 0
        rows = self.load_register()
        if not has_members and not rows:
            self.show_empty(True)
            return
        self.show_empty(False)
        self.month_tab.load(keep=self.month_tab.selected())

    def load_register(self) -> list[object]:
        rows = self.service.records()
        self.model.set_rows(rows)
        self.table.fit_columns()
        self.register_stack.setCurrentWidget(self.table if rows else self.register_empty)
        return list(rows)
