"""Sending a document or a directive down to one cell or to every cell."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.data.enums import SharedDocumentKind
from desktop.i18n import N_, _
from desktop.services import commune_actions
from desktop.services.commune_actions import label_of
from desktop.services.commune_overview import enrolled_cells
from desktop.services.validation import FieldError, ValidationError
from desktop.ui.dialogs.base import FormDialog
from desktop.ui.qt.widgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QWidget,
)
from desktop.ui.widgets import DateField

if TYPE_CHECKING:
    from desktop.services.book import Book

KINDS = (
    (SharedDocumentKind.DIRECTIVE, N_("Directive")),
    (SharedDocumentKind.DOCUMENT, N_("Document")),
)


class SendDocumentDialog(FormDialog):
    """A file from this computer (a PDF, usually), with its title, number, date
    and the cells it is for; it goes in the next bundle made for each of them."""

    def __init__(
        self, book: Book, today: date, parent: QWidget | None = None, cell_org_id: str = ""
    ) -> None:
        super().__init__(
            parent,
            _("Send a document to cells"),
            _(
                "The document is kept in this book and goes to the cells in the next bundle "
                "made for each of them."
            ),
        )
        self.book = book
        file_row = QWidget()
        line = QHBoxLayout(file_row)
        line.setContentsMargins(0, 0, 0, 0)
        self.file_field = QLineEdit()
        self.file_field.setPlaceholderText(_("The file to send, for example a PDF"))
        self.file_field.textChanged.connect(self._file_changed)
        browse = QPushButton(_("&Choose…"))
        browse.clicked.connect(lambda _checked=False: self.choose_file())
        line.addWidget(self.file_field, 1)
        line.addWidget(browse)
        self.form.add_field("file", file_row, label_of("file"))
        self.title = QLineEdit()
        self.title.setMaxLength(300)
        self.form.add_field("title", self.title, label_of("title"))
        self.number = QLineEdit()
        self.number.setMaxLength(60)
        self.number.setPlaceholderText(_("For example: 25-CV/ĐU"))
        self.form.add_field("number", self.number, label_of("number"))
        self.issued_on = DateField(today)
        self.form.add_field("issued_on", self.issued_on, label_of("issued_on"))
        self.kind = QComboBox()
        for value, text in KINDS:
            self.kind.addItem(_(text), value)
        self.form.add_field("kind", self.kind, label_of("kind"))
        self.addressed_to = QComboBox()
        self.addressed_to.addItem(_("Every enrolled cell"), "")
        for cell in enrolled_cells(book):
            self.addressed_to.addItem(cell.name, cell.org_id)
        if cell_org_id:
            self.addressed_to.setCurrentIndex(max(0, self.addressed_to.findData(cell_org_id)))
        self.form.add_field("addressed_to", self.addressed_to, label_of("addressed_to"))
        self.finish_form()
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 46)
        self.file_field.setFocus()

    def choose_file(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self,
            _("Choose the document to send"),
            str(Path.home()),
            _("PDF documents (*.pdf);;All files (*)"),
        )
        if name:
            self.file_field.setText(name)

    def _file_changed(self, text: str) -> None:
        """The title starts as the file's name, until one is written."""
        if text.strip() and not self.title.isModified():
            self.title.setText(Path(text.strip()).stem)

    def save(self) -> str:
        text = self.file_field.text().strip()
        try:
            issued_on = self.issued_on.date()
        except ValueError:
            raise ValidationError(
                [
                    FieldError(
                        "issued_on",
                        _(
                            "{field}: write the date as day/month/year, for example 03/12/1960."
                        ).format(field=label_of("issued_on")),
                    )
                ]
            ) from None
        if not text:
            raise ValidationError(
                [
                    FieldError(
                        "file",
                        _("{field}: please fill this in.").format(field=label_of("file")),
                    )
                ]
            )
        return commune_actions.send_document(
            self.book,
            Path(text).expanduser(),
            title=self.title.text(),
            number=self.number.text(),
            issued_on=issued_on,
            kind=SharedDocumentKind(self.kind.currentData()),
            addressed_to=str(self.addressed_to.currentData() or ""),
        )
