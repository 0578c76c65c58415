"""The campaign's list of members: one row per member's review, in a table
whose short columns fit a small screen (the names take what is left)."""

from __future__ import annotations

from collections.abc import Sequence

from desktop.i18n import N_, _
from desktop.rules import RuleSet
from desktop.services.reviews import STATE_ORDER, ReviewRow
from desktop.ui.qt.core import QEvent, QItemSelectionModel, Qt
from desktop.ui.qt.gui import QResizeEvent
from desktop.ui.qt.widgets import QStyle, QWidget
from desktop.ui.reviews.common import short_level, state_word, votes_text
from desktop.ui.widgets import Column, DataTable, RowLook, RowsModel, RowsProxy

WARNING_BACKGROUND = "#fff4ce"
WARNING_MARK = "⚠"


def form_text(rules: RuleSet, form_id: str) -> str:
    """ "2C", or "Probationary" for the probationary members' form."""
    form = rules.review_form(form_id)
    if form is not None and not form.code and form.statuses == ("probationary",):
        return _("Probationary")
    return form_id


def _name(row: ReviewRow) -> str:
    """The member's name, marked when the row has warnings."""
    return f"{WARNING_MARK} {row.member_name}" if row.warnings else row.member_name


def review_columns(rules: RuleSet) -> tuple[Column, ...]:
    return (
        Column(N_("Member"), _name, lambda r: r.sort_key),
        Column(N_("Form"), lambda r: form_text(rules, r.form_id)),
        Column(N_("State"), lambda r: state_word(r.state), lambda r: STATE_ORDER.index(r.state)),
        Column(N_("Self-rated"), lambda r: short_level(rules, r.self_level)),
        Column(
            N_("Points"),
            lambda r: "" if r.points is None else str(r.points),
            lambda r: -1 if r.points is None else r.points,
            True,
        ),
        Column(N_("Proposed"), lambda r: short_level(rules, r.proposed_level)),
        Column(
            N_("Votes"),
            lambda r: votes_text(r.votes),
            lambda r: -1 if r.votes is None else r.votes.for_,
        ),
        Column(N_("Decided"), lambda r: short_level(rules, r.decided_level)),
    )


def look(row: ReviewRow) -> RowLook | None:
    if not row.warnings:
        return None
    return RowLook("\n".join(row.warnings), WARNING_BACKGROUND, bold=False)


class ReviewTable(DataTable):
    def __init__(self, rules: RuleSet, parent: QWidget | None = None) -> None:
        super().__init__(parent, stretch=0)
        self.rows_model = RowsModel(
            review_columns(rules), search_text=lambda r: r.member_name, look=look
        )
        self.proxy = RowsProxy(self.rows_model)
        self.setModel(self.proxy)
        self.setAccessibleName(_("Members in this review"))
        self.setAccessibleDescription(_("Enter opens the next step of the selected review."))

    def set_rows(self, rows: Sequence[ReviewRow]) -> None:
        """Show `rows`, keeping the selected review (or selecting the first)."""
        keep = self.selected()
        self.rows_model.set_rows(rows)
        self.fit()
        if not (keep is not None and self.select(keep.id)) and rows:
            self.select_row(0)

    def fit(self) -> None:
        """Short columns as wide as their header or contents."""
        self.fit_columns()
        metrics = self.horizontalHeader().fontMetrics()
        room = metrics.averageCharWidth() + self.style().pixelMetric(
            QStyle.PixelMetric.PM_HeaderMarkSize
        )
        for column in range(1, self.rows_model.columnCount()):
            title = str(self.rows_model.headerData(column, Qt.Orientation.Horizontal))
            wanted = max(
                self.sizeHintForColumn(column) + metrics.averageCharWidth() // 2,
                metrics.horizontalAdvance(title) + room,
            )
            self.setColumnWidth(column, wanted)
        self.resizeEvent(QResizeEvent(self.size(), self.size()))  # the names take the rest

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.fit()

    def selected(self) -> ReviewRow | None:
        index = self.currentIndex()
        if not index.isValid():
            return None
        row: ReviewRow = self.rows_model.row_at(self.proxy.mapToSource(index).row())
        return row

    def select(self, review_id: str) -> bool:
        for number, row in enumerate(self.rows_model.rows()):
            if row.id == review_id:
                self.select_row(self.proxy.mapFromSource(self.rows_model.index(number, 0)).row())
                return True
        return False

    def select_row(self, row: int) -> None:
        self.selectionModel().setCurrentIndex(
            self.proxy.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
