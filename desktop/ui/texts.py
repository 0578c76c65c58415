"""Small formatting helpers for what the screens show (no widgets here)."""

from __future__ import annotations

from datetime import date

from desktop.i18n import _, babel_locale, format_number
from desktop.services.labels import document_type_label, grade_label

__all__ = ["document_type_label", "grade_label", "meeting_day_text", "score_text", "weekday"]


def score_text(score: float | None) -> str:
    if score is None:
        return ""
    return format_number(score, 0 if float(score).is_integer() else 1)


def weekday(value: date) -> str:
    from babel.dates import format_date

    text = format_date(value, "EEEE", locale=babel_locale())
    return text[:1].upper() + text[1:]


def meeting_day_text(day: int) -> str:
    return _("Day {day} of every month").format(day=day)
