"""Committee rules: one secretary at a time, posts within terms, ending posts, new terms."""

from __future__ import annotations

from datetime import date

import pytest

from desktop import i18n
from desktop.data.enums import CommitteePostKind as Post
from desktop.data.enums import MemberEventKind, MemberStatus, Sex
from desktop.services.book import Book
from desktop.services.committee import CommitteeService
from desktop.services.member_events import EventInput, EventService
from desktop.services.members import MemberInput, MemberService
from desktop.services.validation import ValidationError

TODAY = date(2026, 11, 22)
TERM_START = date(2025, 1, 1)  # the `book` fixture's first term


@pytest.fixture(autouse=True)
def english():
    i18n.set_language("en")


def _member(book: Book, name: str, **extra) -> str:
    extra.setdefault("admission_date", date(2000, 1, 1))
    extra.setdefault("official_date", date(2001, 1, 1))
    return MemberService(book, TODAY).create(MemberInput(name, Sex.MALE, **extra))


def _service(book: Book) -> CommitteeService:
    return CommitteeService(book, TODAY)


def test_assign_and_read_the_current_committee(book: Book):
    an = _member(book, "Nguyễn Văn An")
    binh = _member(book, "Trần Thị Bình")
    service = _service(book)
    service.assign(binh, Post.DEPUTY_SECRETARY, date(2025, 1, 5))
    service.assign(an, Post.SECRETARY, date(2025, 1, 5))
    assert [(h.full_name, h.post) for h in service.current()] == [
        ("Nguyễn Văn An", Post.SECRETARY),
        ("Trần Thị Bình", Post.DEPUTY_SECRETARY),
    ]
    assert service.secretary().member_id == an
    term = service.current_term()
    assert term.name == "Nhiệm kỳ 2025–2030"
    assert [row.post for row in service.posts()] == [Post.SECRETARY, Post.DEPUTY_SECRETARY]
    assert service.current_posts_by_member() == {
        an: [Post.SECRETARY],
        binh: [Post.DEPUTY_SECRETARY],
    }
    (post,) = service.posts_of(an)
    assert (post.term_name, post.starts_on, post.ends_on) == (term.name, date(2025, 1, 5), None)


def test_one_secretary_at_a_time(book: Book):
    an = _member(book, "Nguyễn Văn An")
    binh = _member(book, "Trần Thị Bình")
    service = _service(book)
    first = service.assign(an, Post.SECRETARY, date(2025, 1, 5))
    with pytest.raises(ValidationError) as raised:
        service.assign(binh, Post.SECRETARY, date(2026, 3, 1))
    assert "Nguyễn Văn An is the secretary" in raised.value.for_field("post")[0]
    service.end_post(first, date(2026, 2, 28))
    service.assign(binh, Post.SECRETARY, date(2026, 3, 1))
    assert service.secretary().member_id == binh
    # A second post for the same member at the same time is refused too.
    with pytest.raises(ValidationError) as raised:
        service.assign(binh, Post.COMMITTEE_MEMBER, date(2026, 4, 1))
    assert "already holds a post (Secretary)" in raised.value.for_field("member")[0]


def test_only_full_current_members_hold_posts(book: Book):
    new = _member(book, "Lê Văn Mới", admission_date=date(2026, 6, 1), official_date=None)
    guest = _member(book, "Phạm Thị Khách", status=MemberStatus.ATTACHED, home_cell="Thôn B")
    gone = _member(book, "Đỗ Văn Đi")
    EventService(book, TODAY).record(
        gone, EventInput(MemberEventKind.OFFICIAL_TRANSFER, date(2026, 5, 1), counterpart="Xã C")
    )
    service = _service(book)
    for member_id, words in (
        (new, "probationary member"),
        (guest, "temporarily attached"),
        (gone, "no longer a member"),
    ):
        with pytest.raises(ValidationError) as raised:
            service.assign(member_id, Post.COMMITTEE_MEMBER, date(2026, 6, 2))
        assert words in raised.value.for_field("member")[0]
    assert service.current() == []


def test_post_starts_within_its_term(book: Book):
    an = _member(book, "Nguyễn Văn An")
    with pytest.raises(ValidationError) as raised:
        _service(book).assign(an, Post.SECRETARY, date(2024, 12, 1))
    assert "within the term" in raised.value.for_field("starts_on")[0]


def test_end_post_checks_the_date(book: Book):
    an = _member(book, "Nguyễn Văn An")
    service = _service(book)
    post = service.assign(an, Post.SECRETARY, date(2025, 3, 1))
    for ends_on, words in (
        (None, "please fill this in"),
        (date(2025, 2, 1), "cannot be before"),
        (date(2027, 1, 1), "future"),
    ):
        with pytest.raises(ValidationError) as raised:
            service.end_post(post, ends_on)
        assert words in raised.value.for_field("ends_on")[0]
    service.end_post(post, date(2026, 6, 30))
    assert service.current() == []
    assert service.posts()[0].ends_on == date(2026, 6, 30)
    with pytest.raises(ValidationError) as raised:
        service.end_post(post, date(2026, 7, 1))
    assert "already ended on 30/06/2026" in raised.value.for_field("ends_on")[0]


def test_new_term_ends_the_previous_one_and_its_posts(book: Book):
    an = _member(book, "Nguyễn Văn An")
    binh = _member(book, "Trần Thị Bình")
    service = CommitteeService(book, date(2030, 2, 1))
    old = service.current_term()
    service.assign(an, Post.SECRETARY, date(2025, 1, 5))
    new_id = service.add_term("Nhiệm kỳ 2030–2035", date(2030, 1, 1), date(2034, 12, 31))
    terms = service.terms()
    assert [t.name for t in terms] == ["Nhiệm kỳ 2030–2035", old.name]
    assert terms[1].ends_on == date(2029, 12, 31)
    assert service.current_term().id == new_id
    assert service.current() == []
    (ended,) = service.posts_of(an)
    assert ended.ends_on == date(2029, 12, 31)
    service.assign(binh, Post.SECRETARY, date(2030, 1, 10))
    assert service.secretary().member_id == binh


def test_new_term_is_validated(book: Book):
    service = _service(book)
    with pytest.raises(ValidationError) as raised:
        service.add_term(" ", None)
    assert {e.field for e in raised.value.errors} == {"term", "starts_on"}
    with pytest.raises(ValidationError) as raised:
        service.add_term("Nhiệm kỳ mới", date(2026, 1, 1), date(2025, 1, 1))
    assert raised.value.for_field("ends_on") == ["Until: cannot be before From."]
    with pytest.raises(ValidationError) as raised:
        service.add_term("Nhiệm kỳ  2025–2030", date(2026, 1, 1))
    assert "already a term" in raised.value.for_field("term")[0]
    with pytest.raises(ValidationError) as raised:
        service.add_term("Nhiệm kỳ cũ", date(2024, 1, 1))
    assert "must be after the start" in raised.value.for_field("starts_on")[0]
    assert len(service.terms()) == 1
