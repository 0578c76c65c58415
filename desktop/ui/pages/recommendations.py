"""Recommendations: what members raised, where it went, how long it has waited."""

from __future__ import annotations

from desktop.data.enums import RecommendationStatus
from desktop.i18n import N_, _, format_date, ngettext
from desktop.services.labels import enum_label
from desktop.services.members import MemberService
from desktop.services.recommendations import RecommendationRow, RecommendationService
from desktop.ui.dialogs.recommendation import RecommendationDialog
from desktop.ui.pages.base import Page, PageHost
from desktop.ui.qt.core import Qt
from desktop.ui.qt.widgets import QVBoxLayout, QWidget
from desktop.ui.widgets import (
    Column,
    DataTable,
    EmptyState,
    RowLook,
    RowsModel,
    RowsProxy,
    label,
)

WAITING = (RecommendationStatus.OPEN, RecommendationStatus.FORWARDED)


def _one_line(text: str) -> str:
    return " ".join(text.split())


class RecommendationsPage(Page):
    key = "recommendations"

    def __init__(self, host: PageHost) -> None:
        super().__init__(host, _("Recommendations"))
        self.service = RecommendationService(self.book, host.today())
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
                N_("Days waiting"), lambda r: str(r.days_waiting), lambda r: r.days_waiting, True
            ),
        )
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 0, 0)
        self.summary = label("", "big", wrap=True)
        layout.addWidget(self.summary)
        self.model = RowsModel(columns, search_text=lambda r: r.content, look=look)
        self.proxy = RowsProxy(self.model)
        self.table = DataTable(stretch=2)
        self.table.setModel(self.proxy)
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.table.setAccessibleName(_("Recommendations"))
        layout.addWidget(self.table, 1)
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

    def load(self) -> None:
        rows = self.service.rows()
        self.model.set_rows(rows)
        self.table.fit_columns()
        waiting = [r for r in rows if r.status in WAITING]
        overdue = [r for r in waiting if r.overdue]
        text = ngettext(
            "{count} waiting for an answer", "{count} waiting for an answer", len(waiting)
        ).format(count=len(waiting))
        if overdue:
            text += " · " + ngettext(
                "{count} waiting too long", "{count} waiting too long", len(overdue)
            ).format(count=len(overdue))
        self.summary.setText(text)
        self.legend.setVisible(bool(overdue))
        self.show_empty(not rows)

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
