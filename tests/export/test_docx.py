"""The Word copy of a party document: same words, same page, editable in Word."""

from __future__ import annotations

import io
import unicodedata
from pathlib import Path

import docx
import pytest
from docx.document import Document as WordDocument
from docx.oxml.ns import qn
from docx.shared import Mm
from docx.table import Table as WordTable
from docx.text.paragraph import Paragraph as WordParagraph

from desktop.export.docx import PARTY_NAME, RECIPIENTS_LABEL, render_docx
from desktop.export.model import (
    Align,
    Closing,
    Column,
    Document,
    DottedLines,
    Header,
    Margins,
    PageBreak,
    Paragraph,
    Run,
    Signature,
    Style,
    Table,
    labelled,
    para,
)

NAMES = [
    "Nguyễn Văn An",
    "Trần Thị Bích",
    "Lê Hoàng Cường",
    "Phạm Thị Dung",
    "Hoàng Văn Đức",
    "Vũ Thị Giang",
    "Đặng Quốc Hưng",
    "Bùi Thị Hương",
]
# Words the format prints that the document itself does not carry.
FIXED_WORDS = {PARTY_NAME, RECIPIENTS_LABEL, "*"}


def minutes_document(margins: Margins | None = None) -> Document:
    """Minutes of a cell meeting with an attendance table of 40 rows."""
    attendance = Table(
        columns=(
            Column("STT", 0.6, Align.CENTRE),
            Column("Họ và tên", 2.6),
            Column("Chức vụ", 1.6),
            Column("Có mặt", 1.0, Align.CENTRE),
            Column("Ký tên", 1.2),
        ),
        rows=tuple(
            (
                str(i + 1),
                f"{NAMES[i % len(NAMES)]} {i + 1}",
                "Bí thư" if i == 0 else "Đảng viên",
                "x" if i % 7 else "vắng",
                "",
            )
            for i in range(40)
        ),
        font_pt=12,
        min_row_height_mm=9,
    )
    return Document(
        kind="minutes",
        header=Header(
            superior_body="ĐẢNG BỘ XÃ AN PHÚ",
            issuing_body="CHI BỘ THÔN AN HÒA",
            number_symbol="Số 05-BB/CB",
            place_date="An Phú, ngày 03 tháng 12 năm 2026",
        ),
        title="BIÊN BẢN",
        summary=("Sinh hoạt chi bộ thường kỳ tháng 12 năm 2026",),
        blocks=(
            para("Hôm nay, vào lúc 19 giờ 30 phút, ngày 03 tháng 12 năm 2026, tại nhà văn hóa"),
            Paragraph(
                (
                    Run("thôn An Hòa, Chi bộ thôn An Hòa tổ chức sinh hoạt thường kỳ. "),
                    Run("Chủ trì: ", bold=True),
                    Run("đồng chí Nguyễn Văn An, Bí thư chi bộ.", italic=True),
                )
            ),
            para("I. THÀNH PHẦN THAM DỰ", Style.SECTION),
            labelled("Tổng số đảng viên: ", "40 (chính thức 37, dự bị 3)."),
            labelled("Có mặt: ", "34; vắng có lý do: 6."),
            para("Danh sách đảng viên", Style.CENTRED),
            attendance,
            para("II. NỘI DUNG", Style.SECTION),
            para("1. Đánh giá tình hình tháng 11", Style.SUBSECTION),
            para(
                "Đồng chí Bí thư thông qua dự thảo báo cáo; các đồng chí dự họp thảo luận "
                "sôi nổi, thống nhất với nội dung dự thảo & bổ sung <ý kiến> về công tác > dân vận."
            ),
            para("Vận động nhân dân tham gia làm đường giao thông nông thôn.", Style.BULLET),
            para("- Hoàn thành thu đảng phí quý IV.", Style.BULLET),
            para("(Ý kiến của đồng chí Trần Thị Bích được ghi nguyên văn.)", Style.NOTE),
            DottedLines(3, label="Ý kiến khác:"),
            PageBreak(),
            para("III. BIỂU QUYẾT", Style.SECTION),
            para("Tán thành 34/34 (100%), không tán thành 0, không biểu quyết 0.", Style.PLAIN),
            para("Cuộc họp kết thúc lúc 21 giờ 30 phút cùng ngày.", Style.PLAIN),
            Closing(
                left=Signature(("THƯ KÝ",), "Trần Thị Bích"),
                right=Signature(("CHỦ TRÌ",), "Nguyễn Văn An"),
            ),
            Closing(
                right=Signature(("T/M CHI BỘ", "BÍ THƯ"), "Nguyễn Văn An"),
                recipients=("- Đảng ủy xã An Phú,", "- Đảng viên chi bộ,", "- Lưu chi bộ."),
            ),
        ),
        margins=margins or Margins(),
    )


def render(document: Document) -> WordDocument:
    buffer = io.BytesIO()
    render_docx(document, buffer)
    buffer.seek(0)
    return docx.Document(buffer)


def is_data_table(table: WordTable) -> bool:
    """Body tables have grid lines; the header and closing are layout tables."""
    return table.style is not None and table.style.name == "Table Grid"


def reading_order(word: WordDocument) -> list[str]:
    """Every non-empty line in document order: paragraphs, layout cells, table rows."""
    lines: list[str] = []
    body = word.element.body
    for child in body.iterchildren():
        if child.tag == qn("w:p"):
            lines.append(WordParagraph(child, word._body).text)
        elif child.tag == qn("w:tbl"):
            table = WordTable(child, word._body)
            for row in table.rows:
                cells = [cell.text for cell in row.cells]
                if is_data_table(table):
                    lines.append(" | ".join(cells))
                else:
                    lines.extend(line for cell in cells for line in cell.split("\n"))
    return [line.strip() for line in lines if line.strip()]


def test_words_come_in_the_same_order_as_the_plain_text() -> None:
    document = minutes_document()
    lines = reading_order(render(document))
    without_format_words = [line for line in lines if line not in FIXED_WORDS]
    # A bullet without its own dash gets one; an empty last cell leaves a space.
    expected = [
        ("- " + line if line.startswith("Vận động") else line).strip()
        for line in document.plain_text().split("\n")
    ]
    assert without_format_words == expected
    assert lines.index(PARTY_NAME) < lines.index(document.header.place_date)
    assert lines.index(RECIPIENTS_LABEL) < lines.index("- Lưu chi bộ.")


@pytest.mark.parametrize(
    "margins", [Margins(), Margins(top=25, bottom=25, left=35, right=15)], ids=["default", "old"]
)
def test_page_is_a4_with_the_documents_margins(margins: Margins) -> None:
    section = render(minutes_document(margins)).sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    for side in ("top", "bottom", "left", "right"):
        # Word stores twentieths of a point: equal to a hundredth of a millimetre.
        assert getattr(section, f"{side}_margin").mm == pytest.approx(
            getattr(margins, side), abs=0.01
        )


def test_default_font_is_times_new_roman_for_every_script() -> None:
    word = render(minutes_document())
    fonts = word.styles.element.find(qn("w:docDefaults")).find(".//" + qn("w:rFonts"))
    for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        assert fonts.get(qn(slot)) == "Times New Roman"
    assert fonts.get(qn("w:asciiTheme")) is None
    assert word.styles["Normal"].font.size.pt == 14


def test_body_table_repeats_its_heading_and_keeps_rows_whole() -> None:
    word = render(minutes_document())
    table = next(t for t in word.tables if is_data_table(t))
    assert len(table.rows) == 41
    heading = table.rows[0]._tr.trPr
    assert heading.find(qn("w:tblHeader")) is not None
    assert all(row._tr.trPr.find(qn("w:cantSplit")) is not None for row in table.rows)
    assert table.rows[1]._tr.trPr.find(qn("w:tblHeader")) is None
    assert table.rows[1].height.mm == pytest.approx(9, abs=0.01)
    assert table.rows[0].cells[0].paragraphs[0].runs[0].bold
    assert table.rows[5].cells[1].paragraphs[0].runs[0].font.size.pt == 12
    widths = [cell.width for cell in table.rows[0].cells]
    assert sum(widths) == pytest.approx(Mm(165), rel=0.001)
    assert widths[1] > widths[2] > widths[4] > widths[3] > widths[0]


def test_page_numbers_start_on_page_two() -> None:
    section = render(minutes_document()).sections[0]
    assert section.different_first_page_header_footer
    instructions = [i.text for i in section.header._element.iter(qn("w:instrText"))]
    assert instructions == [" PAGE "]
    assert not list(section.first_page_header._element.iter(qn("w:instrText")))


def test_page_break_and_dotted_lines() -> None:
    body = render(minutes_document()).element.body
    breaks = [b for b in body.iter(qn("w:br")) if b.get(qn("w:type")) == "page"]
    assert len(breaks) == 1
    leaders = [t.get(qn("w:leader")) for t in body.iter(qn("w:tab")) if t.get(qn("w:leader"))]
    assert leaders == ["dot"] * 3


def test_closing_signs_and_lists_the_recipients() -> None:
    word = render(minutes_document())
    assert len(word.tables) == 4  # header, attendance and two closings that did not merge
    closing = [t for t in word.tables if not is_data_table(t)][-1]
    left, right = closing.rows[0].cells
    label = left.paragraphs[0].runs[0]
    assert (label.text, label.bold, label.italic, label.font.size.pt) == (
        RECIPIENTS_LABEL,
        True,
        True,
        12,
    )
    texts = [p.text for p in right.paragraphs]
    assert texts[:2] == ["T/M CHI BỘ", "BÍ THƯ"] and texts[-1] == "Nguyễn Văn An"
    assert texts[2:-1] == [""] * 4  # room to sign
    assert closing._tbl.tblPr.find(qn("w:tblBorders")).find(qn("w:top")).get(qn("w:val")) == "nil"


def test_header_looks_like_a_party_document() -> None:
    header = render(minutes_document()).tables[0]
    top_left, top_right = header.rows[0].cells
    superior, issuing, star = top_left.paragraphs
    assert not superior.runs[0].bold and issuing.runs[0].bold and star.text == "*"
    party = top_right.paragraphs[0].runs[0]
    assert (party.text, party.bold, party.font.size.pt) == (PARTY_NAME, True, 15)
    assert top_right.paragraphs[1]._p.pPr.find(qn("w:pBdr")) is not None
    assert header.rows[1].cells[1].paragraphs[0].runs[0].italic
    assert header.rows[0].cells[0].width < header.rows[0].cells[1].width


def every_vietnamese_letter() -> str:
    tones = ["", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"]
    lower = [
        unicodedata.normalize("NFC", vowel + tone)
        for vowel in ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"]
        for tone in tones
    ]
    letters = "".join(lower) + "đ"
    return letters + letters.upper()


def test_every_vietnamese_letter_and_markup_character_survives(tmp_path: Path) -> None:
    letters = every_vietnamese_letter()
    assert len(letters) == 2 * (12 * 6 + 1)
    awkward = "A & B <c> d > e"
    document = Document(
        kind="notice",
        header=Header(letters, letters, "Số 01-TB/CB", letters),
        title=f"THÔNG BÁO {awkward}",
        summary=(letters,),
        blocks=(
            para(letters),
            para(awkward, Style.NOTE),
            Table((Column(letters, 1), Column(awkward, 1)), ((letters, awkward),)),
            Closing(left=Signature((letters,), letters), right=Signature((awkward,), awkward)),
        ),
    )
    target = tmp_path / "chữ.docx"
    render_docx(document, target)
    word = docx.Document(str(target))
    lines = reading_order(word)
    assert [line for line in lines if line not in FIXED_WORDS] == document.plain_text().split("\n")
    assert sum(letters in line for line in lines) == 9
    assert sum(awkward in line for line in lines) == 6
    assert word.core_properties.title.startswith("THÔNG BÁO A & B <c>")


def test_core_properties_name_the_document_and_cellbook() -> None:
    properties = render(minutes_document()).core_properties
    assert properties.title == "BIÊN BẢN Sinh hoạt chi bộ thường kỳ tháng 12 năm 2026"
    assert properties.author == "CellBook"


def test_text_xml_cannot_hold_is_dropped_and_letters_are_composed() -> None:
    decomposed = unicodedata.normalize("NFD", "Nguyễn Thị Hường")
    document = Document(
        kind="notice",
        header=Header("", "CHI BỘ 3", "", ""),
        title="THÔNG BÁO",
        blocks=(para(f"a\x00b\x0bc\x1f {decomposed}\r\nhai"), para("tab\there", Style.PLAIN)),
    )
    lines = reading_order(render(document))
    assert lines[-2:] == ["abc Nguyễn Thị Hường\nhai", "tab\there"]
