"""Rating levels from points and conditions, and the warnings a proposal deserves.

Plain functions over a `RuleSet`: the bands, their extra conditions and the
"excellent" quota are data (domain.md section 5), so the same code rates
under the 2025 rule and under a commune's own rule file.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from math import floor

from desktop.i18n import _, current_language
from desktop.rules import RuleSet
from desktop.rules.ruleset import Band

EXCELLENT = "excellent"
GOOD = "good"


def level_for(rules: RuleSet, points: float, conditions_met: Iterable[str] = ()) -> Band:
    """The highest level whose points are reached and whose conditions are all met."""
    met = set(conditions_met)
    levels = rules.rating_levels  # highest first
    for level in levels:
        if points >= level.min_points and set(level.conditions) <= met:
            return level
    return levels[-1]


def level(rules: RuleSet, level_id: str) -> Band | None:
    return next((band for band in rules.rating_levels if band.id == level_id), None)


def level_rank(rules: RuleSet, level_id: str) -> int:
    """0 for the highest level; larger is lower; unknown levels rank last."""
    ids = [band.id for band in rules.rating_levels]
    return ids.index(level_id) if level_id in ids else len(ids)


def missing_conditions(rules: RuleSet, level_id: str, conditions_met: Iterable[str]) -> list[str]:
    """Titles of the conditions `level_id` needs that are not met."""
    band = level(rules, level_id)
    if band is None:
        return []
    met = set(conditions_met)
    language = current_language()
    titles = {condition.id: condition.title(language) for condition in rules.rating_conditions}
    return [titles.get(c, c) for c in band.conditions if c not in met]


def proposal_warnings(
    rules: RuleSet, points: float | None, conditions_met: Iterable[str], proposed: str
) -> list[str]:
    """Why a proposed level does not follow from the points and conditions
    (a warning: the cell votes and the commune decides)."""
    band = level(rules, proposed)
    if band is None or points is None:
        return []
    language = current_language()
    warnings = []
    if points < band.min_points:
        warnings.append(
            _("{level} needs at least {min} points; {points} were given.").format(
                level=band.title(language), min=_number(band.min_points), points=_number(points)
            )
        )
    for title in missing_conditions(rules, proposed, conditions_met):
        warnings.append(
            _("{level} also needs: {condition}.").format(
                level=band.title(language), condition=title
            )
        )
    computed = level_for(rules, points, conditions_met)
    if level_rank(rules, computed.id) < level_rank(rules, proposed):
        warnings.append(
            _("{points} points and the conditions met would give {level}.").format(
                points=_number(points), level=computed.title(language)
            )
        )
    return warnings


def excellent_allowed(rules: RuleSet, good: int) -> int:
    """How many members the quota lets be rated excellent when `good` are rated good."""
    return floor(rules.excellent_cap.ratio_of_good * good + 1e-9)


def quota_warnings(rules: RuleSet, levels: Iterable[str]) -> list[str]:
    """The "excellent" quota (an option of the rule set) checked against `levels`."""
    cap = rules.excellent_cap
    if not cap.enabled:
        return []
    counts = Counter(levels)
    excellent, good = counts[EXCELLENT], counts[GOOD]
    allowed = excellent_allowed(rules, good)
    if excellent <= allowed:
        return []
    return [
        _(
            "Rated excellent: {excellent}; the quota allows {allowed} "
            "({share} of the {good} rated good)."
        ).format(
            excellent=excellent,
            allowed=allowed,
            share=f"{_number(cap.ratio_of_good * 100)}%",
            good=good,
        )
    ]


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"
