"""Reading and validating rule files.

A rule file is checked against `resources/rules/ruleset.schema.json` and a
few rules a schema cannot express (criteria points add up). Anything wrong
raises `RuleSetError` with a message that names the file and the place.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from desktop.i18n import _
from desktop.paths import resources_dir
from desktop.rules.ruleset import RuleSet

SCHEMA_FILE = "ruleset.schema.json"
DEFAULT_RULE_FILE = "vn-default-v1.json"


class RuleSetError(ValueError):
    """A rule file that cannot be used; the rule set in force stays in force."""


def shipped_rules_dir() -> Path:
    return resources_dir() / "rules"


@cache
def _validator() -> Any:
    from jsonschema import Draft202012Validator

    schema = json.loads((shipped_rules_dir() / SCHEMA_FILE).read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def _criteria_problems(criteria: list[dict[str, Any]], where: str) -> list[str]:
    problems = []
    for criterion in criteria:
        children = criterion.get("children") or []
        options = criterion.get("options") or []
        label = f"{where}/{criterion['id']}"
        if children:
            total = sum(float(child["points"]) for child in children)
            if abs(total - float(criterion["points"])) > 1e-9:
                problems.append(
                    _("{where}: the parts add up to {total} points, not {points}").format(
                        where=label, total=total, points=criterion["points"]
                    )
                )
            problems += _criteria_problems(children, label)
        for option in options:
            if float(option["points"]) > float(criterion["points"]):
                problems.append(
                    _("{where}: an option gives more points than the criterion").format(where=label)
                )
    return problems


WORK_GROUPS = ("leader", "political_system", "outside")


def _review_problems(data: dict[str, Any]) -> list[str]:
    """Every rating condition is defined, and every member who reviews has a form."""
    review = data["member_review"]
    known = {condition["id"] for condition in review["conditions"]}
    problems = [
        _("member_rating/{level}: the condition {condition} is not defined").format(
            level=level["id"], condition=condition
        )
        for level in data["member_rating"]["levels"]
        for condition in level.get("conditions", ())
        if condition not in known
    ]
    for status in review["reviewed_statuses"]:
        for group in WORK_GROUPS:
            if not any(
                status in form["statuses"] and group in form["work_groups"]
                for form in review["forms"]
            ):
                problems.append(
                    _("member_review: no review form for status {status}, work {group}").format(
                        status=status, group=group
                    )
                )
    return problems


def parse_rule_set(data: Any, source: str = "") -> RuleSet:
    """Validate already-decoded rule data."""
    errors = sorted(_validator().iter_errors(data), key=lambda e: list(e.absolute_path))
    if errors:
        first = errors[0]
        place = "/".join(str(part) for part in first.absolute_path) or "(top)"
        raise RuleSetError(
            _("The rule file {source} is not valid at {place}: {problem}").format(
                source=source or "", place=place, problem=first.message
            )
        )
    quality = data["meeting_quality"]
    problems = _criteria_problems(quality["criteria"], "meeting_quality")
    total = sum(float(criterion["points"]) for criterion in quality["criteria"])
    if abs(total - float(quality["max_points"])) > 1e-9:
        problems.append(
            _("the criteria add up to {total} points, not {points}").format(
                total=total, points=quality["max_points"]
            )
        )
    problems += _review_problems(data)
    if problems:
        raise RuleSetError(
            _("The rule file {source} is not valid: {problem}").format(
                source=source or "", problem=problems[0]
            )
        )
    return RuleSet(data)


def load_rule_file(path: Path) -> RuleSet:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as error:
        raise RuleSetError(
            _("The rule file {source} was not found.").format(source=path.name)
        ) from error
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise RuleSetError(
            _("The rule file {source} cannot be read: {problem}").format(
                source=path.name, problem=str(error)
            )
        ) from error
    return parse_rule_set(data, path.name)


def load_default_rule_set() -> RuleSet:
    return load_rule_file(shipped_rules_dir() / DEFAULT_RULE_FILE)


def rule_set_from_book(content: str) -> RuleSet:
    """A rule set kept in a book: validated when it was installed, so only decoded."""
    return RuleSet(json.loads(content))
