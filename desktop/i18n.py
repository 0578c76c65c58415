"""Translations and locale formats, with Vietnamese as the default.

Source strings are English and wrapped in `_()` (or `N_()` where they must be
translated later, e.g. module-level labels). Catalogs live in
`resources/translations/<lang>/LC_MESSAGES/cellbook.po`; the compiled `.mo`
is made at set-up, and compiled in memory if it is missing or stale.
"""

from __future__ import annotations

import gettext
from datetime import date, datetime
from pathlib import Path

from desktop.paths import resources_dir

DOMAIN = "cellbook"
DEFAULT_LANGUAGE = "vi"
LANGUAGES: dict[str, str] = {"vi": "Tiếng Việt", "en": "English"}

_translations: gettext.NullTranslations = gettext.NullTranslations()
_language: str = ""


def catalog_dir() -> Path:
    return resources_dir() / "translations"


def _load(language: str) -> gettext.NullTranslations:
    folder = catalog_dir() / language / "LC_MESSAGES"
    po, mo = folder / f"{DOMAIN}.po", folder / f"{DOMAIN}.mo"
    if mo.exists() and (not po.exists() or mo.stat().st_mtime >= po.stat().st_mtime):
        with mo.open("rb") as handle:
            return gettext.GNUTranslations(handle)
    if po.exists():
        return _compile_in_memory(po)
    return gettext.NullTranslations()


def _compile_in_memory(po: Path) -> gettext.NullTranslations:
    import io

    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po.open("rb") as handle:
        catalog = read_po(handle)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


def set_language(language: str | None) -> str:
    """Switch the process to `language` (falls back to Vietnamese)."""
    global _translations, _language
    chosen = language if language in LANGUAGES else DEFAULT_LANGUAGE
    if chosen != _language:
        _translations = _load(chosen)
        _language = chosen
    return chosen


def current_language() -> str:
    if not _language:
        set_language(DEFAULT_LANGUAGE)
    return _language


def _(message: str) -> str:
    if not _language:
        set_language(DEFAULT_LANGUAGE)
    return _translations.gettext(message)


_by_language: dict[str, gettext.NullTranslations] = {}


def translations_for(language: str) -> gettext.NullTranslations:
    """The catalog of `language` without switching the process's language.

    Party documents are printed in Vietnamese whatever language the screen
    uses, so their builders translate through this.
    """
    chosen = language if language in LANGUAGES else DEFAULT_LANGUAGE
    if chosen not in _by_language:
        _by_language[chosen] = _load(chosen)
    return _by_language[chosen]


def N_(message: str) -> str:
    """Mark a string for extraction; translate it later with `_()`."""
    return message


def ngettext(singular: str, plural: str, n: int) -> str:
    if not _language:
        set_language(DEFAULT_LANGUAGE)
    return _translations.ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    if not _language:
        set_language(DEFAULT_LANGUAGE)
    return _translations.pgettext(context, message)


# --- Locale formats (Babel) ------------------------------------------------


def babel_locale() -> str:
    return "vi_VN" if current_language() == "vi" else "en_GB"


def format_date(value: date | None) -> str:
    """Short date as people write it: 03/12/2026 (both languages use day first).

    A fixed numeric pattern needs no locale data, so this skips loading Babel's
    (it is on the first screen drawn).
    """
    if value is None:
        return ""
    return f"{value.day:02d}/{value.month:02d}/{value.year:04d}"


def format_datetime(value: datetime | None) -> str:
    if value is None:
        return ""
    from babel.dates import format_datetime as babel_format_datetime

    return babel_format_datetime(value, "HH:mm dd/MM/yyyy", locale=babel_locale())


def format_document_date(value: date, place: str = "") -> str:
    """The dateline of a party document, always Vietnamese:
    "An Phú, ngày 03 tháng 12 năm 2026"."""
    from babel.dates import format_date as babel_format_date

    text = babel_format_date(value, "'ngày' dd 'tháng' MM 'năm' yyyy", locale="vi_VN")
    return f"{place}, {text}" if place else text


def format_month(value: date) -> str:
    """A month heading: "Tháng 12/2026" / "December 2026"."""
    from babel.dates import format_date as babel_format_date

    if current_language() == "vi":
        return f"Tháng {value.month:02d}/{value.year}"
    return babel_format_date(value, "MMMM yyyy", locale=babel_locale())


def format_number(value: float | int, decimals: int | None = None) -> str:
    """1.234.567 in Vietnamese, 1,234,567 in English."""
    from babel.numbers import format_decimal

    if decimals is None:
        return format_decimal(value, locale=babel_locale())
    pattern = "#,##0." + "0" * decimals if decimals else "#,##0"
    return format_decimal(value, format=pattern, locale=babel_locale())


def format_percent(value: float, decimals: int = 1) -> str:
    return format_number(value * 100, decimals) + "%"
