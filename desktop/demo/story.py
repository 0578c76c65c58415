"""What every part of the demo shares, and the building blocks of a meeting's record."""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from desktop.data.enums import (
    AttendanceStatus,
    GuestRole,
    MeetingKind,
    MeetingState,
    MemberStatus,
)
from desktop.data.models import (
    AgendaItem,
    Attendance,
    Meeting,
    MeetingDocument,
    MeetingGuest,
    Resolution,
    ResolutionTask,
    Speech,
)
from desktop.demo import places
from desktop.demo.committee import Committee
from desktop.demo.people import FAR_AWAY, MemberPlan, absence_reason
from desktop.demo.records import RecordFactory, local_moment
from desktop.demo.speech import TextMaker
from desktop.rules import RuleSet

ATTENDING = (MemberStatus.FULL, MemberStatus.PROBATIONARY, MemberStatus.ATTACHED)


@dataclass
class Story:
    rng: random.Random
    factory: RecordFactory
    text: TextMaker
    rules: RuleSet
    members: list[MemberPlan]
    committee: Committee
    days: list[date]  # the regular meetings' days, oldest first
    until: date

    def attending_on(self, day: date) -> list[MemberPlan]:
        """Members expected at a meeting on `day`: full, probationary and attached."""
        return [plan for plan in self.members if plan.status_on(day) in ATTENDING]

    def with_status(self, day: date, status: MemberStatus) -> list[MemberPlan]:
        return [plan for plan in self.members if plan.status_on(day) is status]

    def role_holder(self, role: str, day: date) -> MemberPlan | None:
        committee = {
            "secretary": self.committee.secretary,
            "deputy": self.committee.deputy,
        }
        if role in committee:
            return committee[role](day)
        for plan in self.members:
            if plan.role == role and plan.status_on(day) in ATTENDING:
                return plan
        return None


@dataclass
class Roll:
    """Who came to a meeting."""

    statuses: dict[str, MemberStatus] = field(default_factory=dict)
    present: list[MemberPlan] = field(default_factory=list)
    excused: list[tuple[MemberPlan, str]] = field(default_factory=list)
    unexcused: list[MemberPlan] = field(default_factory=list)

    def present_with(self, *statuses: MemberStatus) -> list[MemberPlan]:
        return [plan for plan in self.present if self.statuses[plan.id] in statuses]


@dataclass
class Raised:
    """A recommendation raised in a speech, to be followed up."""

    speech: Speech
    meeting: Meeting
    member: MemberPlan
    day: date
    content: str
    answer: str
    at: datetime


@dataclass
class HeldMeeting:
    record: Meeting
    day: date
    ends: datetime
    roll: Roll
    items: list[AgendaItem] = field(default_factory=list)
    speeches: list[Speech] = field(default_factory=list)
    resolution: Resolution | None = None
    tasks: list[ResolutionTask] = field(default_factory=list)
    raised: list[Raised] = field(default_factory=list)
    index: int | None = None  # position among the regular meetings
    guests: int = 0

    def add_item(
        self, story: Story, title: str, presenter: MemberPlan | None, conclusion: str = ""
    ) -> AgendaItem:
        item = story.factory.make(
            AgendaItem,
            self.record.created_at,
            updated=self.ends,
            meeting_id=self.record.id,
            position=len(self.items) + 1,
            title=title,
            presenter_id=presenter.id if presenter else None,
            ready=True,
            conclusion=conclusion,
        )
        self.items.append(item)
        return item

    def add_speech(
        self,
        story: Story,
        item: AgendaItem | None,
        content: str,
        *,
        member: MemberPlan | None = None,
        speaker_name: str = "",
        is_recommendation: bool = False,
    ) -> Speech:
        speech = story.factory.make(
            Speech,
            self.ends,
            meeting_id=self.record.id,
            agenda_item_id=item.id if item else None,
            member_id=member.id if member else None,
            speaker_name=speaker_name,
            position=len(self.speeches) + 1,
            content=content,
            is_recommendation=is_recommendation,
        )
        self.speeches.append(speech)
        return speech

    def add_guest(
        self,
        story: Story,
        name: str,
        title: str,
        *,
        superior: bool = True,
        role: GuestRole | None = None,
    ) -> None:
        """A guest invited while the meeting was prepared (the invitation went
        out when the meeting was drafted), who attended."""
        self.guests += 1
        story.factory.make(
            MeetingGuest,
            self.record.created_at,
            meeting_id=self.record.id,
            position=self.guests,
            name=name,
            title=title,
            is_superior=superior,
            role=role or (GuestRole.SUPERIOR_IN_CHARGE if superior else GuestRole.GUEST),
            invited=True,
            invited_on=self.record.created_at.date(),
            invitation_sent=True,
            attended=True,
        )

    def add_document(self, story: Story, title: str, file_name: str, text: str) -> None:
        """A document handed out to members before the meeting (a small text file)."""
        data = text.encode("utf-8")
        position = sum(
            1
            for record in story.factory.pending
            if isinstance(record, MeetingDocument) and record.meeting_id == self.record.id
        )
        story.factory.make(
            MeetingDocument,
            self.record.created_at,
            meeting_id=self.record.id,
            position=position + 1,
            title=title,
            file_name=file_name,
            media_type="text/plain",
            size=len(data),
            sha256=hashlib.sha256(data).hexdigest(),
            data=data,
            note="",
            handed_out=True,
        )

    def confirm_score(self) -> None:
        """The superior committee member present confirms the score at the meeting."""
        self.record.score_confirmed_by = places.SUPERIOR_DELEGATE
        self.record.score_confirmed_on = self.day

    def add_superior_delegate(self, story: Story) -> None:
        self.add_guest(story, places.SUPERIOR_DELEGATE, places.SUPERIOR_DELEGATE_TITLE)


def open_meeting(
    story: Story,
    kind: MeetingKind,
    day: date,
    start: time,
    minutes: int,
    *,
    title: str,
    chair: MemberPlan,
    minute_taker: MemberPlan,
    state: MeetingState = MeetingState.ADOPTED,
    place: str = places.MEETING_PLACE,
    topic: str = "",
    prepared_days_before: int = 5,
) -> HeldMeeting:
    """A meeting record as held on `day`, with its stamps: drafted some days before,
    last changed when its minutes were adopted at the end."""
    begins = datetime.combine(day, start)
    end = (begins + timedelta(minutes=minutes)).time()
    ends = local_moment(day, end)
    drafted = local_moment(day - timedelta(days=prepared_days_before), time(20, 0))
    meeting = story.factory.make(
        Meeting,
        drafted,
        updated=ends + timedelta(minutes=20),
        kind=kind,
        state=state,
        title=title,
        topic=topic,
        scheduled_on=day,
        held_on=day,
        start_time=start,
        end_time=end,
        place=place,
        chair_id=chair.id,
        minute_taker_id=minute_taker.id,
    )
    return HeldMeeting(meeting, day, ends, Roll())


def take_attendance(
    story: Story,
    held: HeldMeeting,
    expected: list[MemberPlan],
    *,
    always_present: set[str],
    usual_absences: tuple[int, ...] = (0, 1, 1, 2, 2, 3),
    unexcused_chance: float = 0.12,
) -> Roll:
    """Mark everyone expected: most come, a few send reasons, rarely someone just stays away."""
    rng = story.rng
    roll = held.roll
    day = held.day
    candidates = [plan for plan in expected if plan.id not in always_present]
    excused: dict[str, str] = {}
    for plan in candidates:
        if plan.position == FAR_AWAY and rng.random() < 0.6:
            excused[plan.id] = absence_reason(plan, rng)
    others = [plan for plan in candidates if plan.id not in excused]
    for plan in rng.sample(others, min(len(others), rng.choice(usual_absences))):
        excused[plan.id] = absence_reason(plan, rng)
    unexcused: set[str] = set()
    remaining = [plan for plan in others if plan.id not in excused]
    if remaining and rng.random() < unexcused_chance:
        unexcused.add(rng.choice(remaining).id)
    for plan in expected:
        status = plan.status_on(day)
        assert status is not None
        roll.statuses[plan.id] = status
        if plan.id in excused:
            mark, reason = AttendanceStatus.ABSENT_EXCUSED, excused[plan.id]
            roll.excused.append((plan, reason))
        elif plan.id in unexcused:
            mark, reason = AttendanceStatus.ABSENT_UNEXCUSED, ""
            roll.unexcused.append(plan)
        else:
            mark, reason = AttendanceStatus.PRESENT, ""
            roll.present.append(plan)
        story.factory.make(
            Attendance,
            held.ends,
            meeting_id=held.record.id,
            member_id=plan.id,
            member_status=status,
            status=mark,
            reason=reason,
        )
    return roll


def attendance_summary(story: Story, held: HeldMeeting) -> str:
    """The attendance report read out at the opening, as the minutes record it."""
    day, roll = held.day, held.roll
    full = len(story.with_status(day, MemberStatus.FULL))
    probationary = len(story.with_status(day, MemberStatus.PROBATIONARY))
    exempt = len(story.with_status(day, MemberStatus.EXEMPT))
    attached = len(story.with_status(day, MemberStatus.ATTACHED))
    away = len(story.with_status(day, MemberStatus.AWAY))
    text = (
        f"Tổng số đảng viên của chi bộ: {full + probationary} đồng chí (chính thức {full}, "
        f"dự bị {probationary}); miễn sinh hoạt: {exempt}; sinh hoạt tạm thời: {attached}"
    )
    if away:
        text += f"; đang sinh hoạt tạm thời nơi khác: {away}"
    text += f". Có mặt: {len(roll.present)} đồng chí"
    if roll.excused:
        names = "; ".join(f"{plan.name}: {reason}" for plan, reason in roll.excused)
        text += f"; vắng có lý do: {len(roll.excused)} ({names})"
    if roll.unexcused:
        names = ", ".join(plan.name for plan in roll.unexcused)
        text += f"; vắng không lý do: {len(roll.unexcused)} ({names})"
    return text + "."


def grade(story: Story, score: float) -> str:
    return story.rules.meeting_grade(score).title_vi


def percent(part: int, whole: int) -> str:
    """ "95,5%" as Vietnamese documents write it."""
    value = 100.0 * part / whole if whole else 0.0
    text = f"{value:.1f}".replace(".", ",").removesuffix(",0")
    return f"{text}%"
