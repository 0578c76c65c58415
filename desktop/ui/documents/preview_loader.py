"""The preview of the document chosen in a list, built on the worker thread.

Shared by the Documents page and the review's documents: the list asks for
a document, the loader shows "Preparing…", builds the PDF off the UI thread
and shows it, dropping the result if the user has chosen another meanwhile.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from desktop.export.catalogue import PlannedDocument, build
from desktop.i18n import N_, _
from desktop.services.book import Book
from desktop.ui.documents.handing_out import problem_text
from desktop.ui.documents.preview import PdfPreview
from desktop.ui.documents.worker import Worker
from desktop.ui.widgets import Column


@dataclass(frozen=True)
class DocumentRow:
    """A line of a document list."""

    planned: PlannedDocument
    label: str
    about: str
    number: str


ROW_COLUMNS = (
    Column(N_("Document"), lambda r: r.label),
    Column(N_("About"), lambda r: r.about),
    Column(N_("Number"), lambda r: r.number),
)


@dataclass(frozen=True)
class Preview:
    """What the worker hands back for the preview."""

    planned: PlannedDocument
    pdf: bytes
    file_stem: str


def document_title(planned: PlannedDocument) -> str:
    if planned.about:
        return _("{document} — {about}").format(document=planned.label, about=planned.about)
    return planned.label


class PreviewLoader:
    """Builds previews on `worker` and shows them in `preview`."""

    def __init__(
        self,
        worker: Worker,
        preview: PdfPreview,
        book: Callable[[], Book],
        today: Callable[[], date],
    ) -> None:
        self.worker = worker
        self.preview = preview
        self._book = book
        self._today = today
        self.wanted: PlannedDocument | None = None  # the preview being prepared
        self.shown: Preview | None = None  # the preview on screen
        self._ticket = 0
        worker.finished.connect(self._ready)
        worker.failed.connect(self._failed)

    @property
    def preparing(self) -> bool:
        return self.wanted is not None

    def request(self, planned: PlannedDocument) -> None:
        self.wanted = planned
        self.preview.show_message(_("Preparing the preview…"), document_title(planned))
        book, today = self._book(), self._today()

        def job() -> Preview | None:
            if self.wanted is not planned:
                return None  # the user has moved on already
            from desktop.export.pdf import pdf_bytes

            document = build(book, planned, issue=False, today=today)
            return Preview(planned, pdf_bytes(document), document.file_stem)

        self._ticket = self.worker.start(job)

    def forget(self) -> None:
        """Stop waiting for the preview asked for (a list reloaded, a dialog closed)."""
        self.wanted = None

    def file_stem(self, planned: PlannedDocument) -> str:
        """The file name the document saves under (from the preview when it is shown)."""
        if self.shown is not None and self.shown.planned == planned:
            return self.shown.file_stem
        try:
            return build(self._book(), planned, issue=False, today=self._today()).file_stem
        except Exception:  # noqa: BLE001 (the save itself will say what is wrong)
            return "document"

    def _ready(self, ticket: int, result: object) -> None:
        if ticket != self._ticket or not isinstance(result, Preview):
            return
        if result.planned is not self.wanted:
            return
        self.wanted = None
        self.shown = result
        self.preview.show_pdf(result.pdf, document_title(result.planned))

    def _failed(self, ticket: int, error: object) -> None:
        if ticket != self._ticket:
            return
        planned, self.wanted = self.wanted, None
        self.shown = None
        text = problem_text(error) if isinstance(error, Exception) else str(error)
        self.preview.show_message(text, document_title(planned) if planned else "")
