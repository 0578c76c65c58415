"""Criticism and self-criticism at this year's regular meetings, and how the
shortcomings named in last year's review were followed up at them."""

from __future__ import annotations

from datetime import date, time, timedelta

from desktop.data.enums import CriticismKind, ShortcomingStatus
from desktop.data.models import Criticism, Shortcoming
from desktop.demo import review_phrases as say
from desktop.demo.people import MemberPlan
from desktop.demo.records import local_moment
from desktop.demo.schedule import add_months, month_label
from desktop.demo.story import HeldMeeting, Story

MEETINGS_WITH_CRITICISM = 3
FIXING_DAYS = 60


def follow_up(story: Story, shortcomings: list[Shortcoming], meetings: list[HeldMeeting]) -> None:
    """At this year's regular meetings the committee checks last year's
    shortcomings: the one due first is still open (overdue once its day has
    passed); the others are fixed by their deadline once it has passed, about
    half of the rest already, and the last is being fixed."""
    if not meetings:
        return
    rng = story.rng
    ordered = sorted(shortcomings, key=lambda item: (item.deadline or date.max, item.id))
    rest = ordered[1:]
    for rank, item in enumerate(rest):
        last = rank == len(rest) - 1
        due = item.deadline is not None and item.deadline < story.until
        if not (last or due or rank < len(rest) // 2):
            continue
        # Fixing takes a while: checked at a meeting two months on at the earliest.
        settled = item.raised_on + timedelta(days=FIXING_DAYS)
        before = [
            h
            for h in meetings
            if (last or h.day >= settled) and (item.deadline is None or h.day <= item.deadline)
        ]
        if not before:
            continue
        held = rng.choice(before[len(before) // 2 :])
        month = month_label(held.day)
        if last:
            item.status = ShortcomingStatus.FIXING
            item.follow_up = say.FIXING_NOTE.format(month=month)
        else:
            item.status = ShortcomingStatus.FIXED
            item.follow_up = rng.choice(say.FIXED_NOTES).format(month=month)
        item.followed_up_on = held.day
        item.updated_at = held.ends + timedelta(minutes=30)


def meeting_criticism(story: Story, meetings: list[HeldMeeting]) -> None:
    """Criticism at a few of this year's meetings: of members who stayed away
    without a reason (who criticise themselves at the next meeting), of a task
    done late; and a member's self-criticism."""
    rng = story.rng
    chosen = [h for h in meetings if h.roll.unexcused][:2]
    others = [h for h in meetings if h not in chosen]
    chosen += rng.sample(others, min(len(others), MEETINGS_WITH_CRITICISM - len(chosen)))
    for held in sorted(chosen, key=lambda h: h.day):
        secretary = story.committee.secretary(held.day)
        for plan in held.roll.unexcused:
            _absence(story, held, secretary, plan, meetings)
        speakers = [p for p in held.roll.present if p.id != secretary.id]
        if len(speakers) < 2:
            continue
        by, about = rng.sample(speakers, 2)
        slots = {"to": rng.randint(1, 6), "name": about.name}
        _say(story, held, by, about, rng.choice(say.MEETING_CRITICISM).format(**slots))
        own = rng.choice(speakers)
        _say(story, held, own, own, rng.choice(say.MEETING_SELF_CRITICISM).format(**slots))


def _absence(
    story: Story,
    held: HeldMeeting,
    secretary: MemberPlan,
    plan: MemberPlan,
    meetings: list[HeldMeeting],
) -> None:
    month = month_label(held.day)
    said = _say(
        story,
        held,
        secretary,
        plan,
        say.ABSENCE_CRITICISM.format(name=plan.name, month=month),
    )
    content, remedy = say.ABSENCE_FOLLOW_UP
    story.factory.make(
        Shortcoming,
        held.ends + timedelta(minutes=10),
        member_id=plan.id,
        raised_on=held.day,
        content=content,
        remedy=remedy,
        deadline=add_months(held.day, 4) - timedelta(days=1),
        criticism_id=said.id,
    )
    later = [h for h in meetings if h.day > held.day and plan in h.roll.present]
    if later:
        _say(story, later[0], plan, plan, say.ABSENCE_SELF_CRITICISM.format(month=month))


def _say(
    story: Story, held: HeldMeeting, by: MemberPlan, about: MemberPlan, content: str
) -> Criticism:
    return story.factory.make(
        Criticism,
        local_moment(held.day, time(20)),
        given_on=held.day,
        kind=CriticismKind.SELF if by is about else CriticismKind.CRITICISM,
        by_member_id=by.id,
        about_member_id=about.id,
        meeting_id=held.record.id,
        content=content,
    )
