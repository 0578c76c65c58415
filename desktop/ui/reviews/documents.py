"""The review's documents: each member's personal review, the lists and
minutes of the review, and the blank forms, to preview, print and save
(the way the Documents page hands out a month's documents)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from desktop.export.catalogue import (
    PlannedDocument,
    blank_review_forms,
    build,
    documents_for_review,
    issued_record,
)
from desktop.i18n import N_, _
from desktop.services.book import Book
from desktop.ui.documents.handing_out import HandingOut, problem_text
from desktop.ui.documents.preview import PdfPreview
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
    Column,
    DataTable,
    FlowLayout,
    RowsModel,
    fit_to_screen,
    label,
    primary_button,
)


@dataclass(frozen=True)
class DocumentRow:
    planned: PlannedDocument
    label: str
    about: str
    number: str


COLUMNS = (
    Column(N_("Document"), lambda r: r.label),
    Column(N_("About"), lambda r: r.about),
    Column(N_("Number"), lambda r: r.number),
)


@dataclass(frozen=True)
class Preview:
    planned: PlannedDocument
    pdf: bytes
    file_stem: str


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
        self.worker.finished.connect(self._preview_ready)
        self.worker.failed.connect(self._preview_failed)
        self.handing_out = HandingOut(self, lambda: book, lambda: today, status)
        self._wanted: PlannedDocument | None = None
        self._ticket = 0
        self.shown: Preview | None = None

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
        self.model = RowsModel(COLUMNS)
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
        if planned is not None and planned is not self._wanted:
            self.request_preview(planned)

    # --- the preview -----------------------------------------------------------------

    def request_preview(self, planned: PlannedDocument) -> None:
        self._wanted = planned
        self.preview.show_message(_("Preparing the preview…"), _title(planned))
        book, today = self.book, self.today

        def job() -> Preview | None:
            if self._wanted is not planned:
                return None
            from desktop.export.pdf import pdf_bytes

            document = build(book, planned, issue=False, today=today)
            return Preview(planned, pdf_bytes(document), document.file_stem)

        self._ticket = self.worker.start(job)

    @property
    def preparing(self) -> bool:
        return self._wanted is not None

    def _preview_ready(self, ticket: int, result: object) -> None:
        if ticket != self._ticket or not isinstance(result, Preview):
            return
        if result.planned is not self._wanted:
            return
        self._wanted = None
        self.shown = result
        self.preview.show_pdf(result.pdf, _title(result.planned))

    def _preview_failed(self, ticket: int, error: object) -> None:
        if ticket != self._ticket:
            return
        planned, self._wanted = self._wanted, None
        self.shown = None
        text = problem_text(error) if isinstance(error, Exception) else str(error)
        self.preview.show_message(text, _title(planned) if planned else "")

    # --- printing and saving ----------------------------------------------------------

    def print_selected(self) -> int:
        planned = self.selected()
        if planned is None:
            return 0
        pages = self.handing_out.print(planned)
        if pages and planned.doc_type is not None:
            self._wanted = None
            self.load(keep=planned)
        return pages

    def save_selected(self, fmt: str) -> None:
        planned = self.selected()
        if planned is None:
            return
        stem = self.shown.file_stem if self.shown and self.shown.planned == planned else ""
        if not stem:
            try:
                stem = build(self.book, planned, issue=False, today=self.today).file_stem
            except Exception:  # noqa: BLE001 (the save itself will say what is wrong)
                stem = "document"
        if self.handing_out.save(planned, fmt, stem) is not None and planned.doc_type:
            self._wanted = None
            self.load(keep=planned)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)
        self.table.fit_columns()  # now that the list has its real width

    def done(self, result: int) -> None:
        self._wanted = None
        self.worker.wait(10000)
        super().done(result)


def _title(planned: PlannedDocument) -> str:
    if planned.about:
        return _("{document} — {about}").format(document=planned.label, about=planned.about)
    return planned.label
