"""Starting a review: the year's review at once from the empty state, or a
quarterly review or one when needed through a small dialog."""

from __future__ import annotations

from collections.abc import Hashable
from datetime import date

from desktop.data.enums import ReviewPeriod
from desktop.i18n import _
from desktop.services.book import Book
from desktop.services.labels import enum_label
from desktop.services.reviews import ReviewService, default_title
from desktop.services.validation import ValidationError
from desktop.ui.minutes.common import select_data
from desktop.ui.qt.widgets import QComboBox, QLineEdit, QSpinBox, QWidget
from desktop.ui.reviews.guarded import GuardedFormDialog
from desktop.ui.widgets import DateField

PERIODS = (ReviewPeriod.QUARTERLY, ReviewPeriod.AD_HOC, ReviewPeriod.ANNUAL)


class StartReviewDialog(GuardedFormDialog):
    """Start a review of `year`: quarterly (which quarter), when needed, or the year's."""

    def __init__(
        self,
        book: Book,
        year: int,
        today: date,
        parent: QWidget | None = None,
        period: ReviewPeriod = ReviewPeriod.QUARTERLY,
    ) -> None:
        super().__init__(
            parent,
            _("Start a review in {year}").format(year=year),
            _(
                "Every member who must review is put on the list (exempt members are "
                "not). Members can be added or removed afterwards."
            ),
        )
        self.service = ReviewService(book, today)
        self.year = year
        self.period = QComboBox()
        for value in PERIODS:
            self.period.addItem(enum_label(value), value.value)
        select_data(self.period, period.value)
        self.form.add_field("period", self.period, _("&Kind of review"))
        self.quarter = QSpinBox()
        self.quarter.setRange(1, 4)
        self.quarter.setMaximumWidth(self.quarter.fontMetrics().horizontalAdvance("0") * 8)
        self.quarter.setValue(min(4, (today.month - 1) // 3 + 1) if today.year == year else 4)
        self.form.add_field("quarter", self.quarter, _("&Quarter"))
        self.title = QLineEdit()
        self.title.setMaxLength(300)
        self.form.add_field("title", self.title, _("&Title on the documents"))
        self.started_on = DateField(today)
        self.form.add_field("started_on", self.started_on, _("&Started on"))
        self.finish_form()
        self.period.currentIndexChanged.connect(lambda _i: self._period_changed())
        self.quarter.valueChanged.connect(lambda _v: self._period_changed())
        self._period_changed()
        self.mark_clean()
        self.period.setFocus()

    def chosen_period(self) -> ReviewPeriod:
        return ReviewPeriod(self.period.currentData())

    def _period_changed(self) -> None:
        period = self.chosen_period()
        self.form.set_field_visible("quarter", period is ReviewPeriod.QUARTERLY)
        quarter = self.quarter.value() if period is ReviewPeriod.QUARTERLY else None
        self.title.setPlaceholderText(default_title(self.year, period, quarter))

    def snapshot(self) -> Hashable:
        return (self.period.currentIndex(), self.quarter.value(), self.title.text())

    def save(self) -> str:
        dates, problems = self.dates(started_on=self.started_on)
        if problems:
            raise ValidationError(problems)
        started_on = dates.get("started_on")
        assert started_on is None or isinstance(started_on, date)
        period = self.chosen_period()
        return self.service.start(
            self.year,
            period,
            quarter=self.quarter.value() if period is ReviewPeriod.QUARTERLY else None,
            title=self.title.text(),
            started_on=started_on,
        )
