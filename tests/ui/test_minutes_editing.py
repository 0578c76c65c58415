"""Correcting what is already in the minutes: guests and tasks edited in
place, opinions put back in the order people spoke."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from desktop.data.enums import MeetingKind, Sex
from desktop.services.book import Book, NewBookDetails
from desktop.services.meetings import MeetingInput, MeetingService
from desktop.services.members import MemberInput, MemberService
from desktop.services.minutes import MinutesService
from desktop.services.preparation import PreparationService
from desktop.ui.minutes import MinutesWindow
from desktop.ui.qt.core import Qt

pytestmark = pytest.mark.gui

NAMES = ("Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường")


@pytest.fixture
def book(tmp_path: Path) -> Book:
    created = Book.create(tmp_path / "so.cellbook", NewBookDetails("Thôn An Hòa", "Xã An Phú"))
    for name in NAMES:
        MemberService(created).create(MemberInput(name, Sex.MALE))
    yield created
    created.close()


@pytest.fixture
def meeting_id(book: Book) -> str:
    meeting = MeetingService(book).create(
        MeetingInput(MeetingKind.REGULAR, date(2024, 6, 3), title="Họp chi bộ tháng 6")
    )
    PreparationService(book).start(meeting)
    return meeting


def _window(book: Book, meeting_id: str) -> MinutesWindow:
    window = MinutesWindow(book, meeting_id)
    window.show()
    return window


def test_a_guest_is_corrected_in_place(qtbot, book: Book, meeting_id: str) -> None:
    window = _window(book, meeting_id)
    tab = window.opening
    assert not tab.save_guest_button.isEnabled()
    tab.guest_name.setText("Võ Văn Hải")
    tab.guest_title.setText("Đảng ủy viên")
    tab.add_guest_button.click()
    assert tab.guest_list.count() == 1
    assert tab.guest_name.text() == ""

    tab.guest_list.setCurrentRow(0)
    assert tab.guest_name.text() == "Võ Văn Hải"
    assert tab.save_guest_button.isEnabled()
    tab.guest_name.setText("Võ Văn Hà")
    tab.guest_superior.setChecked(True)
    tab.save_guest_button.click()

    guests = MeetingService(book).get(meeting_id).guests
    assert [(g.name, g.title, g.is_superior) for g in guests] == [
        ("Võ Văn Hà", "Đảng ủy viên", True)
    ]
    assert tab.guest_list.count() == 1
    assert "Võ Văn Hà" in tab.guest_list.item(0).text()

    tab.guest_name.clear()
    tab.save_guest_button.click()
    assert window.message.property("role") == "error"
    assert MeetingService(book).get(meeting_id).guests[0].name == "Võ Văn Hà"
    window.close()


def test_a_task_is_corrected_in_place(qtbot, book: Book, meeting_id: str) -> None:
    window = _window(book, meeting_id)
    members = dict((name, member_id) for member_id, name in window.members)
    first = MinutesService(book).add_task(meeting_id, "Thu đảng phí", members[NAMES[0]])
    MinutesService(book).add_task(meeting_id, "Sửa đường", None, "Tổ hòa giải")
    window.reload()
    tasks = window.tasks
    assert tasks.table.rowCount() == 2
    assert not tasks.save_button.isEnabled()

    tasks.table.selectRow(1)
    assert tasks.description.text() == "Sửa đường"
    assert tasks.assignee.currentText() == "Tổ hòa giải"
    tasks.table.selectRow(0)
    assert tasks.description.text() == "Thu đảng phí"
    assert tasks.assignee.currentData() == members[NAMES[0]]
    tasks.description.setText("Thu đảng phí quý III")
    tasks.assignee.setCurrentIndex(tasks.assignee.findData(members[NAMES[1]]))
    tasks.due.setText("30/09/2024")
    tasks.save_button.click()

    resolution = MeetingService(book).get(meeting_id).resolution
    saved = [(t.id, t.description, t.assignee_id, t.due_on) for t in resolution.tasks]
    assert saved[0] == (first, "Thu đảng phí quý III", members[NAMES[1]], date(2024, 9, 30))
    assert saved[1][1] == "Sửa đường"
    assert tasks.table.item(0, 0).text() == "Thu đảng phí quý III"
    assert tasks.current_task() == first

    tasks.due.setText("31/02/2024")
    tasks.save_button.click()
    assert window.message.property("role") == "error"
    assert MeetingService(book).get(meeting_id).resolution.tasks[0].due_on == date(2024, 9, 30)
    window.close()


def test_opinions_are_reordered_within_their_part(qtbot, book: Book, meeting_id: str) -> None:
    service = MinutesService(book)
    meeting = MeetingService(book).get(meeting_id)
    first_part, second_part = (item.id for item in meeting.agenda_items[:2])
    member = MemberService(book).rows()[0].id
    for part, text in ((first_part, "A1"), (second_part, "B1"), (first_part, "A2")):
        speech = service.add_speech(meeting_id, part, member)
        service.update_speech(speech, content=text)

    window = _window(book, meeting_id)
    window.tabs.setCurrentWidget(window.content)
    content = window.content
    content.agenda.setCurrentRow(0)
    assert [content.speech_list.item(i).text().split(": ")[1] for i in range(2)] == ["A1", "A2"]
    content.speech_list.setCurrentRow(0)
    assert not content.up_button.isEnabled() and content.down_button.isEnabled()

    content.speech_list.setCurrentRow(1)
    content.speech_list.setFocus()
    qtbot.keyClick(content.speech_list, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)

    def order() -> list[str]:
        return [s.content for s in MeetingService(book).get(meeting_id).speeches]

    assert order() == ["A2", "A1", "B1"]
    assert content.current_speech().content == "A2"
    content.down_button.click()
    assert order() == ["A1", "A2", "B1"]
    assert [s.content for s in content.speeches] == ["A1", "A2"]
    window.close()


def test_someone_invited_who_did_not_come_is_marked(qtbot, book: Book, meeting_id: str) -> None:
    invited = PreparationService(book).invite(meeting_id, "Võ Văn Hải", "Đảng ủy viên")
    window = _window(book, meeting_id)
    tab = window.opening
    assert tab.guest_list.count() == 1
    assert "Superior committee member in charge" in tab.guest_list.item(0).text()
    tab.guest_list.setCurrentRow(0)
    assert tab.guest_attended.isChecked()
    tab.guest_attended.click()
    assert not MeetingService(book).get(meeting_id).guests[0].attended
    assert "did not come" in tab.guest_list.item(0).text()
    assert tab.current_guest() == invited
    tab.guest_attended.click()
    assert MeetingService(book).get(meeting_id).guests[0].attended
    window.close()
