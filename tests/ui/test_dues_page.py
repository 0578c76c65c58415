"""The dues page: opening a month, recording payments (one through the dialog,
several paid in full), the totals, who is behind, and the members' rates."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.services.dues import DuesService, DuesStatus
from desktop.ui.dialogs.dues import MemberRateDialog, PaymentDialog, RatesDialog, parse_amount
from desktop.ui.qt.core import QItemSelectionModel, Qt
from desktop.ui.qt.widgets import QDialogButtonBox

from .conftest import DUES_TODAY

pytestmark = pytest.mark.gui

FARMER = "Nông dân, lao động tự do (mức cũ, cập nhật theo quy định mới)"


def _dues_page(open_main, dues_book):
    path, ids = dues_book
    window = open_main(path)
    return window, window.go_to("dues"), ids


def _cells(page) -> list[list[str]]:
    model = page.table.model()
    return [
        [model.index(row, column).data() for column in range(model.columnCount())]
        for row in range(model.rowCount())
    ]


def _row(page, member_id: str) -> int:
    return next(n for n, line in enumerate(page.lines()) if line.member_id == member_id)


def _open_june(page, qtbot) -> None:
    assert page.stack.currentWidget() is page.unopened
    page.unopened.button.click()
    assert page.stack.currentIndex() == 1


def _choose_rate(combo, rate_id: str) -> None:
    combo.setCurrentIndex(next(n for n in range(combo.count()) if combo.itemData(n).id == rate_id))


def _save(dialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()


def test_amounts_are_typed_with_or_without_dots():
    assert parse_amount("6000") == 6000
    assert parse_amount("6.000") == 6000
    assert parse_amount(" 6,000 đ") == 6000
    assert parse_amount("1.250.000 VND") == 1250000
    assert parse_amount("") is None
    for wrong in ("abc", "-5000", "6000x", "đ"):
        with pytest.raises(ValueError):
            parse_amount(wrong)


def test_opening_a_month_shows_its_sheet(open_main, dues_book, qtbot):
    window, page, ids = _dues_page(open_main, dues_book)
    assert page.month_box.currentText() == "June 2026"
    assert not page.showing_empty
    assert page.unopened.button.text() == "Open the dues list for 06/2026"
    assert "has not been opened yet" in page.unopened.message.text()

    _open_june(page, qtbot)
    assert window.statusBar().currentMessage() == "The dues list for 06/2026 is open: 4 members."
    assert _cells(page) == [
        ["Nguyễn Văn An", "Not paid", "6,000\u00a0VND", "0\u00a0VND", "", FARMER, ""],
        ["Trần Thị Bình", "Not paid", "6,000\u00a0VND", "0\u00a0VND", "", FARMER, ""],
        ["Lê Văn Cường", "Not paid", "6,000\u00a0VND", "0\u00a0VND", "", FARMER, ""],
        ["Phạm Văn Dũng", "Exempt", "0\u00a0VND", "0\u00a0VND", "", FARMER, ""],
    ]  # the attached member pays at his home cell
    model = page.table.model()
    unpaid = model.index(0, 0)
    assert unpaid.data(Qt.ItemDataRole.FontRole).bold()
    assert unpaid.data(Qt.ItemDataRole.ToolTipRole) == "Not paid yet: 6,000\u00a0VND due."
    exempt = model.index(3, 1)
    assert exempt.data(Qt.ItemDataRole.ToolTipRole) == ("Exempt: Party age of 50 years or more")
    assert page.totals.text() == (
        "Due 18,000\u00a0VND · Paid 0\u00a0VND · Still owed 18,000\u00a0VND"
    )
    assert page.counts.text() == "Paid: 0 · Partly paid: 0 · Not paid: 3 · Exempt: 1"
    # Behind with their dues: the months before the present one.
    assert page.unpaid_heading.text() == (
        "Members with 3 or more unpaid months in 2026 (up to 05/2026): 1"
    )
    assert page.unpaid_texts() == ["Trần Thị Bình: 3 months (02/2026, 03/2026, 05/2026)"]

    # The month before is already open; back and forth with the buttons.
    page.previous_button.click()
    assert page.month_box.currentText() == "May 2026"
    assert [row[1] for row in _cells(page)] == ["Paid", "Not paid", "Paid", "Exempt"]
    assert (
        page.totals.text()
        == "Due 18,000\u00a0VND · Paid 12,000\u00a0VND · Still owed 6,000\u00a0VND"
    )
    page.next_button.click()
    assert page.month_box.currentText() == "June 2026"
    assert page.stack.currentIndex() == 1


def test_recording_a_payment_through_the_dialog(open_main, dues_book, qtbot):
    window, page, ids = _dues_page(open_main, dues_book)
    _open_june(page, qtbot)
    page.select_members([ids["binh"]])
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    dialog = page.dialog
    assert isinstance(dialog, PaymentDialog)
    qtbot.waitExposed(dialog)
    assert dialog.windowTitle() == "Record a payment: Trần Thị Bình"
    assert dialog.amount.text() == "6,000"  # the amount due
    assert dialog.paid_on.text() == "15/06/2026"  # today

    dialog.amount.setText("abc")
    _save(dialog)
    assert dialog.isVisible()
    assert dialog.form.error_text("amount_paid") == (
        "Amount paid: write a whole number of đồng, for example 6,000."
    )
    dialog.amount.setText("70000")
    dialog.paid_on.setText("20/06/2026")
    _save(dialog)
    assert dialog.isVisible()
    assert "more than ten times" in dialog.form.error_text("amount_paid")
    assert dialog.form.error_text("paid_on") == "Paid on: cannot be in the future."
    assert DuesService(window.book, DUES_TODAY).sheet(DUES_TODAY).total_paid == 0

    dialog.amount.edit.clear()
    qtbot.keyClicks(dialog.amount.edit, "3000")
    dialog.paid_on.setText("14/06/2026")
    qtbot.keyClicks(dialog.note, "half now")
    with qtbot.waitSignal(dialog.accepted):
        _save(dialog)
    row = _cells(page)[_row(page, ids["binh"])]
    assert row[:5] == [
        "Trần Thị Bình",
        "Partly paid",
        "6,000\u00a0VND",
        "3,000\u00a0VND",
        "14/06/2026",
    ]
    assert row[6] == "half now"
    assert page.current_line().member_id == ids["binh"]  # still selected
    assert page.details.text() == (
        "Trần Thị Bình: Paid 3,000\u00a0VND on 14/06/2026; still owed 3,000\u00a0VND. "
        "Note: half now"
    )
    assert page.totals.text() == (
        "Due 18,000\u00a0VND · Paid 3,000\u00a0VND · Still owed 15,000\u00a0VND"
    )
    assert "Partly paid: 1" in page.counts.text()
    assert window.statusBar().currentMessage() == "Payment of Trần Thị Bình for 06/2026 recorded."


def test_paid_in_full_for_two_selected_rows(open_main, dues_book, qtbot):
    window, page, ids = _dues_page(open_main, dues_book)
    _open_june(page, qtbot)
    page.select_members([ids["an"]])
    # Ctrl+click adds Cường to the selection.
    selection = page.table.selectionModel()
    selection.select(
        page.table.model().index(_row(page, ids["cuong"]), 0),
        QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
    )
    assert [line.member_name for line in page.selected_lines()] == [
        "Nguyễn Văn An",
        "Lê Văn Cường",
    ]
    assert page.full_button.isEnabled()
    assert page.full_button.text() == "Paid in full &today (2)"
    page.full_button.click()
    statuses = {line.member_id: (line.status, line.paid_on) for line in page.lines()}
    assert statuses[ids["an"]] == (DuesStatus.PAID, DUES_TODAY)
    assert statuses[ids["cuong"]] == (DuesStatus.PAID, DUES_TODAY)
    assert statuses[ids["binh"]] == (DuesStatus.UNPAID, None)
    assert page.totals.text() == (
        "Due 18,000\u00a0VND · Paid 12,000\u00a0VND · Still owed 6,000\u00a0VND"
    )
    assert page.counts.text() == "Paid: 2 · Partly paid: 0 · Not paid: 1 · Exempt: 1"
    assert window.statusBar().currentMessage() == "2 payments recorded in full."
    # Both stay selected; nothing is left to pay for them.
    assert len(page.selected_lines()) == 2
    assert not page.full_button.isEnabled()


def test_changing_a_rate_applies_to_the_next_month_opened(open_main, dues_book, qtbot):
    window, page, ids = _dues_page(open_main, dues_book)
    _open_june(page, qtbot)
    dialog = page.open_rates()
    assert isinstance(dialog, RatesDialog)
    qtbot.waitExposed(dialog)
    names = [row.full_name for row in dialog.model.rows()]
    assert names == ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Văn Dũng"]
    assert dialog.select(ids["binh"])
    assert dialog.member_name.text() == "Trần Thị Bình"
    assert not dialog.form.field_visible("dues_base")  # a flat rate
    _choose_rate(dialog.fields.rate, "salary")
    assert dialog.form.field_visible("dues_base")
    assert dialog.form.caption("dues_base") == "Insured salary (a month)"
    dialog.save_button.click()
    assert "please fill this in" in dialog.form.error_text("dues_base")
    # Moving to another member with the problem unsolved keeps this one.
    dialog.table.selectRow(2)
    assert dialog.member_name.text() == "Trần Thị Bình"
    dialog.fields.base.setText("5,000,000")
    dialog.save_button.click()
    assert dialog.form.error_text("dues_base") == ""
    assert dialog.saved_note.text() == "Saved the rate of Trần Thị Bình."
    row = dialog.model.rows()[1]
    assert (row.rate.id, row.base, row.due.amount) == ("salary", 5_000_000, 50_000)
    # Cường becomes exempt: his changes are saved on moving to the next member.
    dialog.table.selectRow(2)
    dialog.fields.reason.setText("Hộ nghèo")
    dialog.table.selectRow(3)
    assert dialog.model.rows()[2].exempt_reason == "Hộ nghèo"
    with qtbot.waitSignal(dialog.finished):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Close).click()

    # June was opened before: it keeps its amounts.
    assert _cells(page)[_row(page, ids["binh"])][2] == "6,000\u00a0VND"
    page.next_button.click()
    assert page.month_box.currentText() == "July 2026"
    page.unopened.button.click()
    cells = {row[0]: row for row in _cells(page)}
    assert cells["Trần Thị Bình"][1:3] == ["Not paid", "50,000\u00a0VND"]
    assert cells["Trần Thị Bình"][5] == "1% tiền lương đóng bảo hiểm xã hội"
    assert cells["Lê Văn Cường"][1:3] == ["Exempt", "0\u00a0VND"]
    index = page.table.model().index(_row(page, ids["cuong"]), 0)
    assert index.data(Qt.ItemDataRole.ToolTipRole) == "Exempt: Hộ nghèo"


def test_profile_shows_the_dues_and_changes_the_rate(open_main, dues_book, qtbot):
    window, _page, ids = _dues_page(open_main, dues_book)
    members = window.go_to("members")
    profile = members.open_profile(ids["binh"])
    qtbot.waitExposed(profile)
    assert profile.dues_label.text() == (
        f"Dues: {FARMER}, 6,000\u00a0VND a month. Not paid in 2026: 02/2026, 03/2026, 05/2026."
    )
    dialog = profile.change_rate()
    assert isinstance(dialog, MemberRateDialog)
    _choose_rate(dialog.fields.rate, "student")
    with qtbot.waitSignal(dialog.accepted):
        _save(dialog)
    assert profile.dues_label.text().startswith(
        "Dues: Học sinh, sinh viên, 5,000\u00a0VND a month."
    )
    profile.reject()
    dung = members.open_profile(ids["dung"])
    assert dung.dues_label.text() == (
        "Dues: exempt (Party age of 50 years or more). Nothing unpaid in 2026."
    )
    dung.reject()
    assert DuesService(window.book, DUES_TODAY).unpaid_months(ids["binh"], 2026, DUES_TODAY) == [
        date(2026, 2, 1),
        date(2026, 3, 1),
        date(2026, 5, 1),
    ]  # June was not opened here
