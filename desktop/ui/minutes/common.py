"""Small pieces the tabs of the minutes window share."""

from __future__ import annotations

import re
from datetime import time

from desktop.i18n import _
from desktop.ui.qt.widgets import (
    QBoxLayout,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

GUEST = "guest:"
_TIME = re.compile(r"^\s*(\d{1,2})\s*[:.hH]\s*(\d{2})\s*$")


def parse_time(text: str) -> time | None:
    """ "7:30", "07:30", "7.30", "7h30" -> a time; "" -> None; ValueError otherwise."""
    if not text.strip():
        return None
    match = _TIME.match(text)
    if not match:
        raise ValueError(text)
    return time(int(match.group(1)), int(match.group(2)))


def time_text(value: time | None) -> str:
    return value.strftime("%H:%M") if value else ""


def member_combo(members: list[tuple[str, str]], empty: str | None = None) -> QComboBox:
    """A list of members (id as data); `empty` is the first choice, meaning nobody."""
    box = QComboBox()
    if empty is not None:
        box.addItem(empty, None)
    for member_id, name in members:
        box.addItem(name, member_id)
    return box


def select_data(box: QComboBox, value: object) -> None:
    index = box.findData(value)
    box.blockSignals(True)
    box.setCurrentIndex(max(index, 0))
    box.blockSignals(False)


def nobody() -> str:
    return _("— nobody chosen —")


def scrolling_body(tab: QWidget, horizontal: bool = False) -> QBoxLayout:
    """The layout of a tab whose contents scroll: at a large text size on a
    small screen the tab scrolls rather than squashing its lists and fields."""
    outer = QVBoxLayout(tab)
    outer.setContentsMargins(0, 0, 0, 0)
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    inner = QWidget()
    scroll.setWidget(inner)
    outer.addWidget(scroll)
    return QHBoxLayout(inner) if horizontal else QVBoxLayout(inner)


def keep_lines(widget: QWidget, lines: int) -> None:
    """Never let `widget` (a list, table or text box) shrink below `lines` lines."""
    height = widget.fontMetrics().lineSpacing()
    widget.setMinimumHeight(int(height * 1.3 * (lines + 1)))
