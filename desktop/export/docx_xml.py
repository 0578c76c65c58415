"""WordprocessingML details python-docx has no API for.

Kept apart from `desktop.export.docx` so the renderer reads as layout and the
raw XML lives in one place: fonts for every script, borders, repeating
heading rows, rows that must not split, and the PAGE field.
"""

from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Length
from docx.table import Table, _Row
from docx.text.paragraph import Paragraph
from docx.text.run import Run
from lxml import etree

_FONT_ATTRIBUTES = ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs")
_THEME_ATTRIBUTES = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")
_BORDER_SIDES = ("top", "left", "bottom", "right", "insideH", "insideV")

# Schema order of the children we add: Word rejects a file whose elements are
# out of order, so a new child goes before the first sibling that must follow it.
_ORDER = tuple(
    f"w:{name}"
    for name in (
        # w:rPr
        "rStyle rFonts b bCs i iCs caps smallCaps strike dstrike vanish color spacing kern "
        "position sz szCs highlight u vertAlign rtl cs lang "
        # w:pPr
        "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr pBdr shd tabs "
        "bidi snapToGrid spacing ind contextualSpacing jc textAlignment outlineLvl rPr sectPr "
        # w:tblPr
        "tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize tblW "
        "tblCellSpacing tblInd tblBorders tblLayout tblCellMar tblLook "
        # w:trPr
        "cnfStyle gridBefore gridAfter wBefore wAfter cantSplit trHeight tblHeader"
    ).split()
)


def _child(parent: etree._Element, tag: str) -> etree._Element:
    """The first `tag` child of `parent`, inserted in schema order when missing."""
    found = parent.find(qn(tag))
    if found is None:
        found = OxmlElement(tag)
        later = {qn(name) for name in _ORDER[_ORDER.index(tag) + 1 :]} if tag in _ORDER else set()
        successor = next((child for child in parent if child.tag in later), None)
        if successor is None:
            parent.append(found)
        else:
            successor.addprevious(found)
    return found


def set_fonts(rpr: etree._Element, name: str, size_half_points: int, language: str) -> None:
    """One font for Latin, East Asian and complex scripts, with no theme font.

    Word prefers a theme font over a named one, and picks the east-asian or
    complex-script slot for some Vietnamese letters, so every slot is set.
    """
    fonts = _child(rpr, "w:rFonts")
    for attribute in _THEME_ATTRIBUTES:
        fonts.attrib.pop(qn(attribute), None)
    for attribute in _FONT_ATTRIBUTES:
        fonts.set(qn(attribute), name)
    for tag in ("w:sz", "w:szCs"):
        _child(rpr, tag).set(qn("w:val"), str(size_half_points))
    lang = _child(rpr, "w:lang")
    lang.set(qn("w:val"), language)
    lang.set(qn("w:eastAsia"), language)


def doc_defaults_rpr(styles_element: etree._Element) -> etree._Element:
    """The run properties every style inherits (w:docDefaults/w:rPrDefault/w:rPr)."""
    defaults = _child(styles_element, "w:docDefaults")
    return _child(_child(defaults, "w:rPrDefault"), "w:rPr")


def run_fonts(run: Run, name: str) -> None:
    """Name the font on a run for every script (runs with their own size)."""
    fonts = run._r.get_or_add_rPr().get_or_add_rFonts()
    for attribute in _FONT_ATTRIBUTES:
        fonts.set(qn(attribute), name)


def no_borders(table: Table) -> None:
    """A layout table: no lines at all, whatever style Word applies."""
    tbl_pr = table._tbl.tblPr
    borders = _child(tbl_pr, "w:tblBorders")
    for side in _BORDER_SIDES:
        _child(borders, f"w:{side}").set(qn("w:val"), "nil")


def fixed_layout(table: Table, widths: list[Length]) -> None:
    """Column widths Word keeps instead of fitting them to the text."""
    table.autofit = False
    tbl_pr = table._tbl.tblPr
    _child(tbl_pr, "w:tblLayout").set(qn("w:type"), "fixed")
    width = _child(tbl_pr, "w:tblW")
    width.set(qn("w:w"), str(sum(w.twips for w in widths)))
    width.set(qn("w:type"), "dxa")
    for column, value in zip(table.columns, widths, strict=True):
        column.width = value
    for row in table.rows:
        for cell, value in zip(row.cells, widths, strict=True):
            cell.width = value


def cell_margins(table: Table, left: Length, right: Length) -> None:
    """Inner left/right padding of every cell."""
    margins = _child(table._tbl.tblPr, "w:tblCellMar")
    for side, value in (("left", left), ("right", right)):
        element = _child(margins, f"w:{side}")
        element.set(qn("w:w"), str(value.twips))
        element.set(qn("w:type"), "dxa")


def _row_property(row: _Row, tag: str) -> None:
    _child(row._tr.get_or_add_trPr(), tag)


def repeat_as_heading(row: _Row) -> None:
    """Print this row again at the top of every page the table runs onto."""
    _row_property(row, "w:tblHeader")


def cant_split(row: _Row) -> None:
    """Keep the row on one page."""
    _row_property(row, "w:cantSplit")


def top_border(paragraph: Paragraph, size_eighths: int = 6) -> None:
    """A single line above the paragraph, as wide as its indents allow."""
    p_pr = paragraph._p.get_or_add_pPr()
    borders = _child(p_pr, "w:pBdr")
    top = _child(borders, "w:top")
    for key, value in (("val", "single"), ("sz", str(size_eighths)), ("space", "1")):
        top.set(qn(f"w:{key}"), value)
    top.set(qn("w:color"), "auto")


def page_field(paragraph: Paragraph, size: Length) -> None:
    """A PAGE field: Word and LibreOffice print the page's number there."""

    def add(kind: str, text: str = "") -> None:
        run = paragraph.add_run()
        run.font.size = size
        if kind == "instr":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            run._r.append(instr)
        elif kind == "text":
            run.text = text
        else:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)

    add("begin")
    add("instr", " PAGE ")
    add("separate")
    add("text", "2")
    add("end")
