"""What every party document of the book shares: its header and page."""

from __future__ import annotations

import gettext
from collections.abc import Callable
from datetime import date, time
from enum import StrEnum
from typing import TYPE_CHECKING

from desktop.data.enums import DocumentType, OrgKind
from desktop.data.models import DocumentRecord, Organisation
from desktop.data.text import fold
from desktop.export.model import Header, Margins, Signature
from desktop.i18n import format_document_date, translations_for
from desktop.rules.ruleset import RuleSet
from desktop.services.book import LOCAL_UNIT_PREFIXES

if TYPE_CHECKING:
    from desktop.services.book import Book

# Printed where a number will be written once the document is issued.
UNISSUED_NUMBER = "\u00a0" * 6  # no-break spaces: a PDF would collapse plain ones
BLANK_DATE = "……………, ngày …… tháng …… năm 20……"

Translate = Callable[[str], str]


def document_gettext(language: str = "vi") -> Translate:
    """The translation function for a document's words.

    Party documents are Vietnamese whatever the screen's language; builders
    bind `_ = document_gettext(language)` so their English source strings are
    extracted into the catalog like any other.
    """
    translations: gettext.NullTranslations = translations_for(language)
    return translations.gettext


def number_symbol(org: Organisation, doc_type: DocumentType, record: DocumentRecord | None) -> str:
    """ "Số 05-BB/CB" when issued, "Số     -BB/CB" before."""
    if record is not None:
        return record.symbol
    return f"Số {UNISSUED_NUMBER}-{doc_type.value}/{org.issuer_code or 'CB'}"


def header(
    org: Organisation,
    day: date | None,
    doc_type: DocumentType | None = None,
    record: DocumentRecord | None = None,
) -> Header:
    """The header blocks; `day=None` leaves the date line to fill in by hand."""
    place = org.place_name or org.commune_name
    return Header(
        superior_body=(org.superior_line or "").upper(),
        issuing_body=(org.issuer_line or org.name).upper(),
        number_symbol=number_symbol(org, doc_type, record) if doc_type is not None else "",
        place_date=format_document_date(day, place) if day is not None else BLANK_DATE,
    )


def margins(rules: RuleSet) -> Margins:
    values = rules.margins_mm
    return Margins(
        top=values["top"], bottom=values["bottom"], left=values["left"], right=values["right"]
    )


# --- words shared by the meeting documents ------------------------------------

# Printed where a value is written in by hand.
DOTS = "……………"
SHORT_DOTS = "……"


def comrade(name: str, _: Translate) -> str:
    """ "Đồng chí Nguyễn Văn An"; "" when there is no name."""
    return _("Comrade {name}").format(name=name) if name else ""


def clock(value: time | None, _: Translate) -> str:
    """ "14 giờ 00 phút"; dots to fill in when the time is not known."""
    if value is None:
        return _("{hour} h {minute} min").format(hour=SHORT_DOTS, minute=SHORT_DOTS)
    return _("{hour} h {minute} min").format(hour=value.hour, minute=f"{value.minute:02d}")


def long_date(day: date | None, _: Translate) -> str:
    """ "ngày 03 tháng 12 năm 2026"; dots when there is no date."""
    if day is None:
        return _("day {day} month {month} year {year}").format(
            day=SHORT_DOTS, month=SHORT_DOTS, year="20" + SHORT_DOTS
        )
    return _("day {day} month {month} year {year}").format(
        day=f"{day.day:02d}", month=f"{day.month:02d}", year=day.year
    )


def number_text(value: float, language: str) -> str:
    """A number as the document's language writes it, without needless decimals:
    "79", "87,5", "93,75"."""
    from babel.numbers import format_decimal

    locale = "vi_VN" if language == "vi" else "en_GB"
    return format_decimal(round(value, 2), format="#,##0.##", locale=locale)


def percent_text(percent: float, language: str) -> str:
    """A percentage (0 to 100) as "93,75%"."""
    return number_text(percent, language) + "%"


def file_stem(*parts: object) -> str:
    """A safe ASCII file name from words and numbers: "bien-ban-2026-12"."""
    words = [fold(str(part)) for part in parts if str(part)]
    text = "-".join(words)
    slug = "".join(char if char.isascii() and char.isalnum() else "-" for char in text)
    return "-".join(piece for piece in slug.split("-") if piece) or "document"


# --- the cell's signature and its words for statuses (book documents) ---------


def cell_signature(name: str, _: Translate) -> Signature:
    """ "T/M CHI BỘ" over "BÍ THƯ", with the secretary's name."""
    return Signature((_("ON BEHALF OF THE PARTY CELL"), _("SECRETARY")), name)


def secretary_name(book: Book, day: date) -> str:
    """The name of the cell's secretary on `day`; "" if there was none."""
    from desktop.services.committee import CommitteeService

    holder = CommitteeService(book, today=day).secretary()
    return holder.full_name if holder is not None else ""


def enum_text(value: StrEnum, _: Translate) -> str:
    """A closed vocabulary's label (desktop.services.labels) in the document's language."""
    from desktop.services.labels import ENUM_LABELS

    return _(ENUM_LABELS.get(value, str(value)))


def cell_name(org: Organisation) -> str:
    """The cell as a sentence names it: "Chi bộ thôn An Hòa"."""
    name = " ".join(org.name.split())
    if org.kind is not OrgKind.CELL or name.lower().startswith("chi bộ"):
        return name
    return f"Chi bộ {name}"


def commune_unit(org: Organisation) -> str:
    """The commune with its kind of unit: "xã An Phú", "phường Hòa Bình"."""
    name = " ".join(org.commune_name.split())
    if not name:
        return ""
    for prefix in LOCAL_UNIT_PREFIXES:
        if name.lower().startswith(prefix):
            return prefix + name[len(prefix) :]
    return f"xã {name}"


def superior_committee(org: Organisation, _: Translate) -> str:
    """ "Đảng ủy xã An Phú"."""
    unit = commune_unit(org)
    return _("Party Committee of {unit}").format(unit=unit) if unit else _("Party Committee")


def weekday(day: date, language: str) -> str:
    """ "thứ Năm", "Chủ nhật" (Vietnamese), "Thursday" (English)."""
    from babel.dates import format_date

    if language != "vi":
        return format_date(day, "EEEE", locale="en_GB")
    name = format_date(day, "EEEE", locale="vi_VN")
    return "Chủ nhật" if name.startswith("Chủ") else name.replace("Thứ", "thứ", 1)
