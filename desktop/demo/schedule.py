"""The demo's calendar: which months it covers and on which days meetings fall."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

Holidays = Callable[[int], dict[date, str]]


def add_months(day: date, months: int) -> date:
    """The first day of the month `months` after `day`'s month."""
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def month_label(day: date) -> str:
    """ "11/2026", as months are written in documents."""
    return f"{day.month:02d}/{day.year}"


def regular_months(until: date, count: int, meeting_day: int = 3) -> list[date]:
    """The first days of the `count` months whose regular meeting has been held
    before `until`: they end with `until`'s own month once its meeting day is past."""
    last = add_months(until, 0 if until.day > meeting_day else -1)
    return [add_months(last, offset) for offset in range(-(count - 1), 1)]


def working_day(day: date, holidays: Holidays, *, backwards: bool = False) -> date:
    """`day`, or the nearest day after (or before) it that is not a public holiday."""
    step = timedelta(days=-1 if backwards else 1)
    while day in holidays(day.year):
        day += step
    return day


def quarter(day: date) -> tuple[int, int]:
    return day.year, (day.month - 1) // 3 + 1


def roman_quarter(day: date) -> str:
    return ("I", "II", "III", "IV")[(day.month - 1) // 3]


def thematic_month_indexes(months: list[date]) -> list[int]:
    """One month per calendar quarter for thematic meetings (the quarter's middle
    month when the demo covers it), never the last month, which is still under way."""
    by_quarter: dict[tuple[int, int], list[int]] = {}
    for index, month in enumerate(months[:-1]):
        by_quarter.setdefault(quarter(month), []).append(index)
    chosen = []
    for indexes in by_quarter.values():
        middle = [i for i in indexes if months[i].month % 3 == 2]
        chosen.append(middle[0] if middle else indexes[len(indexes) // 2])
    return sorted(chosen)


def term_start_year(day: date) -> int:
    """Party committee terms run in five-year cycles: 2020–2025, 2025–2030, ..."""
    return 2025 + 5 * ((day.year - 2025) // 5)


def crop_season(day: date) -> str:
    """The Mekong Delta rice crop under way in `day`'s month."""
    if day.month in (12, 1, 2):
        return "Đông Xuân"
    if day.month in (3, 4, 5, 6, 7):
        return "Hè Thu"
    return "Thu Đông"


def flood_season(day: date) -> bool:
    """The Mekong's high-water months (mùa nước nổi)."""
    return day.month in (8, 9, 10, 11)
