"""The members page: finding members and adding one."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from desktop.services.book import Book
from desktop.services.members import MemberService
from desktop.ui.qt.core import Qt
from desktop.ui.qt.widgets import QDialogButtonBox

pytestmark = pytest.mark.gui


def _names(page) -> list[str]:
    model = page.table.model()
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def _save(dialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()


def test_filter_ignores_diacritics(open_main, sample_book, qtbot):
    path, _ids = sample_book
    window = open_main(path)
    page = window.go_to("members")
    page.filter.setFocus()
    qtbot.keyClicks(page.filter, "nguyen")
    assert _names(page) == ["Nguyễn Văn An"]
    page.filter.clear()
    qtbot.keyClicks(page.filter, "0912345")  # phone without its spaces
    assert _names(page) == ["Nguyễn Văn An"]
    page.filter.setText("cuong")
    assert _names(page) == ["Lê Văn Cường"]
    page.filter.setText("xyz")
    assert _names(page) == []
    assert page.no_match.isVisible()
    page.filter.clear()
    assert len(_names(page)) == 3


def test_sorting_by_name_uses_vietnamese_order(open_main, sample_book):
    path, _ids = sample_book
    window = open_main(path)
    page = window.go_to("members")
    page.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert _names(page) == ["Lê Văn Cường", "Trần Thị Bình", "Nguyễn Văn An"]


def test_past_members_are_shown_on_request(open_main, sample_book):
    from desktop.data.enums import MemberStatus
    from desktop.data.models import Member

    path, ids = sample_book
    book = Book.open(path)
    with book.session() as session:
        session.get(Member, ids["cuong"]).status = MemberStatus.TRANSFERRED
    book.close()
    window = open_main(path)
    page = window.go_to("members")
    assert "Lê Văn Cường" not in _names(page)
    page.show_past.setChecked(True)
    assert "Lê Văn Cường" in _names(page)


def test_add_member_invalid_shows_messages_and_saves_nothing(open_main, empty_book, qtbot):
    window = open_main(empty_book)
    page = window.go_to("members")
    assert page.showing_empty
    page.empty.button.click()
    dialog = page.dialog
    qtbot.waitExposed(dialog)
    dialog.date_of_birth.set_date(date.today() + timedelta(days=400))
    dialog.admission_date.setText("31/02/2020")
    _save(dialog)
    assert dialog.isVisible()
    assert "Full name" in dialog.form.error_text("full_name")
    assert "future" in dialog.form.error_text("date_of_birth")
    assert "day/month/year" in dialog.form.error_text("admission_date")
    assert dialog.focusWidget() is dialog.full_name
    assert MemberService(window.book).rows() == []
    dialog.reject()
    assert page.showing_empty


def test_add_member_valid_saves_and_shows_it(open_main, empty_book, qtbot):
    window = open_main(empty_book)
    page = window.go_to("members")
    dialog = page.add_member()
    qtbot.waitExposed(dialog)
    dialog.full_name.setText("  Đặng   Thị Hoa ")
    dialog.sex.setCurrentIndex(1)
    dialog.date_of_birth.setText("5/7/1970")
    dialog.card_number.setText("99887766")
    dialog.phone.setText("0987 654 321")
    with qtbot.waitSignal(dialog.accepted):
        _save(dialog)
    assert not page.showing_empty
    assert _names(page) == ["Đặng Thị Hoa"]
    row = [page.table.model().index(0, c).data() for c in range(6)]
    assert row == [
        "Đặng Thị Hoa",
        "Female",
        "05/07/1970",
        "Full member",
        "99887766",
        "0987 654 321",
    ]
    assert page.selected_member().full_name == "Đặng Thị Hoa"
    assert window.statusBar().currentMessage() == "Member added."


def test_duplicate_card_number_is_refused(open_main, sample_book, qtbot):
    path, _ids = sample_book
    window = open_main(path)
    page = window.go_to("members")
    dialog = page.add_member()
    dialog.full_name.setText("Hoàng Văn Em")
    dialog.card_number.setText("12345678")
    _save(dialog)
    assert "Nguyễn Văn An" in dialog.form.error_text("card_number")
    assert len(MemberService(window.book).rows()) == 3
    dialog.reject()
