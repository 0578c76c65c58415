"""Recommendations raised in meetings, sent up to the commune, and how far each got."""

from __future__ import annotations

from datetime import date, time, timedelta

from desktop.data.enums import RecommendationStatus
from desktop.data.models import Recommendation
from desktop.demo import places
from desktop.demo.records import local_moment
from desktop.demo.story import Raised, Story

Status = RecommendationStatus


def follow_up(story: Story, raised: list[Raised]) -> list[Recommendation]:
    """Newest first: the latest is still open, the next is forwarded, two older ones
    wait far too long for an answer, the rest were answered (the oldest also closed)."""
    rng = story.rng
    newest_first = sorted(raised, key=lambda r: r.day, reverse=True)
    records = []
    for rank, item in enumerate(newest_first):
        if rank == 0:
            status = Status.OPEN
        elif rank in (1, 4):
            status = Status.FORWARDED
        elif rank >= len(newest_first) - 2:
            status = Status.CLOSED
        else:
            status = Status.ANSWERED
        forwarded: date | None = None
        answered: date | None = None
        answer = ""
        updated = item.at
        if status is not Status.OPEN:
            sent = _before(item.day + timedelta(days=rng.randint(1, 3)), story.until)
            forwarded, updated = sent, local_moment(sent, time(10))
            if status in (Status.ANSWERED, Status.CLOSED):
                reply = _before(sent + timedelta(days=rng.randint(10, 26)), story.until)
                answered, updated = reply, local_moment(reply, time(15))
                answer = f"{places.ADDRESSEE} trả lời: {item.answer}"
        record = story.factory.make(
            Recommendation,
            item.at,
            updated=updated,
            meeting_id=item.meeting.id,
            speech_id=item.speech.id,
            raised_by_id=item.member.id,
            raised_on=item.day,
            content=item.content,
            addressee=places.ADDRESSEE,
            status=status,
            forwarded_on=forwarded,
            answer=answer,
            answered_on=answered,
        )
        records.append(record)
    return records


def _before(day: date, until: date) -> date:
    return min(day, until - timedelta(days=1))
