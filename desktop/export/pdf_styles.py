"""Paragraph styles and text markup of the PDF party document.

Sizes follow guidance 36-HD/VPTW: the header is 14–15 pt whatever the body
size, the body is `Document.body_pt`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm

from desktop.export.fonts import SERIF, SERIF_BOLD, SERIF_BOLD_ITALIC, SERIF_ITALIC
from desktop.export.model import Align, Run, Style

LINE_SPACING = 1.2  # leading / font size ("1.15–1.3 lines" of the guidance)
HEADER_PT = 14
PARTY_NAME_PT = 15
TITLE_PT = 16
RECIPIENTS_PT = 12
FIRST_LINE_INDENT = 1 * cm
BULLET_INDENT = 0.5 * cm  # where the "-" sits
BULLET_TEXT_INDENT = 1 * cm  # where the text and its next lines start
BULLET_MARKS = ("- ", "– ", "-\u00a0")

ALIGNMENTS = {
    Align.LEFT: TA_LEFT,
    Align.CENTRE: TA_CENTER,
    Align.RIGHT: TA_RIGHT,
    Align.JUSTIFY: TA_JUSTIFY,
}

# Control characters other than newline/tab would show as missing glyphs.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def escape_text(text: str) -> str:
    """Text as reportlab mini-markup: &, <, > literal, line breaks kept."""
    text = unicodedata.normalize("NFC", _CONTROL.sub("", text)).replace("\t", " ")
    return escape(text).replace("\r\n", "\n").replace("\n", "<br/>")


def run_markup(run: Run) -> str:
    text = escape_text(run.text)
    if not text:
        return ""
    if run.bold:
        text = f"<b>{text}</b>"
    if run.italic:
        text = f"<i>{text}</i>"
    return text


def runs_markup(runs: tuple[Run, ...]) -> str:
    return "".join(run_markup(run) for run in runs)


def strip_bullet(runs: tuple[Run, ...]) -> tuple[Run, ...]:
    """Drop a "- " the builder typed itself: the bullet style draws its own."""
    if runs:
        first = runs[0]
        for mark in BULLET_MARKS:
            if first.text.startswith(mark):
                return (Run(first.text[len(mark) :], first.bold, first.italic), *runs[1:])
    return runs


def _style(name: str, size: float, font: str = SERIF, **kw: object) -> ParagraphStyle:
    kw.setdefault("leading", size * LINE_SPACING)
    return ParagraphStyle(name, fontName=font, fontSize=size, splitLongWords=1, **kw)


@dataclass(frozen=True)
class PdfStyles:
    body: dict[Style, ParagraphStyle]
    superior: ParagraphStyle
    issuer: ParagraphStyle
    number: ParagraphStyle
    form_code: ParagraphStyle
    party: ParagraphStyle
    place_date: ParagraphStyle
    title: ParagraphStyle
    summary: ParagraphStyle
    recipients_label: ParagraphStyle
    recipients: ParagraphStyle
    signature: ParagraphStyle
    leading: float  # body line height (pt)


@cache
def pdf_styles(body_pt: float) -> PdfStyles:
    after = body_pt * 0.3
    body = {
        Style.BODY: _style(
            "body",
            body_pt,
            alignment=TA_JUSTIFY,
            firstLineIndent=FIRST_LINE_INDENT,
            spaceAfter=after,
        ),
        Style.PLAIN: _style("plain", body_pt, alignment=TA_LEFT, spaceAfter=after),
        Style.SECTION: _style(
            "section",
            body_pt,
            SERIF_BOLD,
            alignment=TA_LEFT,
            spaceBefore=after,
            spaceAfter=after,
            keepWithNext=1,  # a heading never ends a page
        ),
        Style.SUBSECTION: _style(
            "subsection",
            body_pt,
            SERIF_BOLD_ITALIC,
            alignment=TA_LEFT,
            spaceAfter=after,
            keepWithNext=1,
        ),
        Style.CENTRED: _style("centred", body_pt, alignment=TA_CENTER, spaceAfter=after),
        Style.NOTE: _style(
            "note", body_pt - 2, SERIF_ITALIC, alignment=TA_JUSTIFY, spaceAfter=after
        ),
        Style.BULLET: _style(
            "bullet",
            body_pt,
            alignment=TA_JUSTIFY,
            leftIndent=BULLET_TEXT_INDENT,
            bulletIndent=BULLET_INDENT,
            bulletFontName=SERIF,
            bulletFontSize=body_pt,
            spaceAfter=after,
        ),
    }
    header_leading = HEADER_PT * 1.15
    return PdfStyles(
        body=body,
        superior=_style("superior", HEADER_PT, alignment=TA_CENTER, leading=header_leading),
        issuer=_style("issuer", HEADER_PT, SERIF_BOLD, alignment=TA_CENTER, leading=header_leading),
        number=_style("number", HEADER_PT, alignment=TA_CENTER, leading=header_leading),
        form_code=_style(
            "form_code", HEADER_PT - 1, alignment=TA_RIGHT, leading=header_leading, spaceAfter=4
        ),
        party=_style(
            "party", PARTY_NAME_PT, SERIF_BOLD, alignment=TA_CENTER, leading=PARTY_NAME_PT * 1.15
        ),
        place_date=_style(
            "place_date", HEADER_PT, SERIF_ITALIC, alignment=TA_CENTER, leading=header_leading
        ),
        title=_style(
            "title", TITLE_PT, SERIF_BOLD, alignment=TA_CENTER, spaceBefore=TITLE_PT * 1.2
        ),
        summary=_style("summary", HEADER_PT, SERIF_BOLD, alignment=TA_CENTER),
        recipients_label=_style("recipients_label", RECIPIENTS_PT, SERIF_BOLD_ITALIC),
        recipients=_style("recipients", RECIPIENTS_PT, leading=RECIPIENTS_PT * 1.15),
        signature=_style("signature", body_pt, SERIF_BOLD, alignment=TA_CENTER),
        leading=body_pt * LINE_SPACING,
    )


@cache
def cell_style(font_pt: float, align: Align, heading: bool) -> ParagraphStyle:
    """Text of a table cell; heading cells are bold and centred."""
    return _style(
        f"cell-{font_pt}-{align}-{heading}",
        font_pt,
        SERIF_BOLD if heading else SERIF,
        alignment=TA_CENTER if heading else ALIGNMENTS[align],
        leading=font_pt * 1.15,
    )
