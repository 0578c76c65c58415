"""The emulation pledges of a year: the cell's own first, then members'."""

from __future__ import annotations

from collections.abc import Callable

from desktop.i18n import N_, _, format_date
from desktop.services.emulation import EmulationService, PledgeRow
from desktop.services.members import MemberService
from desktop.ui.criticism.common import RowsView, confirm, flat, run_change, shortened, whose
from desktop.ui.dialogs.base import FormDialog
from desktop.ui.emulation.dialogs import PledgeDialog, PledgeResultDialog
from desktop.ui.pages.base import PageHost
from desktop.ui.qt.widgets import QHBoxLayout, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget
from desktop.ui.widgets import Column, label, primary_button


def achieved_text(achieved: bool | None) -> str:
    if achieved is None:
        return _("Not assessed yet")
    return _("Achieved") if achieved else _("Not achieved")


def pledge_details(row: PledgeRow) -> str:
    text = row.content
    if row.achieved is not None or row.result:
        text += "\n\n" + achieved_text(row.achieved)
        if row.result:
            text += ": " + row.result
    return text


class PledgesPart(QWidget):
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
        self.add_button = primary_button(_("Add a &pledge…"), self.add)
        top.addWidget(self.add_button)
        layout.addLayout(top)
        columns = (
            Column(N_("Who"), lambda r: whose(r.member_name)),
            Column(
                N_("Pledged on"),
                lambda r: format_date(r.pledged_on),
                lambda r: r.pledged_on.isoformat(),
            ),
            Column(N_("Pledge"), lambda r: shortened(r.content, 80)),
            Column(N_("Achieved"), lambda r: achieved_text(r.achieved)),
            Column(N_("Result"), lambda r: flat(r.result)),
        )
        self.view = RowsView(columns, _("Emulation pledges"), stretch=2, caps={0: 21, 4: 26})
        self.view.table.setSortingEnabled(False)  # the cell's own pledge first, then by name
        self.view.table.selectionModel().currentRowChanged.connect(
            lambda _current, _previous: self._show_selected()
        )
        self.view.table.doubleClicked.connect(lambda _index: self.record_result())
        layout.addWidget(self.view, 1)
        self.full_text = QPlainTextEdit()
        self.full_text.setReadOnly(True)
        self.full_text.setTabChangesFocus(True)
        self.full_text.setAccessibleName(_("The pledge in full"))
        self.full_text.setFixedHeight(self.full_text.fontMetrics().height() * 3 + 14)
        layout.addWidget(self.full_text)
        bottom = QHBoxLayout()
        self.result_button = QPushButton(_("Record the &result…"))
        self.result_button.clicked.connect(lambda _checked=False: self.record_result())
        self.delete_button = QPushButton(_("&Delete…"))
        self.delete_button.clicked.connect(lambda _checked=False: self.delete_selected())
        bottom.addWidget(self.result_button)
        bottom.addWidget(self.delete_button)
        bottom.addStretch(1)
        layout.addLayout(bottom)

    def load(self, year: int) -> None:
        self.year = year
        self.service = EmulationService(self.host.book, self.host.today())
        rows = self.service.pledges(year=year)
        achieved = sum(row.achieved is True for row in rows)
        assessed = sum(row.achieved is not None for row in rows)
        if rows:
            self.intro.setText(
                _("{count} pledges for {year}; {assessed} assessed, {achieved} achieved.").format(
                    count=len(rows), year=year, assessed=assessed, achieved=achieved
                )
            )
        else:
            self.intro.setText("")
        self.view.set_rows(
            rows,
            _(
                "No emulation pledges for {year} yet. At the start of the year the cell "
                "and each member register what they pledge to achieve; add them here, "
                "and at the end of the year record whether each was achieved."
            ).format(year=year),
        )
        self.full_text.setVisible(bool(rows))
        self.result_button.setVisible(bool(rows))
        self.delete_button.setVisible(bool(rows))
        self._show_selected()

    @property
    def count(self) -> int:
        return self.view.model.rowCount()

    def rows(self) -> list[PledgeRow]:
        return self.view.rows()

    def selected(self) -> PledgeRow | None:
        row: PledgeRow | None = self.view.selected()
        return row

    def _show_selected(self) -> None:
        row = self.selected()
        self.result_button.setEnabled(row is not None)
        self.delete_button.setEnabled(row is not None)
        self.full_text.setPlainText(pledge_details(row) if row else "")

    def _open(self, dialog: FormDialog, done: str) -> None:
        def saved() -> None:
            self.host.show_status(done)
            self.on_change(dialog.year.value() if isinstance(dialog, PledgeDialog) else None)
            if dialog.saved_id:
                self.view.select(dialog.saved_id)

        dialog.accepted.connect(saved)
        self.dialog = dialog
        dialog.open()

    def add(self) -> PledgeDialog:
        members = MemberService(self.host.book, self.host.today()).rows()
        dialog = PledgeDialog(self.service, members, self.year, self)
        self._open(dialog, _("Pledge added."))
        return dialog

    def record_result(self) -> PledgeResultDialog | None:
        row = self.selected()
        if row is None:
            return None
        dialog = PledgeResultDialog(self.service, row, self)
        self._open(dialog, _("Result of the pledge recorded."))
        return dialog

    def delete_selected(self, *, ask: bool = True) -> bool:
        row = self.selected()
        if row is None:
            return False
        question = _("Delete the pledge of {who} for {year}?").format(
            who=whose(row.member_name), year=row.year
        )
        if ask and not confirm(self, _("Delete the pledge"), question):
            return False
        action = lambda: self.service.delete_pledge(row.id)  # noqa: E731
        if not run_change(self, _("Delete the pledge"), action):
            return False
        self.host.show_status(_("Pledge deleted."))
        self.on_change(None)
        return True
