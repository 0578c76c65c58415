"""This month's documents: the month, its documents and the blank forms on the
left, the selected one's preview on the right, and what to do with it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from desktop.export.catalogue import (
    KINDS,
    PlannedDocument,
    Scope,
    blank_forms,
    documents_for_month,
)
from desktop.export.numbering import record_for
from desktop.i18n import _
from desktop.services.book import Book
from desktop.ui.documents.handing_out import HandingOut, default_folder
from desktop.ui.documents.month_export import MonthExport
from desktop.ui.documents.preview import PdfPreview
from desktop.ui.documents.preview_loader import (
    ROW_COLUMNS,
    DocumentRow,
    Preview,
    PreviewLoader,
)
from desktop.ui.documents.worker import Worker
from desktop.ui.month_chooser import MonthChooser
from desktop.ui.qt.core import QItemSelectionModel, Qt
from desktop.ui.qt.gui import QKeySequence, QShortcut
from desktop.ui.qt.widgets import (
    QFrame,
    QHBoxLayout,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)
from desktop.ui.theme import set_role
from desktop.ui.widgets import DataTable, FlowLayout, RowsModel, label, primary_button

# The months offered: from January this many years back to December of this year.
YEARS_BACK = 3


class MonthDocuments(QWidget):
    """The first tab of the Documents page."""

    def __init__(
        self,
        book: Callable[[], Book],
        today: Callable[[], date],
        status: Callable[[str], None],
        go_to_meetings: Callable[[], object],
        on_issued: Callable[[], None],
    ) -> None:
        super().__init__()
        self._book = book
        self._today = today
        self._on_issued = on_issued
        self.go_to_meetings = go_to_meetings
        self.worker = Worker(self)
        self.handing_out = HandingOut(self, book, today, status)
        self.month = today().replace(day=1)
        self.export: MonthExport | None = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(self._build_month_bar())
        layout.addWidget(self._build_empty_banner())
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self._build_list())
        self.preview = PdfPreview()
        self.loader = PreviewLoader(self.worker, self.preview, book, today)
        self.splitter.addWidget(self.preview)
        self.splitter.setStretchFactor(0, 4)
        self.splitter.setStretchFactor(1, 5)
        self.splitter.setSizes([4500, 5500])
        layout.addWidget(self.splitter, 1)

        self.print_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Print), self)
        self.print_shortcut.activated.connect(self.print_selected)
        order = (
            self.previous_button,
            self.month_box,
            self.next_button,
            self.export_button,
            self.meetings_button,
            self.table,
            self.print_button,
            self.save_pdf_button,
            self.save_word_button,
            self.preview.zoom_out_button,
            self.preview.zoom_in_button,
            self.preview.fit_button,
            self.preview.view,
        )
        for first, second in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(first, second)

    # --- building ----------------------------------------------------------------------

    def _build_month_bar(self) -> FlowLayout:
        bar = FlowLayout()
        self.chooser = MonthChooser(self._today(), YEARS_BACK)
        self.chooser.chosen.connect(self._month_chosen)
        self.previous_button = self.chooser.previous_button
        self.month_box = self.chooser.month_box
        self.next_button = self.chooser.next_button
        self.export_button = QPushButton(_("&Everything for this month…"))
        self.export_button.setToolTip(
            _("Save every document of the month, and the blank forms, as PDF and Word files")
        )
        self.export_button.clicked.connect(lambda _checked=False: self.export_month())
        bar.addWidget(self.chooser)
        bar.addWidget(self.export_button)
        return bar

    def _build_empty_banner(self) -> QFrame:
        self.empty_banner = QFrame()
        set_role(self.empty_banner, "banner")
        line = QHBoxLayout(self.empty_banner)
        self.empty_message = label(
            _("No meetings this month yet. Plan one on the Meetings page."), wrap=True
        )
        line.addWidget(self.empty_message, 1)
        self.meetings_button = primary_button(_("&Go to meetings"), self._go_to_meetings)
        line.addWidget(self.meetings_button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.empty_banner.hide()
        return self.empty_banner

    def _go_to_meetings(self) -> None:
        self.go_to_meetings()

    def _build_list(self) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 8, 0)
        self.model = RowsModel(ROW_COLUMNS)
        self.table = DataTable(stretch=1)
        self.table.setSortingEnabled(False)  # the order of the month, meeting by meeting
        self.table.setModel(self.model)
        self.table.setAccessibleName(_("Documents of the month"))
        self.table.setAccessibleDescription(_("Enter moves to the preview of the document."))
        self.table.selectionModel().currentRowChanged.connect(
            lambda _current, _previous: self._selection_changed()
        )
        self.table.activated.connect(lambda _index: self.focus_preview())
        column.addWidget(self.table, 1)
        actions = QWidget()
        flow = FlowLayout(actions)
        self.print_button = primary_button(_("Pr&int…"), self.print_selected)
        self.print_button.setToolTip(_("Print the selected document (Ctrl+P)"))
        self.save_pdf_button = QPushButton(_("Save as P&DF…"))
        self.save_pdf_button.clicked.connect(lambda _checked=False: self.save_selected("pdf"))
        self.save_word_button = QPushButton(_("Save a Word &copy…"))
        self.save_word_button.clicked.connect(lambda _checked=False: self.save_selected("docx"))
        for button in (self.print_button, self.save_pdf_button, self.save_word_button):
            flow.addWidget(button)
        column.addWidget(actions)
        box.setMinimumWidth(260)
        return box

    # --- months ------------------------------------------------------------------------

    def step_month(self, step: int) -> None:
        self.chooser.step(step)

    def set_month(self, month: date) -> None:
        self.chooser.choose(month)

    def _month_chosen(self, month: date) -> None:
        if month != self.month:
            self.month = month
            self.load(keep=None)

    # --- reading the book ---------------------------------------------------------------

    def load(self, keep: PlannedDocument | None = None) -> None:
        """Read the month's documents; select `keep` (or the first) and preview it."""
        self.chooser.show_month(self.month)
        book = self._book()
        planned = documents_for_month(book, self.month, today=self._today())
        has_meetings = any(item.meeting_id is not None for item in planned)
        self.empty_banner.setVisible(not has_meetings)
        rows = [self._row(book, item) for item in planned + blank_forms()]
        self.model.set_rows(rows)
        self.table.fit_columns()
        items = [row.planned for row in rows]
        index = items.index(keep) if keep in items else 0
        self._select(index)

    def _row(self, book: Book, planned: PlannedDocument) -> DocumentRow:
        about = planned.about or _("To fill in by hand")
        number = ""
        doc_type = planned.doc_type
        if doc_type is not None:
            month = planned.month if KINDS[planned.kind].scope is Scope.MONTH else None
            record = record_for(book, doc_type, planned.meeting_id, month)
            number = record.symbol if record is not None else _("not yet")
        return DocumentRow(planned, planned.label, about, number)

    def _select(self, row: int) -> None:
        index = self.model.index(row, 0)
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        self.table.selectionModel().setCurrentIndex(index, flags)
        self._selection_changed()

    def selected(self) -> PlannedDocument | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        row: DocumentRow = self.model.row_at(index.row())
        return row.planned

    def _selection_changed(self) -> None:
        planned = self.selected()
        for button in (self.print_button, self.save_pdf_button, self.save_word_button):
            button.setEnabled(planned is not None)
        if planned is not None and planned is not self.loader.wanted:
            self.loader.request(planned)

    def focus_preview(self) -> None:
        self.preview.focus_pages()

    # --- the preview (built on the worker thread) ----------------------------------------

    @property
    def preparing(self) -> bool:
        return self.loader.preparing

    @property
    def shown(self) -> Preview | None:
        return self.loader.shown

    # --- handing documents out ---------------------------------------------------------

    def print_selected(self) -> int:
        planned = self.selected()
        if planned is None:
            return 0
        pages = self.handing_out.print(planned)
        if pages:
            self._issued(planned)
        return pages

    def save_selected(self, fmt: str) -> None:
        planned = self.selected()
        if planned is None:
            return
        if self.handing_out.save(planned, fmt, self.loader.file_stem(planned)) is not None:
            self._issued(planned)

    def _issued(self, planned: PlannedDocument) -> None:
        """A number may have been given: show it in the list, the preview and the register."""
        if planned.doc_type is not None:
            self.loader.forget()
            self.load(keep=planned)
            self._on_issued()

    def export_month(self) -> None:
        if self.export is not None:
            if self.export.running:
                return
            self.export.deleteLater()
        start = self.handing_out.folder or default_folder()
        self.export = MonthExport(self, self.worker, self._book(), self.month, start, self._ended)
        if not self.export.start():
            self.export.deleteLater()
            self.export = None

    def _ended(self) -> None:
        if self.export is not None and self.export.target is not None:
            self.handing_out.folder = self.export.target.parent
        self.loader.forget()
        self.load(keep=self.selected())
        self._on_issued()
