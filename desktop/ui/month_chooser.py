"""“Month: ◀ Previous [Tháng 11/2026] Next ▶”, shared by the pages that show
one month at a time (dues, documents)."""

from __future__ import annotations

from datetime import date

from desktop.i18n import _, format_month
from desktop.services.party_calendar import add_months
from desktop.ui.qt.core import Signal
from desktop.ui.qt.widgets import QComboBox, QHBoxLayout, QPushButton, QWidget
from desktop.ui.widgets import label


class MonthChooser(QWidget):
    """The months from January `years_back` years before `today`'s year to
    December of that year; a month outside them is added when asked for.
    `chosen` is emitted with the first day of the month the person picks."""

    chosen = Signal(object)

    def __init__(self, today: date, years_back: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        line = QHBoxLayout(self)
        line.setContentsMargins(0, 0, 0, 0)
        caption = label(_("&Month:"))
        self.previous_button = QPushButton(_("◀ &Previous"))
        self.previous_button.setToolTip(_("The month before"))
        self.previous_button.clicked.connect(lambda _checked=False: self.step(-1))
        self.month_box = QComboBox()
        self.month_box.setAccessibleName(_("Month"))
        self.month_box.setMaxVisibleItems(14)
        caption.setBuddy(self.month_box)
        # The months offered, by position in the box (a date is not kept as item data).
        self.months: list[date] = []
        month = date(today.year - years_back, 1, 1)
        while month <= date(today.year, 12, 1):
            self.months.append(month)
            self.month_box.addItem(format_month(month))
            month = add_months(month, 1)
        self.month_box.currentIndexChanged.connect(self._picked)
        self.next_button = QPushButton(_("&Next ▶"))
        self.next_button.setToolTip(_("The month after"))
        self.next_button.clicked.connect(lambda _checked=False: self.step(1))
        for widget in (caption, self.previous_button, self.month_box, self.next_button):
            line.addWidget(widget)

    def step(self, step: int) -> None:
        index = self.month_box.currentIndex() + step
        if 0 <= index < self.month_box.count():
            self.month_box.setCurrentIndex(index)

    def choose(self, month: date) -> None:
        """Pick `month` as the person would: `chosen` follows, even if it is shown."""
        index = self._index(month)
        if index == self.month_box.currentIndex():
            self._picked(index)
        else:
            self.month_box.setCurrentIndex(index)

    def show_month(self, month: date) -> None:
        """Show `month` without announcing it (the page is already showing it)."""
        index = self._index(month)
        if index != self.month_box.currentIndex():
            self.month_box.blockSignals(True)
            self.month_box.setCurrentIndex(index)
            self.month_box.blockSignals(False)
        self.previous_button.setEnabled(index > 0)
        self.next_button.setEnabled(index < self.month_box.count() - 1)

    def _index(self, month: date) -> int:
        wanted = month.replace(day=1)
        if wanted not in self.months:
            self.months.append(wanted)
            self.months.sort()
            self.month_box.blockSignals(True)
            self.month_box.insertItem(self.months.index(wanted), format_month(wanted))
            self.month_box.blockSignals(False)
        return self.months.index(wanted)

    def _picked(self, index: int) -> None:
        if 0 <= index < len(self.months):
            self.chosen.emit(self.months[index])
