"""A `Document` printed as a PDF party document (guidance 36-HD/VPTW).

A4, Liberation Serif embedded as subsets, the two header blocks on the first
page, page numbers from page 2 on. Text never leaves the margin box: the page
number sits in a band inside it, above the text of pages 2 onwards.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from io import BytesIO
from pathlib import Path
from typing import BinaryIO

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Spacer,
)
from reportlab.platypus import PageBreak as RLPageBreak
from reportlab.platypus import Paragraph as RLParagraph

from desktop.export import model, pdf_blocks
from desktop.export.fonts import SERIF, register_fonts
from desktop.export.pdf_styles import PdfStyles, escape_text, pdf_styles

APP_NAME = "CellBook"
PAGE_NUMBER_FORMAT = "{page}"
PAGE_NUMBER_PT = 11
TABLE_ROWS_KEPT = 3  # a heading over a table moves on if fewer rows than this fit under it
PAGE_NUMBER_BAND = 8 * mm  # top of the text frame given to the page number, pages 2+


class _PartyDocument(BaseDocTemplate):
    def __init__(self, target: BinaryIO, document: model.Document) -> None:
        margins = document.margins
        super().__init__(
            target,
            pagesize=A4,
            leftMargin=margins.left * mm,
            rightMargin=margins.right * mm,
            topMargin=margins.top * mm,
            bottomMargin=margins.bottom * mm,
            title=_title(document),
            author=APP_NAME,
            creator=APP_NAME,
            subject=document.header.issuing_body,
            lang="vi",
            initialFontName=SERIF,  # otherwise every page lists an unembedded Helvetica
            initialFontSize=document.body_pt,
        )
        frame = dict(leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        first = Frame(
            self.leftMargin, self.bottomMargin, self.width, self.height, id="first", **frame
        )
        later = Frame(
            self.leftMargin,
            self.bottomMargin,
            self.width,
            self.height - PAGE_NUMBER_BAND,
            id="later",
            **frame,
        )
        self.addPageTemplates(
            [
                PageTemplate("first", [first], autoNextPageTemplate="later"),
                PageTemplate("later", [later], onPage=self._page_number),
            ]
        )

    def _page_number(self, canvas: Canvas, _doc: BaseDocTemplate) -> None:
        canvas.saveState()
        canvas.setFont(SERIF, PAGE_NUMBER_PT)
        top = self.bottomMargin + self.height
        canvas.drawCentredString(
            self.leftMargin + self.width / 2,
            top - PAGE_NUMBER_PT,
            PAGE_NUMBER_FORMAT.format(page=canvas.getPageNumber()),
        )
        canvas.restoreState()


def _title(document: model.Document) -> str:
    parts = [document.title.strip(), *(line.strip() for line in document.summary[:1])]
    return " – ".join(part for part in parts if part)


def story(document: model.Document, width: float, height: float) -> Iterator[Flowable]:
    """The flowables of a document, top to bottom."""
    styles: PdfStyles = pdf_styles(document.body_pt)
    if document.header.form_code:
        yield RLParagraph(escape_text(document.header.form_code), styles.form_code)
    yield pdf_blocks.header(document.header, styles, width)
    if document.title:
        yield RLParagraph(escape_text(document.title.upper()), styles.title)
    for line in document.summary:
        yield RLParagraph(escape_text(line), styles.summary)
    yield Spacer(1, styles.leading * 0.6)
    held: list[Flowable] = []  # the last lines before signatures
    blocks = document.blocks
    for index, block in enumerate(blocks):
        flowables = list(_block(block, styles, width, height))
        if index + 1 < len(blocks) and isinstance(blocks[index + 1], model.Table):
            flowables = _before_table(flowables, styles.leading)
        if isinstance(block, model.Closing) and held:
            # Signatures never stand alone on a page: the last lines go with them.
            yield KeepTogether([*held, *_unnested(flowables)])
            held = []
            continue
        yield from held
        held = []
        if isinstance(block, model.Paragraph):
            held = flowables
        else:
            yield from flowables
    yield from held


def _before_table(flowables: list[Flowable], leading: float) -> list[Flowable]:
    """A heading over a table: kept with the table's first rows only. Kept
    with the whole table, a table that fits on a page would leave the rest of
    this page empty."""
    if not any(getattr(f, "getKeepWithNext", lambda: False)() for f in flowables):
        return flowables
    for flowable in flowables:
        flowable.keepWithNext = 0
    return [CondPageBreak(leading * (len(flowables) + TABLE_ROWS_KEPT * 2)), *flowables]


def _unnested(flowables: list[Flowable]) -> Iterator[Flowable]:
    """The contents of any KeepTogether among `flowables`: one nested in another
    measures as taller than any page, and would push everything to a new page."""
    for flowable in flowables:
        if isinstance(flowable, KeepTogether):
            yield from flowable._content
        else:
            yield flowable


def _block(
    block: model.Block, styles: PdfStyles, width: float, height: float
) -> Iterator[Flowable]:
    if isinstance(block, model.Paragraph):
        paragraph = pdf_blocks.paragraph(block, styles)
        if block.keep_with_next:
            paragraph.keepWithNext = 1
        yield paragraph
    elif isinstance(block, model.Table):
        table = pdf_blocks.table(block, width, height - PAGE_NUMBER_BAND)
        if table is not None:
            yield table
    elif isinstance(block, model.DottedLines):
        yield from pdf_blocks.dotted_lines(block, styles, width)
    elif isinstance(block, model.Closing):
        yield pdf_blocks.closing(block, styles, width)
    elif isinstance(block, model.PageBreak):
        yield RLPageBreak()


def _render(document: model.Document) -> tuple[bytes, int]:
    register_fonts()
    buffer = BytesIO()
    template = _PartyDocument(buffer, document)
    template.build(list(story(document, template.width, template.height)))
    return buffer.getvalue(), template.page


def pdf_bytes(document: model.Document) -> bytes:
    """The PDF file's bytes (previews, bundles)."""
    return _render(document)[0]


def render_pdf(document: model.Document, target: Path | BinaryIO) -> int:
    """Write `document` as a PDF to a path or binary stream; returns the page count.

    A path is written through a temporary file and renamed, so a failed
    export never leaves half a PDF where the last good one was.
    """
    data, pages = _render(document)
    if isinstance(target, (str, os.PathLike)):
        path = Path(target)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    else:
        target.write(data)
    return pages
