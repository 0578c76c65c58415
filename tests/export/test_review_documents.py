"""The documents of the annual review: personal review forms (filled and
blank), the minutes of the review meeting, the rating results report and the
cell's collective review; their numbers, Word copies and export."""

from __future__ import annotations

from datetime import date
from io import BytesIO
from pathlib import Path

import pytest
from docx import Document as WordDocument
from docx.table import Table as WordTable
from pypdf import PdfReader
from sqlalchemy import func, select

from desktop.data.enums import DocumentType, MemberStatus, ReviewPeriod, Sex
from desktop.data.models import DocumentRecord
from desktop.export import catalogue
from desktop.export.catalogue import (
    PlannedDocument,
    blank_review_forms,
    build,
    documents_for_review,
    issued_record,
)
from desktop.export.documents.cell_review_report import build_cell_review_report
from desktop.export.documents.common import UNISSUED_NUMBER
from desktop.export.documents.rating_summary import build_rating_summary
from desktop.export.documents.review_form import build_blank_review_form, build_review_form
from desktop.export.documents.review_minutes import build_review_minutes
from desktop.export.docx import render_docx
from desktop.export.files import NoReviewError, export_review_year
from desktop.export.model import Document, DottedLines
from desktop.export.pdf import pdf_bytes
from desktop.services.book import Book
from desktop.services.members import MemberInput, MemberService
from desktop.services.reviews import ReviewService
from tests.export.review_book import TODAY, SmallReview, make_small_review

DOTS = "……………"
ROMAN = ("I", "II", "III", "IV", "V", "VI")


def in_order(text: str, *parts: str) -> None:
    """Each part occurs in `text`, after the one before it."""
    position = 0
    for part in parts:
        found = text.find(part, position)
        assert found >= 0, f"{part!r} not found after position {position}:\n{text}"
        position = found + len(part)


def pdf_text(document: Document) -> str:
    """The printed PDF's words in reading order, wrapped lines joined."""
    reader = PdfReader(BytesIO(pdf_bytes(document)))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def word_text(document: Document, tmp_path: Path) -> str:
    path = tmp_path / f"{document.file_stem}.docx"
    render_docx(document, path)
    lines: list[str] = []
    for item in WordDocument(str(path)).iter_inner_content():
        if isinstance(item, WordTable):
            lines += [cell.text for row in item.rows for cell in row.cells]
        else:
            lines.append(item.text)
    return " ".join(" ".join(lines).split())


def register_count(book: Book) -> int:
    with book.reader() as session:
        return session.scalar(select(func.count()).select_from(DocumentRecord)) or 0


@pytest.fixture
def small(book: Book) -> SmallReview:
    return make_small_review(book)


# --- the personal review form -------------------------------------------------------------


def test_form_of_a_member_in_a_leading_post(book: Book, small: SmallReview) -> None:
    document = build_review_form(book, small.reviews["an"], language="en", today=TODAY)
    assert (document.header.form_code, document.header.number_symbol) == ("Mẫu 2A-HD KĐ.ĐG", "")
    assert document.file_stem == "ban-kiem-diem-2026-nguyen-van-an"
    in_order(
        pdf_text(document),
        "Mẫu 2A-HD KĐ.ĐG",
        "ĐẢNG BỘ XÃ AN PHÚ",
        "CHI BỘ THÔN AN HÒA",
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "An Phú, ngày 05 tháng 12 năm 2026",
        "PERSONAL REVIEW",
        "Year 2026",
        "(Members in leading or managing posts)",
        "Full name: Nguyễn Văn An",
        "Date of birth: 09/04/1968",
        "Party post: Secretary",
        "Workplace: Ủy ban nhân dân xã An Phú",
        "Party cell: Chi bộ Thôn An Hòa",
        "I. STRENGTHS AND RESULTS",
        "Lãnh đạo chi bộ hoàn thành các chỉ tiêu.",
        "Giữ gìn đoàn kết nội bộ.",
        "II. SHORTCOMINGS AND THEIR CAUSES",
        "Có lúc chưa sâu sát cơ sở.",
        "III. HOW SHORTCOMINGS POINTED OUT IN EARLIER REVIEWS WERE FIXED",
        "Đã khắc phục việc họp muộn.",
        "IV. OWN RESPONSIBILITY FOR THE SHORTCOMINGS OF THE COLLECTIVE (IF ANY)",
        "Chịu trách nhiệm chính về việc thu đảng phí chậm.",
        "V. REMEDIES FOR THE SHORTCOMINGS, WITH A TIMELINE",
        "Đi cơ sở mỗi tháng hai lần.",
        "VI. SELF-RATED LEVEL",
        "Self-rated level: Excellent",
        "SELF-REVIEWING MEMBER",
        "Nguyễn Văn An",
        "ASSESSMENT BY THE PARTY CELL",
        "Criticism and suggestions:",
        "Comrade Trần Thị Bích: Đồng chí cần dành thêm thời gian đi cơ sở.",
        "The cell proposed the level: Excellent (92 points)",
        "Vote: 3/3 comrades in favour (100%)",
        "ON BEHALF OF THE PARTY CELL",
        "SECRETARY",
        "Nguyễn Văn An",
        "The superior committee decided the level:",
    )
    # The two paragraphs written apart are printed apart.
    texts = [getattr(block, "text", "") for block in document.blocks]
    assert "Lãnh đạo chi bộ hoàn thành các chỉ tiêu." in texts
    assert "Giữ gìn đoàn kết nội bộ." in texts
    # Not yet decided: lines are left to write the decision on.
    assert isinstance(document.blocks[-1], DottedLines)


def test_form_in_vietnamese_lists_the_shortcomings_carried_from_last_year(
    book: Book, small: SmallReview
) -> None:
    document = build_review_form(book, small.reviews["bich"], today=TODAY)
    text = pdf_text(document)
    in_order(
        text,
        "Mẫu 2B-HD KĐ.ĐG",
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "An Phú, ngày 06 tháng 12 năm 2026",
        "BẢN KIỂM ĐIỂM CÁ NHÂN",
        "(Dùng cho đảng viên không giữ chức vụ lãnh đạo, quản lý)",
        "Trần Thị Bích",
        "20/08/1985",
        "Phó Bí thư",
        "Trường Tiểu học An Phú",
        "Chi bộ Thôn An Hòa",
        "I. ƯU ĐIỂM, KẾT QUẢ ĐẠT ĐƯỢC",
        "Hoàn thành tốt công tác giảng dạy.",
        "II. HẠN CHẾ, KHUYẾT ĐIỂM VÀ NGUYÊN NHÂN",
        "III. KẾT QUẢ KHẮC PHỤC NHỮNG HẠN CHẾ, KHUYẾT ĐIỂM ĐÃ ĐƯỢC CHỈ RA Ở CÁC KỲ KIỂM ĐIỂM TRƯỚC",
        "Chưa tích cực tham gia vệ sinh môi trường",
        "Tham gia đầy đủ các buổi tổng vệ sinh",
        "30/06/2026",
        "Đã tham gia đủ 6 buổi (02/07/2026)",
        "IV. PHƯƠNG HƯỚNG, BIỆN PHÁP KHẮC PHỤC HẠN CHẾ, KHUYẾT ĐIỂM",
        "V. TỰ NHẬN MỨC XẾP LOẠI CHẤT LƯỢNG",
        "Hoàn thành tốt nhiệm vụ",
        "Trần Thị Bích",
        "Hoàn thành tốt nhiệm vụ (85",
        "2/3",
        "66,67%",
        "T/M CHI BỘ",
        "Nguyễn Văn An",
    )
    assert "LÀM RÕ TRÁCH NHIỆM" not in text  # a section of form 2A only
    # An empty section leaves lines to write on.
    position = [type(block).__name__ for block in document.blocks]
    assert "DottedLines" in position


def test_farmer_form_has_no_workplace_and_prints_the_decision(
    book: Book, small: SmallReview
) -> None:
    document = build_review_form(book, small.reviews["cuong"], language="en", today=TODAY)
    text = pdf_text(document)
    assert "Ruộng nhà" not in text and "Workplace" not in text
    in_order(
        text,
        "Mẫu 2C-HD KĐ.ĐG",
        "(Members not working in the political system)",
        "Party post: Party member",
        "Party cell: Chi bộ Thôn An Hòa",
        "I. STRENGTHS AND RESULTS",
        "II. SHORTCOMINGS AND THEIR CAUSES",
        "Đôi khi đóng đảng phí chậm.",
        "III. REMEDIES FOR THE SHORTCOMINGS, WITH A TIMELINE",
        "Đóng đảng phí đầu tháng.",
        "IV. SELF-RATED LEVEL",
        "Self-rated level: Good",
        "Comrade Nguyễn Văn An: Cần đóng đảng phí đúng hạn.",
        "Đại diện Đảng ủy xã: Ghi nhận tinh thần sản xuất giỏi.",
        "The cell proposed the level: Good (75 points)",
        "Vote: 2/3 comrades in favour (66.67%)",
        "The superior committee decided the level: Good, Decision No. 25-QĐ/ĐU of 18/12/2026",
    )
    assert "EARLIER REVIEWS" not in text  # form 2C has no such section


def test_probationary_form_not_yet_discussed_leaves_the_cells_part_blank(
    book: Book, small: SmallReview
) -> None:
    english = build_review_form(book, small.reviews["dung"], language="en", today=TODAY)
    assert english.header.form_code == ""  # the form has no code
    text = pdf_text(english)
    in_order(
        text,
        "SELF-REVIEW",
        "Year 2026",
        "(Probationary members)",
        "Full name: Phạm Thị Dung",
        "Self-rated level: Completed",
        "ASSESSMENT BY THE PARTY CELL",
        "Criticism and suggestions:",
        f"The cell proposed the level: {DOTS}",
        "Vote: ……/…… comrades in favour (……%)",
    )
    vietnamese = build_review_form(book, small.reviews["dung"], today=TODAY)
    assert vietnamese.title == "BẢN TỰ KIỂM ĐIỂM"
    assert "(Dùng cho đảng viên dự bị)" in pdf_text(vietnamese)


# --- blank forms ------------------------------------------------------------------------------


def test_one_blank_form_per_variant_with_its_sections(book: Book) -> None:
    planned = blank_review_forms(book)
    assert [(p.kind, p.form_id) for p in planned] == [
        ("blank_review_form", "2A"),
        ("blank_review_form", "2B"),
        ("blank_review_form", "2C"),
        ("blank_review_form", "probationary"),
    ]
    for item, form in zip(planned, book.rules.review_forms, strict=True):
        document = build(book, item, issue=True)
        assert document.kind == "blank_review_form"
        assert document.header.form_code == form.code
        assert document.header.place_date.startswith("……")
        assert document.file_stem == f"ban-kiem-diem-mau-{form.id.lower()}"
        text = pdf_text(document)
        headings = [
            f"{number}. {section.title('vi').upper()}"
            for number, section in zip(ROMAN, form.sections, strict=False)
        ]
        in_order(text, "ĐẢNG CỘNG SẢN VIỆT NAM", document.title, "20……", *headings)
        assert sum(isinstance(b, DottedLines) for b in document.blocks) >= len(form.sections) + 4
    assert register_count(book) == 0  # blank forms are never numbered
    titles = [build(book, item, issue=False).title for item in planned]
    assert titles == [
        "BẢN KIỂM ĐIỂM CÁ NHÂN",
        "BẢN KIỂM ĐIỂM CÁ NHÂN",
        "BẢN KIỂM ĐIỂM CÁ NHÂN",
        "BẢN TỰ KIỂM ĐIỂM",
    ]


def test_blank_form_has_a_workplace_line_unless_for_members_outside(book: Book) -> None:
    def labels(form_id: str) -> list[str]:
        document = build_blank_review_form(book, form_id, language="en")
        return [b.label for b in document.blocks if isinstance(b, DottedLines) and b.label]

    assert "Workplace: " in labels("2A")
    assert "Workplace: " in labels("probationary")  # for members of every work group
    assert "Workplace: " not in labels("2C")
    assert labels("2C")[:4] == ["Full name: ", "Date of birth: ", "Party post: ", "Party cell: "]


# --- the minutes of the review meeting --------------------------------------------------------


def test_review_minutes(book: Book, small: SmallReview) -> None:
    planned = documents_for_review(book, small.campaign, today=TODAY)[0]
    assert planned.kind == "review_minutes" and planned.day == date(2026, 12, 10)
    document = build(book, planned, issue=True, language="en", today=TODAY)
    assert document.header.number_symbol == "Số 01-BB/CB"
    assert document.file_stem == "bien-ban-kiem-diem-2026"
    text = pdf_text(document)
    in_order(
        text,
        "Số 01-BB/CB",
        "An Phú, ngày 10 tháng 12 năm 2026",
        "MINUTES",
        "Meeting to review, assess and rate the quality of party members, year 2026",
        "I. TIME, PLACE AND PARTICIPANTS",
        "Time: started at 19 h 30 min, day 10 month 12 year 2026.",
        "Place: Nhà văn hóa thôn An Hòa",
        "Members of the cell: 4 comrades (3 full, 1 probationary)",
        "Present: 4 of 4 comrades (3 full, 1 probationary)",
        "Chair: Comrade Nguyễn Văn An, Secretary",
        "Minute-taker: Comrade Trần Thị Bích, Deputy secretary",
        "II. CONTENT OF THE MEETING",
        "1. Comrade Nguyễn Văn An",
        "Comrade Nguyễn Văn An presented their personal review and rated themself: Excellent.",
        "Comrade Trần Thị Bích: Đồng chí cần dành thêm thời gian đi cơ sở.",
        "The cell proposed the level: Excellent (92 points)",
        "Vote: 3 of 3 voting members present in favour (100%), 0 against, 0 abstaining.",
        "2. Comrade Trần Thị Bích",
        "rated themself: Good.",
        "Criticism and suggestions: none",
        "Vote: 2 of 3 voting members present in favour (66.67%), 1 against, 0 abstaining.",
        "3. Comrade Lê Văn Cường",
        "Comrade Nguyễn Văn An: Cần đóng đảng phí đúng hạn.",
        "Đại diện Đảng ủy xã: Ghi nhận tinh thần sản xuất giỏi.",
        "Vote: 2 of 3 voting members present in favour (66.67%), 0 against, 1 abstaining.",
        "4. Comrade Phạm Thị Dung",
        "rated themself: Completed.",
        f"The cell proposed the level: {DOTS}",
        "Vote: …… of …… voting members present in favour",
        "5. Collective review of the party cell",
        "the cell rated itself: Good.",
        "Comrade Lê Văn Cường: Chi bộ cần đổi mới nội dung sinh hoạt.",
        "The cell proposed the level: Good",
        "Vote: 3 of 3 voting members present in favour (100%)",
        "III. CLOSING",
        "The meeting closed at 21 h 45 min the same day.",
        "MINUTE-TAKER",
        "Trần Thị Bích",
        "CHAIR",
        "Nguyễn Văn An",
    )
    assert "Hoàng Văn Em" not in text  # exempt: does not review
    assert "quota" not in text.lower() and "needs at least" not in text  # no warnings printed


def test_review_minutes_without_a_meeting_leave_lines_to_fill_in(book: Book) -> None:
    service = MemberService(book, TODAY)
    for name in ("Ngô Văn Hùng", "Đỗ Thị Lan"):
        service.create(MemberInput(full_name=name, sex=Sex.MALE, admission_date=date(2000, 1, 1)))
    campaign = ReviewService(book, TODAY).start(2026, started_on=date(2026, 12, 1))
    document = build_review_minutes(book, campaign, language="en", today=TODAY)
    assert document.header.place_date.startswith("……")  # nothing discussed: no date yet
    labels = [b.label for b in document.blocks if isinstance(b, DottedLines)]
    assert {"Place: ", "Chair: ", "Minute-taker: ", "Present: "} <= set(labels)
    text = pdf_text(document)
    # Name order goes by the given name.
    in_order(text, "1. Comrade Ngô Văn Hùng", "2. Comrade Đỗ Thị Lan", "3. Collective review")
    assert f"rated themself: {DOTS}" in text
    # The other documents of an untouched campaign build too.
    summary = pdf_text(build_rating_summary(book, campaign, language="en", today=TODAY))
    assert "Not rated: 2 comrades: Ngô Văn Hùng (not started); Đỗ Thị Lan (not started)" in summary
    report = build_cell_review_report(book, campaign, language="en", today=TODAY)
    assert sum(isinstance(b, DottedLines) for b in report.blocks) == 4  # I, II, III, IV
    assert "In year 2026 the cell held 0 regular meetings" in pdf_text(report)


# --- the rating results report ----------------------------------------------------------------


def test_rating_summary(book: Book, small: SmallReview) -> None:
    document = build_rating_summary(book, small.campaign, language="en", today=TODAY)
    assert document.header.number_symbol == f"Số {UNISSUED_NUMBER}-BC/CB"
    assert document.file_stem == "bao-cao-xep-loai-2026"
    plain = document.plain_text()
    in_order(
        plain,
        "An Phú, ngày 20 tháng 12 năm 2026",
        "REPORT",
        "Results of assessing and rating the quality of party members, year 2026",
        "To: Đảng ủy xã An Phú",
        "I. RESULTS FOR EACH MEMBER",
        "No. | Full name | Year of birth | Post | Self-rated | Proposed by the cell | "
        "Decided by the superior committee | Notes",
        "1 | Nguyễn Văn An | 1968 | Secretary | Excellent | Excellent |  | ",
        "2 | Trần Thị Bích | 1985 | Deputy secretary | Good | Good |  | ",
        "3 | Lê Văn Cường | 1975 | Party member | Good | Good | Good | ",
        "4 | Phạm Thị Dung | 1999 | Party member | Completed |  |  | "
        "Probationary member; not rated yet: self-review written",
        "II. SUMMARY",
        "Members reviewed: 4; rated: 3.",
        "- Excellent: 1 comrades (33.33%)",
        "- Good: 2 comrades (66.67%)",
        "- Completed: 0 comrades (0%)",
        "- Not completed: 0 comrades (0%)",
        "counted at the level the cell proposed",
        "Not rated: 1 comrades: Phạm Thị Dung (self-review written)",
        "Exempt from party work and meetings, not reviewing: Hoàng Văn Em.",
        "Share of members rated excellent to those rated good: 50% (the rule allows at most 20%).",
        "- Đảng ủy xã An Phú (to report);",
        "ON BEHALF OF THE PARTY CELL",
        "SECRETARY",
        "Nguyễn Văn An",
    )
    text = pdf_text(document)
    in_order(text, "Nguyễn Văn An", "Trần Thị Bích", "Lê Văn Cường", "Phạm Thị Dung", "50%")
    assert "Nơi nhận" in text


def test_rating_summary_without_the_cap_leaves_out_the_share(
    book: Book, small: SmallReview, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.rules.ruleset import ExcellentCap, RuleSet

    monkeypatch.setattr(
        RuleSet, "excellent_cap", property(lambda self: ExcellentCap(False, 0.2, False))
    )
    text = build_rating_summary(book, small.campaign, language="en", today=TODAY).plain_text()
    assert "Share of members rated excellent" not in text
    assert "Members reviewed: 4; rated: 3." in text


# --- the cell's collective review --------------------------------------------------------------


def test_cell_review_report(book: Book, small: SmallReview) -> None:
    document = build_cell_review_report(book, small.campaign, language="en", today=TODAY)
    assert document.file_stem == "bao-cao-kiem-diem-chi-bo-2026"
    in_order(
        pdf_text(document),
        "REPORT",
        "Collective review of the party cell, year 2026",
        "To: Đảng ủy xã An Phú",
        "I. STRENGTHS AND RESULTS",
        "Chi bộ duy trì sinh hoạt đều đặn.",
        "In year 2026 the cell held 2 regular meetings, with an average attendance of 87.5%, "
        "1 thematic meetings and 0 extraordinary meetings.",
        "The cell's emulation pledges and their results:",
        "Chi bộ đạt trong sạch, vững mạnh: achieved (Được Đảng ủy xã công nhận).",
        "Commendations of the cell:",
        "Giấy khen (Đảng ủy xã An Phú, Số 40-QĐ/ĐU, 15/11/2026): Hoàn thành tốt nhiệm vụ năm 2026.",
        "II. SHORTCOMINGS AND THEIR CAUSES",
        "Nội dung sinh hoạt có lúc còn đơn điệu.",
        "III. RESULTS OF FIXING SHORTCOMINGS POINTED OUT EARLIER",
        "Đã giao tổ trưởng thu đảng phí.",
        "Shortcomings pointed out earlier:",
        "Tỷ lệ thu đảng phí đúng hạn còn thấp; remedy: Giao tổ trưởng thu theo tháng; "
        "deadline: 31/12/2026; status: to fix.",
        "IV. REMEDIES",
        "Mỗi quý một chuyên đề.",
        "V. SELF-RATED LEVEL",
        "Self-rated level: Good",
        "The cell proposed the level: Good",
        "Vote: 3 of 3 voting members present in favour (100%), 0 against, 0 abstaining.",
        "Nơi nhận",
        "ON BEHALF OF THE PARTY CELL",
        "Nguyễn Văn An",
    )


def test_cell_review_report_prints_the_communes_decision(book: Book, small: SmallReview) -> None:
    ReviewService(book, TODAY).decide_cell(
        small.campaign, "good", decided_on=date(2026, 12, 19), decision_ref="30-QĐ/ĐU"
    )
    text = build_cell_review_report(book, small.campaign, language="en", today=TODAY).plain_text()
    assert (
        "The superior committee decided the level: Good, Decision No. 30-QĐ/ĐU of 19/12/2026"
        in text
    )


# --- catalogue, numbers, Word copies, export ---------------------------------------------------


def test_catalogue_lists_the_campaigns_documents(book: Book, small: SmallReview) -> None:
    planned = documents_for_review(book, small.campaign, today=TODAY)
    assert [(p.kind, p.doc_type) for p in planned] == [
        ("review_minutes", DocumentType.MINUTES),
        ("rating_summary", DocumentType.REPORT),
        ("cell_review_report", DocumentType.REPORT),
        ("review_form", None),
        ("review_form", None),
        ("review_form", None),
        ("review_form", None),
    ]
    assert [p.about for p in planned[3:]] == [
        "Nguyễn Văn An",
        "Trần Thị Bích",
        "Lê Văn Cường",
        "Phạm Thị Dung",
    ]
    assert [p.review_id for p in planned[3:]] == [
        small.reviews[key] for key in ("an", "bich", "cuong", "dung")
    ]
    assert all(p.campaign_id == small.campaign for p in planned)
    assert planned[1].day == TODAY
    for key in ("review_minutes", "rating_summary", "cell_review_report", "review_form"):
        assert catalogue.KINDS[key].label.isascii()


def test_numbers_are_issued_once_per_campaign(book: Book, small: SmallReview) -> None:
    planned = documents_for_review(book, small.campaign, today=TODAY)
    minutes, summary, report = planned[:3]
    preview = build(book, summary, issue=False, language="en")
    assert preview.header.number_symbol == f"Số {UNISSUED_NUMBER}-BC/CB"
    assert issued_record(book, summary) is None and register_count(book) == 0

    first = [build(book, item, issue=True, today=TODAY).header.number_symbol for item in planned]
    assert first[:3] == ["Số 01-BB/CB", "Số 01-BC/CB", "Số 02-BC/CB"]
    assert first[3:] == ["", "", "", ""]  # the personal forms are not numbered
    assert register_count(book) == 3
    again = [build(book, item, issue=True, today=TODAY).header.number_symbol for item in planned]
    assert again == first and register_count(book) == 3
    record = issued_record(book, report)
    assert record is not None and record.file_name == f"cell_review_report-{small.campaign}"
    assert issued_record(book, minutes).issued_on == date(2026, 12, 10)  # type: ignore[union-attr]
    assert issued_record(book, summary).issued_on == TODAY  # type: ignore[union-attr]
    # The review meeting's own monthly minutes keep a number of their own.
    from desktop.export.numbering import record_for

    assert record_for(book, DocumentType.MINUTES, small.meeting) is None

    # Another campaign of the year (a quarter's) is numbered apart.
    quarter = ReviewService(book, TODAY).start(
        2026, ReviewPeriod.QUARTERLY, quarter=4, started_on=date(2026, 12, 15)
    )
    others = documents_for_review(book, quarter, today=TODAY)[:3]
    numbers = [build(book, item, issue=True, today=TODAY).header.number_symbol for item in others]
    assert numbers == ["Số 02-BB/CB", "Số 03-BC/CB", "Số 04-BC/CB"]
    assert build(book, others[0], issue=False).file_stem == "bien-ban-kiem-diem-2026-q4"


def test_word_copies_have_the_same_headings(book: Book, small: SmallReview, tmp_path: Path) -> None:
    planned = documents_for_review(book, small.campaign, today=TODAY)
    for item in planned + blank_review_forms(book):
        document = build(book, item, issue=True, today=TODAY)
        text = word_text(document, tmp_path)
        headings = [
            block.text
            for block in document.blocks
            if getattr(block, "style", None) is not None and block.style.value == "section"
        ]
        in_order(text, "ĐẢNG CỘNG SẢN VIỆT NAM", document.title, *document.summary, *headings)
    minutes = word_text(build(book, planned[0], issue=False, language="en"), tmp_path)
    in_order(minutes, "MINUTES", "1. Comrade Nguyễn Văn An", "5. Collective review")
    form = word_text(build(book, planned[5], issue=False, language="en"), tmp_path)
    in_order(form, "Mẫu 2C-HD KĐ.ĐG", "PERSONAL REVIEW", "ASSESSMENT BY THE PARTY CELL")


def test_export_a_years_review(book: Book, small: SmallReview, tmp_path: Path) -> None:
    written = export_review_year(book, 2026, tmp_path / "out", formats=("pdf",), today=TODAY)
    names = [item.path.name for item in written]
    assert names == [
        "bien-ban-kiem-diem-2026.pdf",
        "bao-cao-xep-loai-2026.pdf",
        "bao-cao-kiem-diem-chi-bo-2026.pdf",
        "ban-kiem-diem-2026-nguyen-van-an.pdf",
        "ban-kiem-diem-2026-tran-thi-bich.pdf",
        "ban-kiem-diem-2026-le-van-cuong.pdf",
        "ban-kiem-diem-2026-pham-thi-dung.pdf",
        "ban-kiem-diem-mau-2a.pdf",
        "ban-kiem-diem-mau-2b.pdf",
        "ban-kiem-diem-mau-2c.pdf",
        "ban-kiem-diem-mau-probationary.pdf",
    ]
    assert all(item.pages and item.pages >= 1 for item in written)
    assert register_count(book) == 3


def test_a_year_without_a_review_writes_nothing(book: Book, tmp_path: Path) -> None:
    with pytest.raises(NoReviewError):
        export_review_year(book, 2025, tmp_path / "out", today=TODAY)
    assert not (tmp_path / "out").exists()


def test_a_planned_document_without_its_campaign_is_refused(book: Book) -> None:
    with pytest.raises(ValueError):
        build(book, PlannedDocument("rating_summary"), issue=False)


def test_exempt_member_is_not_in_any_form(book: Book, small: SmallReview) -> None:
    detail = ReviewService(book, TODAY).campaign(small.campaign)
    assert small.members["em"] not in {row.member_id for row in detail.reviews}
    assert all(row.member_status is not MemberStatus.EXEMPT for row in detail.reviews)
