"""Small books that exchange bundles: a commune, its cells, their records."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import date, time
from pathlib import Path

from sqlalchemy import select

from desktop.data.enums import (
    AttendanceStatus,
    MeetingKind,
    MeetingState,
    MemberStatus,
    OrgKind,
    Sex,
)
from desktop.data.models import (
    AgendaItem,
    Attendance,
    Meeting,
    Member,
    Recommendation,
    Resolution,
    ResolutionTask,
)
from desktop.services.adoption import AdoptionService
from desktop.services.book import Book, NewBookDetails
from desktop.services.sync.identity import card_file_bytes, enrol

NAMES = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung"]


def new_book(folder: Path, name: str, *, commune: bool = False, device: str = "") -> Book:
    kind = OrgKind.COMMUNE if commune else OrgKind.CELL
    file = folder / f"{'commune' if commune else name.split()[-1].lower()}.cellbook"
    return Book.create(
        file,
        NewBookDetails(cell_name=name, commune_name="An Phú", kind=kind),
        device_id=device or f"dev-{file.stem}",
        backup_folder=folder / f"backups-{file.stem}",
    )


def enrolled_pair(folder: Path, cell_name: str = "Chi bộ thôn An Hòa") -> tuple[Book, Book]:
    cell = new_book(folder, cell_name)
    commune = new_book(folder, "Đảng ủy xã An Phú", commune=True)
    enrol(commune, card_file_bytes(cell))
    enrol(cell, card_file_bytes(commune))
    return cell, commune


def add_members(book: Book) -> list[str]:
    with book.session() as session:
        members = [
            Member(
                full_name=name, sex=Sex.MALE if i % 2 == 0 else Sex.FEMALE, status=MemberStatus.FULL
            )
            for i, name in enumerate(NAMES)
        ]
        session.add_all(members)
        session.flush()
        return [member.id for member in members]


def adopted_meeting(
    book: Book, on: date, member_ids: list[str], *, recommendation: str = ""
) -> str:
    """A regular meeting held and adopted on `on`, with attendance, agenda, a
    resolution with a task and (optionally) a recommendation raised at it."""
    with book.session() as session:
        meeting = Meeting(
            kind=MeetingKind.REGULAR,
            state=MeetingState.HELD,
            title=f"Sinh hoạt chi bộ tháng {on.month:02d}/{on.year}",
            scheduled_on=on,
            held_on=on,
            start_time=time(8, 0),
            end_time=time(10, 0),
            place="Nhà văn hóa thôn",
            chair_id=member_ids[0],
            minute_taker_id=member_ids[1],
            score=86.0,
            grade="good",
        )
        meeting.agenda_items = [AgendaItem(position=1, title="Thông tin thời sự")]
        meeting.attendance = [
            Attendance(
                member_id=member_id,
                member_status=MemberStatus.FULL,
                status=AttendanceStatus.PRESENT if i < 3 else AttendanceStatus.ABSENT_EXCUSED,
                reason="" if i < 3 else "Ốm",
            )
            for i, member_id in enumerate(member_ids)
        ]
        resolution = Resolution(
            title=f"Nghị quyết tháng {on.month:02d}/{on.year}",
            evaluation="Hoàn thành",
            directions="Tiếp tục",
            votes_for=3,
            votes_against=0,
            votes_abstain=0,
            voters_present=3,
        )
        resolution.tasks = [
            ResolutionTask(position=1, description="Thu đảng phí", assignee_id=member_ids[1])
        ]
        meeting.resolution = resolution
        session.add(meeting)
        session.flush()
        if recommendation:
            session.add(
                Recommendation(
                    meeting_id=meeting.id,
                    raised_by_id=member_ids[2],
                    raised_on=on,
                    content=recommendation,
                    addressee="Đảng ủy xã",
                )
            )
        meeting_id = meeting.id
    AdoptionService(book).adopt(meeting_id)
    return meeting_id


def content_dump(book: Book) -> dict[str, list[tuple]]:
    """Every row of every table, in a stable order: what "unchanged" means."""
    with closing(sqlite3.connect(book.path)) as connection:
        tables = [
            row[0]
            for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                "AND name NOT LIKE 'search_index%' ORDER BY name"
            )
        ]
        return {
            table: sorted(connection.execute(f'SELECT * FROM "{table}"').fetchall(), key=repr)
            for table in tables
        }


def count(book: Book, model, *where) -> int:
    with book.reader() as session:
        return len(session.scalars(select(model).where(*where)).all())
