"""Taking the minutes: attendance, people, speeches, tasks, votes, score, holding."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from datetime import date, time
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop import i18n
from desktop.data.enums import (
    AttendanceStatus,
    CommitteePostKind,
    MeetingKind,
    MeetingState,
    MemberStatus,
    RecommendationStatus,
    Sex,
)
from desktop.data.models import AgendaItem, Attendance, Meeting, Recommendation, Speech
from desktop.data.stamping import LockedRecordError
from desktop.services.book import Book
from desktop.services.committee import CommitteeService
from desktop.services.members import MemberInput, MemberService
from desktop.services.minutes import MinutesService
from desktop.services.recommendations import RecommendationService
from desktop.services.validation import ValidationError

DAY = date(2026, 3, 3)
TODAY = date(2026, 6, 1)


def _member(book: Book, name: str, today: date, **values) -> str:
    return MemberService(book, today).create(MemberInput(full_name=name, sex=Sex.MALE, **values))


@pytest.fixture
def people(book: Book) -> dict[str, str]:
    early = date(2026, 1, 1)
    ids = {
        "an": _member(book, "Nguyễn Văn An", early),
        "binh": _member(book, "Trần Thị Bình", early),
        "cuong": _member(book, "Lê Văn Cường", early),
        "dung": _member(book, "Phạm Văn Dũng", early),
        "em": _member(book, "Hoàng Văn Em", early, status=MemberStatus.EXEMPT),
        "giang": _member(book, "Đỗ Văn Giang", early, status=MemberStatus.AWAY),
        "hai": _member(
            book, "Vũ Văn Hải", early, status=MemberStatus.ATTACHED, home_cell="Chi bộ Đông"
        ),
        # Recognised after the meeting: probationary on the day.
        "khoa": _member(
            book,
            "Bùi Văn Khoa",
            TODAY,
            admission_date=date(2025, 4, 1),
            official_date=date(2026, 5, 1),
        ),
    }
    committee = CommitteeService(book, TODAY)
    committee.assign(ids["an"], CommitteePostKind.SECRETARY, date(2025, 1, 1))
    committee.assign(ids["binh"], CommitteePostKind.DEPUTY_SECRETARY, date(2025, 1, 1))
    return ids


def _meeting(book: Book, day: date = DAY, **values) -> str:
    with book.session() as session:
        meeting = Meeting(kind=MeetingKind.REGULAR, scheduled_on=day, **values)
        meeting.agenda_items.append(AgendaItem(position=1, title="Thông tin thời sự"))
        meeting.agenda_items.append(AgendaItem(position=2, title="Nhiệm vụ tháng tới"))
        session.add(meeting)
        session.flush()
        return meeting.id


def _items(book: Book, meeting_id: str) -> list[str]:
    with book.reader() as session:
        return list(
            session.scalars(
                select(AgendaItem.id)
                .where(AgendaItem.meeting_id == meeting_id)
                .order_by(AgendaItem.position)
            )
        )


def _rows(book: Book, meeting_id: str) -> dict[str, tuple[MemberStatus, AttendanceStatus, str]]:
    with book.reader() as session:
        rows = session.scalars(select(Attendance).where(Attendance.meeting_id == meeting_id))
        return {row.member_id: (row.member_status, row.status, row.reason) for row in rows}


def _messages(error: pytest.ExceptionInfo[ValidationError]) -> list[tuple[str, str]]:
    return [(item.field, item.message) for item in error.value.errors]


@pytest.fixture
def minutes(book: Book) -> MinutesService:
    i18n.set_language("en")
    return MinutesService(book, TODAY)


def test_prepare_attendance_snapshots_the_day_and_is_idempotent(
    book: Book, people: dict[str, str], minutes: MinutesService
):
    meeting_id = _meeting(book)
    assert minutes.prepare_attendance(meeting_id) == 8
    rows = _rows(book, meeting_id)
    assert rows[people["an"]] == (MemberStatus.FULL, AttendanceStatus.PRESENT, "")
    assert rows[people["khoa"]] == (MemberStatus.PROBATIONARY, AttendanceStatus.PRESENT, "")
    assert rows[people["em"]] == (
        MemberStatus.EXEMPT,
        AttendanceStatus.ABSENT_EXCUSED,
        "Miễn sinh hoạt",
    )
    assert rows[people["giang"]] == (
        MemberStatus.AWAY,
        AttendanceStatus.ABSENT_EXCUSED,
        "Sinh hoạt tạm thời nơi khác",
    )
    assert rows[people["hai"]] == (MemberStatus.ATTACHED, AttendanceStatus.PRESENT, "")

    minutes.set_attendance(meeting_id, people["cuong"], AttendanceStatus.ABSENT_EXCUSED, " Ốm ")
    assert minutes.prepare_attendance(meeting_id) == 0
    assert _rows(book, meeting_id)[people["cuong"]] == (
        MemberStatus.FULL,
        AttendanceStatus.ABSENT_EXCUSED,
        "Ốm",
    )

    newcomer = _member(book, "Ngô Văn Lâm", date(2026, 2, 1))
    assert minutes.prepare_attendance(meeting_id) == 1
    assert _rows(book, meeting_id)[newcomer][0] is MemberStatus.FULL


def test_members_who_joined_after_the_meeting_are_not_listed(
    book: Book, people: dict[str, str], minutes: MinutesService
):
    meeting_id = _meeting(book, date(2025, 3, 3))
    minutes.prepare_attendance(meeting_id)
    rows = _rows(book, meeting_id)
    assert people["khoa"] not in rows  # admitted 1 April 2025
    assert people["hai"] not in rows  # attached from 2026
    assert rows[people["em"]][0] is MemberStatus.FULL  # exempt only from 2026


def test_set_attendance_counts_and_quorum(
    book: Book, people: dict[str, str], minutes: MinutesService
):
    meeting_id = _meeting(book)
    minutes.prepare_attendance(meeting_id)
    with pytest.raises(ValidationError) as error:
        minutes.set_attendance(meeting_id, people["cuong"], AttendanceStatus.ABSENT_EXCUSED)
    assert _messages(error) == [("reason", "Absent with a reason: please write the reason.")]

    minutes.set_attendance(meeting_id, people["cuong"], "absent_unexcused")
    counts = minutes.counts(meeting_id)
    assert (counts.full, counts.probationary, counts.present_full, counts.absent_unexcused) == (
        4,
        1,
        3,
        1,
    )
    assert (counts.exempt, counts.away, counts.attached, counts.attached_present) == (1, 1, 1, 1)
    assert counts.rate == 0.8
    assert minutes.quorum(meeting_id).met

    minutes.set_attendance(meeting_id, people["dung"], AttendanceStatus.ABSENT_EXCUSED, "Đi làm")
    check = minutes.quorum(meeting_id)
    assert not check.met
    assert check.message == (
        "Only 2 of 4 full members are present; at least 3 are needed, so the meeting is not valid."
    )
    # Back to present: the reason goes.
    minutes.set_attendance(meeting_id, people["dung"], AttendanceStatus.PRESENT, "Đi làm")
    assert _rows(book, meeting_id)[people["dung"]][1:] == (AttendanceStatus.PRESENT, "")


def test_defaults_come_from_the_committee_and_the_last_meeting(
    book: Book, people: dict[str, str], minutes: MinutesService
):
    _meeting(book, date(2026, 2, 3), place="Nhà văn hóa thôn", start_time=time(19, 30))
    meeting_id = _meeting(book)
    chosen = minutes.defaults(meeting_id)
    assert (chosen.chair_id, chosen.minute_taker_id) == (people["an"], people["binh"])
    assert (chosen.place, chosen.start_time) == ("Nhà văn hóa thôn", time(19, 30))

    minutes.set_minute_taker(meeting_id, people["cuong"])
    minutes.apply_defaults(meeting_id)
    with book.reader() as session:
        meeting = session.get(Meeting, meeting_id)
        assert (meeting.chair_id, meeting.minute_taker_id, meeting.place, meeting.start_time) == (
            people["an"],
            people["cuong"],
            "Nhà văn hóa thôn",
            time(19, 30),
        )
    minutes.set_place(meeting_id, " Hội trường ")
    minutes.set_end_time(meeting_id, time(21, 0))
    with book.reader() as session:
        meeting = session.get(Meeting, meeting_id)
        assert (meeting.place, meeting.end_time) == ("Hội trường", time(21, 0))


def test_guests_keep_their_positions(book: Book, people: dict[str, str], minutes: MinutesService):
    meeting_id = _meeting(book)
    first = minutes.add_guest(meeting_id, " Đồng chí Lan ", "Đảng ủy viên", is_superior=True)
    second = minutes.add_guest(meeting_id, "Ông Tư", "Trưởng thôn")
    third = minutes.add_guest(meeting_id, "Bà Năm")
    minutes.update_guest(third, "Bà Năm", "Chi hội trưởng phụ nữ")
    minutes.remove_guest(second)
    with book.reader() as session:
        guests = session.get(Meeting, meeting_id).guests
        assert [(g.id, g.position, g.name, g.title, g.is_superior) for g in guests] == [
            (first, 1, "Đồng chí Lan", "Đảng ủy viên", True),
            (third, 2, "Bà Năm", "Chi hội trưởng phụ nữ", False),
        ]
    with pytest.raises(ValidationError) as error:
        minutes.add_guest(meeting_id, " ")
    assert [field for field, _ in _messages(error)] == ["name"]


def test_speeches_order_and_speakers_share(
    book: Book, people: dict[str, str], minutes: MinutesService
):
    meeting_id = _meeting(book)
    minutes.prepare_attendance(meeting_id)
    news, tasks = _items(book, meeting_id)
    one = minutes.add_speech(meeting_id, news, people["an"], content="Đồng ý")
    two = minutes.add_speech(meeting_id, news, speaker_name="Đồng chí Lan", content="Lưu ý")
    three = minutes.add_speech(meeting_id, tasks, people["khoa"], content="Xin nhận việc")
    minutes.move_speech(three, 1)
    minutes.update_speech(two, member_id=people["binh"], content="Nhất trí")
    with book.reader() as session:
        speeches = session.get(Meeting, meeting_id).speeches
        assert [(s.id, s.position, s.member_id, s.speaker_name) for s in speeches] == [
            (three, 1, people["khoa"], ""),
            (one, 2, people["an"], ""),
            (two, 3, people["binh"], ""),
        ]
    # 3 of the 5 full and probationary members present spoke.
    assert minutes.speakers_share(meeting_id) == 0.6
    minutes.remove_speech(one)
    assert minutes.speakers_share(meeting_id) == 0.4

    with pytest.raises(ValidationError) as error:
        minutes.add_speech(meeting_id, news, content="Ai nói?")
    assert _messages(error) == [
        ("speaker", "Choose the member who spoke, or write the guest's name.")
    ]
    other = _meeting(book, date(2026, 4, 3))
    with pytest.raises(ValidationError) as error:
        minutes.add_speech(other, news, people["an"], content="Sai mục")
    assert _messages(error) == [("agenda_item", "This part of the agenda is not in this meeting.")]


def test_a_speech_marked_as_recommendation_is_followed_up(
    book: Book, people: dict[str, str], minutes: MinutesService
):
    meeting_id = _meeting(book)
    news, _tasks = _items(book, meeting_id)
    speech = minutes.add_speech(
        meeting_id, news, people["cuong"], content="Đề nghị sửa đường", is_recommendation=True
    )
    with book.reader() as session:
        item = session.scalar(select(Recommendation).where(Recommendation.speech_id == speech))
        assert (item.content, item.raised_by_id, item.raised_on, item.meeting_id) == (
            "Đề nghị sửa đường",
            people["cuong"],
            DAY,
            meeting_id,
        )
        assert session.get(Speech, speech).is_recommendation

    assert minutes.set_recommendation(speech, False) is None
    with book.reader() as session:
        assert session.scalar(select(Recommendation.id)) is None
        assert not session.get(Speech, speech).is_recommendation

    item_id = minutes.set_recommendation(speech, True)
    RecommendationService(book, TODAY).forward(item_id, "Đảng ủy xã An Phú", date(2026, 3, 5))
    with pytest.raises(ValidationError) as error:
        minutes.set_recommendation(speech, False)
    assert _messages(error) == [
        (
            "is_recommendation",
            "This recommendation has already been sent up or answered, so it stays "
            "on the list of recommendations.",
        )
    ]
    with pytest.raises(ValidationError):
        minutes.remove_speech(speech)
    with book.reader() as session:
        assert session.get(Recommendation, item_id).status is RecommendationStatus.FORWARDED

    empty = minutes.add_speech(meeting_id, news, people["an"])
    with pytest.raises(ValidationError) as error:
        minutes.set_recommendation(empty, True)
    assert _messages(error) == [
        ("is_recommendation", "Write what was said before marking it to send up.")
    ]


def test_conclusions_and_tasks(book: Book, people: dict[str, str], minutes: MinutesService):
    meeting_id = _meeting(book)
    news, _tasks = _items(book, meeting_id)
    minutes.set_conclusion(news, " Chi bộ nắm tình hình ")
    first = minutes.add_task(meeting_id, "Sửa đường", people["binh"], due_on=date(2026, 3, 31))
    second = minutes.add_task(meeting_id, "Vận động đóng quỹ", assignee_text="Chi ủy")
    third = minutes.add_task(meeting_id, "Họp dân")
    minutes.update_task(third, "Họp dân cuối tháng", people["cuong"])
    minutes.remove_task(second)
    with book.reader() as session:
        meeting = session.get(Meeting, meeting_id)
        assert meeting.agenda_items[0].conclusion == "Chi bộ nắm tình hình"
        tasks = meeting.resolution.tasks
        assert [(t.id, t.position, t.description, t.assignee_id, t.due_on) for t in tasks] == [
            (first, 1, "Sửa đường", people["binh"], date(2026, 3, 31)),
            (third, 2, "Họp dân cuối tháng", people["cuong"], None),
        ]
    with pytest.raises(ValidationError) as error:
        minutes.add_task(meeting_id, "Cũ", due_on=date(2026, 3, 1))
    assert _messages(error) == [("due_on", "The due date cannot be before the meeting.")]


def test_votes_count_full_members_present(
    book: Book, people: dict[str, str], minutes: MinutesService
):
    meeting_id = _meeting(book)
    minutes.prepare_attendance(meeting_id)
    minutes.set_attendance(meeting_id, people["dung"], AttendanceStatus.ABSENT_UNEXCUSED)
    with pytest.raises(ValidationError) as error:
        minutes.set_votes(meeting_id, 4, 0, 0)
    assert _messages(error) == [
        (
            "votes_for",
            "The votes add up to 4, but only 3 voting members are present. "
            "Only full members vote; probationary members do not.",
        )
    ]
    with pytest.raises(ValidationError) as error:
        minutes.set_votes(meeting_id, 3, -1, 0)
    assert _messages(error) == [("votes_against", "Votes against cannot be negative.")]

    assert minutes.set_votes(meeting_id, 3, 0, 0) == 3
    with book.reader() as session:
        resolution = session.get(Meeting, meeting_id).resolution
        assert (
            resolution.votes_for,
            resolution.votes_against,
            resolution.votes_abstain,
            resolution.voters_present,
        ) == (3, 0, 0, 3)


def _complete(book: Book, people: dict[str, str], minutes: MinutesService) -> str:
    meeting_id = _meeting(book, place="Nhà văn hóa", start_time=time(8, 0))
    minutes.prepare_attendance(meeting_id)
    minutes.apply_defaults(meeting_id)
    for item in _items(book, meeting_id):
        minutes.set_conclusion(item, "Nhất trí")
    news, _tasks = _items(book, meeting_id)
    for key in ("an", "binh", "cuong"):
        minutes.add_speech(meeting_id, news, people[key], content="Nhất trí")
    minutes.add_task(meeting_id, "Sửa đường", people["binh"])
    minutes.set_votes(meeting_id, 4, 0, 0)
    minutes.set_end_time(meeting_id, time(9, 45))
    return meeting_id


def test_completeness_lists_what_is_missing(
    book: Book, people: dict[str, str], minutes: MinutesService
):
    meeting_id = _meeting(book)
    assert minutes.completeness(meeting_id) == [
        "The opening time",
        "The place",
        "The attendance",
        "The chair",
        "The minute-taker",
        "The members' opinions",
        "The chair's conclusion on “Thông tin thời sự”",
        "The chair's conclusion on “Nhiệm vụ tháng tới”",
        "The tasks assigned",
        "The vote",
        "The quality score",
        "The closing time",
    ]
    complete = _complete(book, people, minutes)
    assert minutes.completeness(complete) == ["The quality score"]
    assert minutes.completeness(complete, include_score=False) == []


def test_score_suggestion_and_save(book: Book, people: dict[str, str], minutes: MinutesService):
    meeting_id = _complete(book, people, minutes)
    assert minutes.score_suggestion(meeting_id) == {
        "attendance": "ge90",  # 5 of 5
        "conduct.speaking": "ge50",  # 3 of 5 spoke
        "time.duration": True,  # 105 minutes
        "closing.minutes": True,
    }
    answers = minutes.framework().full_marks()
    answers["results"] = "70_89"
    result = minutes.save_score(meeting_id, answers)
    assert (result.total, result.grade.id) == (90.0, "good")
    with book.reader() as session:
        meeting = session.get(Meeting, meeting_id)
        assert (meeting.score, meeting.grade) == (90.0, "good")
    assert minutes.saved_answers(meeting_id) == answers
    assert minutes.completeness(meeting_id) == []

    with pytest.raises(ValidationError) as error:
        minutes.save_score(meeting_id, {"attendance": "all"})
    assert [field for field, _ in _messages(error)] == ["attendance"]


def test_mark_held_needs_the_minutes_and_the_quorum(
    book: Book, people: dict[str, str], minutes: MinutesService
):
    meeting_id = _meeting(book)
    with pytest.raises(ValidationError) as error:
        minutes.mark_held(meeting_id)
    assert _messages(error) == [
        ("attendance", "Take the attendance first."),
        ("start_time", "Enter the opening time."),
        ("end_time", "Enter the closing time."),
        ("chair", "Choose who chaired the meeting."),
        ("minute_taker", "Choose who took the minutes."),
    ]
    minutes.prepare_attendance(meeting_id)
    minutes.apply_defaults(meeting_id)
    minutes.set_start_time(meeting_id, time(8, 0))
    minutes.set_end_time(meeting_id, time(9, 0))
    for key in ("cuong", "dung"):
        minutes.set_attendance(meeting_id, people[key], AttendanceStatus.ABSENT_UNEXCUSED)
    with pytest.raises(ValidationError) as error:
        minutes.mark_held(meeting_id)
    assert _messages(error) == [
        (
            "attendance",
            "Only 2 of 4 full members are present; at least 3 are needed, "
            "so the meeting is not valid.",
        )
    ]
    minutes.set_attendance(meeting_id, people["dung"], AttendanceStatus.PRESENT)
    assert minutes.mark_held(meeting_id) == ["60 minutes is shorter than the 90 minutes required."]
    with book.reader() as session:
        meeting = session.get(Meeting, meeting_id)
        assert (meeting.state, meeting.held_on) == (MeetingState.HELD, DAY)
    with pytest.raises(ValidationError) as error:
        minutes.mark_held(meeting_id)
    assert _messages(error) == [("state", "This meeting is already marked as held.")]


def test_adopted_minutes_are_refused_plainly(
    book: Book, people: dict[str, str], minutes: MinutesService
):
    meeting_id = _meeting(book)
    minutes.prepare_attendance(meeting_id)
    speech = minutes.add_speech(meeting_id, None, people["an"], content="Nhất trí")
    guest = minutes.add_guest(meeting_id, "Đồng chí Lan")
    task = minutes.add_task(meeting_id, "Sửa đường")
    with book.session() as session:
        session.get(Meeting, meeting_id).state = MeetingState.ADOPTED
    message = (
        "These minutes have been adopted and can no longer be changed here. "
        "To correct them, record an amendment with its reason."
    )
    calls = [
        lambda: minutes.prepare_attendance(meeting_id),
        lambda: minutes.set_attendance(meeting_id, people["an"], AttendanceStatus.PRESENT),
        lambda: minutes.set_place(meeting_id, "Khác"),
        lambda: minutes.set_chair(meeting_id, people["binh"]),
        lambda: minutes.add_guest(meeting_id, "Ông Tư"),
        lambda: minutes.remove_guest(guest),
        lambda: minutes.add_speech(meeting_id, None, people["an"], content="Thêm"),
        lambda: minutes.update_speech(speech, content="Sửa"),
        lambda: minutes.remove_speech(speech),
        lambda: minutes.set_recommendation(speech, True),
        lambda: minutes.update_task(task, "Sửa"),
        lambda: minutes.set_votes(meeting_id, 1, 0, 0),
        lambda: minutes.save_score(meeting_id, {}),
        lambda: minutes.mark_held(meeting_id),
    ]
    for call in calls:
        with pytest.raises(ValidationError) as error:
            call()
        assert str(error.value) == message
        assert not isinstance(error.value, LockedRecordError)


def test_a_speech_survives_a_crash(book: Book, people: dict[str, str], tmp_path: Path):
    meeting_id = _meeting(book)
    item = _items(book, meeting_id)[0]
    path = book.path
    book.close(backup=False)
    script = textwrap.dedent(
        f"""
        import os
        from datetime import date
        from desktop.services.book import Book
        from desktop.services.minutes import MinutesService

        book = Book.open({str(path)!r}, device_id="crash", backup_folder=None)
        MinutesService(book, date(2026, 6, 1)).add_speech(
            {meeting_id!r}, {item!r}, {people["an"]!r}, content="Ý kiến trước khi mất điện"
        )
        os._exit(1)
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=Path(__file__).resolve().parents[2],
        env={**os.environ},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1, done.stderr
    reopened = Book.open(path, device_id="test-device", backup_folder=tmp_path / "backups")
    try:
        with reopened.reader() as session:
            speeches = session.scalars(select(Speech).where(Speech.meeting_id == meeting_id))
            assert [(s.member_id, s.content) for s in speeches] == [
                (people["an"], "Ý kiến trước khi mất điện")
            ]
    finally:
        reopened.close(backup=False)
