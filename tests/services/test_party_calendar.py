"""Dates that follow from the rules: party age, badges, probation, working days."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from desktop.rules.loading import load_default_rule_set
from desktop.services.party_calendar import (
    add_months,
    add_working_days,
    add_years,
    is_working_day,
    next_badge,
    party_age,
    probation_ends,
    recognition_deadline,
)

RULES = load_default_rule_set()
days = st.dates(min_value=date(1950, 1, 1), max_value=date(2027, 12, 31))


# --- months and party age -------------------------------------------------------


def test_add_months_keeps_the_day_or_takes_the_months_last():
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)
    assert add_months(date(2026, 3, 31), -1) == date(2026, 2, 28)
    assert add_months(date(2026, 5, 15), 12) == date(2027, 5, 15)
    assert add_months(date(2026, 11, 30), 3) == date(2027, 2, 28)
    assert add_years(date(2024, 2, 29), 1) == date(2025, 2, 28)
    assert add_years(date(2024, 2, 29), 4) == date(2028, 2, 29)


def test_party_age_turns_on_the_anniversary():
    admitted = date(1996, 5, 19)
    assert party_age(admitted, date(2026, 5, 18)) == 29
    assert party_age(admitted, date(2026, 5, 19)) == 30
    assert party_age(admitted, date(2026, 12, 31)) == 30
    assert party_age(admitted, admitted) == 0
    assert party_age(admitted, date(1990, 1, 1)) == 0  # never negative


def test_party_age_of_a_leap_day_admission():
    admitted = date(2000, 2, 29)
    assert party_age(admitted, date(2001, 2, 28)) == 0
    assert party_age(admitted, date(2001, 3, 1)) == 1
    assert party_age(admitted, date(2004, 2, 28)) == 3
    assert party_age(admitted, date(2004, 2, 29)) == 4


@given(days, st.integers(min_value=0, max_value=90))
def test_party_age_counts_whole_years(admitted: date, years: int):
    anniversary = add_years(admitted, years)
    if admitted.month == 2 and admitted.day == 29 and anniversary.day == 28:
        anniversary += timedelta(days=1)  # a leap-day member's year turns on 1 March
    assert party_age(admitted, anniversary) == years
    assert party_age(admitted, anniversary - timedelta(days=1)) == max(0, years - 1)


@given(days, days)
def test_party_age_never_falls(admitted: date, on: date):
    assert party_age(admitted, on + timedelta(days=1)) >= party_age(admitted, on)


# --- badges ----------------------------------------------------------------------


def test_badges_fall_at_the_rule_sets_years():
    assert RULES.badge_years == [30, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90]
    admitted = date(1996, 7, 2)
    assert next_badge(admitted, date(2026, 6, 15), RULES) == (30, date(2026, 7, 2))
    assert next_badge(admitted, date(2026, 7, 2), RULES) == (30, date(2026, 7, 2))
    assert next_badge(admitted, date(2026, 7, 3), RULES) == (40, date(2036, 7, 2))
    assert next_badge(date(1981, 3, 1), date(2026, 1, 1), RULES) == (45, date(2026, 3, 1))
    assert next_badge(date(1930, 1, 1), date(2026, 1, 1), RULES) is None
    # A leap-day member's badge is due on the last day of February.
    assert next_badge(date(1996, 2, 29), date(2026, 1, 1), RULES) == (30, date(2026, 2, 28))


@given(days, days)
def test_next_badge_is_the_first_on_or_after_the_day(admitted: date, on: date):
    badge = next_badge(admitted, on, RULES)
    if badge is None:
        assert add_years(admitted, RULES.badge_years[-1]) < on
        return
    years, due = badge
    assert due >= on and due == add_years(admitted, years)
    earlier = [y for y in RULES.badge_years if y < years]
    assert all(add_years(admitted, y) < on for y in earlier)


# --- probation --------------------------------------------------------------------


def test_probation_lasts_twelve_months():
    assert RULES.probation_months == 12
    assert probation_ends(date(2025, 6, 20), RULES) == date(2026, 6, 20)
    assert probation_ends(date(2024, 2, 29), RULES) == date(2025, 2, 28)
    assert probation_ends(date(2027, 2, 28), RULES) == date(2028, 2, 28)


def test_recognition_deadline_counts_30_working_days_past_tet():
    # Probation ends on Saturday 10/01/2026; Tết Bính Ngọ (14–22/02/2026) is skipped.
    admitted = date(2025, 1, 10)
    assert probation_ends(admitted, RULES) == date(2026, 1, 10)
    assert recognition_deadline(admitted, RULES) == date(2026, 2, 27)


def test_recognition_deadline_skips_fixed_holidays():
    # Probation ends on Friday 17/04/2026: 26/04 is a Sunday anyway, 30/04 and 01/05
    # are public holidays, so 30 working days end on Tuesday 02/06, not Monday 01/06.
    deadline = recognition_deadline(date(2025, 4, 17), RULES)
    assert deadline == date(2026, 6, 2)
    assert RULES.recognition_deadline_working_days == 30


# --- working days ------------------------------------------------------------------


def test_working_days_skip_weekends_and_tet():
    assert RULES.holidays(2026)[date(2026, 2, 14)].startswith("Tết Nguyên đán")
    assert not is_working_day(date(2026, 2, 16), RULES)  # Monday of Tết
    assert not is_working_day(date(2026, 2, 21), RULES)  # Saturday
    assert not is_working_day(date(2026, 9, 2), RULES)  # National Day
    assert is_working_day(date(2026, 2, 23), RULES)
    assert add_working_days(date(2026, 2, 13), 1, RULES) == date(2026, 2, 23)
    assert add_working_days(date(2026, 2, 12), 2, RULES) == date(2026, 2, 23)
    assert add_working_days(date(2026, 6, 5), 1, RULES) == date(2026, 6, 8)  # Fri -> Mon
    assert add_working_days(date(2026, 6, 5), 0, RULES) == date(2026, 6, 5)


@given(
    st.dates(min_value=date(2024, 1, 1), max_value=date(2027, 12, 31)),
    st.integers(min_value=1, max_value=80),
)
def test_add_working_days_lands_on_a_working_day_and_counts_exactly(start: date, n: int):
    end = add_working_days(start, n, RULES)
    assert end > start
    assert is_working_day(end, RULES)
    between = [start + timedelta(days=i) for i in range(1, (end - start).days + 1)]
    assert sum(is_working_day(day, RULES) for day in between) == n
