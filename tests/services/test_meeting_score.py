"""Scoring a meeting against the shipped framework."""

from __future__ import annotations

import copy

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.rules.loading import load_default_rule_set
from desktop.rules.ruleset import RuleSet
from desktop.services.meeting_score import (
    Criterion,
    Framework,
    score,
    suggest_answers,
    validate_answers,
)
from desktop.services.validation import ValidationError

RULES = load_default_rule_set()
FRAMEWORK = Framework.from_rules(RULES)
LEAVES = FRAMEWORK.leaf_criteria()
FULL = FRAMEWORK.full_marks()
HARD = {"time.duration", "attendance", "conduct.speaking", "closing.minutes"}


# --- the tree -------------------------------------------------------------------


def test_framework_reads_the_tree_of_the_rule_set():
    assert FRAMEWORK.id == "vn-100-2025"
    assert FRAMEWORK.max_points == 100
    assert [c.id for c in FRAMEWORK.criteria] == [
        "time",
        "attendance",
        "preparation",
        "conduct",
        "principles",
        "results",
        "closing",
    ]
    assert sum(leaf.points for leaf in LEAVES) == 100
    assert {leaf.id for leaf in LEAVES if leaf.hard} == HARD
    duration = FRAMEWORK.criterion("time.duration")
    assert duration is not None and duration.parent_id == "time" and duration.is_leaf
    attendance = FRAMEWORK.criterion("attendance")
    assert attendance is not None and attendance.has_options
    assert [o.id for o in attendance.options] == ["ge90", "80_89", "lt80"]
    assert attendance.title("vi") == "Số lượng đảng viên dự sinh hoạt"
    assert attendance.title("en") == "Members attending"


def test_hard_flag_on_a_group_makes_each_part_hard():
    data = copy.deepcopy(RULES.data)
    data["meeting_quality"]["criteria"][0]["hard"] = True  # "time"
    framework = Framework.from_rules(RuleSet(data))
    on_day = framework.criterion("time.on_day")
    assert on_day is not None and on_day.hard
    result = score(framework, {**framework.full_marks(), "time.on_day": False})
    assert result.total == 98
    assert not result.hard_criteria_met
    assert result.hard_short == ["time.on_day"]
    assert result.grade.id == "fair"


# --- scores ---------------------------------------------------------------------


def test_full_marks_are_100_and_good():
    result = score(FRAMEWORK, FULL)
    assert result.total == 100
    assert result.max_points == 100
    assert result.hard_criteria_met
    assert result.missing == [] and result.complete
    assert result.grade.id == "good" and result.grade.title_vi == "Tốt"
    assert result.by_criterion["conduct"] == 40
    assert result.by_criterion["conduct.speaking"] == 10


def test_92_points_with_a_hard_criterion_short_is_fair():
    answers = {**FULL, "conduct.speaking": "30_49", "conduct.news": 2}
    result = score(FRAMEWORK, answers)
    assert result.total == 92
    assert not result.hard_criteria_met
    assert result.hard_short == ["conduct.speaking"]
    assert result.grade.title_vi == "Khá"
    assert result.by_criterion["conduct"] == 32


def test_partial_points_on_yes_no_criteria():
    result = score(FRAMEWORK, {**FULL, "preparation.committee": 1.5, "principles": False})
    assert result.total == 93.5
    assert result.by_criterion["preparation"] == 8.5
    assert result.by_criterion["principles"] == 0
    assert result.grade.id == "good"


def test_unanswered_criteria_count_zero_and_are_listed():
    answers = dict(FULL)
    del answers["preparation.draft"]
    del answers["closing.minutes"]
    result = score(FRAMEWORK, answers)
    assert result.total == 92
    assert result.missing == ["preparation.draft", "closing.minutes"]
    assert not result.complete
    assert not result.hard_criteria_met  # an unanswered hard criterion is not full marks
    assert result.grade.id == "fair"
    empty = score(FRAMEWORK, {})
    assert empty.total == 0 and len(empty.missing) == len(LEAVES)
    assert empty.grade.id == "poor"


def _answers_with_total(target: float) -> dict[str, object]:
    """Full marks on hard criteria, other criteria lowered until the total is `target`."""
    answers: dict[str, object] = dict(FULL)
    deficit = 100 - target
    for option, lost in (("lt50", 30), ("50_69", 20), ("70_89", 10)):
        if deficit >= lost:
            answers["results"] = option
            deficit -= lost
            break
    for leaf in LEAVES:
        if leaf.hard or leaf.has_options or deficit <= 0:
            continue
        taken = min(leaf.points, deficit)
        answers[leaf.id] = leaf.points - taken
        deficit -= taken
    assert deficit == 0
    return answers


@pytest.mark.parametrize(
    ("total", "band"),
    [
        (100, "Tốt"),
        (90, "Tốt"),
        (89.5, "Khá"),
        (70, "Khá"),
        (69.5, "Trung bình"),
        (50, "Trung bình"),
        (49.5, "Kém"),
        (30, "Kém"),
    ],
)
def test_bands_at_their_edges(total, band):
    result = score(FRAMEWORK, _answers_with_total(total))
    assert result.total == total
    assert result.hard_criteria_met
    assert result.grade.title_vi == band


def test_over_90_without_hard_criteria_is_fair_not_good():
    answers = {**FULL, "attendance": "80_89", "conduct.criticism": 2}  # 100 - 2 - 3
    result = score(FRAMEWORK, answers)
    assert result.total == 95
    assert result.grade.id == "fair"


# --- validation -----------------------------------------------------------------


def test_unknown_criterion_or_option_is_refused_in_plain_words():
    with pytest.raises(ValidationError) as raised:
        score(FRAMEWORK, {"nothing": True, "attendance": "ge100"})
    fields = [error.field for error in raised.value.errors]
    assert fields == ["nothing", "attendance"]
    assert "nothing" in raised.value.for_field("nothing")[0]
    assert "Từ 90% trở lên" in raised.value.for_field("attendance")[0]


def test_points_out_of_range_are_refused():
    with pytest.raises(ValidationError) as raised:
        validate_answers(FRAMEWORK, {"conduct.news": 6, "principles": -1})
    assert [error.field for error in raised.value.errors] == ["conduct.news", "principles"]
    assert "5" in raised.value.for_field("conduct.news")[0]
    validate_answers(FRAMEWORK, {"conduct.news": 5, "principles": 0})


def test_groups_and_wrong_kinds_of_answers_are_refused():
    with pytest.raises(ValidationError) as raised:
        validate_answers(
            FRAMEWORK,
            {
                "conduct": True,  # a group: its parts are scored
                "results": 30,  # options: choose one, not points
                "principles": "yes",  # yes/no or points
                "time.on_day": float("nan"),
            },
        )
    assert [error.field for error in raised.value.errors] == [
        "conduct",
        "results",
        "principles",
        "time.on_day",
    ]


# --- answers from the facts -------------------------------------------------------


def test_suggest_answers_picks_options_from_rates():
    answers = suggest_answers(
        FRAMEWORK,
        attendance_rate=0.9,
        implementation_rate=0.875,
        speakers_share=0.5,
        duration_ok=True,
        minutes_complete=False,
    )
    assert answers == {
        "attendance": "ge90",
        "results": "70_89",
        "conduct.speaking": "ge50",
        "time.duration": True,
        "closing.minutes": False,
    }
    validate_answers(FRAMEWORK, answers)


@pytest.mark.parametrize(
    ("rate", "option"),
    [(1.0, "ge90"), (0.9, "ge90"), (0.899, "80_89"), (0.8, "80_89"), (0.79, "lt80"), (0, "lt80")],
)
def test_attendance_options_at_their_edges(rate, option):
    assert suggest_answers(FRAMEWORK, attendance_rate=rate) == {"attendance": option}


@pytest.mark.parametrize(
    ("rate", "option"),
    [(0.9, "ge90"), (0.7, "70_89"), (0.69, "50_69"), (0.5, "50_69"), (0.49, "lt50")],
)
def test_results_options_at_their_edges(rate, option):
    assert suggest_answers(FRAMEWORK, implementation_rate=rate) == {"results": option}


@pytest.mark.parametrize(
    ("share", "option"), [(0.5, "ge50"), (0.49, "30_49"), (0.3, "30_49"), (0.29, "lt30")]
)
def test_speaking_options_at_their_edges(share, option):
    assert suggest_answers(FRAMEWORK, speakers_share=share) == {"conduct.speaking": option}


def test_suggest_answers_leaves_judgement_and_unknown_facts_alone():
    assert suggest_answers(FRAMEWORK) == {}
    answers = suggest_answers(FRAMEWORK, attendance_rate=0.95, duration_ok=True)
    assert set(answers) == {"attendance", "time.duration"}
    for judgement in ("preparation.committee", "conduct.order", "conduct.criticism", "principles"):
        assert judgement not in answers


# --- properties -------------------------------------------------------------------


def _answer(leaf: Criterion) -> st.SearchStrategy[object]:
    if leaf.has_options:
        return st.sampled_from([option.id for option in leaf.options])
    return st.one_of(
        st.booleans(),
        st.floats(min_value=0, max_value=leaf.points, allow_nan=False),
        st.integers(min_value=0, max_value=int(leaf.points)),
    )


@st.composite
def answer_sets(draw, leaves=tuple(LEAVES)):
    answers = {}
    for leaf in leaves:
        if draw(st.booleans()):
            answers[leaf.id] = draw(_answer(leaf))
    return answers


def _points(leaf: Criterion, answer: object) -> float:
    if leaf.has_options:
        return next(o.points for o in leaf.options if o.id == answer)
    if isinstance(answer, bool):
        return leaf.points if answer else 0.0
    return float(answer)  # type: ignore[arg-type]


@given(answer_sets())
def test_total_never_exceeds_max_points(answers):
    result = score(FRAMEWORK, answers)
    assert 0 <= result.total <= result.max_points
    assert result.by_criterion["conduct"] <= 40


@given(answer_sets(), st.sampled_from(LEAVES), st.data())
def test_raising_an_answer_never_lowers_the_total(answers, leaf, data):
    before = answers.get(leaf.id)
    low = 0.0 if before is None else _points(leaf, before)
    higher = data.draw(_answer(leaf).filter(lambda a: _points(leaf, a) >= low))
    assert score(FRAMEWORK, {**answers, leaf.id: higher}).total >= score(FRAMEWORK, answers).total


BAND_RANK = {band.id: rank for rank, band in enumerate(reversed(RULES.meeting_bands))}


@given(answer_sets(), answer_sets())
def test_grade_follows_the_total_when_hard_criteria_are_met(first, second):
    hard_full = {leaf: FULL[leaf] for leaf in HARD}
    a = score(FRAMEWORK, {**first, **hard_full})
    b = score(FRAMEWORK, {**second, **hard_full})
    assert a.hard_criteria_met and b.hard_criteria_met
    if a.total <= b.total:
        assert BAND_RANK[a.grade.id] <= BAND_RANK[b.grade.id]
    else:
        assert BAND_RANK[a.grade.id] >= BAND_RANK[b.grade.id]


@given(answer_sets())
def test_the_grade_is_never_better_without_hard_criteria(answers):
    result = score(FRAMEWORK, answers)
    best = RULES.meeting_grade(result.total, True)
    assert BAND_RANK[result.grade.id] <= BAND_RANK[best.id]
