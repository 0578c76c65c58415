"""Reminders about reviews: the year's review not started by December, and
shortcomings whose deadline has passed without being fixed.

The reminders name the member and the deadline only, never the shortcoming
itself: the home screen is seen on a shared computer.
"""

from __future__ import annotations

from datetime import date

from desktop.i18n import _, format_date
from desktop.services.book import Book
from desktop.services.criticism import CriticismService
from desktop.services.reminders import Reminder, ReminderKind
from desktop.services.reviews import ReviewService

# The annual review is held at the end of the year: remind from this month on.
REVIEW_MONTH = 12


def reviews_due(book: Book, today: date) -> list[Reminder]:
    return [*review_not_started(book, today), *shortcomings_overdue(book, today)]


def review_not_started(book: Book, today: date) -> list[Reminder]:
    if today.month < REVIEW_MONTH or ReviewService(book, today).annual_campaign(today.year):
        return []
    message = _("The review and rating of {year} has not been started.").format(year=today.year)
    return [Reminder(ReminderKind.REVIEW_DUE, "", "", today, message)]


def shortcomings_overdue(book: Book, today: date) -> list[Reminder]:
    found = []
    for row in CriticismService(book, today).overdue():
        assert row.deadline is not None  # overdue rows have one
        if row.member_id:
            message = _("{name}: a shortcoming to fix was due on {date}; follow it up.").format(
                name=row.member_name, date=format_date(row.deadline)
            )
        else:
            message = _("The cell: a shortcoming to fix was due on {date}; follow it up.").format(
                date=format_date(row.deadline)
            )
        found.append(
            Reminder(
                ReminderKind.SHORTCOMING_OVERDUE,
                row.member_id or "",
                row.member_name,
                row.deadline,
                message,
            )
        )
    return found
