"""Shortcomings the discussion points out, to follow up: what, the remedy,
the deadline. Those already noted for this review are listed; new ones are
written when the discussion dialog is saved."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from desktop.i18n import _, format_date
from desktop.services.reviews import ShortcomingRow
from desktop.services.validation import ValidationError, Validator
from desktop.ui.minutes.common import keep_lines
from desktop.ui.qt.widgets import (
    QGroupBox,
    QHBoxLayout,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from desktop.ui.reviews.common import text_box
from desktop.ui.widgets import DateField, FieldForm, date_problem, label, row_table


@dataclass(frozen=True)
class NewShortcoming:
    content: str
    remedy: str
    deadline: date | None


class FollowUps(QGroupBox):
    def __init__(
        self,
        saved: Sequence[ShortcomingRow],
        day: Callable[[], date | None] = lambda: None,
        parent: QWidget | None = None,
    ) -> None:
        """`day` gives the day of the discussion (no deadline may be before it)."""
        super().__init__(_("Shortcomings to follow up"), parent)
        self._day = day
        self.saved = list(saved)
        self.removed: set[str] = set()
        self.added: list[NewShortcoming] = []
        layout = QVBoxLayout(self)
        layout.addWidget(
            label(
                _(
                    "Note here what the member must fix, so that next year's review "
                    "can say how it was fixed."
                ),
                "muted",
                wrap=True,
            )
        )
        self.table = row_table([_("Shortcoming"), _("Remedy"), _("Deadline")], stretch=(0, 1))
        self.table.setAccessibleName(_("Shortcomings to follow up"))
        keep_lines(self.table, 3)
        layout.addWidget(self.table, 1)
        self.remove_button = QPushButton(_("Remove the selected s&hortcoming"))
        self.remove_button.clicked.connect(lambda _checked=False: self.remove_selected())

        self.editor = FieldForm()
        self.content = text_box(2, _("Shortcoming"), most=3)
        self.editor.add_field("content", self.content, _("Sh&ortcoming"))
        self.remedy = text_box(2, _("Remedy"), most=3)
        self.editor.add_field("remedy", self.remedy, _("Rem&edy"))
        self.deadline = DateField()
        self.editor.add_field("deadline", self.deadline, _("&Deadline"))
        layout.addLayout(self.editor)
        self.add_button = QPushButton(_("Add this shortcoming to the &list"))
        self.add_button.clicked.connect(lambda _checked=False: self.add_typed())
        row = QHBoxLayout()
        row.addWidget(self.remove_button)
        row.addStretch(1)
        row.addWidget(self.add_button)
        layout.addLayout(row)
        self._fill()

    def lines(self) -> list[tuple[str, str, date | None, bool]]:
        shown = [
            (s.content, s.remedy, s.deadline, True) for s in self.saved if s.id not in self.removed
        ]
        return shown + [(s.content, s.remedy, s.deadline, False) for s in self.added]

    def _fill(self) -> None:
        lines = self.lines()
        self.table.setRowCount(len(lines))
        for index, (content, remedy, deadline, saved) in enumerate(lines):
            what = " ".join(content.split())
            if not saved:
                what = _("{text} (new)").format(text=what)
            for column, text in enumerate((what, " ".join(remedy.split()), format_date(deadline))):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(index, column, item)
        self.remove_button.setEnabled(bool(lines))

    def remove_selected(self) -> None:
        row = self.table.currentRow()
        kept = [s for s in self.saved if s.id not in self.removed]
        if row < 0:
            return
        if row < len(kept):
            self.removed.add(kept[row].id)
        elif row - len(kept) < len(self.added):
            del self.added[row - len(kept)]
        self._fill()

    def typing(self) -> bool:
        return bool(self.content.toPlainText().strip() or self.remedy.toPlainText().strip())

    def typed(self) -> tuple[str, str, str]:
        return (self.content.toPlainText(), self.remedy.toPlainText(), self.deadline.text())

    def add_typed(self) -> bool:
        """Put the shortcoming being typed in the list; False (problems shown
        under the fields) when it is not complete."""
        self.editor.clear_errors()
        raised_on = self._day()
        check = Validator()
        check.required("content", self.content.toPlainText())
        deadline: date | None = None
        try:
            deadline = self.deadline.date()
        except ValueError:
            check.errors.append(date_problem("deadline"))
        if deadline is not None and raised_on is not None and deadline < raised_on:
            check.add("deadline", _("Deadline: cannot be before the day of the discussion."))
        if check.errors:
            self.editor.show_errors(self.editor.in_captions(ValidationError(check.errors)))
            return False
        self.added.append(
            NewShortcoming(self.content.toPlainText(), self.remedy.toPlainText(), deadline)
        )
        self.content.clear()
        self.remedy.clear()
        self.deadline.clear()
        self._fill()
        self.content.setFocus()
        return True
