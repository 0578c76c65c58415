"""Scoring a meeting's quality against the rule set's framework.

The framework is a tree of criteria, each with points. Only the leaves are
answered, in one of three ways:

- a leaf with options: the id of the chosen option, which gives its points;
- any other leaf: `True` (full points) or `False` (none), or a number of
  points from 0 to the leaf's points, for a committee that gives part marks.

A criterion is hard when it or any criterion above it is flagged "hard";
the top band ("Tốt") needs full marks on every hard leaf. Unanswered leaves
count 0 and are listed in `ScoreResult.missing`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from desktop.i18n import _, current_language
from desktop.rules.ruleset import Band, RuleSet
from desktop.services.validation import FieldError, ValidationError

Answer = str | bool | float | int


@dataclass(frozen=True)
class Option:
    id: str
    title_vi: str
    title_en: str
    points: float

    def title(self, language: str | None = None) -> str:
        return self.title_vi if (language or current_language()) == "vi" else self.title_en


@dataclass(frozen=True)
class Criterion:
    id: str
    title_vi: str
    title_en: str
    points: float
    hard: bool  # flagged itself or through a criterion above it
    options: tuple[Option, ...] = ()
    children: tuple[Criterion, ...] = ()
    parent_id: str | None = None

    def title(self, language: str | None = None) -> str:
        return self.title_vi if (language or current_language()) == "vi" else self.title_en

    @property
    def is_leaf(self) -> bool:
        return not self.children

    @property
    def has_options(self) -> bool:
        return bool(self.options)

    def option(self, option_id: str) -> Option | None:
        return next((option for option in self.options if option.id == option_id), None)

    def walk(self) -> Iterator[Criterion]:
        yield self
        for child in self.children:
            yield from child.walk()


def _criterion(raw: Mapping[str, Any], parent: Criterion | None) -> Criterion:
    hard = bool(raw.get("hard", False)) or (parent is not None and parent.hard)
    node = Criterion(
        id=str(raw["id"]),
        title_vi=str(raw["title"]["vi"]),
        title_en=str(raw["title"]["en"]),
        points=float(raw["points"]),
        hard=hard,
        options=tuple(
            Option(
                id=str(option["id"]),
                title_vi=str(option["title"]["vi"]),
                title_en=str(option["title"]["en"]),
                points=float(option["points"]),
            )
            for option in raw.get("options") or ()
        ),
        parent_id=parent.id if parent is not None else None,
    )
    children = tuple(_criterion(child, node) for child in raw.get("children") or ())
    return replace(node, children=children)


@dataclass(frozen=True)
class Framework:
    id: str
    max_points: float
    criteria: tuple[Criterion, ...]  # the top of the tree
    rules: RuleSet = field(repr=False, compare=False)

    @classmethod
    def from_rules(cls, rules: RuleSet) -> Framework:
        quality = rules.data["meeting_quality"]
        return cls(
            id=str(quality.get("framework_id", "")),
            max_points=float(quality["max_points"]),
            criteria=tuple(_criterion(raw, None) for raw in quality["criteria"]),
            rules=rules,
        )

    def all_criteria(self) -> list[Criterion]:
        """Every criterion, each before its parts, in the framework's order."""
        return [node for top in self.criteria for node in top.walk()]

    def leaf_criteria(self) -> list[Criterion]:
        return [node for node in self.all_criteria() if node.is_leaf]

    def criterion(self, criterion_id: str) -> Criterion | None:
        return next((node for node in self.all_criteria() if node.id == criterion_id), None)

    def full_marks(self) -> dict[str, Answer]:
        """Answers that give every leaf its full points."""
        answers: dict[str, Answer] = {}
        for leaf in self.leaf_criteria():
            if leaf.has_options:
                answers[leaf.id] = max(leaf.options, key=lambda option: option.points).id
            else:
                answers[leaf.id] = True
        return answers


# --- answers ------------------------------------------------------------------


def _points(leaf: Criterion, answer: Answer) -> float:
    """The points an already validated answer gives."""
    if leaf.has_options:
        option = leaf.option(str(answer))
        assert option is not None
        return option.points
    if isinstance(answer, bool):
        return leaf.points if answer else 0.0
    return float(answer)


def validate_answers(framework: Framework, answers: Mapping[str, Answer]) -> None:
    """Raise `ValidationError` naming every answer that does not fit the framework."""
    errors: list[FieldError] = []
    for criterion_id, answer in answers.items():
        node = framework.criterion(criterion_id)
        if node is None:
            errors.append(
                FieldError(
                    criterion_id,
                    _("There is no criterion “{id}” in this scoring framework.").format(
                        id=criterion_id
                    ),
                )
            )
            continue
        name = node.title()
        if not node.is_leaf:
            errors.append(
                FieldError(
                    criterion_id,
                    _("{criterion}: score each of its parts instead.").format(criterion=name),
                )
            )
        elif node.has_options:
            if not isinstance(answer, str) or node.option(answer) is None:
                choices = ", ".join(option.title() for option in node.options)
                errors.append(
                    FieldError(
                        criterion_id,
                        _("{criterion}: choose one of: {choices}.").format(
                            criterion=name, choices=choices
                        ),
                    )
                )
        elif isinstance(answer, bool):
            continue
        elif not isinstance(answer, int | float) or math.isnan(answer):
            errors.append(
                FieldError(
                    criterion_id,
                    _("{criterion}: answer yes or no, or give a number of points.").format(
                        criterion=name
                    ),
                )
            )
        elif not 0 <= answer <= node.points:
            errors.append(
                FieldError(
                    criterion_id,
                    _("{criterion}: the points must be between 0 and {points}.").format(
                        criterion=name, points=_number(node.points)
                    ),
                )
            )
    if errors:
        raise ValidationError(errors)


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


# --- score --------------------------------------------------------------------


@dataclass(frozen=True)
class ScoreResult:
    total: float
    max_points: float
    by_criterion: dict[str, float]  # every criterion; a group is the sum of its parts
    hard_criteria_met: bool
    missing: list[str]  # leaves not answered, in the framework's order
    grade: Band
    hard_short: list[str] = field(default_factory=list)  # hard leaves below full marks

    @property
    def complete(self) -> bool:
        return not self.missing


def _round(value: float) -> float:
    return round(value, 4) + 0.0


def score(framework: Framework, answers: Mapping[str, Answer]) -> ScoreResult:
    """Score `answers` (criterion id to option id, yes/no or points).

    Raises `ValidationError` when an answer does not fit the framework.
    """
    validate_answers(framework, answers)
    by_criterion: dict[str, float] = {}
    missing: list[str] = []
    hard_short: list[str] = []

    def visit(node: Criterion) -> float:
        if node.is_leaf:
            if node.id in answers:
                points = _points(node, answers[node.id])
            else:
                points = 0.0
                missing.append(node.id)
            if node.hard and points < node.points:
                hard_short.append(node.id)
        else:
            points = math.fsum(visit(child) for child in node.children)
        by_criterion[node.id] = _round(points)
        return points

    total = _round(math.fsum(visit(top) for top in framework.criteria))
    hard_met = not hard_short
    return ScoreResult(
        total=total,
        max_points=framework.max_points,
        by_criterion=by_criterion,
        hard_criteria_met=hard_met,
        missing=missing,
        grade=framework.rules.meeting_grade(total, hard_met),
        hard_short=hard_short,
    )


# --- answers that follow from the facts --------------------------------------

# Which criterion of a framework each fact answers. A framework without one
# of these ids, or with a different kind of answer there, is left alone.
FACT_CRITERIA: dict[str, str] = {
    "attendance_rate": "attendance",
    "implementation_rate": "results",
    "speakers_share": "conduct.speaking",
    "duration_ok": "time.duration",
    "minutes_complete": "closing.minutes",
}

# Option ids that name a range of percentages: "ge90" (90 or more),
# "80_89" (80 to under 90), "lt80" (under 80).
_AT_LEAST = re.compile(r"^ge(\d+)$")
_BETWEEN = re.compile(r"^(\d+)_(\d+)$")
_UNDER = re.compile(r"^lt(\d+)$")


def _option_for_percent(leaf: Criterion, percent: float) -> Option | None:
    for option in leaf.options:
        if match := _AT_LEAST.match(option.id):
            fits = percent >= int(match[1])
        elif match := _BETWEEN.match(option.id):
            fits = int(match[1]) <= percent < int(match[2]) + 1
        elif match := _UNDER.match(option.id):
            fits = percent < int(match[1])
        else:
            fits = False
        if fits:
            return option
    return None


def suggest_answers(
    framework: Framework,
    *,
    attendance_rate: float | None = None,
    implementation_rate: float | None = None,
    speakers_share: float | None = None,
    duration_ok: bool | None = None,
    minutes_complete: bool | None = None,
) -> dict[str, Answer]:
    """Answers that follow from the facts of the meeting, for the committee
    to check; criteria that need judgement are left unanswered.

    Rates are fractions from 0 to 1 (`speakers_share`: members present who
    spoke, out of members present). A fact given as None is not used. A rate
    picks the option whose range ("ge90", "80_89", "lt80") holds it; a
    yes/no fact answers a yes/no criterion.
    """
    facts: dict[str, float | bool | None] = {
        "attendance_rate": attendance_rate,
        "implementation_rate": implementation_rate,
        "speakers_share": speakers_share,
        "duration_ok": duration_ok,
        "minutes_complete": minutes_complete,
    }
    answers: dict[str, Answer] = {}
    for fact, value in facts.items():
        leaf = framework.criterion(FACT_CRITERIA[fact])
        if value is None or leaf is None or not leaf.is_leaf:
            continue
        if isinstance(value, bool):
            if not leaf.has_options:
                answers[leaf.id] = value
        elif leaf.has_options:
            option = _option_for_percent(leaf, round(float(value) * 100, 6))
            if option is not None:
                answers[leaf.id] = option.id
    return answers
