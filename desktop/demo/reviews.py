"""The year's review (kiểm điểm, đánh giá, xếp loại) in the demo book.

The previous year's annual review is complete: every member's personal
review, the cell's discussion with criticism, the points and vote, the
commune's decision, the cell's own collective review, and the shortcomings
to fix. This year's review is started on 10 December (the demo ending after
that day): reviews are being written and the committee's have been discussed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time, timedelta

from desktop.data.enums import (
    CriticismKind,
    MeetingKind,
    MemberStatus,
    ReviewPeriod,
    ReviewState,
)
from desktop.data.models import Criticism, MemberReview, ReviewCampaign, Shortcoming
from desktop.demo import review_phrases as say
from desktop.demo.people import AWAY_CELL, MemberPlan
from desktop.demo.records import local_moment
from desktop.demo.schedule import working_day
from desktop.demo.story import HeldMeeting, Story, percent
from desktop.rules.ruleset import ReviewForm
from desktop.services.rating import excellent_allowed, level_for
from desktop.services.reviews import default_title

STARTS = (12, 10)  # the review is opened
DISCUSSED = (12, 17)  # the cell's review conference
DECIDED = (12, 29)  # the commune's decision
EXCELLENT = "excellent"
GOOD = "good"
COMPLETED = "completed"
CONDITIONS = ("all_tasks_on_time", "exceeds_30_percent", "earlier_shortcomings_fixed")


def review_day(story: Story, year: int, month_day: tuple[int, int]) -> date:
    return working_day(date(year, *month_day), story.rules.holidays)


@dataclass
class YearReview:
    """What the previous year's review decided, for the records that follow it."""

    year: int
    levels: dict[str, str] = field(default_factory=dict)  # member id -> level decided
    cell_level: str = ""
    decided_on: date | None = None
    shortcomings: list[Shortcoming] = field(default_factory=list)


def reviewed(story: Story, day: date) -> list[tuple[MemberPlan, ReviewForm]]:
    """Members who review on `day`, with their form (exempt and attached members do not)."""
    chosen = []
    for plan in story.members:
        status = plan.status_on(day)
        form = (
            story.rules.review_form_for(status.value, plan.record.work_group.value)
            if status is not None
            else None
        )
        if form is not None:
            chosen.append((plan, form))
    return chosen


class PreviousYear:
    """Writes the complete annual review of `year` (the year before the demo ends)."""

    def __init__(self, story: Story, year: int, held: list[HeldMeeting]) -> None:
        self.story = story
        self.year = year
        self.started = review_day(story, year, STARTS)
        self.discussed = review_day(story, year, DISCUSSED)
        self.decided = review_day(story, year, DECIDED)
        self.meetings = regular_meetings(held, year)
        self.thematic = sum(
            1 for h in held if h.record.kind is MeetingKind.THEMATIC and h.day.year == year
        )
        self.result = YearReview(year, decided_on=self.decided)

    def write(self) -> YearReview:
        story, rng = self.story, self.story.rng
        members = reviewed(story, self.started)
        present = self._present()
        voters = sum(plan.status_on(self.discussed) is MemberStatus.FULL for plan in present)
        levels = self._levels(members)
        number = rng.randint(180, 240)
        ref = f"Quyết định số {number}-QĐ/ĐU"
        campaign = story.factory.make(
            ReviewCampaign,
            local_moment(self.started, time(19)),
            updated=local_moment(self.decided, time(16)),
            year=self.year,
            period=ReviewPeriod.ANNUAL,
            title=default_title(self.year, ReviewPeriod.ANNUAL),
            started_on=self.started,
        )
        for plan, form in members:
            self._review(campaign, plan, form, levels[plan.id], present, voters, ref)
        self._cell(campaign, voters, f"Quyết định số {number + 1}-QĐ/ĐU")
        self.result.levels = levels
        return self.result

    # --- who came, and the levels ----------------------------------------------------

    def _present(self) -> list[MemberPlan]:
        """Members at the review conference: all but one or two who sent a reason."""
        story = self.story
        expected = [
            plan
            for plan in story.attending_on(self.discussed)
            if plan.status_on(self.discussed) is not MemberStatus.ATTACHED
        ]
        committee = {plan.id for plan in story.committee.everyone(self.discussed)}
        others = [plan for plan in expected if plan.id not in committee]
        absent = {plan.id for plan in story.rng.sample(others, min(len(others), 2))}
        return [plan for plan in expected if plan.id not in absent]

    def _attendance(self, plan: MemberPlan) -> tuple[int, int, int]:
        return attendance(self.meetings, plan)

    def _levels(self, members: list[tuple[MemberPlan, ReviewForm]]) -> dict[str, str]:
        """Most members good; those who missed meetings completed; the best few
        excellent, within the quota of the rule set."""
        story = self.story
        levels: dict[str, str] = {}
        full_marks: list[MemberPlan] = []
        for plan, form in members:
            attended, expected, unexcused = self._attendance(plan)
            if unexcused or (expected and attended < 0.75 * expected):
                levels[plan.id] = COMPLETED
            else:
                levels[plan.id] = GOOD
                if form.id != "probationary" and expected and attended == expected:
                    full_marks.append(plan)
        secretary = story.committee.secretary(self.started)
        full_marks.sort(key=lambda plan: plan.id != secretary.id)  # the secretary first
        good = sum(level == GOOD for level in levels.values())
        count = 0
        for candidate in range(min(3, len(full_marks)), 0, -1):
            cap = story.rules.excellent_cap
            if not cap.enabled or candidate <= excellent_allowed(story.rules, good - candidate):
                count = candidate
                break
        best = full_marks[:1] + story.rng.sample(full_marks[1:], max(0, count - 1))
        for plan in best[:count]:
            levels[plan.id] = EXCELLENT
        return levels

    # --- one member's review ------------------------------------------------------------

    def _review(
        self,
        campaign: ReviewCampaign,
        plan: MemberPlan,
        form: ReviewForm,
        level: str,
        present: list[MemberPlan],
        voters: int,
        ref: str,
    ) -> None:
        story, rng = self.story, self.story.rng
        attended, expected, unexcused = self._attendance(plan)
        slots = _slots(story, self.year, attended=attended, meetings=expected, missed=unexcused)
        problem = self._problem(level, unexcused)
        texts = _texts(story, plan, form, slots, problem)
        points, conditions = _points(story, level)
        assert level_for(story.rules, points, conditions).id == level
        abstain = rng.choice((0, 0, 0, 1)) if level != COMPLETED else rng.choice((1, 2))
        against = 1 if level == COMPLETED and rng.random() < 0.4 else 0
        committee = plan.id in {p.id for p in story.committee.everyone(self.started)}
        written = self.started + timedelta(days=1 if committee else rng.randint(1, 5))
        modest = level == EXCELLENT and rng.random() < 0.3
        hopeful = level == COMPLETED and rng.random() < 0.5
        review = story.factory.make(
            MemberReview,
            local_moment(self.started, time(19)),
            updated=local_moment(self.decided, time(16)),
            campaign_id=campaign.id,
            member_id=plan.id,
            form_id=form.id,
            state=ReviewState.DECIDED,
            self_level=GOOD if modest or hopeful else level,
            written_on=written,
            discussed_on=self.discussed,
            points=points,
            conditions_met=list(conditions),
            proposed_level=level,
            votes_for=voters - abstain - against,
            votes_against=against,
            votes_abstain=abstain,
            voted_on=self.discussed,
            decided_level=level,
            decided_on=self.decided,
            decision_ref=ref,
            **texts,
        )
        self._criticism(review, plan, level, present)
        if problem is not None:
            self._shortcoming(review, plan, problem, slots)

    def _problem(self, level: str, unexcused: int) -> tuple[str, str, str, int] | None:
        """The shortcoming the review names and the cell follows up, if any."""
        if level == COMPLETED and unexcused:
            return say.ABSENT_SHORTCOMING
        if level == EXCELLENT or self.story.rng.random() < 0.75:
            return None
        return self.story.rng.choice(say.SHORTCOMINGS)

    def _criticism(
        self, review: MemberReview, plan: MemberPlan, level: str, present: list[MemberPlan]
    ) -> None:
        story, rng = self.story, self.story.rng
        at = local_moment(self.discussed, time(9, 30))
        said: list[tuple[MemberPlan | None, str, str]] = []
        if plan.status_on(self.discussed) is MemberStatus.AWAY:
            said.append((None, AWAY_CELL, say.AWAY_REMARK))
        speakers = [p for p in present if p.id != plan.id]
        count = min(len(speakers), rng.choice((1, 1, 2)), len(say.CRITICISM[level]))
        for speaker, content in zip(
            rng.sample(speakers, count), rng.sample(say.CRITICISM[level], count), strict=True
        ):
            said.append((speaker, "", content))
        if level == COMPLETED and plan in present:
            said.append((plan, "", rng.choice(say.SELF_CRITICISM)))
        for by, by_name, content in said:
            story.factory.make(
                Criticism,
                at,
                given_on=self.discussed,
                kind=CriticismKind.SELF if by is plan else CriticismKind.CRITICISM,
                by_member_id=by.id if by else None,
                by_name=by_name,
                about_member_id=plan.id,
                review_id=review.id,
                content=content,
            )

    def _shortcoming(
        self,
        review: MemberReview,
        plan: MemberPlan,
        problem: tuple[str, str, str, int],
        slots: dict[str, object],
    ) -> None:
        _text, content, remedy, months = problem
        item = self.story.factory.make(
            Shortcoming,
            local_moment(self.discussed, time(11)),
            member_id=plan.id,
            raised_on=self.discussed,
            content=content.format(**slots),
            remedy=remedy.format(**slots),
            deadline=_month_end(self.year + 1, months),
            review_id=review.id,
        )
        self.result.shortcomings.append(item)

    # --- the cell's own review ---------------------------------------------------------------

    def _cell(self, campaign: ReviewCampaign, voters: int, ref: str) -> None:
        story = self.story
        expected = sum(len(h.roll.statuses) for h in self.meetings)
        came = sum(len(h.roll.present) for h in self.meetings)
        good_meetings = sum(1 for h in self.meetings if h.record.grade == "Tốt")
        raised = sum(len(h.raised) for h in self.meetings)
        slots = {"previous": self.year - 1, "next": self.year + 1}
        campaign.cell_strengths = say.CELL_STRENGTHS.format(
            regular=len(self.meetings),
            thematic=self.thematic,
            good_meetings=good_meetings,
            rate=percent(came, expected),
            raised=raised,
        )
        campaign.cell_shortcomings = say.CELL_SHORTCOMINGS
        campaign.cell_earlier_fixes = say.CELL_EARLIER_FIXES.format(**slots)
        campaign.cell_remedies = say.CELL_REMEDIES.format(**slots)
        campaign.cell_self_level = GOOD
        campaign.cell_proposed_level = GOOD
        campaign.cell_votes_for, campaign.cell_votes_against = voters, 0
        campaign.cell_votes_abstain = 0
        campaign.cell_decided_level = GOOD
        campaign.cell_decided_on = self.decided
        campaign.cell_decision_ref = ref
        content, remedy = say.CELL_SHORTCOMING
        self.result.cell_level = GOOD
        self.result.shortcomings.append(
            story.factory.make(
                Shortcoming,
                local_moment(self.discussed, time(11, 30)),
                member_id=None,
                raised_on=self.discussed,
                content=content,
                remedy=remedy,
                deadline=_month_end(self.year + 1, 6),
            )
        )


def regular_meetings(held: list[HeldMeeting], year: int) -> list[HeldMeeting]:
    return [h for h in held if h.record.kind is MeetingKind.REGULAR and h.day.year == year]


def attendance(meetings: list[HeldMeeting], plan: MemberPlan) -> tuple[int, int, int]:
    """Regular meetings: (attended, expected, missed without a reason)."""
    expected = [h for h in meetings if plan.id in h.roll.statuses]
    attended = sum(plan in h.roll.present for h in expected)
    unexcused = sum(plan in h.roll.unexcused for h in expected)
    return attended, len(expected), unexcused


def start_this_year(story: Story, year: int, held: list[HeldMeeting]) -> None:
    """This year's review, opened on 10 December: the reviews written so far,
    and the committee's discussed at the first session."""
    rng = story.rng
    started = review_day(story, year, STARTS)
    session = review_day(story, year, (12, STARTS[1] + 4))
    campaign = story.factory.make(
        ReviewCampaign,
        local_moment(started, time(19)),
        year=year,
        period=ReviewPeriod.ANNUAL,
        title=default_title(year, ReviewPeriod.ANNUAL),
        started_on=started,
    )
    meetings = regular_meetings(held, year)
    committee = {plan.id for plan in story.committee.everyone(started)}
    present = [
        plan
        for plan in story.attending_on(session)
        if plan.status_on(session) is not MemberStatus.ATTACHED
    ]
    for plan, form in reviewed(story, started):
        lead = plan.id in committee
        written = started + timedelta(days=1 if lead else rng.randint(1, 8))
        if written >= story.until:
            story.factory.make(
                MemberReview,
                local_moment(started, time(19)),
                campaign_id=campaign.id,
                member_id=plan.id,
                form_id=form.id,
            )
            continue
        came, expected, missed = attendance(meetings, plan)
        slots = _slots(story, year, attended=came, meetings=expected, missed=missed)
        texts = _texts(story, plan, form, slots, None)
        discussed = lead and session < story.until
        review = story.factory.make(
            MemberReview,
            local_moment(started, time(19)),
            updated=local_moment(session if discussed else written, time(20)),
            campaign_id=campaign.id,
            member_id=plan.id,
            form_id=form.id,
            state=ReviewState.DISCUSSED if discussed else ReviewState.WRITTEN,
            self_level=GOOD,
            written_on=written,
            discussed_on=session if discussed else None,
            **texts,
        )
        if discussed:
            speaker = rng.choice([p for p in present if p.id != plan.id])
            story.factory.make(
                Criticism,
                local_moment(session, time(9, 30)),
                given_on=session,
                kind=CriticismKind.CRITICISM,
                by_member_id=speaker.id,
                about_member_id=plan.id,
                review_id=review.id,
                content=rng.choice(say.CRITICISM[GOOD]),
            )


# --- texts ----------------------------------------------------------------------------------


def _slots(
    story: Story, year: int, *, attended: int, meetings: int, missed: int
) -> dict[str, object]:
    rng = story.rng
    return {
        "year": year,
        "next": year + 1,
        "previous": year - 1,
        "attended": attended,
        "meetings": meetings,
        "missed": missed,
        "to": rng.randint(1, 6),
        "ho": rng.randint(3, 12),
        "met": rng.randint(15, 60) * 10,
    }


def _texts(
    story: Story,
    plan: MemberPlan,
    form: ReviewForm,
    slots: dict[str, object],
    problem: tuple[str, str, str, int] | None,
) -> dict[str, str]:
    """The sections of `form`, written for `plan`."""
    rng = story.rng
    if form.id == "probationary":
        strengths = rng.choice(say.STRENGTHS_PROBATIONARY)
    else:
        extra = say.STRENGTHS_BY_ROLE.get(plan.role) or rng.choice(say.STRENGTHS_MEMBER)
        strengths = f"{rng.choice(say.STRENGTHS_BASE)} {extra}"
    shortcomings = problem[0] if problem else say.NONE_SERIOUS
    texts = {
        "strengths": strengths.format(**slots),
        "shortcomings": shortcomings.format(**slots),
        "remedies": rng.choice(say.REMEDIES).format(**slots),
    }
    if form.has_section("earlier_fixes"):
        texts["earlier_fixes"] = rng.choice(say.EARLIER_FIXES).format(**slots)
    if form.has_section("responsibility") and plan.role == "village_head":
        texts["responsibility"] = say.RESPONSIBILITY
    return texts


def _points(story: Story, level: str) -> tuple[int, tuple[str, ...]]:
    rng = story.rng
    if level == EXCELLENT:
        return rng.randint(90, 96), CONDITIONS
    if level == GOOD:
        return rng.randint(72, 88), CONDITIONS[:1] if rng.random() < 0.6 else ()
    return rng.randint(55, 68), ()


def _month_end(year: int, month: int) -> date:
    following = date(year + (month == 12), month % 12 + 1, 1)
    return following - timedelta(days=1)
