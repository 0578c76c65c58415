"""The demo book: deterministic, and true to a village cell's life."""

from __future__ import annotations

import sqlite3
import unicodedata
from collections import Counter
from collections.abc import Iterator
from contextlib import closing, contextmanager
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop.data.enums import (
    AttendanceStatus,
    DocumentType,
    MeetingKind,
    MeetingState,
    MemberStatus,
    RecommendationStatus,
    TaskResult,
)
from desktop.data.enums import MemberEventKind as Kind
from desktop.data.errors import BookFileError
from desktop.data.models import (
    Attendance,
    CommitteeTerm,
    DocumentRecord,
    DuesPayment,
    Meeting,
    Member,
    MemberEvent,
    Recommendation,
    Resolution,
    ResolutionTask,
    Speech,
)
from desktop.data.text import fold
from desktop.demo import generate_demo_book
from desktop.services.book import Book
from desktop.services.dues import DuesService, DuesStatus
from desktop.services.member_status import derive_status
from desktop.services.party_calendar import add_months, probation_ends
from desktop.services.recommendations import RecommendationService
from desktop.services.reminders import ReminderKind, reminders
from desktop.services.search import search_book

UNTIL = date(
    2026, 6, 2
)  # the book ends with May 2026 (June's meeting is on the 3rd) and spans both committee terms


@pytest.fixture(autouse=True)
def _cellbook_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CELLBOOK_HOME", str(tmp_path / "home"))


@pytest.fixture(scope="module")
def books(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Two books with the same seed and one with another seed."""
    folder = tmp_path_factory.mktemp("demo")
    paths = {}
    for name, seed in (("first", 1), ("again", 1), ("other", 2)):
        path = folder / f"{name}.cellbook"
        generate_demo_book(path, seed=seed, until=UNTIL).close(backup=False)
        paths[name] = path
    return paths


@contextmanager
def opened(path: Path) -> Iterator[Book]:
    book = Book.open(path, device_id="test")
    try:
        yield book
    finally:
        book.close(backup=False)


def table_rows(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table (the search index's own tables aside)."""
    uri = f"{path.resolve().as_uri()}?mode=ro"
    with closing(sqlite3.connect(uri, uri=True)) as connection:
        tables = [
            name
            for (name,) in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND name NOT LIKE 'search_index%' ORDER BY name"
            )
        ]
        return {
            table: sorted(connection.execute(f'SELECT * FROM "{table}"'), key=repr)
            for table in tables
        }


# --- determinism --------------------------------------------------------------


def test_same_seed_and_end_give_the_same_book(books: dict[str, Path]) -> None:
    first, again = table_rows(books["first"]), table_rows(books["again"])
    assert first.keys() == again.keys()
    for table in first:
        assert first[table] == again[table], table
    with opened(books["first"]) as one, opened(books["again"]) as two:
        assert one.book_id == two.book_id
        with one.reader() as a, two.reader() as b:
            assert (
                a.execute(select(Member.id, Member.full_name)).all()
                == b.execute(select(Member.id, Member.full_name)).all()
            )
            assert a.scalars(select(Meeting.id)).all() == b.scalars(select(Meeting.id)).all()


def test_another_seed_gives_another_book(books: dict[str, Path]) -> None:
    with opened(books["first"]) as one, opened(books["other"]) as two:
        assert one.book_id != two.book_id
        with one.reader() as a, two.reader() as b:
            assert set(a.scalars(select(Member.full_name))) != set(
                b.scalars(select(Member.full_name))
            )
            assert not set(a.scalars(select(Meeting.id))) & set(b.scalars(select(Meeting.id)))


def test_stamps_come_from_the_story_not_the_clock(books: dict[str, Path]) -> None:
    latest_allowed = datetime.combine(UNTIL, datetime.min.time()).astimezone()
    with opened(books["first"]) as book, book.reader() as session:
        for model in (
            Member,
            MemberEvent,
            DuesPayment,
            Meeting,
            Speech,
            Resolution,
            ResolutionTask,
            Recommendation,
        ):
            newest = session.scalar(select(func.max(model.updated_at)))
            assert newest is not None and newest < latest_allowed, model.__name__
            assert set(session.scalars(select(model.updated_on))) == {"demo"}


# --- content ------------------------------------------------------------------


def test_members_are_a_village_cell(books: dict[str, Path]) -> None:
    with opened(books["first"]) as book, book.reader() as session:
        members = session.scalars(select(Member)).all()
    assert len(members) == 32
    statuses = Counter(member.status for member in members)
    assert statuses == {
        MemberStatus.FULL: 22,
        MemberStatus.PROBATIONARY: 3,
        MemberStatus.EXEMPT: 3,
        MemberStatus.ATTACHED: 2,
        MemberStatus.AWAY: 1,
        MemberStatus.TRANSFERRED: 1,
    }
    names = [member.full_name for member in members]
    assert len(set(names)) == len(names)
    assert all(name == unicodedata.normalize("NFC", name) for name in names)
    with_diacritics = [name for name in names if fold(name) != name.lower()]
    assert len(with_diacritics) >= len(names) - 3
    assert any(name.startswith("Nguyễn ") for name in names)
    for member in members:
        assert member.citizen_id.isdigit() and len(member.citizen_id) == 12
        assert member.phone and member.address and member.admission_date
        if member.status is MemberStatus.PROBATIONARY:
            assert member.official_date is None
            assert UNTIL - timedelta(days=365) <= member.admission_date <= UNTIL
        else:
            assert member.official_date is not None and member.card_number
        if member.status is MemberStatus.ATTACHED:
            assert member.home_cell
        if member.status is MemberStatus.EXEMPT:
            assert member.date_of_birth is not None and member.date_of_birth.year < 1950


def test_statuses_follow_from_each_members_events(books: dict[str, Path]) -> None:
    with opened(books["first"]) as book, book.reader() as session:
        members = session.scalars(select(Member)).all()
        for member in members:
            derived = derive_status(member.events, default=MemberStatus.FULL)
            assert (derived.status, derived.admission_date, derived.official_date) == (
                member.status,
                member.admission_date,
                member.official_date,
            ), member.full_name
            kinds = [event.kind for event in member.events]
            assert kinds[0] is Kind.ADMISSION
            assert (Kind.RECOGNITION in kinds) == (member.status is not MemberStatus.PROBATIONARY)
            assert all(event.recorded_by for event in member.events)
            assert all(event.occurs_on < UNTIL for event in member.events)
            if member.status is MemberStatus.EXEMPT:
                assert kinds[-1] is Kind.EXEMPTION
            if member.status is MemberStatus.ATTACHED:
                attachment = member.events[-1]
                assert attachment.kind is Kind.ATTACHMENT
                assert attachment.counterpart == member.home_cell
                assert attachment.ends_on is not None and attachment.ends_on > UNTIL
            if member.status is MemberStatus.AWAY:
                transfer = member.events[-1]
                assert transfer.kind is Kind.TEMPORARY_TRANSFER and transfer.counterpart
                assert transfer.ends_on is not None
                assert UNTIL < transfer.ends_on <= UNTIL + timedelta(days=30)
            if member.status is MemberStatus.TRANSFERRED:
                assert kinds[-1] is Kind.OFFICIAL_TRANSFER
                assert member.events[-1].occurs_on >= UNTIL - timedelta(days=365)
        returned = [m for m in members if Kind.RETURN in {e.kind for e in m.events}]
        assert len(returned) == 1 and returned[0].status is MemberStatus.FULL
        endings = [
            probation_ends(m.admission_date, book.rules)
            for m in members
            if m.status is MemberStatus.PROBATIONARY
        ]
        assert sum(UNTIL <= end <= UNTIL + timedelta(days=30) for end in endings) == 1


def test_members_who_are_away_or_gone_miss_no_meeting(books: dict[str, Path]) -> None:
    with opened(books["first"]) as book, book.reader() as session:
        for member in session.scalars(select(Member)):
            leaving = [
                event
                for event in member.events
                if event.kind in (Kind.TEMPORARY_TRANSFER, Kind.OFFICIAL_TRANSFER)
            ]
            if not leaving:
                continue
            back = next((e.occurs_on for e in member.events if e.kind is Kind.RETURN), UNTIL)
            held = session.scalars(
                select(Meeting.held_on)
                .join(Attendance, Attendance.meeting_id == Meeting.id)
                .where(Attendance.member_id == member.id)
            ).all()
            assert held and min(held) < leaving[0].occurs_on
            assert not [day for day in held if leaving[0].occurs_on <= day < back]


def test_reminders_at_the_demos_end(books: dict[str, Path]) -> None:
    with opened(books["first"]) as book:
        found = reminders(book, UNTIL)
    kinds = Counter(reminder.kind for reminder in found)
    assert kinds == {
        ReminderKind.PROBATION_ENDING: 1,
        ReminderKind.TRANSFER_ENDING: 1,
        ReminderKind.BADGE_DUE: kinds[ReminderKind.BADGE_DUE],
        ReminderKind.UNPAID_DUES: 2,
    }
    badges = [r for r in found if r.kind is ReminderKind.BADGE_DUE]
    assert any(" 30 " in r.message for r in badges)
    assert all(UNTIL <= r.due_on <= add_months(UNTIL, 12) for r in badges)
    assert not any(reminder.urgent for reminder in found)


def test_a_year_of_dues_mostly_paid_at_the_meetings(books: dict[str, Path]) -> None:
    with opened(books["first"]) as book:
        with book.reader() as session:
            lines = session.scalars(select(DuesPayment)).all()
            meeting_days = {
                day.replace(day=1): day
                for day in session.scalars(
                    select(Meeting.held_on).where(Meeting.kind == MeetingKind.REGULAR)
                )
            }
            members = {m.id: m for m in session.scalars(select(Member))}
        months = sorted({line.month for line in lines})
        assert len(months) == 12 and months[-1] == date(2026, 5, 1)
        owing = [line for line in lines if line.amount_due > 0]
        paid = [line for line in owing if line.amount_paid >= line.amount_due]
        assert len(paid) >= 0.9 * len(owing)
        on_the_day = [line for line in paid if line.paid_on == meeting_days[line.month]]
        assert len(on_the_day) >= 0.8 * len(paid)
        assert all(line.paid_on and line.paid_on < UNTIL for line in paid)
        statuses = {members[line.member_id].status for line in lines}
        assert MemberStatus.ATTACHED not in statuses and MemberStatus.TRANSFERRED in statuses
        rates = Counter(member.dues_rate_id for member in members.values())
        assert rates["farmer"] >= 25 and rates["pension"] == 2 and rates["student"] == 1
        assert all(m.dues_base for m in members.values() if m.dues_rate_id == "pension")

        sheet = DuesService(book, today=UNTIL).sheet(date(2026, 5, 1))
        assert sheet.count(DuesStatus.EXEMPT) >= 3  # 50 years of party age, a poor household
        assert sheet.count(DuesStatus.UNPAID) >= 2
        assert sheet.total_paid < sheet.total_due and sheet.outstanding > 0
        assert any(line.exempt_reason == "Hộ nghèo" for line in sheet.lines)


def test_two_years_of_meetings(books: dict[str, Path]) -> None:
    with opened(books["first"]) as book, book.reader() as session:
        meetings = session.scalars(select(Meeting).order_by(Meeting.held_on)).all()
        kinds = Counter(meeting.kind for meeting in meetings)
        assert kinds[MeetingKind.REGULAR] == 24
        assert kinds[MeetingKind.THEMATIC] >= 8
        assert kinds[MeetingKind.EXTRAORDINARY] == 1
        assert kinds[MeetingKind.COMMITTEE] >= 1
        latest = max(meeting.held_on for meeting in meetings)
        assert (latest.year, latest.month) == (2026, 5)

        regular = [meeting for meeting in meetings if meeting.kind is MeetingKind.REGULAR]
        assert regular[-1].held_on == latest
        assert regular[-1].state is MeetingState.HELD
        assert {meeting.state for meeting in meetings[:-1]} == {MeetingState.ADOPTED}
        rules = book.rules
        for meeting in regular:
            assert meeting.held_on.day >= 3
            assert meeting.place == "Nhà văn hóa thôn An Hòa"
            assert meeting.chair_id and meeting.minute_taker_id
            start = datetime.combine(meeting.held_on, meeting.start_time)
            end = datetime.combine(meeting.held_on, meeting.end_time)
            assert end - start >= timedelta(minutes=90)
            assert meeting.score is not None and 78 <= meeting.score <= 95
            assert meeting.grade == rules.meeting_grade(meeting.score).title_vi
            assert meeting.attendance, meeting.title
            assert meeting.agenda_items[0].title.startswith("Thu đảng phí")
            by_members = [speech for speech in meeting.speeches if speech.member_id]
            assert 4 <= len(by_members) <= 8
            present_full = sum(
                1
                for row in meeting.attendance
                if row.status is AttendanceStatus.PRESENT and row.member_status is MemberStatus.FULL
            )
            resolution = meeting.resolution
            assert resolution is not None
            assert resolution.title == f"Nghị quyết chi bộ tháng {meeting.held_on:%m/%Y}"
            assert resolution.voters_present == present_full
            assert resolution.votes_for + resolution.votes_abstain == present_full
            assert resolution.adopted_at is not None
            assert 3 <= len(resolution.tasks) <= 6
        assert any(m.guests and m.guests[0].is_superior for m in regular)


def test_attendance_keeps_each_members_status_on_the_day(books: dict[str, Path]) -> None:
    with opened(books["first"]) as book, book.reader() as session:
        snapshots = Counter(session.scalars(select(Attendance.member_status)))
        absent = Counter(session.scalars(select(Attendance.status)))
        exempt = set(session.scalars(select(Member.id).where(Member.status == MemberStatus.EXEMPT)))
        attended = set(session.scalars(select(Attendance.member_id)))
    assert snapshots[MemberStatus.PROBATIONARY] and snapshots[MemberStatus.ATTACHED]
    assert MemberStatus.EXEMPT not in snapshots and not exempt & attended
    assert absent[AttendanceStatus.PRESENT] > 10 * absent[AttendanceStatus.ABSENT_EXCUSED]
    assert absent[AttendanceStatus.ABSENT_UNEXCUSED] >= 1


def test_tasks_are_followed_up_month_by_month(books: dict[str, Path]) -> None:
    with opened(books["first"]) as book, book.reader() as session:
        latest = session.scalars(
            select(Resolution).join(Meeting).order_by(Meeting.held_on.desc())
        ).first()
        assert latest is not None
        assert {task.result for task in latest.tasks} == {TaskResult.PENDING}
        earlier = session.scalars(
            select(ResolutionTask).where(ResolutionTask.resolution_id != latest.id)
        ).all()
        results = Counter(task.result for task in earlier)
        assert TaskResult.PENDING not in results
        assert results[TaskResult.DONE] > results[TaskResult.PARTLY] > 0
        assert all(task.result_note for task in earlier)
        assert all(task.assignee_id or task.assignee_text for task in earlier)


def test_recommendations_go_up_and_some_wait_too_long(books: dict[str, Path]) -> None:
    with opened(books["first"]) as book:
        rows = RecommendationService(book, today=UNTIL).rows()
    assert len(rows) == 10
    statuses = Counter(row.status for row in rows)
    assert statuses[RecommendationStatus.OPEN] >= 1
    assert statuses[RecommendationStatus.FORWARDED] >= 1
    assert statuses[RecommendationStatus.ANSWERED] >= 1
    assert sum(row.overdue for row in rows) >= 2
    assert {row.addressee for row in rows} == {"Đảng ủy xã An Phú"}
    for row in rows:
        assert row.raised_by
        assert bool(row.answer) == (
            row.status in (RecommendationStatus.ANSWERED, RecommendationStatus.CLOSED)
        )


def test_document_numbers_restart_in_the_new_term(books: dict[str, Path]) -> None:
    with opened(books["first"]) as book, book.reader() as session:
        terms = {term.id: term for term in session.scalars(select(CommitteeTerm))}
        assert sorted(term.name for term in terms.values()) == [
            "Nhiệm kỳ 2020–2025",
            "Nhiệm kỳ 2025–2030",
        ]
        records = session.scalars(
            select(DocumentRecord).order_by(DocumentRecord.issued_on, DocumentRecord.number)
        ).all()
    numbers: dict[tuple[str, DocumentType], list[int]] = {}
    for record in records:
        term = terms[record.term_id]
        assert term.starts_on <= record.issued_on
        assert term.ends_on is None or record.issued_on <= term.ends_on
        numbers.setdefault((term.name, record.doc_type), []).append(record.number)
    for key, issued in numbers.items():
        assert issued == list(range(1, len(issued) + 1)), key
    for doc_type in (DocumentType.MINUTES, DocumentType.RESOLUTION):
        assert numbers[("Nhiệm kỳ 2020–2025", doc_type)]
        assert numbers[("Nhiệm kỳ 2025–2030", doc_type)][0] == 1
    first_new = next(r for r in records if terms[r.term_id].name == "Nhiệm kỳ 2025–2030")
    assert first_new.issued_on.year == 2025 and first_new.symbol.startswith("Số 01-")


def test_search_without_diacritics_finds_speeches(books: dict[str, Path]) -> None:
    with opened(books["first"]) as book:
        results = search_book(book, "dang vien", limit=200)
    kinds = Counter(result.kind for result in results)
    assert kinds["speech"] >= 5
    assert any("đảng viên" in result.snippet.lower() for result in results)


def test_the_default_end_is_today(tmp_path: Path) -> None:
    book = generate_demo_book(tmp_path / "today.cellbook", seed=3)
    try:
        with book.reader() as session:
            latest = session.scalar(select(func.max(Meeting.held_on)))
    finally:
        book.close(backup=False)
    today = date.today()
    previous = date(today.year, today.month, 1) - timedelta(days=1)
    expected = today if today.day > 3 else previous  # this month's meeting once the 3rd is past
    assert latest is not None and latest < today
    assert (latest.year, latest.month) == (expected.year, expected.month)


def test_an_existing_file_is_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "taken.cellbook"
    path.write_text("not a book", encoding="utf-8")
    with pytest.raises(BookFileError):
        generate_demo_book(path, until=UNTIL)
    assert path.read_text(encoding="utf-8") == "not a book"
