"""Review campaigns: who reviews, a review's way from written to decided, the
votes and the quota, the cell's own review, history and carried shortcomings."""

from __future__ import annotations

import copy
import json
import shutil
from collections import Counter
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from desktop import i18n
from desktop.data.enums import (
    AttendanceStatus,
    CriticismKind,
    MeetingKind,
    MemberStatus,
    ReviewPeriod,
    ReviewState,
    Sex,
    ShortcomingStatus,
    WorkGroup,
)
from desktop.rules.loading import load_default_rule_set
from desktop.services.book import Book
from desktop.services.criticism import CriticismService
from desktop.services.meetings import MeetingInput, MeetingService
from desktop.services.members import MemberInput, MemberService
from desktop.services.minutes import MinutesService
from desktop.services.reviews import ReviewService, ReviewTexts, Votes
from desktop.services.validation import ValidationError

TODAY = date(2026, 12, 20)
EARLY = date(2026, 6, 1)  # members entered then (their situation recorded that day)
STARTED = date(2026, 12, 10)
WRITTEN_ON = date(2026, 12, 12)
REVIEW_DAY = date(2026, 12, 15)
DECIDED_ON = date(2026, 12, 18)
OLD = date(1995, 5, 19)
FULL = {"admission_date": OLD, "official_date": date(1996, 5, 19)}
TEXTS = ReviewTexts(
    strengths="Hoàn thành các nhiệm vụ được chi bộ phân công.",
    shortcomings="Có lúc chưa mạnh dạn phê bình.",
    remedies="Từ tháng 1, phát biểu ý kiến ở mỗi buổi sinh hoạt.",
    self_level="good",
)
ALL_CONDITIONS = ("all_tasks_on_time", "exceeds_30_percent", "earlier_shortcomings_fixed")


def _member(book: Book, name: str, **values: object) -> str:
    data = {"sex": Sex.MALE, **FULL, **values}
    return MemberService(book, EARLY).create(MemberInput(full_name=name, **data))  # type: ignore[arg-type]


@pytest.fixture
def people(book: Book) -> dict[str, str]:
    return {
        "an": _member(book, "Nguyễn Văn An", work_group=WorkGroup.LEADER),
        "binh": _member(
            book, "Trần Thị Bình", sex=Sex.FEMALE, work_group=WorkGroup.POLITICAL_SYSTEM
        ),
        "cuong": _member(book, "Lê Văn Cường"),
        "dung": _member(book, "Phạm Văn Dũng"),
        "em": _member(
            book,
            "Hoàng Văn Em",
            admission_date=date(2026, 3, 2),
            official_date=None,
            work_group=WorkGroup.LEADER,
        ),
        "giang": _member(book, "Đỗ Văn Giang", status=MemberStatus.EXEMPT),
        "hai": _member(book, "Vũ Văn Hải", status=MemberStatus.ATTACHED, home_cell="Chi bộ Đông"),
        "khoa": _member(book, "Bùi Văn Khoa", status=MemberStatus.AWAY),
    }


@pytest.fixture
def service(book: Book) -> ReviewService:
    i18n.set_language("en")
    return ReviewService(book, TODAY)


@pytest.fixture
def campaign(service: ReviewService, people: dict[str, str]) -> str:
    return service.start(2026, started_on=STARTED)


def review_of(service: ReviewService, campaign_id: str, member_id: str) -> str:
    return next(r.id for r in service.campaign(campaign_id).reviews if r.member_id == member_id)


def rows(book: Book) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table of the book (to show a refusal changed nothing)."""
    with book.reader() as session:
        tables = session.execute(
            text("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        ).scalars()
        return {
            table: sorted(session.execute(text(f'SELECT * FROM "{table}"')).all(), key=repr)
            for table in list(tables)
        }


def messages(error: pytest.ExceptionInfo[ValidationError]) -> list[str]:
    return [item.message for item in error.value.errors]


# --- who reviews ------------------------------------------------------------------


def test_who_reviews_and_with_which_form(service: ReviewService, people: dict[str, str]):
    chosen = dict(service.who_reviews())
    assert chosen == {
        people["an"]: "2A",
        people["binh"]: "2B",
        people["cuong"]: "2C",
        people["dung"]: "2C",
        people["em"]: "probationary",  # a leader's work group, but on probation
        people["khoa"]: "2C",  # away on a temporary transfer still reviews here
    }
    assert people["giang"] not in chosen and people["hai"] not in chosen


def test_start_takes_everyone_who_reviews(service: ReviewService, campaign: str):
    detail = service.campaign(campaign)
    assert (detail.year, detail.period, detail.started_on) == (2026, ReviewPeriod.ANNUAL, STARTED)
    assert detail.title == "Kiểm điểm, đánh giá, xếp loại chất lượng năm 2026"
    assert len(detail.reviews) == 6
    assert detail.count(ReviewState.NOT_STARTED) == 6
    keys = [r.sort_key for r in detail.reviews]
    assert keys == sorted(keys)  # in the register's order
    assert service.annual_campaign(2026) == campaign
    assert [row.id for row in service.campaigns()] == [campaign]


def test_one_annual_campaign_a_year(service: ReviewService, campaign: str, book: Book):
    before = rows(book)
    with pytest.raises(ValidationError) as refused:
        service.start(2026)
    assert messages(refused) == ["The review of 2026 has already been started."]
    assert refused.value.errors[0].field == "year"
    assert rows(book) == before
    quarterly = service.start(2026, ReviewPeriod.QUARTERLY, quarter=2, started_on=date(2026, 7, 1))
    earlier = service.start(2025, started_on=date(2025, 12, 10))
    assert service.annual_campaign(2025) == earlier != quarterly
    assert [row.id for row in service.campaigns()] == [campaign, quarterly, earlier]
    assert [row.id for row in service.campaigns(2025)] == [earlier]


def test_a_campaign_needs_a_plausible_year_and_quarter(service: ReviewService, people: dict):
    with pytest.raises(ValidationError) as refused:
        service.start(2028)
    assert [e.field for e in refused.value.errors] == ["year"]
    with pytest.raises(ValidationError) as refused:
        service.start(2026, ReviewPeriod.QUARTERLY)
    assert [e.field for e in refused.value.errors] == ["quarter"]
    with pytest.raises(ValidationError):
        service.start(2026, ReviewPeriod.QUARTERLY, quarter=5)
    assert service.campaigns() == []


def test_adding_and_removing_members(
    service: ReviewService, campaign: str, people: dict[str, str], book: Book
):
    late = _member(book, "Ngô Văn Lâm", work_group=WorkGroup.POLITICAL_SYSTEM)
    review_id = service.add_member(campaign, late)
    assert service.review(review_id).row.form_id == "2B"

    before = rows(book)
    for member_id, message in (
        (late, "Ngô Văn Lâm is already in this review."),
        (people["an"], "Nguyễn Văn An is already in this review."),
        (
            people["giang"],
            "Đỗ Văn Giang does not review: exempt members and members not counted in the "
            "cell do not.",
        ),
        (
            people["hai"],
            "Vũ Văn Hải does not review: exempt members and members not counted in the "
            "cell do not.",
        ),
        ("no-such-member", "This member is not in the book."),
    ):
        with pytest.raises(ValidationError) as refused:
            service.add_member(campaign, member_id)
        assert messages(refused) == [message]
    assert rows(book) == before

    service.remove_member(review_id)
    assert late not in {r.member_id for r in service.campaign(campaign).reviews}
    # Added again with a form chosen by hand.
    again = service.add_member(campaign, late, form_id="2C")
    assert service.review(again).row.form_id == "2C"

    written = review_of(service, campaign, people["an"])
    service.write(written, TEXTS, WRITTEN_ON)
    before = rows(book)
    with pytest.raises(ValidationError) as refused:
        service.remove_member(written)
    assert messages(refused) == [
        "A review that has been written cannot be removed; step it back first."
    ]
    assert rows(book) == before


def test_a_campaign_with_records_cannot_be_deleted(
    service: ReviewService, campaign: str, people: dict[str, str], book: Book
):
    empty = service.start(2025, started_on=date(2025, 12, 10))
    service.delete_campaign(empty)
    assert service.annual_campaign(2025) is None
    service.write(review_of(service, campaign, people["an"]), TEXTS, WRITTEN_ON)
    before = rows(book)
    with pytest.raises(ValidationError) as refused:
        service.delete_campaign(campaign)
    assert messages(refused) == ["This review has records in it and cannot be deleted."]
    assert rows(book) == before


# --- a review's way: every step, every skip ---------------------------------------------

STEPS = ("write", "discuss", "vote", "decide")
TARGET = dict(zip(STEPS, list(ReviewState)[1:], strict=True))
ALLOWED_FROM = {
    "write": {ReviewState.NOT_STARTED, ReviewState.WRITTEN},
    "discuss": {ReviewState.WRITTEN, ReviewState.DISCUSSED},
    "vote": {ReviewState.DISCUSSED, ReviewState.VOTED},
    "decide": {ReviewState.VOTED, ReviewState.DECIDED},
}
NOT_YET = {
    "discuss": "The personal review has not been written yet.",
    "vote": "The cell has not discussed this review yet.",
    "decide": "The cell has not voted on a level yet.",
}
STATE_WORDS = {
    ReviewState.DISCUSSED: "discussed",
    ReviewState.VOTED: "voted",
    ReviewState.DECIDED: "decided",
}


def do(service: ReviewService, step: str, review_id: str) -> None:
    if step == "write":
        service.write(review_id, TEXTS, WRITTEN_ON)
    elif step == "discuss":
        service.discuss(review_id, REVIEW_DAY)
    elif step == "vote":
        service.vote(
            review_id,
            points=80,
            conditions_met=["all_tasks_on_time"],
            proposed_level="good",
            votes=Votes(3),
            voted_on=REVIEW_DAY,
        )
    else:
        service.decide(review_id, "good", DECIDED_ON, "Quyết định số 12-QĐ/ĐU")


def advance(service: ReviewService, review_id: str, state: ReviewState) -> None:
    for step in STEPS[: list(ReviewState).index(state)]:
        do(service, step, review_id)


@pytest.mark.parametrize("state", list(ReviewState))
@pytest.mark.parametrize("step", STEPS)
def test_each_step_from_each_state(
    service: ReviewService,
    campaign: str,
    people: dict[str, str],
    book: Book,
    state: ReviewState,
    step: str,
):
    review_id = review_of(service, campaign, people["cuong"])
    advance(service, review_id, state)
    assert service.review(review_id).row.state is state
    if state in ALLOWED_FROM[step]:
        do(service, step, review_id)
        assert service.review(review_id).row.state is TARGET[step]
        return
    before = rows(book)
    with pytest.raises(ValidationError) as refused:
        do(service, step, review_id)
    if list(ReviewState).index(state) > list(ReviewState).index(TARGET[step]):
        expected = f"This review is already {STATE_WORDS[state]}; step it back first to change it."
    else:
        expected = NOT_YET[step]
    assert messages(refused) == [expected]
    assert rows(book) == before
    assert service.review(review_id).row.state is state


def test_step_back_clears_only_its_step(
    service: ReviewService, campaign: str, people: dict[str, str]
):
    review_id = review_of(service, campaign, people["cuong"])
    advance(service, review_id, ReviewState.DECIDED)
    decided = service.review(review_id)
    assert decided.row.decided_level == "good" and decided.decided_on == DECIDED_ON
    assert decided.decision_ref == "Quyết định số 12-QĐ/ĐU"

    assert service.step_back(review_id) is ReviewState.VOTED
    voted = service.review(review_id)
    assert (voted.row.decided_level, voted.decided_on, voted.decision_ref) == ("", None, "")
    assert (voted.row.points, voted.row.proposed_level, voted.row.votes) == (80, "good", Votes(3))

    assert service.step_back(review_id) is ReviewState.DISCUSSED
    discussed = service.review(review_id)
    assert discussed.row.points is None and discussed.row.proposed_level == ""
    assert discussed.row.votes is None and discussed.voted_on is None
    assert discussed.conditions_met == ()
    assert discussed.discussed_on == REVIEW_DAY

    assert service.step_back(review_id) is ReviewState.WRITTEN
    written = service.review(review_id)
    assert written.discussed_on is None and written.written_on == WRITTEN_ON
    assert written.texts == TEXTS

    assert service.step_back(review_id) is ReviewState.NOT_STARTED
    assert service.review(review_id).written_on is None
    with pytest.raises(ValidationError) as refused:
        service.step_back(review_id)
    assert messages(refused) == ["This review has not been started."]


def test_a_review_with_criticism_is_not_removed_after_stepping_back(
    service: ReviewService, campaign: str, people: dict[str, str], book: Book
):
    review_id = review_of(service, campaign, people["cuong"])
    service.write(review_id, TEXTS, WRITTEN_ON)
    service.discuss(review_id, REVIEW_DAY, [(people["an"], "", "Cần gương mẫu hơn.")])
    service.step_back(review_id)
    service.step_back(review_id)
    before = rows(book)
    with pytest.raises(ValidationError):
        service.remove_member(review_id)
    with pytest.raises(ValidationError):
        service.delete_campaign(campaign)
    assert rows(book) == before


def test_what_each_step_checks(service: ReviewService, campaign: str, people: dict[str, str]):
    review_id = review_of(service, campaign, people["cuong"])  # form 2C: has remedies
    with pytest.raises(ValidationError) as refused:
        service.write(review_id, ReviewTexts(shortcomings="Còn chậm.", self_level="best"))
    assert [e.field for e in refused.value.errors] == ["strengths", "self_level", "remedies"]
    assert "best is not a level of the rule set." in messages(refused)
    with pytest.raises(ValidationError) as refused:
        service.write(review_id, TEXTS, date(2026, 12, 21))
    assert [e.field for e in refused.value.errors] == ["written_on"]

    service.write(review_id, TEXTS, WRITTEN_ON)
    with pytest.raises(ValidationError) as refused:
        service.discuss(review_id, date(2026, 12, 11))
    assert messages(refused) == ["The discussion cannot be before the review was written."]
    service.discuss(review_id, REVIEW_DAY)

    with pytest.raises(ValidationError) as refused:
        service.vote(
            review_id,
            points=101,
            conditions_met=["no-such-condition"],
            proposed_level="",
            votes=Votes(3, -1),
            voted_on=date(2027, 1, 1),
        )
    assert [e.field for e in refused.value.errors] == [
        "points",
        "proposed_level",
        "proposed_level",
        "votes",
        "voted_on",
    ]
    assert "A condition is not in the rule set." in messages(refused)
    assert "Votes: the numbers cannot be negative." in messages(refused)
    service.vote(
        review_id,
        points=75,
        conditions_met=[],
        proposed_level="good",
        votes=Votes(3),
        voted_on=REVIEW_DAY,
    )
    with pytest.raises(ValidationError) as refused:
        service.decide(review_id, "good", date(2026, 12, 14))
    assert messages(refused) == ["The decision cannot be before the cell's vote."]
    with pytest.raises(ValidationError) as refused:
        service.decide(review_id, "nearly", DECIDED_ON)
    assert messages(refused) == ["nearly is not a level of the rule set."]


def test_discussion_records_criticism_and_self_criticism(
    service: ReviewService, campaign: str, people: dict[str, str], book: Book
):
    review_id = review_of(service, campaign, people["cuong"])
    service.write(review_id, TEXTS, WRITTEN_ON)
    service.discuss(
        review_id,
        REVIEW_DAY,
        [
            (people["an"], "", "Đồng chí cần chủ động hơn trong công việc của tổ."),
            (people["cuong"], "", "Tôi nhận thiếu sót, sẽ khắc phục ngay."),
            (None, "Đại diện Đảng ủy xã", "Đề nghị chi bộ tiếp tục giúp đỡ đồng chí."),
        ],
    )
    later = service.add_criticism(
        review_id, "Cần tham gia đầy đủ sinh hoạt tổ.", by_member_id=people["binh"]
    )
    criticisms = service.review(review_id).criticisms
    assert [(c.kind, c.by_name, c.given_on) for c in criticisms] == [
        (CriticismKind.CRITICISM, "Nguyễn Văn An", REVIEW_DAY),
        (CriticismKind.SELF, "Lê Văn Cường", REVIEW_DAY),
        (CriticismKind.CRITICISM, "Đại diện Đảng ủy xã", REVIEW_DAY),
        (CriticismKind.CRITICISM, "Trần Thị Bình", REVIEW_DAY),
    ]
    assert criticisms[-1].id == later
    assert all(c.about_member_id == people["cuong"] for c in criticisms)
    assert all(c.review_id == review_id for c in criticisms)

    before = rows(book)
    with pytest.raises(ValidationError) as refused:
        service.add_criticism(review_id, "  ")
    assert [e.field for e in refused.value.errors] == ["content", "by_member"]
    assert rows(book) == before
    do(service, "vote", review_id)
    do(service, "decide", review_id)
    before = rows(book)
    with pytest.raises(ValidationError) as refused:
        service.add_criticism(review_id, "Muộn rồi.", by_member_id=people["an"])
    assert messages(refused) == ["This review is already decided; step it back first to change it."]
    assert rows(book) == before


# --- votes against the meeting's attendance -------------------------------------------


@pytest.fixture
def meeting(book: Book, people: dict[str, str]) -> str:
    """The review meeting: three full members present (An, Bình, Cường), Dũng
    absent, the probationary member present (does not vote)."""
    meeting_id = MeetingService(book).create(MeetingInput(MeetingKind.REGULAR, REVIEW_DAY))
    minutes = MinutesService(book, TODAY)
    minutes.prepare_attendance(meeting_id)
    minutes.set_attendance(meeting_id, people["dung"], AttendanceStatus.ABSENT_EXCUSED, "Ốm")
    counts = minutes.counts(meeting_id)
    assert (counts.present_full, counts.present_probationary) == (3, 1)
    return meeting_id


def test_votes_cannot_exceed_the_full_members_present(
    service: ReviewService, campaign: str, people: dict[str, str], meeting: str, book: Book
):
    service.set_meeting(campaign, meeting)
    review_id = review_of(service, campaign, people["dung"])
    advance(service, review_id, ReviewState.DISCUSSED)
    before = rows(book)
    with pytest.raises(ValidationError) as refused:
        service.vote(
            review_id,
            points=80,
            conditions_met=[],
            proposed_level="good",
            votes=Votes(3, 1),
            voted_on=REVIEW_DAY,
        )
    assert messages(refused) == ["Votes: 4 hands counted, but only 3 full members were present."]
    assert rows(book) == before
    service.vote(
        review_id,
        points=80,
        conditions_met=[],
        proposed_level="good",
        votes=Votes(2, 0, 1),
        voted_on=REVIEW_DAY,
    )
    assert service.review(review_id).row.votes == Votes(2, 0, 1)

    service.write_cell_review(campaign, ReviewTexts(strengths="Đoàn kết.", self_level="good"))
    with pytest.raises(ValidationError) as refused:
        service.vote_cell(campaign, "good", Votes(4))
    assert messages(refused) == ["Votes: 4 hands counted, but only 3 full members were present."]
    service.vote_cell(campaign, "good", Votes(3))


def test_without_a_meeting_the_votes_are_not_counted_against_anyone(
    service: ReviewService, campaign: str, people: dict[str, str]
):
    review_id = review_of(service, campaign, people["dung"])
    advance(service, review_id, ReviewState.DISCUSSED)
    service.vote(
        review_id,
        points=80,
        conditions_met=[],
        proposed_level="good",
        votes=Votes(30),
        voted_on=REVIEW_DAY,
    )
    assert service.review(review_id).row.votes == Votes(30)


# --- the excellent quota -----------------------------------------------------------------


def _vote(service: ReviewService, review_id: str, level: str) -> list[str]:
    points = {"excellent": 95, "good": 80, "completed": 60}[level]
    conditions = ALL_CONDITIONS if level == "excellent" else ()
    return service.vote(
        review_id,
        points=points,
        conditions_met=conditions,
        proposed_level=level,
        votes=Votes(3),
        voted_on=REVIEW_DAY,
    )


def _discussed(service: ReviewService, campaign: str) -> list[str]:
    ids = [row.id for row in service.campaign(campaign).reviews]
    for review_id in ids:
        advance(service, review_id, ReviewState.DISCUSSED)
    return ids


def test_warn_mode_returns_the_quota_warning_and_records_the_vote(
    service: ReviewService, campaign: str
):
    ids = _discussed(service, campaign)
    warnings = _vote(service, ids[0], "excellent")
    assert warnings == ["Rated excellent: 1; the quota allows 0 (20% of the 0 rated good)."]
    assert service.review(ids[0]).row.state is ReviewState.VOTED
    assert service.campaign(campaign).warnings == tuple(
        f"Proposed by the cell: {warning}" for warning in warnings
    )
    for review_id in ids[1:]:
        _vote(service, review_id, "good")
    assert service.campaign(campaign).warnings == ()  # 5 rated good allow 1
    # A proposal that does not follow from the points warns too.
    warnings = service.vote(
        ids[1],
        points=60,
        conditions_met=[],
        proposed_level="good",
        votes=Votes(3),
        voted_on=REVIEW_DAY,
    )
    assert warnings == ["Good needs at least 70 points; 60 were given."]
    assert service.review(ids[1]).row.warnings == tuple(warnings)


def _install_forbid(book: Book, folder: Path) -> None:
    data = copy.deepcopy(load_default_rule_set().data)
    data["version"] = 2
    data["member_rating"]["excellent_cap"]["mode"] = "forbid"
    path = folder / "forbid.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert book.install_rule_file(path).excellent_cap.forbid


def test_forbid_mode_refuses_a_proposal_over_the_quota(
    service: ReviewService, campaign: str, book: Book, tmp_path: Path
):
    _install_forbid(book, tmp_path)
    ids = _discussed(service, campaign)
    before = rows(book)
    with pytest.raises(ValidationError) as refused:
        _vote(service, ids[0], "excellent")
    assert messages(refused) == [
        "Rated excellent: 1; the quota allows 0 (20% of the 0 rated good)."
    ]
    assert rows(book) == before
    for review_id in ids[1:]:
        assert _vote(service, review_id, "good") == []
    assert _vote(service, ids[0], "excellent") == []  # 5 good allow 1
    service.step_back(ids[1])
    before = rows(book)
    with pytest.raises(ValidationError):
        _vote(service, ids[1], "excellent")  # 4 good allow none more
    assert rows(book) == before
    assert _vote(service, ids[1], "good") == []


# --- the cell's own review ---------------------------------------------------------------


def test_the_cells_review_vote_and_decision_in_order(
    service: ReviewService, campaign: str, book: Book
):
    cell = ReviewTexts(
        strengths="Lãnh đạo hoàn thành các chỉ tiêu của thôn.",
        shortcomings="Sinh hoạt có lúc chưa đúng giờ.",
        earlier_fixes="Đã khắc phục việc thu đảng phí chậm.",
        remedies="Chuẩn bị kỹ nội dung sinh hoạt.",
        self_level="good",
    )
    before = rows(book)
    with pytest.raises(ValidationError) as refused:
        service.vote_cell(campaign, "good", Votes(3))
    assert messages(refused) == ["Write the cell's collective review first."]
    with pytest.raises(ValidationError) as refused:
        service.decide_cell(campaign, "good", DECIDED_ON)
    assert messages(refused) == ["The cell has not voted on its own level yet."]
    assert rows(book) == before

    service.write_cell_review(campaign, cell)
    service.vote_cell(campaign, "good", Votes(3, 0, 1))
    service.decide_cell(campaign, "excellent", DECIDED_ON, " Quyết định số 30-QĐ/ĐU ")
    detail = service.campaign(campaign)
    assert detail.cell == ReviewTexts(
        strengths=cell.strengths,
        shortcomings=cell.shortcomings,
        earlier_fixes=cell.earlier_fixes,
        remedies=cell.remedies,
        self_level="good",
    )
    assert (detail.cell_proposed_level, detail.cell_votes) == ("good", Votes(3, 0, 1))
    assert (detail.cell_decided_level, detail.cell_decided_on, detail.cell_decision_ref) == (
        "excellent",
        DECIDED_ON,
        "Quyết định số 30-QĐ/ĐU",
    )

    before = rows(book)
    decided = "The commune has decided the cell's level; step it back first."
    with pytest.raises(ValidationError) as refused:
        service.write_cell_review(campaign, cell)
    assert messages(refused) == [decided]
    with pytest.raises(ValidationError) as refused:
        service.vote_cell(campaign, "excellent", Votes(3))
    assert messages(refused) == [decided]
    assert rows(book) == before

    service.undo_cell_decision(campaign)
    detail = service.campaign(campaign)
    assert (detail.cell_decided_level, detail.cell_decided_on, detail.cell_decision_ref) == (
        "",
        None,
        "",
    )
    service.vote_cell(campaign, "excellent", Votes(3))
    assert service.campaign(campaign).cell_proposed_level == "excellent"


# --- history ---------------------------------------------------------------------------------


def test_history_newest_first(service: ReviewService, people: dict[str, str]):
    member = people["an"]
    older = service.start(2025, started_on=date(2025, 12, 10))
    quarter = service.start(2026, ReviewPeriod.QUARTERLY, quarter=1, started_on=date(2026, 4, 2))
    annual = service.start(2026, started_on=STARTED)
    review_id = review_of(service, older, member)
    service.write(review_id, TEXTS, date(2025, 12, 11))
    service.discuss(review_id, date(2025, 12, 15))
    service.vote(
        review_id,
        points=92,
        conditions_met=ALL_CONDITIONS,
        proposed_level="excellent",
        votes=Votes(3),
        voted_on=date(2025, 12, 15),
    )
    service.decide(review_id, "good", date(2025, 12, 28))
    history = service.history(member)
    assert [(h.year, h.period) for h in history] == [
        (2026, ReviewPeriod.ANNUAL),
        (2026, ReviewPeriod.QUARTERLY),
        (2025, ReviewPeriod.ANNUAL),
    ]
    assert [h.review_id for h in history] == [
        review_of(service, annual, member),
        review_of(service, quarter, member),
        review_id,
    ]
    last = history[-1]
    assert (last.form_id, last.state, last.self_level) == ("2A", ReviewState.DECIDED, "good")
    assert (last.proposed_level, last.decided_level) == ("excellent", "good")
    assert service.history(people["giang"]) == []  # exempt: never reviewed


# --- shortcomings carried into the next review -----------------------------------------------


@pytest.fixture
def carried(service: ReviewService, people: dict[str, str], book: Book) -> dict[str, str]:
    """An's shortcomings of 2025 and 2026 in every situation, and the cell's own."""
    member = people["an"]
    earlier = service.start(2025, started_on=date(2025, 12, 10))
    review_2025 = review_of(service, earlier, member)
    service.write(review_2025, TEXTS, date(2025, 12, 11))
    service.discuss(review_2025, date(2025, 12, 15))
    criticism = CriticismService(book, TODAY)
    said = criticism.record(
        "Đồng chí còn nể nang, ngại va chạm.",
        given_on=date(2025, 6, 3),
        about_member_id=member,
        by_member_id=people["binh"],
    )
    ids = {
        "review_open": criticism.add_shortcoming(
            "Chưa mạnh dạn phê bình.",
            member_id=member,
            raised_on=date(2025, 12, 15),
            review_id=review_2025,
            deadline=date(2026, 6, 30),
        ),
        "criticism_open": criticism.add_shortcoming(
            "Còn nể nang.", member_id=member, raised_on=date(2025, 6, 3), criticism_id=said
        ),
        "fixed_in_2025": criticism.add_shortcoming(
            "Nộp đảng phí chậm.", member_id=member, raised_on=date(2025, 3, 3)
        ),
        "fixed_in_2026": criticism.add_shortcoming(
            "Chưa cài Sổ tay đảng viên.",
            member_id=member,
            raised_on=date(2025, 12, 15),
            review_id=review_2025,
        ),
        "not_fixed_2025": criticism.add_shortcoming(
            "Vắng sinh hoạt tổ.", member_id=member, raised_on=date(2025, 4, 3)
        ),
        "someone_else": criticism.add_shortcoming(
            "Đi sinh hoạt muộn.", member_id=people["binh"], raised_on=date(2025, 5, 3)
        ),
        "cell_2025": criticism.add_shortcoming(
            "Sinh hoạt chưa đúng giờ.", member_id=None, raised_on=date(2025, 12, 15)
        ),
        "cell_fixed_2025": criticism.add_shortcoming(
            "Hồ sơ đảng viên chưa cập nhật.", member_id=None, raised_on=date(2025, 2, 3)
        ),
    }
    criticism.follow_up(
        ids["fixed_in_2025"], ShortcomingStatus.FIXED, "Đã nộp đủ.", date(2025, 11, 20)
    )
    criticism.follow_up(
        ids["fixed_in_2026"],
        ShortcomingStatus.FIXED,
        "Đã cài đặt và sử dụng thường xuyên.",
        date(2026, 5, 4),
    )
    criticism.follow_up(
        ids["not_fixed_2025"], ShortcomingStatus.NOT_FIXED, "Vẫn vắng.", date(2025, 12, 1)
    )
    criticism.follow_up(
        ids["cell_fixed_2025"], ShortcomingStatus.FIXED, "Đã cập nhật.", date(2025, 12, 20)
    )
    current = service.start(2026, started_on=STARTED)
    review_2026 = review_of(service, current, member)
    service.write(review_2026, TEXTS, WRITTEN_ON)
    service.discuss(review_2026, REVIEW_DAY)
    ids["from_2026_review"] = criticism.add_shortcoming(
        "Chưa hướng dẫn đảng viên dự bị.",
        member_id=member,
        raised_on=REVIEW_DAY,
        review_id=review_2026,
    )
    ids.update(campaign_2025=earlier, campaign_2026=current, review_2025=review_2025)
    ids["review_2026"] = review_2026
    return ids


def test_open_and_recently_fixed_shortcomings_are_carried(
    service: ReviewService, carried: dict[str, str]
):
    detail = service.review(carried["review_2026"])
    found = {row.id: row for row in detail.earlier_shortcomings}
    assert set(found) == {
        carried["criticism_open"],
        carried["not_fixed_2025"],
        carried["review_open"],
        carried["fixed_in_2026"],
    }
    fixed = found[carried["fixed_in_2026"]]
    assert fixed.status is ShortcomingStatus.FIXED
    assert (fixed.follow_up, fixed.followed_up_on) == (
        "Đã cài đặt và sử dụng thường xuyên.",
        date(2026, 5, 4),
    )
    assert found[carried["criticism_open"]].criticism_id is not None
    assert found[carried["review_open"]].review_id == carried["review_2025"]
    # Oldest first.
    assert [row.raised_on for row in detail.earlier_shortcomings] == sorted(
        row.raised_on for row in detail.earlier_shortcomings
    )
    assert [row.id for row in detail.new_shortcomings] == [carried["from_2026_review"]]
    # The 2025 review carried only what was raised before it started.
    earlier = service.review(carried["review_2025"]).earlier_shortcomings
    assert {row.id for row in earlier} == {
        carried["criticism_open"],
        carried["not_fixed_2025"],
        carried["fixed_in_2025"],  # fixed during 2025 itself
    }


def test_earlier_shortcomings_fixed_once_every_one_is_fixed(
    service: ReviewService, carried: dict[str, str], book: Book, people: dict[str, str]
):
    review_id = carried["review_2026"]
    assert not service.earlier_shortcomings_fixed(review_id)
    criticism = CriticismService(book, TODAY)
    for key in ("criticism_open", "review_open"):
        criticism.follow_up(
            carried[key], ShortcomingStatus.FIXED, "Đã khắc phục.", date(2026, 9, 3)
        )
    assert not service.earlier_shortcomings_fixed(review_id)  # one found not fixed in 2025
    criticism.follow_up(
        carried["not_fixed_2025"], ShortcomingStatus.FIXED, "Đã đi đủ.", date(2026, 10, 3)
    )
    assert service.earlier_shortcomings_fixed(review_id)
    nothing_carried = review_of(service, carried["campaign_2026"], people["cuong"])
    assert service.review(nothing_carried).earlier_shortcomings == ()
    assert service.earlier_shortcomings_fixed(nothing_carried)


def test_the_cell_carries_its_own_shortcomings(service: ReviewService, carried: dict[str, str]):
    rows_2026 = service.cell_earlier_shortcomings(carried["campaign_2026"])
    assert [row.id for row in rows_2026] == [carried["cell_2025"]]
    assert rows_2026[0].member_id is None and rows_2026[0].member_name == ""
    member_rows = service.review(carried["review_2026"]).earlier_shortcomings
    assert carried["cell_2025"] not in {row.id for row in member_rows}
    assert {r.id for r in service.cell_earlier_shortcomings(carried["campaign_2025"])} == {
        carried["cell_fixed_2025"]
    }  # raised in February 2025, fixed after that review's year began


# --- the demo book's year of reviews ----------------------------------------------------------

DEMO_ENDS = {
    "june": date(2026, 6, 2),
    "early_december": date(2026, 12, 5),
    "mid_december": date(2026, 12, 20),
}


@pytest.fixture(scope="module")
def demo_books(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    from desktop.demo import generate_demo_book

    folder = tmp_path_factory.mktemp("demo-reviews")
    paths = {}
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CELLBOOK_HOME", str(folder / "home"))
        for name, until in [*DEMO_ENDS.items(), ("again", DEMO_ENDS["mid_december"])]:
            paths[name] = folder / f"{name}.cellbook"
            generate_demo_book(paths[name], until=until).close(backup=False)
    return paths


@pytest.fixture
def demo(
    demo_books: dict[str, Path], request: pytest.FixtureRequest, tmp_path: Path
) -> Iterator[Book]:
    """A copy of one of the demo books (a test may change it)."""
    copy_path = tmp_path / "demo.cellbook"
    shutil.copy(demo_books[request.param], copy_path)
    opened = Book.open(copy_path, device_id="test")
    yield opened
    opened.close(backup=False)


REVIEW_TABLES = (
    "review_campaign",
    "member_review",
    "criticism",
    "shortcoming",
    "emulation_pledge",
    "commendation",
)


@pytest.mark.parametrize("demo", ["june"], indirect=True)
def test_the_demo_has_last_years_review_decided(demo: Book):
    until = DEMO_ENDS["june"]
    service = ReviewService(demo, until)
    assert [row.year for row in service.campaigns()] == [2025]  # 2026's not started
    campaign = service.campaign(service.annual_campaign(2025) or "")
    assert campaign.count(ReviewState.DECIDED) == len(campaign.reviews) >= 20
    assert {row.form_id for row in campaign.reviews} == {"2A", "2B", "2C", "probationary"}
    levels = Counter(row.decided_level for row in campaign.reviews)
    assert levels["good"] > levels["excellent"] >= 1 and levels["completed"] >= 1
    assert campaign.warnings == ()  # within the quota
    assert (campaign.cell_proposed_level, campaign.cell_decided_level) == ("good", "good")
    assert campaign.cell.strengths and campaign.cell_decision_ref
    with demo.reader() as session:
        full = session.scalar(
            text("SELECT count(*) FROM member WHERE status IN ('full', 'away', 'transferred')")
        )
    for row in campaign.reviews:
        detail = service.review(row.id)
        assert detail.texts.strengths and detail.texts.shortcomings and detail.texts.remedies
        assert detail.written_on and detail.discussed_on and detail.decided_on
        assert detail.written_on < detail.discussed_on < detail.decided_on < date(2026, 1, 1)
        assert row.warnings == ()  # the proposal follows from the points
        assert row.proposed_level == row.decided_level
        assert row.votes is not None and 0 < row.votes.total <= full
        assert detail.criticisms and all(c.by_name for c in detail.criticisms)
        assert row.decided_level == service.suggested_level(row.points or 0, detail.conditions_met)
    history = service.history(campaign.reviews[0].member_id)
    assert [h.year for h in history] == [2025]


@pytest.mark.parametrize("demo", ["june"], indirect=True)
def test_the_demo_follows_up_shortcomings_and_records_this_years_criticism(demo: Book):
    until = DEMO_ENDS["june"]
    criticism = CriticismService(demo, until)
    shortcomings = criticism.shortcomings()
    from_reviews = [s for s in shortcomings if s.review_id or s.raised_on.year == 2025]
    statuses = Counter(s.status for s in from_reviews)
    assert statuses[ShortcomingStatus.FIXED] >= 2 and statuses[ShortcomingStatus.OPEN] >= 1
    for item in from_reviews:
        if item.status is not ShortcomingStatus.OPEN:
            assert item.follow_up and item.followed_up_on
            assert date(2026, 1, 1) <= item.followed_up_on < until
    assert any(s.member_id is None for s in from_reviews)  # the cell's own
    this_year = criticism.rows(year=2026)
    kinds = Counter(row.kind for row in this_year)
    assert kinds[CriticismKind.SELF] >= 1 and kinds[CriticismKind.CRITICISM] >= 1
    assert all(row.meeting_id and row.by_member_id for row in this_year)
    assert len({row.meeting_id for row in this_year}) >= 2

    from desktop.services.emulation import EmulationService

    emulation = EmulationService(demo, until)
    pledges = emulation.pledges(year=2026)
    assert pledges[0].member_id is None and len(pledges) >= 20
    assert all(p.achieved is None for p in pledges)
    assessed = emulation.pledges(year=2025)
    assert any(p.achieved for p in assessed) and any(p.result for p in assessed)
    commendations = emulation.commendations()
    assert len(commendations) >= 2 and all(c.given_on < until for c in commendations)


@pytest.mark.parametrize("demo", ["early_december"], indirect=True)
def test_this_years_review_is_not_started_before_the_tenth_of_december(demo: Book):
    service = ReviewService(demo, DEMO_ENDS["early_december"])
    assert service.annual_campaign(2026) is None
    assert service.annual_campaign(2025) is not None


@pytest.mark.parametrize("demo", ["mid_december"], indirect=True)
def test_mid_december_the_review_is_under_way_and_can_be_continued(demo: Book):
    until = DEMO_ENDS["mid_december"]
    service = ReviewService(demo, until)
    campaign_id = service.annual_campaign(2026)
    assert campaign_id is not None
    campaign = service.campaign(campaign_id)
    assert campaign.count(ReviewState.WRITTEN) >= 5
    assert campaign.count(ReviewState.DISCUSSED) >= 2
    assert campaign.count(ReviewState.VOTED) == campaign.count(ReviewState.DECIDED) == 0
    assert campaign.started_on < until and not campaign.cell_proposed_level

    carried = {
        s.id: s for row in campaign.reviews for s in service.review(row.id).earlier_shortcomings
    }
    statuses = Counter(s.status for s in carried.values())
    assert statuses[ShortcomingStatus.OPEN] >= 1 and statuses[ShortcomingStatus.FIXED] >= 1
    assert all(s.followed_up_on is None or s.followed_up_on.year == 2026 for s in carried.values())
    assert service.cell_earlier_shortcomings(campaign_id)

    written = next(r for r in campaign.reviews if r.state is ReviewState.WRITTEN)
    service.discuss(written.id, until - timedelta(days=1))
    discussed = next(r for r in campaign.reviews if r.state is ReviewState.DISCUSSED)
    service.vote(
        discussed.id,
        points=80,
        conditions_met=[],
        proposed_level="good",
        votes=Votes(15),
        voted_on=until - timedelta(days=1),
    )
    assert service.review(discussed.id).row.state is ReviewState.VOTED


def test_the_demos_reviews_are_deterministic(demo_books: dict[str, Path]):
    import sqlite3
    from contextlib import closing

    def dump(path: Path) -> dict[str, list[tuple[object, ...]]]:
        with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as db:
            return {t: sorted(db.execute(f'SELECT * FROM "{t}"'), key=repr) for t in REVIEW_TABLES}

    first, again = dump(demo_books["mid_december"]), dump(demo_books["again"])
    assert first == again
    assert all(first[table] for table in REVIEW_TABLES)
    until = DEMO_ENDS["mid_december"]
    with closing(sqlite3.connect(demo_books["mid_december"])) as db:
        for table in REVIEW_TABLES:
            newest, devices = db.execute(
                f'SELECT max(updated_at), group_concat(DISTINCT updated_on) FROM "{table}"'
            ).fetchone()
            assert devices == "demo"
            assert newest < until.isoformat(), table


def test_a_draft_is_kept_unchecked_until_the_review_is_written(
    service: ReviewService, campaign: str, people: dict[str, str]
):
    review_id = review_of(service, campaign, people["cuong"])
    assert service.save_draft(review_id, ReviewTexts(strengths="Gương mẫu", self_level="bogus"))
    detail = service.review(review_id)
    assert detail.row.state is ReviewState.NOT_STARTED
    assert (detail.texts.strengths, detail.texts.self_level, detail.written_on) == (
        "Gương mẫu",
        "",
        None,
    )
    service.write(review_id, ReviewTexts(strengths="Gương mẫu", self_level="good"))
    assert not service.save_draft(review_id, ReviewTexts(strengths="thay đổi"))
    assert service.review(review_id).texts.strengths == "Gương mẫu"


def test_quota_warnings_say_whether_they_count_proposals_or_decisions(
    service: ReviewService, campaign: str, people: dict[str, str]
):
    review_id = review_of(service, campaign, people["an"])
    service.write(review_id, ReviewTexts(strengths="Gương mẫu", self_level="excellent"))
    service.discuss(review_id)
    service.vote(
        review_id,
        points=95,
        conditions_met=[c.id for c in service.book.rules.rating_conditions],
        proposed_level="excellent",
        votes=Votes(3),
    )
    (warning,) = service.campaign(campaign).warnings
    assert warning.startswith("Proposed by the cell: Rated excellent: 1; the quota allows 0")
    service.decide(review_id, "excellent")
    assert [w.split(":")[0] for w in service.campaign(campaign).warnings] == [
        "Proposed by the cell",
        "Decided by the commune",
    ]
