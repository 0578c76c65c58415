"""When the next regular meeting is (plain logic, no widgets)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from desktop.rules import RuleSet

HOLIDAY_SEARCH_DAYS = 15


@dataclass(frozen=True)
class NextMeeting:
    on: date
    moved_from: date | None = None  # the usual day, when it falls on a holiday
    holiday: str = ""


def next_regular_meeting(meeting_day: int, today: date, holidays: dict[date, str]) -> NextMeeting:
    """The next regular meeting on or after `today`: day `meeting_day` of this
    month (or the next one), moved to the next day that is not a holiday."""
    month_start = today.replace(day=1)
    for _step in range(3):
        usual = month_start.replace(day=meeting_day)
        day, holiday = usual, holidays.get(usual, "")
        for _shift in range(HOLIDAY_SEARCH_DAYS):
            if day not in holidays:
                break
            day += timedelta(days=1)
        if day >= today:
            return NextMeeting(
                day, usual if day != usual else None, holiday if day != usual else ""
            )
        month_start = (month_start + timedelta(days=32)).replace(day=1)
    return NextMeeting(today)


def next_meeting_for(rules: RuleSet, meeting_day: int, today: date) -> NextMeeting:
    holidays = {**rules.holidays(today.year), **rules.holidays(today.year + 1)}
    return next_regular_meeting(meeting_day, today, holidays)
