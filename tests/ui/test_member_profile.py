"""A member's profile: editing the details, the status and party age shown,
and recording life events that change the status."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from desktop.data.enums import MemberEventKind as Kind
from desktop.data.enums import MemberStatus
from desktop.services.member_events import EventService
from desktop.services.members import MemberService
from desktop.ui.qt.widgets import QDialogButtonBox, QMessageBox

from .conftest import TODAY

pytestmark = pytest.mark.gui


def _save(dialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()


def _names(page) -> list[str]:
    model = page.table.model()
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def _open(open_main, book_and_ids, qtbot, who: str):
    path, ids = book_and_ids
    window = open_main(path)
    page = window.go_to("members")
    dialog = page.open_profile(ids[who])
    qtbot.waitExposed(dialog)
    return window, page, dialog, ids


def _history(dialog) -> list[list[str]]:
    model = dialog.history.model()
    return [
        [model.index(row, column).data() for column in range(model.columnCount())]
        for row in range(model.rowCount())
    ]


def test_profile_shows_status_party_age_and_posts(open_main, register_book, qtbot):
    _window, _page, dialog, _ids = _open(open_main, register_book, qtbot, "an")
    assert dialog.name_label.text() == "Nguyễn Văn An"
    assert dialog.status_label.text() == "Status: Full member (changes through life events)"
    years = TODAY.year - 2000 - ((TODAY.month, TODAY.day) < (5, 19))
    assert dialog.age_label.text() == f"Party age: {years} years (admitted 19/05/2000)."
    assert dialog.posts_label.text().startswith("Committee: Secretary since ")
    assert dialog.form.card_number.text() == "11111111"
    assert not dialog.form.party.field_visible("status")  # the status is not edited here
    assert [row[1] for row in _history(dialog)] == ["Admission", "Recognised as a full member"]
    assert dialog.tabs.tabText(1) == "&Life events (2)"
    dialog.reject()


def test_editing_a_member(open_main, register_book, qtbot):
    window, page, dialog, ids = _open(open_main, register_book, qtbot, "dung")
    form = dialog.form
    form.phone.setText("0912 000 111")
    form.address.setText("Tổ 3, thôn An Hòa")
    form.education_level.setText("12/12")
    form.notes.setPlainText("Phụ trách mặt trận")
    form.official_date.setText("01/01/1999")  # before admission: refused
    _save(dialog)
    assert dialog.isVisible()
    assert form.error_text("official_date") == "Official date: cannot be before Admission date."
    assert MemberService(window.book).get(ids["dung"]).phone == ""
    form.official_date.setText("19/05/2001")
    with qtbot.waitSignal(dialog.accepted):
        _save(dialog)
    member = MemberService(window.book).get(ids["dung"])
    assert (member.phone, member.address, member.education_level, member.notes) == (
        "0912 000 111",
        "Tổ 3, thôn An Hòa",
        "12/12",
        "Phụ trách mặt trận",
    )
    assert member.status is MemberStatus.FULL
    assert window.statusBar().currentMessage() == "Changes saved."
    assert page.selected_member().id == ids["dung"]
    row = [page.table.model().index(page.table.currentIndex().row(), c).data() for c in range(7)]
    assert row[6] == "0912 000 111"


def test_editing_keeps_the_home_cell_of_an_attached_member(open_main, register_book, qtbot):
    window, _page, dialog, ids = _open(open_main, register_book, qtbot, "em")
    assert dialog.form.party.field_visible("home_cell")
    assert dialog.form.home_cell.text() == "Chi bộ thôn Bình Minh"
    dialog.form.phone.setText("0987 111 222")
    with qtbot.waitSignal(dialog.accepted):
        _save(dialog)
    member = MemberService(window.book).get(ids["em"])
    assert (member.home_cell, member.status) == ("Chi bộ thôn Bình Minh", MemberStatus.ATTACHED)


def test_closing_with_changes_asks_first(open_main, register_book, qtbot, monkeypatch):
    window, _page, dialog, ids = _open(open_main, register_book, qtbot, "an")
    dialog.form.phone.setText("0900 000 000")
    asked = []

    def answer(*args, **kwargs):
        asked.append(args[2])
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "question", answer)
    dialog.reject()
    assert asked == ["You changed this profile. Save the changes?"]
    assert dialog.isVisible()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Save)
    with qtbot.waitSignal(dialog.accepted):
        dialog.reject()
    assert MemberService(window.book).get(ids["an"]).phone == "0900 000 000"


def test_temporary_transfer_then_return(open_main, register_book, qtbot):
    window, page, dialog, ids = _open(open_main, register_book, qtbot, "an")
    event = dialog.record_event()
    qtbot.waitExposed(event)
    assert Kind.RECOGNITION not in event.offered()  # already a full member
    assert Kind.RETURN not in event.offered()
    event.choose(Kind.TEMPORARY_TRANSFER)
    assert event.form.field_visible("counterpart")
    assert event.form.caption("counterpart") == "Going to (party organisation)"
    assert event.form.field_visible("ends_on")
    assert event.recorded_by.text() == "Nguyễn Văn An"  # the secretary
    # Missing destination, end before start: messages next to the fields, nothing saved.
    event.occurs_on.set_date(TODAY - timedelta(days=5))
    event.ends_on.set_date(TODAY - timedelta(days=30))
    event.save_button = event.buttons.button(QDialogButtonBox.StandardButton.Save)
    event.save_button.click()
    assert event.isVisible()
    assert event.form.error_text("counterpart") == (
        "Going to (party organisation): please fill this in."
    )
    assert event.form.error_text("ends_on") == "Until (expected): cannot be before Date."
    assert EventService(window.book).history(ids["an"])[-1].kind is Kind.RECOGNITION

    event.counterpart.setText("Chi bộ Trường Chính trị tỉnh")
    event.ends_on.set_date(TODAY + timedelta(days=180))
    event.decision_ref.setText("Số 123-QĐ/ĐU")
    event.note.setPlainText("Đi học trung cấp lý luận chính trị")
    with qtbot.waitSignal(event.accepted):
        event.save_button.click()
    assert dialog.status_label.text().startswith("Status: Temporarily transferred away")
    last = _history(dialog)[-1]
    assert last[:6] == [
        (TODAY - timedelta(days=5)).strftime("%d/%m/%Y"),
        "Temporary transfer away",
        "Số 123-QĐ/ĐU",
        "Chi bộ Trường Chính trị tỉnh",
        (TODAY + timedelta(days=180)).strftime("%d/%m/%Y"),
        "Đi học trung cấp lý luận chính trị",
    ]
    assert last[6].startswith("Nguyễn Văn An, ")  # who recorded it, and when
    # The register behind has already changed.
    assert "Temporarily transferred away: 1" in page.counts.text()
    assert "Full member: 1" in page.counts.text()
    assert "Nguyễn Văn An" in _names(page)  # still a current member

    event = dialog.record_event()
    assert event.offered() == [Kind.RETURN, Kind.OFFICIAL_TRANSFER, Kind.DEATH, Kind.REMOVAL]
    assert not event.form.field_visible("counterpart")
    # A return dated before the transfer is refused by the service.
    event.occurs_on.set_date(TODAY - timedelta(days=6))
    event.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert "record events in order" in event.form.error_text("occurs_on")
    event.occurs_on.set_date(TODAY)
    with qtbot.waitSignal(event.accepted):
        event.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert dialog.status_label.text().startswith("Status: Full member")
    assert "Temporarily transferred away: 0" in page.counts.text()
    assert "Full member: 2" in page.counts.text()


def test_official_transfer_moves_the_member_to_past_members(open_main, register_book, qtbot):
    window, page, dialog, ids = _open(open_main, register_book, qtbot, "cuong")
    event = dialog.record_event()
    assert Kind.EXEMPTION_END in event.offered()
    assert Kind.TEMPORARY_TRANSFER not in event.offered()  # exempt members do not go away
    event.choose(Kind.OFFICIAL_TRANSFER)
    assert "No other event can be recorded" in event.hint.text()
    assert not event.form.field_visible("ends_on")
    event.counterpart.setText("Đảng ủy phường Hòa Bình")
    with qtbot.waitSignal(event.accepted):
        event.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert dialog.status_label.text().startswith("Status: Transferred out")
    assert not dialog.record_button.isEnabled()
    assert "no longer a member of this cell" in dialog.record_blocked.text()
    assert "Lê Văn Cường" not in _names(page)
    assert "4 members now." in page.counts.text()
    page.set_filters(status="past")
    assert sorted(_names(page)) == ["Lê Văn Cường", "Đỗ Văn Phúc"]
    assert MemberService(window.book).get(ids["cuong"]).status is MemberStatus.TRANSFERRED


def test_recognition_offered_for_probationary_members(open_main, register_book, qtbot):
    window, _page, dialog, ids = _open(open_main, register_book, qtbot, "binh")
    assert dialog.form.official.hint.text().startswith("Probation ends on")
    event = dialog.record_event()
    assert event.offered()[0] is Kind.RECOGNITION
    assert event.hint.text() == "The member becomes a full member from this date."
    event.occurs_on.set_date(TODAY + timedelta(days=3))
    event.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert event.form.error_text("occurs_on") == "Date: cannot be in the future."
    event.occurs_on.setText("hôm nay")
    event.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert "day/month/year" in event.form.error_text("occurs_on")
    event.occurs_on.set_date(TODAY)
    with qtbot.waitSignal(event.accepted):
        event.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert dialog.status_label.text().startswith("Status: Full member")
    # The recognition date reached the profile's official date.
    assert dialog.form.official_date.text() == TODAY.strftime("%d/%m/%Y")
    assert not dialog.has_unsaved_changes()
    member = MemberService(window.book).get(ids["binh"])
    assert member.official_date == TODAY
    assert member.admission_date == TODAY - timedelta(days=100)
    assert isinstance(member.admission_date, date)


def test_withdrawing_a_mistaken_transfer_keeps_it_in_the_history(open_main, register_book, qtbot):
    """The latest event is withdrawn with a reason: the status comes back and the
    row stays in the history, marked."""
    window, _page, dialog, ids = _open(open_main, register_book, qtbot, "an")
    member_id = ids["an"]
    from desktop.services.member_events import EventInput

    EventService(window.book, dialog.today).record(
        member_id, EventInput(Kind.OFFICIAL_TRANSFER, dialog.today, counterpart="Chi bộ B")
    )
    dialog.reload()
    assert MemberService(window.book).get(member_id).status is MemberStatus.TRANSFERRED
    assert not dialog.record_button.isEnabled()
    latest = dialog.latest_standing_event()
    assert latest is not None and latest.kind is Kind.OFFICIAL_TRANSFER
    assert dialog.withdraw_button.isEnabled()

    assert dialog.apply_withdrawal(latest.id, "Ghi nhầm người")

    assert MemberService(window.book).get(member_id).status is MemberStatus.FULL
    assert _history(dialog)[-1][1] == "Official transfer out (withdrawn)"
    assert dialog.record_button.isEnabled()
    dialog.reject()
