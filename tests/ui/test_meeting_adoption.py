"""Adopting a meeting's minutes from its view, and correcting them on the record."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

import pytest

from desktop.data.enums import MeetingKind, MeetingState, MemberStatus, Sex
from desktop.data.models import AgendaItem, Meeting, Resolution, Speech
from desktop.services.adoption import AdoptionService
from desktop.services.book import Book, NewBookDetails
from desktop.services.meetings import MeetingService
from desktop.services.members import MemberInput, MemberService
from desktop.ui.dialogs.amendment import AmendmentDialog
from desktop.ui.meeting_view import MeetingViewDialog
from desktop.ui.qt.widgets import QDialogButtonBox, QMessageBox

pytestmark = pytest.mark.gui

SPEECH = "Đề nghị sửa đường liên xóm"
CORRECTED = "Đề nghị sửa đường liên xóm trước mùa mưa"


def _book(tmp_path: Path, *, votes: bool = True) -> tuple[Book, dict[str, str]]:
    book = Book.create(tmp_path / "so.cellbook", NewBookDetails("Thôn An Hòa", "Xã An Phú"))
    members = MemberService(book)
    an = members.create(MemberInput("Nguyễn Văn An", Sex.MALE))
    binh = members.create(MemberInput("Trần Thị Bình", Sex.FEMALE, status=MemberStatus.FULL))
    with book.session() as session:
        meeting = Meeting(
            kind=MeetingKind.REGULAR,
            state=MeetingState.HELD,
            scheduled_on=date(2024, 5, 3),
            held_on=date(2024, 5, 3),
            start_time=time(8, 0),
            title="Sinh hoạt chi bộ tháng 5",
            place="Nhà văn hóa thôn",
            chair_id=an,
            minute_taker_id=binh,
        )
        session.add(meeting)
        session.flush()
        item = AgendaItem(meeting_id=meeting.id, position=1, title="Công việc tháng tới")
        session.add(item)
        session.flush()
        speech = Speech(
            meeting_id=meeting.id,
            agenda_item_id=item.id,
            member_id=an,
            position=1,
            content=SPEECH,
        )
        session.add(speech)
        resolution = Resolution(meeting_id=meeting.id, title="Nghị quyết tháng 5")
        if votes:
            resolution.votes_for = 2
            resolution.votes_against = 0
            resolution.votes_abstain = 0
            resolution.voters_present = 2
        session.add(resolution)
        session.flush()
        ids = {"meeting": meeting.id, "speech": speech.id}
    return book, ids


@pytest.fixture
def yes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    asked: list[str] = []

    def question(_parent: object, _title: str, text: str, *_args: object) -> object:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


def _view(qtbot: object, book: Book, meeting_id: str) -> MeetingViewDialog:
    view = MeetingViewDialog(book, meeting_id)
    qtbot.addWidget(view)  # type: ignore[attr-defined]
    return view


def _state(book: Book, meeting_id: str) -> MeetingState:
    meeting = MeetingService(book).get(meeting_id)
    assert meeting is not None
    return meeting.state


def test_adopting_a_held_meeting(qtbot, tmp_path: Path, yes: list[str]) -> None:
    book, ids = _book(tmp_path)
    try:
        view = _view(qtbot, book, ids["meeting"])
        assert not view.adopt_button.isHidden()
        assert view.amend_button.isHidden()
        view.adopt_button.click()
        assert "recorded amendment" in yes[0]
        assert _state(book, ids["meeting"]) is MeetingState.ADOPTED
        assert "Adopted on" in view.browser.toPlainText()
        assert view.adopt_button.isHidden()
        assert not view.amend_button.isHidden()
        view.verify_button.click()
        assert "unchanged" in view.message.text()
    finally:
        book.close()


def test_a_meeting_without_votes_stays_held(qtbot, tmp_path: Path, yes: list[str]) -> None:
    book, ids = _book(tmp_path, votes=False)
    try:
        view = _view(qtbot, book, ids["meeting"])
        view.adopt_button.click()
        assert "Record the vote on the resolution" in view.message.text()
        assert view.message.property("role") == "error"
        assert _state(book, ids["meeting"]) is MeetingState.HELD
        assert not view.adopt_button.isHidden()
    finally:
        book.close()


def _amendment(qtbot, tmp_path: Path) -> tuple[Book, dict[str, str], MeetingViewDialog]:
    book, ids = _book(tmp_path)
    AdoptionService(book).adopt(ids["meeting"])
    view = _view(qtbot, book, ids["meeting"])
    view.amend_button.click()
    dialog = view.amendment_dialog
    assert isinstance(dialog, AmendmentDialog)
    dialog.choose("speech", ids["speech"], "content")
    assert dialog.long_value.toPlainText() == SPEECH
    dialog.set_value(CORRECTED)
    dialog.author.setText("Nguyễn Văn An")
    return book, ids, view


def test_recording_an_amendment_of_a_speech(qtbot, tmp_path: Path) -> None:
    book, ids, view = _amendment(qtbot, tmp_path)
    try:
        dialog = view.amendment_dialog
        assert isinstance(dialog, AmendmentDialog)
        dialog.reason.setPlainText("Ghi thiếu ý kiến")
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
        assert view.amendment_dialog is None
        text = view.browser.toPlainText()
        assert "Amendments to the adopted minutes" in text
        assert CORRECTED in text
        assert "Ghi thiếu ý kiến" in text
        meeting = MeetingService(book).get(ids["meeting"])
        assert meeting is not None
        assert meeting.speeches[0].content == CORRECTED
        assert len(AdoptionService(book).amendments(ids["meeting"])) == 1
        assert AdoptionService(book).verify(ids["meeting"])
    finally:
        book.close()


def test_an_amendment_needs_a_reason(qtbot, tmp_path: Path) -> None:
    book, ids, view = _amendment(qtbot, tmp_path)
    try:
        dialog = view.amendment_dialog
        assert isinstance(dialog, AmendmentDialog)
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
        assert "Reason for the correction" in dialog.form.error_text("reason")
        assert dialog.isVisible()
        meeting = MeetingService(book).get(ids["meeting"])
        assert meeting is not None
        assert meeting.speeches[0].content == SPEECH
        assert AdoptionService(book).amendments(ids["meeting"]) == []
        assert AdoptionService(book).verify(ids["meeting"])
        dialog.reject()
    finally:
        book.close()
