"""A member's reviews, shortcomings, pledges and commendations: the Reviews
tab of their profile, the only place where their review history is shown."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from desktop.i18n import N_, _, current_language, format_date
from desktop.rules import RuleSet
from desktop.services.book import Book
from desktop.services.criticism import CriticismService
from desktop.services.emulation import EmulationService
from desktop.services.labels import enum_label, rating_label
from desktop.services.reviews import HistoryRow, ReviewService, ShortcomingRow
from desktop.ui.criticism.common import RowsView, day_key, flat
from desktop.ui.criticism.shortcomings import status_text
from desktop.ui.emulation.pledges import achieved_text
from desktop.ui.qt.core import Qt, QTimer
from desktop.ui.qt.gui import QResizeEvent
from desktop.ui.qt.widgets import QFrame, QScrollArea, QVBoxLayout, QWidget
from desktop.ui.theme import set_role
from desktop.ui.widgets import Column, RowLook, label

MOST_ROWS = 6  # taller lists scroll inside their table


def follow_up_line(row: ShortcomingRow) -> str:
    if row.followed_up_on is None:
        return ""
    day, note = format_date(row.followed_up_on), flat(row.follow_up)
    return f"{day}: {note}" if note else day


def form_text(rules: RuleSet, form_id: str) -> str:
    """ "2C", or the form's title when it has no number (probationary members)."""
    form = rules.review_form(form_id)
    if form is None:
        return form_id
    return form.id if form.code else form.title(current_language())


def review_columns(rules: RuleSet) -> tuple[Column, ...]:
    def level(name: str) -> Column:
        titles = {
            "self_level": N_("Self-rated level"),
            "proposed_level": N_("Proposed level"),
            "decided_level": N_("Decided level"),
        }
        return Column(titles[name], lambda r: rating_label(rules, getattr(r, name)))

    return (
        Column(N_("Year"), lambda r: str(r.year), lambda r: r.year),
        Column(N_("Review"), lambda r: r.campaign_title),
        Column(N_("Form"), lambda r: form_text(rules, r.form_id)),
        Column(N_("Stage"), lambda r: enum_label(r.state)),
        level("self_level"),
        level("proposed_level"),
        level("decided_level"),
    )


SHORTCOMING_COLUMNS = (
    Column(N_("Noted on"), lambda r: format_date(r.raised_on), lambda r: day_key(r.raised_on)),
    Column(N_("Shortcoming"), lambda r: flat(r.content)),
    Column(N_("Remedy"), lambda r: flat(r.remedy)),
    Column(N_("Fix by"), lambda r: format_date(r.deadline), lambda r: day_key(r.deadline)),
    Column(N_("Status"), lambda r: r.status_text),
    Column(N_("Follow-up"), lambda r: follow_up_line(r.row)),
)

PLEDGE_COLUMNS = (
    Column(N_("Year"), lambda r: str(r.year), lambda r: r.year),
    Column(N_("Pledge"), lambda r: flat(r.content)),
    Column(N_("Achieved"), lambda r: achieved_text(r.achieved)),
    Column(N_("Result"), lambda r: flat(r.result)),
)

COMMENDATION_COLUMNS = (
    Column(N_("Date"), lambda r: format_date(r.given_on), lambda r: r.given_on.isoformat()),
    Column(N_("Title"), lambda r: r.title),
    Column(N_("Awarded by"), lambda r: r.given_by),
    Column(N_("For what"), lambda r: flat(r.reason)),
    Column(N_("Decision"), lambda r: r.decision_ref),
)


class _Shortcoming:
    """A shortcoming row with its status worded for today (the table's
    columns read plain attributes)."""

    def __init__(self, row: ShortcomingRow, today: date) -> None:
        self.row = row
        self.id = row.id
        self.raised_on, self.content, self.remedy = row.raised_on, row.content, row.remedy
        self.deadline = row.deadline
        self.status_text = status_text(row, today)
        self.overdue = row.overdue(today)


def _fit_height(view: RowsView) -> None:
    """A table as tall as its rows (up to `MOST_ROWS`), so the tab scrolls as
    one page; room for the sideways scroll bar only when it is needed."""
    table = view.table
    rows = max(1, min(view.model.rowCount(), MOST_ROWS))
    height = table.horizontalHeader().sizeHint().height()
    height += rows * table.verticalHeader().defaultSectionSize()
    height += 2 * table.frameWidth()
    if table.horizontalHeader().length() > table.viewport().width():
        height += table.horizontalScrollBar().sizeHint().height()
    table.setFixedHeight(height)


class MemberReviewsTab(QScrollArea):
    """Read-only: the records are kept on the Evaluations page."""

    def __init__(self, book: Book, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.book = book
        self.today = today
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        inner = QWidget()
        self.column = QVBoxLayout(inner)
        self.column.addWidget(
            label(
                _(
                    "The member's reviews and ratings over the years are shown only here. "
                    "Shortcomings, pledges and commendations are recorded on the "
                    "Evaluations page."
                ),
                "muted",
                wrap=True,
            )
        )
        rules = book.rules

        def look(row: Any) -> RowLook | None:
            if not row.overdue:
                return None
            return RowLook(
                _("Past its deadline of {date}: {content}").format(
                    date=format_date(row.deadline), content=row.content
                )
            )

        self.reviews = self._section(
            _("Reviews and ratings"),
            review_columns(rules),
            6,
            caps={1: 18, 2: 12, 3: 14, 4: 16, 5: 16},
        )
        self.shortcomings = self._section(
            _("Shortcomings to fix"), SHORTCOMING_COLUMNS, 1, look=look, caps={2: 24}
        )
        self.pledges = self._section(_("Emulation pledges"), PLEDGE_COLUMNS, 1, caps={3: 26})
        self.commendations = self._section(
            _("Commendations"), COMMENDATION_COLUMNS, 3, caps={1: 14, 2: 20}
        )
        for view in self._views():
            view.table.setSortingEnabled(False)  # newest first, as the services give them
        self.column.addStretch(1)
        self.setWidget(inner)

    def _section(
        self,
        title: str,
        columns: Sequence[Column],
        stretch: int,
        *,
        look: Any = None,
        caps: dict[int, int] | None = None,
    ) -> RowsView:
        self.column.addSpacing(8)
        self.column.addWidget(label(title, "heading"))
        view = RowsView(columns, title, stretch=stretch, look=look, caps=caps, select_first=False)
        view.nothing.setAlignment(Qt.AlignmentFlag.AlignLeft)
        set_role(view.nothing, "muted")
        self.column.addWidget(view)
        return view

    def load(self, member_id: str) -> None:
        history: list[HistoryRow] = ReviewService(self.book, self.today).history(member_id)
        self._show(self.reviews, history, _("No review recorded yet."))
        shortcomings = CriticismService(self.book, self.today).shortcomings(member_id=member_id)
        self._show(
            self.shortcomings,
            [_Shortcoming(row, self.today) for row in shortcomings],
            _("No shortcomings noted."),
        )
        emulation = EmulationService(self.book, self.today)
        self._show(self.pledges, emulation.pledges(member_id=member_id), _("No pledges recorded."))
        self._show(
            self.commendations,
            emulation.commendations(member_id=member_id),
            _("No commendations recorded."),
        )

    def _show(self, view: RowsView, rows: Sequence[Any], nothing: str) -> None:
        view.set_rows(rows, nothing)
        _fit_height(view)

    def _views(self) -> tuple[RowsView, ...]:
        return (self.reviews, self.shortcomings, self.pledges, self.commendations)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        # The columns have their widths once laid out: a scroll bar may come or go.
        QTimer.singleShot(0, self, self._fit_heights)

    def _fit_heights(self) -> None:
        for view in self._views():
            _fit_height(view)
