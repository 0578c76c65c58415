"""Following recommendations up: forward, answer, close, reopen, and the lists."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from desktop import i18n
from desktop.data.enums import MeetingKind, MemberStatus, RecommendationStatus, Sex
from desktop.data.models import Meeting, Speech
from desktop.services.book import Book
from desktop.services.members import MemberInput, MemberService
from desktop.services.recommendations import (
    RecommendationFilter,
    RecommendationService,
    commune_committee,
)
from desktop.services.validation import ValidationError

TODAY = date(2026, 11, 22)
RAISED = date(2026, 10, 3)


@pytest.fixture
def service(book: Book) -> RecommendationService:
    i18n.set_language("en")
    return RecommendationService(book, today=TODAY)


def _messages(error: pytest.ExceptionInfo[ValidationError]) -> list[tuple[str, str]]:
    return [(item.field, item.message) for item in error.value.errors]


def test_forward_answer_close_and_reopen(service: RecommendationService):
    item = service.create("Đề nghị xã sửa đèn đường", RAISED)
    assert service.get(item).status is RecommendationStatus.OPEN

    service.forward(item, "  Đảng ủy xã An Phú ", date(2026, 10, 5))
    row = service.get(item)
    assert (row.status, row.addressee, row.forwarded_on) == (
        RecommendationStatus.FORWARDED,
        "Đảng ủy xã An Phú",
        date(2026, 10, 5),
    )
    assert row.days_waiting == 50 and row.overdue

    service.answer(item, " Xã đã bố trí kinh phí. ", date(2026, 11, 2))
    row = service.get(item)
    assert (row.status, row.answer, row.answered_on) == (
        RecommendationStatus.ANSWERED,
        "Xã đã bố trí kinh phí.",
        date(2026, 11, 2),
    )
    assert row.days_waiting == 30 and not row.overdue  # the clock stops at the answer

    service.close(item)
    assert service.get(item).status is RecommendationStatus.CLOSED
    assert service.get(item).answer == "Xã đã bố trí kinh phí."

    service.reopen(item)
    row = service.get(item)
    assert row.status is RecommendationStatus.FORWARDED  # it had been sent
    assert row.answered_on is None and row.days_waiting == 50
    assert row.answer == "Xã đã bố trí kinh phí."  # kept as history


def test_it_may_be_answered_without_being_forwarded(service: RecommendationService):
    item = service.create("Đề nghị làm đường", RAISED)
    service.answer(item, "Đã trả lời tại cuộc họp.", RAISED)
    assert service.get(item).status is RecommendationStatus.ANSWERED
    service.reopen(item)
    assert service.get(item).status is RecommendationStatus.OPEN


def test_closing_without_an_answer_needs_a_note(service: RecommendationService):
    item = service.create("Đề nghị làm đường", RAISED)
    with pytest.raises(ValidationError) as error:
        service.close(item, "  ")
    assert _messages(error) == [
        ("note", "Why it is closed: it has no answer yet, so please say why it is closed.")
    ]
    assert service.get(item).status is RecommendationStatus.OPEN
    service.close(item, "Đảng viên rút lại kiến nghị.")
    row = service.get(item)
    assert (row.status, row.answer, row.answered_on) == (
        RecommendationStatus.CLOSED,
        "Đảng viên rút lại kiến nghị.",
        None,
    )
    assert row.days_waiting is None and not row.overdue


def test_a_note_after_an_answer_goes_below_it(service: RecommendationService):
    item = service.create("Đề nghị làm đường", RAISED)
    service.answer(item, "Xã đồng ý.", TODAY)
    service.close(item, "Đã làm xong.")
    assert service.get(item).answer == "Xã đồng ý.\n\nĐã làm xong."


def test_forward_refusals(service: RecommendationService):
    item = service.create("Đề nghị làm đường", RAISED)
    with pytest.raises(ValidationError) as error:
        service.forward(item, " ", TODAY + timedelta(days=1))
    assert _messages(error) == [
        ("addressee", "Sent to: please fill this in."),
        ("forwarded_on", "Sent on: cannot be in the future."),
    ]
    with pytest.raises(ValidationError) as error:
        service.forward(item, "Đảng ủy xã", date(2026, 10, 2))
    assert _messages(error) == [
        ("forwarded_on", "Sent on: cannot be before the day it was raised (03/10/2026)."),
    ]
    with pytest.raises(ValidationError) as error:
        service.forward(item, "Đảng ủy xã", None)
    assert _messages(error) == [("forwarded_on", "Sent on: please fill this in.")]
    assert service.get(item).status is RecommendationStatus.OPEN

    service.answer(item, "Xã đồng ý.", TODAY)
    with pytest.raises(ValidationError) as error:
        service.forward(item, "Đảng ủy xã", TODAY)
    assert str(error.value) == (
        "This recommendation has already been answered. Reopen it to send it again."
    )
    service.close(item)
    with pytest.raises(ValidationError) as error:
        service.forward(item, "Đảng ủy xã", TODAY)
    assert _messages(error) == [
        ("status", "A closed recommendation cannot be forwarded. Reopen it first.")
    ]
    assert service.get(item).status is RecommendationStatus.CLOSED


def test_answer_refusals(service: RecommendationService):
    item = service.create("Đề nghị làm đường", RAISED)
    service.forward(item, "Đảng ủy xã", date(2026, 10, 10))
    with pytest.raises(ValidationError) as error:
        service.answer(item, "", date(2026, 10, 1))
    assert _messages(error) == [
        ("answer", "Answer: please fill this in."),
        ("answered_on", "Answered on: cannot be before the day it was raised (03/10/2026)."),
    ]
    with pytest.raises(ValidationError) as error:
        service.answer(item, "Xã đồng ý.", date(2026, 10, 8))
    assert _messages(error) == [
        ("answered_on", "Answered on: cannot be before the day it was sent (10/10/2026)."),
    ]
    with pytest.raises(ValidationError) as error:
        service.answer(item, "Xã đồng ý.", TODAY + timedelta(days=1))
    assert _messages(error) == [("answered_on", "Answered on: cannot be in the future.")]
    service.close(item, "Rút lại.")
    with pytest.raises(ValidationError) as error:
        service.answer(item, "Xã đồng ý.", TODAY)
    assert str(error.value) == "A closed recommendation cannot be answered. Reopen it first."


def test_status_moves_back_only_by_reopening(service: RecommendationService):
    item = service.create("Đề nghị làm đường", RAISED)
    with pytest.raises(ValidationError) as error:
        service.reopen(item)
    assert str(error.value) == ("This recommendation is still waiting; there is nothing to reopen.")
    service.close(item, "Rút lại.")
    with pytest.raises(ValidationError) as error:
        service.close(item, "Lần nữa.")
    assert str(error.value) == "This recommendation is already closed."
    with pytest.raises(ValidationError) as error:
        service.get("no-such-id")
    assert str(error.value) == "This recommendation is no longer in the book."


def test_messages_are_vietnamese_by_default(book: Book):
    service = RecommendationService(book, today=TODAY)
    item = service.create("Đề nghị làm đường", RAISED)
    with pytest.raises(ValidationError) as error:
        service.forward(item, "", TODAY)
    assert "please" not in str(error.value)


def _meeting_with_speeches(book: Book) -> tuple[str, str, str]:
    member = MemberService(book, today=TODAY).create(
        MemberInput("Nguyễn Văn An", Sex.MALE, status=MemberStatus.FULL)
    )
    with book.session() as session:
        meeting = Meeting(
            kind=MeetingKind.REGULAR,
            scheduled_on=date(2026, 11, 3),
            held_on=date(2026, 11, 4),
        )
        session.add(meeting)
        session.flush()
        speech = Speech(
            meeting_id=meeting.id,
            member_id=member,
            position=1,
            content=" Đề nghị xã nâng cấp đường liên thôn ",
        )
        silent = Speech(meeting_id=meeting.id, speaker_name="Khách", position=2, content=" ")
        session.add_all([speech, silent])
        session.flush()
        return meeting.id, speech.id, silent.id


def test_from_speech(book: Book, service: RecommendationService):
    meeting_id, speech_id, silent_id = _meeting_with_speeches(book)
    item = service.from_speech(speech_id, "Đảng ủy xã An Phú")
    row = service.get(item)
    assert (row.content, row.raised_by, row.raised_on, row.addressee) == (
        "Đề nghị xã nâng cấp đường liên thôn",
        "Nguyễn Văn An",
        date(2026, 11, 4),  # the day the meeting was held
        "Đảng ủy xã An Phú",
    )
    assert (row.meeting_id, row.speech_id, row.status) == (
        meeting_id,
        speech_id,
        RecommendationStatus.OPEN,
    )
    with book.reader() as session:
        assert session.get(Speech, speech_id).is_recommendation
    with pytest.raises(ValidationError) as error:
        service.from_speech(speech_id)
    assert str(error.value) == "A recommendation has already been made from this speech."
    with pytest.raises(ValidationError) as error:
        service.from_speech(silent_id)
    assert str(error.value) == "This speech has no text to send up."
    with pytest.raises(ValidationError) as error:
        service.from_speech("no-such-speech")
    assert str(error.value) == "This speech is no longer in the book."
    assert len(service.rows()) == 1


def test_filters_days_waiting_and_summary(service: RecommendationService):
    old = service.create("Cũ, chờ lâu", TODAY - timedelta(days=45))
    recent = service.create("Mới", TODAY - timedelta(days=3))
    sent = service.create("Đã gửi", TODAY - timedelta(days=31))
    service.forward(sent, "Đảng ủy xã", TODAY - timedelta(days=30))
    answered = service.create("Đã trả lời", TODAY - timedelta(days=100))
    service.answer(answered, "Đồng ý.", TODAY - timedelta(days=20))
    last_year = service.create("Năm ngoái", date(2025, 12, 1))
    service.answer(last_year, "Đồng ý.", date(2025, 12, 20))
    closed = service.create("Rút lại", TODAY - timedelta(days=10))
    service.close(closed, "Rút lại.")

    def ids(which: RecommendationFilter | str) -> list[str]:
        return [row.id for row in service.rows(which)]

    assert ids(RecommendationFilter.WAITING) == [recent, sent, old]  # newest first
    assert ids("overdue") == [sent, old]
    assert ids(RecommendationFilter.ANSWERED) == [answered, last_year]
    assert ids(RecommendationFilter.CLOSED) == [closed]
    assert len(ids(RecommendationFilter.ALL)) == len(service.rows()) == 6
    waiting = {row.id: row.days_waiting for row in service.rows()}
    assert (waiting[old], waiting[recent], waiting[sent], waiting[answered]) == (45, 3, 31, 80)
    assert waiting[closed] is None

    summary = service.summary()
    assert (summary.waiting, summary.overdue, summary.answered_this_year, summary.total) == (
        3,
        2,
        1,
        6,
    )
    with pytest.raises(ValueError):
        service.rows("someday")


def test_addressee_is_the_commune_party_committee(service: RecommendationService):
    assert service.default_addressee() == "Đảng ủy xã An Phú"
    assert commune_committee("Xã  An Phú") == "Đảng ủy xã An Phú"
    assert commune_committee("Phường Hòa Bình") == "Đảng ủy phường Hòa Bình"
    assert commune_committee("") == "Đảng ủy xã"
