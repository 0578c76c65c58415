"""What every party document of the book shares: its header and page."""

from __future__ import annotations

import gettext
from collections.abc import Callable
from datetime import date

from desktop.data.enums import DocumentType
from desktop.data.models import DocumentRecord, Organisation
from desktop.export.model import Header, Margins
from desktop.i18n import format_document_date, translations_for
from desktop.rules.ruleset import RuleSet

# Printed where a number will be written once the document is issued.
UNISSUED_NUMBER = "    "
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
