"""A personal review as plain text, section by section, to read while it is
discussed or voted on (never logged, never indexed)."""

from __future__ import annotations

from desktop.i18n import _, current_language
from desktop.rules import RuleSet
from desktop.services.reviews import ReviewTexts
from desktop.ui.reviews.common import level_text

TEXT_SECTIONS = ("strengths", "shortcomings", "earlier_fixes", "responsibility", "remedies")
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII")


def section_titles(rules: RuleSet, form_id: str) -> list[tuple[str, str]]:
    """(section id, "I. title") for the text sections of the form, then the level."""
    form = rules.review_form(form_id)
    language = current_language()
    if form is None:
        from desktop.services.labels import field_label

        ids = [*TEXT_SECTIONS, "self_level"]
        return [(s, f"{ROMAN[n]}. {field_label(s)}") for n, s in enumerate(ids)]
    ordered = [s for s in form.sections if s.id in TEXT_SECTIONS] + [
        s for s in form.sections if s.id == "self_level"
    ]
    return [(s.id, f"{ROMAN[n]}. {s.title(language)}") for n, s in enumerate(ordered)]


def review_text(rules: RuleSet, form_id: str, texts: ReviewTexts) -> str:
    parts = []
    for section_id, title in section_titles(rules, form_id):
        if section_id == "self_level":
            body = level_text(rules, texts.self_level)
        else:
            body = getattr(texts, section_id).strip()
        nothing = _("(nothing written)")
        parts.append(f"{title}\n{body or nothing}")
    return "\n\n".join(parts)
