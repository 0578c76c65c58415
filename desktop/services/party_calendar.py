"""Dates that follow from the rules: probation, recognition deadlines,
party age and badges, working days.

Working days are Monday to Friday, less the public holidays of the rule set.
"""

from __future__ import annotations

from datetime import date, timedelta

from desktop.rules import RuleSet


def add_months(day: date, months: int) -> date:
    """The same day `months` later, or the month's last day if it is shorter."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return date(year, month, min(day.day, candidate))
        except ValueError:
            continue
    raise ValueError(day)


def add_years(day: date, years: int) -> date:
    return add_months(day, 12 * years)


def is_working_day(day: date, rules: RuleSet) -> bool:
    return day.weekday() < 5 and day not in rules.holidays(day.year)


def add_working_days(start: date, days: int, rules: RuleSet) -> date:
    """The `days`-th working day after `start`."""
    current = start
    counted = 0
    while counted < days:
        current += timedelta(days=1)
        if is_working_day(current, rules):
            counted += 1
    return current


def probation_ends(admitted: date, rules: RuleSet) -> date:
    """Probation lasts the rule set's months (12) from the admission ceremony."""
    return add_months(admitted, rules.probation_months)


def recognition_deadline(admitted: date, rules: RuleSet) -> date:
    """The cell must consider recognition within 30 working days after probation ends."""
    days = int(rules.data["members"]["recognition_deadline_working_days"])
    return add_working_days(probation_ends(admitted, rules), days, rules)


def party_age(admitted: date, on: date) -> int:
    """Whole years of party membership, counted from the admission decision."""
    years = on.year - admitted.year
    if (on.month, on.day) < (admitted.month, admitted.day):
        years -= 1
    return max(0, years)


def next_badge(admitted: date, on: date, rules: RuleSet) -> tuple[int, date] | None:
    """The next party badge (years, date it falls due) on or after `on`."""
    for years in rules.badge_years:
        due = add_years(admitted, years)
        if due >= on:
            return years, due
    return None
