"""The Prepare the meeting dialog: the documents handed out (kept in the book)
and those invited from the commune; every action saved at once."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from desktop.data.enums import GuestRole, MeetingKind
from desktop.data.models import MeetingGuest
from desktop.services.book import Book
from desktop.services.meeting_documents import MeetingDocumentService
from desktop.services.meetings import MeetingInput, MeetingService
from desktop.services.preparation import PreparationService
from desktop.ui.dialogs.preparation import PreparationDialog
from desktop.ui.qt.core import Qt
from desktop.ui.qt.widgets import (
    QAbstractButton,
    QFileDialog,
    QInputDialog,
    QLabel,
    QMessageBox,
)
from tests.ui.conftest import create_book

pytestmark = pytest.mark.gui

TODAY = date(2026, 5, 28)
DRAFT = "%PDF-1.4\n% Dự thảo nghị quyết\n".encode() + bytes(range(256)) * 8


@pytest.fixture
def prep(cellbook_home: Path) -> Iterator[tuple[Book, str]]:
    book = Book.open(create_book(cellbook_home))
    meeting_id = MeetingService(book).create(
        MeetingInput(MeetingKind.REGULAR, date(2026, 6, 3), "Sinh hoạt chi bộ tháng 6")
    )
    yield book, meeting_id
    book.close()


@pytest.fixture
def dialog(prep, qtbot) -> PreparationDialog:
    book, meeting_id = prep
    window = PreparationDialog(book, meeting_id, TODAY)
    qtbot.addWidget(window)
    window.show()
    return window


@pytest.fixture
def yes(monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)


def test_adding_a_file_handing_it_out_and_saving_a_copy(prep, dialog, tmp_path: Path, monkeypatch):
    book, meeting_id = prep
    source = tmp_path / "Dự thảo nghị quyết tháng 6.pdf"
    source.write_bytes(DRAFT)
    asked: list[str] = []

    def pick(parent, caption, folder, filters):
        asked.append(caption)
        return str(source), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", pick)
    section = dialog.documents
    section.add_button.click()
    assert asked == ["Add a document"]
    [row] = section.rows()
    assert row.title == "Dự thảo nghị quyết tháng 6"
    assert section.selected() == row
    assert "is kept in the book" in dialog.message.text()
    assert section.model.data(section.model.index(0, 3)) == "2.0 KB"

    assert not section.handed_out.isChecked()
    section.handed_out.click()
    assert MeetingDocumentService(book).documents(meeting_id)[0].handed_out
    assert section.selected().handed_out

    out = tmp_path / "out" / "ban-sao.pdf"
    out.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    section.copy_button.click()
    assert out.read_bytes() == DRAFT
    assert "ban-sao.pdf" in dialog.message.text()


def test_a_file_too_large_is_refused_plainly(prep, dialog, tmp_path: Path, monkeypatch):
    book, meeting_id = prep
    big = tmp_path / "scan.pdf"
    big.write_bytes(b"x" * 2048)
    dialog.documents.service.max_size = 1024
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(big), ""))
    dialog.documents.add_button.click()
    assert "scan.pdf" in dialog.message.text()
    assert "Nothing was added" in dialog.message.text()
    assert dialog.documents.rows() == []
    assert MeetingDocumentService(book).documents(meeting_id) == []


def test_cancelling_the_file_dialog_adds_nothing(dialog, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: ("", ""))
    dialog.documents.add_button.click()
    assert dialog.documents.rows() == []


def test_renaming_reordering_and_deleting_documents(prep, dialog, tmp_path: Path, monkeypatch, yes):
    book, meeting_id = prep
    section = dialog.documents
    for name in ("one.txt", "two.txt"):
        (tmp_path / name).write_bytes(name.encode())
        section.add(tmp_path / name)
    assert [r.title for r in section.rows()] == ["one", "two"]
    assert section.selected().title == "two"
    assert section.later_button.isEnabled() is False
    section.earlier_button.click()
    assert [r.title for r in section.rows()] == ["two", "one"]

    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Đề cương chuyên đề", True))
    section.select(section.rows()[0].id)
    section.rename_button.click()
    assert section.rows()[0].title == "Đề cương chuyên đề"

    section.remove_button.click()
    assert [r.title for r in section.rows()] == ["one"]
    assert [r.position for r in MeetingDocumentService(book).documents(meeting_id)] == [1]


def test_inviting_from_the_commune(prep, dialog, qtbot, yes):
    book, meeting_id = prep
    section = dialog.invitations
    qtbot.keyClicks(section.name, "Tran Van Thanh")
    section.position.setText("Đảng ủy viên, phụ trách chi bộ")
    assert section.role.currentData() == GuestRole.SUPERIOR_IN_CHARGE.value
    qtbot.keyClick(section.name, Qt.Key.Key_Return)  # Enter invites
    [first] = section.rows()
    assert (first.name, first.title, first.role, first.invited_on) == (
        "Tran Van Thanh",
        "Đảng ủy viên, phụ trách chi bộ",
        GuestRole.SUPERIOR_IN_CHARGE,
        TODAY,
    )
    assert section.name.text() == "" and section.name.hasFocus()

    section.name.setText("Lê Thị Hoa")
    section.role.setCurrentIndex(section.role.findData(GuestRole.WORKING_GROUP.value))
    section.invited_on.setText("25/05/2026")
    section.invite_button.click()
    assert [(r.name, r.role, r.invited_on) for r in section.rows()] == [
        ("Tran Van Thanh", GuestRole.SUPERIOR_IN_CHARGE, TODAY),
        ("Lê Thị Hoa", GuestRole.WORKING_GROUP, date(2026, 5, 25)),
    ]
    assert section.selected().name == "Lê Thị Hoa"

    section.sent.click()
    assert [i.invitation_sent for i in PreparationService(book).invitations(meeting_id)] == [
        False,
        True,
    ]
    section.table.selectRow(0)
    assert not section.sent.isChecked()
    section.remove_button.click()
    assert [r.name for r in section.rows()] == ["Lê Thị Hoa"]
    with book.reader() as session:
        guests = session.query(MeetingGuest).all()
        assert [(g.name, g.is_superior, g.attended) for g in guests] == [("Lê Thị Hoa", True, True)]


def test_an_invitation_without_a_name_or_with_a_bad_date_is_refused(dialog):
    section = dialog.invitations
    section.invite_button.click()
    assert "Write the name" in dialog.message.text()
    section.name.setText("Lê Thị Hoa")
    section.invited_on.setText("32/13/2026")
    section.invite_button.click()
    assert "day/month/year" in dialog.message.text()
    assert section.rows() == []


def test_every_action_has_its_own_mnemonic(prep, dialog, tmp_path: Path):
    """Alt+letter reaches each field and button; no letter is used twice."""
    book, meeting_id = prep
    (tmp_path / "a.txt").write_bytes(b"a")
    dialog.documents.add(tmp_path / "a.txt")
    PreparationService(book, TODAY).invite(meeting_id, "Lê Thị Hoa")
    dialog.reload()
    letters: list[str] = []
    for widget in dialog.findChildren(QAbstractButton) + dialog.findChildren(QLabel):
        if not widget.isVisibleTo(dialog):
            continue
        match = re.search(r"&(\w)", widget.text().replace("&&", ""))
        if match is None:
            continue
        if isinstance(widget, QLabel):
            assert widget.buddy() is not None, widget.text()
        letters.append(match.group(1).lower())
    for needed in ("f", "g", "c", "h", "l", "e", "o", "i", "y", "v", "b", "k"):
        assert needed in letters
    assert len(letters) == len(set(letters)), sorted(letters)
