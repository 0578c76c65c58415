"""When regular meetings fall (plain logic, no widgets).

Only public holidays move a meeting: Saturdays and Sundays do not, since many
cells (villages especially) meet at the weekend. The rule set says which way a
meeting on a holiday moves (`meeting.holiday_rule`):

- ``next_working_day``: to the first following day that is not a holiday;
- ``previous_working_day``: to the last day before it that is not a holiday;
- ``keep``: it stays on the holiday (the holiday is still named).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from desktop.rules import RuleSet

HOLIDAY_SEARCH_DAYS = 15
NEXT_WORKING_DAY = "next_working_day"
PREVIOUS_WORKING_DAY = "previous_working_day"
KEEP = "keep"
HOLIDAY_RULES = (NEXT_WORKING_DAY, PREVIOUS_WORKING_DAY, KEEP)


@dataclass(frozen=True)
class NextMeeting:
    on: date
    moved_from: date | None = None  # the usual day, when it falls on a holiday
    holiday: str = ""


def holiday_rule(rules: RuleSet) -> str:
    """The rule set's `holiday_rule`; an unknown or missing one moves forward."""
    rule = str(rules.data.get("meeting", {}).get("holiday_rule", NEXT_WORKING_DAY))
    return rule if rule in HOLIDAY_RULES else NEXT_WORKING_DAY


def holidays_around(rules: RuleSet, year: int) -> dict[date, str]:
    """Public holidays of `year` and the years either side (a meeting near New
    Year may move across it)."""
    days: dict[date, str] = {}
    for each in (year - 1, year, year + 1):
        days.update(rules.holidays(each))
    return days


def avoid_holidays(
    usual: date, holidays: dict[date, str], rule: str = NEXT_WORKING_DAY
) -> NextMeeting:
    """`usual`, or the day the rule moves it to when it is a public holiday."""
    holiday = holidays.get(usual, "")
    if not holiday:
        return NextMeeting(usual)
    if rule == KEEP:
        return NextMeeting(usual, None, holiday)
    step = timedelta(days=-1 if rule == PREVIOUS_WORKING_DAY else 1)
    day = usual
    for _shift in range(HOLIDAY_SEARCH_DAYS):
        if day not in holidays:
            break
        day += step
    return NextMeeting(day, usual, holiday)


def regular_meeting_in(
    year: int,
    month: int,
    meeting_day: int,
    holidays: dict[date, str],
    rule: str = NEXT_WORKING_DAY,
) -> NextMeeting:
    """The regular meeting of one month: day `meeting_day`, moved off a holiday."""
    return avoid_holidays(date(year, month, meeting_day), holidays, rule)


def next_regular_meeting(
    meeting_day: int, today: date, holidays: dict[date, str], rule: str = NEXT_WORKING_DAY
) -> NextMeeting:
    """The next regular meeting on or after `today`: day `meeting_day` of this
    month (or the next one), moved off a holiday as `rule` says."""
    month_start = today.replace(day=1)
    for _step in range(3):
        planned = regular_meeting_in(
            month_start.year, month_start.month, meeting_day, holidays, rule
        )
        if planned.on >= today:
            return planned
        month_start = (month_start + timedelta(days=32)).replace(day=1)
    return NextMeeting(today)


def next_meeting_for(rules: RuleSet, meeting_day: int, today: date) -> NextMeeting:
    holidays = holidays_around(rules, today.year)
    return next_regular_meeting(meeting_day, today, holidays, holiday_rule(rules))
