"""The year plan on the Meetings page."""

from __future__ import annotations

import pytest

from desktop.data.enums import MeetingKind
from desktop.services.meetings import MeetingService
from desktop.ui.qt.core import Qt
from desktop.ui.qt.widgets import QDialogButtonBox

pytestmark = pytest.mark.gui


def _plan_page(window):
    page = window.go_to("meetings")
    assert page.plan_view is None  # built when first shown
    page.show_plan()
    assert page.plan_view is not None
    return page


def _texts(page, kind: MeetingKind, month: int) -> list[str]:
    row = next(
        r
        for r, e in enumerate(page.plan_entries())
        if e.kind is kind and e.month == month and e.in_plan
    )
    return [page.plan_proxy.index(row, c).data() for c in range(page.plan_proxy.columnCount())]


def test_the_year_plan_has_twelve_regular_meetings(open_main, empty_book, fixed_today):
    window = open_main(empty_book)
    page = _plan_page(window)
    assert page.showing_empty  # the list is empty, the plan is still at hand
    assert int(page.year.currentData()) == fixed_today.year
    regular = [e for e in page.plan_entries() if e.kind is MeetingKind.REGULAR]
    assert [e.month for e in regular] == list(range(1, 13))
    assert page.plan_proxy.rowCount() == 24  # and the committee's preparatory meetings
    may = _texts(page, MeetingKind.REGULAR, 5)
    assert may[:3] == ["05/2026", "Regular meeting", "03/05/2026"]
    assert may[3] == "Not yet created — overdue"
    committee = _texts(page, MeetingKind.COMMITTEE, 5)
    assert committee[2] == "29/04/2026"
    assert committee[4] == "Moved from 01/05/2026 (Ngày Quốc tế Lao động)"
    assert _texts(page, MeetingKind.REGULAR, 7)[3] == "Not yet created"
    selected = page.selected_entry()
    assert selected.on >= fixed_today  # the first meeting still ahead is selected
    page.year.setCurrentIndex(page.year.findData(2027))
    assert {e.year for e in page.plan_entries() if e.kind is MeetingKind.REGULAR} == {2027}


def test_quarter_warning_goes_once_a_thematic_meeting_is_planned(
    open_main, empty_book, fixed_today, qtbot
):
    window = open_main(empty_book)
    page = _plan_page(window)
    assert not page.warnings.isHidden()
    assert "Quarter III has no thematic meeting yet." in page.warnings.text()
    assert "Quarter II has no thematic meeting yet." in page.warnings.text()
    dialog = page.plan_thematic()
    assert MeetingKind(dialog.kind.currentData()) is MeetingKind.THEMATIC
    assert dialog.scheduled_on.date() == fixed_today.replace(month=7, day=3)  # quarter III
    dialog.topic.setText("Chuyển đổi số trong công tác chi bộ")
    with qtbot.waitSignal(dialog.accepted):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert "Quarter III" not in page.warnings.text()
    assert "Quarter II has no thematic meeting yet." in page.warnings.text()
    thematic = [e for e in page.plan_entries() if e.kind is MeetingKind.THEMATIC]
    assert len(thematic) == 1 and thematic[0].quarter == 3
    assert page.model.rowCount() == 1  # in the list too


def test_enter_on_a_planned_meeting_creates_it_and_then_opens_it(
    open_main, empty_book, fixed_today, qtbot
):
    window = open_main(empty_book)
    page = _plan_page(window)
    assert page.select_entry(MeetingKind.REGULAR, 7)
    assert page.create_button.isEnabled()
    page.plan_table.setFocus()
    qtbot.keyClick(page.plan_table, Qt.Key.Key_Return)
    rows = MeetingService(window.book).rows()
    assert [(r.kind, r.title) for r in rows] == [
        (MeetingKind.REGULAR, "Sinh hoạt chi bộ thường kỳ tháng 7/2026")
    ]
    assert not page.showing_empty
    assert page.model.rowCount() == 1
    assert page.table.model().index(0, 2).data() == "Sinh hoạt chi bộ thường kỳ tháng 7/2026"
    assert _texts(page, MeetingKind.REGULAR, 7)[3] == "Draft"
    assert page.selected_entry().meeting_id == rows[0].id
    assert not page.create_button.isEnabled()
    qtbot.keyClick(page.plan_table, Qt.Key.Key_Return)
    assert window.meeting_dialog.isVisible()
    window.meeting_dialog.reject()


def test_create_this_meeting_button_for_the_committee(open_main, empty_book, fixed_today):
    window = open_main(empty_book)
    page = _plan_page(window)
    page.select_entry(MeetingKind.COMMITTEE, 8)
    page.create_button.click()
    rows = MeetingService(window.book).rows()
    assert [r.kind for r in rows] == [MeetingKind.COMMITTEE]
    assert rows[0].title == "Họp chi ủy chuẩn bị sinh hoạt tháng 8/2026"
    assert page.model.rowCount() == 1
