"""The review's documents: each member's personal review, the lists and
minutes of the review, and the blank forms, to preview, print and save
(the way the Documents page hands out a month's documents)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from desktop.export.catalogue import (
    PlannedDocument,
    blank_review_forms,
    documents_for_review,
    issued_record,
)
from desktop.i18n import _
from desktop.services.book import Book
from desktop.ui.documents.handing_out import HandingOut, problem_text
from desktop.ui.documents.preview import PdfPreview
from desktop.ui.documents.preview_loader import ROW_COLUMNS, DocumentRow, PreviewLoader
from desktop.ui.documents.worker import Worker
from desktop.ui.qt.core import QItemSelectionModel, Qt
from desktop.ui.qt.gui import QKeySequence, QShortcut, QShowEvent
from desktop.ui.qt.widgets import (
    QDialog,
    QDialogButtonBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)
from desktop.ui.widgets import (
    DataTable,
    FlowLayout,
    RowsModel,
    fit_to_screen,
    label,
    primary_button,
)


def review_documents(book: Book, campaign_id: str, today: date) -> list[PlannedDocument]:
    """The campaign's documents, then the blank personal review forms."""
    return [
        *documents_for_review(book, campaign_id, today=today),
        *blank_review_forms(book),
    ]


class ReviewDocumentsDialog(QDialog):
    def __init__(
        self,
        book: Book,
        campaign_id: str,
        title: str,
        today: date,
        status: Callable[[str], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(_("Documents of the review"))
        self.book = book
        self.campaign_id = campaign_id
        self.title = title
        self.today = today
        self.worker = Worker(self)
        self.handing_out = HandingOut(self, lambda: book, lambda: today, status)

        layout = QVBoxLayout(self)
        layout.addWidget(label(title, "heading", wrap=True))
        layout.addWidget(
            label(
                _(
                    "Choose a document to see it as it will print. The blank forms are "
                    "for members who write their review by hand."
                ),
                "muted",
                wrap=True,
            )
        )
        self.problem = label("", "error", wrap=True)
        self.problem.hide()
        layout.addWidget(self.problem)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self._build_list())
        self.preview = PdfPreview()
        self.loader = PreviewLoader(self.worker, self.preview, lambda: book, lambda: today)
        splitter.addWidget(self.preview)
        splitter.setSizes([5000, 5000])
        layout.addWidget(splitter, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.print_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Print), self)
        self.print_shortcut.activated.connect(self.print_selected)
        fit_to_screen(self, 1200, 760)
        self.load()

    def _build_list(self) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 8, 0)
        self.model = RowsModel(ROW_COLUMNS)
        self.table = DataTable(stretch=1)
        self.table.setSortingEnabled(False)
        self.table.setModel(self.model)
        self.table.setAccessibleName(_("Documents of the review"))
        self.table.selectionModel().currentRowChanged.connect(
            lambda _current, _previous: self._selection_changed()
        )
        self.table.activated.connect(lambda _index: self.preview.focus_pages())
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
        box.setMinimumWidth(280)
        return box

    # --- the list --------------------------------------------------------------------

    def load(self, keep: PlannedDocument | None = None) -> None:
        try:
            planned = review_documents(self.book, self.campaign_id, self.today)
        except Exception as error:  # documents still being written must not crash the app
            self.problem.setText(problem_text(error))
            self.problem.show()
            planned = []
        rows = [self._row(item) for item in planned]
        self.model.set_rows(rows)
        self.table.fit_columns()
        items = [row.planned for row in rows]
        if items:
            self.select_row(items.index(keep) if keep in items else 0)
        else:
            self._selection_changed()
            self.preview.show_message(_("This review has no documents yet."), "")

    def _row(self, planned: PlannedDocument) -> DocumentRow:
        if planned.review_id is None and planned.form_id is None and planned.about == self.title:
            about = _("The whole cell")  # the dialog's heading names the review
        else:
            about = planned.about or _("To fill in by hand")
        number = ""
        if planned.doc_type is not None:
            record = issued_record(self.book, planned)
            number = record.symbol if record is not None else _("not yet")
        return DocumentRow(planned, planned.label, about, number)

    def select_row(self, row: int) -> None:
        self.table.selectionModel().setCurrentIndex(
            self.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
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

    # --- the preview -----------------------------------------------------------------

    @property
    def preparing(self) -> bool:
        return self.loader.preparing

    # --- printing and saving ----------------------------------------------------------

    def print_selected(self) -> int:
        planned = self.selected()
        if planned is None:
            return 0
        pages = self.handing_out.print(planned)
        if pages and planned.doc_type is not None:
            self.loader.forget()
            self.load(keep=planned)
        return pages

    def save_selected(self, fmt: str) -> None:
        planned = self.selected()
        if planned is None:
            return
        stem = self.loader.file_stem(planned)
        if self.handing_out.save(planned, fmt, stem) is not None and planned.doc_type:
            self.loader.forget()
            self.load(keep=planned)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)
        self.table.fit_columns()  # now that the list has its real width

    def done(self, result: int) -> None:
        self.loader.forget()
        self.worker.wait(10000)
        super().done(result)
