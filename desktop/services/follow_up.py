"""Evaluating last month's resolution tasks at this month's meeting.

The tasks evaluated are those of the latest regular meeting before this one
(by scheduled date) that has a resolution; thematic and committee meetings in
between are skipped. A task's result and comment stay open after its meeting
is adopted (see `desktop.data.stamping`), so they are saved here directly.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from desktop.data.enums import MeetingKind, TaskResult
from desktop.data.models import Meeting, Resolution, ResolutionTask
from desktop.i18n import _, format_percent
from desktop.services.book import Book
from desktop.services.labels import enum_label
from desktop.services.meeting_rules import implementation_rate
from desktop.services.validation import Validator

NOTE_LIMIT = 2000


@dataclass(frozen=True)
class TaskRow:
    id: str
    position: int
    description: str
    assignee: str  # the member's name, or the group written in ("Chi ủy")
    due_on: date | None
    result: TaskResult
    result_note: str


@dataclass(frozen=True)
class PreviousResolution:
    id: str
    meeting_id: str
    title: str
    scheduled_on: date


@dataclass(frozen=True)
class FollowUpSummary:
    done: int
    partly: int
    not_done: int
    pending: int
    rate: float | None

    @property
    def total(self) -> int:
        return self.done + self.partly + self.not_done + self.pending

    @property
    def rate_text(self) -> str:
        """The rate as a percentage ("75%", "87.5%")."""
        if self.rate is None:
            return _("nothing evaluated yet")
        percent = self.rate * 100
        return format_percent(self.rate, 0 if abs(percent - round(percent)) < 1e-9 else 1)

    def text(self) -> str:
        return _(
            "Implementation: {rate} — {done} done, {partly} partly, {not_done} not done, "
            "{pending} not yet evaluated"
        ).format(
            rate=self.rate_text,
            done=self.done,
            partly=self.partly,
            not_done=self.not_done,
            pending=self.pending,
        )


class FollowUpService:
    def __init__(self, book: Book) -> None:
        self.book = book

    def previous_resolution(self, meeting_id: str) -> PreviousResolution | None:
        """The resolution of the latest regular meeting before this one that has one."""
        with self.book.reader() as session:
            meeting = session.get(Meeting, meeting_id)
            if meeting is None:
                return None
            row = session.execute(
                select(Resolution.id, Meeting.id, Resolution.title, Meeting.scheduled_on)
                .join(Meeting, Resolution.meeting_id == Meeting.id)
                .where(
                    Meeting.kind == MeetingKind.REGULAR,
                    Meeting.scheduled_on < meeting.scheduled_on,
                    Meeting.id != meeting.id,
                )
                .order_by(Meeting.scheduled_on.desc(), Meeting.created_at.desc())
                .limit(1)
            ).first()
            return PreviousResolution(*row) if row is not None else None

    def tasks_to_evaluate(self, meeting_id: str) -> list[TaskRow]:
        previous = self.previous_resolution(meeting_id)
        if previous is None:
            return []
        with self.book.reader() as session:
            tasks = session.scalars(
                select(ResolutionTask)
                .where(ResolutionTask.resolution_id == previous.id)
                .options(selectinload(ResolutionTask.assignee))
                .order_by(ResolutionTask.position, ResolutionTask.created_at)
            ).all()
            return [
                TaskRow(
                    id=task.id,
                    position=task.position,
                    description=task.description,
                    assignee=(task.assignee.full_name if task.assignee is not None else "")
                    or task.assignee_text,
                    due_on=task.due_on,
                    result=TaskResult(task.result),
                    result_note=task.result_note,
                )
                for task in tasks
            ]

    def evaluate(self, task_id: str, result: TaskResult | str, note: str = "") -> None:
        """Record how a task went. Partly done and not done need a comment saying why."""
        result = TaskResult(result)
        note = (note or "").strip()
        check = Validator()
        if result in (TaskResult.PARTLY, TaskResult.NOT_DONE) and not note:
            check.add(
                "result_note",
                _("{result}: please say why in the comment.").format(result=enum_label(result)),
            )
        if len(note) > NOTE_LIMIT:
            check.add(
                "result_note",
                _("The comment is too long: at most {limit} characters.").format(limit=NOTE_LIMIT),
            )
        with self.book.reader() as session:
            if session.get(ResolutionTask, task_id) is None:
                check.add("task", _("This task is no longer in the book."))
        check.raise_if_any()
        with self.book.session() as session:
            task = session.get(ResolutionTask, task_id)
            if task is None:  # pragma: no cover - removed between the two reads
                return
            if task.result != result:
                task.result = result
            if task.result_note != note:
                task.result_note = note

    def rate(self, meeting_id: str) -> float | None:
        """How far last month's resolution was carried out, 0 to 1; None if nothing is evaluated."""
        return implementation_rate(row.result for row in self.tasks_to_evaluate(meeting_id))

    def summary(self, meeting_id: str) -> FollowUpSummary:
        return summarise(self.tasks_to_evaluate(meeting_id))


def summarise(rows: list[TaskRow]) -> FollowUpSummary:
    counts = {result: 0 for result in TaskResult}
    for row in rows:
        counts[row.result] += 1
    return FollowUpSummary(
        done=counts[TaskResult.DONE],
        partly=counts[TaskResult.PARTLY],
        not_done=counts[TaskResult.NOT_DONE],
        pending=counts[TaskResult.PENDING],
        rate=implementation_rate(row.result for row in rows),
    )
