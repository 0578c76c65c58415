"""A form dialog that asks before throwing away what was typed, and can put
a panel beside its form.

The review texts are typed from a member's paper and can be long: closing
the dialog (Cancel, Escape, the window's close button) with changes asks
whether to save them, throw them away, or go back to the dialog, as the
member's profile does."""

from __future__ import annotations

from collections.abc import Hashable

from desktop.i18n import _
from desktop.ui.dialogs.base import FormDialog, ask_to_save
from desktop.ui.qt.core import Qt
from desktop.ui.qt.widgets import (
    QApplication,
    QFormLayout,
    QFrame,
    QLabel,
    QMessageBox,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)
from desktop.ui.widgets import label


class GuardedFormDialog(FormDialog):
    """Subclasses implement `snapshot()` (what the user can change) and call
    `mark_clean()` once the fields are filled in."""

    unsaved_question = ""

    def __init__(self, parent: QWidget | None, title: str, intro: str = "") -> None:
        super().__init__(parent, title, intro)
        self._clean: Hashable = None
        self.form_scroll: QScrollArea | None = None
        self.titles: dict[str, QLabel] = {}

    # --- layout --------------------------------------------------------------------

    def captions_above(self) -> None:
        """Every caption goes above its box, and the boxes take the whole width."""
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)

    def add_section(self, name: str, widget: QWidget, title: str) -> QLabel:
        """A field under a long title that wraps over the whole width (a form's
        section titles are a line or two in Vietnamese)."""
        heading = label(title, wrap=True)
        heading.setBuddy(widget)
        self.form.addRow(heading)
        self.form.add_field(name, widget, "")
        box = widget.parentWidget()
        caption = self.form.labelForField(box) if box is not None else None
        if caption is not None:
            caption.hide()
        self.titles[name] = heading
        return heading

    def put_beside(self, side: QWidget, stretch: tuple[int, int] = (3, 2)) -> QSplitter:
        """The form scrolls in the left part of a splitter, `side` on the right
        (long forms at a large text size still fit a small screen)."""
        layout = self.box_layout()
        layout.removeItem(self.form)
        for index in reversed(range(layout.count())):
            item = layout.itemAt(index)
            if item is not None and item.spacerItem() is not None:
                layout.takeAt(index)  # the form's stretch: the splitter takes the room
        form_box = QWidget()
        form_box.setLayout(self.form)
        self.form_scroll = QScrollArea()
        self.form_scroll.setWidgetResizable(True)
        self.form_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.form_scroll.setWidget(form_box)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.form_scroll)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, stretch[0])
        splitter.setStretchFactor(1, stretch[1])
        splitter.setSizes([stretch[0] * 1000, stretch[1] * 1000])
        layout.insertWidget(layout.indexOf(self.buttons), splitter, 1)
        return splitter

    def box_layout(self) -> QVBoxLayout:
        """The dialog's column: intro, form, buttons."""
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        return layout

    def _try_save(self) -> None:
        super()._try_save()
        focused, scroll = QApplication.focusWidget(), self.form_scroll
        if scroll is not None and focused is not None and scroll.isAncestorOf(focused):
            scroll.ensureWidgetVisible(focused)

    # --- unsaved changes -------------------------------------------------------------

    def snapshot(self) -> Hashable:
        raise NotImplementedError

    def mark_clean(self) -> None:
        self._clean = self.snapshot()

    def has_unsaved_changes(self) -> bool:
        return self.snapshot() != self._clean

    def discard(self) -> None:
        """Close without saving and without asking."""
        super().reject()

    def reject(self) -> None:
        if not self.has_unsaved_changes():
            super().reject()
            return
        answer = ask_to_save(
            self, self.unsaved_question or _("What you typed is not saved yet. Save it?")
        )
        if answer == QMessageBox.StandardButton.Save:
            self._try_save()
        elif answer == QMessageBox.StandardButton.Discard:
            super().reject()
