"""A book for the review screens: three members who review (a leader on form
2A, a farmer on form 2C, a probationary member), an exempt member who does
not, a meeting this year where two full members were present, and
shortcomings pointed out last year (one fixed, one not, one of the cell)."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

from desktop.data.enums import (
    AttendanceStatus,
    MeetingKind,
    MeetingState,
    MemberStatus,
    Sex,
    ShortcomingStatus,
    WorkGroup,
)
from desktop.data.models import Attendance, Meeting
from desktop.services.book import Book
from desktop.services.criticism import CriticismService
from desktop.services.members import MemberInput, MemberService
from tests.ui.conftest import TODAY

LAST_YEAR = date(TODAY.year - 1, 11, 20)
MEETING_DAY = TODAY.replace(day=1)
MEETING_TITLE = "Kiểm điểm cuối năm"


def fill_review_book(path: Path) -> dict[str, str]:
    book = Book.open(path)
    try:
        members = MemberService(book)
        ids = {
            "an": members.create(
                MemberInput("Nguyễn Văn An", Sex.MALE, work_group=WorkGroup.LEADER)
            ),
            "binh": members.create(MemberInput("Trần Thị Bình", Sex.FEMALE)),
            "cuong": members.create(
                MemberInput("Lê Văn Cường", Sex.MALE, status=MemberStatus.PROBATIONARY)
            ),
            "dung": members.create(
                MemberInput("Phạm Văn Dũng", Sex.MALE, status=MemberStatus.EXEMPT)
            ),
        }
        with book.session() as session:
            meeting = Meeting(
                kind=MeetingKind.REGULAR,
                state=MeetingState.HELD,
                scheduled_on=MEETING_DAY,
                held_on=MEETING_DAY,
                start_time=time(8, 0),
                title=MEETING_TITLE,
            )
            session.add(meeting)
            session.flush()
            for key, status, came in (
                ("an", MemberStatus.FULL, AttendanceStatus.PRESENT),
                ("binh", MemberStatus.FULL, AttendanceStatus.PRESENT),
                ("cuong", MemberStatus.PROBATIONARY, AttendanceStatus.PRESENT),
            ):
                session.add(
                    Attendance(
                        meeting_id=meeting.id, member_id=ids[key], member_status=status, status=came
                    )
                )
            ids["meeting"] = meeting.id
        criticism = CriticismService(book, TODAY)
        fixed = criticism.add_shortcoming(
            "Chưa đi sinh hoạt đều",
            member_id=ids["an"],
            raised_on=LAST_YEAR,
            remedy="Đi sinh hoạt đầy đủ",
            deadline=date(TODAY.year - 1, 12, 31),
        )
        criticism.follow_up(fixed, ShortcomingStatus.FIXED, "Đã đi đủ các buổi", TODAY)
        ids["an_fixed"] = fixed
        ids["binh_open"] = criticism.add_shortcoming(
            "Chưa đóng đảng phí đúng hạn", member_id=ids["binh"], raised_on=LAST_YEAR
        )
        ids["cell_open"] = criticism.add_shortcoming(
            "Sinh hoạt chưa đúng ngày", member_id=None, raised_on=LAST_YEAR
        )
        return ids
    finally:
        book.close()
