"""Small formatting helpers for what the screens show (no widgets here)."""

from __future__ import annotations

from datetime import date

from desktop.i18n import _
from desktop.services.labels import document_type_label, grade_label

__all__ = ["document_type_label", "grade_label", "meeting_day_text", "score_text", "weekday"]


def score_text(score: float | None) -> str:
    """ "92" or "86,5": Qt's locale data, already loaded for the first screen."""
    if score is None:
        return ""
    from desktop.ui.qt.core import QLocale

    return QLocale().toString(float(score), "f", 0 if float(score).is_integer() else 1)


def weekday(value: date) -> str:
    """ "Thứ Năm" / "Thursday", from Qt's own locale data (Babel's takes
    longer to load, and this is on the first screen)."""
    from desktop.ui.qt.core import QLocale

    text = QLocale().dayName(value.isoweekday())
    return text[:1].upper() + text[1:]


def meeting_day_text(day: int) -> str:
    return _("Day {day} of every month").format(day=day)
