"""A small annual review run through the services, for the review documents' tests.

Five members: An (secretary, a leading post: form 2A), Bích (deputy
secretary in the political system: 2B, with a shortcoming carried from
2025), Cường (farmer: 2C, with the commune's decision), Dung (probationary:
her own form, written but not yet discussed) and Em (exempt: does not
review). December's regular meeting is the review meeting; the cell reviews
itself, pledged and was commended.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time

from desktop.data.enums import (
    AttendanceStatus,
    CommitteePostKind,
    MeetingKind,
    MeetingState,
    MemberStatus,
    Sex,
    ShortcomingStatus,
    WorkGroup,
)
from desktop.data.models import Attendance, Meeting
from desktop.services.book import Book
from desktop.services.committee import CommitteeService
from desktop.services.criticism import CriticismService
from desktop.services.emulation import EmulationService
from desktop.services.members import MemberInput, MemberService
from desktop.services.reviews import ReviewService, ReviewTexts, Votes

TODAY = date(2026, 12, 20)
YEAR = 2026
REVIEW_DAY = date(2026, 12, 10)


@dataclass(frozen=True)
class SmallReview:
    campaign: str
    meeting: str
    members: dict[str, str]  # short name -> member id
    reviews: dict[str, str]  # short name -> review id


def _member(book: Book, name: str, sex: Sex, **values: object) -> str:
    return MemberService(book, TODAY).create(
        MemberInput(full_name=name, sex=sex, **values)  # type: ignore[arg-type]
    )


def _meeting(
    book: Book,
    kind: MeetingKind,
    day: date,
    attendance: list[tuple[str, MemberStatus, AttendanceStatus]],
    **values: object,
) -> str:
    with book.session() as session:
        meeting = Meeting(
            kind=kind, state=MeetingState.HELD, scheduled_on=day, held_on=day, **values
        )
        meeting.attendance = [
            Attendance(member_id=member, member_status=status, status=present)
            for member, status, present in attendance
        ]
        session.add(meeting)
        session.flush()
        return meeting.id


def make_small_review(book: Book) -> SmallReview:
    ids = {
        "an": _member(
            book,
            "Nguyễn Văn An",
            Sex.MALE,
            date_of_birth=date(1968, 4, 9),
            admission_date=date(1990, 5, 1),
            official_date=date(1991, 5, 1),
            work_group=WorkGroup.LEADER,
            workplace="Ủy ban nhân dân xã An Phú",
        ),
        "bich": _member(
            book,
            "Trần Thị Bích",
            Sex.FEMALE,
            date_of_birth=date(1985, 8, 20),
            admission_date=date(2010, 3, 1),
            official_date=date(2011, 3, 1),
            work_group=WorkGroup.POLITICAL_SYSTEM,
            workplace="Trường Tiểu học An Phú",
        ),
        "cuong": _member(
            book,
            "Lê Văn Cường",
            Sex.MALE,
            date_of_birth=date(1975, 1, 2),
            admission_date=date(2000, 6, 1),
            official_date=date(2001, 6, 1),
            workplace="Ruộng nhà",  # a farmer: his form has no workplace line
        ),
        "dung": _member(
            book,
            "Phạm Thị Dung",
            Sex.FEMALE,
            date_of_birth=date(1999, 11, 30),
            admission_date=date(2026, 3, 1),
        ),
        "em": _member(book, "Hoàng Văn Em", Sex.MALE, status=MemberStatus.EXEMPT),
    }
    committee = CommitteeService(book, TODAY)
    committee.assign(ids["an"], CommitteePostKind.SECRETARY, date(2025, 1, 1))
    committee.assign(ids["bich"], CommitteePostKind.DEPUTY_SECRETARY, date(2025, 1, 1))

    full, probationary = MemberStatus.FULL, MemberStatus.PROBATIONARY
    present, excused = AttendanceStatus.PRESENT, AttendanceStatus.ABSENT_EXCUSED
    _meeting(
        book,
        MeetingKind.REGULAR,
        date(2026, 11, 5),
        [
            (ids["an"], full, present),
            (ids["bich"], full, present),
            (ids["cuong"], full, excused),
            (ids["dung"], probationary, present),
        ],
    )
    _meeting(
        book,
        MeetingKind.THEMATIC,
        date(2026, 9, 15),
        [(ids["an"], full, present)],
        topic="Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
    )
    meeting = _meeting(
        book,
        MeetingKind.REGULAR,
        REVIEW_DAY,
        [
            (ids["an"], full, present),
            (ids["bich"], full, present),
            (ids["cuong"], full, present),
            (ids["dung"], probationary, present),
        ],
        start_time=time(19, 30),
        end_time=time(21, 45),
        place="Nhà văn hóa thôn An Hòa",
        chair_id=ids["an"],
        minute_taker_id=ids["bich"],
    )

    criticism = CriticismService(book, TODAY)
    carried = criticism.add_shortcoming(
        "Chưa tích cực tham gia vệ sinh môi trường",
        member_id=ids["bich"],
        raised_on=date(2025, 12, 12),
        remedy="Tham gia đầy đủ các buổi tổng vệ sinh",
        deadline=date(2026, 6, 30),
    )
    criticism.follow_up(
        carried, ShortcomingStatus.FIXED, "Đã tham gia đủ 6 buổi", on=date(2026, 7, 2)
    )
    criticism.add_shortcoming(
        "Tỷ lệ thu đảng phí đúng hạn còn thấp",
        member_id=None,
        raised_on=date(2025, 12, 12),
        remedy="Giao tổ trưởng thu theo tháng",
        deadline=date(2026, 12, 31),
    )

    service = ReviewService(book, TODAY)
    campaign = service.start(YEAR, started_on=date(2026, 12, 1))
    service.set_meeting(campaign, meeting)
    reviews = {
        key: next(r.id for r in service.campaign(campaign).reviews if r.member_id == ids[key])
        for key in ("an", "bich", "cuong", "dung")
    }
    service.write(
        reviews["an"],
        ReviewTexts(
            strengths="Lãnh đạo chi bộ hoàn thành các chỉ tiêu.\n\nGiữ gìn đoàn kết nội bộ.",
            shortcomings="Có lúc chưa sâu sát cơ sở.",
            earlier_fixes="Đã khắc phục việc họp muộn.",
            responsibility="Chịu trách nhiệm chính về việc thu đảng phí chậm.",
            remedies="Đi cơ sở mỗi tháng hai lần.",
            self_level="excellent",
        ),
        written_on=date(2026, 12, 5),
    )
    service.write(
        reviews["bich"],
        ReviewTexts(
            strengths="Hoàn thành tốt công tác giảng dạy.",
            self_level="good",
        ),
        written_on=date(2026, 12, 6),
    )
    service.write(
        reviews["cuong"],
        ReviewTexts(
            strengths="Sản xuất giỏi, tham gia đầy đủ sinh hoạt.",
            shortcomings="Đôi khi đóng đảng phí chậm.",
            remedies="Đóng đảng phí đầu tháng.",
            self_level="good",
        ),
        written_on=date(2026, 12, 6),
    )
    service.write(
        reviews["dung"],
        ReviewTexts(strengths="Tích cực tham gia đoàn thanh niên.", self_level="completed"),
        written_on=date(2026, 12, 7),
    )
    service.discuss(
        reviews["an"],
        REVIEW_DAY,
        [(ids["bich"], "", "Đồng chí cần dành thêm thời gian đi cơ sở.")],
    )
    service.discuss(
        reviews["cuong"],
        REVIEW_DAY,
        [
            (ids["an"], "", "Cần đóng đảng phí đúng hạn."),
            (None, "Đại diện Đảng ủy xã", "Ghi nhận tinh thần sản xuất giỏi."),
        ],
    )
    service.discuss(reviews["bich"], REVIEW_DAY)
    service.vote(
        reviews["an"],
        points=92,
        conditions_met=["all_tasks_on_time", "exceeds_30_percent", "earlier_shortcomings_fixed"],
        proposed_level="excellent",
        votes=Votes(3),
        voted_on=REVIEW_DAY,
    )
    service.vote(
        reviews["bich"],
        points=85,
        conditions_met=[],
        proposed_level="good",
        votes=Votes(2, 1),
        voted_on=REVIEW_DAY,
    )
    service.vote(
        reviews["cuong"],
        points=75,
        conditions_met=[],
        proposed_level="good",
        votes=Votes(2, 0, 1),
        voted_on=REVIEW_DAY,
    )
    service.decide(
        reviews["cuong"], "good", decided_on=date(2026, 12, 18), decision_ref="Số 25-QĐ/ĐU"
    )

    criticism.record(
        "Chi bộ cần đổi mới nội dung sinh hoạt.",
        given_on=REVIEW_DAY,
        about_member_id=None,
        by_member_id=ids["cuong"],
        meeting_id=meeting,
    )
    service.write_cell_review(
        campaign,
        ReviewTexts(
            strengths="Chi bộ duy trì sinh hoạt đều đặn.",
            shortcomings="Nội dung sinh hoạt có lúc còn đơn điệu.",
            earlier_fixes="Đã giao tổ trưởng thu đảng phí.",
            remedies="Mỗi quý một chuyên đề.",
            self_level="good",
        ),
    )
    service.vote_cell(campaign, "good", Votes(3))

    emulation = EmulationService(book, TODAY)
    pledge = emulation.pledge(
        YEAR, "Chi bộ đạt trong sạch, vững mạnh", member_id=None, pledged_on=date(2026, 1, 10)
    )
    emulation.assess_pledge(pledge, True, "Được Đảng ủy xã công nhận")
    emulation.commend(
        "Giấy khen",
        member_id=None,
        given_on=date(2026, 11, 15),
        given_by="Đảng ủy xã An Phú",
        reason="Hoàn thành tốt nhiệm vụ năm 2026",
        decision_ref="Số 40-QĐ/ĐU",
    )
    return SmallReview(campaign, meeting, ids, reviews)
