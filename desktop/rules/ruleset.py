"""Typed access to a validated rule set."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from desktop.data.enums import MeetingKind


@dataclass(frozen=True)
class Band:
    id: str
    title_vi: str
    title_en: str
    min_points: float
    requires_hard_criteria: bool = False
    conditions: tuple[str, ...] = ()  # ids of `RuleSet.rating_conditions` all needed too

    def title(self, language: str) -> str:
        return self.title_vi if language == "vi" else self.title_en


@dataclass(frozen=True)
class Titled:
    """Something the rule set names in both languages (a condition, a form section)."""

    id: str
    title_vi: str
    title_en: str

    def title(self, language: str) -> str:
        return self.title_vi if language == "vi" else self.title_en


@dataclass(frozen=True)
class ReviewForm:
    """A personal review form (2A, 2B, 2C, the probationary members' form) and
    whom it is for: members with one of `statuses` and one of `work_groups`."""

    id: str
    code: str
    title_vi: str
    title_en: str
    statuses: tuple[str, ...]
    work_groups: tuple[str, ...]
    sections: tuple[Titled, ...]

    def title(self, language: str) -> str:
        return self.title_vi if language == "vi" else self.title_en

    def has_section(self, section_id: str) -> bool:
        return any(section.id == section_id for section in self.sections)

    def section(self, section_id: str) -> Titled | None:
        return next((s for s in self.sections if s.id == section_id), None)


@dataclass(frozen=True)
class ExcellentCap:
    """The earlier rule: at most `ratio_of_good` × (members rated good) rated excellent."""

    enabled: bool
    ratio_of_good: float
    forbid: bool  # False: warn only


def _titled(raw: dict[str, Any]) -> Titled:
    return Titled(id=str(raw["id"]), title_vi=raw["title"]["vi"], title_en=raw["title"]["en"])


@dataclass(frozen=True)
class DuesRate:
    """One dues rate: a flat amount a month, or a percentage of a salary or pension."""

    id: str
    title: str
    kind: str  # "flat" or "percent"
    amount: int = 0  # VND a month (flat rates)
    percent: float = 0.0  # of `of` (percent rates)
    of: str = ""  # what the percentage is of: "insured_salary", "pension"

    @property
    def is_percent(self) -> bool:
        return self.kind == "percent"


@dataclass(frozen=True)
class RuleSet:
    """A rule set as shipped in `resources/rules/*.json` (see its schema)."""

    data: dict[str, Any] = field(repr=False)

    @property
    def rule_set_id(self) -> str:
        return str(self.data["rule_set_id"])

    @property
    def version(self) -> int:
        return int(self.data["version"])

    @property
    def title(self) -> str:
        return str(self.data["title"])

    def to_json(self) -> str:
        return json.dumps(self.data, ensure_ascii=False, indent=1, sort_keys=True)

    # --- meetings ---------------------------------------------------------

    @property
    def default_meeting_day(self) -> int:
        return int(self.data["meeting"]["default_day"])

    def min_duration_minutes(self, kind: MeetingKind, members: int, combined: bool = False) -> int:
        minutes = self.data["meeting"]["min_duration_minutes"]
        base = int(minutes[kind.value])
        large = members >= int(self.data["meeting"]["large_cell_members"])
        if kind in (MeetingKind.REGULAR, MeetingKind.THEMATIC) and (large or combined):
            return max(base, int(minutes["large_or_combined"]))
        return base

    def quorum_met(self, present: int, total: int) -> bool:
        """Whether `present` of `total` full members make a valid meeting."""
        if total <= 0:
            return False
        quorum = self.data["meeting"]["quorum"]
        needed = float(quorum["fraction"]) * total
        return present > needed if quorum["strictly_more"] else present >= needed

    def holidays(self, year: int) -> dict[date, str]:
        meeting = self.data["meeting"]
        days: dict[date, str] = {}
        for holiday in meeting["fixed_holidays"]:
            month, day = (int(part) for part in holiday["month_day"].split("-"))
            days[date(year, month, day)] = holiday["name"]
        for span in meeting["dated_holidays"]:
            start, end = date.fromisoformat(span["from"]), date.fromisoformat(span["to"])
            current = start
            while current <= end:
                if current.year == year:
                    days[current] = span["name"]
                current += timedelta(days=1)
        return days

    # --- scoring and rating ----------------------------------------------

    def _bands(self, raw: list[dict[str, Any]]) -> list[Band]:
        bands = [
            Band(
                id=b["id"],
                title_vi=b["title"]["vi"],
                title_en=b["title"]["en"],
                min_points=float(b["min_points"]),
                requires_hard_criteria=bool(b.get("requires_hard_criteria", False)),
                conditions=tuple(str(c) for c in b.get("conditions", ())),
            )
            for b in raw
        ]
        return sorted(bands, key=lambda band: band.min_points, reverse=True)

    @property
    def meeting_bands(self) -> list[Band]:
        return self._bands(self.data["meeting_quality"]["bands"])

    @property
    def rating_levels(self) -> list[Band]:
        return self._bands(self.data["member_rating"]["levels"])

    @property
    def rating_conditions(self) -> list[Titled]:
        return [_titled(raw) for raw in self.data["member_review"]["conditions"]]

    @property
    def excellent_cap(self) -> ExcellentCap:
        raw = self.data["member_rating"]["excellent_cap"]
        return ExcellentCap(
            enabled=bool(raw["enabled"]),
            ratio_of_good=float(raw["ratio_of_good"]),
            forbid=raw["mode"] == "forbid",
        )

    @property
    def reviewed_statuses(self) -> tuple[str, ...]:
        """Member statuses that write a review (exempt members never do)."""
        return tuple(str(s) for s in self.data["member_review"]["reviewed_statuses"])

    @property
    def review_forms(self) -> list[ReviewForm]:
        return [
            ReviewForm(
                id=str(raw["id"]),
                code=str(raw["code"]),
                title_vi=raw["title"]["vi"],
                title_en=raw["title"]["en"],
                statuses=tuple(str(s) for s in raw["statuses"]),
                work_groups=tuple(str(g) for g in raw["work_groups"]),
                sections=tuple(_titled(section) for section in raw["sections"]),
            )
            for raw in self.data["member_review"]["forms"]
        ]

    def review_form(self, form_id: str) -> ReviewForm | None:
        return next((form for form in self.review_forms if form.id == form_id), None)

    def review_form_for(self, status: str, work_group: str) -> ReviewForm | None:
        """The first form for a member with this status and work group; None
        for a member who does not review (exempt, or a status not listed)."""
        if status not in self.reviewed_statuses:
            return None
        return next(
            (
                form
                for form in self.review_forms
                if status in form.statuses and work_group in form.work_groups
            ),
            None,
        )

    def meeting_grade(self, score: float, hard_criteria_met: bool = True) -> Band:
        """The band for `score`; a band that needs full hard criteria is skipped without them."""
        for band in self.meeting_bands:
            if score >= band.min_points and (hard_criteria_met or not band.requires_hard_criteria):
                return band
        return self.meeting_bands[-1]

    @property
    def scoring_criteria(self) -> list[dict[str, Any]]:
        return list(self.data["meeting_quality"]["criteria"])

    # --- members ------------------------------------------------------------

    @property
    def recommendation_limit_days(self) -> int:
        return int(self.data["recommendations"]["answer_limit_days"])

    @property
    def probation_months(self) -> int:
        return int(self.data["members"]["probation_months"])

    @property
    def badge_years(self) -> list[int]:
        return sorted(int(y) for y in self.data["members"]["badge_years"])

    @property
    def margins_mm(self) -> dict[str, float]:
        return {k: float(v) for k, v in self.data["document_layout"]["margins_mm"].items()}

    @property
    def recognition_deadline_working_days(self) -> int:
        return int(self.data["members"]["recognition_deadline_working_days"])

    @property
    def probation_reminder_days(self) -> int:
        return int(self.data["members"]["probation_reminder_days"])

    @property
    def badge_reminder_months(self) -> int:
        return int(self.data["members"]["badge_reminder_months"])

    # --- dues ---------------------------------------------------------------

    @property
    def dues_rates(self) -> list[DuesRate]:
        """The rates in the rule file's order."""
        return [
            DuesRate(
                id=str(rate["id"]),
                title=str(rate["title"]),
                kind=str(rate["kind"]),
                amount=int(rate.get("amount", 0)),
                percent=float(rate.get("percent", 0.0)),
                of=str(rate.get("of", "")),
            )
            for rate in self.data["dues"]["rates"]
        ]

    def dues_rate(self, rate_id: str) -> DuesRate | None:
        return next((rate for rate in self.dues_rates if rate.id == rate_id), None)

    @property
    def default_dues_rate(self) -> DuesRate:
        """The rate of a member with none chosen: "farmer" if the rule set has it
        (most members of a village cell), else the first rate."""
        rates = self.dues_rates
        return next((rate for rate in rates if rate.id == "farmer"), rates[0])

    @property
    def dues_exempt_party_age_years(self) -> int:
        """Members with this many years of party age or more pay no dues."""
        return int(self.data["dues"]["exempt_party_age_years"])
