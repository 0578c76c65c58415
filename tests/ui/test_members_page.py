"""The members register: finding, filtering, counts, adding a member through
the profile, and opening a profile from the list."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from desktop.data.enums import MemberStatus
from desktop.services.members import MemberService
from desktop.ui.qt.core import Qt
from desktop.ui.qt.widgets import QDialogButtonBox

from .conftest import TODAY

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
    assert page.showing.text() == "Showing 1 of 3."
    page.filter.clear()
    qtbot.keyClicks(page.filter, "0912345")  # phone without its spaces
    assert _names(page) == ["Nguyễn Văn An"]
    page.filter.setText("cuong")
    assert _names(page) == ["Lê Văn Cường"]
    page.filter.setText("xyz")
    assert _names(page) == []
    assert page.no_match.isVisible()
    assert "No member matches “xyz”." == page.no_match.text()
    page.filter.clear()
    assert len(_names(page)) == 3
    assert page.showing.text() == ""


def test_sorting_by_name_uses_vietnamese_order(open_main, sample_book):
    path, _ids = sample_book
    window = open_main(path)
    page = window.go_to("members")
    page.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert _names(page) == ["Lê Văn Cường", "Trần Thị Bình", "Nguyễn Văn An"]


def test_past_members_are_hidden_unless_chosen(open_main, register_book):
    path, _ids = register_book
    window = open_main(path)
    page = window.go_to("members")
    assert "Đỗ Văn Phúc" not in _names(page)
    assert len(_names(page)) == 5
    page.set_filters(status="past")
    assert _names(page) == ["Đỗ Văn Phúc"]
    assert page.table.model().index(0, 3).data() == "Transferred out"
    page.set_filters(status="everyone")
    assert len(_names(page)) == 6


def test_counts_at_the_top(open_main, register_book):
    path, _ids = register_book
    window = open_main(path)
    page = window.go_to("members")
    text = page.counts.text()
    assert "5 members now." in text
    for part in (
        "Full member: 2",
        "Probationary member: 1",
        "Exempt from work and meetings: 1",
        "Temporarily attached: 1",
        "Temporarily transferred away: 0",
    ):
        assert part in text


def test_filters_by_status_post_sex_and_age(open_main, register_book, qtbot):
    path, _ids = register_book
    window = open_main(path)
    page = window.go_to("members")
    assert not page.clear_button.isEnabled()

    page.set_filters(status=MemberStatus.PROBATIONARY.value)
    assert _names(page) == ["Trần Thị Bình"]
    page.set_filters(status=MemberStatus.ATTACHED.value)
    assert _names(page) == ["Hoàng Văn Em"]
    page.set_filters(status="current")

    page.set_filters(post="secretary")
    assert _names(page) == ["Nguyễn Văn An"]
    row = [page.table.model().index(0, c).data() for c in range(5)]
    assert row[4] == "Secretary"
    page.set_filters(post="deputy_secretary")
    assert _names(page) == ["Phạm Thị Dung"]
    page.set_filters(post="committee_member")
    assert _names(page) == []
    assert page.no_match.text() == "No member matches these filters."
    page.set_filters(post="holds_post")
    assert sorted(_names(page)) == ["Nguyễn Văn An", "Phạm Thị Dung"]
    page.set_filters(post="no_post")
    assert sorted(_names(page)) == ["Hoàng Văn Em", "Lê Văn Cường", "Trần Thị Bình"]
    page.set_filters(post="any")

    page.set_filters(sex="female")
    assert sorted(_names(page)) == ["Phạm Thị Dung", "Trần Thị Bình"]
    page.set_filters(sex="male", age="over_60")
    assert _names(page) == ["Nguyễn Văn An"]
    page.set_filters(sex="any")
    for band, expected in (
        ("under_30", ["Trần Thị Bình"]),
        ("30_45", ["Phạm Thị Dung"]),
        ("46_60", ["Lê Văn Cường"]),
        ("over_60", ["Nguyễn Văn An"]),
        ("no_birth_date", ["Hoàng Văn Em"]),
    ):
        page.set_filters(age=band)
        assert _names(page) == expected, band
    assert page.showing.text() == "Showing 1 of 6."

    # Filters and the find box work together; Clear filters resets both.
    page.set_filters(age="any", sex="male")
    page.filter.setText("van")
    assert sorted(_names(page)) == ["Hoàng Văn Em", "Lê Văn Cường", "Nguyễn Văn An"]
    page.clear_button.click()
    assert len(_names(page)) == 5
    assert page.filter.text() == ""
    assert page.status_filter.currentData() == "current"


def test_search_result_for_a_past_member_shows_them(open_main, register_book):
    path, ids = register_book
    window = open_main(path)
    page = window.go_to("members")
    page.set_filters(sex="female")
    window.show_member(ids["phuc"])
    assert page.selected_member().id == ids["phuc"]
    assert page.status_filter.currentData() == "everyone"
    assert page.sex_filter.currentData() == "any"


def test_add_member_invalid_shows_messages_and_saves_nothing(open_main, empty_book, qtbot):
    window = open_main(empty_book)
    page = window.go_to("members")
    assert page.showing_empty
    page.empty.button.click()
    dialog = page.dialog
    qtbot.waitExposed(dialog)
    form = dialog.form
    form.date_of_birth.set_date(date.today() + timedelta(days=400))
    form.admission_date.setText("31/02/2020")
    form.citizen_id.setText("12345")
    form.situation.setCurrentIndex(form.situation.findData(MemberStatus.ATTACHED))
    _save(dialog)
    assert dialog.isVisible()
    assert "Full name" in form.error_text("full_name")
    assert "future" in form.error_text("date_of_birth")
    assert "day/month/year" in form.error_text("admission_date")
    assert "12 digits" in form.error_text("citizen_id")
    assert form.error_text("home_cell") == "Home cell: please fill this in."
    assert dialog.focusWidget() is form.full_name
    assert MemberService(window.book).rows() == []
    dialog.discard()
    assert page.showing_empty


def test_add_member_valid_saves_and_shows_it(open_main, empty_book, qtbot):
    window = open_main(empty_book)
    page = window.go_to("members")
    dialog = page.add_member()
    qtbot.waitExposed(dialog)
    form = dialog.form
    form.full_name.setText("  Đặng   Thị Hoa ")
    form.sex.setCurrentIndex(1)
    form.date_of_birth.setText("5/7/1970")
    form.card_number.setText("99887766")
    form.phone.setText("0987 654 321")
    form.citizen_id.setText("0871 7000 1234")
    form.ethnicity.setText("Kinh")
    form.theory_level.setText("Sơ cấp")
    with qtbot.waitSignal(dialog.accepted):
        _save(dialog)
    assert not page.showing_empty
    assert _names(page) == ["Đặng Thị Hoa"]
    row = [page.table.model().index(0, c).data() for c in range(7)]
    assert row == [
        "Đặng Thị Hoa",
        "Female",
        "05/07/1970",
        "Full member",
        "",
        "99887766",
        "0987 654 321",
    ]
    assert page.selected_member().full_name == "Đặng Thị Hoa"
    assert window.statusBar().currentMessage() == "Member added."
    member = MemberService(window.book).get(page.selected_member().id)
    assert (member.citizen_id, member.ethnicity, member.theory_level) == (
        "087170001234",
        "Kinh",
        "Sơ cấp",
    )


def test_official_date_is_suggested_not_filled(open_main, empty_book, qtbot):
    window = open_main(empty_book)
    page = window.go_to("members")
    dialog = page.add_member()
    qtbot.waitExposed(dialog)
    form = dialog.form
    form.full_name.setText("Vũ Văn Nam")
    assert form.situation_hint.text() == "From the dates: Full member."
    qtbot.keyClicks(form.admission_date, "15/03/2020")
    assert form.official.hint_row.isVisible()
    assert form.official.hint.text() == "Suggested: 15/03/2021, 12 months after admission."
    assert form.official_date.text() == ""  # only a hint
    assert form.situation_hint.text() == "From the dates: Probationary member."
    form.official.accept_button.click()
    assert form.official_date.text() == "15/03/2021"
    assert not form.official.hint_row.isVisible()
    assert form.situation_hint.text() == "From the dates: Full member."
    # A recent admission: probation has not ended, so there is nothing to accept.
    form.official_date.clear()
    form.admission_date.set_date(TODAY - timedelta(days=30))
    assert form.official.hint.text().startswith("Probation ends on")
    assert not form.official.accept_button.isVisible()
    form.admission_date.setText("15/03/2020")
    form.official.accept_button.click()
    with qtbot.waitSignal(dialog.accepted):
        _save(dialog)
    member = MemberService(window.book).get(page.selected_member().id)
    assert member.status is MemberStatus.FULL
    assert member.official_date == date(2021, 3, 15)


def test_duplicate_card_number_is_refused(open_main, sample_book, qtbot):
    path, _ids = sample_book
    window = open_main(path)
    page = window.go_to("members")
    dialog = page.add_member()
    dialog.form.full_name.setText("Hoàng Văn Em")
    dialog.form.card_number.setText("12345678")
    _save(dialog)
    assert "Nguyễn Văn An" in dialog.form.error_text("card_number")
    assert len(MemberService(window.book).rows()) == 3
    dialog.discard()


def test_enter_opens_the_profile(open_main, sample_book, qtbot):
    path, ids = sample_book
    window = open_main(path)
    page = window.go_to("members")
    page.select_member(ids["binh"])
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    dialog = page.dialog
    qtbot.waitExposed(dialog)
    assert dialog.member_id == ids["binh"]
    assert dialog.windowTitle() == "Trần Thị Bình"
    assert dialog.form.full_name.text() == "Trần Thị Bình"
    dialog.reject()  # nothing changed: closes without asking
    assert not dialog.isVisible()


def test_open_profile_button_follows_the_selection(open_main, sample_book, qtbot):
    path, ids = sample_book
    window = open_main(path)
    page = window.go_to("members")
    assert page.selected_member().full_name == "Nguyễn Văn An"  # the first row
    page.filter.setText("xyz")
    assert not page.open_button.isEnabled()
    page.filter.clear()
    page.select_member(ids["an"])
    assert page.open_button.isEnabled()
    page.open_button.click()
    dialog = page.dialog
    qtbot.waitExposed(dialog)
    assert dialog.member_id == ids["an"]
    dialog.reject()
