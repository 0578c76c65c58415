"""The cell at a glance, read straight from the book file.

The home screen is the first thing drawn when a book opens. It is read here
with the standard `sqlite3` module (read-only, no migrations, no ORM) so the
window can paint before SQLAlchemy and the models are loaded; the full
`Book` opens right after.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from contextlib import closing
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from desktop.data.enums import MeetingKind, MeetingState, MemberStatus, RecommendationStatus
from desktop.data.errors import book_file_errors
from desktop.rules.ruleset import RuleSet

LATEST_MEETINGS = 5
_WAITING = (RecommendationStatus.OPEN.value, RecommendationStatus.FORWARDED.value)


@dataclass(frozen=True)
class OverviewMeeting:
    id: str
    kind: MeetingKind
    state: MeetingState
    scheduled_on: date
    title: str
    score: float | None
    grade: str

    @property
    def display_title(self) -> str:
        from desktop.services.labels import enum_label

        return self.title or enum_label(self.kind)


@dataclass(frozen=True)
class BookOverview:
    name: str
    commune: str
    meeting_day: int
    rules: RuleSet
    members_by_status: Counter[MemberStatus]
    latest_meetings: list[OverviewMeeting]
    planned_meetings: list[OverviewMeeting]  # today or later, not yet held
    recommendations: int
    waiting: int
    overdue: int


def _meeting(row: tuple) -> OverviewMeeting:
    return OverviewMeeting(
        id=row[0],
        kind=MeetingKind(row[1]),
        state=MeetingState(row[2]),
        scheduled_on=date.fromisoformat(row[3]),
        title=row[4] or "",
        score=row[5],
        grade=row[6] or "",
    )


def read_overview(path: Path, today: date) -> BookOverview:
    """Everything the home screen shows, in a handful of read-only queries."""
    import json

    from desktop.rules.loading import load_default_rule_set

    uri = f"{path.resolve().as_uri()}?mode=ro"
    with book_file_errors(path), closing(sqlite3.connect(uri, uri=True)) as db:
        name, commune, meeting_day = db.execute(
            "SELECT o.name, o.commune_name, o.meeting_day FROM organisation AS o "
            "JOIN book_state AS s ON s.owner_org_id = o.id WHERE s.id = 1"
        ).fetchone()
        content = db.execute("SELECT content FROM rule_set WHERE active = 1").fetchone()
        rules = RuleSet(json.loads(content[0])) if content else load_default_rule_set()
        statuses = Counter(
            {
                MemberStatus(status): count
                for status, count in db.execute(
                    "SELECT status, count(*) FROM member GROUP BY status"
                )
            }
        )
        columns = "id, kind, state, scheduled_on, title, score, grade"
        latest = [
            _meeting(row)
            for row in db.execute(
                f"SELECT {columns} FROM meeting ORDER BY scheduled_on DESC, kind LIMIT ?",
                (LATEST_MEETINGS,),
            )
        ]
        planned = [
            _meeting(row)
            for row in db.execute(
                f"SELECT {columns} FROM meeting WHERE scheduled_on >= ? AND state IN (?, ?) "
                "ORDER BY scheduled_on",
                (today.isoformat(), MeetingState.DRAFT.value, MeetingState.PREPARED.value),
            )
        ]
        total = db.execute("SELECT count(*) FROM recommendation").fetchone()[0]
        oldest_allowed = date.fromordinal(today.toordinal() - rules.recommendation_limit_days)
        waiting, overdue = db.execute(
            "SELECT count(*), coalesce(sum(raised_on < ?), 0) FROM recommendation "
            "WHERE status IN (?, ?)",
            (oldest_allowed.isoformat(), *_WAITING),
        ).fetchone()
    return BookOverview(
        name=name,
        commune=commune,
        meeting_day=int(meeting_day),
        rules=rules,
        members_by_status=statuses,
        latest_meetings=latest,
        planned_meetings=planned,
        recommendations=int(total),
        waiting=int(waiting),
        overdue=int(overdue),
    )
