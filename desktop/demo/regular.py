"""The monthly regular meeting, following the order of business in domain.md section 2."""

from __future__ import annotations

from datetime import date, time

from desktop.data.enums import MeetingKind, MeetingState, MemberStatus
from desktop.data.models import AgendaItem
from desktop.demo import phrases, places
from desktop.demo.people import MemberPlan
from desktop.demo.resolutions import (
    ResolutionWriter,
    Vote,
    directions_text,
    evaluation_text,
    take_vote,
)
from desktop.demo.schedule import add_months, month_label
from desktop.demo.speech import SPEECH_KINDS
from desktop.demo.story import (
    HeldMeeting,
    Raised,
    Story,
    attendance_summary,
    grade,
    open_meeting,
    percent,
    take_attendance,
)


class RegularMeetings:
    """Holds the regular meetings one month after another."""

    def __init__(self, story: Story, resolutions: ResolutionWriter, raise_at: set[int]) -> None:
        self.story = story
        self.resolutions = resolutions
        self.raise_at = raise_at  # meetings where a member raises a recommendation
        self._lessons = list(phrases.HO_CHI_MINH_LESSONS)

    def hold(self, index: int) -> HeldMeeting:
        story, rng = self.story, self.story.rng
        day = story.days[index]
        latest = index == len(story.days) - 1
        secretary = story.committee.secretary(day)
        deputy = story.committee.deputy(day)
        member = story.committee.member(day)
        minute_taker = member if rng.random() < 0.75 else deputy
        month = month_label(day)
        previous = month_label(add_months(day, -1))
        held = _open(story, day, month, secretary, minute_taker, latest)
        held.index = index

        events = self._party_events(index)
        if events or rng.random() < 0.8:
            held.add_superior_delegate(story)
        newcomers = {
            plan.id
            for plan in story.members
            if plan.event_meeting == index or index in plan.party_items
        }
        committee = {secretary.id, deputy.id, member.id}
        roll = take_attendance(
            story, held, story.attending_on(day), always_present=committee | newcomers
        )
        counts = self.resolutions.evaluate_pending(held)
        tasks = self.resolutions.assign(self.resolutions.plan_tasks(day), day, day)
        vote = take_vote(story, held)
        score = float(rng.randint(78, 88) if roll.unexcused else rng.randint(80, 95))
        band = grade(story, score)

        expected = len(roll.statuses)
        items: dict[str, AgendaItem] = {}
        items["dues"] = held.add_item(
            story,
            f"Thu đảng phí tháng {month}",
            deputy,
            f"Đã thu đảng phí của {len(roll.present)}/{expected} đồng chí; các đồng chí vắng mặt "
            "nộp bổ sung trong tháng.",
        )
        items["opening"] = held.add_item(
            story,
            "Báo cáo tình hình đảng viên dự sinh hoạt; giới thiệu đại biểu; thông qua chương "
            "trình, cử thư ký",
            secretary,
            attendance_summary(story, held)
            + f" Chi bộ thống nhất cử đồng chí {minute_taker.name} làm thư ký.",
        )
        held.add_item(
            story,
            "Thông tin thời sự, chủ trương của Đảng, chính sách, pháp luật của Nhà nước, nhiệm vụ "
            "của địa phương",
            deputy,
        )
        items["evaluation"] = held.add_item(
            story,
            f"Đánh giá kết quả thực hiện nhiệm vụ và Nghị quyết chi bộ tháng {previous}",
            secretary,
            "Chi bộ thống nhất với báo cáo đánh giá của chi ủy.",
        )
        held.add_item(story, self._lesson(), self._storyteller(held, secretary))
        items["opinions"] = held.add_item(
            story, "Ý kiến, kiến nghị của đảng viên và nhân dân", secretary
        )
        items["directions"] = held.add_item(
            story,
            f"Phương hướng, nhiệm vụ tháng {month} và phân công đảng viên thực hiện",
            secretary,
            f"Chi bộ thống nhất {len(tasks)} nhiệm vụ trọng tâm tháng {month}, phân công rõ "
            "người, rõ việc, rõ thời hạn.",
        )
        items["discussion"] = held.add_item(
            story,
            "Thảo luận; tự phê bình và phê bình; biểu dương, nhắc nhở",
            secretary,
            self._praise(held),
        )
        for title, conclusion in events:
            held.add_item(
                story,
                title,
                secretary,
                conclusion.format(voters=vote.voters, percent=percent(vote.voters, vote.voters)),
            )
        held.add_item(
            story,
            "Kết luận của chủ trì; biểu quyết thông qua nghị quyết; chấm điểm chất lượng sinh "
            "hoạt; thông qua biên bản",
            secretary,
            _closing(month, vote, score, band),
        )

        self._speeches(held, items, secretary)
        items["opinions"].conclusion = (
            f"Chi bộ thống nhất tổng hợp kiến nghị gửi {places.ADDRESSEE}."
            if held.raised
            else "Chi ủy tiếp thu các ý kiến, giải quyết trong phạm vi của chi bộ."
        )
        if held.guests:
            remarks = rng.choice(phrases.SUPERIOR_REMARKS)
            held.record.superior_remarks = remarks.format(delegate=places.SUPERIOR_DELEGATE)
            if rng.random() < 0.45:
                held.add_speech(
                    story,
                    items["discussion"],
                    rng.choice(phrases.SUPERIOR_SPEECHES),
                    speaker_name=places.SUPERIOR_DELEGATE,
                )
        held.record.score = score
        held.record.grade = band
        if held.guests:
            held.confirm_score()
        self.resolutions.adopt(
            held,
            title=f"Nghị quyết chi bộ tháng {month}",
            evaluation=evaluation_text(story, day, previous, counts),
            directions=directions_text(
                f"Tháng {month}, chi bộ tập trung lãnh đạo thực hiện tốt các nhiệm vụ sau:", tasks
            ),
            tasks=tasks,
            vote=vote,
        )
        return held

    # --- parts ----------------------------------------------------------------

    def _lesson(self) -> str:
        rng = self.story.rng
        if not self._lessons:
            self._lessons = list(phrases.HO_CHI_MINH_LESSONS)
        lesson = self._lessons.pop(rng.randrange(len(self._lessons)))
        return f"Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh: {lesson}"

    def _storyteller(self, held: HeldMeeting, secretary: MemberPlan) -> MemberPlan:
        full = [p for p in held.roll.present_with(MemberStatus.FULL) if p.id != secretary.id]
        return self.story.rng.choice(full or [secretary])

    def _praise(self, held: HeldMeeting) -> str:
        rng = self.story.rng
        present = held.roll.present_with(MemberStatus.FULL)
        text = f"Biểu dương đồng chí {rng.choice(present).name} hoàn thành tốt nhiệm vụ được giao."
        if held.roll.unexcused:
            names = ", ".join(plan.name for plan in held.roll.unexcused)
            text += f" Nhắc nhở đồng chí {names} vắng sinh hoạt không có lý do."
        return text

    def _party_events(self, index: int) -> list[tuple[str, str]]:
        """Party-building items this month: admissions, recognitions, attachments,
        transfers and returns."""
        events: list[tuple[str, str]] = []
        for plan in self.story.members:
            name = plan.name
            if plan.event_meeting == index and plan.slot.kind in ("probationary", "recent"):
                title = (
                    f"Công tác xây dựng Đảng: tổ chức Lễ kết nạp đảng viên mới cho đồng chí {name}"
                )
                conclusion = (
                    f"Chi bộ tổ chức trang trọng Lễ kết nạp đồng chí {name} vào Đảng; phân công "
                    "đảng viên chính thức giúp đỡ đồng chí trong thời gian dự bị."
                )
                events.append((title, conclusion))
            if plan.recognised_at == index:
                title = (
                    "Công tác xây dựng Đảng: xét, đề nghị công nhận đảng viên chính thức cho "
                    f"đồng chí {name}"
                )
                conclusion = (
                    "{voters}/{voters} đảng viên chính thức có mặt ({percent}) tán thành đề nghị "
                    f"Đảng ủy xã công nhận đồng chí {name} là đảng viên chính thức."
                )
                events.append((title, conclusion))
            if plan.event_meeting == index and plan.slot.kind == "attached":
                title = f"Công tác xây dựng Đảng: tiếp nhận đồng chí {name} sinh hoạt tạm thời"
                conclusion = (
                    f"Chi bộ tiếp nhận đồng chí {name} ({plan.record.home_cell}) sinh hoạt tạm "
                    "thời; giao đồng chí tham gia sinh hoạt ở tổ nơi tạm trú."
                )
                events.append((title, conclusion))
            if index in plan.party_items:
                events.append(plan.party_items[index])
        return events

    def _speeches(
        self, held: HeldMeeting, items: dict[str, AgendaItem], secretary: MemberPlan
    ) -> None:
        """4–8 members speak, each on one item, in the order of the agenda."""
        story, rng = self.story, self.story.rng
        speakers = [plan for plan in held.roll.present if plan.id != secretary.id]
        count = min(len(speakers), rng.randint(4, 8))
        chosen = rng.sample(speakers, count)
        per_kind = dict.fromkeys(SPEECH_KINDS, 1)
        for _ in range(count - len(SPEECH_KINDS)):
            per_kind[rng.choice(SPEECH_KINDS)] += 1
        used: set[str] = set()
        queue = iter(chosen)
        raise_here = held.index in self.raise_at
        for kind in SPEECH_KINDS:
            for number in range(per_kind[kind]):
                speaker = next(queue, None)
                if speaker is None:
                    return
                if kind == "opinions" and number == 0 and raise_here:
                    content, request, answer = story.text.recommendation(held.day)
                    speech = held.add_speech(
                        story, items[kind], content, member=speaker, is_recommendation=True
                    )
                    held.raised.append(
                        Raised(speech, held.record, speaker, held.day, request, answer, held.ends)
                    )
                else:
                    content = story.text.speech(kind, held.day, used)
                    held.add_speech(story, items[kind], content, member=speaker)


def _open(
    story: Story,
    day: date,
    month: str,
    chair: MemberPlan,
    minute_taker: MemberPlan,
    latest: bool,
) -> HeldMeeting:
    rng = story.rng
    return open_meeting(
        story,
        MeetingKind.REGULAR,
        day,
        time(8) if rng.random() < 0.7 else time(14),
        rng.randrange(120, 170, 5),
        title=f"Sinh hoạt chi bộ thường kỳ tháng {month}",
        chair=chair,
        minute_taker=minute_taker,
        state=MeetingState.HELD if latest else MeetingState.ADOPTED,
    )


def _closing(month: str, vote: Vote, score: float, band: str) -> str:
    text = (
        f"Chi bộ biểu quyết thông qua Nghị quyết chi bộ tháng {month}: {vote.for_}/{vote.voters} "
        f"đảng viên chính thức có mặt tán thành ({percent(vote.for_, vote.voters)})"
    )
    if vote.abstain:
        text += f", {vote.abstain} đồng chí không biểu quyết"
    return (
        text + f". Chi bộ tự chấm {score:g} điểm, xếp loại chất lượng sinh hoạt: {band}. "
        "Biên bản được thư ký đọc lại, chi bộ thống nhất thông qua."
    )
