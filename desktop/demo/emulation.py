"""Emulation pledges made at January's meeting, last year's assessed at its
review; and the commendations the cell's members received."""

from __future__ import annotations

from datetime import date, time, timedelta

from desktop.data.enums import MemberStatus
from desktop.data.models import Commendation, EmulationPledge
from desktop.demo import review_phrases as say
from desktop.demo.records import local_moment
from desktop.demo.reviews import EXCELLENT, GOOD, YearReview, review_day
from desktop.demo.story import Story
from desktop.rules import RuleSet
from desktop.services.rating import level, level_rank

PLEDGING = (MemberStatus.FULL, MemberStatus.PROBATIONARY)


def write_pledges(story: Story, year: int, review: YearReview | None = None) -> None:
    """The cell's and every member's pledge for `year`, made at the year's first
    regular meeting; assessed with `review` (the year's decided review) if given."""
    day = next((d for d in story.days if d.year == year), None)
    if day is None or day >= story.until:
        return
    rng = story.rng
    at = local_moment(day, time(20))
    assessed = local_moment(review.decided_on, time(17)) if review and review.decided_on else None
    cell = story.factory.make(
        EmulationPledge,
        at,
        updated=assessed,
        year=year,
        member_id=None,
        pledged_on=day,
        content=say.CELL_PLEDGE.format(year=year),
    )
    if review is not None and review.cell_level:
        cell.achieved = level_rank(story.rules, review.cell_level) <= level_rank(story.rules, GOOD)
        cell.result = say.CELL_PLEDGE_RESULT.format(
            level=_title(story.rules, review.cell_level), year=year
        )
    for plan in story.members:
        if plan.status_on(day) not in PLEDGING:
            continue
        if plan.id == story.committee.secretary(day).id:
            content = say.LEADER_PLEDGE
        else:
            content = rng.choice(say.MEMBER_PLEDGES)
        pledge = story.factory.make(
            EmulationPledge,
            at,
            updated=assessed,
            year=year,
            member_id=plan.id,
            pledged_on=day,
            content=content.format(year=year, to=rng.randint(1, 6)),
        )
        decided = review.levels.get(plan.id) if review else None
        if decided:
            aimed = EXCELLENT if content is say.LEADER_PLEDGE else GOOD
            pledge.achieved = level_rank(story.rules, decided) <= level_rank(story.rules, aimed)
            template = say.PLEDGE_ACHIEVED if pledge.achieved else say.PLEDGE_MISSED
            pledge.result = template.format(level=_title(story.rules, decided), year=year)


def write_commendations(story: Story, review: YearReview) -> None:
    """The commune's commendation of a member rated excellent, and the Front's
    of the member who runs it in the village (at the great-unity festival, 18 November)."""
    rng = story.rng
    year = review.year
    festival = date(year, 11, 18)
    front = story.role_holder("front", festival)
    best = [plan for plan in story.members if review.levels.get(plan.id) == EXCELLENT]
    best = [plan for plan in best if plan is not front] or best
    if best:
        plan = rng.choice(best)
        given = review_day(story, year, (12, 30))
        title, given_by, reason = say.MEMBER_COMMENDATION
        story.factory.make(
            Commendation,
            local_moment(given, time(16)),
            member_id=plan.id,
            given_on=given,
            title=title,
            given_by=given_by,
            reason=reason.format(year=year),
            decision_ref=f"Quyết định số {rng.randint(250, 300)}-QĐ/ĐU",
        )
    if front is not None and festival < story.until:
        title, given_by, reason = say.FRONT_COMMENDATION
        story.factory.make(
            Commendation,
            local_moment(festival, time(16)) + timedelta(hours=1),
            member_id=front.id,
            given_on=festival,
            title=title,
            given_by=given_by,
            reason=reason.format(year=year),
            decision_ref=f"Quyết định số {rng.randint(20, 60)}/QĐ-MTTQ",
        )


def _title(rules: RuleSet, level_id: str) -> str:
    """The level as documents print it (in Vietnamese, whatever the app's language)."""
    band = level(rules, level_id)
    return band.title("vi") if band else level_id
