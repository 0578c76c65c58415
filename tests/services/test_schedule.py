"""When the next regular meeting falls."""

from __future__ import annotations

from datetime import date

from desktop.services.schedule import next_regular_meeting


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
