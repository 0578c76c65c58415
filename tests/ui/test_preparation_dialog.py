"""The Prepare the meeting dialog: order of business, presenters, checklist,
draft resolution, and marking the meeting prepared."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, time
from pathlib import Path

import pytest

from desktop.data.enums import CommitteePostKind, MeetingKind, MeetingState, Sex, TaskResult
from desktop.data.models import Meeting, Resolution, ResolutionTask
from desktop.services.book import Book
from desktop.services.committee import CommitteeService
from desktop.services.meetings import MeetingInput, MeetingService
from desktop.services.members import MemberInput, MemberService
from desktop.ui.dialogs.preparation import PreparationDialog
from tests.ui.conftest import create_book

pytestmark = pytest.mark.gui

TODAY = date(2026, 6, 15)
UNFINISHED_TASK = "Vận động bà con làm đường bê tông liên xóm"


def _fill(path: Path) -> dict[str, str]:
    """A secretary, a deputy secretary and a member; last month's adopted
    meeting with one unfinished and one finished task; this month's draft."""
    book = Book.open(path)
    try:
        members = MemberService(book, TODAY)
        admitted, official = date(2000, 5, 19), date(2001, 5, 19)

        def add(name: str, sex: Sex) -> str:
            return members.create(
                MemberInput(name, sex, admission_date=admitted, official_date=official)
            )

        ids = {
            "an": add("Nguyễn Văn An", Sex.MALE),
            "binh": add("Trần Thị Bình", Sex.FEMALE),
            "dung": add("Phạm Thị Dung", Sex.FEMALE),
        }
        committee = CommitteeService(book, TODAY)
        start = committee.current_term().starts_on
        committee.assign(ids["an"], CommitteePostKind.SECRETARY, start)
        committee.assign(ids["dung"], CommitteePostKind.DEPUTY_SECRETARY, start)
        with book.session() as session:
            last = Meeting(
                kind=MeetingKind.REGULAR,
                state=MeetingState.ADOPTED,
                scheduled_on=date(2026, 5, 3),
                held_on=date(2026, 5, 3),
                start_time=time(8, 0),
                end_time=time(10, 0),
                title="Sinh hoạt chi bộ tháng 5",
            )
            last.resolution = Resolution(title="Nghị quyết tháng 5")
            last.resolution.tasks.append(
                ResolutionTask(
                    position=1,
                    description=UNFINISHED_TASK,
                    assignee_id=ids["binh"],
                    result=TaskResult.PARTLY,
                )
            )
            last.resolution.tasks.append(
                ResolutionTask(position=2, description="Thu đảng phí", result=TaskResult.DONE)
            )
            session.add(last)
        ids["meeting"] = MeetingService(book).create(
            MeetingInput(MeetingKind.REGULAR, date(2026, 6, 3), "Sinh hoạt chi bộ tháng 6")
        )
        return ids
    finally:
        book.close()


@pytest.fixture
def prep_book(cellbook_home: Path) -> Iterator[tuple[Book, dict[str, str]]]:
    path = create_book(cellbook_home)
    ids = _fill(path)
    book = Book.open(path)
    yield book, ids
    book.close()


@pytest.fixture
def dialog(prep_book, qtbot) -> PreparationDialog:
    book, ids = prep_book
    window = PreparationDialog(book, ids["meeting"], TODAY)
    qtbot.addWidget(window)
    window.show()
    return window


def _state(book: Book, meeting_id: str) -> MeetingState:
    meeting = MeetingService(book).get(meeting_id)
    assert meeting is not None
    return meeting.state


def test_creating_the_order_of_business(dialog, qtbot):
    assert dialog.parts.currentWidget() is dialog.empty
    assert dialog.empty.button is not None
    dialog.empty.button.click()
    assert dialog.parts.currentWidget() is dialog.table
    rows = dialog.part_rows()
    assert len(rows) > 2
    assert [r.position for r in rows] == list(range(1, len(rows) + 1))
    assert dialog.selected_part() == rows[0]
    assert dialog.summary.text().startswith(f"0 of {len(rows)} parts ready")


def test_assigning_a_member_and_marking_the_part_ready(prep_book, dialog):
    _book, ids = prep_book
    dialog.create_agenda()
    total = dialog.model.rowCount()
    dialog.select_part(total)
    part = dialog.selected_part()
    index = dialog.presenter.findData(ids["binh"])
    assert index > 0
    # committee first: the secretary and deputy come before Bình
    assert dialog.presenter.itemData(1) == ids["an"]
    assert dialog.presenter.itemData(2) == ids["dung"]
    dialog.presenter.setCurrentIndex(index)
    dialog.assign_selected()
    assert dialog.selected_part().id == part.id
    assert dialog.selected_part().presenter == "Trần Thị Bình"
    before = dialog.summary.text()
    dialog.ready.click()
    assert dialog.selected_part().ready
    assert dialog.summary.text() != before
    ready = sum(1 for r in dialog.part_rows() if r.ready)
    assert dialog.summary.text().startswith(f"{ready} of {total} parts ready")
    assert ready >= 1


def test_ready_without_presenter_is_refused_plainly(dialog):
    dialog.create_agenda()
    dialog.presenter.setCurrentIndex(0)  # nobody
    dialog.assign_selected()
    dialog.ready.click()
    assert not dialog.selected_part().ready
    assert "Choose who presents this part" in dialog.message.text()


def test_moving_adding_and_removing_parts(dialog):
    dialog.create_agenda()
    first, second = dialog.part_rows()[:2]
    dialog.select_part(1)
    dialog.down_button.click()
    assert [r.id for r in dialog.part_rows()[:2]] == [second.id, first.id]
    assert dialog.selected_part().id == first.id
    count = dialog.model.rowCount()
    dialog.add_part("Kết nạp đảng viên mới")
    assert dialog.model.rowCount() == count + 1
    assert dialog.selected_part().title == "Kết nạp đảng viên mới"
    assert dialog.selected_part().position == 3
    dialog.remove_selected(confirm=False)
    assert dialog.model.rowCount() == count


def test_ticking_the_checklist_and_marking_prepared(prep_book, dialog):
    book, ids = prep_book
    dialog.create_agenda()
    for box in dialog.checks.values():
        box.click()
    assert all(c.done for c in dialog.service.checklist(ids["meeting"]))
    dialog.prepared_button.click()
    assert _state(book, ids["meeting"]) is MeetingState.PREPARED
    assert dialog.message.text() == "The meeting is marked as prepared."
    assert not dialog.prepared_button.isEnabled()


def test_marking_prepared_with_something_missing_says_what(prep_book, dialog):
    book, ids = prep_book
    dialog.create_agenda()
    dialog.checks["committee_met"].click()
    dialog.checks["notice_sent"].click()
    dialog.prepared_button.click()
    text = dialog.message.text()
    assert "The meeting is not prepared yet. Still missing:" in text
    assert "The documents have been sent to members" in text
    assert "The draft resolution is ready" in text
    assert "The committee has met" not in text
    assert _state(book, ids["meeting"]) is MeetingState.DRAFT


def test_drafting_the_resolution_carries_over_unfinished_tasks(prep_book, dialog):
    book, ids = prep_book
    dialog.draft_button.click()
    assert "1 unfinished task was carried over" in dialog.message.text()
    meeting = MeetingService(book).get(ids["meeting"])
    assert meeting.resolution is not None
    assert [t.description for t in meeting.resolution.tasks] == [UNFINISHED_TASK]
    dialog.draft_button.click()
    assert dialog.message.text() == "This meeting already has a draft resolution."


def test_the_note_is_saved(prep_book, dialog):
    book, ids = prep_book
    dialog.note.setText("Mời đồng chí Bí thư Đảng ủy dự")
    dialog.note.editingFinished.emit()
    assert (
        MeetingService(book).get(ids["meeting"]).prepared_note == "Mời đồng chí Bí thư Đảng ủy dự"
    )


def test_the_meetings_page_prepares_the_selected_draft(open_main, cellbook_home, qtbot):
    path = create_book(cellbook_home)
    ids = _fill(path)
    window = open_main(path)
    page = window.go_to("meetings")
    page.select_meeting(ids["meeting"])
    assert page.prepare_button.isEnabled()
    dialog = page.prepare_selected()
    assert dialog is not None
    dialog.create_agenda()
    with qtbot.waitSignal(dialog.finished):
        dialog.reject()
    assert page.selected_meeting().id == ids["meeting"]
    adopted = next(r for r in page.model.rows() if r.state is MeetingState.ADOPTED)
    page.select_meeting(adopted.id)
    assert not page.prepare_button.isEnabled()
    assert page.prepare_selected() is None
