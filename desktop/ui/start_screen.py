"""The first window: the books on this computer, and making a new one."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from desktop.i18n import _, format_date
from desktop.paths import BOOK_SUFFIX, books_dir
from desktop.services.library import BookEntry, list_books
from desktop.ui.qt.core import Qt
from desktop.ui.qt.gui import QAction, QBrush, QCloseEvent, QColor, QKeySequence
from desktop.ui.qt.widgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)
from desktop.ui.theme import MUTED_COLOUR
from desktop.ui.widgets import EmptyState, fit_to_screen, label, primary_button

if TYPE_CHECKING:
    from desktop.ui.controller import AppController

ENTRY_ROLE = Qt.ItemDataRole.UserRole + 20


class StartScreen(QWidget):
    def __init__(self, controller: AppController) -> None:
        super().__init__()
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.controller = controller
        self.entries: list[BookEntry] = []
        self.setWindowTitle(_("CellBook — party cell book"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 18)
        layout.addWidget(label(_("CellBook"), "title"))
        self.intro = label(_("Choose the book of your cell and press Open."), "big", wrap=True)
        layout.addWidget(self.intro)

        self.stack = QStackedWidget()
        self.list = QListWidget()
        self.list.setObjectName("bookList")
        self.list.setAccessibleName(_("Books on this computer"))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setWordWrap(True)
        self.list.itemActivated.connect(lambda _item: self.open_selected())
        self.stack.addWidget(self.list)
        self.empty = EmptyState(
            _("No books on this computer yet. Create the book of your cell to begin."),
            _("Create a new book…"),
            self.create_book,
        )
        self.stack.addWidget(self.empty)
        layout.addWidget(self.stack, 1)

        buttons = QHBoxLayout()
        self.open_button = primary_button(_("&Open"), self.open_selected)
        self.open_button.setDefault(True)
        self.new_button = QPushButton(_("&Create a new book…"))
        self.new_button.clicked.connect(lambda _checked=False: self.create_book())
        self.other_button = QPushButton(_("Open another &file…"))
        self.other_button.clicked.connect(lambda _checked=False: self.open_other_file())
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.other_button)
        layout.addLayout(buttons)
        self.setTabOrder(self.list, self.open_button)
        self.setTabOrder(self.open_button, self.new_button)
        self.setTabOrder(self.new_button, self.other_button)

        for keys, slot in (
            (("Ctrl++", "Ctrl+="), controller.larger_text),
            (("Ctrl+-",), controller.smaller_text),
            (("Ctrl+0",), controller.normal_text),
            ((QKeySequence.StandardKey.New,), self.create_book),
            ((QKeySequence.StandardKey.Open,), self.open_other_file),
        ):
            action = QAction(self)
            action.setShortcuts([QKeySequence(key) for key in keys])
            action.triggered.connect(lambda _checked=False, slot=slot: slot())
            self.addAction(action)
        metrics = self.fontMetrics()
        fit_to_screen(self, metrics.horizontalAdvance("M") * 50, metrics.height() * 28)
        self.refresh()

    def refresh(self) -> None:
        self.entries = list_books(books_dir(), self.controller.settings.recent_books)
        self.list.clear()
        for number, entry in enumerate(self.entries):
            item = QListWidgetItem(self._item_text(entry))
            item.setData(ENTRY_ROLE, number)
            item.setToolTip(entry.problem or str(entry.path))
            if entry.problem:
                item.setForeground(QBrush(QColor(MUTED_COLOUR)))
            self.list.addItem(item)
        has_books = bool(self.entries)
        self.stack.setCurrentWidget(self.list if has_books else self.empty)
        self.intro.setVisible(has_books)
        self.open_button.setEnabled(has_books)
        if has_books:
            first_readable = next((n for n, entry in enumerate(self.entries) if entry.readable), 0)
            self.list.setCurrentRow(first_readable)
            self.list.setFocus()
        elif self.empty.button is not None:
            self.empty.button.setFocus()

    @staticmethod
    def _item_text(entry: BookEntry) -> str:
        if entry.problem:
            return f"{entry.path.name}\n{entry.problem}"
        details = _("Last changed {date}").format(date=format_date(entry.modified.date()))
        if entry.commune:
            details = f"{entry.commune} · {details}"
        return f"{entry.name}\n{details}"

    def selected_entry(self) -> BookEntry | None:
        item = self.list.currentItem()
        if item is None:
            return None
        return self.entries[int(item.data(ENTRY_ROLE))]

    def open_selected(self) -> None:
        entry = self.selected_entry()
        if entry is None:
            return
        if entry.problem:
            QMessageBox.warning(self, _("CellBook"), entry.problem)
            return
        if not self.controller.open_path(entry.path, self):
            self.refresh()

    def create_book(self) -> None:
        self.controller.new_book(self)

    def open_other_file(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self,
            _("Open a book"),
            str(Path.home()),
            _("CellBook books (*{suffix})").format(suffix=BOOK_SUFFIX),
        )
        if name:
            self.controller.open_path(Path(name), self)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.controller.window_closed(self)
        super().closeEvent(event)
