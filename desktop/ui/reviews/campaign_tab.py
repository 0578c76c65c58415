"""The "Annual review" tab of the Evaluations page: the year's review, member
by member (personal review, discussion, vote, the commune's decision), the
cell's own review beside it, and its documents."""

from __future__ import annotations

from datetime import date

from desktop.data.enums import MeetingKind, ReviewPeriod, ReviewState
from desktop.data.errors import BookFileError
from desktop.i18n import _, format_date
from desktop.services.meetings import MeetingService
from desktop.services.reviews import (
    STATE_ORDER,
    CampaignDetail,
    CampaignRow,
    ReviewRow,
    ReviewService,
)
from desktop.services.validation import ValidationError
from desktop.ui.pages.base import PageHost
from desktop.ui.qt.core import QEvent, Qt
from desktop.ui.qt.widgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)
from desktop.ui.reviews.actions import MemberActions
from desktop.ui.reviews.bar import ReviewBar
from desktop.ui.reviews.cell_panel import CellPanel
from desktop.ui.reviews.cell_steps import CellSteps
from desktop.ui.reviews.common import level_legend, state_word
from desktop.ui.reviews.intro import ReviewIntro
from desktop.ui.reviews.member_steps import MemberSteps
from desktop.ui.reviews.table import ReviewTable
from desktop.ui.widgets import label, show_book_error

# The width of the column beside the list, in letters "M".
SIDE_WIDTH = 20


def campaign_name(row: CampaignRow | CampaignDetail) -> str:
    if row.period is ReviewPeriod.QUARTERLY and row.quarter:
        return _("Quarter {quarter} review").format(quarter=row.quarter)
    if row.period is ReviewPeriod.AD_HOC:
        return _("Review when needed, started {date}").format(date=format_date(row.started_on))
    return _("Annual review {year}").format(year=row.year)


class ReviewCampaignTab(MemberSteps, CellSteps):
    def __init__(self, host: PageHost) -> None:
        super().__init__()
        self.host = host
        self.service = ReviewService(host.book, host.today())
        self.detail: CampaignDetail | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        self.bar = ReviewBar()
        self._connect_bar()
        layout.addWidget(self.bar)
        self.stack = QStackedWidget()
        self.intro = ReviewIntro()
        self.intro.start_button.clicked.connect(lambda _checked=False: self.start_annual())
        self.intro.other_button.clicked.connect(lambda _checked=False: self.start_other())
        self.stack.addWidget(self.intro)
        self.stack.addWidget(self._build_campaign())
        layout.addWidget(self.stack, 1)

    # --- building ----------------------------------------------------------------------

    def _connect_bar(self) -> None:
        bar = self.bar
        self.year, self.campaign_box, self.meeting = bar.year, bar.campaign_box, bar.meeting
        self.campaign_pair, self.meeting_pair = bar.campaign_pair, bar.meeting_pair
        self.documents_button, self.more_button = bar.documents_button, bar.more_button
        self.add_action, self.remove_action = bar.add_action, bar.remove_action
        self.other_action, self.delete_action = bar.other_action, bar.delete_action
        self.year.currentIndexChanged.connect(lambda _i: self._show_year())
        self.campaign_box.currentIndexChanged.connect(lambda _i: self._campaign_chosen())
        self.meeting.activated.connect(lambda _i: self._meeting_chosen())
        self.documents_button.clicked.connect(lambda _checked=False: self.open_documents())
        self.add_action.triggered.connect(lambda _checked=False: self.add_member())
        self.remove_action.triggered.connect(lambda _checked=False: self.remove_selected())
        self.other_action.triggered.connect(lambda _checked=False: self.start_other())
        self.delete_action.triggered.connect(lambda _checked=False: self.delete_campaign())

    def _build_campaign(self) -> QWidget:
        content = QWidget()
        middle = QHBoxLayout(content)
        middle.setContentsMargins(0, 0, 0, 0)
        left = QVBoxLayout()
        self.heading = label("", "heading", wrap=True)
        left.addWidget(self.heading)
        self.counts = label("", "big", wrap=True)
        left.addWidget(self.counts)
        self.warnings = label("", "error", wrap=True)
        self.warnings.setAccessibleName(_("Warnings"))
        left.addWidget(self.warnings)
        self.table = ReviewTable(self.book.rules)
        self.model, self.proxy = self.table.rows_model, self.table.proxy
        self.table.selectionModel().currentRowChanged.connect(
            lambda _current, _previous: self._selection_changed()
        )
        self.table.activated.connect(lambda _index: self.open_next())
        left.addWidget(self.table, 1)
        self.legend = label("", "muted", wrap=True)
        left.addWidget(self.legend)
        middle.addLayout(left, 1)
        middle.addWidget(self._build_side())
        return content

    def _build_side(self) -> QScrollArea:
        """The selected member's steps, then the cell's own review; they scroll
        at a large text size."""
        self.side = QWidget()
        column = QVBoxLayout(self.side)
        column.setContentsMargins(0, 0, 0, 0)
        self.problem = label("", "error", wrap=True)
        self.problem.hide()
        column.addWidget(self.problem)
        card = self.member_card = MemberActions(self.book.rules)
        card.write_button.clicked.connect(lambda _checked=False: self.write_selected())
        card.discuss_button.clicked.connect(lambda _checked=False: self.discuss_selected())
        card.vote_button.clicked.connect(lambda _checked=False: self.vote_selected())
        card.decide_button.clicked.connect(lambda _checked=False: self.decide_selected())
        card.step_back_button.clicked.connect(lambda _checked=False: self.step_back())
        column.addWidget(card)
        self.cell = CellPanel()
        self.cell.write_button.clicked.connect(lambda _checked=False: self.write_cell())
        self.cell.vote_button.clicked.connect(lambda _checked=False: self.vote_cell())
        self.cell.decide_button.clicked.connect(lambda _checked=False: self.decide_cell())
        self.cell.undo_button.clicked.connect(lambda _checked=False: self.undo_cell())
        column.addWidget(self.cell)
        column.addStretch(1)
        self.side_scroll = QScrollArea()
        self.side_scroll.setWidgetResizable(True)
        self.side_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.side_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.side_scroll.setWidget(self.side)
        self._fit_side()
        return self.side_scroll

    def _fit_side(self) -> None:
        width = self.fontMetrics().horizontalAdvance("M") * SIDE_WIDTH
        self.side.setMinimumWidth(width)
        bar = self.side_scroll.verticalScrollBar().sizeHint().width()
        self.side_scroll.setFixedWidth(width + bar + 4)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange and hasattr(self, "side_scroll"):
            self._fit_side()

    # --- reading -----------------------------------------------------------------------

    def load(self) -> None:
        today = self.host.today()
        years = {row.year for row in self.service.campaigns()} | {today.year, today.year - 1}
        chosen = self.year.currentData() or self._default_year(today)
        self.year.blockSignals(True)
        self.year.clear()
        for year in sorted(years, reverse=True):
            self.year.addItem(str(year), year)
        self.year.setCurrentIndex(max(0, self.year.findData(chosen)))
        self.year.blockSignals(False)
        self._show_year()

    def _default_year(self, today: date) -> int:
        """This year; early in the year, last year's review while this year has none."""
        if today.month <= 2 and not self.service.campaigns(today.year):
            return today.year - 1
        return today.year

    def set_year(self, year: int) -> None:
        index = self.year.findData(year)
        if index < 0:
            self.year.addItem(str(year), year)
            index = self.year.count() - 1
        self.year.setCurrentIndex(index)

    def _show_year(self) -> None:
        year = self.year.currentData()
        if year is None:
            return
        rows = sorted(
            self.service.campaigns(year),
            key=lambda r: (r.period is not ReviewPeriod.ANNUAL, r.started_on),
        )
        kept = self.detail.id if self.detail is not None else None
        self.campaign_box.blockSignals(True)
        self.campaign_box.clear()
        for row in rows:
            self.campaign_box.addItem(campaign_name(row), row.id)
        self.campaign_box.setCurrentIndex(max(0, self.campaign_box.findData(kept)))
        self.campaign_box.blockSignals(False)
        self.campaign_pair.setVisible(len(rows) > 1)
        if not rows:
            self.detail = None
            self.intro.show_year(year)
            self.stack.setCurrentWidget(self.intro)
            self.bar.enable_campaign_tools(False)
            return
        self._campaign_chosen()

    def _campaign_chosen(self) -> None:
        campaign_id = self.campaign_box.currentData()
        if campaign_id is not None:
            self.show_campaign(campaign_id)

    def show_campaign(self, campaign_id: str) -> None:
        try:
            detail = self.service.campaign(campaign_id)
        except ValidationError:  # deleted meanwhile
            self.detail = None
            self._show_year()
            return
        self.detail = detail
        self.stack.setCurrentIndex(1)
        self.bar.enable_campaign_tools(True)
        self.heading.setText(detail.title)
        self.counts.setText(
            "  ·  ".join(f"{state_word(state)}: {detail.count(state)}" for state in STATE_ORDER)
        )
        self.warnings.setText("\n".join(f"⚠ {text}" for text in detail.warnings))
        self.warnings.setVisible(bool(detail.warnings))
        self.table.set_rows(detail.reviews)
        self.legend.setText(self._legend(detail))
        self._fill_meetings(detail)
        self.cell.show_campaign(self.book.rules, detail)
        self._selection_changed()

    def reload(self) -> None:
        if self.detail is not None:
            self.show_campaign(self.detail.id)
        else:
            self._show_year()

    def _legend(self, detail: CampaignDetail) -> str:
        lines = []
        if any(row.warnings for row in detail.reviews):
            lines.append(_("Rows on yellow (⚠) have warnings: point at them to read why."))
        levels = level_legend(self.book.rules)
        votes = _("Votes: for / against / abstaining.")
        lines.append(f"{levels} · {votes}" if levels else votes)
        return "\n".join(lines)

    def _fill_meetings(self, detail: CampaignDetail) -> None:
        meetings = [
            row
            for row in MeetingService(self.book).rows(year=detail.year)
            if row.kind is not MeetingKind.COMMITTEE
        ]
        self.meeting.clear()
        self.meeting.addItem(_("— not chosen —"), None)
        for row in sorted(meetings, key=lambda r: r.scheduled_on):
            self.meeting.addItem(f"{format_date(row.scheduled_on)} — {row.display_title}", row.id)
        index = self.meeting.findData(detail.meeting_id) if detail.meeting_id else 0
        self.meeting.setCurrentIndex(max(0, index))

    # --- the selected review ------------------------------------------------------------

    def selected(self) -> ReviewRow | None:
        return self.table.selected()

    def select(self, review_id: str) -> bool:
        return self.table.select(review_id)

    def select_member(self, member_id: str) -> bool:
        row = next((r for r in self.model.rows() if r.member_id == member_id), None)
        return row is not None and self.select(row.id)

    def select_member_named(self, name: str) -> bool:
        row = next((r for r in self.model.rows() if r.member_name == name), None)
        return row is not None and self.select(row.id)

    def _selection_changed(self) -> None:
        row = self.selected()
        self.member_card.follow(row)
        self.remove_action.setEnabled(row is not None and row.state is ReviewState.NOT_STARTED)

    def states(self) -> dict[str, ReviewState]:
        """Each member's name and where their review is (what the table shows)."""
        return {row.member_name: row.state for row in self.model.rows()}

    # --- the campaign -------------------------------------------------------------------

    def start_annual(self) -> bool:
        year = self.year.currentData()
        if year is None:
            return False
        try:
            self.service.start(year)
        except ValidationError as error:
            self.intro.show_problem(str(error))
            return False
        except BookFileError as error:
            show_book_error(self, error)
            return False
        self.detail = None
        self._show_year()
        self.host.show_status(_("The review of {year} is started.").format(year=year))
        return True

    def start_other(self) -> QDialog | None:
        from desktop.ui.reviews.start import StartReviewDialog

        year = self.year.currentData()
        if year is None:
            return None
        dialog = StartReviewDialog(self.book, year, self.host.today(), self)
        dialog.accepted.connect(lambda: self._started(dialog.saved_id))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _started(self, campaign_id: str | None) -> None:
        self._show_year()
        index = self.campaign_box.findData(campaign_id) if campaign_id else -1
        if index >= 0:
            self.campaign_box.setCurrentIndex(index)
        self.host.show_status(_("The review is started."))

    def delete_campaign(self) -> bool:
        if self.detail is None:
            return False
        detail = self.detail
        question = _("Delete {title}? Nothing has been written in it yet.").format(
            title=detail.title
        )
        if not self.confirm(_("Delete this review"), question):
            return False
        return self.run(
            lambda: self._delete(detail.id),
            _("The review was deleted."),
        )

    def _delete(self, campaign_id: str) -> None:
        self.service.delete_campaign(campaign_id)
        self.detail = None

    def _meeting_chosen(self) -> None:
        if self.detail is None:
            return
        campaign_id, meeting_id = self.detail.id, self.meeting.currentData()
        self.run(
            lambda: self.service.set_meeting(campaign_id, meeting_id),
            _("The review meeting is chosen."),
        )

    def open_documents(self) -> QDialog | None:
        from desktop.ui.reviews.documents import ReviewDocumentsDialog

        if self.detail is None:
            return None
        detail = self.detail
        return self.open_dialog(
            lambda: ReviewDocumentsDialog(
                self.book,
                detail.id,
                detail.title,
                self.host.today(),
                self.host.show_status,
                self,
            ),
            "",
        )
