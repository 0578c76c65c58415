"""Printing one document, or saving it as a PDF or a Word copy.

Both hand the document out, so both issue its number first (`build(...,
issue=True)`; a number already given is reused). What can go wrong is said
plainly: a file that cannot be written is found before the number is issued
whenever possible, so that "nothing was changed in the book" is true.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from desktop.data.errors import BookFileError
from desktop.export.catalogue import PlannedDocument, build
from desktop.export.model import Document
from desktop.i18n import _, ngettext
from desktop.services.book import Book
from desktop.services.validation import ValidationError
from desktop.ui.documents import printing
from desktop.ui.qt.core import QStandardPaths
from desktop.ui.qt.widgets import QFileDialog, QMessageBox, QWidget
from desktop.ui.widgets import busy, show_book_error

FILE_FILTERS = {
    "pdf": "PDF (*.pdf)",
    "docx": "Word (*.docx)",
}


def problem_text(error: Exception) -> str:
    """What went wrong in making a document, in plain words."""
    if isinstance(error, ValidationError):
        return str(error)
    if isinstance(error, BookFileError):
        return error.message
    return _("CellBook could not make this document. Nothing was changed in the book.")


def default_folder() -> Path:
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    folder = Path(found) if found else Path.home()
    return folder if folder.is_dir() else Path.home()


class HandingOut:
    """Print and save for one page: remembers the last folder used."""

    def __init__(
        self,
        parent: QWidget,
        book: Callable[[], Book],
        today: Callable[[], date],
        status: Callable[[str], None],
    ) -> None:
        self.parent = parent
        self._book = book
        self._today = today
        self._status = status
        self.folder: Path | None = None

    # --- messages ----------------------------------------------------------------------

    def warn(self, text: str) -> None:
        QMessageBox.warning(self.parent, _("CellBook"), text)

    def _failed(self, error: Exception) -> None:
        if isinstance(error, BookFileError):
            show_book_error(self.parent, error)
        else:
            self.warn(problem_text(error))

    def _build(self, planned: PlannedDocument, *, issue: bool) -> Document | None:
        try:
            with busy():
                return build(self._book(), planned, issue=issue, today=self._today())
        except Exception as error:  # builders still being written must not crash the app
            self._failed(error)
            return None

    # --- printing ----------------------------------------------------------------------

    def print(self, planned: PlannedDocument) -> int:
        """Ask for a printer and print; returns the pages printed (0: nothing)."""
        printer = printing.new_printer()
        printer.setDocName(planned.label)
        title = _("Print {document}").format(document=planned.label)
        if not printing.choose_printer(self.parent, printer, title):
            return 0
        document = self._build(planned, issue=True)
        if document is None:
            return 0
        try:
            from desktop.export.pdf import pdf_bytes

            with busy():
                data = pdf_bytes(document)
        except Exception as error:
            self._failed(error)
            return 0
        try:
            with busy():
                pages = printing.print_pdf(data, printer)
        except (printing.PrintError, OSError):
            self.warn(
                _(
                    "The document could not be printed. Check that the printer is on and "
                    "has paper, then print again: the document keeps the same number."
                )
            )
            return 0
        self._status(
            ngettext(
                "{document} was sent to the printer: {count} page.",
                "{document} was sent to the printer: {count} pages.",
                pages,
            ).format(document=planned.label, count=pages)
        )
        return pages

    # --- saving ------------------------------------------------------------------------

    def save(self, planned: PlannedDocument, fmt: str, file_stem: str) -> Path | None:
        """Ask where, issue the number and write the file; returns its path."""
        title = _("Save as PDF") if fmt == "pdf" else _("Save a Word copy")
        folder = self.folder or default_folder()
        chosen, _filter = QFileDialog.getSaveFileName(
            self.parent, title, str(folder / f"{file_stem}.{fmt}"), FILE_FILTERS[fmt]
        )
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() != f".{fmt}":
            path = path.with_name(f"{path.name}.{fmt}")
        self.folder = path.parent
        try:
            _check_writable(path)
        except OSError as error:
            self.warn(
                _(
                    "Could not write the file {path} ({reason}). Nothing was changed in the "
                    "book. Choose another folder, or close the file if another program has "
                    "it open."
                ).format(path=path, reason=error.strerror or error)
            )
            return None
        document = self._build(planned, issue=True)
        if document is None:
            return None
        try:
            from desktop.export.files import write_document

            with busy():
                write_document(document, path)
        except OSError as error:
            path.unlink(missing_ok=True)
            self.warn(
                _(
                    "Could not write the file {path} ({reason}). Save it again in another "
                    "folder: the document keeps the same number."
                ).format(path=path, reason=error.strerror or error)
            )
            return None
        except Exception as error:
            path.unlink(missing_ok=True)
            self._failed(error)
            return None
        self._status(_("Saved {name} in {folder}.").format(name=path.name, folder=path.parent))
        return path


def _check_writable(path: Path) -> None:
    """Raise OSError now if `path` cannot be written, leaving nothing behind."""
    existed = path.exists()
    if existed and path.is_dir():
        raise IsADirectoryError(21, "it is a folder", str(path))
    with path.open("ab"):
        pass
    if not existed:
        path.unlink(missing_ok=True)
