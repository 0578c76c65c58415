"""The Word copy of a party document, for the secretary who edits before printing.

Lays a renderer-neutral `Document` out with python-docx as close as Word
allows to the PDF: A4, Times New Roman, the two header blocks side by side in
a borderless table, tables whose heading row repeats on every page, and the
signature blocks side by side at the foot. Page numbers start on page 2.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import UTC, datetime
from pathlib import Path
from typing import BinaryIO

import docx
from docx.document import Document as WordDocument
from docx.enum.section import WD_SECTION
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_ROW_HEIGHT_RULE
from docx.enum.text import (
    WD_ALIGN_PARAGRAPH,
    WD_BREAK,
    WD_TAB_ALIGNMENT,
    WD_TAB_LEADER,
)
from docx.shared import Length, Mm, Pt
from docx.table import _Cell
from docx.text.paragraph import Paragraph as WordParagraph

from desktop.export import docx_xml
from desktop.export.model import (
    Align,
    Closing,
    Document,
    DottedLines,
    Header,
    PageBreak,
    Paragraph,
    Run,
    Signature,
    Style,
    Table,
)

# Fixed words of the party-document format: Vietnamese in every language.
PARTY_NAME = "ĐẢNG CỘNG SẢN VIỆT NAM"
RECIPIENTS_LABEL = "Nơi nhận:"

FONT = "Times New Roman"
LANGUAGE = "vi-VN"
AUTHOR = "CellBook"
PAGE_WIDTH_MM = 210
PAGE_HEIGHT_MM = 297
HEADER_LEFT_SHARE = 0.43  # the issuing body's block; the party name takes the rest
PAGE_NUMBER_PT = 11
PARTY_NAME_PT = 15
HEADER_CODE_PT = 13  # a printed form's code above the header
TITLE_PT = 16
RULE_MM = 60  # the short line under the party name
CLOSING_PT = 12
SIGNATURE_ROOM_LINES = 4
LINE_SPACING = 1.2
SPACE_AFTER = Pt(3)
BULLET_MARKS = ("- ", "– ", "-\u00a0")  # a bullet whose text starts so gets no second dash

# Characters XML cannot hold (python-docx would refuse them); newline and tab stay.
_NOT_XML = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\ud800-\udfff\ufffe\uffff]")

_ALIGN = {
    Align.LEFT: WD_ALIGN_PARAGRAPH.LEFT,
    Align.CENTRE: WD_ALIGN_PARAGRAPH.CENTER,
    Align.RIGHT: WD_ALIGN_PARAGRAPH.RIGHT,
    Align.JUSTIFY: WD_ALIGN_PARAGRAPH.JUSTIFY,
}


def render_docx(document: Document, target: Path | BinaryIO) -> None:
    """Write `document` as a .docx file to a path or a binary stream."""
    word = docx.Document()
    _set_up_page(word, document)
    _set_up_styles(word, document.body_pt)
    _properties(word, document)
    text_width = Mm(PAGE_WIDTH_MM - document.margins.left - document.margins.right)
    _header(word, document.header, text_width)
    _title(word, document)
    for block in document.blocks:
        if isinstance(block, Paragraph):
            _paragraph(word.add_paragraph(), block, document.body_pt)
        elif isinstance(block, Table):
            _table(word, block, text_width)
        elif isinstance(block, DottedLines):
            _dotted_lines(word, block, text_width)
        elif isinstance(block, Closing):
            _closing(word, block, text_width)
        elif isinstance(block, PageBreak):
            word.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    word.save(str(target) if isinstance(target, Path) else target)


def _set_up_page(word: WordDocument, document: Document) -> None:
    section = word.sections[0]
    section.start_type = WD_SECTION.NEW_PAGE
    section.page_width = Mm(PAGE_WIDTH_MM)
    section.page_height = Mm(PAGE_HEIGHT_MM)
    margins = document.margins
    section.top_margin = Mm(margins.top)
    section.bottom_margin = Mm(margins.bottom)
    section.left_margin = Mm(margins.left)
    section.right_margin = Mm(margins.right)
    section.header_distance = Mm(min(10, margins.top / 2))
    section.footer_distance = Mm(min(10, margins.bottom / 2))
    # Party documents number their pages from page 2, at the top centre.
    section.different_first_page_header_footer = True
    section.first_page_header.is_linked_to_previous = False
    number = section.header.paragraphs[0]
    number.alignment = WD_ALIGN_PARAGRAPH.CENTER
    docx_xml.page_field(number, Pt(PAGE_NUMBER_PT))


def _set_up_styles(word: WordDocument, body_pt: float) -> None:
    half_points = round(body_pt * 2)
    docx_xml.set_fonts(docx_xml.doc_defaults_rpr(word.styles.element), FONT, half_points, LANGUAGE)
    normal = word.styles["Normal"]
    docx_xml.set_fonts(normal.element.get_or_add_rPr(), FONT, half_points, LANGUAGE)
    spacing = normal.paragraph_format
    spacing.space_before = Pt(0)
    spacing.space_after = SPACE_AFTER
    spacing.line_spacing = LINE_SPACING


def _properties(word: WordDocument, document: Document) -> None:
    properties = word.core_properties
    properties.title = " ".join([document.title, *document.summary]).strip()
    properties.author = AUTHOR
    properties.last_modified_by = AUTHOR
    properties.comments = ""
    properties.keywords = document.kind
    now = datetime.now(UTC).replace(microsecond=0)
    properties.created = now
    properties.modified = now
    properties.revision = 1


# -- text ----------------------------------------------------------------------------


def _tight(paragraph: WordParagraph, align: WD_ALIGN_PARAGRAPH) -> WordParagraph:
    """Single-spaced, no gap after: lines inside table cells."""
    paragraph.alignment = align
    paragraph.paragraph_format.space_after = Pt(0)
    paragraph.paragraph_format.line_spacing = 1.0
    return paragraph


def _line(
    paragraph: WordParagraph,
    text: str,
    size_pt: float | None = None,
    bold: bool = False,
    italic: bool = False,
) -> WordParagraph:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    run = paragraph.add_run(unicodedata.normalize("NFC", _NOT_XML.sub("", text)))
    run.bold = bold or None
    run.italic = italic or None
    if size_pt is not None:
        run.font.size = Pt(size_pt)
    return paragraph


def _cell_line(cell: _Cell, first: bool) -> WordParagraph:
    """The cell's own empty paragraph for its first line, a new one after that."""
    return _tight(cell.paragraphs[0] if first else cell.add_paragraph(), WD_ALIGN_PARAGRAPH.CENTER)


def _header(word: WordDocument, header: Header, text_width: Length) -> None:
    """Issuing body at the left, party name at the right; number and date share a row."""
    if header.form_code:
        code = word.add_paragraph()
        code.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        code.paragraph_format.space_after = Pt(3)
        _line(code, header.form_code, size_pt=HEADER_CODE_PT)
    table = word.add_table(rows=2, cols=2)
    left_width = Mm(text_width.mm * HEADER_LEFT_SHARE)
    widths = [left_width, Length(text_width - left_width)]
    docx_xml.no_borders(table)
    docx_xml.fixed_layout(table, widths)
    docx_xml.cell_margins(table, Mm(0), Mm(0))
    top_left, top_right = table.rows[0].cells
    bottom_left, bottom_right = table.rows[1].cells
    lines = [(header.superior_body, False), (header.issuing_body, True), ("*", False)]
    for index, (text, bold) in enumerate(line for line in lines if line[0]):
        _line(_cell_line(top_left, index == 0), text, bold=bold)
    _line(_cell_line(top_right, True), PARTY_NAME, size_pt=PARTY_NAME_PT, bold=True)
    rule = _cell_line(top_right, False)
    indent = Mm(max(0.0, (widths[1].mm - RULE_MM) / 2))
    rule.paragraph_format.left_indent = indent
    rule.paragraph_format.right_indent = indent
    docx_xml.top_border(rule)
    _line(rule, "", size_pt=4)  # keeps the rule's line short
    rule.paragraph_format.line_spacing = Pt(4)
    _line(_cell_line(bottom_left, True), header.number_symbol)
    _line(_cell_line(bottom_right, True), header.place_date, italic=True)
    for row in table.rows:
        docx_xml.cant_split(row)


def _title(word: WordDocument, document: Document) -> None:
    paragraph = word.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.space_before = Pt(18)
    paragraph.paragraph_format.space_after = Pt(0)
    paragraph.paragraph_format.keep_with_next = True
    _line(paragraph, document.title, size_pt=TITLE_PT, bold=True)
    for summary in document.summary:
        line = word.add_paragraph()
        line.alignment = WD_ALIGN_PARAGRAPH.CENTER
        line.paragraph_format.space_after = Pt(0)
        line.paragraph_format.keep_with_next = True
        _line(line, summary, bold=True)
    word.paragraphs[-1].paragraph_format.space_after = Pt(12)


def _paragraph(out: WordParagraph, block: Paragraph, body_pt: float) -> None:
    """One body paragraph; its style decides alignment, indent, weight and size."""
    style = block.style
    fmt = out.paragraph_format
    bold = style in (Style.SECTION, Style.SUBSECTION)
    italic = style in (Style.SUBSECTION, Style.NOTE)
    size = body_pt - 2 if style is Style.NOTE else None
    runs = list(block.runs)
    if style is Style.BODY:
        out.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        fmt.first_line_indent = Mm(10)
    elif style is Style.CENTRED:
        out.alignment = WD_ALIGN_PARAGRAPH.CENTER
    elif style is Style.NOTE:
        out.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    elif style is Style.BULLET:
        out.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        fmt.left_indent = Mm(10)
        fmt.first_line_indent = Mm(-5)
        if not block.text.startswith(BULLET_MARKS):
            runs.insert(0, Run("- "))
    else:
        out.alignment = WD_ALIGN_PARAGRAPH.LEFT
    if style in (Style.SECTION, Style.SUBSECTION):
        fmt.space_before = Pt(6)
    if style in (Style.SECTION, Style.SUBSECTION) or block.keep_with_next:
        fmt.keep_with_next = True
    for run in runs:
        _line(out, run.text, size, bold=bold or run.bold, italic=italic or run.italic)


def _dotted_lines(word: WordDocument, block: DottedLines, text_width: Length) -> None:
    """Lines of dots the full width: a right tab with a dotted leader."""
    for index in range(block.count):
        line = word.add_paragraph()
        line.paragraph_format.line_spacing = 1.5
        line.paragraph_format.space_after = Pt(0)
        line.paragraph_format.tab_stops.add_tab_stop(
            text_width, WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS
        )
        label = block.label if index == 0 and block.label else ""
        line.add_run(f"{label} \t" if label else "\t")


# -- tables --------------------------------------------------------------------------


def _table(word: WordDocument, block: Table, text_width: Length) -> None:
    """A grid; the heading row repeats on every page and rows do not split."""
    if not block.columns:
        return
    total = sum(column.width for column in block.columns) or 1.0
    widths = [Length(round(text_width * column.width / total)) for column in block.columns]
    table = word.add_table(rows=1 + len(block.rows), cols=len(block.columns))
    table.style = word.styles["Table Grid"]
    docx_xml.fixed_layout(table, widths)
    docx_xml.cell_margins(table, Mm(1.5), Mm(1.5))
    for row_index, row in enumerate(table.rows):
        docx_xml.cant_split(row)
        heading = row_index == 0
        if heading:
            docx_xml.repeat_as_heading(row)
            texts = [column.title for column in block.columns]
        else:
            values = block.rows[row_index - 1]
            texts = [values[i] if i < len(values) else "" for i in range(len(block.columns))]
        if block.min_row_height_mm and not heading:
            row.height = Mm(block.min_row_height_mm)
            row.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
        for cell, column, text in zip(row.cells, block.columns, texts, strict=True):
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
            align = WD_ALIGN_PARAGRAPH.CENTER if heading else _ALIGN[column.align]
            _line(_tight(cell.paragraphs[0], align), text, block.font_pt, bold=heading)
    _spacer(word, 6)


def _closing(word: WordDocument, block: Closing, text_width: Length) -> None:
    """ "Nơi nhận" or the left signature, beside the right signature; no borders."""
    if not (block.recipients or block.left or block.right):
        return
    _spacer(word, 12)
    table = word.add_table(rows=1, cols=2)
    half = Length(text_width // 2)
    docx_xml.no_borders(table)
    docx_xml.fixed_layout(table, [half, Length(text_width - half)])
    docx_xml.cell_margins(table, Mm(0), Mm(0))
    docx_xml.cant_split(table.rows[0])
    left, right = table.rows[0].cells
    if block.recipients:
        label = _tight(left.paragraphs[0], WD_ALIGN_PARAGRAPH.LEFT)
        _line(label, RECIPIENTS_LABEL, CLOSING_PT, bold=True, italic=True)
        for recipient in block.recipients:
            _line(_tight(left.add_paragraph(), WD_ALIGN_PARAGRAPH.LEFT), recipient, CLOSING_PT)
    elif block.left is not None:
        _signature(left, block.left)
    if block.right is not None:
        _signature(right, block.right)
    _spacer(word, 6)


def _spacer(word: WordDocument, height_pt: float) -> None:
    """An empty line of a set height; it also keeps two tables in a row from merging."""
    spacer = word.add_paragraph()
    spacer.paragraph_format.space_after = Pt(0)
    spacer.paragraph_format.line_spacing = Pt(height_pt)
    _line(spacer, "", size_pt=min(height_pt, 6))


def _signature(cell: _Cell, signature: Signature) -> None:
    """Roles, empty lines to sign in, then the name; all bold and centred."""
    lines = [*signature.roles, *[""] * SIGNATURE_ROOM_LINES, signature.name]
    for index, text in enumerate(lines):
        _line(_cell_line(cell, index == 0), text, bold=True)
