"""Minutes with 60 speeches and a 40-row task table, built from a real book,
paginate with every word inside the margins and nothing overlapping."""

from __future__ import annotations

from datetime import date
from io import BytesIO

from pypdf import PdfReader

from desktop.data.enums import MeetingKind, Sex
from desktop.export.documents.common import margins
from desktop.export.documents.minutes import build_minutes
from desktop.export.pdf import pdf_bytes
from desktop.services.book import Book
from desktop.services.meetings import MeetingInput, MeetingService
from desktop.services.members import MemberInput, MemberService
from desktop.services.minutes import MinutesService
from desktop.services.preparation import PreparationService
from tests.export.test_pdf import assert_boxes_inside_and_apart, text_of, word_boxes

OPINION = (
    "Ý kiến số {n}: đề nghị chi bộ quan tâm chỉ đạo làm đường giao thông nông thôn, "
    "vận động bà con hiến đất, góp ngày công; tổ chức kiểm tra, giám sát việc thực hiện "
    "và báo cáo kết quả trong buổi sinh hoạt tháng sau."
)


def test_sixty_speeches_and_forty_tasks_paginate_cleanly(book: Book, tmp_path) -> None:
    members = MemberService(book, date(2026, 1, 1))
    ids = [
        members.create(
            MemberInput(f"Nguyễn Văn Số{n:02d}", Sex.MALE, date_of_birth=date(1970, 1, 1))
        )
        for n in range(1, 13)
    ]
    meeting_id = MeetingService(book).create(MeetingInput(MeetingKind.REGULAR, date(2026, 3, 3)))
    PreparationService(book, date(2026, 3, 1)).start(meeting_id)
    minutes = MinutesService(book)
    minutes.prepare_attendance(meeting_id)
    parts = [item.id for item in MeetingService(book).get(meeting_id).agenda_items]
    for n in range(1, 61):
        speech = minutes.add_speech(meeting_id, parts[n % len(parts)], ids[n % len(ids)])
        minutes.update_speech(speech, content=OPINION.format(n=n))
    for n in range(1, 41):
        minutes.add_task(
            meeting_id,
            f"Nhiệm vụ {n}: rà soát hộ nghèo xóm {n}",
            ids[n % len(ids)],
            "",
            date(2026, 4, n % 28 + 1),
        )

    document = build_minutes(book, meeting_id)
    data = pdf_bytes(document)
    pages = len(PdfReader(BytesIO(data)).pages)
    assert pages >= 5
    text = " ".join(text_of(data).split())
    for n in range(1, 61):
        assert f"Ý kiến số {n}:" in text
    for n in range(1, 41):
        assert f"Nhiệm vụ {n}: rà soát hộ nghèo xóm {n}" in text
    assert_boxes_inside_and_apart(word_boxes(data, tmp_path), margins(book.rules))
