"""Dues (đảng phí) dialogs: recording one member's payment for a month, one
member's rate, and the rates of every member.

Amounts are whole đồng; they are shown the Vietnamese way ("6.000 đ") by
`money`, and typed with or without dots ("6000", "6.000", "6.000 đ").
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from desktop.data.enums import MemberStatus
from desktop.data.errors import BookFileError
from desktop.data.models import Member
from desktop.i18n import N_, _, current_language, format_month, format_number
from desktop.rules.ruleset import DuesRate
from desktop.services.book import Book
from desktop.services.dues import DuesDue, DuesLine, DuesService, member_rate
from desktop.services.members import MemberService
from desktop.services.validation import FieldError, ValidationError
from desktop.ui.dialogs.base import FormDialog
from desktop.ui.qt.core import Qt
from desktop.ui.qt.widgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)
from desktop.ui.widgets import (
    Column,
    DataTable,
    DateField,
    FieldForm,
    RowLook,
    RowsModel,
    RowsProxy,
    fit_to_screen,
    label,
    primary_button,
    show_book_error,
)

EXEMPT_BACKGROUND = "#eeeeee"


# --- amounts ------------------------------------------------------------------


def currency() -> str:
    return "đ" if current_language() == "vi" else "VND"


def money(amount: int | None) -> str:
    """ "6.000 đ" in Vietnamese, "6,000 VND" in English (never split across lines)."""
    if amount is None:
        return ""
    return f"{format_number(amount)}\u00a0{currency()}"


_UNITS = ("vnđ", "vnd", "đồng", "dong", "đ", "d")


def parse_amount(text: str) -> int | None:
    """ "6000", "6.000", "6,000", "6 000 đ" -> 6000; "" -> None.
    Raises ValueError for anything else (letters, minus signs, decimals)."""
    cleaned = text.strip().lower()
    if not cleaned:
        return None
    for unit in _UNITS:
        if cleaned.endswith(unit):
            cleaned = cleaned[: -len(unit)].strip()
            break
    digits = "".join(ch for ch in cleaned if ch not in ".,  \u00a0")
    if not digits.isdigit():  # also a currency alone
        raise ValueError(text)
    return int(digits)


def amount_problem(field: str, caption: str) -> FieldError:
    return FieldError(
        field,
        _("{field}: write a whole number of đồng, for example {example}.").format(
            field=caption, example=format_number(6000)
        ),
    )


class AmountField(QWidget):
    """A box for an amount of money with the currency after it."""

    def __init__(self, value: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.edit = QLineEdit()
        self.edit.setMaxLength(20)
        self.edit.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.edit.setMaximumWidth(self.fontMetrics().horizontalAdvance("0") * 18)
        row.addWidget(self.edit)
        row.addWidget(label(currency()))
        row.addStretch(1)
        self.setFocusProxy(self.edit)
        self.set_amount(value)

    def set_amount(self, value: int | None) -> None:
        self.edit.setText(format_number(value) if value is not None else "")

    def amount(self) -> int | None:
        return parse_amount(self.edit.text())

    def text(self) -> str:
        return self.edit.text()

    def setText(self, text: str) -> None:  # noqa: N802 (like a QLineEdit)
        self.edit.setText(text)


# --- rates ----------------------------------------------------------------------


def rate_text(rate: DuesRate) -> str:
    """A rate as a chooser shows it: its title, and the amount for flat rates."""
    if rate.is_percent:
        return rate.title
    return _("{rate}: {amount} a month").format(rate=rate.title, amount=money(rate.amount))


def base_caption(rate: DuesRate) -> str:
    if rate.of == "pension":
        return _("Pension (a month)")
    return _("Insured salary (a month)")


def due_text(due: DuesDue) -> str:
    """What a member owes a month: "6.000 đ", or "Exempt (reason)"."""
    if due.exempt:
        return _("Exempt ({reason})").format(reason=due.exempt_reason)
    return money(due.amount)


class RateFields:
    """The rate, salary or pension and exemption fields of a `FieldForm`, for
    one member at a time. A member with no rate chosen keeps none (the rule
    set's default applies) unless another rate is picked."""

    def __init__(self, form: FieldForm, rates: list[DuesRate], default: DuesRate) -> None:
        self.form = form
        self.default = default
        self.rate = QComboBox()
        self.rate.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.rate.setMinimumContentsLength(24)
        for rate in rates:
            self.rate.addItem(rate_text(rate), rate)
            self.rate.setItemData(
                self.rate.count() - 1, rate_text(rate), Qt.ItemDataRole.ToolTipRole
            )
        form.add_field("dues_rate_id", self.rate, _("Dues rate"))
        self.base = AmountField()
        form.add_field("dues_base", self.base, _("Insured salary (a month)"))
        self.reason = QLineEdit()
        self.reason.setMaxLength(200)
        self.reason.setPlaceholderText(_("for example Hộ nghèo; leave empty if the member pays"))
        form.add_field("dues_exempt_reason", self.reason, _("Reason for exemption"))
        self.rate.currentIndexChanged.connect(lambda _index: self._rate_changed())
        self._rate_id = ""
        self._loaded: tuple[str, str, str] = ("", "", "")

    def chosen(self) -> DuesRate:
        rate = self.rate.currentData()
        return rate if isinstance(rate, DuesRate) else self.default

    def set_member(self, rate_id: str, base: int | None, reason: str, rules_rate: DuesRate) -> None:
        self._rate_id = rate_id
        self.rate.blockSignals(True)
        index = next(
            (i for i in range(self.rate.count()) if self.rate.itemData(i).id == rules_rate.id), 0
        )
        self.rate.setCurrentIndex(index)
        self.rate.blockSignals(False)
        self.base.set_amount(base)
        self.reason.setText(reason)
        self._rate_changed()
        self._loaded = self._snapshot()

    def _snapshot(self) -> tuple[str, str, str]:
        return (self.chosen().id, self.base.text().strip(), self.reason.text().strip())

    def changed(self) -> bool:
        return self._snapshot() != self._loaded

    def _rate_changed(self) -> None:
        rate = self.chosen()
        self.form.set_field_visible("dues_base", rate.is_percent)
        self.form.set_caption("dues_base", base_caption(rate))

    def read(self) -> tuple[str, int | None, str]:
        """(rate id, base, exemption reason); ValidationError if the base is not a number."""
        rate = self.chosen()
        rate_id = "" if not self._rate_id and rate.id == self.default.id else rate.id
        base: int | None = None
        if rate.is_percent:
            try:
                base = self.base.amount()
            except ValueError:
                caption = self.form.caption("dues_base").replace("&", "")
                raise ValidationError([amount_problem("dues_base", caption)]) from None
        return rate_id, base, self.reason.text()

    def save(self, service: DuesService, member_id: str) -> None:
        rate_id, base, reason = self.read()
        service.set_member_rate(member_id, rate_id, base, reason)
        self._rate_id = rate_id
        self._loaded = self._snapshot()


# --- recording a payment ------------------------------------------------------------


class PaymentDialog(FormDialog):
    """What a member has paid for one month: the amount (the whole month's,
    not an addition), the day and a note."""

    def __init__(
        self, service: DuesService, line: DuesLine, today: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            parent,
            _("Record a payment: {name}").format(name=line.member_name),
            _("{name}, {month}: {amount} due. Write everything paid for this month.").format(
                name=line.member_name, month=format_month(line.month), amount=money(line.amount_due)
            ),
        )
        self.service = service
        self.line = line
        self.today = today
        self.amount = AmountField(line.amount_due)
        self.form.add_field("amount_paid", self.amount, _("Amount paid"))
        self.paid_on = DateField(today)
        self.form.add_field("paid_on", self.paid_on, _("Paid on"))
        self.note = QLineEdit(line.note)
        self.note.setMaxLength(300)
        self.form.add_field("note", self.note, _("Note"))
        self.finish_form()
        self.amount.edit.setFocus()
        self.amount.edit.selectAll()

    def save(self) -> str:
        problems: list[FieldError] = []
        amount: int | None = 0
        try:
            amount = self.amount.amount()
        except ValueError:
            problems.append(amount_problem("amount_paid", _("Amount paid")))
        try:
            paid_on = self.paid_on.date()
        except ValueError:
            paid_on = None
            problems.append(
                FieldError(
                    "paid_on",
                    _("Paid on: write the date as day/month/year, for example {example}.").format(
                        example=self.today.strftime("%d/%m/%Y")
                    ),
                )
            )
        if problems:
            raise ValidationError(problems)
        self.service.record_payment(
            self.line.member_id, self.line.month, amount or 0, paid_on, self.note.text()
        )
        return self.line.member_id


# --- one member's rate ---------------------------------------------------------------


class MemberRateDialog(FormDialog):
    """One member's dues rate (from their profile)."""

    def __init__(
        self, book: Book, member_id: str, today: date, parent: QWidget | None = None
    ) -> None:
        member = MemberService(book, today).get(member_id)
        if member is None:
            raise KeyError(member_id)
        super().__init__(
            parent,
            _("Dues rate: {name}").format(name=member.full_name),
            _(
                "The new rate applies to the months opened from now on; months already "
                "opened keep their amounts."
            ),
        )
        self.service = DuesService(book, today)
        self.member_id = member_id
        rules = self.service.rules
        self.fields = RateFields(self.form, self.service.rates(), rules.default_dues_rate)
        self.fields.set_member(
            member.dues_rate_id,
            member.dues_base,
            member.dues_exempt_reason,
            member_rate(rules, member.dues_rate_id),
        )
        self.finish_form()
        self.fields.rate.setFocus()

    def save(self) -> str:
        self.fields.save(self.service, self.member_id)
        return self.member_id


# --- everyone's rates -----------------------------------------------------------------


@dataclass(frozen=True)
class RateRow:
    """A member as the rates list shows them."""

    id: str
    full_name: str
    sort_key: str
    rate_id: str
    rate: DuesRate
    base: int | None
    exempt_reason: str
    due: DuesDue  # this month, under the rule set in force


def rate_rows(book: Book, today: date) -> list[RateRow]:
    """The members who may pay dues to this cell (not temporarily attached
    members, who pay at their home cell), in Vietnamese name order."""
    members = MemberService(book, today)
    dues = DuesService(book, today)
    rows = []
    for row in members.rows():
        if row.status is MemberStatus.ATTACHED:
            continue
        member: Member | None = members.get(row.id)
        if member is None:
            continue
        rows.append(
            RateRow(
                id=member.id,
                full_name=member.full_name,
                sort_key=member.sort_key,
                rate_id=member.dues_rate_id,
                rate=member_rate(dues.rules, member.dues_rate_id),
                base=member.dues_base,
                exempt_reason=member.dues_exempt_reason,
                due=dues.amount_due(member, today),
            )
        )
    return rows


RATE_COLUMNS = (
    Column(N_("Full name"), lambda r: r.full_name, lambda r: r.sort_key),
    Column(N_("Dues rate"), lambda r: r.rate.title),
    Column(
        N_("Salary or pension"),
        lambda r: money(r.base) if r.rate.is_percent else "",
        lambda r: r.base or 0,
        align_right=True,
    ),
    Column(N_("A month now"), lambda r: due_text(r.due), lambda r: (r.due.exempt, r.due.amount)),
)


class RatesDialog(QDialog):
    """Every member's dues rate: choose a member in the list, change their
    rate below. Moving to another member saves the changes first."""

    def __init__(self, book: Book, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setModal(True)
        self.setWindowTitle(_("Dues rates"))
        self.book = book
        self.today = today
        self.service = DuesService(book, today)
        self.changed = False
        self._current_id: str | None = None
        self._moving = False

        layout = QVBoxLayout(self)
        layout.addWidget(
            label(
                _(
                    "Choose a member, then change their rate below. A new rate applies to the "
                    "months opened from now on; months already opened keep their amounts."
                ),
                "muted",
                wrap=True,
            )
        )
        self.model = RowsModel(
            RATE_COLUMNS,
            look=lambda r: (
                RowLook(due_text(r.due), background=EXEMPT_BACKGROUND, bold=False)
                if r.due.exempt
                else None
            ),
        )
        self.proxy = RowsProxy(self.model)
        self.table = DataTable(stretch=3)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(False)  # Vietnamese name order
        self.table.setAccessibleName(_("Members and their dues rates"))
        self.table.activated.connect(lambda _index: self.fields.rate.setFocus())
        self.table.selectionModel().currentRowChanged.connect(
            lambda current, previous: self._row_changed(current.row(), previous.row())
        )
        layout.addWidget(self.table, 1)

        self.member_name = label("", "heading", wrap=True)
        layout.addWidget(self.member_name)
        self.form = FieldForm()
        self.fields = RateFields(
            self.form, self.service.rates(), self.service.rules.default_dues_rate
        )
        self.form.add_general_errors()
        layout.addLayout(self.form)
        actions = QHBoxLayout()
        self.save_button = primary_button(_("&Save this member's rate"), self.save_current)
        self.save_button.setDefault(True)
        actions.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignTop)
        self.saved_note = label("", "muted", wrap=True)
        actions.addWidget(self.saved_note, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        actions.addWidget(self.buttons, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(actions)

        self.reload()
        metrics = self.fontMetrics()
        fit_to_screen(self, metrics.horizontalAdvance("M") * 72, metrics.height() * 34)
        self.table.setFocus()

    # --- reading --------------------------------------------------------------------

    def reload(self, member_id: str | None = None) -> None:
        keep = member_id or self._current_id
        self._moving = True
        self.model.set_rows(rate_rows(self.book, self.today))
        self.table.fit_columns()
        limit = self.table.fontMetrics().averageCharWidth() * 24
        if self.table.columnWidth(1) > limit:
            self.table.setColumnWidth(1, limit)  # long rate titles: whole in the box below
        rows = self.model.rows()
        index = next((i for i, r in enumerate(rows) if r.id == keep), 0)
        if rows:
            self.table.selectRow(index)
            self.table.scrollTo(self.proxy.index(index, 0))
        self._moving = False
        self._show_member(index if rows else None)

    def row(self, member_id: str) -> RateRow | None:
        return next((r for r in self.model.rows() if r.id == member_id), None)

    def select(self, member_id: str) -> bool:
        """Select a member in the list (saving the one being changed first)."""
        for index, row in enumerate(self.model.rows()):
            if row.id == member_id:
                self.table.selectRow(index)
                return self._current_id == member_id
        return False

    def _show_member(self, index: int | None) -> None:
        self.form.clear_errors()
        if index is None:
            self._current_id = None
            self.member_name.setText(_("No member pays dues to this cell yet."))
            self.save_button.setEnabled(False)
            return
        row: RateRow = self.model.row_at(index)
        self._current_id = row.id
        self.member_name.setText(row.full_name)
        self.fields.set_member(row.rate_id, row.base, row.exempt_reason, row.rate)
        self.save_button.setEnabled(True)

    def _row_changed(self, current: int, previous: int) -> None:
        if self._moving:
            return
        if self._current_id is not None and self.fields.changed() and not self.save_current():
            # Stay on the member whose changes could not be saved.
            self._moving = True
            self.table.selectRow(previous)
            self.table.scrollTo(self.proxy.index(previous, 0))
            self._moving = False
            return
        self.saved_note.setText("")
        self._show_member(current if current >= 0 else None)

    # --- saving ------------------------------------------------------------------------

    def save_current(self) -> bool:
        member_id = self._current_id
        if member_id is None:
            return True
        self.form.clear_errors()
        try:
            self.fields.save(self.service, member_id)
        except ValidationError as error:
            self.form.show_errors(error)
            return False
        except BookFileError as error:
            show_book_error(self, error)
            return False
        self.changed = True
        row = self.row(member_id)
        name = row.full_name if row else ""
        selected = self.table.currentIndex().row()
        self._moving = True
        self.model.set_rows(rate_rows(self.book, self.today))
        self.table.selectRow(selected)
        self.table.scrollTo(self.proxy.index(selected, 0))
        self._moving = False
        self.saved_note.setText(_("Saved the rate of {name}.").format(name=name))
        return True

    def reject(self) -> None:
        """Closing saves the member being changed; if that fails, the dialog stays."""
        if self._current_id is not None and self.fields.changed() and not self.save_current():
            return
        super().reject()
