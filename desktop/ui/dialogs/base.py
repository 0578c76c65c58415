"""A dialog with a `FieldForm`, Save and Cancel."""

from __future__ import annotations

from desktop.data.errors import BookFileError
from desktop.i18n import _
from desktop.services.validation import FieldError, ValidationError
from desktop.ui.qt.core import Qt
from desktop.ui.qt.widgets import QDialog, QDialogButtonBox, QMessageBox, QVBoxLayout, QWidget
from desktop.ui.widgets import DateField, FieldForm, date_problem, label, show_book_error


class FormDialog(QDialog):
    """Subclasses add fields to `self.form` and implement `save()`, which
    raises ValidationError (shown next to the fields) or returns normally."""

    def __init__(self, parent: QWidget | None, title: str, intro: str = "") -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(title)
        self.setModal(True)
        layout = QVBoxLayout(self)
        if intro:
            layout.addWidget(label(intro, "muted", wrap=True))
        self.form = FieldForm()
        layout.addLayout(self.form)
        layout.addStretch(1)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._try_save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.saved_id: str | None = None

    def finish_form(self) -> None:
        self.form.add_general_errors()
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 40)

    def dates(self, **fields: DateField) -> tuple[dict[str, object], list[FieldError]]:
        """Read date boxes; problems come back as field errors."""
        values: dict[str, object] = {}
        problems: list[FieldError] = []
        for name, widget in fields.items():
            try:
                values[name] = widget.date()
            except ValueError:
                problems.append(date_problem(name))
        return values, problems

    def save(self) -> str:
        raise NotImplementedError

    def _make_room(self) -> None:
        """Grow (never shrink) so that messages that just appeared are not cut."""
        layout = self.layout()
        if layout.hasHeightForWidth():
            needed = layout.totalHeightForWidth(self.width())
        else:
            needed = layout.totalSizeHint().height()
        if needed > self.height():
            self.resize(self.width(), needed)

    def _try_save(self) -> None:
        self.form.clear_errors()
        try:
            self.saved_id = self.save()
        except ValidationError as error:
            self.form.show_errors(error)
            self._make_room()
            return
        except BookFileError as error:
            show_book_error(self, error)
            return
        self.accept()


def ask_to_save(parent: QWidget, question: str) -> QMessageBox.StandardButton:
    """Closing with unsaved changes: Save (the default), Discard or Cancel."""
    return QMessageBox.question(
        parent,
        _("Unsaved changes"),
        question,
        QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Save,
    )
