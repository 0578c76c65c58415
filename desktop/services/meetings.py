"""Reading and creating meetings."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import case, func, select
from sqlalchemy.orm import selectinload

from desktop.data.enums import AttendanceStatus, MeetingKind, MeetingState
from desktop.data.models import (
    AgendaItem,
    Attendance,
    Meeting,
    Resolution,
    ResolutionTask,
    Speech,
)
from desktop.services.book import Book
from desktop.services.labels import enum_label
from desktop.services.validation import Validator


@dataclass(frozen=True)
class MeetingRow:
    id: str
    kind: MeetingKind
    state: MeetingState
    scheduled_on: date
    title: str
    present: int
    expected: int
    score: float | None
    grade: str

    @property
    def display_title(self) -> str:
        return self.title or enum_label(self.kind)


@dataclass
class MeetingInput:
    kind: MeetingKind
    scheduled_on: date
    title: str = ""
    topic: str = ""
    place: str = ""


class MeetingService:
    def __init__(self, book: Book) -> None:
        self.book = book

    def rows(self, *, year: int | None = None) -> list[MeetingRow]:
        """Meetings, newest first, with attendance counted in the database."""
        present = func.sum(case((Attendance.status == AttendanceStatus.PRESENT, 1), else_=0))
        query = (
            select(
                Meeting.id,
                Meeting.kind,
                Meeting.state,
                Meeting.scheduled_on,
                Meeting.title,
                func.coalesce(present, 0),
                func.count(Attendance.id),
                Meeting.score,
                Meeting.grade,
            )
            .outerjoin(Attendance, Attendance.meeting_id == Meeting.id)
            .group_by(Meeting.id)
            .order_by(Meeting.scheduled_on.desc(), Meeting.kind)
        )
        if year is not None:
            query = query.where(
                Meeting.scheduled_on >= date(year, 1, 1), Meeting.scheduled_on <= date(year, 12, 31)
            )
        with self.book.reader() as session:
            return [MeetingRow(*row) for row in session.execute(query)]

    def create(self, data: MeetingInput) -> str:
        kind = MeetingKind(data.kind)  # forms may hand over the plain value
        check = Validator()
        check.required("scheduled_on", data.scheduled_on)
        check.max_length("title", data.title, 300)
        check.max_length("topic", data.topic, 300)
        check.max_length("place", data.place, 200)
        if kind is MeetingKind.THEMATIC:
            check.required("topic", data.topic)
        check.raise_if_any()
        with self.book.session() as session:
            meeting = Meeting(
                kind=kind,
                scheduled_on=data.scheduled_on,
                title=data.title.strip(),
                topic=data.topic.strip(),
                place=data.place.strip(),
            )
            session.add(meeting)
            session.flush()
            return meeting.id

    def get(self, meeting_id: str) -> Meeting | None:
        """A meeting with everything the minutes show, loaded at once."""
        with self.book.reader() as session:
            return session.scalar(
                select(Meeting)
                .where(Meeting.id == meeting_id)
                .options(
                    selectinload(Meeting.agenda_items).selectinload(AgendaItem.presenter),
                    selectinload(Meeting.attendance).selectinload(Attendance.member),
                    selectinload(Meeting.guests),
                    selectinload(Meeting.speeches).selectinload(Speech.member),
                    selectinload(Meeting.resolution)
                    .selectinload(Resolution.tasks)
                    .selectinload(ResolutionTask.assignee),
                    selectinload(Meeting.chair),
                    selectinload(Meeting.minute_taker),
                )
            )

    def grades_by_month(self, year: int) -> list[MeetingRow]:
        """Scored regular meetings of `year`, oldest first (the cell's grades over the year)."""
        return sorted(
            (
                row
                for row in self.rows(year=year)
                if row.kind is MeetingKind.REGULAR and row.score is not None
            ),
            key=lambda row: row.scheduled_on,
        )
