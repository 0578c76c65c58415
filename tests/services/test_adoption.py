"""Adopted minutes do not change silently: fingerprint, lock and recorded amendments."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from datetime import UTC, date, datetime, time
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop.data import schema
from desktop.data.enums import (
    AttendanceStatus,
    MeetingKind,
    MeetingState,
    MemberStatus,
    Sex,
    TaskResult,
)
from desktop.data.models import (
    AgendaItem,
    Attendance,
    Meeting,
    MeetingAmendment,
    MeetingGuest,
    Member,
    Resolution,
    ResolutionTask,
    Speech,
)
from desktop.data.stamping import LockedRecordError
from desktop.services.adoption import (
    AdoptionService,
    FieldChange,
    content_hash,
    fingerprint_text,
)
from desktop.services.book import Book, NewBookDetails
from desktop.services.validation import ValidationError

ADOPTED_AT = datetime(2026, 12, 3, 4, 0, tzinfo=UTC)


def _members(session) -> list[Member]:
    members = [
        Member(full_name="Nguyễn Văn An", sex=Sex.MALE, status=MemberStatus.FULL),
        Member(full_name="Trần Thị Bình", sex=Sex.FEMALE, status=MemberStatus.FULL),
        Member(full_name="Lê Văn Cường", sex=Sex.MALE, status=MemberStatus.PROBATIONARY),
    ]
    session.add_all(members)
    session.flush()
    return members


def _held_meeting(book: Book, *, reverse: bool = False, member_ids: list[str] | None = None) -> str:
    """A held regular meeting with every part the minutes have; `reverse`
    builds the same minutes with every list in the opposite order."""
    with book.session() as session:
        if member_ids:
            people = [session.get(Member, member_id) for member_id in member_ids]
        else:
            people = _members(session)
        meeting = Meeting(
            kind=MeetingKind.REGULAR,
            state=MeetingState.HELD,
            title="Sinh hoạt chi bộ tháng 12/2026",
            scheduled_on=date(2026, 12, 3),
            held_on=date(2026, 12, 3),
            start_time=time(8, 0),
            end_time=time(10, 15),
            place="Nhà văn hóa thôn",
            chair_id=people[0].id,
            minute_taker_id=people[1].id,
            score=88.5,
            grade="good",
        )
        agenda = [
            AgendaItem(position=1, title="Thông tin thời sự", presenter_id=people[0].id),
            AgendaItem(position=2, title="Kiểm điểm nghị quyết", conclusion="Đạt"),
        ]
        attendance = [
            Attendance(
                member_id=p.id,
                member_status=p.status,
                status=AttendanceStatus.PRESENT if i < 2 else AttendanceStatus.ABSENT_EXCUSED,
                reason="" if i < 2 else "Ốm",
            )
            for i, p in enumerate(people)
        ]
        speeches = [
            Speech(position=1, member_id=people[1].id, content="Đề nghị sửa đường"),
            Speech(position=2, speaker_name="Khách", content="Nhất trí", is_recommendation=False),
        ]
        guests = [MeetingGuest(position=1, name="Trần Văn Thành", is_superior=True)]
        if reverse:
            agenda.reverse()
            attendance.reverse()
            speeches.reverse()
        meeting.agenda_items = agenda
        meeting.attendance = attendance
        meeting.guests = guests
        meeting.speeches = speeches
        resolution = Resolution(
            title="Nghị quyết tháng 12/2026",
            evaluation="Hoàn thành",
            directions="Tiếp tục",
            votes_for=2,
            votes_against=0,
            votes_abstain=0,
            voters_present=2,
        )
        tasks = [
            ResolutionTask(position=1, description="Thu đảng phí", assignee_id=people[1].id),
            ResolutionTask(position=2, description="Dọn vệ sinh", due_on=date(2026, 12, 31)),
        ]
        if reverse:
            tasks.reverse()
        resolution.tasks = tasks
        meeting.resolution = resolution
        session.add(meeting)
        session.flush()
        first_item = next(item for item in agenda if item.position == 1)
        next(s for s in speeches if s.position == 1).agenda_item_id = first_item.id
        return meeting.id


def _hash(book: Book, meeting_id: str) -> str:
    with book.reader() as session:
        return content_hash(session, session.get(Meeting, meeting_id))


def _one(book: Book, model, meeting_id: str):
    with book.reader() as session:
        if model is ResolutionTask:
            return session.scalars(
                select(ResolutionTask)
                .join(Resolution)
                .where(Resolution.meeting_id == meeting_id)
                .order_by(ResolutionTask.position)
            ).first()
        return session.scalars(
            select(model).where(model.meeting_id == meeting_id).order_by(model.id)
        ).first()


def test_hash_is_stable_across_reopen_and_insertion_order(book: Book):
    first = _held_meeting(book)
    digest = _hash(book, first)
    assert len(digest) == 64
    with book.reader() as session:
        names = {"Nguyễn Văn An": 0, "Trần Thị Bình": 1, "Lê Văn Cường": 2}
        people = sorted(session.scalars(select(Member)), key=lambda m: names[m.full_name])
    second = _held_meeting(book, reverse=True, member_ids=[m.id for m in people])
    assert second != first
    assert _hash(book, second) == digest

    book.close(backup=False)
    reopened = Book.open(book.path, device_id="other")
    try:
        assert _hash(reopened, first) == digest
    finally:
        reopened.close(backup=False)


@pytest.mark.parametrize(
    ("model", "field", "value"),
    [
        (Meeting, "title", "Khác"),
        (Meeting, "place", "Trụ sở"),
        (Meeting, "end_time", time(11, 0)),
        (Meeting, "score", 70.0),
        (Meeting, "notes", "Ghi chú"),
        (AgendaItem, "conclusion", "Không đạt"),
        (Attendance, "status", AttendanceStatus.ABSENT_UNEXCUSED),
        (Attendance, "reason", "Đi vắng"),
        (MeetingGuest, "title", "Đảng ủy viên"),
        (Speech, "content", "Ý kiến khác"),
        (Speech, "is_recommendation", True),
        (Resolution, "votes_against", 1),
        (Resolution, "directions", "Khác"),
        (ResolutionTask, "description", "Khác"),
        (ResolutionTask, "due_on", date(2027, 1, 15)),
    ],
)
def test_any_change_of_the_minutes_changes_the_hash(book: Book, model, field, value):
    meeting_id = _held_meeting(book)
    before = _hash(book, meeting_id)
    record = _one(book, model, meeting_id) if model is not Meeting else None
    with book.session() as session:
        obj = session.get(model, record.id if record else meeting_id)
        setattr(obj, field, value)
    assert _hash(book, meeting_id) != before


def test_adopt_refuses_a_draft_and_a_resolution_without_votes(book: Book):
    with book.session() as session:
        draft = Meeting(kind=MeetingKind.REGULAR, scheduled_on=date(2026, 12, 3))
        session.add(draft)
    with pytest.raises(ValidationError) as raised:
        AdoptionService(book).adopt(draft.id)
    assert raised.value.for_field("state")

    meeting_id = _held_meeting(book)
    with book.session() as session:
        session.scalars(select(Resolution)).one().votes_for = None
    with pytest.raises(ValidationError) as raised:
        AdoptionService(book).adopt(meeting_id)
    assert raised.value.for_field("votes_for")
    with book.reader() as session:
        assert session.get(Meeting, meeting_id).state is MeetingState.HELD


def test_adopt_records_moment_and_fingerprint(book: Book):
    meeting_id = _held_meeting(book)
    service = AdoptionService(book)
    digest = service.adopt(meeting_id, at=ADOPTED_AT)
    with book.reader() as session:
        meeting = session.get(Meeting, meeting_id)
        assert meeting.state is MeetingState.ADOPTED
        assert meeting.adopted_at == ADOPTED_AT
        assert meeting.content_hash == digest
        assert meeting.resolution.adopted_at == ADOPTED_AT
    assert service.verify(meeting_id) is True
    assert fingerprint_text(digest) == f"{digest[:4].upper()}-{digest[4:8].upper()}"


def _edit_speech(session, meeting_id):
    session.scalars(select(Speech).where(Speech.meeting_id == meeting_id)).first().content = "X"


def _edit_attendance(session, meeting_id):
    row = session.scalars(select(Attendance).where(Attendance.meeting_id == meeting_id)).first()
    row.status = AttendanceStatus.ABSENT_UNEXCUSED


def _edit_meeting(session, meeting_id):
    session.get(Meeting, meeting_id).place = "Nơi khác"


def _reopen_meeting(session, meeting_id):
    session.get(Meeting, meeting_id).state = MeetingState.HELD


def _edit_task(session, meeting_id):
    session.scalars(select(ResolutionTask)).first().description = "Khác"


def _edit_votes(session, meeting_id):
    session.scalars(select(Resolution)).one().votes_for = 1


def _add_speech(session, meeting_id):
    session.add(Speech(meeting_id=meeting_id, position=9, content="Thêm vào sau"))


def _delete_guest(session, meeting_id):
    session.delete(session.scalars(select(MeetingGuest)).one())


def _delete_meeting(session, meeting_id):
    session.delete(session.get(Meeting, meeting_id))


@pytest.mark.parametrize(
    "edit",
    [
        _edit_speech,
        _edit_attendance,
        _edit_meeting,
        _reopen_meeting,
        _edit_task,
        _edit_votes,
        _add_speech,
        _delete_guest,
        _delete_meeting,
    ],
)
def test_direct_edits_of_adopted_minutes_are_refused(book: Book, edit):
    meeting_id = _held_meeting(book)
    service = AdoptionService(book)
    service.adopt(meeting_id, at=ADOPTED_AT)
    counter = book.change_counter()
    with pytest.raises(LockedRecordError) as raised, book.session() as session:
        edit(session, meeting_id)
    assert "amendment" in str(raised.value) or "sửa" in str(raised.value)
    assert book.change_counter() == counter
    assert service.verify(meeting_id) is True
    with book.reader() as session:
        assert session.get(Meeting, meeting_id).state is MeetingState.ADOPTED


def test_task_result_stays_editable_after_adoption(book: Book):
    meeting_id = _held_meeting(book)
    service = AdoptionService(book)
    service.adopt(meeting_id, at=ADOPTED_AT)
    with book.session() as session:
        task = session.scalars(select(ResolutionTask).order_by(ResolutionTask.position)).first()
        task.result = TaskResult.DONE
        task.result_note = "Thu đủ"
    with book.reader() as session:
        assert session.get(ResolutionTask, task.id).result is TaskResult.DONE
    assert service.verify(meeting_id) is True


def test_amend_records_the_change_and_a_new_fingerprint(book: Book):
    meeting_id = _held_meeting(book)
    service = AdoptionService(book)
    adopted = service.adopt(meeting_id, at=ADOPTED_AT)
    speech = _one(book, Speech, meeting_id)
    at = datetime(2026, 12, 10, 2, 0, tzinfo=UTC)
    amendment_id = service.amend(
        meeting_id,
        [
            FieldChange("speech", speech.id, "content", "Đề nghị làm lại cống"),
            FieldChange("meeting", meeting_id, "end_time", "10:30:00"),
        ],
        reason="Ghi nhầm ý kiến",
        author="Nguyễn Văn An",
        at=at,
    )
    with book.reader() as session:
        meeting = session.get(Meeting, meeting_id)
        amendment = session.get(MeetingAmendment, amendment_id)
        assert [a.id for a in meeting.amendments] == [amendment_id]
        assert session.get(Speech, speech.id).content == "Đề nghị làm lại cống"
        assert meeting.end_time == time(10, 30)
        assert meeting.state is MeetingState.ADOPTED
    assert amendment.made_at == at
    assert amendment.reason == "Ghi nhầm ý kiến"
    assert amendment.author == "Nguyễn Văn An"
    assert amendment.hash_before == adopted
    assert amendment.hash_after == meeting.content_hash != adopted
    assert json.loads(amendment.changes) == [
        {
            "table": "speech",
            "record_id": speech.id,
            "field": "content",
            "before": speech.content,
            "after": "Đề nghị làm lại cống",
        },
        {
            "table": "meeting",
            "record_id": meeting_id,
            "field": "end_time",
            "before": "10:15:00",
            "after": "10:30:00",
        },
    ]
    assert service.verify(meeting_id) is True


def test_amend_needs_reason_author_and_an_adopted_meeting(book: Book):
    meeting_id = _held_meeting(book)
    service = AdoptionService(book)
    change = [FieldChange("meeting", meeting_id, "place", "Trụ sở")]
    with pytest.raises(ValidationError) as raised:
        service.amend(meeting_id, change, reason="Sửa", author="An")
    assert raised.value.for_field("state")
    service.adopt(meeting_id, at=ADOPTED_AT)
    with pytest.raises(ValidationError) as raised:
        service.amend(meeting_id, change, reason=" ", author="")
    assert raised.value.for_field("reason") and raised.value.for_field("author")
    with pytest.raises(ValidationError):
        service.amend(
            meeting_id,
            [FieldChange("meeting", meeting_id, "content_hash", "0" * 64)],
            reason="Sửa",
            author="An",
        )
    with book.reader() as session:
        assert session.get(Meeting, meeting_id).place == "Nhà văn hóa thôn"
        assert session.scalars(select(MeetingAmendment)).all() == []
    assert service.verify(meeting_id) is True


def test_verify_detects_a_change_written_behind_the_app(book: Book):
    meeting_id = _held_meeting(book)
    service = AdoptionService(book)
    service.adopt(meeting_id, at=ADOPTED_AT)
    book.close(backup=False)
    with closing(sqlite3.connect(book.path)) as connection:
        connection.execute("UPDATE speech SET content = 'khác' WHERE meeting_id = ?", (meeting_id,))
        connection.commit()
    reopened = Book.open(book.path, device_id="test-device")
    try:
        assert AdoptionService(reopened).verify(meeting_id) is False
    finally:
        reopened.close(backup=False)


def test_verify_of_a_meeting_without_fingerprint_is_false(book: Book):
    with book.session() as session:
        meeting = Meeting(
            kind=MeetingKind.REGULAR, state=MeetingState.ADOPTED, scheduled_on=date(2026, 1, 3)
        )
        session.add(meeting)
    assert AdoptionService(book).verify(meeting.id) is False
    assert AdoptionService(book).verify("no-such-meeting") is False


def test_migration_to_0004_keeps_an_adopted_meeting(tmp_path: Path):
    path = tmp_path / "old.cellbook"
    monkey = pytest.MonkeyPatch()
    monkey.setattr(schema, "run_migrations", _run_until("0003"))
    monkey.setattr(schema, "SCHEMA_VERSION", 3)
    try:
        old = Book.create(path, NewBookDetails(cell_name="An Hòa", commune_name="An Phú"))
        old.close(backup=False)
    finally:
        monkey.undo()
    with closing(sqlite3.connect(path)) as connection:
        org = connection.execute("SELECT id FROM organisation").fetchone()[0]
        stamps = "'2025-01-01T00:00:00.000000+00:00', '2025-01-01T00:00:00.000000+00:00', '', 1"
        connection.execute(
            "INSERT INTO meeting (id, org_id, created_at, updated_at, updated_on, change_seq, "
            "kind, state, title, topic, scheduled_on, place, grade, superior_remarks, notes) "
            f"VALUES ('m1', ?, {stamps}, 'regular', 'adopted', 'Tháng 1', '', '2026-01-03', "
            "'Nhà văn hóa', '', '', '')",
            (org,),
        )
        connection.execute(
            "INSERT INTO speech (id, org_id, created_at, updated_at, updated_on, change_seq, "
            "meeting_id, speaker_name, position, content, is_recommendation) "
            f"VALUES ('s1', ?, {stamps}, 'm1', 'Khách', 1, 'Nhất trí', 0)",
            (org,),
        )
        connection.commit()
        assert connection.execute("PRAGMA user_version").fetchone()[0] == 3

    upgraded = Book.open(path, backup_folder=tmp_path / "backups")
    try:
        with upgraded.reader() as session:
            meeting = session.get(Meeting, "m1")
            assert meeting.state is MeetingState.ADOPTED
            assert meeting.title == "Tháng 1"
            assert meeting.adopted_at is None
            assert meeting.content_hash == ""
            assert [s.content for s in meeting.speeches] == ["Nhất trí"]
            assert meeting.amendments == []
        service = AdoptionService(upgraded)
        assert service.verify("m1") is False
        with pytest.raises(LockedRecordError), upgraded.session() as session:
            session.get(Speech, "s1").content = "Khác"
    finally:
        upgraded.close(backup=False)
    assert schema.probe(path) == schema.SCHEMA_VERSION


def _run_until(revision: str):
    original = schema.run_migrations

    def run(path: Path, _head: str) -> None:
        original(path, revision)

    return run


def test_demo_book_adopted_meetings_carry_a_fingerprint_that_verifies(tmp_path: Path):
    from desktop.demo import generate_demo_book

    demo = generate_demo_book(tmp_path / "demo.cellbook", until=date(2026, 6, 2))
    try:
        with demo.reader() as session:
            adopted = session.scalars(
                select(Meeting).where(Meeting.state == MeetingState.ADOPTED)
            ).all()
            assert adopted and all(meeting.content_hash for meeting in adopted)
        service = AdoptionService(demo)
        assert all(service.verify(meeting.id) for meeting in adopted)
    finally:
        demo.close(backup=False)
