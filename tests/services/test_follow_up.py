"""Evaluating last month's resolution tasks at this month's meeting."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from desktop import i18n
from desktop.data.enums import MeetingKind, MeetingState, Sex, TaskResult
from desktop.data.models import Meeting, Resolution, ResolutionTask
from desktop.data.stamping import LockedRecordError
from desktop.services.book import Book, NewBookDetails
from desktop.services.follow_up import FollowUpService
from desktop.services.members import MemberInput, MemberService
from desktop.services.validation import ValidationError


@pytest.fixture(autouse=True)
def english() -> object:
    i18n.set_language("en")
    yield
    i18n.set_language("vi")


def add_meeting(
    book: Book,
    kind: MeetingKind,
    on: date,
    *,
    state: MeetingState = MeetingState.DRAFT,
    tasks: list[tuple[str, str | None, str]] | None = None,
) -> str:
    """A meeting; with `tasks` (description, assignee id, assignee text) it has a resolution."""
    with book.session() as session:
        meeting = Meeting(kind=kind, state=state, scheduled_on=on, title=f"{kind} {on}")
        session.add(meeting)
        session.flush()
        if tasks is not None:
            resolution = Resolution(meeting_id=meeting.id, title=f"Nghị quyết {on}")
            session.add(resolution)
            session.flush()
            for position, (text, assignee_id, assignee_text) in enumerate(tasks, start=1):
                session.add(
                    ResolutionTask(
                        resolution_id=resolution.id,
                        position=position,
                        description=text,
                        assignee_id=assignee_id,
                        assignee_text=assignee_text,
                        due_on=on.replace(day=28),
                    )
                )
        return meeting.id


@pytest.fixture
def book(tmp_path: Path) -> Book:
    created = Book.create(tmp_path / "so.cellbook", NewBookDetails("Thôn An Hòa", "Xã An Phú"))
    yield created
    created.close()


@pytest.fixture
def months(book: Book) -> dict[str, str]:
    """April and May regular meetings with resolutions; a thematic and a committee
    meeting with resolutions in between; June's meeting evaluates May's tasks."""
    an = MemberService(book).create(MemberInput("Nguyễn Văn An", Sex.MALE))
    april = add_meeting(
        book, MeetingKind.REGULAR, date(2024, 4, 3), tasks=[("Dọn vệ sinh", None, "Chi ủy")]
    )
    may = add_meeting(
        book,
        MeetingKind.REGULAR,
        date(2024, 5, 3),
        tasks=[
            ("Thu đảng phí", an, ""),
            ("Sửa đường liên xóm", None, "Chi ủy"),
            ("Vận động trồng cây", None, "Đoàn thanh niên"),
            ("Họp tổ dân cư", an, ""),
        ],
    )
    thematic = add_meeting(
        book, MeetingKind.THEMATIC, date(2024, 5, 20), tasks=[("Học nghị quyết", None, "")]
    )
    committee = add_meeting(
        book, MeetingKind.COMMITTEE, date(2024, 5, 28), tasks=[("Chuẩn bị họp", None, "")]
    )
    june = add_meeting(book, MeetingKind.REGULAR, date(2024, 6, 3))
    later = add_meeting(book, MeetingKind.REGULAR, date(2024, 7, 3), tasks=[("Sau này", None, "")])
    return {
        "an": an,
        "april": april,
        "may": may,
        "thematic": thematic,
        "committee": committee,
        "june": june,
        "july": later,
    }


def test_previous_resolution_is_last_regular_meeting_with_one(
    book: Book, months: dict[str, str]
) -> None:
    service = FollowUpService(book)
    previous = service.previous_resolution(months["june"])
    assert previous is not None
    assert previous.meeting_id == months["may"]
    assert previous.scheduled_on == date(2024, 5, 3)
    # June has no resolution, so July looks past it to May.
    assert service.previous_resolution(months["july"]).meeting_id == months["may"]
    assert service.previous_resolution(months["may"]).meeting_id == months["april"]
    assert service.previous_resolution(months["april"]) is None
    assert service.previous_resolution("missing") is None


def test_tasks_to_evaluate_name_who(book: Book, months: dict[str, str]) -> None:
    rows = FollowUpService(book).tasks_to_evaluate(months["june"])
    assert [row.description for row in rows] == [
        "Thu đảng phí",
        "Sửa đường liên xóm",
        "Vận động trồng cây",
        "Họp tổ dân cư",
    ]
    assert [row.assignee for row in rows] == [
        "Nguyễn Văn An",
        "Chi ủy",
        "Đoàn thanh niên",
        "Nguyễn Văn An",
    ]
    assert rows[0].due_on == date(2024, 5, 28)
    assert all(row.result is TaskResult.PENDING for row in rows)
    assert FollowUpService(book).tasks_to_evaluate(months["april"]) == []


def test_evaluate_asks_why_for_partly_and_not_done(book: Book, months: dict[str, str]) -> None:
    service = FollowUpService(book)
    rows = service.tasks_to_evaluate(months["june"])
    for result in (TaskResult.PARTLY, TaskResult.NOT_DONE):
        with pytest.raises(ValidationError) as caught:
            service.evaluate(rows[1].id, result, "   ")
        assert caught.value.for_field("result_note") == [
            f"{'Partly done' if result is TaskResult.PARTLY else 'Not done'}: "
            "please say why in the comment."
        ]
    assert service.tasks_to_evaluate(months["june"])[1].result is TaskResult.PENDING
    with pytest.raises(ValidationError):
        service.evaluate(rows[1].id, TaskResult.DONE, "x" * 2001)
    with pytest.raises(ValidationError):
        service.evaluate("missing", TaskResult.DONE)

    service.evaluate(rows[0].id, TaskResult.DONE)
    service.evaluate(rows[1].id, TaskResult.PARTLY, "  Thiếu kinh phí ")
    after = service.tasks_to_evaluate(months["june"])
    assert after[0].result is TaskResult.DONE
    assert after[1].result is TaskResult.PARTLY
    assert after[1].result_note == "Thiếu kinh phí"


def test_rate_and_summary(book: Book, months: dict[str, str]) -> None:
    service = FollowUpService(book)
    assert service.rate(months["june"]) is None
    summary = service.summary(months["june"])
    assert (summary.done, summary.partly, summary.not_done, summary.pending) == (0, 0, 0, 4)
    assert summary.text() == (
        "Implementation: nothing evaluated yet — 0 done, 0 partly, 0 not done, 4 not yet evaluated"
    )
    rows = service.tasks_to_evaluate(months["june"])
    service.evaluate(rows[0].id, TaskResult.DONE)
    service.evaluate(rows[1].id, TaskResult.DONE)
    service.evaluate(rows[2].id, TaskResult.PARTLY, "Chưa đủ cây giống")
    assert service.rate(months["june"]) == pytest.approx(2.5 / 3)
    service.evaluate(rows[3].id, TaskResult.DONE, "Đã họp")
    assert service.rate(months["june"]) == pytest.approx(0.875)
    summary = service.summary(months["june"])
    assert summary.text() == (
        "Implementation: 87.5% — 3 done, 1 partly, 0 not done, 0 not yet evaluated"
    )
    service.evaluate(rows[2].id, TaskResult.DONE)
    assert service.summary(months["june"]).rate_text == "100%"
    assert service.rate(months["april"]) is None


def test_tasks_of_adopted_meeting_can_be_evaluated_but_stay_locked_otherwise(
    book: Book, months: dict[str, str]
) -> None:
    with book.session() as session:
        session.get(Meeting, months["may"]).state = MeetingState.ADOPTED
    service = FollowUpService(book)
    task = service.tasks_to_evaluate(months["june"])[2]
    service.evaluate(task.id, TaskResult.NOT_DONE, "Mưa bão kéo dài")
    after = service.tasks_to_evaluate(months["june"])[2]
    assert (after.result, after.result_note) == (TaskResult.NOT_DONE, "Mưa bão kéo dài")

    with pytest.raises(LockedRecordError), book.session() as session:
        session.get(ResolutionTask, task.id).description = "Đổi nội dung"
    with pytest.raises(LockedRecordError), book.session() as session:
        stored = session.get(ResolutionTask, task.id)
        stored.result = TaskResult.DONE
        stored.due_on = date(2024, 6, 30)
    assert service.tasks_to_evaluate(months["june"])[2].description == "Vận động trồng cây"
    assert service.tasks_to_evaluate(months["june"])[2].result is TaskResult.NOT_DONE
