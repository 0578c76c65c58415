"""A document as plain data, shared by the PDF and Word renderers.

Builders (`desktop.export.documents`) turn the book's records into a
`Document`; renderers (`desktop.export.pdf`, `desktop.export.docx`) lay it out
on the party-document page. Nothing here knows about reportlab or python-docx,
so the same document prints and opens in Word with the same words.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Align(StrEnum):
    LEFT = "left"
    CENTRE = "centre"
    RIGHT = "right"
    JUSTIFY = "justify"


class Style(StrEnum):
    """Paragraph styles of the body (14 pt unless said otherwise)."""

    BODY = "body"  # justified, first-line indent
    PLAIN = "plain"  # left aligned, no indent (lists of names, labelled lines)
    SECTION = "section"  # bold section heading: "I. ĐÁNH GIÁ ..."
    SUBSECTION = "subsection"  # bold-italic sub heading: "1. Ưu điểm"
    CENTRED = "centred"  # centred line ("Kính gửi: ...")
    NOTE = "note"  # smaller italic remark
    BULLET = "bullet"  # "- " hanging indent


@dataclass(frozen=True)
class Run:
    """A stretch of text with one look."""

    text: str
    bold: bool = False
    italic: bool = False


@dataclass(frozen=True)
class Paragraph:
    runs: tuple[Run, ...]
    style: Style = Style.BODY
    keep_with_next: bool = False  # a label over a list ("Ý kiến góp ý:") never ends a page

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)


@dataclass(frozen=True)
class Column:
    title: str
    width: float  # relative share of the text width
    align: Align = Align.LEFT


@dataclass(frozen=True)
class Table:
    """A table that splits across pages, repeating its heading row."""

    columns: tuple[Column, ...]
    rows: tuple[tuple[str, ...], ...]
    font_pt: float = 13
    # Rows are at least this tall (mm): room for a signature on attendance sheets.
    min_row_height_mm: float = 0


@dataclass(frozen=True)
class DottedLines:
    """Blank lines to fill in by hand (blank forms)."""

    count: int
    label: str = ""  # printed before the dots of the first line


@dataclass(frozen=True)
class Signature:
    """One signature block: capitalised roles, room to sign, then the name."""

    roles: tuple[str, ...]  # ("T/M CHI BỘ", "BÍ THƯ") or ("THƯ KÝ",)
    name: str = ""


@dataclass(frozen=True)
class Closing:
    """The foot of a document: "Nơi nhận" and/or signature blocks, side by side.

    `recipients` sits at the left (then `left` is not used); minutes put the
    minute-taker on the left and the chair on the right.
    """

    left: Signature | None = None
    right: Signature | None = None
    recipients: tuple[str, ...] = ()


@dataclass(frozen=True)
class PageBreak:
    pass


Block = Paragraph | Table | DottedLines | Closing | PageBreak


@dataclass(frozen=True)
class Header:
    """The two header blocks of a party document."""

    superior_body: str  # "ĐẢNG BỘ XÃ AN PHÚ" (capitals, not bold)
    issuing_body: str  # "CHI BỘ THÔN 3" (capitals, bold, "*" below)
    number_symbol: str  # "Số 05-BB/CB"; "Số     -BB/CB" while not yet issued; "" for none
    place_date: str  # "An Phú, ngày 03 tháng 12 năm 2026" (italic); dots on blank forms
    form_code: str = ""  # a printed form's code above the header, at the right ("Mẫu 2C-HD KĐ.ĐG")


@dataclass(frozen=True)
class Margins:
    top: float = 20
    bottom: float = 20
    left: float = 30
    right: float = 15


@dataclass(frozen=True)
class Document:
    kind: str  # "minutes", "resolution", ... (desktop.export.documents.KINDS)
    header: Header
    title: str  # "BIÊN BẢN"
    summary: tuple[str, ...] = ()  # bold centred lines under the title
    blocks: tuple[Block, ...] = ()
    file_stem: str = "document"  # a safe file name without extension
    margins: Margins = field(default_factory=Margins)
    body_pt: float = 14

    def plain_text(self) -> str:
        """Every word of the document in reading order (tests, search, Word check)."""
        lines = [
            self.header.superior_body,
            self.header.issuing_body,
            self.header.number_symbol,
            self.header.place_date,
            self.title,
            *self.summary,
        ]
        for block in self.blocks:
            lines.extend(block_text(block))
        return "\n".join(line for line in lines if line)


def block_text(block: Block) -> list[str]:
    if isinstance(block, Paragraph):
        return [block.text]
    if isinstance(block, Table):
        return [" | ".join(c.title for c in block.columns)] + [" | ".join(r) for r in block.rows]
    if isinstance(block, DottedLines):
        return [block.label] if block.label else []
    if isinstance(block, Closing):
        lines = list(block.recipients)
        for signature in (block.left, block.right):
            if signature is not None:
                lines.extend([*signature.roles, signature.name])
        return lines
    return []


def para(text: str, style: Style = Style.BODY) -> Paragraph:
    return Paragraph((Run(text),), style)


def labelled(label: str, value: str, style: Style = Style.PLAIN) -> Paragraph:
    """ "Label: value" with the label in bold."""
    return Paragraph((Run(label, bold=True), Run(value)), style)
