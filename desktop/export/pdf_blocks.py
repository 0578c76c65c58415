"""reportlab flowables for the blocks of a `Document`: header, tables, dotted lines, closing."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle
from reportlab.platypus import Paragraph as RLParagraph
from reportlab.platypus.flowables import HRFlowable

from desktop.export import model
from desktop.export.fonts import SERIF, SERIF_BOLD
from desktop.export.pdf_styles import PdfStyles, cell_style, escape_text, runs_markup, strip_bullet

PARTY_NAME = "ĐẢNG CỘNG SẢN VIỆT NAM"
RECIPIENTS_LABEL = "Nơi nhận:"
HEADER_LEFT_SHARE = 0.43
SIGNING_ROOM = 25 * mm
CELL_PAD_X = 3.0
CELL_PAD_Y = 2.5
GRID_WIDTH = 0.5
# Cells hold Paragraphs; the table's own default font (Helvetica) would still be
# listed in the page's resources without being embedded.
_CELL_FONT = ("FONT", (0, 0), (-1, -1), SERIF, 12)


def paragraph(block: model.Paragraph, styles: PdfStyles) -> RLParagraph:
    style = styles.body[block.style]
    if block.style is model.Style.BULLET:
        return RLParagraph(runs_markup(strip_bullet(block.runs)), style, bulletText="-")
    return RLParagraph(runs_markup(block.runs), style)


def _lines(texts: list[str], style) -> list[Flowable]:
    return [RLParagraph(escape_text(text), style) for text in texts if text]


def header(head: model.Header, styles: PdfStyles, width: float) -> Table:
    """The two header blocks side by side, each centred in its column."""
    left = [
        *_lines([head.superior_body.upper()], styles.superior),
        *_lines([head.issuing_body.upper()], styles.issuer),
        RLParagraph("*", styles.superior),
        *_lines([head.number_symbol], styles.number),
    ]
    rule_width = stringWidth(PARTY_NAME, SERIF_BOLD, styles.party.fontSize)
    right = [
        RLParagraph(PARTY_NAME, styles.party),
        HRFlowable(
            width=min(rule_width, width * (1 - HEADER_LEFT_SHARE)),
            thickness=0.7,
            color="black",
            hAlign="CENTER",
            spaceBefore=1,
            spaceAfter=6,
        ),
        *_lines([head.place_date], styles.place_date),
    ]
    left_width = width * HEADER_LEFT_SHARE
    table = Table(
        [[left, right]],
        colWidths=[left_width, width - left_width],
        splitInRow=1,
    )
    table.setStyle(_unpadded())
    return table


def _unpadded() -> TableStyle:
    return TableStyle(
        [
            _CELL_FONT,
            ("ALIGN", (0, 0), (-1, -1), "CENTER"),  # the rule under the party's name
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
        ]
    )


def table(block: model.Table, width: float, frame_height: float) -> Table | None:
    """A grid table whose heading row repeats on every page.

    Rows break between pages; only a row taller than a page is cut inside
    itself (reportlab would otherwise stop with a LayoutError).
    """
    columns = block.columns
    if not columns:
        return None
    total = sum(max(c.width, 0) for c in columns) or len(columns)
    widths = [width * (max(c.width, 0) or total / len(columns)) / total for c in columns]
    heading = [
        RLParagraph(escape_text(c.title), cell_style(block.font_pt, c.align, True)) for c in columns
    ]
    data: list[list[RLParagraph]] = [heading]
    for row in block.rows:
        cells = list(row[: len(columns)]) + [""] * (len(columns) - len(row))
        if len(row) > len(columns):  # never drop words the builder gave
            cells[-1] = "; ".join(t for t in (cells[-1], *row[len(columns) :]) if t)
        data.append(
            [
                RLParagraph(escape_text(text), cell_style(block.font_pt, c.align, False))
                for text, c in zip(cells, columns, strict=True)
            ]
        )
    min_height = block.min_row_height_mm * mm
    tallest = max(_row_height(cells, widths) for cells in data)
    result = _GridTable(
        data,
        colWidths=widths,
        repeatRows=1,
        minRowHeights=[0] + [min_height] * len(block.rows) if min_height else None,
        splitInRow=1 if tallest + _row_height(heading, widths) > frame_height * 0.9 else 0,
        hAlign="LEFT",
    )
    result.setStyle(
        TableStyle(
            [
                _CELL_FONT,
                ("GRID", (0, 0), (-1, -1), GRID_WIDTH, "black"),
                ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
                ("VALIGN", (0, 1), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), CELL_PAD_X),
                ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PAD_X),
                ("TOPPADDING", (0, 0), (-1, -1), CELL_PAD_Y),
                ("BOTTOMPADDING", (0, 0), (-1, -1), CELL_PAD_Y + 1),
            ]
        )
    )
    result.spaceBefore = 3
    result.spaceAfter = 6
    return result


class _GridTable(Table):
    """A grid table that also closes a row cut at the foot of a page."""

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        parts = super().split(availWidth, availHeight)
        for part in parts[:-1]:
            if isinstance(part, Table):
                part.setStyle([("LINEBELOW", (0, -1), (-1, -1), GRID_WIDTH, "black")])
        return parts


def _row_height(cells: list[RLParagraph], widths: list[float]) -> float:
    return (
        max(cell.wrap(w - 2 * CELL_PAD_X, 1e9)[1] for cell, w in zip(cells, widths, strict=True))
        + 2 * CELL_PAD_Y
        + 1
    )


class DottedLine(Flowable):
    """One line of dots across the text width, optionally after a label."""

    def __init__(self, leading: float, font_pt: float, label: str = "") -> None:
        super().__init__()
        self.leading = leading
        self.font_pt = font_pt
        self.label = label

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self.width = availWidth
        return availWidth, self.leading

    def draw(self) -> None:
        canvas = self.canv
        baseline = self.leading * 0.25
        start = 0.0
        if self.label:
            canvas.setFont(SERIF, self.font_pt)
            canvas.drawString(0, baseline, self.label)
            start = stringWidth(self.label, SERIF, self.font_pt) + self.font_pt * 0.3
        canvas.saveState()
        canvas.setLineWidth(0.8)
        canvas.setLineCap(1)
        canvas.setDash(0.1, 3)
        canvas.line(start, baseline, self.width, baseline)
        canvas.restoreState()


def dotted_lines(block: model.DottedLines, styles: PdfStyles, width: float) -> list[Flowable]:
    font_pt = styles.body[model.Style.PLAIN].fontSize
    label = block.label
    flowables: list[Flowable] = []
    if label and stringWidth(label, SERIF, font_pt) > width * 0.6:
        flowables.append(RLParagraph(escape_text(label), styles.body[model.Style.PLAIN]))
        label = ""
    count = max(block.count, 1 if label else 0)
    for index in range(count):
        flowables.append(DottedLine(styles.leading, font_pt, label if index == 0 else ""))
    return flowables


def _signature(signature: model.Signature | None, styles: PdfStyles) -> list[Flowable]:
    if signature is None:
        return []
    return [
        *_lines([role.upper() for role in signature.roles], styles.signature),
        Spacer(1, SIGNING_ROOM),
        *_lines([signature.name], styles.signature),
    ]


def closing(block: model.Closing, styles: PdfStyles, width: float) -> Flowable:
    """ "Nơi nhận" or the left signature beside the right signature, on one page."""
    if block.recipients:
        left = [
            RLParagraph(escape_text(RECIPIENTS_LABEL), styles.recipients_label),
            *_lines(list(block.recipients), styles.recipients),
        ]
        share = 0.45
    else:
        left = _signature(block.left, styles)
        share = 0.5
    right = _signature(block.right, styles)
    result = Table([[left, right]], colWidths=[width * share, width * (1 - share)], splitInRow=1)
    result.setStyle(_unpadded())
    return KeepTogether([Spacer(1, styles.leading * 0.5), result])
