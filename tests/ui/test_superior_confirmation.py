"""The superior committee in the minutes window (remarks saved as typed,
confirmation of the score) and in the read-only view of the meeting."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from desktop.data.enums import GuestRole, MeetingKind, Sex
from desktop.services.book import Book, NewBookDetails
from desktop.services.meeting_documents import MeetingDocumentService
from desktop.services.meetings import MeetingInput, MeetingService
from desktop.services.members import MemberInput, MemberService
from desktop.services.minutes import MinutesService
from desktop.services.preparation import PreparationService
from desktop.ui.meeting_view import MeetingViewDialog
from desktop.ui.minutes import MinutesWindow

pytestmark = pytest.mark.gui

DAY = date(2026, 6, 3)


@pytest.fixture
def book(tmp_path: Path) -> Book:
    created = Book.create(tmp_path / "so.cellbook", NewBookDetails("Thôn An Hòa", "Xã An Phú"))
    for name in ("Nguyễn Văn An", "Trần Thị Bình"):
        MemberService(created).create(MemberInput(name, Sex.MALE))
    yield created
    created.close()


@pytest.fixture
def meeting_id(book: Book) -> str:
    meeting = MeetingService(book).create(
        MeetingInput(MeetingKind.REGULAR, DAY, title="Sinh hoạt chi bộ tháng 6")
    )
    preparation = PreparationService(book, date(2026, 5, 28))
    preparation.start(meeting)
    preparation.invite(meeting, "Trần Văn Thành", "Đảng ủy viên")
    preparation.invite(meeting, "Lê Thị Hoa", "Tổ công tác", GuestRole.WORKING_GROUP)
    return meeting


def _confirmation(book: Book, meeting_id: str):
    return MinutesService(book).confirmation(meeting_id)


def test_remarks_are_saved_as_typed_and_the_score_confirmed(qtbot, book, meeting_id):
    window = MinutesWindow(book, meeting_id)  # deletes itself when closed
    window.show()
    window.tabs.setCurrentWidget(window.score)
    panel = window.score.superior
    assert "Trần Văn Thành" in panel.attendees.text()
    assert "Lê Thị Hoa" in panel.attendees.text()
    assert panel.confirmed_by.currentText() == "Trần Văn Thành"  # the member in charge
    assert not panel.confirm_button.isEnabled()  # no score saved yet

    qtbot.keyClicks(panel.remarks, "Good")
    assert window.saver.pending
    assert window.saver.flush()
    assert MeetingService(book).get(meeting_id).superior_remarks == "Good"
    panel.remarks.setPlainText("Chi bộ chuẩn bị chu đáo.")
    assert window.saver.flush()
    assert MeetingService(book).get(meeting_id).superior_remarks == "Chi bộ chuẩn bị chu đáo."

    window.score.save_button.click()
    assert panel.confirm_button.isEnabled()
    assert panel.confirmed_on.text() == "03/06/2026"
    panel.confirm_button.click()
    state = _confirmation(book, meeting_id)
    assert (state.confirmed_by, state.confirmed_on) == ("Trần Văn Thành", DAY)
    assert "confirmed by Trần Văn Thành on 03/06/2026" in panel.status.text()

    # A different score clears the confirmation, and says so.
    box = next(iter(w for w in window.score.inputs.values() if hasattr(w, "findData")))
    box.setCurrentIndex(1 if box.currentIndex() != 1 else 2)
    window.score.save_button.click()
    if window.service.confirmation(meeting_id).score != 100:
        assert not _confirmation(book, meeting_id).confirmed
        assert "confirm it again" in window.message.text()
        assert "not been confirmed" in panel.status.text()

    panel.confirmed_by.setEditText("Lê Thị Hoa")
    panel.confirmed_on.setText("04/06/2026")
    panel.confirm_button.click()
    assert _confirmation(book, meeting_id).confirmed_on == date(2026, 6, 4)
    panel.clear_button.click()
    assert not _confirmation(book, meeting_id).confirmed
    window.close()


def test_the_meeting_view_shows_invitations_documents_remarks_and_confirmation(
    qtbot, book, meeting_id, tmp_path: Path
):
    source = tmp_path / "Dự thảo nghị quyết.pdf"
    source.write_bytes(b"%PDF-1.4\n" * 100)
    documents = MeetingDocumentService(book)
    documents.set_handed_out(documents.add(meeting_id, source), True)
    view = MeetingViewDialog(book, meeting_id)
    qtbot.addWidget(view)
    text = view.browser.toPlainText()
    assert "Invited" in text
    assert "invitation not sent yet" in text
    assert "Dự thảo nghị quyết" in text and "handed out" in text

    minutes = MinutesService(book)
    guests = MeetingService(book).get(meeting_id).guests
    minutes.set_guest_attended(guests[1].id, False)
    minutes.set_superior_remarks(meeting_id, "Cần bám sát nghị quyết của Đảng ủy xã.")
    minutes.save_score(meeting_id, minutes.framework().full_marks())
    minutes.confirm_score(meeting_id, "Trần Văn Thành")
    with book.session() as session:
        from desktop.data.enums import MeetingState
        from desktop.data.models import Meeting

        session.get(Meeting, meeting_id).state = MeetingState.HELD
    view.refresh()
    text = view.browser.toPlainText()
    assert "Guests" in text
    assert "superior committee member in charge" in text
    assert "Invited, did not attend: Lê Thị Hoa" in text
    assert "Cần bám sát nghị quyết của Đảng ủy xã." in text
    assert "Trần Văn Thành, on 03/06/2026" in text
