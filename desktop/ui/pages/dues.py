"""Dues (đảng phí): a month's collection sheet, recording payments, who is
behind, and the members' rates."""

from __future__ import annotations

from datetime import date, timedelta

from desktop.data.errors import BookFileError
from desktop.i18n import N_, _, format_date, ngettext
from desktop.services.dues import (
    DuesLine,
    DuesService,
    DuesSheet,
    DuesStatus,
    UnpaidMember,
    month_start,
    month_text,
    status_label,
)
from desktop.services.party_calendar import add_months
from desktop.services.validation import ValidationError
from desktop.ui.dialogs.dues import EXEMPT_BACKGROUND, PaymentDialog, RatesDialog, money
from desktop.ui.month_chooser import MonthChooser
from desktop.ui.pages.base import Page, PageHost
from desktop.ui.qt.core import QEvent, QItemSelectionModel, Qt
from desktop.ui.qt.widgets import (
    QAbstractItemView,
    QHBoxLayout,
    QListWidget,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)
from desktop.ui.widgets import (
    Column,
    DataTable,
    EmptyState,
    RowLook,
    RowsModel,
    RowsProxy,
    label,
    primary_button,
    show_book_error,
)

PARTLY_BACKGROUND = "#fff1cc"
# Months of a year unpaid that call for a word with the member (as the reminders count them).
UNPAID_MONTHS = 3
# The months offered: from January this many years back to December of this year.
YEARS_BACK = 3
UNPAID_LIST_LINES = 3
STATUS_ORDER = {status: index for index, status in enumerate(DuesStatus)}


def _look(line: DuesLine) -> RowLook | None:
    if line.status is DuesStatus.UNPAID:
        return RowLook(_("Not paid yet: {amount} due.").format(amount=money(line.amount_due)))
    if line.status is DuesStatus.PARTLY:
        return RowLook(
            _("Still owed: {amount}.").format(amount=money(line.outstanding)),
            background=PARTLY_BACKGROUND,
            bold=False,
        )
    if line.status is DuesStatus.EXEMPT:
        return RowLook(
            _("Exempt: {reason}").format(reason=line.exempt_reason or _("no reason recorded")),
            background=EXEMPT_BACKGROUND,
            bold=False,
        )
    return None


def sheet_columns(order: dict[str, int]) -> tuple[Column, ...]:
    """Name and status first: at large text the last columns scroll out of view."""
    return (
        Column(N_("Full name"), lambda r: r.member_name, lambda r: order.get(r.member_id, 0)),
        Column(N_("Status"), lambda r: r.status_label, lambda r: STATUS_ORDER[r.status]),
        Column(N_("Amount due"), lambda r: money(r.amount_due), lambda r: r.amount_due, True),
        Column(N_("Paid"), lambda r: money(r.amount_paid), lambda r: r.amount_paid, True),
        Column(
            N_("Paid on"),
            lambda r: format_date(r.paid_on),
            lambda r: r.paid_on.isoformat() if r.paid_on else "",
        ),
        Column(N_("Dues rate"), lambda r: r.rate_title),
        Column(N_("Note"), lambda r: r.note),
    )


RATE_COLUMN = 5


def totals_text(sheet: DuesSheet) -> str:
    return _("Due {due} · Paid {paid} · Still owed {owed}").format(
        due=money(sheet.total_due), paid=money(sheet.total_paid), owed=money(sheet.outstanding)
    )


def counts_text(sheet: DuesSheet) -> str:
    """ "Paid: 25 · Not paid: 2 · Partly paid: 1 · Exempt: 3" """
    return " · ".join(f"{status_label(status)}: {sheet.count(status)}" for status in DuesStatus)


def unpaid_text(entry: UnpaidMember) -> str:
    months = ", ".join(month_text(month) for month in entry.months)
    return ngettext(
        "{name}: {count} month ({months})", "{name}: {count} months ({months})", len(entry.months)
    ).format(name=entry.member_name, count=len(entry.months), months=months)


class DuesPage(Page):
    key = "dues"

    def __init__(self, host: PageHost) -> None:
        super().__init__(host, _("Dues"))
        self.today = host.today()
        self.service = DuesService(self.book, self.today)
        self.month = month_start(self.today)
        self.current_sheet: DuesSheet | None = None
        self.dialog: QWidget | None = None
        self.rates_button = QPushButton(_("R&ates…"))
        self.rates_button.clicked.connect(lambda _checked=False: self.open_rates())
        self.header.addWidget(self.rates_button)

        self._build_month_bar()
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 0, 0)
        self.stack = QStackedWidget()
        self.unopened = EmptyState("", " ", self.open_month)
        self.stack.addWidget(self.unopened)
        self.stack.addWidget(self._build_sheet())
        layout.addWidget(self.stack, 1)
        self.set_content(content)
        order = (
            self.previous_button,
            self.month_box,
            self.next_button,
            self.rates_button,
            self.unopened.button,
            self.record_button,
            self.full_button,
            self.table,
            self.unpaid_list,
        )
        for first, second in zip(order, order[1:], strict=False):
            self.setTabOrder(first, second)

    # --- building --------------------------------------------------------------------

    def _build_month_bar(self) -> None:
        """Previous month, the month, next month: beside the page title, so
        they stay in place whether the month is opened or not."""
        self.chooser = MonthChooser(self.today, YEARS_BACK)
        self.chooser.setContentsMargins(16, 0, 0, 0)
        self.chooser.chosen.connect(self._month_chosen)
        self.previous_button = self.chooser.previous_button
        self.month_box = self.chooser.month_box
        self.next_button = self.chooser.next_button
        self.header.insertWidget(1, self.chooser)

    def _build_sheet(self) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        # The totals, then the counts with the two actions beside them (above
        # the list rather than below it, to leave the list more room at large text).
        self.totals = label("", "big", wrap=True)
        column.addWidget(self.totals)
        top = QHBoxLayout()
        self.counts = label("", "muted", wrap=True)
        top.addWidget(self.counts, 1)
        self.record_button = primary_button(_("&Record payment…"), self.record_payment)
        self.record_button.setToolTip(
            _("Record what the selected member paid this month (or press Enter in the list).")
        )
        top.addWidget(self.record_button)
        self.full_button = QPushButton(_("Paid in full &today"))
        self.full_button.setToolTip(
            _(
                "Record that the selected members paid the whole amount today. To select "
                "several, hold Ctrl and click, or hold Shift and use the arrow keys."
            )
        )
        self.full_button.clicked.connect(lambda _checked=False: self.paid_in_full())
        top.addWidget(self.full_button)
        column.addLayout(top)

        self.order: dict[str, int] = {}
        self.model = RowsModel(sheet_columns(self.order), look=_look)
        self.proxy = RowsProxy(self.model)
        self.table = DataTable(stretch=6)
        self.table.setModel(self.proxy)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setAccessibleName(_("Dues of the month"))
        self.table.setAccessibleDescription(
            _("Enter records the selected member's payment; Ctrl+click selects several.")
        )
        self.table.activated.connect(lambda _index: self.record_payment())
        self.table.selectionModel().selectionChanged.connect(
            lambda _selected, _deselected: self._update_buttons()
        )
        self.table.selectionModel().currentRowChanged.connect(
            lambda _current, _previous: self._update_buttons()
        )
        column.addWidget(self.table, 1)
        # The selected line in words: the exemption reason and notes are cut short above.
        self.details = label("", wrap=True)
        column.addWidget(self.details)

        self.unpaid_heading = label("", wrap=True)
        self.unpaid_heading.setStyleSheet("font-weight: bold;")
        column.addWidget(self.unpaid_heading)
        self.unpaid_list = QListWidget()
        self.unpaid_list.setAccessibleName(_("Members behind with their dues"))
        self.unpaid_list.setToolTip(_("Press Enter to select the member in the list above."))
        self.unpaid_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.unpaid_list.itemActivated.connect(lambda item: self._select_unpaid(item))
        column.addWidget(self.unpaid_list)
        return box

    # --- months ------------------------------------------------------------------------

    def step_month(self, step: int) -> None:
        self.chooser.step(step)

    def set_month(self, month: date) -> None:
        """Show the sheet of `month` (as choosing it in the box does)."""
        self.chooser.choose(month_start(month))

    def _month_chosen(self, month: date) -> None:
        self.month = month
        try:
            self.load()
        except BookFileError as error:
            show_book_error(self, error)

    # --- reading the book -----------------------------------------------------------------

    def load(self) -> None:
        self.chooser.show_month(self.month)
        keep = self.selected_member_ids()
        sheet = self.service.sheet(self.month)
        self.current_sheet = sheet
        self.show_empty(False)
        if not sheet.lines:
            self._show_unopened()
            return
        self.stack.setCurrentIndex(1)
        self.order.clear()
        self.order.update({line.member_id: n for n, line in enumerate(sheet.lines)})
        self.model.set_rows(sheet.lines)
        self.table.fit_columns()
        self._fit_rate_column()
        self.totals.setText(totals_text(sheet))
        self.counts.setText(counts_text(sheet))
        self._show_unpaid_members()
        self.select_members(keep or [sheet.lines[0].member_id])
        self._update_buttons()

    def _show_unopened(self) -> None:
        self.stack.setCurrentIndex(0)
        name = month_text(self.month)
        self.unopened.set_message(
            _(
                "The dues list for {month} has not been opened yet. Opening it lists every "
                "member who pays dues to the cell this month, with the amount due under the "
                "rates in force."
            ).format(month=name)
        )
        assert self.unopened.button is not None
        self.unopened.button.setText(_("Open the dues list for {month}").format(month=name))

    def _fit_rate_column(self) -> None:
        """Rate titles can be long: they are cut short (the tooltip has them whole)."""
        limit = self.table.fontMetrics().averageCharWidth() * 20
        if self.table.columnWidth(RATE_COLUMN) > limit:
            self.table.setColumnWidth(RATE_COLUMN, limit)
            self.table._fit_stretch()  # the note column takes the width given back

    def _show_unpaid_members(self) -> None:
        year = self.month.year
        present = month_start(self.today)
        if year > self.today.year:
            behind: list[UnpaidMember] = []
        elif year == self.today.year:
            # The month being collected now is not counted, as on the home page.
            behind = (
                self.service.members_with_unpaid(year, present - timedelta(days=1), UNPAID_MONTHS)
                if present.month > 1
                else []
            )
        else:
            behind = self.service.members_with_unpaid(year, date(year, 12, 31), UNPAID_MONTHS)
        if year == self.today.year and present.month > 1:
            # The month being collected now is not counted.
            heading = _(
                "Members with {months} or more unpaid months in {year} (up to {month}): {count}"
            ).format(
                months=UNPAID_MONTHS,
                year=year,
                month=month_text(add_months(present, -1)),
                count=len(behind),
            )
        else:
            heading = _("Members with {months} or more unpaid months in {year}: {count}").format(
                months=UNPAID_MONTHS, year=year, count=len(behind)
            )
        self.unpaid_heading.setText(heading)
        self.unpaid_list.clear()
        for entry in behind:
            self.unpaid_list.addItem(unpaid_text(entry))
            item = self.unpaid_list.item(self.unpaid_list.count() - 1)
            item.setData(Qt.ItemDataRole.UserRole, entry.member_id)
        self.unpaid_list.setVisible(bool(behind))
        self._fit_unpaid_list()

    def _fit_unpaid_list(self) -> None:
        """As tall as its names, up to a few lines (then it scrolls)."""
        count = self.unpaid_list.count()
        if count:
            rows = min(count, UNPAID_LIST_LINES)
            height = self.unpaid_list.sizeHintForRow(0) * rows
            frame = self.unpaid_list.frameWidth() * 2
            self.unpaid_list.setFixedHeight(height + frame + 2)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit_unpaid_list()
            if self.model.rowCount():
                self._fit_rate_column()

    def unpaid_texts(self) -> list[str]:
        return [self.unpaid_list.item(row).text() for row in range(self.unpaid_list.count())]

    def _select_unpaid(self, item: object) -> None:
        member_id = item.data(Qt.ItemDataRole.UserRole)  # type: ignore[attr-defined]
        if self.select_members([member_id]):
            self.table.setFocus()

    # --- selection ---------------------------------------------------------------------

    def lines(self) -> list[DuesLine]:
        """The lines in the order shown."""
        return [
            self.model.row_at(self.proxy.mapToSource(self.proxy.index(row, 0)).row())
            for row in range(self.proxy.rowCount())
        ]

    def selected_lines(self) -> list[DuesLine]:
        if self.stack.currentIndex() != 1:
            return []
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [
            self.model.row_at(self.proxy.mapToSource(self.proxy.index(r, 0)).row()) for r in rows
        ]

    def current_line(self) -> DuesLine | None:
        index = self.table.currentIndex()
        if self.stack.currentIndex() != 1 or not index.isValid():
            return None
        line: DuesLine = self.model.row_at(self.proxy.mapToSource(index).row())
        return line

    def selected_member_ids(self) -> list[str]:
        if self.current_sheet is None or self.model.rowCount() == 0:
            return []
        return [line.member_id for line in self.selected_lines()]

    def select_members(self, member_ids: list[str]) -> bool:
        """Select the lines of these members (the first becomes the current one)."""
        selection = self.table.selectionModel()
        selection.clearSelection()
        found = False
        for row, line in enumerate(self.lines()):
            if line.member_id not in member_ids:
                continue
            index = self.proxy.index(row, 0)
            flags = (
                QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
            )
            if not found:
                selection.setCurrentIndex(index, flags)
                self.table.scrollTo(index)
            else:
                selection.select(index, flags)
            found = True
        self._update_buttons()
        return found

    def _update_buttons(self) -> None:
        current = self.current_line()
        selected = self.selected_lines()
        self.record_button.setEnabled(current is not None)
        owing = [line for line in selected if line.outstanding > 0]
        self.full_button.setEnabled(bool(owing))
        if len(selected) > 1:
            self.full_button.setText(_("Paid in full &today ({count})").format(count=len(owing)))
        else:
            self.full_button.setText(_("Paid in full &today"))
        self.details.setText(self._details(current) if current else "")

    def _details(self, line: DuesLine) -> str:
        if line.status is DuesStatus.EXEMPT:
            text = _("Exempt: {reason}").format(
                reason=line.exempt_reason or _("no reason recorded")
            )
        elif line.status is DuesStatus.PAID:
            text = _("Paid {amount} on {date}.").format(
                amount=money(line.amount_paid), date=format_date(line.paid_on)
            )
        elif line.status is DuesStatus.PARTLY:
            text = _("Paid {amount} on {date}; still owed {owed}.").format(
                amount=money(line.amount_paid),
                date=format_date(line.paid_on),
                owed=money(line.outstanding),
            )
        else:
            text = _("Not paid yet: {amount} due.").format(amount=money(line.amount_due))
        parts = [f"{line.member_name}: {text}"]
        if line.note:
            parts.append(_("Note: {note}").format(note=line.note))
        return " ".join(parts)

    # --- actions ----------------------------------------------------------------------

    def open_month(self) -> None:
        try:
            made = self.service.open_month(self.month)
            self.load()
        except BookFileError as error:
            show_book_error(self, error)
            return
        if made == 0:
            self.unopened.set_message(
                _("No member pays dues to the cell for {month}. Add the members first.").format(
                    month=month_text(self.month)
                )
            )
            return
        self.host.show_status(
            ngettext(
                "The dues list for {month} is open: {count} member.",
                "The dues list for {month} is open: {count} members.",
                made,
            ).format(month=month_text(self.month), count=made)
        )
        self.table.setFocus()

    def record_payment(self) -> QWidget | None:
        line = self.current_line()
        if line is None:
            return None
        dialog = PaymentDialog(self.service, line, self.today, self)
        dialog.accepted.connect(lambda: self._payment_recorded(line))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _payment_recorded(self, line: DuesLine) -> None:
        self._reload([line.member_id])
        self.host.show_status(
            _("Payment of {name} for {month} recorded.").format(
                name=line.member_name, month=month_text(line.month)
            )
        )

    def paid_in_full(self) -> int:
        """Record the selected members as having paid the whole amount today."""
        lines = [line for line in self.selected_lines() if line.outstanding > 0]
        done = 0
        problems: list[str] = []
        try:
            for line in lines:
                try:
                    self.service.record_payment(
                        line.member_id, line.month, line.amount_due, self.today, line.note
                    )
                    done += 1
                except ValidationError as error:
                    problems.append(f"{line.member_name}: {error}")
        except BookFileError as error:
            show_book_error(self, error)
        self._reload([line.member_id for line in lines])
        if done:
            self.host.show_status(
                ngettext(
                    "{count} payment recorded in full.", "{count} payments recorded in full.", done
                ).format(count=done)
            )
        if problems:
            QMessageBox.warning(self, _("Dues"), "\n".join(problems))
        return done

    def _reload(self, member_ids: list[str]) -> None:
        try:
            self.load()
        except BookFileError as error:
            show_book_error(self, error)
            return
        if self.stack.currentIndex() == 1:
            self.select_members(member_ids)
            self.table.setFocus()

    def open_rates(self) -> QWidget:
        dialog = RatesDialog(self.book, self.today, self)
        dialog.finished.connect(lambda _result: self._reload(self.selected_member_ids()))
        self.dialog = dialog
        dialog.open()
        return dialog
