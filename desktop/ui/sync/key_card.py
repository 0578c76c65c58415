"""The book's key card: the file other books enrol, and the printed page
with its fingerprint that people compare before they do."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from desktop.i18n import _
from desktop.services import removable_drives
from desktop.services.book import Book
from desktop.ui.documents import printing
from desktop.ui.documents.handing_out import default_folder
from desktop.ui.documents.preview import PdfPreview
from desktop.ui.qt.widgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from desktop.ui.widgets import busy, fit_to_screen, label, primary_button

CARD_FILTER = "CellBook (*.cellbook-card)"


def start_folder() -> Path:
    """Where files to carry away are saved first: a USB stick if one is in."""
    drives = removable_drives.find_drives()
    return drives[0].path if drives else default_folder()


def _write_problem(parent: QWidget, path: Path, error: OSError) -> None:
    QMessageBox.warning(
        parent,
        _("CellBook"),
        _(
            "Could not write the file {path} ({reason}). Nothing was changed in the book. "
            "Choose another folder, or check that the USB stick is not full or locked."
        ).format(path=path, reason=error.strerror or error),
    )


def save_key_card(parent: QWidget, book: Book, status: Callable[[str], None]) -> Path | None:
    """Ask where, and write the book's key card file there."""
    from desktop.export.documents.common import file_stem
    from desktop.services.sync.identity import card_file_bytes
    from desktop.services.sync.keys import CARD_SUFFIX

    name = file_stem(book.organisation().name) + CARD_SUFFIX
    chosen, _filter = QFileDialog.getSaveFileName(
        parent, _("Save key card"), str(start_folder() / name), CARD_FILTER
    )
    if not chosen:
        return None
    path = Path(chosen)
    if not path.name.endswith(CARD_SUFFIX):
        path = path.with_name(path.name + CARD_SUFFIX)
    try:
        path.write_bytes(card_file_bytes(book))
    except OSError as error:
        _write_problem(parent, path, error)
        return None
    status(_("The key card was saved in {path}.").format(path=path))
    return path


class KeyCardDialog(QDialog):
    """The printed key card as it will print, to print or save as PDF."""

    def __init__(
        self,
        book: Book,
        today: date,
        status: Callable[[str], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        from desktop.export.documents.key_card import build_key_card
        from desktop.export.pdf import pdf_bytes

        self.setWindowTitle(_("Print key card"))
        self._status = status
        with busy():
            self.document = build_key_card(book, today=today)
            self.pdf = pdf_bytes(self.document)
        layout = QVBoxLayout(self)
        layout.addWidget(
            label(
                _(
                    "Print this page and keep it with the book's key card file. Whoever "
                    "enrols this book compares its fingerprint with this page, and signs it."
                ),
                wrap=True,
            )
        )
        self.preview = PdfPreview()
        self.preview.show_pdf(self.pdf, _("Key card"))
        layout.addWidget(self.preview, 1)
        row = QHBoxLayout()
        self.print_button = primary_button(_("Pr&int…"), self.print_card)
        self.save_button = QPushButton(_("Save as P&DF…"))
        self.save_button.clicked.connect(lambda _checked=False: self.save_pdf())
        row.addWidget(self.print_button)
        row.addWidget(self.save_button)
        row.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        row.addWidget(buttons)
        layout.addLayout(row)
        fit_to_screen(self, 760, 900)

    def print_card(self) -> int:
        printer = printing.new_printer()
        printer.setDocName(_("Key card"))
        if not printing.choose_printer(self, printer, _("Print key card")):
            return 0
        try:
            with busy():
                pages = printing.print_pdf(self.pdf, printer)
        except (printing.PrintError, OSError):
            QMessageBox.warning(
                self,
                _("CellBook"),
                _(
                    "The key card could not be printed. Check that the printer is on and has "
                    "paper, then print again."
                ),
            )
            return 0
        self._status(_("The key card was sent to the printer."))
        return pages

    def save_pdf(self) -> Path | None:
        chosen, _filter = QFileDialog.getSaveFileName(
            self,
            _("Save as PDF"),
            str(default_folder() / f"{self.document.file_stem}.pdf"),
            "PDF (*.pdf)",
        )
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        try:
            path.write_bytes(self.pdf)
        except OSError as error:
            _write_problem(self, path, error)
            return None
        self._status(_("Saved {name} in {folder}.").format(name=path.name, folder=path.parent))
        return path
