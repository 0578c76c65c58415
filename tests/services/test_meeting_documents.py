"""Documents handed out for a meeting, kept in the book: add, list, save a
copy, rename, reorder, hand out, remove; size limit; adopted meetings locked."""

from __future__ import annotations

import hashlib
import unicodedata
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import inspect, select

from desktop import i18n
from desktop.data.enums import MeetingKind, MeetingState
from desktop.data.models import Meeting, MeetingDocument
from desktop.data.stamping import LockedRecordError
from desktop.services.book import Book
from desktop.services.meeting_documents import MeetingDocumentService, size_text
from desktop.services.validation import ValidationError

PDF = b"%PDF-1.4\n% t\xe1i li\xe1\xbb\x87u\n" + bytes(range(256)) * 4


@pytest.fixture(autouse=True)
def english() -> None:
    """Messages are checked in the English source text (the catalog may change)."""
    i18n.set_language("en")


def _meeting(book: Book, state: MeetingState = MeetingState.DRAFT) -> str:
    with book.session() as session:
        meeting = Meeting(kind=MeetingKind.REGULAR, scheduled_on=date(2026, 12, 3), state=state)
        session.add(meeting)
        session.flush()
        return meeting.id


def _file(folder: Path, name: str, data: bytes = PDF) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


def _adopt(book: Book, meeting_id: str) -> None:
    with book.session() as session:
        session.get(Meeting, meeting_id).state = MeetingState.ADOPTED


def test_add_list_and_save_a_copy_round_trip(book: Book, tmp_path: Path):
    meeting_id = _meeting(book)
    service = MeetingDocumentService(book)
    source = _file(tmp_path, "Dự thảo nghị quyết tháng 12.pdf")
    document_id = service.add(meeting_id, source)

    [row] = service.documents(meeting_id)
    assert row.id == document_id
    assert row.title == "Dự thảo nghị quyết tháng 12"  # the name without its extension
    assert row.file_name == "Dự thảo nghị quyết tháng 12.pdf"
    assert row.media_type == "application/pdf"
    assert row.size == len(PDF)
    assert row.sha256 == hashlib.sha256(PDF).hexdigest()
    assert row.position == 1 and not row.handed_out

    out = tmp_path / "out" / "copy.pdf"
    out.parent.mkdir()
    assert service.save_copy(document_id, out) == out
    assert out.read_bytes() == PDF
    assert [p.name for p in out.parent.iterdir()] == ["copy.pdf"]  # no temporary left


def test_titles_are_stored_composed(book: Book, tmp_path: Path):
    meeting_id = _meeting(book)
    service = MeetingDocumentService(book)
    decomposed = unicodedata.normalize("NFD", "Tài liệu học tập")
    document_id = service.add(meeting_id, _file(tmp_path, decomposed + ".txt", b"abc"))
    [row] = service.documents(meeting_id)
    assert row.title == unicodedata.normalize("NFC", decomposed)
    assert row.file_name == unicodedata.normalize("NFC", decomposed) + ".txt"
    service.rename(document_id, unicodedata.normalize("NFD", "  Đề cương   chuyên đề "))
    assert service.documents(meeting_id)[0].title == "Đề cương chuyên đề"
    with pytest.raises(ValidationError):
        service.rename(document_id, "   ")


def test_listing_does_not_read_the_files(book: Book, tmp_path: Path):
    meeting_id = _meeting(book)
    service = MeetingDocumentService(book)
    service.add(meeting_id, _file(tmp_path, "a.pdf"))
    with book.reader() as session:
        document = session.scalars(select(MeetingDocument)).one()
        assert "data" in inspect(document).unloaded


def test_a_file_over_the_limit_is_refused_and_nothing_is_written(book: Book, tmp_path: Path):
    meeting_id = _meeting(book)
    service = MeetingDocumentService(book, max_size=1024)
    counter = book.change_counter
    with pytest.raises(ValidationError) as raised:
        service.add(meeting_id, _file(tmp_path, "scan.pdf", b"x" * 1025))
    message = str(raised.value)
    assert "scan.pdf" in message and "Nothing was added" in message
    assert service.documents(meeting_id) == []
    assert book.change_counter == counter
    service.add(meeting_id, _file(tmp_path, "small.pdf", b"x" * 1024))  # the limit itself is fine
    assert len(service.documents(meeting_id)) == 1


def test_default_limit_is_twenty_megabytes(book: Book):
    assert MeetingDocumentService(book).max_size == 20 * 1024 * 1024
    assert size_text(500) == "500 B"
    assert size_text(2048) == "2.0 KB"
    assert size_text(150 * 1024) == "150 KB"
    assert size_text(20 * 1024 * 1024) in ("20.0 MB", "20,0 MB")


def test_a_missing_file_is_refused_plainly(book: Book, tmp_path: Path):
    meeting_id = _meeting(book)
    with pytest.raises(ValidationError) as raised:
        MeetingDocumentService(book).add(meeting_id, tmp_path / "gone.pdf")
    assert "gone.pdf" in str(raised.value)


def test_reorder_hand_out_note_and_remove(book: Book, tmp_path: Path):
    meeting_id = _meeting(book)
    service = MeetingDocumentService(book)
    first = service.add(meeting_id, _file(tmp_path, "one.txt", b"1"))
    second = service.add(meeting_id, _file(tmp_path, "two.txt", b"2"), title="Hai")
    third = service.add(meeting_id, _file(tmp_path, "three.txt", b"3"))
    assert [r.title for r in service.documents(meeting_id)] == ["one", "Hai", "three"]
    service.move(third, 1)
    rows = service.documents(meeting_id)
    assert [r.id for r in rows] == [third, first, second]
    assert [r.position for r in rows] == [1, 2, 3]
    service.set_handed_out(first, True)
    service.set_note(first, "  Gửi qua Zalo ")
    row = next(r for r in service.documents(meeting_id) if r.id == first)
    assert row.handed_out and row.note == "Gửi qua Zalo"
    service.remove(third)
    rows = service.documents(meeting_id)
    assert [(r.id, r.position) for r in rows] == [(first, 1), (second, 2)]
    with pytest.raises(ValidationError):
        service.remove(third)


def test_documents_of_an_adopted_meeting_are_refused(book: Book, tmp_path: Path):
    meeting_id = _meeting(book)
    service = MeetingDocumentService(book)
    document_id = service.add(meeting_id, _file(tmp_path, "a.pdf"))
    _adopt(book, meeting_id)
    source = _file(tmp_path, "b.pdf")
    for action in (
        lambda: service.add(meeting_id, source),
        lambda: service.rename(document_id, "Khác"),
        lambda: service.set_handed_out(document_id, True),
        lambda: service.move(document_id, 1),
        lambda: service.remove(document_id),
    ):
        with pytest.raises(ValidationError) as raised:
            action()
        assert "adopted" in str(raised.value) or "thông qua" in str(raised.value)
    # Reading and saving a copy still work.
    out = tmp_path / "copy.pdf"
    service.save_copy(document_id, out)
    assert out.read_bytes() == PDF
    # The session guard locks them as well.
    with pytest.raises(LockedRecordError), book.session() as session:
        session.get(MeetingDocument, document_id).handed_out = True
    with pytest.raises(LockedRecordError), book.session() as session:
        session.add(MeetingDocument(meeting_id=meeting_id, title="x", data=b""))


def test_a_damaged_document_is_not_saved_out(book: Book, tmp_path: Path):
    meeting_id = _meeting(book)
    service = MeetingDocumentService(book)
    document_id = service.add(meeting_id, _file(tmp_path, "a.pdf"))
    with book.session() as session:
        session.get(MeetingDocument, document_id).data = b"changed"
    out = tmp_path / "copy.pdf"
    with pytest.raises(ValidationError):
        service.save_copy(document_id, out)
    assert not out.exists()


def test_a_copy_that_cannot_be_written_says_so(book: Book, tmp_path: Path):
    meeting_id = _meeting(book)
    service = MeetingDocumentService(book)
    document_id = service.add(meeting_id, _file(tmp_path, "a.pdf"))
    with pytest.raises(ValidationError) as raised:
        service.save_copy(document_id, tmp_path / "no-such-folder" / "a.pdf")
    assert "still in the book" in str(raised.value) or "a.pdf" in str(raised.value)


def test_deleting_a_meeting_deletes_its_documents(book: Book, tmp_path: Path):
    meeting_id = _meeting(book)
    MeetingDocumentService(book).add(meeting_id, _file(tmp_path, "a.pdf"))
    with book.session() as session:
        session.delete(session.get(Meeting, meeting_id))
    with book.reader() as session:
        assert session.scalars(select(MeetingDocument)).all() == []


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.binary(max_size=4096))
def test_any_bytes_come_back_unchanged(book: Book, tmp_path: Path, data: bytes):
    meeting_id = _meeting(book)
    service = MeetingDocumentService(book)
    source = tmp_path / "in.bin"
    source.write_bytes(data)
    document_id = service.add(meeting_id, source)
    out = tmp_path / "out.bin"
    service.save_copy(document_id, out)
    assert out.read_bytes() == data
    assert service.content(document_id) == data
