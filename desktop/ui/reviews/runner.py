"""How the review tab does what its buttons ask: a dialog opened (and the
list read again once it is saved), or a change made at once; a refusal is
shown in words above the buttons, never as a crash."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from desktop.data.errors import BookFileError
from desktop.services.validation import ValidationError
from desktop.ui.qt.widgets import QDialog, QLabel, QMessageBox, QWidget
from desktop.ui.widgets import show_book_error

if TYPE_CHECKING:
    from desktop.ui.pages.base import PageHost

QUESTION = QMessageBox.StandardButton


class StepRunner(QWidget):
    """The base of the review tab; subclasses give `problem` and `reload()`."""

    host: PageHost
    problem: QLabel

    def __init__(self) -> None:
        super().__init__()
        self.dialog: QDialog | None = None

    def reload(self) -> None:
        raise NotImplementedError

    def open_dialog(self, make: Callable[[], QDialog], done: str) -> QDialog | None:
        """Build a dialog (its reading of the book may be refused) and open it;
        once saved, the list is read again and `done` shown."""
        try:
            dialog = make()
        except ValidationError as error:
            self.show_problem(str(error))
            return None
        except BookFileError as error:
            show_book_error(self, error)
            return None
        dialog.accepted.connect(lambda: self._after(done))
        self.dialog = dialog
        self.show_problem("")
        dialog.open()
        return dialog

    def _after(self, done: str) -> None:
        self.reload()
        self.host.show_status(done)

    def run(self, action: Callable[[], object], done: str) -> bool:
        """Do something at once; a refusal is shown above the buttons."""
        try:
            action()
        except ValidationError as error:
            self.show_problem(str(error))
            return False
        except BookFileError as error:
            show_book_error(self, error)
            return False
        self.reload()
        self.show_problem("")
        self.host.show_status(done)
        return True

    def show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))

    def confirm(self, title: str, question: str) -> bool:
        buttons = QUESTION.Yes | QUESTION.No
        return QMessageBox.question(self, title, question, buttons, QUESTION.No) == QUESTION.Yes
