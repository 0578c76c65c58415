"""Thematic meetings, the committee's preparatory meetings and an extraordinary meeting."""

from __future__ import annotations

from datetime import date, time, timedelta

from desktop.data.enums import GuestRole, MeetingKind
from desktop.demo import phrases, places
from desktop.demo.resolutions import ResolutionWriter, directions_text, take_vote
from desktop.demo.schedule import month_label, roman_quarter, working_day
from desktop.demo.story import (
    HeldMeeting,
    Story,
    attendance_summary,
    grade,
    open_meeting,
    percent,
    take_attendance,
)

# Who presents each thematic topic: a role (see people.ROLES) or a committee post.
TOPIC_PRESENTERS: dict[str, str] = {
    "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh": "front",
    "Chuyển đổi số trong sinh hoạt chi bộ": "youth",
    "Xây dựng nông thôn mới nâng cao": "village_head",
    "Giữ gìn an ninh trật tự thôn xóm": "security",
    "Nguyên tắc tập trung dân chủ": "deputy",
    "Nâng cao chất lượng sinh hoạt chi bộ": "secretary",
}


def hold_thematic(story: Story, month: date, topic: str, *, working_group: bool) -> HeldMeeting:
    """A quarter's thematic meeting, mid-month, with the superior delegate present."""
    rng = story.rng
    day = working_day(month.replace(day=15), story.rules.holidays)
    secretary = story.committee.secretary(day)
    deputy = story.committee.deputy(day)
    member = story.committee.member(day)
    presenter = story.role_holder(TOPIC_PRESENTERS[topic], day) or deputy
    held = open_meeting(
        story,
        MeetingKind.THEMATIC,
        day,
        time(14) if rng.random() < 0.6 else time(8),
        rng.randrange(120, 155, 5),
        title=f"Sinh hoạt chuyên đề quý {roman_quarter(day)}/{day.year}",
        topic=topic,
        chair=secretary,
        minute_taker=member,
        prepared_days_before=7,
    )
    held.add_superior_delegate(story)
    if working_group:
        held.add_guest(story, *places.WORKING_GROUP, role=GuestRole.WORKING_GROUP)
    held.add_document(
        story,
        f"Đề cương chuyên đề: {topic}",
        f"de-cuong-chuyen-de-quy-{(day.month - 1) // 3 + 1}-{day.year}.txt",
        f"ĐỀ CƯƠNG SINH HOẠT CHUYÊN ĐỀ\n{topic}\n\n"
        "I. Mục đích, yêu cầu\nII. Nội dung chuyên đề\nIII. Liên hệ thực tiễn của chi bộ\n"
        "IV. Giải pháp thực hiện\n",
    )
    always = {secretary.id, deputy.id, member.id, presenter.id}
    take_attendance(
        story,
        held,
        story.attending_on(day),
        always_present=always,
        usual_absences=(0, 1, 1, 2),
        unexcused_chance=0.05,
    )
    score = float(rng.randint(82, 96))
    band = grade(story, score)
    held.add_item(
        story,
        "Báo cáo tình hình đảng viên dự sinh hoạt; giới thiệu đại biểu; thông qua chương trình",
        secretary,
        attendance_summary(story, held),
    )
    held.add_item(story, f"Trình bày chuyên đề “{topic}”", presenter)
    discussion = held.add_item(
        story,
        "Thảo luận, liên hệ với thực tiễn của chi bộ và địa phương",
        secretary,
        "Chi bộ thống nhất các nội dung liên hệ và giải pháp thực hiện chuyên đề trong thời gian "
        "tới.",
    )
    held.add_item(
        story,
        "Kết luận của chủ trì; đánh giá chất lượng buổi sinh hoạt chuyên đề",
        secretary,
        f"Chi bộ đánh giá buổi sinh hoạt chuyên đề đạt {score:g} điểm, xếp loại {band}. "
        "Giao chi ủy đưa các giải pháp vào nghị quyết tháng tới.",
    )
    speakers = [p for p in held.roll.present if p.id not in (secretary.id, presenter.id)]
    used: set[str] = set()
    for speaker in rng.sample(speakers, min(len(speakers), rng.randint(3, 5))):
        held.add_speech(
            story, discussion, story.text.thematic_speech(topic, day, used), member=speaker
        )
    held.record.score = score
    held.record.grade = band
    held.record.superior_remarks = (
        f"Đồng chí {places.SUPERIOR_DELEGATE} đánh giá cao sự chuẩn bị chuyên đề của chi bộ; đề "
        "nghị cụ thể hóa thành việc làm của từng đảng viên."
    )
    held.confirm_score()
    return held


def hold_committee(
    story: Story, regular_day: date, *, thematic: bool, party_events: bool
) -> HeldMeeting:
    """The committee's preparatory meeting, two days before the monthly meeting."""
    rng = story.rng
    day = working_day(regular_day - timedelta(days=2), story.rules.holidays, backwards=True)
    secretary = story.committee.secretary(day)
    deputy = story.committee.deputy(day)
    member = story.committee.member(day)
    month = month_label(regular_day)
    held = open_meeting(
        story,
        MeetingKind.COMMITTEE,
        day,
        time(19),
        rng.randrange(60, 80, 5),
        title=f"Họp chi ủy chuẩn bị sinh hoạt chi bộ tháng {month}",
        chair=secretary,
        minute_taker=member,
        place=places.COMMITTEE_PLACE,
        prepared_days_before=2,
    )
    everyone = story.committee.everyone(day)
    take_attendance(
        story,
        held,
        everyone,
        always_present={p.id for p in everyone},
        usual_absences=(0,),
        unexcused_chance=0.0,
    )
    held.add_item(
        story,
        "Đánh giá tình hình thực hiện nghị quyết chi bộ tháng trước",
        secretary,
        "Chi ủy thống nhất nội dung báo cáo đánh giá trình chi bộ.",
    )
    held.add_item(
        story,
        f"Phân công chuẩn bị nội dung sinh hoạt chi bộ tháng {month}",
        secretary,
        f"Giao đồng chí {secretary.name} chuẩn bị báo cáo đánh giá và chủ trì; đồng chí "
        f"{deputy.name} chuẩn bị thông tin thời sự và thu đảng phí; đồng chí {member.name} dự "
        "thảo nghị quyết. Thông báo thời gian, địa điểm cho đảng viên và đồng chí Đảng ủy viên "
        "phụ trách chi bộ.",
    )
    if thematic:
        held.add_item(
            story,
            f"Duyệt đề cương sinh hoạt chuyên đề quý {roman_quarter(regular_day)}",
            secretary,
            "Chi ủy thống nhất đề cương; gửi tài liệu cho đảng viên trước ít nhất một ngày.",
        )
    if party_events:
        held.add_item(
            story,
            "Công tác phát triển đảng viên, quản lý đảng viên",
            deputy,
            "Chi ủy thống nhất hồ sơ, trình chi bộ xem xét tại kỳ sinh hoạt.",
        )
    return held


def hold_extraordinary(story: Story, day: date, resolutions: ResolutionWriter) -> HeldMeeting:
    """An extraordinary meeting on the flood season, called at the commune's request."""
    rng = story.rng
    secretary = story.committee.secretary(day)
    deputy = story.committee.deputy(day)
    member = story.committee.member(day)
    held = open_meeting(
        story,
        MeetingKind.EXTRAORDINARY,
        day,
        time(14),
        rng.randrange(90, 110, 5),
        title=(
            "Sinh hoạt chi bộ bất thường: triển khai phòng, chống thiên tai mùa nước nổi năm "
            f"{day.year}"
        ),
        chair=secretary,
        minute_taker=member,
        prepared_days_before=2,
    )
    held.add_superior_delegate(story)
    take_attendance(
        story, held, story.attending_on(day), always_present={secretary.id, deputy.id, member.id}
    )
    vote = take_vote(story, held)
    held.add_item(
        story,
        "Báo cáo tình hình đảng viên dự sinh hoạt; giới thiệu đại biểu; thông qua chương trình",
        secretary,
        attendance_summary(story, held),
    )
    held.add_item(
        story,
        "Quán triệt chỉ đạo của Đảng ủy xã về phòng, chống thiên tai, tìm kiếm cứu nạn mùa nước "
        "nổi",
        secretary,
    )
    discussion = held.add_item(story, "Thảo luận, phân công đảng viên phụ trách các tổ", secretary)
    held.add_item(
        story,
        "Biểu quyết thông qua nghị quyết",
        secretary,
        f"{vote.for_}/{vote.voters} đảng viên chính thức có mặt tán thành "
        f"({percent(vote.for_, vote.voters)}).",
    )
    speakers = [p for p in held.roll.present if p.id != secretary.id]
    texts = list(phrases.FLOOD_SPEECHES)
    for speaker in rng.sample(speakers, min(len(speakers), rng.randint(3, 4))):
        content = texts.pop(rng.randrange(len(texts)))
        held.add_speech(story, discussion, content, member=speaker)
    tasks = resolutions.assign(list(phrases.FLOOD_TASKS), day, day)
    resolutions.adopt(
        held,
        title=f"Nghị quyết về công tác phòng, chống thiên tai mùa nước nổi năm {day.year}",
        evaluation=(
            f"Mực nước sông Tiền năm {day.year} được dự báo ở mức cao, có nguy cơ sạt lở đê bao "
            "và đuối nước trẻ em. Thực hiện chỉ đạo của Đảng ủy xã, chi bộ sinh hoạt bất thường "
            "để triển khai công tác phòng, chống thiên tai trên địa bàn thôn."
        ),
        directions=directions_text("Chi bộ thống nhất các nhiệm vụ sau:", tasks),
        tasks=tasks,
        vote=vote,
    )
    return held
