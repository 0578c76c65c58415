"""When the next regular meeting falls."""

from __future__ import annotations

from datetime import date

from desktop.rules.loading import load_default_rule_set
from desktop.services.schedule import (
    avoid_holidays,
    holiday_rule,
    next_meeting_for,
    next_regular_meeting,
)


def test_this_month_if_the_day_is_still_ahead():
    assert next_regular_meeting(3, date(2026, 11, 2), {}).on == date(2026, 11, 3)
    assert next_regular_meeting(3, date(2026, 11, 3), {}).on == date(2026, 11, 3)


def test_next_month_once_the_day_has_passed():
    assert next_regular_meeting(3, date(2026, 11, 4), {}).on == date(2026, 12, 3)
    assert next_regular_meeting(3, date(2026, 12, 20), {}).on == date(2027, 1, 3)


def test_a_holiday_moves_the_meeting_to_the_next_free_day():
    holidays = {date(2026, 9, 2): "Quốc khánh", date(2026, 9, 3): "Nghỉ bù"}
    upcoming = next_regular_meeting(2, date(2026, 8, 20), holidays)
    assert upcoming.on == date(2026, 9, 4)
    assert upcoming.moved_from == date(2026, 9, 2)
    assert upcoming.holiday == "Quốc khánh"


def test_weekends_do_not_move_a_meeting():
    assert next_regular_meeting(3, date(2026, 5, 1), {}).on == date(2026, 5, 3)  # a Sunday


def test_the_rule_may_move_it_earlier_or_keep_it():
    holidays = {date(2026, 9, 2): "Quốc khánh", date(2026, 9, 1): "Nghỉ bù"}
    earlier = avoid_holidays(date(2026, 9, 2), holidays, "previous_working_day")
    assert (earlier.on, earlier.moved_from) == (date(2026, 8, 31), date(2026, 9, 2))
    kept = avoid_holidays(date(2026, 9, 2), holidays, "keep")
    assert (kept.on, kept.moved_from, kept.holiday) == (date(2026, 9, 2), None, "Quốc khánh")


def test_next_meeting_for_follows_the_shipped_rule_set():
    rules = load_default_rule_set()
    assert holiday_rule(rules) == "next_working_day"
    upcoming = next_meeting_for(rules, 16, date(2026, 2, 1))
    assert (upcoming.on, upcoming.moved_from) == (date(2026, 2, 23), date(2026, 2, 16))
    assert next_meeting_for(rules, 1, date(2026, 12, 20)).on == date(2027, 1, 2)
