"""Rating levels from points and conditions; proposal and quota warnings."""

from __future__ import annotations

import copy
from math import floor

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop import i18n
from desktop.rules.loading import load_default_rule_set
from desktop.rules.ruleset import RuleSet
from desktop.services.rating import (
    excellent_allowed,
    level_for,
    level_rank,
    missing_conditions,
    proposal_warnings,
    quota_warnings,
)

RULES = load_default_rule_set()
LEVELS = RULES.rating_levels
LEVEL_IDS = [band.id for band in LEVELS]
CONDITIONS = [condition.id for condition in RULES.rating_conditions]
EXCELLENT_NEEDS = ("all_tasks_on_time", "exceeds_30_percent", "earlier_shortcomings_fixed")

points = st.one_of(
    st.integers(min_value=0, max_value=100),
    st.floats(min_value=0, max_value=100, allow_nan=False),
)
condition_sets = st.sets(st.sampled_from(CONDITIONS))


def _rules(**cap: object) -> RuleSet:
    data = copy.deepcopy(RULES.data)
    data["member_rating"]["excellent_cap"].update(cap)
    return RuleSet(data)


def _expected(value: float, met: set[str]) -> str:
    """The definition, written out from the rule data rather than the code."""
    for raw in sorted(
        RULES.data["member_rating"]["levels"], key=lambda b: b["min_points"], reverse=True
    ):
        if value >= raw["min_points"] and set(raw.get("conditions", ())) <= met:
            return str(raw["id"])
    raise AssertionError("the lowest level starts at 0 points")


# --- the shipped levels ---------------------------------------------------------------


def test_shipped_levels_are_the_2025_rule():
    assert LEVEL_IDS == ["excellent", "good", "completed", "not_completed"]
    assert [band.min_points for band in LEVELS] == [90, 70, 50, 0]
    assert LEVELS[0].conditions == EXCELLENT_NEEDS
    assert all(not band.conditions for band in LEVELS[1:])
    assert set(EXCELLENT_NEEDS) == set(CONDITIONS)


@pytest.mark.parametrize(
    ("value", "with_conditions", "level"),
    [
        (100, True, "excellent"),
        (90, True, "excellent"),
        (90, False, "good"),
        (89.99, True, "good"),
        (89, True, "good"),
        (70, True, "good"),
        (69.5, True, "completed"),
        (69, True, "completed"),
        (50, True, "completed"),
        (49.99, True, "not_completed"),
        (49, True, "not_completed"),
        (0, True, "not_completed"),
    ],
)
def test_bands_at_their_boundaries(value: float, with_conditions: bool, level: str):
    met = CONDITIONS if with_conditions else []
    assert level_for(RULES, value, met).id == level


@given(points, condition_sets)
def test_level_is_the_highest_reached_with_its_conditions(value: float, met: set[str]):
    band = level_for(RULES, value, met)
    assert band.id == _expected(value, met)
    assert value >= band.min_points
    assert set(band.conditions) <= met
    higher = LEVELS[: LEVEL_IDS.index(band.id)]
    assert all(value < h.min_points or not set(h.conditions) <= met for h in higher)


@given(points, points, condition_sets, condition_sets)
def test_more_points_or_conditions_never_lower_the_level(
    a: float, b: float, some: set[str], more: set[str]
):
    low, high = sorted((a, b))
    fewer, larger = some, some | more
    assert level_rank(RULES, level_for(RULES, high, fewer).id) <= level_rank(
        RULES, level_for(RULES, low, fewer).id
    )
    assert level_rank(RULES, level_for(RULES, low, larger).id) <= level_rank(
        RULES, level_for(RULES, low, fewer).id
    )


@given(points, condition_sets)
def test_excellent_never_without_all_its_conditions(value: float, met: set[str]):
    if level_for(RULES, value, met).id == "excellent":
        assert set(EXCELLENT_NEEDS) <= met and value >= 90
    if not set(EXCELLENT_NEEDS) <= met:
        assert level_for(RULES, value, met).id != "excellent"


def test_missing_conditions_are_named_in_the_language():
    i18n.set_language("en")
    assert missing_conditions(RULES, "excellent", ["all_tasks_on_time"]) == [
        "At least 30% of tasks done beyond what was required",
        "Shortcomings pointed out earlier have been fixed",
    ]
    assert missing_conditions(RULES, "good", []) == []
    assert missing_conditions(RULES, "no-such-level", []) == []


# --- proposals ---------------------------------------------------------------------


@given(points, condition_sets, st.sampled_from(LEVEL_IDS))
def test_a_proposal_warns_exactly_when_it_does_not_follow(
    value: float, met: set[str], proposed: str
):
    band = next(b for b in LEVELS if b.id == proposed)
    reachable = value >= band.min_points and set(band.conditions) <= met
    computed = level_for(RULES, value, met).id
    not_lower = level_rank(RULES, proposed) <= level_rank(RULES, computed)
    warnings = proposal_warnings(RULES, value, met, proposed)
    assert (warnings == []) == (reachable and not_lower)
    # Reachable and not lower is the computed level itself.
    assert (warnings == []) == (proposed == computed)


def test_proposal_warnings_say_why():
    i18n.set_language("en")
    assert proposal_warnings(RULES, 85, CONDITIONS, "excellent") == [
        "Excellent needs at least 90 points; 85 were given."
    ]
    assert proposal_warnings(RULES, 95, ["all_tasks_on_time"], "excellent") == [
        "Excellent also needs: At least 30% of tasks done beyond what was required.",
        "Excellent also needs: Shortcomings pointed out earlier have been fixed.",
    ]
    assert proposal_warnings(RULES, 75.5, [], "completed") == [
        "75.5 points and the conditions met would give Good."
    ]
    assert proposal_warnings(RULES, None, [], "excellent") == []
    assert proposal_warnings(RULES, 95, [], "no-such-level") == []


# --- the excellent quota -----------------------------------------------------------


@pytest.mark.parametrize(
    ("good", "allowed"), [(0, 0), (4, 0), (5, 1), (9, 1), (10, 2), (15, 3), (24, 4), (25, 5)]
)
def test_excellent_allowed_is_a_fifth_of_good_rounded_down(good: int, allowed: int):
    assert excellent_allowed(RULES, good) == allowed


@given(
    st.integers(0, 30),
    st.integers(0, 60),
    st.integers(0, 10),
    st.integers(0, 5),
    st.sampled_from([0.1, 0.2, 0.25, 0.3, 1 / 3, 0.5]),
)
def test_quota_warns_exactly_above_the_allowed_number(
    excellent: int, good: int, completed: int, not_completed: int, ratio: float
):
    rules = _rules(ratio_of_good=ratio)
    levels = (
        ["excellent"] * excellent
        + ["good"] * good
        + ["completed"] * completed
        + ["not_completed"] * not_completed
    )
    allowed = excellent_allowed(rules, good)
    assert allowed == floor(ratio * good + 1e-9)
    assert allowed <= ratio * good + 1e-9 < allowed + 1
    warnings = quota_warnings(rules, levels)
    assert (warnings != []) == (excellent > allowed)
    assert len(warnings) <= 1
    # The order of the levels does not matter.
    assert quota_warnings(rules, list(reversed(levels))) == warnings


@given(st.integers(0, 30), st.integers(0, 60), st.sampled_from(["warn", "forbid"]))
def test_a_disabled_quota_never_warns(excellent: int, good: int, mode: str):
    rules = _rules(enabled=False, mode=mode)
    assert not rules.excellent_cap.enabled
    assert quota_warnings(rules, ["excellent"] * excellent + ["good"] * good) == []


def test_forbid_mode_is_read_from_the_rule_set_and_warns_the_same():
    forbid = _rules(mode="forbid")
    assert forbid.excellent_cap.forbid and not RULES.excellent_cap.forbid
    levels = ["excellent"] * 2 + ["good"] * 5
    assert quota_warnings(forbid, levels) == quota_warnings(RULES, levels) != []


def test_quota_warning_counts_in_the_message():
    i18n.set_language("en")
    assert quota_warnings(RULES, ["excellent"] * 3 + ["good"] * 10) == [
        "Rated excellent: 3; the quota allows 2 (20% of the 10 rated good)."
    ]
    assert quota_warnings(RULES, ["excellent"] * 2 + ["good"] * 10) == []
    assert quota_warnings(RULES, ["excellent"]) != []  # none rated good: none allowed
