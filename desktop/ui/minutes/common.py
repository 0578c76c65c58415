"""Small pieces the tabs of the minutes window share."""

from __future__ import annotations

import re
from datetime import time

from desktop.i18n import _
from desktop.ui.qt.widgets import QComboBox

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
