"""Resolutions: the vote, the tasks with who and by when, and how the tasks went."""

from __future__ import annotations

import calendar
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta

from desktop.data.enums import MemberStatus, TaskResult
from desktop.data.models import Resolution, ResolutionTask
from desktop.demo import phrases
from desktop.demo.people import MemberPlan
from desktop.demo.story import HeldMeeting, Story

Task = tuple[str, str]  # (role, description template)


@dataclass(frozen=True)
class FilledTask:
    description: str
    assignee: MemberPlan | None  # None: the committee as a whole
    due: date
    is_dues: bool = False


@dataclass(frozen=True)
class Vote:
    voters: int
    for_: int
    abstain: int


def take_vote(story: Story, held: HeldMeeting) -> Vote:
    """Show of hands of the full members present; now and then one abstains."""
    voters = len(held.roll.present_with(MemberStatus.FULL))
    abstain = 1 if voters > 5 and story.rng.random() < 0.15 else 0
    return Vote(voters, voters - abstain, abstain)


class ResolutionWriter:
    """Writes resolutions in date order and evaluates each one's tasks at the next meeting."""

    def __init__(self, story: Story) -> None:
        self.story = story
        self.pending: list[ResolutionTask] = []
        self._dues_tasks: set[str] = set()

    def plan_tasks(self, day: date, *, count: int | None = None) -> list[Task]:
        """The month's tasks: dues first, then a mix of the village's usual work."""
        rng = self.story.rng
        seasonal: list[Task] = []
        if day.month in (12, 1):
            seasonal += phrases.SEASONAL_TASKS["tet"]
        if day.month in (8, 9, 10):
            seasonal += phrases.SEASONAL_TASKS["flood"]
        wanted = (count or rng.randint(3, 6)) - 1
        pool = [task for task in phrases.TASKS if task[0] != "committee"]
        chosen = seasonal[:wanted] + rng.sample(pool, wanted - min(wanted, len(seasonal)))
        if rng.random() < 0.3 and len(chosen) > 1:
            chosen[-1] = next(task for task in phrases.TASKS if task[0] == "committee")
        return [phrases.DUES_TASK, *chosen]

    def evaluate_pending(self, held: HeldMeeting) -> Counter[TaskResult]:
        """Record how the open tasks went, as reported at `held`."""
        rng = self.story.rng
        counts: Counter[TaskResult] = Counter()
        for task in self.pending:
            if task.id in self._dues_tasks:
                result, note = TaskResult.DONE, phrases.DUES_DONE
            else:
                result = rng.choices(
                    (TaskResult.DONE, TaskResult.PARTLY, TaskResult.NOT_DONE), weights=(70, 21, 9)
                )[0]
                note = self.story.text.fill(
                    rng.choice(phrases.RESULT_NOTES[result.value]), held.day
                )
            task.result = result
            task.result_note = note
            task.updated_at = held.ends
            counts[result] += 1
        self.pending = []
        return counts

    def adopt(
        self,
        held: HeldMeeting,
        *,
        title: str,
        evaluation: str,
        directions: str,
        tasks: list[FilledTask],
        vote: Vote,
    ) -> Resolution:
        """The resolution of `held` with its filled-in tasks (description, assignee, due)."""
        factory = self.story.factory
        adopted = held.ends - timedelta(minutes=15)
        resolution = factory.make(
            Resolution,
            held.ends,
            meeting_id=held.record.id,
            title=title,
            evaluation=evaluation,
            directions=directions,
            votes_for=vote.for_,
            votes_against=0,
            votes_abstain=vote.abstain,
            voters_present=vote.voters,
            adopted_at=adopted,
        )
        for position, filled in enumerate(tasks, start=1):
            task = factory.make(
                ResolutionTask,
                held.ends,
                resolution_id=resolution.id,
                position=position,
                description=filled.description,
                assignee_id=filled.assignee.id if filled.assignee else None,
                assignee_text="" if filled.assignee else "Chi ủy",
                due_on=filled.due,
                result=TaskResult.PENDING,
            )
            if filled.is_dues:
                self._dues_tasks.add(task.id)
            self.pending.append(task)
            held.tasks.append(task)
        held.resolution = resolution
        return resolution

    def assign(self, tasks: list[Task], day: date, due_month: date) -> list[FilledTask]:
        """Fill in each task's text, who does it and by when (within `due_month`)."""
        rng = self.story.rng
        last_day = calendar.monthrange(due_month.year, due_month.month)[1]
        filled = []
        for role, template in tasks:
            assignee = None
            if role != "committee":
                assignee = self.story.role_holder(role, day) or self.story.committee.deputy(day)
            is_dues = (role, template) == phrases.DUES_TASK
            if is_dues:
                due = due_month.replace(day=10)
            else:
                due = due_month.replace(day=rng.choice((15, 20, 25, last_day)))
            if due <= day:
                due = day + timedelta(days=rng.randint(7, 20))
            filled.append(FilledTask(self.story.text.fill(template, day), assignee, due, is_dues))
        return filled


def results_sentence(counts: Counter[TaskResult]) -> str:
    total = sum(counts.values())
    if not total:
        return "Các nhiệm vụ tháng trước cơ bản được triển khai theo kế hoạch."
    text = (
        "Kết quả thực hiện nghị quyết của chi bộ tháng trước: hoàn thành "
        f"{counts[TaskResult.DONE]}/{total} nhiệm vụ"
    )
    if counts[TaskResult.PARTLY]:
        text += f", hoàn thành một phần {counts[TaskResult.PARTLY]} nhiệm vụ"
    if counts[TaskResult.NOT_DONE]:
        text += f", chưa thực hiện {counts[TaskResult.NOT_DONE]} nhiệm vụ"
    return text + "."


def directions_text(intro: str, tasks: list[FilledTask]) -> str:
    lines = [intro]
    for number, task in enumerate(tasks, start=1):
        who = f"đồng chí {task.assignee.name}" if task.assignee else "Chi ủy"
        lines.append(f"{number}. {task.description} (giao {who}, thời hạn {task.due:%d/%m/%Y}).")
    return "\n".join(lines)


def evaluation_text(
    story: Story, day: date, previous_month: str, counts: Counter[TaskResult]
) -> str:
    rng = story.rng
    achievements = " ".join(
        story.text.fill(text, day) for text in rng.sample(phrases.ACHIEVEMENTS, 2)
    )
    return (
        f"Trong tháng {previous_month}, chi bộ đã lãnh đạo đảng viên và nhân dân thôn thực hiện "
        f"cơ bản hoàn thành các nhiệm vụ đề ra. {achievements} {results_sentence(counts)} "
        f"Tồn tại, hạn chế: {rng.choice(phrases.SHORTCOMINGS)}"
    )
