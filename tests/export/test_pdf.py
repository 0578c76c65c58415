"""The PDF renderer: page, header, fonts, Vietnamese text, pagination, no clipping or overlap."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from dataclasses import dataclass, replace
from io import BytesIO
from xml.etree import ElementTree

import pytest
from pypdf import PdfReader
from reportlab.pdfbase.pdfmetrics import stringWidth

from desktop.export.fonts import register_fonts
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
from desktop.export.pdf import pdf_bytes, render_pdf

A4_WIDTH, A4_HEIGHT = 595.28, 841.89
MM = 72 / 25.4
XHTML = "{http://www.w3.org/1999/xhtml}"

HEADER = Header(
    superior_body="ĐẢNG BỘ XÃ AN PHÚ",
    issuing_body="CHI BỘ THÔN 3",
    number_symbol="Số 05-BB/CB",
    place_date="An Phú, ngày 03 tháng 12 năm 2026",
)


def minutes(blocks: tuple = (), margins: Margins | None = None) -> Document:
    """A short, realistic minutes document."""
    body = (
        para("I. THỜI GIAN, ĐỊA ĐIỂM, THÀNH PHẦN", Style.SECTION),
        labelled("Thời gian: ", "bắt đầu lúc 19 giờ 30 phút, ngày 03 tháng 12 năm 2026."),
        labelled("Địa điểm: ", "Nhà văn hóa thôn 3, xã An Phú."),
        para(
            "Tổng số đảng viên của chi bộ: 24 đồng chí, trong đó chính thức 22 đồng chí, dự bị "
            "2 đồng chí. Có mặt 21 đồng chí; vắng mặt 3 đồng chí (có lý do 2, không lý do 1)."
        ),
        para(
            "Vắng có lý do: đồng chí Nguyễn Văn Ất (ốm), đồng chí Lê Thị Ửng (đi công tác).",
            Style.BULLET,
        ),
        para("- Vắng không lý do: đồng chí Phạm Văn Đỗ.", Style.BULLET),
        para("1. Ưu điểm", Style.SUBSECTION),
        Paragraph(
            (
                Run("Đồng chí Trần Thị Hường", bold=True),
                Run(" phát biểu: thống nhất với báo cáo; đề nghị "),
                Run("tăng cường", italic=True),
                Run(" công tác vận động quần chúng & giữ gìn vệ sinh <môi trường>."),
            )
        ),
        para("Biểu quyết: 21/21 đồng chí tán thành (100%).", Style.CENTRED),
        para("(Biên bản đã được đọc lại và thông qua tại cuộc họp.)", Style.NOTE),
        Table(
            columns=(
                Column("TT", 0.6, Align.CENTRE),
                Column("Nội dung công việc", 4),
                Column("Người thực hiện", 2),
                Column("Kết quả", 1.5, Align.CENTRE),
            ),
            rows=(
                ("1", "Thu đảng phí tháng 11", "Đ/c Hường", "Xong"),
                ("2", "Vận động làm đường bê tông liên xóm", "Đ/c Ất, đ/c Đỗ", "Đang làm"),
            ),
        ),
        DottedLines(3, "Ý kiến khác:"),
        Closing(
            left=Signature(("THƯ KÝ",), "Lê Thị Ửng"),
            right=Signature(("CHỦ TRÌ",), "Trần Văn Bình"),
        ),
    )
    return Document(
        kind="minutes",
        header=HEADER,
        title="Biên bản",
        summary=("Họp chi bộ định kỳ tháng 12 năm 2026",),
        blocks=blocks or body,
        margins=margins or Margins(),
    )


def resolution() -> Document:
    closing = Closing(
        right=Signature(("T/M CHI BỘ", "BÍ THƯ"), "Nguyễn Văn An"),
        recipients=(
            "- Đảng ủy xã An Phú,",
            "- Đồng chí phụ trách chi bộ,",
            "- Đảng viên trong chi bộ,",
            "- Lưu chi bộ.",
        ),
    )
    return replace(
        minutes(),
        kind="resolution",
        title="NGHỊ QUYẾT",
        summary=("Về lãnh đạo thực hiện nhiệm vụ tháng 01 năm 2027",),
        blocks=(*minutes().blocks[:-1], PageBreak(), para("Trang sau.", Style.PLAIN), closing),
    )


def long_minutes() -> Document:
    speeches = tuple(
        Paragraph(
            (
                Run(f"Đồng chí Nguyễn Văn Số{i}", bold=True),
                Run(
                    ": phát biểu ý kiến về việc triển khai nghị quyết của Đảng ủy xã, "
                    "đề nghị chi bộ quan tâm hơn nữa đến công tác phát triển đảng viên mới, "
                    "nhất là trong đoàn viên thanh niên; đồng thời nâng cao chất lượng sinh hoạt "
                    "chi bộ, bảo đảm đúng nguyên tắc tập trung dân chủ, tự phê bình và phê bình. "
                    * 2
                ),
            )
        )
        for i in range(60)
    )
    table = Table(
        columns=(Column("STT", 0.7, Align.CENTRE), Column("Họ và tên", 3), Column("Ký tên", 2)),
        rows=tuple((str(i + 1), f"Đảng viên thứ {i + 1}", "") for i in range(40)),
        min_row_height_mm=12,
    )
    return minutes(blocks=(*speeches[:30], table, *speeches[30:], minutes().blocks[-1]))


@dataclass(frozen=True)
class Fragment:
    page: int
    text: str
    x: float
    y: float
    size: float
    width: float


def fragments(data: bytes) -> list[Fragment]:
    """Every piece of text with its baseline origin and width (pt) from pypdf.

    pypdf reports the text matrix of the line for each text-showing operator, so
    a run following another on the same line starts where the previous one
    ended. Widths ignore justification's word spacing: they are a lower bound.
    """
    register_fonts()
    found: list[Fragment] = []
    for number, page in enumerate(PdfReader(BytesIO(data)).pages, start=1):
        last: dict[str, object] = {"key": None, "end": 0.0}

        def visit(text, cm, tm, font, size, number=number, last=last):
            if not text.strip() or font is None:
                return
            a, b, c, d, e, f = cm
            x = tm[4] * a + tm[5] * c + e
            y = tm[4] * b + tm[5] * d + f
            key = (tuple(cm), tuple(tm))
            if key == last["key"]:
                x = last["end"]
            scale = (tm[0] ** 2 + tm[1] ** 2) ** 0.5 * (a * a + b * b) ** 0.5
            face = str(font["/BaseFont"]).split("+")[-1]
            width = stringWidth(text.rstrip("\n"), face, size * scale)
            last.update(key=key, end=x + width)
            found.append(Fragment(number, text.strip(), x, y, size * scale, width))

        page.extract_text(visitor_text=visit)
    return found


@dataclass(frozen=True)
class Box:
    page: int
    text: str
    x0: float
    y0: float  # from the top of the page, as poppler gives it
    x1: float
    y1: float


def word_boxes(data: bytes, tmp_path) -> list[Box]:
    """Each word's box as poppler draws it (exact, justification included)."""
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler-utils (pdftotext) is not installed")
    path = tmp_path / "boxes.pdf"
    path.write_bytes(data)
    out = subprocess.run(
        ["pdftotext", "-bbox", str(path), "-"], capture_output=True, check=True
    ).stdout
    boxes = []
    for number, page in enumerate(ElementTree.fromstring(out).iter(f"{XHTML}page"), start=1):
        for word in page.iter(f"{XHTML}word"):
            x0, y0, x1, y1 = (float(word.get(k)) for k in ("xMin", "yMin", "xMax", "yMax"))
            boxes.append(Box(number, word.text or "", x0, y0, x1, y1))
    return boxes


def assert_boxes_inside_and_apart(boxes: list[Box], margins: Margins) -> None:
    left, right = margins.left * MM - 1, A4_WIDTH - margins.right * MM + 1
    top, bottom = margins.top * MM - 1, A4_HEIGHT - margins.bottom * MM + 1
    for box in boxes:
        assert left <= box.x0 and box.x1 <= right and top <= box.y0 and box.y1 <= bottom, box
    for number in {box.page for box in boxes}:
        page = sorted((b for b in boxes if b.page == number), key=lambda b: b.y0)
        for i, one in enumerate(page):
            for other in page[i + 1 :]:
                if other.y0 >= one.y1 - 0.3:
                    break
                overlap_x = min(one.x1, other.x1) - max(one.x0, other.x0)
                assert overlap_x <= 0.3, (one, other)


def text_of(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(BytesIO(data)).pages)


def assert_inside_margins(frags: list[Fragment], margins: Margins) -> None:
    left, right = margins.left * MM - 1, A4_WIDTH - margins.right * MM + 1
    bottom, top = margins.bottom * MM - 1, A4_HEIGHT - margins.top * MM + 1
    for frag in frags:
        assert left <= frag.x and frag.x + frag.width <= right, frag
        assert bottom <= frag.y - 0.22 * frag.size and frag.y + 0.9 * frag.size <= top, frag


def assert_no_overlap(frags: list[Fragment]) -> None:
    by_page: dict[int, list[Fragment]] = {}
    for frag in frags:
        by_page.setdefault(frag.page, []).append(frag)
    for page in by_page.values():
        for i, one in enumerate(page):
            for other in page[i + 1 :]:
                overlap_x = min(one.x + one.width, other.x + other.width) - max(one.x, other.x)
                if overlap_x > 0.5:
                    assert abs(one.y - other.y) >= 0.8 * min(one.size, other.size), (one, other)


def test_page_is_a4_with_metadata():
    reader = PdfReader(BytesIO(pdf_bytes(minutes())))
    box = reader.pages[0].mediabox
    assert float(box.width) == pytest.approx(A4_WIDTH, abs=0.5)
    assert float(box.height) == pytest.approx(A4_HEIGHT, abs=0.5)
    assert reader.metadata.title.startswith("Biên bản")
    assert reader.metadata.author == "CellBook"
    assert reader.metadata.creator == "CellBook"


def test_text_comes_in_reading_order():
    text = text_of(pdf_bytes(minutes()))
    order = [
        "ĐẢNG BỘ XÃ AN PHÚ",
        "CHI BỘ THÔN 3",
        "Số 05-BB/CB",
        "BIÊN BẢN",
        "Họp chi bộ định kỳ tháng 12 năm 2026",
        "I. THỜI GIAN, ĐỊA ĐIỂM, THÀNH PHẦN",
        "Nhà văn hóa thôn 3",
        "Ưu điểm",
        "Nội dung công việc",
        "Ý kiến khác:",
        "THƯ KÝ",
        "Trần Văn Bình",
    ]
    positions = [text.find(piece) for piece in order]
    assert -1 not in positions, [p for p, i in zip(order, positions, strict=True) if i < 0]
    assert positions == sorted(positions)
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in text
    assert "An Phú, ngày 03 tháng 12 năm 2026" in text


def test_header_blocks_sit_side_by_side_on_the_first_page():
    frags = [f for f in fragments(pdf_bytes(minutes())) if f.page == 1]

    def find(piece: str) -> Fragment:
        return next(f for f in frags if piece in f.text)

    superior, party = find("ĐẢNG BỘ XÃ"), find("ĐẢNG CỘNG SẢN")
    assert superior.x + superior.width < party.x
    assert abs(superior.y - party.y) < 3
    text_left, text_right = 30 * MM, A4_WIDTH - 15 * MM
    left_centre = text_left + (text_right - text_left) * 0.43 / 2
    assert abs(superior.x + superior.width / 2 - left_centre) < 3
    assert find("BIÊN BẢN").y < find("Số 05").y


@pytest.mark.parametrize(
    "margins", [Margins(), Margins(top=25, bottom=25, left=35, right=15)], ids=["default", "old"]
)
def test_all_text_lies_inside_the_margins(margins, tmp_path):
    data = pdf_bytes(minutes(margins=margins))
    frags = fragments(data)
    assert frags
    assert_inside_margins(frags, margins)
    assert_no_overlap(frags)
    boxes = word_boxes(data, tmp_path)
    assert_boxes_inside_and_apart(boxes, margins)
    # the text really reaches the left and right margins (the box is the margin box)
    assert min(b.x0 for b in boxes) == pytest.approx(margins.left * MM, abs=1.5)
    assert max(b.x1 for b in boxes) == pytest.approx(A4_WIDTH - margins.right * MM, abs=1.5)


def test_fonts_are_embedded_liberation_serif_subsets():
    reader = PdfReader(BytesIO(pdf_bytes(minutes())))
    names = set()
    for page in reader.pages:
        fonts = page["/Resources"]["/Font"]
        for ref in fonts.values():
            font = ref.get_object()
            descriptor = font["/FontDescriptor"].get_object()
            assert "/FontFile2" in descriptor
            names.add(str(font["/BaseFont"]))
    assert names
    for name in names:
        prefix, _, face = name.lstrip("/").partition("+")
        assert len(prefix) == 6 and prefix.isupper()
        assert face.startswith("LiberationSerif")
    assert any("Bold" in n for n in names) and any("Italic" in n for n in names)


def vietnamese_letters() -> list[str]:
    marks = ["", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"]
    letters = []
    for base in ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"]:
        for mark in marks:
            letter = unicodedata.normalize("NFC", base + mark)
            letters += [letter, letter.upper()]
    return [*letters, "đ", "Đ"]


def test_every_vietnamese_letter_survives_into_the_text_layer():
    letters = vietnamese_letters()
    assert len(letters) == 12 * 6 * 2 + 2
    line = " ".join(letters)
    document = minutes(
        blocks=(
            para(line),
            Paragraph((Run(line, bold=True),), Style.PLAIN),
            Paragraph((Run(line, italic=True),), Style.PLAIN),
            Paragraph((Run(line, bold=True, italic=True),), Style.PLAIN),
        )
    )
    text = unicodedata.normalize("NFC", text_of(pdf_bytes(document)))
    words = text.split()
    for letter in letters:
        assert words.count(letter) >= 4, letter


def test_long_document_paginates_with_numbers_repeated_headings_and_no_overlap(tmp_path):
    document = long_minutes()
    path = tmp_path / "long.pdf"
    pages = render_pdf(document, path)
    data = path.read_bytes()
    reader = PdfReader(BytesIO(data))
    assert pages == len(reader.pages) > 1
    frags = fragments(data)
    assert_inside_margins(frags, document.margins)
    assert_no_overlap(frags)
    assert_boxes_inside_and_apart(word_boxes(data, tmp_path), document.margins)
    for number in range(1, pages + 1):
        on_page = [f for f in frags if f.page == number]
        numbers = [f for f in on_page if f.text.isdigit() and f.size < 12]
        if number == 1:
            assert not numbers
        else:
            assert [f.text for f in numbers] == [str(number)]
            # the number is centred above the text of the page
            assert numbers[0].y >= max(f.y for f in on_page) - 0.5
        table_rows = [f for f in on_page if f.text.startswith("Đảng viên thứ")]
        if table_rows:
            heading = [f for f in on_page if f.text == "Họ và tên"]
            assert len(heading) == 1
            assert heading[0].y > max(f.y for f in table_rows)
    rows = [f.text for f in frags if f.text.startswith("Đảng viên thứ")]
    assert rows == [f"Đảng viên thứ {i}" for i in range(1, 41)]
    assert len({f.page for f in frags if f.text.startswith("Đảng viên thứ")}) > 1


def test_signature_rows_are_at_least_the_minimum_height():
    frags = fragments(pdf_bytes(long_minutes()))
    rows = [f for f in frags if f.text.startswith("Đảng viên thứ")]
    same_page = [(a, b) for a, b in zip(rows, rows[1:], strict=False) if a.page == b.page]
    assert same_page
    for a, b in same_page:
        assert a.y - b.y >= 12 * MM - 0.5


def test_a_huge_unbroken_cell_wraps_without_crashing(tmp_path):
    giant = "W" * 3000
    document = minutes(
        blocks=(
            Table(
                columns=(Column("TT", 0.5), Column("Nội dung", 1), Column("Ghi chú", 3)),
                rows=(("1", giant, "ngắn"), ("2", "bình thường", giant * 3)),
            ),
            para("Kết thúc " + "Y" * 500),
        )
    )
    data = pdf_bytes(document)
    frags = fragments(data)
    assert_inside_margins(frags, document.margins)
    assert_no_overlap(frags)
    assert_boxes_inside_and_apart(word_boxes(data, tmp_path), document.margins)
    text = "".join(f.text for f in frags)
    assert text.count("W") == 3000 * 4
    assert text.count("Y") == 500


def test_markup_characters_render_literally():
    document = minutes(
        blocks=(
            para("A & B <b>không đậm</b> a<b & c>d"),
            Table(columns=(Column("<i>&amp;", 1),), rows=(("x < y > z & w",),)),
            DottedLines(1, "Nhãn <&>:"),
            Closing(
                right=Signature(("T/M <CHI BỘ>",), "A & B"),
                recipients=("- <Lưu> & hồ sơ.",),
            ),
        )
    )
    text = text_of(pdf_bytes(document))
    for piece in [
        "A & B <b>không đậm</b> a<b & c>d",
        "<i>&amp;",
        "x < y > z & w",
        "Nhãn <&>:",
        "T/M <CHI BỘ>",
        "A & B",
        "- <Lưu> & hồ sơ.",
    ]:
        assert piece in text, piece


def test_render_to_a_stream_and_resolution_with_recipients():
    stream = BytesIO()
    pages = render_pdf(resolution(), stream)
    assert pages == 2
    text = text_of(stream.getvalue())
    assert "Nơi nhận:" in text
    assert text.index("Trang sau.") > text.index("Ý kiến khác:")
    assert text.index("BÍ THƯ") < text.index("Nguyễn Văn An")


def test_bullets_are_drawn_once():
    text = text_of(pdf_bytes(minutes()))
    assert text.count("- Vắng không lý do") + text.count("-Vắng không lý do") <= 1
    assert "- - " not in text and "--" not in text


def test_fonts_register_once():
    from reportlab.pdfbase import pdfmetrics

    assert register_fonts() == register_fonts() == "LiberationSerif"
    names = pdfmetrics.getRegisteredFontNames()
    for face in ("", "-Bold", "-Italic", "-BoldItalic"):
        assert names.count(f"LiberationSerif{face}") == 1


def test_a_heading_is_kept_with_what_follows():
    line = para("Một dòng văn bản ngắn.", Style.PLAIN)
    for count in range(22, 34):  # the heading lands on every line near the foot of page 1
        blocks = (*[line] * count, para("II. MỤC CUỐI", Style.SECTION), para("Nội dung mục II."))
        frags = fragments(pdf_bytes(minutes(blocks=blocks)))
        heading = next(f for f in frags if f.text == "II. MỤC CUỐI")
        content = next(f for f in frags if f.text == "Nội dung mục II.")
        assert content.page == heading.page, count


def test_a_short_document_with_signatures_fits_on_one_page():
    """The last lines kept with the signatures do not push them to a new page
    when there is room (a closing held together inside another used to)."""
    closing = Closing(
        left=Signature(("THƯ KÝ",), "Lê Thị Ửng"), right=Signature(("CHỦ TRÌ",), "Trần Văn Bình")
    )
    document = minutes(blocks=(para("Một dòng văn bản ngắn."), closing))
    assert render_pdf(document, BytesIO()) == 1


def test_a_heading_over_a_table_starts_the_table_where_it_stands():
    """A heading over a table that fits on one page stays on the page it
    reaches, with the table's first rows, instead of taking the whole table
    to the next page."""
    rows = tuple((str(n), f"Đảng viên số {n}", "Hoàn thành tốt nhiệm vụ") for n in range(1, 21))
    table = Table(
        columns=(Column("STT", 0.6, Align.CENTRE), Column("Họ và tên", 3), Column("Xếp loại", 3)),
        rows=rows,
    )
    blocks = (*[para("Một dòng văn bản ngắn.")] * 8, para("I. KẾT QUẢ", Style.SECTION), table)
    frags = fragments(pdf_bytes(minutes(blocks=blocks)))
    heading = next(f for f in frags if f.text == "I. KẾT QUẢ")
    first_row = next(f for f in frags if f.text == "Đảng viên số 1")
    assert heading.page == first_row.page == 1


def test_a_label_over_a_list_is_kept_with_it():
    label = replace(labelled("Ý kiến góp ý, phê bình:", ""), keep_with_next=True)
    line = para("Một dòng văn bản ngắn.", Style.PLAIN)
    for count in range(24, 36):  # the label lands on every line near the foot of page 1
        blocks = (*[line] * count, label, para("- Đồng chí Bình: đề nghị phát huy.", Style.BULLET))
        frags = fragments(pdf_bytes(minutes(blocks=blocks)))
        top = next(f for f in frags if f.text.startswith("Ý kiến góp ý"))
        item = next(f for f in frags if "Đồng chí Bình" in f.text)
        assert top.page == item.page, count
