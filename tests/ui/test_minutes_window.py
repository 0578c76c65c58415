"""Taking the minutes in the minutes window: every edit reaches the book."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop.data.enums import AttendanceStatus, MeetingKind, MeetingState, Sex
from desktop.data.models import Attendance, Meeting, Recommendation, Speech
from desktop.services.book import Book, NewBookDetails
from desktop.services.meetings import MeetingInput, MeetingService
from desktop.services.members import MemberInput, MemberService
from desktop.services.minutes import MinutesService
from desktop.services.preparation import PreparationService
from desktop.ui.meeting_view import MeetingViewDialog
from desktop.ui.minutes import MinutesWindow
from desktop.ui.qt.core import Qt

pytestmark = pytest.mark.gui

NAMES = ("Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung")


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


def _window(qtbot, book: Book, meeting_id: str) -> MinutesWindow:
    window = MinutesWindow(book, meeting_id)  # deletes itself when closed
    window.show()
    return window


def _meeting(book: Book, meeting_id: str) -> Meeting:
    meeting = MeetingService(book).get(meeting_id)
    assert meeting is not None
    return meeting


def test_attendance_is_prepared_and_an_absence_with_reason_saved(
    qtbot, book: Book, meeting_id: str
) -> None:
    window = _window(qtbot, book, meeting_id)
    tab = window.opening
    assert tab.table.rowCount() == len(NAMES)
    assert "Present: 4 of 4" in tab.counts_line.text()
    assert tab.quorum_line.text()
    assert window.status.text() == "Saved"

    tab.table.selectRow(1)
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_R)
    assert tab.table.item(1, 2).text() == "Absent with reason"
    assert window.message.text() == "Absent with a reason: please write the reason."
    tab.reason.setText("Ốm nằm viện")
    assert window.status.text() == "Saving…"
    qtbot.waitUntil(lambda: window.status.text() == "Saved", timeout=2500)
    assert "Present: 3 of 4" in tab.counts_line.text()
    assert "absent with reason: 1" in tab.counts_line.text()
    with book.reader() as session:
        rows = session.scalars(select(Attendance).where(Attendance.status != "present")).all()
        assert [(row.status, row.reason) for row in rows] == [
            (AttendanceStatus.ABSENT_EXCUSED, "Ốm nằm viện")
        ]

    tab.table.selectRow(2)
    qtbot.keyClick(tab.table, Qt.Key.Key_U)
    assert "absent without reason: 1" in tab.counts_line.text()
    assert MinutesService(book).counts(meeting_id).absent_unexcused == 1
    window.close()


def test_speech_recommendation_tasks_and_votes(qtbot, book: Book, meeting_id: str) -> None:
    window = _window(qtbot, book, meeting_id)
    window.tabs.setCurrentWidget(window.content)
    content = window.content
    assert content.agenda.count() > 0
    content.agenda.setCurrentRow(0)
    content.speaker.setCurrentIndex(content.speaker.findData(window.members[1][0]))
    content.add_button.click()
    assert content.speech_list.count() == 1
    qtbot.keyClicks(content.opinion, "Lam duong be tong lien xom")

    def saved_text() -> str:
        with book.reader() as session:
            speech = session.scalars(select(Speech)).one()
            return speech.content

    qtbot.waitUntil(lambda: saved_text() == "Lam duong be tong lien xom", timeout=2500)
    content.recommendation.click()
    with book.reader() as session:
        assert session.scalars(select(Recommendation)).one().speech_id is not None
        assert session.scalars(select(Speech)).one().is_recommendation

    content.conclusion.setPlainText("Chi bộ thống nhất")
    window.tabs.setCurrentWidget(window.tasks)
    tasks = window.tasks
    tasks.description.setText("Vận động bà con góp công")
    tasks.assignee.setCurrentIndex(tasks.assignee.findData(window.members[0][0]))
    tasks.due.setText("30/06/2024")
    tasks.add_button.click()
    assert tasks.table.rowCount() == 1
    assert tasks.table.item(0, 1).text() == NAMES[0]
    assert "Voting members present (full members): 4." in tasks.voters_line.text()
    tasks.votes_for.setValue(4)
    tasks.votes_against.setValue(0)
    tasks.votes_abstain.setValue(0)
    assert "For: 100" in tasks.voters_line.text()
    window.saver.flush()
    resolution = _meeting(book, meeting_id).resolution
    assert resolution is not None
    assert (resolution.votes_for, resolution.votes_against, resolution.voters_present) == (
        4,
        0,
        4,
    )
    assert [task.description for task in resolution.tasks] == ["Vận động bà con góp công"]
    assert _meeting(book, meeting_id).agenda_items[0].conclusion == "Chi bộ thống nhất"
    window.close()


def test_mark_held_needs_the_times(qtbot, book: Book, meeting_id: str) -> None:
    window = _window(qtbot, book, meeting_id)
    opening = window.opening
    opening.start_time.clear()
    window.held_button.click()
    assert "Enter the opening time." in window.message.text()
    assert "Enter the closing time." in window.message.text()
    assert window.message.property("role") == "error"
    assert _meeting(book, meeting_id).state is MeetingState.DRAFT

    assert "Choose who chaired the meeting." in window.message.text()
    for box, member in ((opening.chair, 0), (opening.minute_taker, 1)):
        index = box.findData(window.members[member][0])
        box.setCurrentIndex(index)
        box.activated.emit(index)
    opening.start_time.setText("07:30")
    opening.end_time.setText("10:30")
    window.held_button.click()
    assert _meeting(book, meeting_id).state is MeetingState.HELD
    assert "marked as held" in window.message.text()
    assert window.held_button.isHidden()
    window.close()


def test_closing_flushes_a_pending_edit(qtbot, book: Book, meeting_id: str) -> None:
    window = _window(qtbot, book, meeting_id)
    window.opening.place.setText("Nhà văn hóa thôn")
    assert window.saver.pending
    window.close()
    assert _meeting(book, meeting_id).place == "Nhà văn hóa thôn"


def test_the_meeting_view_opens_the_minutes(qtbot, book: Book, meeting_id: str) -> None:
    view = MeetingViewDialog(book, meeting_id)
    qtbot.addWidget(view)
    view.show()
    assert not view.minutes_button.isHidden()
    view.minutes_button.click()
    window = view.minutes_window
    assert isinstance(window, MinutesWindow)
    assert window.isVisible() and not window.isModal()
    window.opening.place.setText("Hội trường")
    window.close()
    assert view.minutes_window is None
    assert "Hội trường" in view.browser.toPlainText()
