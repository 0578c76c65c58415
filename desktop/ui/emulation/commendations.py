"""Commendations of a year, given to the cell or to its members."""

from __future__ import annotations

from collections.abc import Callable

from desktop.i18n import N_, _, format_date
from desktop.services.emulation import CommendationRow, EmulationService
from desktop.services.members import MemberService
from desktop.services.recommendations import commune_committee
from desktop.ui.criticism.common import RowsView, confirm, run_change, shortened, whose
from desktop.ui.dialogs.base import FormDialog
from desktop.ui.emulation.dialogs import CommendationDialog
from desktop.ui.pages.base import PageHost
from desktop.ui.qt.core import Qt
from desktop.ui.qt.widgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget
from desktop.ui.widgets import Column, label, primary_button


def commendation_details(row: CommendationRow) -> str:
    """One commendation in a sentence, for a tooltip."""
    parts = [f"{row.title} – {whose(row.member_name)}", format_date(row.given_on)]
    if row.given_by:
        parts.append(row.given_by)
    if row.decision_ref:
        parts.append(row.decision_ref)
    text = ", ".join(parts)
    return text + (f": {row.reason}" if row.reason else "")


COMMENDATION_COLUMNS = (
    Column(N_("Date"), lambda r: format_date(r.given_on), lambda r: r.given_on.isoformat()),
    Column(N_("Given to"), lambda r: whose(r.member_name)),
    Column(N_("Title"), lambda r: r.title),
    Column(N_("Awarded by"), lambda r: r.given_by),
    Column(N_("For what"), lambda r: shortened(r.reason, 50)),
    Column(N_("Decision"), lambda r: r.decision_ref),
)


class CommendationsPart(QWidget):
    def __init__(self, host: PageHost, on_change: Callable[[int | None], None]) -> None:
        super().__init__()
        self.host = host
        self.on_change = on_change
        self.service = EmulationService(host.book, host.today())
        self.year = host.today().year
        self.dialog: FormDialog | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        top = QHBoxLayout()
        self.intro = label("", "muted", wrap=True)
        top.addWidget(self.intro, 1)
        self.add_button = primary_button(_("Add a co&mmendation…"), self.add)
        top.addWidget(self.add_button)
        layout.addLayout(top)
        self.view = RowsView(
            COMMENDATION_COLUMNS, _("Commendations"), stretch=4, caps={1: 18, 2: 14, 3: 20, 5: 16}
        )
        self.view.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.view.table.selectionModel().currentRowChanged.connect(
            lambda _current, _previous: self._show_selected()
        )
        layout.addWidget(self.view, 1)
        self.details = label("", wrap=True)
        layout.addWidget(self.details)
        bottom = QHBoxLayout()
        self.delete_button = QPushButton(_("&Delete…"))
        self.delete_button.clicked.connect(lambda _checked=False: self.delete_selected())
        bottom.addWidget(self.delete_button)
        bottom.addStretch(1)
        layout.addLayout(bottom)

    def load(self, year: int) -> None:
        self.year = year
        self.service = EmulationService(self.host.book, self.host.today())
        rows = self.service.commendations(year=year)
        cell = sum(row.member_id is None for row in rows)
        self.intro.setText(
            _("{count} commendations in {year}, {cell} of them to the cell.").format(
                count=len(rows), year=year, cell=cell
            )
            if rows
            else ""
        )
        self.view.set_rows(
            rows,
            _(
                "No commendations recorded for {year}. When the commune or a higher body "
                "commends the cell or a member (Giấy khen, Bằng khen…), add it here with "
                "its decision number."
            ).format(year=year),
        )
        self.delete_button.setVisible(bool(rows))
        self.details.setVisible(bool(rows))
        self._show_selected()

    @property
    def count(self) -> int:
        return self.view.model.rowCount()

    def rows(self) -> list[CommendationRow]:
        return self.view.rows()

    def selected(self) -> CommendationRow | None:
        row: CommendationRow | None = self.view.selected()
        return row

    def _show_selected(self) -> None:
        row = self.selected()
        self.delete_button.setEnabled(row is not None)
        self.details.setText(commendation_details(row) if row else "")

    def add(self) -> CommendationDialog:
        book, today = self.host.book, self.host.today()
        given_by = commune_committee(book.organisation().commune_name)
        dialog = CommendationDialog(self.service, MemberService(book, today).rows(), given_by, self)

        def saved() -> None:
            self.host.show_status(_("Commendation added."))
            given_on = dialog.given_on.date()  # saved, so a date
            self.on_change(given_on.year if given_on else None)
            if dialog.saved_id:
                self.view.select(dialog.saved_id)

        dialog.accepted.connect(saved)
        self.dialog = dialog
        dialog.open()
        return dialog

    def delete_selected(self, *, ask: bool = True) -> bool:
        row = self.selected()
        if row is None:
            return False
        question = _("Delete the commendation “{title}” of {date} to {who}?").format(
            title=row.title, date=format_date(row.given_on), who=whose(row.member_name)
        )
        if ask and not confirm(self, _("Delete the commendation"), question):
            return False
        action = lambda: self.service.delete_commendation(row.id)  # noqa: E731
        if not run_change(self, _("Delete the commendation"), action):
            return False
        self.host.show_status(_("Commendation deleted."))
        self.on_change(None)
        return True
