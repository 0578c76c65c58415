"""The criticism given while a review is discussed: the lines already in the
book, the ones added in this sitting, and the box to add one (who — a member
or a guest by name — and what they said). Nothing is written until the
discussion dialog is saved."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from desktop.i18n import _
from desktop.services.reviews import CriticismRow
from desktop.services.validation import ValidationError, Validator
from desktop.ui.minutes.common import GUEST, keep_lines, member_combo
from desktop.ui.qt.widgets import (
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from desktop.ui.reviews.common import text_box
from desktop.ui.widgets import FieldForm, row_table


@dataclass(frozen=True)
class NewCriticism:
    by_member_id: str | None
    by_name: str  # the member's name as shown, or the guest's name
    content: str

    def as_tuple(self) -> tuple[str | None, str, str]:
        """What `ReviewService.discuss` takes: (member id, name if not a member, text)."""
        return (self.by_member_id, "" if self.by_member_id else self.by_name, self.content)


class CriticismList(QGroupBox):
    def __init__(
        self,
        members: Sequence[tuple[str, str]],
        saved: Sequence[CriticismRow],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(_("Criticism given"), parent)
        self.saved = list(saved)
        self.removed: set[str] = set()
        self.added: list[NewCriticism] = []
        layout = QVBoxLayout(self)
        self.table = row_table([_("Given by"), _("What was said")], stretch=(1,))
        self.table.setAccessibleName(_("Criticism given"))
        keep_lines(self.table, 3)
        layout.addWidget(self.table, 1)
        self.remove_button = QPushButton(_("Remo&ve the selected line"))
        self.remove_button.clicked.connect(lambda _checked=False: self.remove_selected())

        self.editor = FieldForm()
        self.by_member = member_combo(list(members), _("— who spoke? —"))
        self.by_member.addItem(_("A guest (write the name)"), GUEST)
        self.by_member.currentIndexChanged.connect(lambda _i: self._who_changed())
        self.editor.add_field("by_member", self.by_member, _("&Given by"))
        self.guest_name = QLineEdit()
        self.guest_name.setMaxLength(120)
        self.guest_name.setPlaceholderText(_("The guest's name"))
        self.editor.add_field("by_name", self.guest_name, _("Guest's na&me"))
        self.content = text_box(2, _("What was said"), most=4)
        self.editor.add_field("content", self.content, _("What was sa&id"))
        layout.addLayout(self.editor)
        self.add_button = QPushButton(_("&Add this criticism to the list"))
        self.add_button.clicked.connect(lambda _checked=False: self.add_typed())
        row = QHBoxLayout()
        row.addWidget(self.remove_button)
        row.addStretch(1)
        row.addWidget(self.add_button)
        layout.addLayout(row)
        self._who_changed()
        self._fill()

    # --- the list ------------------------------------------------------------------

    def lines(self) -> list[tuple[str, str, bool]]:
        """(who, what, saved) as listed."""
        shown = [(c.by_name, c.content, True) for c in self.saved if c.id not in self.removed]
        return shown + [(c.by_name, c.content, False) for c in self.added]

    def _fill(self) -> None:
        lines = self.lines()
        self.table.setRowCount(len(lines))
        for index, (who, what, saved) in enumerate(lines):
            shown_who = who if saved else _("{name} (new)").format(name=who)
            for column, text in enumerate((shown_who, " ".join(what.split()))):
                item = QTableWidgetItem(text)
                item.setToolTip(what)
                self.table.setItem(index, column, item)
        self.table.resizeColumnToContents(0)
        self.remove_button.setEnabled(bool(lines))

    def remove_selected(self) -> None:
        row = self.table.currentRow()
        kept = [c for c in self.saved if c.id not in self.removed]
        if row < 0:
            return
        if row < len(kept):
            self.removed.add(kept[row].id)
        elif row - len(kept) < len(self.added):
            del self.added[row - len(kept)]
        self._fill()

    # --- the line being typed ---------------------------------------------------------

    def _who_changed(self) -> None:
        self.editor.set_field_visible("by_name", self.by_member.currentData() == GUEST)

    def typing(self) -> bool:
        """Whether something is typed in the box and not added yet."""
        return bool(self.content.toPlainText().strip())

    def typed(self) -> tuple[object, str, str]:
        return (self.by_member.currentData(), self.guest_name.text(), self.content.toPlainText())

    def add_typed(self) -> bool:
        """Put the line being typed in the list; False (with the problems shown
        under the fields) when it is not complete."""
        self.editor.clear_errors()
        who = self.by_member.currentData()
        check = Validator()
        check.required("content", self.content.toPlainText())
        if who is None:
            check.required("by_member", None)
        elif who == GUEST:
            check.required("by_name", self.guest_name.text())
        if check.errors:
            self.editor.show_errors(self.editor.in_captions(ValidationError(check.errors)))
            return False
        if who == GUEST:
            line = NewCriticism(None, self.guest_name.text().strip(), self.content.toPlainText())
        else:
            line = NewCriticism(str(who), self.by_member.currentText(), self.content.toPlainText())
        self.added.append(line)
        self.content.clear()
        self.guest_name.clear()
        self.by_member.setCurrentIndex(0)
        self._fill()
        self.by_member.setFocus()
        return True

    def saved_added(self, count: int) -> None:
        """The first `count` new lines are now in the book."""
        del self.added[:count]
