"""Recommendations: what members raised, where it went, how long it has waited,
and following each one up from its detail beside the table."""

from __future__ import annotations

from collections.abc import Callable

from desktop.data.enums import RecommendationStatus
from desktop.i18n import N_, _, format_date, ngettext
from desktop.services.labels import enum_label
from desktop.services.members import MemberService
from desktop.services.recommendations import (
    RecommendationFilter,
    RecommendationRow,
    RecommendationService,
)
from desktop.services.validation import ValidationError
from desktop.ui.dialogs.base import FormDialog
from desktop.ui.dialogs.recommendation import (
    AnswerDialog,
    CloseDialog,
    ForwardDialog,
    RecommendationDialog,
)
from desktop.ui.pages.base import Page, PageHost
from desktop.ui.qt.core import QItemSelectionModel, Qt
from desktop.ui.qt.widgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)
from desktop.ui.theme import set_role
from desktop.ui.widgets import (
    Column,
    DataTable,
    EmptyState,
    RowLook,
    RowsModel,
    RowsProxy,
    label,
)

# The filter choices, in the order shown; the first is where the page starts.
FILTERS = (
    (RecommendationFilter.WAITING, N_("Waiting for an answer")),
    (RecommendationFilter.OVERDUE, N_("Waiting too long")),
    (RecommendationFilter.ANSWERED, N_("Answered")),
    (RecommendationFilter.CLOSED, N_("Closed")),
    (RecommendationFilter.ALL, N_("All")),
)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _days(row: RecommendationRow) -> str:
    return "" if row.days_waiting is None else str(row.days_waiting)


class RecommendationsPage(Page):
    key = "recommendations"

    def __init__(self, host: PageHost) -> None:
        super().__init__(host, _("Recommendations"))
        self.service = RecommendationService(self.book, host.today())
        self.dialog: FormDialog | None = None
        self.add_action(_("Add recommendation…"), self.add_recommendation)
        limit = self.book.rules.recommendation_limit_days

        def look(row: RecommendationRow) -> RowLook | None:
            if not row.overdue:
                return None
            return RowLook(
                _("Waiting more than {limit} days for an answer: {content}").format(
                    limit=limit, content=row.content
                )
            )

        columns = (
            Column(
                N_("Raised on"),
                lambda r: format_date(r.raised_on),
                lambda r: r.raised_on.isoformat(),
            ),
            Column(N_("By"), lambda r: r.raised_by),
            Column(N_("Content"), lambda r: _one_line(r.content)),
            Column(N_("Sent to"), lambda r: r.addressee),
            Column(N_("Status"), lambda r: enum_label(r.status)),
            Column(
                N_("Days waiting"),
                _days,
                lambda r: -1 if r.days_waiting is None else r.days_waiting,
                True,
            ),
        )
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 0, 0)
        self.summary = label("", "big", wrap=True)
        layout.addWidget(self.summary)
        filters = QHBoxLayout()
        show = QLabel(_("&Show:"))
        self.filter = QComboBox()
        for value, text in FILTERS:
            self.filter.addItem(_(text), value)
        self.filter.setAccessibleName(_("Show recommendations"))
        show.setBuddy(self.filter)
        self.filter.currentIndexChanged.connect(lambda _index: self.load())
        filters.addWidget(show)
        filters.addWidget(self.filter)
        filters.addStretch(1)
        layout.addLayout(filters)
        self.model = RowsModel(columns, search_text=lambda r: r.content, look=look)
        self.proxy = RowsProxy(self.model)
        self.table = DataTable(stretch=2)
        self.table.setModel(self.proxy)
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.table.setAccessibleName(_("Recommendations"))
        self.table.selectionModel().currentRowChanged.connect(
            lambda _current, _previous: self._show_detail()
        )
        self.nothing = label("", "empty", wrap=True)
        self.nothing.setAlignment(Qt.AlignmentFlag.AlignCenter)
        middle = QHBoxLayout()
        tables = QVBoxLayout()
        tables.addWidget(self.table, 1)
        tables.addWidget(self.nothing, 1)
        middle.addLayout(tables, 3)
        middle.addWidget(self._build_detail(), 2)
        layout.addLayout(middle, 1)
        self.legend = label(
            _("Rows in bold on red have waited more than {limit} days.").format(limit=limit),
            "muted",
            wrap=True,
        )
        layout.addWidget(self.legend)
        empty = EmptyState(
            _(
                "No recommendations recorded. When members raise an opinion or a request "
                "for the commune, add it here to follow it up."
            ),
            _("Add recommendation…"),
            self.add_recommendation,
        )
        self.set_content(content, empty)

    # --- the detail of the selected recommendation --------------------------------

    def _build_detail(self) -> QWidget:
        panel = QFrame()
        set_role(panel, "card")
        panel.setAccessibleName(_("The selected recommendation"))
        outer = QVBoxLayout(panel)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        inner = QWidget()
        column = QVBoxLayout(inner)
        column.setContentsMargins(0, 0, 0, 0)
        self.detail_status = label("", "heading", wrap=True)
        self.detail_raised = label("", "muted", wrap=True)
        self.detail_content = label("", wrap=True)
        self.detail_sent = label("", wrap=True)
        self.detail_answer_title = label("", "muted", wrap=True)
        self.detail_answer = label("", wrap=True)
        for widget in (
            self.detail_status,
            self.detail_raised,
            self.detail_content,
            self.detail_sent,
            self.detail_answer_title,
            self.detail_answer,
        ):
            column.addWidget(widget)
        column.addStretch(1)
        scroll.setWidget(inner)
        outer.addWidget(scroll, 1)
        buttons = QVBoxLayout()
        self.forward_button = QPushButton(_("Forward…"))
        self.forward_button.clicked.connect(lambda _checked=False: self.forward_selected())
        self.answer_button = QPushButton(_("Record the answer…"))
        self.answer_button.clicked.connect(lambda _checked=False: self.answer_selected())
        self.close_button = QPushButton(_("Close"))
        self.close_button.clicked.connect(lambda _checked=False: self.close_selected())
        self.reopen_button = QPushButton(_("Reopen"))
        self.reopen_button.clicked.connect(lambda _checked=False: self.reopen_selected())
        for button in (
            self.forward_button,
            self.answer_button,
            self.close_button,
            self.reopen_button,
        ):
            buttons.addWidget(button)
        outer.addLayout(buttons)
        self.detail_panel = panel
        return panel

    def selected(self) -> RecommendationRow | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.row_at(self.proxy.mapToSource(index).row())

    def select(self, recommendation_id: str) -> bool:
        """Make a recommendation the current row, if this filter shows it."""
        for row, item in enumerate(self.model.rows()):
            if item.id == recommendation_id:
                index = self.proxy.mapFromSource(self.model.index(row, 0))
                self.table.selectionModel().setCurrentIndex(
                    index,
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
                return True
        return False

    def _show_detail(self) -> None:
        row = self.selected()
        texts = (
            self.detail_raised,
            self.detail_content,
            self.detail_sent,
            self.detail_answer_title,
            self.detail_answer,
        )
        if row is None:
            self.detail_status.setText(_("Select a recommendation to see it in full."))
            for widget in texts:
                widget.clear()
                widget.hide()
            for button in self._buttons():
                button.hide()
            return
        status = enum_label(row.status)
        if row.waiting and row.days_waiting is not None:
            status += " · " + ngettext(
                "waiting {count} day", "waiting {count} days", row.days_waiting
            ).format(count=row.days_waiting)
        self.detail_status.setText(status)
        if row.raised_by:
            raised = _("Raised on {date} by {name}").format(
                date=format_date(row.raised_on), name=row.raised_by
            )
        else:
            raised = _("Raised on {date}").format(date=format_date(row.raised_on))
        self.detail_raised.setText(raised)
        self.detail_content.setText(row.content)
        if row.forwarded_on is not None:
            sent = _("Sent to {addressee} on {date}").format(
                addressee=row.addressee, date=format_date(row.forwarded_on)
            )
        elif row.addressee:
            sent = _("For {addressee}, not sent yet").format(addressee=row.addressee)
        else:
            sent = _("Not sent yet")
        self.detail_sent.setText(sent)
        if row.answered_on is not None:
            title = _("Answer of {date}:").format(date=format_date(row.answered_on))
        elif row.status is RecommendationStatus.CLOSED:
            title = _("Closed without an answer:")
        else:
            title = _("Earlier answer or note:")
        self.detail_answer_title.setText(title)
        self.detail_answer.setText(row.answer)
        for widget in texts:
            widget.setVisible(bool(widget.text()))
        self.detail_answer_title.setVisible(bool(row.answer))
        self.forward_button.setVisible(row.waiting)
        self.answer_button.setVisible(row.waiting)
        self.close_button.setVisible(row.status is not RecommendationStatus.CLOSED)
        self.close_button.setText(_("Close") if row.answered_on else _("Close…"))
        self.reopen_button.setVisible(not row.waiting)

    def _buttons(self) -> tuple[QPushButton, ...]:
        return (self.forward_button, self.answer_button, self.close_button, self.reopen_button)

    # --- loading ------------------------------------------------------------------

    @property
    def current_filter(self) -> RecommendationFilter:
        return RecommendationFilter(self.filter.currentData())

    def set_filter(self, value: RecommendationFilter) -> None:
        self.filter.setCurrentIndex(self.filter.findData(value))

    def load(self) -> None:
        keep = self.selected()
        rows = self.service.rows(self.current_filter)
        self.model.set_rows(rows)
        self.table.fit_columns()
        summary = self.service.summary()
        text = ngettext(
            "{count} waiting for an answer", "{count} waiting for an answer", summary.waiting
        ).format(count=summary.waiting)
        if summary.overdue:
            text += " · " + ngettext(
                "{count} waiting too long", "{count} waiting too long", summary.overdue
            ).format(count=summary.overdue)
        text += " · " + ngettext(
            "{count} answered this year", "{count} answered this year", summary.answered_this_year
        ).format(count=summary.answered_this_year)
        self.summary.setText(text)
        self.legend.setVisible(any(row.overdue for row in rows))
        self.nothing.setText(_("None to show here. Choose another group under Show."))
        self.nothing.setVisible(not rows)
        self.table.setVisible(bool(rows))
        if not (keep and self.select(keep.id)) and rows:
            first = self.proxy.index(0, 0)
            self.table.selectionModel().setCurrentIndex(
                first,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        self._show_detail()
        self.show_empty(summary.total == 0)

    # --- actions --------------------------------------------------------------------

    def add_recommendation(self) -> RecommendationDialog:
        dialog = RecommendationDialog(
            self.service, MemberService(self.book), self.host.today(), self
        )
        dialog.accepted.connect(self._added)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _added(self) -> None:
        self.refresh()
        self.host.show_status(_("Recommendation added."))

    def _open(self, dialog: FormDialog, done: str) -> FormDialog:
        dialog.accepted.connect(lambda: self._after(done))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _after(self, done: str) -> None:
        self.refresh()
        self.host.show_status(done)

    def forward_selected(self) -> ForwardDialog | None:
        row = self.selected()
        if row is None or not row.waiting:
            return None
        dialog = ForwardDialog(self.service, row, self.host.today(), self)
        self._open(dialog, _("Recommendation forwarded."))
        return dialog

    def answer_selected(self) -> AnswerDialog | None:
        row = self.selected()
        if row is None or not row.waiting:
            return None
        dialog = AnswerDialog(self.service, row, self.host.today(), self)
        self._open(dialog, _("Answer recorded."))
        return dialog

    def close_selected(self) -> CloseDialog | None:
        """Close an answered recommendation at once; one without an answer
        needs a note saying why (asked in a dialog, which is returned)."""
        row = self.selected()
        if row is None or row.status is RecommendationStatus.CLOSED:
            return None
        if row.answered_on is None:
            dialog = CloseDialog(self.service, row, self)
            self._open(dialog, _("Recommendation closed."))
            return dialog
        self._run(lambda: self.service.close(row.id), _("Recommendation closed."))
        return None

    def reopen_selected(self) -> None:
        row = self.selected()
        if row is None or row.waiting:
            return
        self._run(lambda: self.service.reopen(row.id), _("Recommendation reopened."))

    def _run(self, action: Callable[[], None], done: str) -> None:
        try:
            action()
        except ValidationError as error:
            QMessageBox.warning(self, _("Recommendations"), str(error))
            return
        self._after(done)
