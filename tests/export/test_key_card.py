"""The printed key card: who the book is and its fingerprint, on one page."""

from __future__ import annotations

from datetime import date
from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader

from desktop.data.enums import OrgKind
from desktop.export.documents.key_card import build_key_card
from desktop.export.pdf import pdf_bytes
from desktop.services.book import Book, NewBookDetails
from desktop.services.sync.identity import own_card


@pytest.fixture
def cell(tmp_path: Path):
    book = Book.create(
        tmp_path / "cell.cellbook",
        NewBookDetails("Thôn An Hòa", "Xã An Phú"),
        backup_folder=tmp_path / "backups",
    )
    yield book
    book.close()


def _text(data: bytes) -> tuple[int, str]:
    reader = PdfReader(BytesIO(data))
    text = "\n".join(page.extract_text() for page in reader.pages)
    return len(reader.pages), text


def test_the_card_names_the_book_and_prints_the_fingerprint_in_groups(cell: Book) -> None:
    card = own_card(cell)
    document = build_key_card(cell, language="en", today=date(2026, 11, 22))
    pages, text = _text(pdf_bytes(document))
    assert pages == 1
    assert "KEY CARD OF THE RECORD BOOK" in text
    assert "Thôn An Hòa" in text
    assert "Xã An Phú" in text or "xã An Phú" in text
    assert cell.book_id in text
    assert card.fingerprint in " ".join(text.split())
    for number, group in enumerate(card.fingerprint.split("-"), 1):
        assert group in text
        assert str(number) in text
    assert "Compared with (book, person)" in text
    assert "22" in text and "2026" in text
    assert document.file_stem == "the-khoa-thon-an-hoa"


def test_the_card_is_printed_in_vietnamese_by_default(cell: Book) -> None:
    document = build_key_card(cell, today=date(2026, 11, 22))
    _pages, text = _text(pdf_bytes(document))
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in text
    assert "ngày 22 tháng 11 năm 2026" in text


def test_a_communes_card_is_signed_for_its_committee(tmp_path: Path) -> None:
    commune = Book.create(
        tmp_path / "commune.cellbook",
        NewBookDetails("Đảng ủy xã An Phú", "An Phú", kind=OrgKind.COMMUNE),
        backup_folder=tmp_path / "backups",
    )
    try:
        document = build_key_card(commune, language="en", today=date(2026, 11, 22))
        pages, text = _text(pdf_bytes(document))
    finally:
        commune.close()
    assert pages == 1
    assert "ON BEHALF OF THE PARTY COMMITTEE" in " ".join(text.split())
    assert "Đảng ủy xã An Phú" in text
