"""Vietnamese is the default; dates and numbers follow its conventions."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from babel.messages.pofile import read_po

from desktop import i18n

CATALOGS = Path(__file__).resolve().parent.parent / "resources" / "translations"


def test_document_dates_read_as_vietnamese():
    assert i18n.format_document_date(date(2026, 12, 3), "An Phú") == (
        "An Phú, ngày 03 tháng 12 năm 2026"
    )
    i18n.set_language("en")
    assert i18n.format_document_date(date(2026, 1, 9)) == "ngày 09 tháng 01 năm 2026"


def test_numbers_and_short_dates_follow_the_language():
    assert i18n.format_number(1234567) == "1.234.567"
    assert i18n.format_date(date(2026, 12, 3)) == "03/12/2026"
    assert i18n.format_percent(0.935) == "93,5%"
    i18n.set_language("en")
    assert i18n.format_number(1234567) == "1,234,567"


def test_default_language_is_vietnamese():
    i18n.set_language(None)
    assert i18n.current_language() == "vi"
    assert i18n.set_language("fr") == "vi"


def _catalog(language: str):
    with (CATALOGS / language / "LC_MESSAGES" / "cellbook.po").open("rb") as handle:
        return read_po(handle)


def test_vietnamese_and_english_catalogs_are_complete():
    for language in ("vi", "en"):
        catalog = _catalog(language)
        missing = [m.id for m in catalog if m.id and (not m.string or m.fuzzy)]
        assert missing == [], f"{language}: {missing[:5]}"


def test_translations_keep_their_placeholders():
    for message in _catalog("vi"):
        if not message.id or isinstance(message.id, tuple):
            continue
        assert set(re.findall(r"\{\w*\}", message.id)) == set(
            re.findall(r"\{\w*\}", message.string)
        ), message.id


def test_catalog_covers_every_string_in_the_code():
    from babel.messages.extract import extract_from_dir

    found = {
        message
        for _file, _line, message, _comments, _context in extract_from_dir(
            str(CATALOGS.parent.parent / "desktop"),
            method_map=[("**.py", "python")],
            keywords={
                "_": None,
                "N_": None,
                "ngettext": (1, 2),
                "pgettext": ((1, "c"), 2),
                "QT_N_": ((1, "c"), 2),
            },
        )
    }
    known = {m.id for m in _catalog("vi") if m.id}
    missing = sorted(str(m) for m in found - known)
    assert missing == []


def test_switching_language_changes_translations():
    i18n.set_language("en")
    assert i18n._("Full name") == "Full name"
    i18n.set_language("vi")
    assert i18n._("Full name") == "Họ và tên"


def test_no_translated_literal_hides_inside_an_f_string():
    """The extractor cannot see into f-strings on Python 3.11: a `_("…")` there
    would never reach the catalog."""
    pattern = re.compile(r"""\bf(["']).*?\{[^}]*\b_\(\s*["']""")
    offenders = []
    for path in (CATALOGS.parent.parent / "desktop").rglob("*.py"):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if pattern.search(line):
                offenders.append(f"{path.name}:{number}")
    assert offenders == []


def test_catalogs_pass_the_checks_of_compiling_them():
    """What `pybabel compile` refuses at set-up (e.g. "20% của" read as a
    %-format next to a {placeholder}) is refused here first."""
    for language in ("vi", "en"):
        with (CATALOGS / language / "LC_MESSAGES" / "cellbook.po").open("rb") as file:
            catalog = read_po(file)
        problems = [
            (message.id, [str(error) for error in errors]) for message, errors in catalog.check()
        ]
        assert problems == [], language
