"""Beside a review: the shortcomings pointed out before it, and how fixing
them went (status, remedy, deadline, follow-up)."""

from __future__ import annotations

from collections.abc import Sequence

from desktop.data.enums import ShortcomingStatus
from desktop.i18n import _, format_date
from desktop.services.labels import enum_label
from desktop.services.reviews import ShortcomingRow
from desktop.ui.qt.core import Qt
from desktop.ui.qt.widgets import QFrame, QScrollArea, QVBoxLayout, QWidget
from desktop.ui.theme import set_role
from desktop.ui.widgets import label


def status_line(row: ShortcomingRow) -> str:
    """ "Being fixed · deadline 30/06/2026" (and the day it was followed up)."""
    parts = [enum_label(row.status)]
    if row.deadline is not None:
        parts.append(_("deadline {date}").format(date=format_date(row.deadline)))
    if row.followed_up_on is not None:
        parts.append(_("followed up on {date}").format(date=format_date(row.followed_up_on)))
    return " · ".join(parts)


class EarlierShortcomings(QFrame):
    """A side panel listing `rows`, or saying there are none."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        set_role(self, "card")
        self.setAccessibleName(title)
        outer = QVBoxLayout(self)
        outer.addWidget(label(title, "heading", wrap=True))
        self.summary = label("", "muted", wrap=True)
        outer.addWidget(self.summary)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        inner = QWidget()
        self.column = QVBoxLayout(inner)
        self.column.setContentsMargins(0, 0, 4, 0)
        scroll.setWidget(inner)
        # The card's white shows through the scrolling part.
        scroll.viewport().setAutoFillBackground(False)
        inner.setAutoFillBackground(False)
        outer.addWidget(scroll, 1)
        self.empty = label("", "empty", wrap=True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.items: list[QWidget] = []
        self.set_rows(())

    def set_rows(self, rows: Sequence[ShortcomingRow], empty_text: str = "") -> None:
        while self.column.count():
            item = self.column.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None and widget is not self.empty:
                widget.deleteLater()
        self.items = [self._item(row) for row in rows]
        for widget in self.items:
            self.column.addWidget(widget)
        if not rows:
            self.empty.setText(
                empty_text or _("No shortcomings were pointed out before this review.")
            )
            self.column.addWidget(self.empty)
        self.empty.setVisible(not rows)
        self.column.addStretch(1)
        fixed = sum(row.status is ShortcomingStatus.FIXED for row in rows)
        self.summary.setText(
            _("{fixed} of {count} fixed.").format(fixed=fixed, count=len(rows)) if rows else ""
        )
        self.summary.setVisible(bool(rows))

    @staticmethod
    def _item(row: ShortcomingRow) -> QWidget:
        box = QFrame()
        box.setFrameShape(QFrame.Shape.StyledPanel)
        column = QVBoxLayout(box)
        column.setSpacing(2)
        column.addWidget(label(row.content, wrap=True))
        status = label(status_line(row), "muted", wrap=True)
        if row.status is ShortcomingStatus.NOT_FIXED:
            set_role(status, "error")
        column.addWidget(status)
        if row.remedy:
            column.addWidget(label(_("Remedy: {text}").format(text=row.remedy), wrap=True))
        if row.follow_up:
            column.addWidget(label(_("Follow-up: {text}").format(text=row.follow_up), wrap=True))
        column.addWidget(
            label(
                _("Pointed out on {date}").format(date=format_date(row.raised_on)),
                "muted",
                wrap=True,
            )
        )
        return box
