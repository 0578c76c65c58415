"""Search ignores diacritics, Đ included, and shows the original text."""

from __future__ import annotations

from datetime import date

from desktop.data.enums import MeetingKind, Sex
from desktop.data.models import Meeting, Member, Resolution, Speech
from desktop.data.search_index import highlight_spans, match_expression, snippet
from desktop.services.book import Book
from desktop.services.search import search_book


def _fill(book: Book) -> None:
    with book.session() as session:
        member = Member(full_name="Nguyễn Văn Đức", sex=Sex.MALE)
        meeting = Meeting(
            kind=MeetingKind.REGULAR,
            scheduled_on=date(2026, 11, 3),
            title="Sinh hoạt chi bộ tháng 11/2026",
        )
        meeting.speeches.append(
            Speech(member=member, content="Đề nghị mỗi Đảng viên nêu gương trong phong trào.")
        )
        meeting.resolution = Resolution(
            title="Nghị quyết tháng 11", directions="Thu đảng phí đúng hạn"
        )
        session.add_all([member, meeting])


def test_dang_vien_finds_dang_vien(book: Book):
    _fill(book)
    results = search_book(book, "dang vien")
    assert [r.kind for r in results] == ["speech"]
    assert "Đảng viên" in results[0].snippet
    assert results[0].title == "Nguyễn Văn Đức"
    assert results[0].meeting_id is not None


def test_nguyen_finds_nguyen_and_duc_finds_duc(book: Book):
    _fill(book)
    assert [r.title for r in search_book(book, "nguyen")] == ["Nguyễn Văn Đức"]
    assert [r.title for r in search_book(book, "duc")] == ["Nguyễn Văn Đức"]
    assert [r.title for r in search_book(book, "ĐỨC")] == ["Nguyễn Văn Đức"]


def test_prefixes_match_and_every_word_is_needed(book: Book):
    _fill(book)
    assert {r.kind for r in search_book(book, "nghi quy")} == {"resolution"}
    assert search_book(book, "dang vien khongco") == []
    assert search_book(book, "  ,, ") == []


def test_changed_and_deleted_records_leave_the_index(book: Book):
    _fill(book)
    with book.session() as session:
        member = session.query(Member).one()
        member.full_name = "Trần Văn Bình"
    assert search_book(book, "nguyen") == []
    assert [r.title for r in search_book(book, "binh")] == ["Trần Văn Bình"]
    with book.session() as session:
        session.delete(session.query(Speech).one())
    assert search_book(book, "dang vien") == []


def test_query_syntax_is_never_passed_through():
    assert match_expression('dang" OR vien*') == '"dang"* AND "or"* AND "vien"*'


def test_highlights_point_into_the_original_text():
    text = "Đồng chí Đặng Văn Đông"
    spans = highlight_spans(text, "dang")
    assert [text[a:b] for a, b in spans] == ["Đặng"]
    assert snippet("x" * 300 + " Đảng viên " + "y" * 300, "dang").startswith("…")
