"""Pieces the Sync page and its dialogs share: the fingerprint in large
letters, the "working…" strip, the banner with the last result."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from desktop.i18n import _
from desktop.ui.qt.core import Qt, QUrl
from desktop.ui.qt.gui import QDesktopServices, QFont, QFontDatabase
from desktop.ui.qt.widgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from desktop.ui.theme import set_role
from desktop.ui.widgets import label

FINGERPRINT_SCALE = 1.9  # times the text size: read aloud and compared by eye


def fingerprint_font(reference: QFont, scale: float = FINGERPRINT_SCALE) -> QFont:
    """A fixed-width font (every character its own clear shape), larger than the text."""
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font.setPointSizeF(max(reference.pointSizeF(), 9.0) * scale)
    font.setBold(True)
    font.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 108)
    return font


class FingerprintView(QWidget):
    """The six groups of a fingerprint side by side, each numbered under it."""

    def __init__(self, parent: QWidget | None = None, scale: float = FINGERPRINT_SCALE) -> None:
        super().__init__(parent)
        self._scale = scale
        self._text = ""
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 4, 0, 4)
        self.grid.setHorizontalSpacing(18)
        self.grid.setVerticalSpacing(0)
        self.groups: list[QLabel] = []
        self.numbers: list[QLabel] = []
        for index in range(6):
            group = QLabel()
            group.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            group.setAlignment(Qt.AlignmentFlag.AlignCenter)
            number = label(str(index + 1), "muted")
            number.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.grid.addWidget(group, 0, index)
            self.grid.addWidget(number, 1, index)
            self.groups.append(group)
            self.numbers.append(number)
        self.grid.setColumnStretch(6, 1)
        self._apply_font()

    def _apply_font(self) -> None:
        font = fingerprint_font(self.font(), self._scale)
        for group in self.groups:
            group.setFont(font)

    def changeEvent(self, event: object) -> None:  # noqa: N802 (Qt API)
        from desktop.ui.qt.core import QEvent

        super().changeEvent(event)  # type: ignore[arg-type]
        if event.type() == QEvent.Type.FontChange:  # type: ignore[attr-defined]
            self._apply_font()

    def set_fingerprint(self, text: str) -> None:
        self._text = text
        parts = text.split("-") if text else []
        for index, group in enumerate(self.groups):
            group.setText(parts[index] if index < len(parts) else "")
        self.setAccessibleName(_("Fingerprint"))
        self.setAccessibleDescription(" ".join(parts))
        self.setToolTip(text)

    def text(self) -> str:
        return self._text


class BusyBar(QFrame):
    """What is being done off the UI thread, with a moving bar."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        set_role(self, "banner")
        line = QHBoxLayout(self)
        self.message = label("", wrap=True)
        line.addWidget(self.message, 1)
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)  # busy: no end known
        self.bar.setTextVisible(False)
        self.bar.setMaximumWidth(200)
        line.addWidget(self.bar)
        self.hide()

    def show_busy(self, text: str) -> None:
        self.message.setText(text)
        self.show()

    def done(self) -> None:
        self.hide()


class ResultBanner(QFrame):
    """The result of the last thing done (a bundle saved), until the next one."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        set_role(self, "banner")
        row = QHBoxLayout(self)
        column = QVBoxLayout()
        self.heading = label("", "heading", wrap=True)
        self.message = label("", wrap=True)
        column.addWidget(self.heading)
        column.addWidget(self.message)
        row.addLayout(column, 1)
        buttons = QVBoxLayout()
        self.open_button = QPushButton(_("Open the folder"))
        self.open_button.clicked.connect(lambda _checked=False: self._open_folder())
        self.close_button = QPushButton(_("Hide"))
        self.close_button.clicked.connect(lambda _checked=False: self.hide())
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.close_button)
        buttons.addStretch(1)
        row.addLayout(buttons)
        self.folder: Path | None = None
        self.hide()

    def show_result(self, heading: str, text: str, folder: Path | None = None) -> None:
        self.heading.setText(heading)
        self.message.setText(text)
        self.folder = folder
        self.open_button.setVisible(folder is not None)
        self.show()

    def text(self) -> str:
        return f"{self.heading.text()}\n{self.message.text()}"

    def _open_folder(self) -> None:
        if self.folder is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.folder)))


def button(text: str, on_click: Callable[[], object], tooltip: str = "") -> QPushButton:
    widget = QPushButton(text)
    widget.clicked.connect(lambda _checked=False: on_click())
    if tooltip:
        widget.setToolTip(tooltip)
    return widget


def fit_height(table: QTableView, rows: int, most: int = 8) -> None:
    """A table just tall enough for its rows (at most `most`, then it scrolls):
    the page scrolls, not a half-empty table inside it."""
    shown = min(max(rows, 1), most)
    height = table.verticalHeader().defaultSectionSize() * shown
    header = table.horizontalHeader().sizeHint().height()
    scrollbar = table.horizontalScrollBar().sizeHint().height()
    table.setFixedHeight(height + header + scrollbar + 2 * table.frameWidth() + 2)
