"""Preparing a meeting: order of business, shared-out parts, checklist, draft resolution."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop.data import schema
from desktop.data.enums import CommitteePostKind as Post
from desktop.data.enums import MeetingKind, MeetingState, MemberStatus, Sex, TaskResult
from desktop.data.models import AgendaItem, Meeting, Member, Resolution, ResolutionTask
from desktop.services.book import Book, NewBookDetails
from desktop.services.committee import CommitteeService
from desktop.services.preparation import CHECKS, PreparationService
from desktop.services.validation import ValidationError

TODAY = date(2026, 3, 1)


def _people(book: Book) -> dict[str, str]:
    names = {
        "an": "Nguyễn Văn An",
        "binh": "Trần Thị Bình",
        "cuong": "Lê Văn Cường",
        "dung": "Phạm Thị Dung",
        "em": "Hoàng Văn Em",
    }
    with book.session() as session:
        members = {
            key: Member(full_name=name, sex=Sex.MALE, status=MemberStatus.FULL)
            for key, name in names.items()
        }
        session.add_all(members.values())
        session.flush()
        ids = {key: member.id for key, member in members.items()}
    committee = CommitteeService(book, TODAY)
    committee.assign(ids["an"], Post.SECRETARY, date(2025, 1, 5))
    committee.assign(ids["binh"], Post.DEPUTY_SECRETARY, date(2025, 1, 5))
    committee.assign(ids["cuong"], Post.COMMITTEE_MEMBER, date(2025, 1, 5))
    committee.assign(ids["dung"], Post.COMMITTEE_MEMBER, date(2025, 1, 5))
    return ids


def _meeting(book: Book, kind=MeetingKind.REGULAR, day=date(2026, 3, 3), **values) -> str:
    with book.session() as session:
        meeting = Meeting(kind=kind, scheduled_on=day, **values)
        session.add(meeting)
        session.flush()
        return meeting.id


def _agenda(book: Book, meeting_id: str) -> list[AgendaItem]:
    with book.reader() as session:
        return list(
            session.scalars(
                select(AgendaItem)
                .where(AgendaItem.meeting_id == meeting_id)
                .order_by(AgendaItem.position)
            )
        )


def test_start_builds_the_order_of_business_with_default_presenters(book: Book):
    ids = _people(book)
    meeting_id = _meeting(book, minute_taker_id=None)
    service = PreparationService(book, TODAY)
    item_ids = service.start(meeting_id)
    items = _agenda(book, meeting_id)
    assert [item.id for item in items] == item_ids
    assert [item.position for item in items] == list(range(1, len(items) + 1))
    by_title = {item.title: item.presenter_id for item in items}
    assert items[0].title == "Thu đảng phí"
    assert by_title["Thông qua chương trình sinh hoạt"] == ids["an"]
    assert by_title["Thông tin thời sự, chủ trương, chính sách mới"] == ids["binh"]
    assert by_title["Ý kiến, kiến nghị của đảng viên và nhân dân"] is None
    committee_parts = {
        by_title["Thu đảng phí"],
        by_title["Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh"],
    }
    assert committee_parts == {ids["cuong"], ids["dung"]}  # shared round, not all to one
    assert items[-1].title == "Thông qua biên bản sinh hoạt"
    # A meeting with an agenda keeps it.
    assert service.start(meeting_id) == item_ids
    assert len(_agenda(book, meeting_id)) == len(items)


@pytest.mark.parametrize(
    ("kind", "count", "first"),
    [
        (MeetingKind.THEMATIC, 12, "Thu đảng phí"),
        (MeetingKind.EXTRAORDINARY, 8, "Báo cáo số lượng đảng viên dự sinh hoạt"),
        (MeetingKind.COMMITTEE, 5, "Đánh giá tình hình, nhiệm vụ tháng trước"),
    ],
)
def test_start_follows_the_template_of_each_kind(book: Book, kind, count, first):
    meeting_id = _meeting(book, kind=kind, topic="Chuyển đổi số")
    PreparationService(book, TODAY).start(meeting_id)
    items = _agenda(book, meeting_id)
    assert len(items) == count
    assert items[0].title == first
    assert all(item.presenter_id is None for item in items)  # no committee yet


def test_secretary_share_falls_as_parts_are_given_to_others(book: Book):
    ids = _people(book)
    meeting_id = _meeting(book)
    service = PreparationService(book, TODAY)
    service.start(meeting_id)
    items = _agenda(book, meeting_id)
    before = service.readiness(meeting_id)
    assert before.parts_total == len(items)
    assert before.parts_ready == 0
    assert before.presenters_by_member["Nguyễn Văn An"] == before.secretary_share * len(items)
    secretary_items = [item for item in items if item.presenter_id == ids["an"]]
    service.assign(secretary_items[0].id, ids["em"])
    service.assign(secretary_items[1].id, ids["binh"])
    after = service.readiness(meeting_id)
    assert after.secretary_share < before.secretary_share
    assert after.presenters_by_member["Hoàng Văn Em"] == 1
    service.set_ready(secretary_items[0].id, True)
    assert service.readiness(meeting_id).parts_ready == 1
    service.assign(secretary_items[0].id, ids["dung"])  # a new presenter starts again
    assert service.readiness(meeting_id).parts_ready == 0


def test_assignment_is_validated(book: Book):
    ids = _people(book)
    meeting_id = _meeting(book)
    service = PreparationService(book, TODAY)
    service.start(meeting_id)
    item = next(i for i in _agenda(book, meeting_id) if i.presenter_id is None)  # "any"
    with pytest.raises(ValidationError):
        service.set_ready(item.id, True)
    with pytest.raises(ValidationError):
        service.assign(item.id, "no-such-member")
    with book.session() as session:
        session.get(Member, ids["em"]).status = MemberStatus.TRANSFERRED
    with pytest.raises(ValidationError):
        service.assign(item.id, ids["em"])


def test_agenda_is_editable_and_positions_stay_contiguous(book: Book):
    meeting_id = _meeting(book)
    service = PreparationService(book, TODAY)
    service.start(meeting_id)
    total = len(_agenda(book, meeting_id))
    added = service.add_item(meeting_id, "  Công tác phòng chống thiên tai ", position=6)
    items = _agenda(book, meeting_id)
    assert items[5].id == added and items[5].title == "Công tác phòng chống thiên tai"
    service.move_item(added, 1)
    service.move_item(items[0].id, 99)
    items = _agenda(book, meeting_id)
    assert items[0].id == added
    assert items[-1].title == "Thu đảng phí"
    service.remove_item(items[3].id)
    items = _agenda(book, meeting_id)
    assert [item.position for item in items] == list(range(1, total + 1))
    with pytest.raises(ValidationError):
        service.add_item(meeting_id, "   ")


def test_checklist_and_mark_prepared(book: Book):
    meeting_id = _meeting(book)
    service = PreparationService(book, TODAY)
    assert [check.done for check in service.checklist(meeting_id)] == [False] * 4
    with pytest.raises(ValidationError) as refused:
        service.mark_prepared(meeting_id)
    assert len(refused.value.errors) == 1 + 1 + len(CHECKS)  # heading, no agenda, four checks
    service.start(meeting_id)
    for name in list(CHECKS)[:3]:
        service.set_check(meeting_id, name, True)
    readiness = service.readiness(meeting_id)
    assert (readiness.checklist_done, readiness.checklist_total) == (3, 4)
    assert len(readiness.missing) == 1
    with pytest.raises(ValidationError):
        service.mark_prepared(meeting_id)
    with pytest.raises(ValidationError):
        service.set_check(meeting_id, "nonsense", True)
    service.set_check(meeting_id, "draft_ready", True)
    service.mark_prepared(meeting_id)
    with book.reader() as session:
        assert session.get(Meeting, meeting_id).state is MeetingState.PREPARED
    with pytest.raises(ValidationError):
        service.mark_prepared(meeting_id)  # only drafts


def test_adopted_meetings_are_refused(book: Book):
    meeting_id = _meeting(book)
    service = PreparationService(book, TODAY)
    service.start(meeting_id)
    item_id = _agenda(book, meeting_id)[0].id
    with book.session() as session:
        session.get(Meeting, meeting_id).state = MeetingState.ADOPTED
    for attempt in (
        lambda: service.set_check(meeting_id, "notice_sent", True),
        lambda: service.set_ready(item_id, False),
        lambda: service.add_item(meeting_id, "Thêm"),
        lambda: service.remove_item(item_id),
        lambda: service.draft_resolution(meeting_id),
        lambda: service.mark_prepared(meeting_id),
    ):
        with pytest.raises(ValidationError, match="."):
            attempt()


def test_draft_resolution_carries_unfinished_tasks_only(book: Book):
    ids = _people(book)
    last = _meeting(book, day=date(2026, 2, 3))
    older = _meeting(book, day=date(2026, 1, 3))
    with book.session() as session:
        for meeting_id, results in (
            (older, [TaskResult.NOT_DONE]),
            (last, [TaskResult.DONE, TaskResult.PARTLY, TaskResult.PENDING, TaskResult.NOT_DONE]),
        ):
            resolution = Resolution(meeting_id=meeting_id, title="Cũ")
            for position, result in enumerate(results, start=1):
                resolution.tasks.append(
                    ResolutionTask(
                        position=position,
                        description=f"Việc {meeting_id == last} {result.value}",
                        assignee_id=ids["cuong"],
                        assignee_text="Chi ủy" if result is TaskResult.PARTLY else "",
                        due_on=date(2026, 2, 28),
                        result=result,
                    )
                )
            session.add(resolution)
    with book.session() as session:
        session.get(Meeting, last).state = MeetingState.ADOPTED  # read, never changed
    this = _meeting(book, day=date(2026, 3, 3))
    service = PreparationService(book, TODAY)
    resolution_id = service.draft_resolution(this)
    assert service.draft_resolution(this) == resolution_id
    with book.reader() as session:
        resolution = session.get(Resolution, resolution_id)
        assert resolution.meeting_id == this
        assert resolution.title == "Nghị quyết chi bộ tháng 03/2026"
        tasks = [
            (t.position, t.description, t.assignee_id, t.assignee_text, t.due_on, t.result)
            for t in resolution.tasks
        ]
    assert tasks == [
        (1, "Việc True partly", ids["cuong"], "Chi ủy", date(2026, 3, 31), TaskResult.PENDING),
        (2, "Việc True pending", ids["cuong"], "", date(2026, 3, 31), TaskResult.PENDING),
        (3, "Việc True not_done", ids["cuong"], "", date(2026, 3, 31), TaskResult.PENDING),
    ]


def test_topics_used_this_year_and_by_whom(book: Book):
    ids = _people(book)
    service = PreparationService(book, TODAY)
    chosen = _meeting(book, kind=MeetingKind.THEMATIC, day=date(2026, 2, 10), topic="x")
    service.choose_topic(chosen, "digital-transformation")
    service.start(chosen)
    typed = _meeting(
        book, kind=MeetingKind.THEMATIC, day=date(2026, 5, 10), topic="  xây dựng NÔNG THÔN mới"
    )
    _meeting(book, kind=MeetingKind.THEMATIC, day=date(2025, 5, 10), topic="Xây dựng nông thôn mới")
    with book.session() as session:
        session.add(
            AgendaItem(meeting_id=typed, position=1, title="Báo cáo", presenter_id=ids["em"])
        )
    uses = {use.topic.id: use for use in service.topics(2026)}
    assert uses["digital-transformation"].used_on == [date(2026, 2, 10)]
    assert "Phạm Thị Dung" in uses["digital-transformation"].presenters
    assert uses["new-rural-development"].used_on == [date(2026, 5, 10)]
    assert uses["new-rural-development"].presenters == ["Hoàng Văn Em"]
    assert uses["poverty-reduction"].used_on == []
    with book.reader() as session:
        meeting = session.get(Meeting, chosen)
        assert meeting.topic.startswith("Chuyển đổi số")
    with pytest.raises(ValidationError):
        service.choose_topic(chosen, "no-such-topic")
    with pytest.raises(ValidationError):
        service.choose_topic(_meeting(book), "digital-transformation")


def test_upgrading_a_schema_4_book_keeps_its_meetings(tmp_path: Path):
    path = tmp_path / "old.cellbook"
    original = schema.run_migrations
    monkey = pytest.MonkeyPatch()
    monkey.setattr(schema, "run_migrations", lambda p, _head: original(p, "0004"))
    monkey.setattr(schema, "SCHEMA_VERSION", 4)
    try:
        old = Book.create(path, NewBookDetails(cell_name="An Hòa", commune_name="An Phú"))
        old.close(backup=False)
    finally:
        monkey.undo()
    with closing(sqlite3.connect(path)) as connection:
        assert connection.execute("PRAGMA user_version").fetchone()[0] == 4
        org = connection.execute("SELECT id FROM organisation").fetchone()[0]
        connection.execute(
            "INSERT INTO meeting (id, org_id, created_at, updated_at, updated_on, change_seq, "
            "kind, state, title, topic, scheduled_on, place, grade, superior_remarks, notes, "
            "content_hash) VALUES ('m1', ?, '2026-02-03T00:00:00+00:00', "
            "'2026-02-03T00:00:00+00:00', '', 1, 'thematic', 'held', '', 'Chuyển đổi số', "
            "'2026-02-03', '', '', '', '', '')",
            (org,),
        )
        connection.execute(
            "INSERT INTO agenda_item (id, org_id, created_at, updated_at, updated_on, "
            "change_seq, meeting_id, position, title, ready, conclusion) VALUES ('a1', ?, "
            "'2026-02-03T00:00:00+00:00', '2026-02-03T00:00:00+00:00', '', 2, 'm1', 1, "
            "'Báo cáo chuyên đề', 1, '')",
            (org,),
        )
        connection.commit()

    upgraded = Book.open(path, backup_folder=tmp_path / "backups")
    try:
        with upgraded.reader() as session:
            meeting = session.get(Meeting, "m1")
            assert (meeting.state, meeting.topic) == (MeetingState.HELD, "Chuyển đổi số")
            assert not any(getattr(meeting, name) for name in CHECKS)
            assert (meeting.topic_id, meeting.prepared_note) == ("", "")
            assert [item.title for item in meeting.agenda_items] == ["Báo cáo chuyên đề"]
    finally:
        upgraded.close(backup=False)
    assert schema.probe(path) == schema.SCHEMA_VERSION
