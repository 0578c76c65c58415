"""Creating the book of a cell, in four short steps."""

from __future__ import annotations

from datetime import date
from html import escape
from pathlib import Path

from desktop.data.enums import CellType, OrgKind
from desktop.data.errors import BookFileError
from desktop.i18n import _, format_document_date
from desktop.paths import BOOK_SUFFIX, books_dir
from desktop.services.book import (
    Book,
    NewBookDetails,
    default_issuer_line,
    default_superior_line,
    place_from_commune,
    suggested_file_name,
)
from desktop.services.labels import enum_label
from desktop.services.settings import AppSettings
from desktop.services.validation import ValidationError
from desktop.ui import theme
from desktop.ui.qt.core import Qt, Signal
from desktop.ui.qt.widgets import (
    QComboBox,
    QFrame,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)
from desktop.ui.widgets import FieldForm, fit_to_screen, label, show_book_error


def unique_book_path(folder: Path, file_name: str) -> Path:
    """`folder/file_name`, or with -2, -3... added if that file exists."""
    candidate = folder / file_name
    stem = file_name[: -len(BOOK_SUFFIX)] if file_name.endswith(BOOK_SUFFIX) else file_name
    number = 2
    while candidate.exists():
        candidate = folder / f"{stem}-{number}{BOOK_SUFFIX}"
        number += 1
    return candidate


def default_meeting_day() -> int:
    try:
        from desktop.rules.loading import load_default_rule_set

        return load_default_rule_set().default_meeting_day
    except Exception:  # a broken shipped file must not stop a book being made
        return 3


class FormPage(QWizardPage):
    """A wizard page whose fields are checked by `NewBookDetails.validate`."""

    def __init__(self, wizard: NewBookWizard, title: str, intro: str) -> None:
        super().__init__()
        self.book_wizard = wizard
        self.setTitle(title)
        layout = QVBoxLayout(self)
        layout.addWidget(label(intro, "muted", wrap=True))
        self.form = FieldForm()
        layout.addLayout(self.form)
        layout.addStretch(1)

    def validatePage(self) -> bool:
        try:
            self.book_wizard.details().validate()
        except ValidationError as error:
            mine = [e for e in error.errors if e.field in self.form.fields]
            if mine:
                self.form.show_errors(mine)
                return False
        self.form.clear_errors()
        return True


class NewBookWizard(QWizard):
    book_created = Signal(object)  # the new, open Book

    def __init__(self, settings: AppSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.settings = settings
        self.book: Book | None = None
        self.setWindowTitle(_("Create a new book"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setWindowModality(Qt.WindowModality.WindowModal)

        # 1. The cell
        self.cell_page = FormPage(
            self,
            _("Your cell"),
            _("The name of the cell as it is written on documents, without the words “Chi bộ”."),
        )
        self.cell_name = QLineEdit()
        self.cell_name.setMaxLength(200)
        self.cell_name.setPlaceholderText(_("For example: Thôn An Hòa"))
        self.cell_page.form.add_field("cell_name", self.cell_name)
        self.cell_type = QComboBox()
        for cell_type in CellType:
            self.cell_type.addItem(enum_label(cell_type), cell_type)
        self.cell_page.form.add_field("cell_type", self.cell_type, _("Kind of cell"))
        self.addPage(self.cell_page)

        # 2. The commune
        self.commune_page = FormPage(
            self,
            _("Your commune"),
            _("The commune (or ward) whose party committee the cell is under."),
        )
        self.commune = QLineEdit()
        self.commune.setMaxLength(200)
        self.commune.setPlaceholderText(_("For example: Xã An Phú"))
        self.commune_page.form.add_field("commune_name", self.commune)
        self.place_name = QLineEdit()
        self.place_name.setMaxLength(200)
        self.commune_page.form.add_field("place_name", self.place_name)
        self.province = QLineEdit()
        self.province.setMaxLength(200)
        self.commune_page.form.add_field("province", self.province, _("Province (if you wish)"))
        self.superior_line = QLineEdit()
        self.superior_line.setMaxLength(200)
        self.commune_page.form.add_field(
            "superior_line", self.superior_line, _("Superior body on documents")
        )
        self._place_edited = False
        self._superior_edited = False
        self.place_name.textEdited.connect(self._place_was_edited)
        self.superior_line.textEdited.connect(self._superior_was_edited)
        self.commune.textChanged.connect(self._commune_changed)
        self.addPage(self.commune_page)

        # 3. Meetings
        self.meeting_page = FormPage(
            self,
            _("Monthly meeting"),
            _("The day of the month when the cell usually holds its regular meeting."),
        )
        self.meeting_day = QSpinBox()
        self.meeting_day.setRange(1, 28)
        self.meeting_day.setValue(default_meeting_day())
        self.meeting_page.form.add_field("meeting_day", self.meeting_day)
        self.addPage(self.meeting_page)

        # 4. Check and finish
        self.summary_page = SummaryPage(self)
        self.addPage(self.summary_page)

        metrics = self.fontMetrics()
        fit_to_screen(self, metrics.horizontalAdvance("M") * 48, metrics.height() * 26)

    def _place_was_edited(self, _text: str) -> None:
        self._place_edited = bool(self.place_name.text().strip())

    def _superior_was_edited(self, _text: str) -> None:
        self._superior_edited = bool(self.superior_line.text().strip())

    def _commune_changed(self, text: str) -> None:
        if not self._place_edited:
            self.place_name.setText(place_from_commune(text))
        if not self._superior_edited:
            self.superior_line.setText(default_superior_line(text))

    def details(self) -> NewBookDetails:
        return NewBookDetails(
            cell_name=" ".join(self.cell_name.text().split()),
            commune_name=" ".join(self.commune.text().split()),
            place_name=self.place_name.text().strip(),
            province=self.province.text().strip(),
            superior_line=" ".join(self.superior_line.text().split()).upper(),
            meeting_day=self.meeting_day.value(),
            cell_type=CellType(self.cell_type.currentData()),
        )

    def target_path(self) -> Path:
        return unique_book_path(books_dir(), suggested_file_name(self.details().cell_name))

    def create_book(self) -> bool:
        """Make the book file; problems are shown and False is returned."""
        details = self.details()
        try:
            self.book = Book.create(self.target_path(), details, device_id=self.settings.device_id)
        except ValidationError as error:
            self.summary_page.errors.setText("\n".join(e.message for e in error.errors))
            self.summary_page.errors.show()
            return False
        except BookFileError as error:
            show_book_error(self, error)
            return False
        return True

    def accept(self) -> None:
        super().accept()
        if self.book is not None:
            self.book_created.emit(self.book)


class SummaryPage(QWizardPage):
    def __init__(self, wizard: NewBookWizard) -> None:
        super().__init__()
        self.book_wizard = wizard
        self.setTitle(_("Check and finish"))
        layout = QVBoxLayout(self)
        layout.addWidget(
            label(_("This is how the top of the cell's documents will look:"), "muted", wrap=True)
        )
        self.preview = QLabel()
        self.preview.setTextFormat(Qt.TextFormat.RichText)
        self.preview.setFrameShape(QFrame.Shape.Box)
        self.preview.setStyleSheet("QLabel { background: white; padding: 12px; color: black; }")
        self.preview.setWordWrap(True)
        layout.addWidget(self.preview)
        self.facts = label("", wrap=True)
        layout.addWidget(self.facts)
        self.errors = label("", "error", wrap=True)
        self.errors.hide()
        layout.addWidget(self.errors)
        layout.addStretch(1)

    def initializePage(self) -> None:
        theme.load_print_fonts()
        details = self.book_wizard.details()
        superior = details.superior_line or default_superior_line(details.commune_name)
        issuer = default_issuer_line(details.cell_name, OrgKind.CELL)
        place = details.place_name or details.commune_name
        dateline = format_document_date(date.today(), place)
        serif = "font-family: 'Liberation Serif', 'Times New Roman', serif;"
        self.preview.setText(
            f"<table width='100%' style=\"{serif}\"><tr>"
            f"<td align='center' valign='top'>{escape(superior)}<br>"
            f"<b>{escape(issuer)}</b><br>*</td>"
            "<td align='center' valign='top'><b><u>ĐẢNG CỘNG SẢN VIỆT NAM</u></b><br>"
            f"<i>{escape(dateline)}</i></td></tr></table>"
        )
        self.facts.setText(
            "\n".join(
                [
                    _("Regular meeting: day {day} of every month.").format(day=details.meeting_day),
                    _("The book will be saved as: {path}").format(
                        path=self.book_wizard.target_path()
                    ),
                    _("Press Finish to create it."),
                ]
            )
        )
        self.errors.hide()

    def validatePage(self) -> bool:
        return self.book_wizard.create_book()
