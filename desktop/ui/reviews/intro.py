"""What the review tab shows for a year without a review: what a review is,
and the buttons that start one."""

from __future__ import annotations

from desktop.i18n import _
from desktop.ui.qt.core import Qt
from desktop.ui.qt.widgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget
from desktop.ui.widgets import label, primary_button


def intro_text(year: int) -> str:
    return _(
        "Nothing has been started for the review of {year} yet.\n\n"
        "In the annual review every member writes a personal review of their year "
        "(strengths, shortcomings, how they will fix them, the level they rate "
        "themselves). The cell discusses each review and gives criticism, then votes "
        "the level it proposes; the commune decides. The cell also reviews itself as "
        "a whole. CellBook keeps each step and prints the documents."
    ).format(year=year)


class ReviewIntro(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        self.message = label("", "empty", wrap=True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setMaximumWidth(self.message.fontMetrics().averageCharWidth() * 90)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.message, 4)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addSpacing(12)
        self.start_button = primary_button("")
        self.other_button = QPushButton(_("A &quarterly review or one when needed…"))
        for button in (self.start_button, self.other_button):
            line = QHBoxLayout()
            line.addStretch(1)
            line.addWidget(button)
            line.addStretch(1)
            layout.addLayout(line)
        self.problem = label("", "error", wrap=True)
        self.problem.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.problem.hide()
        layout.addWidget(self.problem)
        layout.addStretch(2)

    def show_year(self, year: int) -> None:
        self.message.setText(intro_text(year))
        self.start_button.setText(_("&Start the review of {year}").format(year=year))
        self.problem.hide()

    def show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))
