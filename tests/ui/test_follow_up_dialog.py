"""Evaluating last month's tasks from the view of this month's meeting."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from desktop.data.enums import MeetingKind, MeetingState, Sex, TaskResult
from desktop.data.models import Meeting, Resolution, ResolutionTask
from desktop.services.book import Book, NewBookDetails
from desktop.services.follow_up import FollowUpService
from desktop.services.members import MemberInput, MemberService
from desktop.ui.dialogs.follow_up import FollowUpDialog
from desktop.ui.meeting_view import MeetingViewDialog
from desktop.ui.qt.core import Qt

pytestmark = pytest.mark.gui

TASKS = ("Thu đảng phí", "Sửa đường liên xóm", "Vận động trồng cây", "Họp tổ dân cư")


def _meeting(
    book: Book, kind: MeetingKind, on: date, state: MeetingState, tasks: tuple[str, ...] = ()
) -> str:
    with book.session() as session:
        meeting = Meeting(kind=kind, state=state, scheduled_on=on, title=f"Họp {on:%m/%Y}")
        session.add(meeting)
        session.flush()
        if tasks:
            resolution = Resolution(meeting_id=meeting.id, title="Nghị quyết tháng 5")
            session.add(resolution)
            session.flush()
            for position, text in enumerate(tasks, start=1):
                session.add(
                    ResolutionTask(
                        resolution_id=resolution.id,
                        position=position,
                        description=text,
                        assignee_text="Chi ủy",
                        due_on=date(2024, 5, 28),
                    )
                )
        return meeting.id


@pytest.fixture
def book(tmp_path: Path) -> Book:
    created = Book.create(tmp_path / "so.cellbook", NewBookDetails("Thôn An Hòa", "Xã An Phú"))
    MemberService(created).create(MemberInput("Nguyễn Văn An", Sex.MALE))
    yield created
    created.close()


@pytest.fixture
def ids(book: Book) -> dict[str, str]:
    may = _meeting(book, MeetingKind.REGULAR, date(2024, 5, 3), MeetingState.ADOPTED, TASKS)
    thematic = _meeting(
        book, MeetingKind.THEMATIC, date(2024, 5, 20), MeetingState.HELD, ("Học tập",)
    )
    june = _meeting(book, MeetingKind.REGULAR, date(2024, 6, 3), MeetingState.DRAFT)
    return {"may": may, "thematic": thematic, "june": june}


def _open(qtbot, book: Book, meeting_id: str) -> tuple[MeetingViewDialog, FollowUpDialog]:
    view = MeetingViewDialog(book, meeting_id)
    qtbot.addWidget(view)
    assert not view.follow_up_button.isHidden()
    view.show()
    view.follow_up_button.click()
    dialog = view.follow_up_dialog
    assert isinstance(dialog, FollowUpDialog)
    assert dialog.isVisible()
    return view, dialog


def _select(qtbot, dialog: FollowUpDialog, row: int) -> None:
    dialog.table.selectRow(row)
    dialog.table.setFocus()
    assert dialog.current_row() == row


def test_evaluating_tasks_from_the_meeting_view(qtbot, book: Book, ids: dict[str, str]) -> None:
    view, dialog = _open(qtbot, book, ids["june"])
    assert dialog.table.rowCount() == 4
    assert dialog.table.item(0, 0).text() == TASKS[0]
    assert dialog.table.item(0, 1).text() == "Chi ủy"
    assert "4 not yet evaluated" in dialog.summary.text()

    _select(qtbot, dialog, 0)
    qtbot.keyClick(dialog.table, Qt.Key.Key_D)
    _select(qtbot, dialog, 1)
    qtbot.keyClick(dialog.table, Qt.Key.Key_D)
    _select(qtbot, dialog, 2)
    qtbot.keyClick(dialog.table, Qt.Key.Key_D)
    assert dialog.summary.text() == (
        "Implementation: 100% — 3 done, 0 partly, 0 not done, 1 not yet evaluated"
    )
    _select(qtbot, dialog, 3)
    dialog.result_box.setCurrentIndex(dialog.result_box.findData(TaskResult.PARTLY))
    dialog.comment.setText("Mua cay chua du")
    qtbot.keyClick(dialog.comment, Qt.Key.Key_Return)
    assert dialog.summary.text() == (
        "Implementation: 87.5% — 3 done, 1 partly, 0 not done, 0 not yet evaluated"
    )
    assert dialog.table.item(3, 3).text() == "Partly done"
    assert dialog.table.item(3, 4).text() == "Mua cay chua du"
    rows = FollowUpService(book).tasks_to_evaluate(ids["june"])
    assert [row.result for row in rows] == [TaskResult.DONE] * 3 + [TaskResult.PARTLY]
    assert rows[3].result_note == "Mua cay chua du"
    dialog.reject()
    assert view.follow_up_dialog is None


def test_partly_done_without_a_comment_is_not_saved(qtbot, book: Book, ids: dict[str, str]) -> None:
    _view, dialog = _open(qtbot, book, ids["june"])
    _select(qtbot, dialog, 1)
    qtbot.keyClick(dialog.table, Qt.Key.Key_P)
    assert dialog.message.text() == "Partly done: please say why in the comment."
    assert dialog.message.property("role") == "error"
    assert FollowUpService(book).tasks_to_evaluate(ids["june"])[1].result is TaskResult.PENDING
    assert dialog.table.item(1, 3).text() == "Not yet evaluated"
    assert "4 not yet evaluated" in dialog.summary.text()
    # Typing the reason and pressing Enter saves it.
    qtbot.keyClicks(dialog.comment, "Thieu kinh phi")
    qtbot.keyClick(dialog.comment, Qt.Key.Key_Return)
    assert dialog.message.text() == "Saved."
    assert dialog.isVisible()  # Enter saves the comment; it does not close the dialog
    row = FollowUpService(book).tasks_to_evaluate(ids["june"])[1]
    assert (row.result, row.result_note) == (TaskResult.PARTLY, "Thieu kinh phi")
    assert "Implementation: 50%" in dialog.summary.text()
    # Not done, by the keyboard, also needs the comment; the one typed counts.
    qtbot.keyClick(dialog.table, Qt.Key.Key_N)
    row = FollowUpService(book).tasks_to_evaluate(ids["june"])[1]
    assert row.result is TaskResult.NOT_DONE
    dialog.reject()


def test_empty_state_and_where_the_button_shows(qtbot, book: Book, ids: dict[str, str]) -> None:
    first = _meeting(book, MeetingKind.REGULAR, date(2024, 4, 3), MeetingState.DRAFT)
    _view, dialog = _open(qtbot, book, first)
    assert dialog.stack.currentWidget() is dialog.empty
    assert "no earlier regular meeting" in dialog.empty.message.text()
    dialog.reject()
    for hidden in (ids["may"], ids["thematic"]):
        view = MeetingViewDialog(book, hidden)
        qtbot.addWidget(view)
        assert view.follow_up_button.isHidden()
