"""Meeting documents built from the book: notice, invitation, minutes,
resolution, attendance sheet and blank forms.

Words are looked up through the documents' own catalog (`T`), so the tests
hold whether or not a string has been translated yet; names, numbers and the
order of the fields are what is checked.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop.data.enums import (
    AttendanceStatus,
    CommitteePostKind,
    DocumentType,
    MeetingKind,
    MemberStatus,
    Sex,
    TaskResult,
)
from desktop.data.models import AgendaItem, DocumentRecord, Meeting, ResolutionTask
from desktop.export.documents.attendance import build_attendance_sheet
from desktop.export.documents.blank_forms import build_blank_attendance, build_blank_minutes
from desktop.export.documents.common import UNISSUED_NUMBER, document_gettext
from desktop.export.documents.minutes import build_minutes
from desktop.export.documents.notice import build_invitation, build_notice
from desktop.export.documents.resolution import build_resolution
from desktop.export.model import DottedLines, Table
from desktop.services.adoption import AdoptionService, FieldChange
from desktop.services.book import Book
from desktop.services.committee import CommitteeService
from desktop.services.follow_up import FollowUpService
from desktop.services.meetings import MeetingInput, MeetingService
from desktop.services.members import MemberInput, MemberService
from desktop.services.minutes import MinutesService

T = document_gettext("vi")
DAY = date(2026, 3, 3)
TODAY = date(2026, 6, 1)


def comrade(name: str) -> str:
    return T("Comrade {name}").format(name=name)


def in_order(text: str, *parts: str) -> None:
    """Each part appears in `text`, after the one before it."""
    position = 0
    for part in parts:
        found = text.find(part, position)
        assert found >= 0, f"{part!r} not found after position {position}"
        position = found + len(part)


def _member(book: Book, name: str, **values) -> str:
    values.setdefault("date_of_birth", date(1970, 5, 1))
    return MemberService(book, date(2026, 1, 1)).create(
        MemberInput(full_name=name, sex=Sex.MALE, **values)
    )


@pytest.fixture
def people(book: Book) -> dict[str, str]:
    ids = {
        "an": _member(book, "Nguyễn Văn An"),
        "binh": _member(book, "Trần Thị Bình"),
        "cuong": _member(book, "Lê Văn Cường"),
        "dung": _member(book, "Phạm Văn Dũng"),
        "lam": _member(book, "Ngô Văn Lâm"),
        "em": _member(book, "Hoàng Văn Em", status=MemberStatus.EXEMPT),
        "giang": _member(book, "Đỗ Văn Giang", status=MemberStatus.AWAY),
        "hai": _member(book, "Vũ Văn Hải", status=MemberStatus.ATTACHED, home_cell="Chi bộ Đông"),
        "khoa": _member(
            book, "Bùi Văn Khoa", admission_date=date(2025, 4, 1), status=MemberStatus.PROBATIONARY
        ),
    }
    committee = CommitteeService(book, TODAY)
    committee.assign(ids["an"], CommitteePostKind.SECRETARY, date(2025, 1, 1))
    committee.assign(ids["binh"], CommitteePostKind.DEPUTY_SECRETARY, date(2025, 1, 1))
    return ids


def _meeting(book: Book, kind: MeetingKind, day: date, topic: str = "", *items: str) -> str:
    meeting_id = MeetingService(book).create(MeetingInput(kind=kind, scheduled_on=day, topic=topic))
    with book.session() as session:
        meeting = _get(session, meeting_id)
        for position, title in enumerate(items, start=1):
            meeting.agenda_items.append(AgendaItem(position=position, title=title))
    return meeting_id


def _get(session, meeting_id: str) -> Meeting:
    meeting = session.get(Meeting, meeting_id)
    assert meeting is not None
    return meeting


def _items(book: Book, meeting_id: str) -> list[str]:
    with book.reader() as session:
        return list(
            session.scalars(
                select(AgendaItem.id)
                .where(AgendaItem.meeting_id == meeting_id)
                .order_by(AgendaItem.position)
            )
        )


@pytest.fixture
def february(book: Book, people: dict[str, str]) -> str:
    """Last month's meeting, its tasks evaluated at March's meeting."""
    minutes = MinutesService(book, TODAY)
    meeting_id = _meeting(book, MeetingKind.REGULAR, date(2026, 2, 3), "", "Nhiệm vụ tháng tới")
    done = minutes.add_task(meeting_id, "Sửa cống tổ 2", people["cuong"], due_on=date(2026, 2, 20))
    partly = minutes.add_task(
        meeting_id, "Vận động đóng quỹ khuyến học", assignee_text="Chi ủy", due_on=date(2026, 2, 25)
    )
    minutes.add_task(meeting_id, "Tuyên truyền phòng cháy", people["dung"])
    follow_up = FollowUpService(book)
    follow_up.evaluate(done, TaskResult.DONE)
    follow_up.evaluate(partly, TaskResult.PARTLY, "Mới đạt 60% kế hoạch")
    return meeting_id


@pytest.fixture
def march(book: Book, people: dict[str, str], february: str) -> str:
    """A regular meeting taken down in full and marked held."""
    minutes = MinutesService(book, TODAY)
    meeting_id = _meeting(
        book, MeetingKind.REGULAR, DAY, "", "Thông tin thời sự", "Nhiệm vụ tháng tới"
    )
    first, second = _items(book, meeting_id)
    minutes.prepare_attendance(meeting_id)
    minutes.set_attendance(meeting_id, people["cuong"], AttendanceStatus.ABSENT_EXCUSED, "Ốm")
    minutes.set_attendance(meeting_id, people["dung"], AttendanceStatus.ABSENT_UNEXCUSED)
    minutes.add_guest(meeting_id, "Trần Văn Thành", "Đảng ủy viên phụ trách chi bộ", True)
    minutes.add_guest(meeting_id, "Lê Thị Hoa", "Trưởng thôn")
    minutes.set_place(meeting_id, "Nhà văn hóa thôn")
    minutes.set_start_time(meeting_id, time(14, 0))
    minutes.set_end_time(meeting_id, time(16, 5))
    minutes.set_chair(meeting_id, people["an"])
    minutes.set_minute_taker(meeting_id, people["binh"])
    with book.session() as session:
        items = _get(session, meeting_id).agenda_items
        items[0].presenter_id = people["binh"]
        items[1].presenter_id = people["an"]
    minutes.add_speech(meeting_id, first, people["khoa"], content="Giá lúa giảm.")
    minutes.add_speech(meeting_id, second, people["an"], content="Làm xong cống trước mùa mưa.")
    minutes.add_speech(meeting_id, second, speaker_name="Bà Lê Thị Hoa", content="Nhất trí.")
    minutes.set_conclusion(first, "Chi bộ nắm được tình hình.")
    minutes.set_conclusion(second, "Thống nhất ba nhiệm vụ.")
    minutes.add_task(meeting_id, "Nạo vét kênh", people["an"], due_on=date(2026, 3, 31))
    minutes.add_task(meeting_id, "Thu đảng phí", assignee_text="Chi ủy")
    minutes.set_votes(meeting_id, 3, 0, 0)
    minutes.save_score(meeting_id, minutes.framework().full_marks())
    minutes.mark_held(meeting_id)
    return meeting_id


# --- minutes ----------------------------------------------------------------------


def test_minutes_hold_every_field_in_order(book: Book, march: str):
    document = build_minutes(book, march)
    text = document.plain_text()
    assert document.title == T("MINUTES")
    assert document.summary == (
        T("Regular party cell meeting, month {month} of {year}").format(month="03", year=2026),
    )
    assert document.header.number_symbol == f"Số {UNISSUED_NUMBER}-BB/CB"
    assert document.header.place_date == "An Phú, ngày 03 tháng 03 năm 2026"
    assert document.file_stem == "bien-ban-2026-03"
    in_order(
        text,
        T("{hour} h {minute} min").format(hour=14, minute="00"),
        T("day {day} month {month} year {year}").format(day="03", month="03", year=2026),
        "Nhà văn hóa thôn",
        comrade("Trần Văn Thành") + ", Đảng ủy viên phụ trách chi bộ",
        comrade("Lê Thị Hoa") + ", Trưởng thôn",
        # 6 expected: An, Bình, Cường, Dũng, Lâm (full) and Khoa (probationary)
        T("{total} ({full} full, {probationary} probationary)").format(
            total=T("{count} comrades").format(count=6), full=5, probationary=1
        ),
        "Vũ Văn Hải",  # attached
        "Hoàng Văn Em",  # exempt
        "Đỗ Văn Giang",  # away
        T("{present} of {total} ({full} full, {probationary} probationary)").format(
            present=4, total=T("{count} comrades").format(count=6), full=3, probationary=1
        ),
        T("Absent with reason: "),
        "Lê Văn Cường (Ốm)",
        T("Absent without reason: "),
        "Phạm Văn Dũng",
        T("Chair: "),
        comrade("Nguyễn Văn An"),
        T("Minute-taker: "),
        comrade("Trần Thị Bình"),
        "1. Thông tin thời sự",
        comrade("Trần Thị Bình"),  # presenter
        comrade("Bùi Văn Khoa") + ": Giá lúa giảm.",
        "Chi bộ nắm được tình hình.",
        "2. Nhiệm vụ tháng tới",
        comrade("Nguyễn Văn An") + ": Làm xong cống trước mùa mưa.",
        "Bà Lê Thị Hoa: Nhất trí.",
        "Thống nhất ba nhiệm vụ.",
        "1 | Nạo vét kênh | Nguyễn Văn An | 31/03/2026",
        "2 | Thu đảng phí | Chi ủy | ",
        T("Vote on the resolution: "),
        "100%",
        T("{score} points, grade {grade}.").format(score=100, grade="Tốt"),
        T("{hour} h {minute} min").format(hour=16, minute="05"),
        T(
            "The minutes were read out to the meeting; the members present agreed with "
            "their content and adopted them."
        ),
        T("MINUTE-TAKER"),
        "Trần Thị Bình",
        T("CHAIR"),
        "Nguyễn Văn An",
    )
    tables = [block for block in document.blocks if isinstance(block, Table)]
    assert len(tables) == 1 and len(tables[0].rows) == 2
    assert T("CORRECTIONS") not in text


def test_minutes_list_corrections_after_adoption(book: Book, march: str):
    service = AdoptionService(book)
    service.adopt(march, at=datetime(2026, 3, 3, 10, 0, tzinfo=UTC))
    service.amend(
        march,
        [FieldChange("meeting", march, "place", "Hội trường thôn")],
        reason="Ghi nhầm địa điểm",
        author="Nguyễn Văn An",
        at=datetime(2026, 3, 5, 2, 0, tzinfo=UTC),
    )
    text = build_minutes(book, march).plain_text()
    in_order(
        text, "Hội trường thôn", T("CHAIR"), T("CORRECTIONS"), "Nguyễn Văn An", "Ghi nhầm địa điểm"
    )
    assert "05/03/2026" in text


def test_minutes_with_a_record_print_its_number(book: Book, march: str):
    record = DocumentRecord(number=5, doc_type=DocumentType.MINUTES, issuer_code="CB")
    document = build_minutes(book, march, record=record)
    assert document.header.number_symbol == "Số 05-BB/CB"
    assert document.plain_text().splitlines()[2] == "Số 05-BB/CB"


def test_each_kind_has_its_title_and_summary(book: Book, people: dict[str, str]):
    thematic = _meeting(book, MeetingKind.THEMATIC, date(2026, 4, 15), "Chuyển đổi số", "Chuyên đề")
    extra = _meeting(book, MeetingKind.EXTRAORDINARY, date(2026, 4, 20), "Phòng chống lũ", "Lũ")
    committee = _meeting(book, MeetingKind.COMMITTEE, date(2026, 4, 29), "", "Phân công")
    minutes = MinutesService(book, TODAY)
    minutes.prepare_attendance(committee)
    cases = {
        thematic: (T("Thematic meeting: {topic}").format(topic="Chuyển đổi số"), "chuyen-de"),
        extra: (
            T("Extraordinary party cell meeting: {subject}").format(subject="Phòng chống lũ"),
            "bat-thuong",
        ),
        committee: (
            T("Cell committee meeting, month {month} of {year}").format(month="04", year=2026),
            "hop-chi-uy",
        ),
    }
    for meeting_id, (summary, stem) in cases.items():
        document = build_minutes(book, meeting_id)
        assert document.title == T("MINUTES")
        assert document.summary == (summary,)
        assert stem in document.file_stem
        assert document.file_stem.isascii()
    committee_text = build_minutes(book, committee).plain_text()
    assert T("Committee members: ") in committee_text
    assert T("Quality of the meeting: ") not in committee_text  # committees are not scored
    assert T("Quality of the meeting: ") in build_minutes(book, thematic).plain_text()


# --- resolution -------------------------------------------------------------------


def test_resolution_evaluates_last_month_and_assigns_next(book: Book, march: str):
    document = build_resolution(book, march)
    text = document.plain_text()
    assert document.title == T("RESOLUTION")
    assert document.header.number_symbol == f"Số {UNISSUED_NUMBER}-NQ/CB"
    assert document.file_stem == "nghi-quyet-2026-03"
    done, partly, pending = (T(label) for label in ("Done", "Partly done", "Not yet evaluated"))
    in_order(
        text,
        T("I. EVALUATION OF LAST MONTH"),
        f"1 | Sửa cống tổ 2 | Lê Văn Cường | 20/02/2026 | {done}",
        f"2 | Vận động đóng quỹ khuyến học | Chi ủy | 25/02/2026 | {partly}: Mới đạt 60% kế hoạch",
        f"3 | Tuyên truyền phòng cháy | Phạm Văn Dũng |  | {pending}",
        "75%",  # done 1 + partly 0.5 out of the two evaluated
        T("II. TASKS FOR NEXT MONTH"),
        "- Nạo vét kênh",
        T("III. WHO DOES WHAT"),
        "1 | Nạo vét kênh | Nguyễn Văn An | 31/03/2026",
        T("IV. QUALITY OF THE MEETING"),
        T("{score} points, grade {grade}.").format(score=100, grade="Tốt"),
        T("The resolution was approved by {for_} of {voters} comrades, {share}.").format(
            for_=3, voters=3, share="100%"
        ),
        T("Members of the cell,"),
        T("SECRETARY"),
        "Nguyễn Văn An",
    )
    evaluation = next(block for block in document.blocks if isinstance(block, Table))
    assert len(evaluation.columns) == 5 and len(evaluation.rows) == 3


# --- notice and invitation --------------------------------------------------------


def test_notice_calls_the_members_with_time_place_and_parts(book: Book, march: str):
    document = build_notice(book, march, today=date(2026, 2, 27))
    text = document.plain_text()
    assert document.title == T("NOTICE")
    assert document.header.number_symbol == f"Số {UNISSUED_NUMBER}-TB/CB"
    assert document.header.place_date == "An Phú, ngày 27 tháng 02 năm 2026"
    in_order(
        text,
        T("{hour} h {minute} min").format(hour=14, minute="00"),
        "Nhà văn hóa thôn",
        T("{title} (presented by {name})").format(
            title="Thông tin thời sự", name=comrade("Trần Thị Bình")
        ),
        T("{title} (presented by {name})").format(
            title="Nhiệm vụ tháng tới", name=comrade("Nguyễn Văn An")
        ),
        T("All members of the cell ({count}).").format(count=T("{count} comrades").format(count=6)),
        comrade("Trần Văn Thành"),
        T("Members bring their party handbook and pay this month's party dues."),
        T("SECRETARY"),
        "Nguyễn Văn An",
    )
    record = DocumentRecord(
        number=3, doc_type=DocumentType.NOTICE, issuer_code="CB", issued_on=date(2026, 2, 25)
    )
    numbered = build_notice(book, march, record=record)
    assert numbered.header.number_symbol == "Số 03-TB/CB"
    assert numbered.header.place_date == "An Phú, ngày 25 tháng 02 năm 2026"


def test_invitation_goes_to_the_superior_member_unnumbered(book: Book, march: str):
    document = build_invitation(book, march, today=date(2026, 2, 27))
    text = document.plain_text()
    assert document.title == T("INVITATION")
    assert document.header.number_symbol == ""
    in_order(
        text,
        T("Dear {name}").format(name=comrade("Trần Văn Thành")),
        "Đảng ủy viên phụ trách chi bộ",
        "Nhà văn hóa thôn",
        "Thông tin thời sự",
        "Nguyễn Văn An",
    )
    with book.reader() as session:
        guest = next(g for g in _get(session, march).guests if g.name == "Lê Thị Hoa")
        guest_id = guest.id
    other = build_invitation(book, march, guest_id, today=date(2026, 2, 27))
    assert T("Dear {name}").format(name=comrade("Lê Thị Hoa")) in other.plain_text()
    assert other.file_stem != document.file_stem and other.file_stem.isascii()


# --- attendance sheet -------------------------------------------------------------


def test_attendance_sheet_lists_the_attendance_in_name_order(book: Book, march: str):
    document = build_attendance_sheet(book, march)
    table = next(block for block in document.blocks if isinstance(block, Table))
    assert table.min_row_height_mm >= 10
    assert [column.title for column in table.columns][-1] == T("Signature")
    names = [row[1] for row in table.rows]
    # Sorted by given name: An, Bình, Cường, Dũng, Em, Giang, Hải, Khoa, Lâm
    assert names == [
        "Nguyễn Văn An",
        "Trần Thị Bình",
        "Lê Văn Cường",
        "Phạm Văn Dũng",
        "Hoàng Văn Em",
        "Đỗ Văn Giang",
        "Vũ Văn Hải",
        "Bùi Văn Khoa",
        "Ngô Văn Lâm",
    ]
    rows = {row[1]: row for row in table.rows}
    assert rows["Nguyễn Văn An"][2] == "1970"
    assert T("Secretary") in rows["Nguyễn Văn An"][3]
    assert "Ốm" in rows["Lê Văn Cường"][3]
    assert all(row[4] == "" for row in table.rows)


def test_attendance_sheet_before_preparation_writes_nothing(book: Book, people: dict[str, str]):
    meeting_id = _meeting(book, MeetingKind.REGULAR, DAY, "", "Thông tin thời sự")
    table = next(
        block
        for block in build_attendance_sheet(book, meeting_id).blocks
        if isinstance(block, Table)
    )
    assert len(table.rows) == 9
    with book.reader() as session:
        assert _get(session, meeting_id).attendance == []


# --- blank forms ------------------------------------------------------------------


def test_blank_minutes_have_the_order_of_business_and_no_values(book: Book, march: str):
    from desktop.rules.agenda import load_default_agenda

    for kind in MeetingKind:
        document = build_blank_minutes(book, kind=kind)
        text = document.plain_text()
        assert document.header.number_symbol == f"Số {UNISSUED_NUMBER}-BB/CB"
        assert "……" in document.header.place_date
        in_order(text, *(f"- {item.title_vi}" for item in load_default_agenda().for_kind(kind)))
        for filled in ("Nguyễn Văn An", "Nhà văn hóa thôn", "Ốm", "Trần Văn Thành", "2026"):
            assert filled not in text
        assert any(isinstance(block, DottedLines) for block in document.blocks)
        in_order(text, T("I. TIME, PLACE AND PARTICIPANTS"), T("II. CONTENT OF THE MEETING"))
        in_order(text, T("III. CLOSING"), T("MINUTE-TAKER"), T("CHAIR"))


def test_blank_attendance_lists_current_members_and_blank_rows(book: Book, people: dict[str, str]):
    document = build_blank_attendance(book, rows=12, today=TODAY)
    table = next(block for block in document.blocks if isinstance(block, Table))
    assert len(table.rows) == 12
    names = [row[1] for row in table.rows if row[1]]
    assert len(names) == 9 and names[0] == "Nguyễn Văn An"
    assert [row[0] for row in table.rows] == [str(n) for n in range(1, 13)]
    assert all(row[4] == "" for row in table.rows)
    assert "……" in document.header.place_date


# --- the demo book ------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory):
    from desktop.demo import generate_demo_book

    folder: Path = tmp_path_factory.mktemp("demo")
    book = generate_demo_book(folder / "demo.cellbook", seed=1, until=date(2026, 6, 2))
    yield book
    book.close(backup=False)


def test_every_demo_meeting_builds_every_document(demo: Book):
    rows = MeetingService(demo).rows()
    assert {row.kind for row in rows} == set(MeetingKind)
    for row in rows:
        for build in (build_minutes, build_resolution, build_notice, build_attendance_sheet):
            document = build(demo, row.id)
            assert document.plain_text()
            assert document.file_stem.isascii()
        build_invitation(demo, row.id)


def test_demo_resolution_tables_last_months_tasks(demo: Book):
    regular = [row for row in MeetingService(demo).rows() if row.kind is MeetingKind.REGULAR]
    meeting_id = regular[0].id
    tasks = FollowUpService(demo).tasks_to_evaluate(meeting_id)
    assert tasks
    text = build_resolution(demo, meeting_id).plain_text()
    in_order(text, *(task.description for task in tasks))
    with demo.reader() as session:
        assert session.scalar(select(ResolutionTask.id).limit(1)) is not None
