"""Book-level documents: the member list, the monthly report, the list of
recommendations, their numbers, and the catalogue of a month's documents."""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from datetime import date

import pytest

from desktop.data.enums import (
    AttendanceStatus,
    CommitteePostKind,
    DocumentType,
    MeetingKind,
    MeetingState,
    MemberStatus,
    Sex,
    TaskResult,
)
from desktop.data.models import Attendance, Meeting, Resolution, ResolutionTask
from desktop.export import catalogue
from desktop.export.catalogue import PlannedDocument, build, documents_for_month
from desktop.export.documents.common import UNISSUED_NUMBER
from desktop.export.documents.monthly_report import build_monthly_report
from desktop.export.documents.recommendations_list import build_recommendations_list
from desktop.export.documents.register_list import build_register_list
from desktop.export.numbering import issue_once, record_for
from desktop.services.book import Book
from desktop.services.committee import CommitteeService
from desktop.services.members import MemberInput, MemberService
from desktop.services.recommendations import RecommendationService
from desktop.services.validation import ValidationError

TODAY = date(2025, 12, 20)
DEC = date(2025, 12, 1)

UNISSUED = f"Số {UNISSUED_NUMBER}-BC/CB"


def in_order(text: str, *parts: str) -> None:
    """Each part occurs in `text`, after the one before it."""
    position = 0
    for part in parts:
        found = text.find(part, position)
        assert found >= 0, f"{part!r} not found after position {position}:\n{text}"
        position = found + len(part)


# --- a small real book ------------------------------------------------------------


def _member(book: Book, name: str, sex: Sex = Sex.MALE, **values: object) -> str:
    return MemberService(book, date(2025, 1, 1)).create(
        MemberInput(full_name=name, sex=sex, **values)  # type: ignore[arg-type]
    )


@pytest.fixture
def cell(book: Book) -> dict[str, str]:
    """Five members (one probationary, one exempt, one attached), a secretary;
    November's and December's regular meetings, December's held and scored."""
    ids = {
        "trinh": _member(
            book,
            "Trần Thị Trinh",
            Sex.FEMALE,
            date_of_birth=date(1970, 5, 2),
            admission_date=date(1995, 3, 1),
            official_date=date(1996, 3, 1),
            card_number="87000001",
        ),
        "an": _member(
            book,
            "Nguyễn Văn An",
            date_of_birth=date(1960, 1, 9),
            admission_date=date(1985, 6, 1),
            official_date=date(1986, 6, 1),
            card_number="87000002",
        ),
        "binh": _member(
            book, "Lê Văn Bình", date_of_birth=date(2000, 2, 3), admission_date=date(2024, 12, 1)
        ),
        "cu": _member(book, "Phạm Văn Cử", status=MemberStatus.EXEMPT),
        "hai": _member(
            book, "Vũ Văn Hải", status=MemberStatus.ATTACHED, home_cell="Chi bộ Trường học"
        ),
    }
    CommitteeService(book, TODAY).assign(ids["an"], CommitteePostKind.SECRETARY, date(2025, 1, 1))
    with book.session() as session:
        november = Meeting(
            kind=MeetingKind.REGULAR,
            state=MeetingState.HELD,
            scheduled_on=date(2025, 11, 3),
            held_on=date(2025, 11, 3),
            title="Sinh hoạt chi bộ tháng 11/2025",
        )
        november.resolution = Resolution(title="Nghị quyết tháng 11/2025")
        november.resolution.tasks = [
            ResolutionTask(position=1, description="Thu đảng phí", assignee_id=ids["trinh"]),
            ResolutionTask(position=2, description="Sửa đường xóm", assignee_text="Chi ủy"),
        ]
        session.add(november)
        december = Meeting(
            kind=MeetingKind.REGULAR,
            state=MeetingState.HELD,
            scheduled_on=date(2025, 12, 3),
            held_on=date(2025, 12, 3),
            place="Nhà văn hóa thôn",
            title="Sinh hoạt chi bộ tháng 12/2025",
            score=85,
            grade="fair",
        )
        december.attendance = [
            Attendance(
                member_id=ids["an"],
                member_status=MemberStatus.FULL,
                status=AttendanceStatus.PRESENT,
            ),
            Attendance(
                member_id=ids["trinh"],
                member_status=MemberStatus.FULL,
                status=AttendanceStatus.ABSENT_EXCUSED,
                reason="Ốm",
            ),
            Attendance(
                member_id=ids["binh"],
                member_status=MemberStatus.PROBATIONARY,
                status=AttendanceStatus.ABSENT_UNEXCUSED,
            ),
        ]
        december.resolution = Resolution(title="Nghị quyết tháng 12/2025")
        december.resolution.tasks = [
            ResolutionTask(
                position=1,
                description="Vận động trồng cây",
                assignee_id=ids["binh"],
                due_on=date(2025, 12, 28),
            )
        ]
        session.add(december)
        session.flush()
        ids["november"], ids["december"] = november.id, december.id
        tasks = sorted(november.resolution.tasks, key=lambda t: t.position)
        tasks[0].result = TaskResult.DONE
        tasks[1].result = TaskResult.PARTLY
        tasks[1].result_note = "Thiếu kinh phí"
    service = RecommendationService(book, TODAY)
    ids["lamp"] = service.create(
        "Lắp đèn đường", date(2025, 10, 3), raised_by_id=ids["trinh"], meeting_id=None
    )
    service.forward(ids["lamp"], "Đảng ủy xã An Phú", date(2025, 10, 5))
    ids["bridge"] = service.create(
        "Sửa cầu", date(2025, 12, 3), raised_by_id=ids["an"], meeting_id=ids["december"]
    )
    ids["old"] = service.create("Đã xong", date(2025, 9, 3), raised_by_id=ids["an"])
    service.answer(ids["old"], "Đã sửa", date(2025, 9, 20))
    return ids


def test_register_list_in_name_order_with_counts(book: Book, cell: dict[str, str]) -> None:
    document = build_register_list(book, on=TODAY, language="en")
    text = document.plain_text()
    in_order(
        text,
        "ĐẢNG BỘ XÃ AN PHÚ",
        "CHI BỘ THÔN AN HÒA",
        "An Phú, ngày 20 tháng 12 năm 2025",
        "LIST OF PARTY MEMBERS",
        "Chi bộ Thôn An Hòa",
        "as of 20/12/2025",
        "No. | Full name | Date of birth | Admitted to the Party | Made full member | "
        "Party card No. | Status",
        "1 | Nguyễn Văn An | 09/01/1960 | 01/06/1985 | 01/06/1986 | 87000002 | Full",
        "2 | Lê Văn Bình | 03/02/2000 | 01/12/2024 |  |  | Probationary",
        "3 | Phạm Văn Cử |",
        "| Exempt from meetings",
        "4 | Vũ Văn Hải |",
        "| Temporarily attached here",
        "5 | Trần Thị Trinh | 02/05/1970 | 01/03/1995 | 01/03/1996 | 87000001 | Full",
        "Total: 4 party members (3 full, 1 probationary).",
        "Of whom: 1 women; 1 exempt from party work and meetings;",
        "Also 1 members temporarily attached",
        "ON BEHALF OF THE PARTY CELL",
        "SECRETARY",
        "Nguyễn Văn An",
    )
    assert document.header.number_symbol == ""  # the list is not numbered
    assert document.file_stem == "danh-sach-dang-vien-2025-12-20"
    assert document.file_stem.isascii()


def test_register_list_on_an_earlier_day_leaves_out_later_facts(
    book: Book, cell: dict[str, str]
) -> None:
    text = build_register_list(book, on=date(1990, 1, 1), language="en").plain_text()
    assert "Nguyễn Văn An" in text.split("Total:")[0]
    assert "Lê Văn Bình" not in text  # admitted in 2024
    assert "1 | Nguyễn Văn An | 09/01/1960 | 01/06/1985 | 01/06/1986" in text


def test_monthly_report_fields_in_order(book: Book, cell: dict[str, str]) -> None:
    document = build_monthly_report(book, date(2025, 12, 17), language="en", today=TODAY)
    text = document.plain_text()
    in_order(
        text,
        "CHI BỘ THÔN AN HÒA",
        UNISSUED,
        "An Phú, ngày 20 tháng 12 năm 2025",
        "REPORT",
        "Results of the cell's meetings in 12/2025",
        "To: Đảng ủy xã An Phú",
        "Chi bộ Thôn An Hòa reports the results of its meetings in 12/2025 as follows:",
        "I. MEETINGS HELD IN THE MONTH",
        "1. Regular meeting, 03/12/2025",
        "Place: Nhà văn hóa thôn",
        "1 of 3 members present (33.33%): 1 full and 0 probationary members; 1 members exempt.",
        "Absent with reason: 1 — Trần Thị Trinh (Ốm)",
        "Absent without reason: 1 — Lê Văn Bình",
        "II. CARRYING OUT LAST MONTH'S RESOLUTION",
        "1 | Thu đảng phí | Trần Thị Trinh | Completed",
        "2 | Sửa đường xóm | Chi ủy | Partly completed (Thiếu kinh phí)",
        "Rate of implementation: 75% (1 completed, 1 partly completed, 0 not completed, "
        "0 not evaluated; out of 2 tasks).",
        "III. QUALITY OF THE MEETINGS",
        "- Regular meeting (03/12/2025): 85 points, grade: Fair.",
        "Good from 90 points; Fair from 70 points",
        "IV. MEMBERS' OPINIONS AND RECOMMENDATIONS",
        "In the month: 1 raised, 0 forwarded, 0 answered. Waiting for an answer on "
        "20/12/2025: 2, of which 1 for more than 30 days.",
        "- Lắp đèn đường (Trần Thị Trinh, 03/10/2025; sent to Đảng ủy xã An Phú on "
        "05/10/2025; waiting 78 days)",
        "- Sửa cầu (Nguyễn Văn An, 03/12/2025; not yet sent; waiting 17 days)",
        "V. MAIN TASKS FOR NEXT MONTH",
        "- Vận động trồng cây (Lê Văn Bình; by 28/12/2025).",
        "- Đảng ủy xã An Phú (to report);",
        "- Cell file.",
        "ON BEHALF OF THE PARTY CELL",
        "SECRETARY",
        "Nguyễn Văn An",
    )
    assert "Đã xong" not in text  # answered before the month
    assert document.file_stem == "bao-cao-2025-12"
    assert document.margins.left == 30


def test_monthly_report_of_a_month_without_meetings(book: Book, cell: dict[str, str]) -> None:
    text = build_monthly_report(book, date(2025, 10, 1), language="en").plain_text()
    in_order(
        text,
        "An Phú, ngày 31 tháng 10 năm 2025",  # a past month's report is dated its last day
        "The regular meeting of the month has not been held.",
        "To be evaluated at the regular meeting.",
        "No meeting was held, so none was scored.",
        "In the month: 1 raised, 1 forwarded, 0 answered.",
        "The resolution for next month has not been adopted yet.",
    )


def test_documents_are_vietnamese_by_default(book: Book, cell: dict[str, str]) -> None:
    text = build_monthly_report(book, DEC, today=TODAY).plain_text()
    in_order(text, UNISSUED, "Đảng ủy xã An Phú", "33,33%", "Trần Thị Trinh (Ốm)", "Khá")


def test_recommendations_list(book: Book, cell: dict[str, str]) -> None:
    document = build_recommendations_list(book, DEC, language="en", today=TODAY)
    text = document.plain_text()
    in_order(
        text,
        "LIST OF OPINIONS AND RECOMMENDATIONS",
        "raised in 12/2025",
        "To: Đảng ủy xã An Phú",
        "No. | Content | Raised by | Date | Sent to | Status",
        "1 | Lắp đèn đường | Trần Thị Trinh | 03/10/2025 | Đảng ủy xã An Phú | "
        "Sent on 05/10/2025; overdue: waiting 78 days",
        "2 | Sửa cầu | Nguyễn Văn An (Regular meeting) | 03/12/2025 | Đảng ủy xã An Phú | "
        "Not yet sent; waiting 17 days",
        "2 recommendations listed; 2 waiting for an answer, 1 of them for more than 30 days.",
        "SECRETARY",
        "Nguyễn Văn An",
    )
    assert "Đã xong" not in text
    assert document.file_stem == "kien-nghi-2025-12"
    # Without a month: what is still waiting today.
    waiting = build_recommendations_list(book, language="en", today=TODAY)
    assert "Lắp đèn đường" in waiting.plain_text() and "Đã xong" not in waiting.plain_text()
    assert waiting.file_stem == "kien-nghi-2025-12-20"


# --- numbering ----------------------------------------------------------------------


def test_reports_are_numbered_per_term_once_each(book: Book, cell: dict[str, str]) -> None:
    november = issue_once(
        book, DocumentType.REPORT, date(2025, 11, 30), "Báo cáo 11", month=date(2025, 11, 1)
    )
    december = issue_once(book, DocumentType.REPORT, date(2025, 12, 20), "Báo cáo 12", month=DEC)
    assert (november.number, december.number) == (1, 2)
    assert december.symbol == "Số 02-BC/CB"
    # Issued again (even on another day): the same number.
    again = issue_once(book, DocumentType.REPORT, date(2026, 1, 2), "Báo cáo 12", month=DEC)
    assert (again.id, again.number) == (december.id, 2)
    assert record_for(book, DocumentType.REPORT, None, date(2025, 12, 31)).id == december.id
    # Another type starts at 01 in the same term.
    minutes = issue_once(book, DocumentType.MINUTES, date(2025, 12, 3), "BB", cell["december"])
    assert minutes.number == 1
    assert issue_once(book, DocumentType.MINUTES, date(2025, 12, 5), "BB", cell["december"]).id == (
        minutes.id
    )
    # A new committee term starts again from 01.
    CommitteeService(book, date(2026, 1, 1)).add_term("Nhiệm kỳ 2026–2031", date(2026, 1, 1))
    january = issue_once(
        book, DocumentType.REPORT, date(2026, 1, 31), "Báo cáo 01", month=date(2026, 1, 1)
    )
    assert (january.number, january.symbol) == (1, "Số 01-BC/CB")
    # A late report of the old term follows that term's highest number: none is reused.
    october = issue_once(
        book, DocumentType.REPORT, date(2025, 10, 31), "Báo cáo 10", month=date(2025, 10, 1)
    )
    assert october.number == 3
    assert record_for(book, DocumentType.REPORT, None, date(2025, 11, 1)).number == 1


def test_a_document_without_meeting_or_month_is_known_by_summary_and_day(book: Book) -> None:
    first = issue_once(book, DocumentType.LETTER, date(2025, 5, 2), "Công văn  về  đường")
    same = issue_once(book, DocumentType.LETTER, date(2025, 5, 2), "Công văn về đường")
    other = issue_once(book, DocumentType.LETTER, date(2025, 5, 3), "Công văn về đường")
    assert same.id == first.id and other.number == 2


def test_no_term_no_number(book: Book) -> None:
    with pytest.raises(ValidationError):
        issue_once(book, DocumentType.REPORT, date(2020, 1, 31), "x", month=date(2020, 1, 1))


def test_preview_has_no_number_until_issued(book: Book, cell: dict[str, str]) -> None:
    planned = PlannedDocument("monthly_report", month=DEC, day=TODAY)
    preview = build(book, planned, issue=False, language="en")
    assert preview.header.number_symbol == UNISSUED
    assert record_for(book, DocumentType.REPORT, None, DEC) is None
    issued = build(book, planned, issue=True, language="en")
    assert issued.header.number_symbol == "Số 01-BC/CB"
    record = record_for(book, DocumentType.REPORT, None, DEC)
    assert (
        record is not None and record.summary == "Report results of the cell's meetings in 12/2025"
    )
    assert record.file_name == "bao-cao-2025-12"
    # Later previews and exports show the number given, and the date it was issued.
    later = PlannedDocument("monthly_report", month=DEC, day=date(2025, 12, 29))
    assert build(book, later, issue=False).header.number_symbol == "Số 01-BC/CB"
    again = build(book, later, issue=True, language="en")
    assert again.header.place_date == "An Phú, ngày 20 tháng 12 năm 2025"
    assert record_for(book, DocumentType.REPORT, None, date(2025, 11, 1)) is None


def test_catalogue_lists_a_month_of_the_small_book(book: Book, cell: dict[str, str]) -> None:
    planned = documents_for_month(book, DEC, today=TODAY)
    assert [(p.kind, p.meeting_id, p.doc_type) for p in planned] == [
        ("notice", cell["december"], DocumentType.NOTICE),
        ("minutes", cell["december"], DocumentType.MINUTES),
        ("attendance", cell["december"], None),
        ("resolution", cell["december"], DocumentType.RESOLUTION),
        ("monthly_report", None, DocumentType.REPORT),
        ("recommendations", None, None),
        ("register_list", None, None),
    ]
    assert {p.day for p in planned[-3:]} == {TODAY}
    for item in planned[-3:]:
        assert build(book, item, issue=False, language="en").kind == item.kind


def test_every_kind_has_an_english_label() -> None:
    assert set(catalogue.KINDS) == {
        "notice",
        "invitation",
        "minutes",
        "resolution",
        "attendance",
        "blank_minutes",
        "blank_attendance",
        "register_list",
        "monthly_report",
        "recommendations",
        "review_form",
        "blank_review_form",
        "review_minutes",
        "rating_summary",
        "cell_review_report",
    }
    numbered = {key: kind.doc_type for key, kind in catalogue.KINDS.items() if kind.doc_type}
    assert numbered == {
        "notice": DocumentType.NOTICE,
        "minutes": DocumentType.MINUTES,
        "resolution": DocumentType.RESOLUTION,
        "monthly_report": DocumentType.REPORT,
        "review_minutes": DocumentType.MINUTES,
        "rating_summary": DocumentType.REPORT,
        "cell_review_report": DocumentType.REPORT,
    }
    assert all(kind.label.isascii() for kind in catalogue.KINDS.values())


# --- the demo book ------------------------------------------------------------------

DEMO_END = date(2026, 6, 2)
APRIL = date(2026, 4, 1)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Book]:
    from desktop.demo import generate_demo_book

    folder = tmp_path_factory.mktemp("demo-documents")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CELLBOOK_HOME", str(folder / "home"))
        opened = generate_demo_book(folder / "demo.cellbook", seed=1, until=DEMO_END)
        yield opened
        opened.close(backup=False)


def _available(kind: str) -> bool:
    module = {
        "notice": "notice",
        "invitation": "notice",
        "minutes": "minutes",
        "resolution": "resolution",
        "attendance": "attendance",
    }.get(kind)
    if module is None:
        return True
    try:
        importlib.import_module(f"desktop.export.documents.{module}")
    except ImportError:
        return False
    return True


def test_demo_april_lists_the_expected_documents(demo: Book) -> None:
    planned = documents_for_month(demo, APRIL, today=DEMO_END)
    assert [(p.kind, p.doc_type) for p in planned] == [
        ("minutes", None),  # the committee's preparatory meeting: short minutes, no number
        ("notice", DocumentType.NOTICE),
        ("minutes", DocumentType.MINUTES),
        ("attendance", None),
        ("resolution", DocumentType.RESOLUTION),
        ("notice", DocumentType.NOTICE),  # the thematic meeting, with two guests
        ("invitation", None),
        ("invitation", None),
        ("minutes", DocumentType.MINUTES),
        ("attendance", None),
        ("minutes", None),  # May's preparatory meeting, held on 29 April
        ("monthly_report", DocumentType.REPORT),
        ("recommendations", None),
        ("register_list", None),
    ]
    assert planned[1].about == "Sinh hoạt chi bộ thường kỳ tháng 04/2026"
    assert planned[-1].day == date(2026, 4, 30)


def test_demo_documents_build_and_keep_their_numbers(demo: Book) -> None:
    planned = documents_for_month(demo, APRIL, today=DEMO_END)
    regular_minutes = planned[2]
    # The demo issued April's minutes already: the number is found, not issued again.
    record = record_for(demo, DocumentType.MINUTES, regular_minutes.meeting_id, None)
    assert record is not None and record.symbol == "Số 22-BB/CB"
    for item in planned:
        if not _available(item.kind):
            continue
        document = build(demo, item, issue=False)
        assert document.plain_text()
        assert document.file_stem.isascii()
    if _available("minutes"):
        minutes = build(demo, regular_minutes, issue=True)
        assert minutes.header.number_symbol == "Số 22-BB/CB"
    report = build(demo, planned[-3], issue=True, language="en")
    assert report.header.number_symbol == "Số 01-BC/CB"
    in_order(
        report.plain_text(),
        "1. Regular meeting, 03/04/2026",
        "2. Thematic meeting: ",
        "Rate of implementation: 100%",
        "- Regular meeting (03/04/2026): 83 points, grade: Fair.",
        "Nguyễn Văn Đạt",
    )
    register = build(demo, planned[-1], issue=True, language="en")
    assert "Total: 29 party members (26 full, 3 probationary)." in register.plain_text()
