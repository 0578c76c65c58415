"""The commune committee's monthly guidance to its cells in the commune demo:
what to put on the agenda of next month's regular meeting, printed as a real
party document (PDF) like the ones a commune office sends out."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from desktop.data.models import Organisation
from desktop.demo.schedule import add_months, month_label
from desktop.export.documents.common import header
from desktop.export.model import Closing, Document, Signature, Style, para

SECRETARY = "Võ Thành Nhân"
FIRST_NUMBER = 31  # guidance documents numbered before the demo's year

STUDY = (
    "Tiếp tục học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh theo chuyên đề "
    "năm {year}; mỗi đảng viên đăng ký một việc làm cụ thể và báo cáo kết quả tại buổi sinh "
    "hoạt."
)
# The month's main local work, by the month of the meeting it is for.
FOCUS = {
    1: "Tổ chức cho nhân dân đón Tết Nguyên đán vui tươi, lành mạnh, an toàn, tiết kiệm; thăm "
    "hỏi, tặng quà gia đình chính sách, hộ nghèo, người cao tuổi neo đơn.",
    2: "Phát động Tết trồng cây “Đời đời nhớ ơn Bác Hồ”; ra quân làm giao thông nông thôn, "
    "nạo vét kênh mương nội đồng đầu năm.",
    3: "Chăm sóc lúa Đông Xuân, phòng trừ sâu bệnh; kỷ niệm ngày thành lập Đoàn Thanh niên "
    "Cộng sản Hồ Chí Minh (26/3).",
    4: "Tuyên truyền kỷ niệm ngày Giải phóng miền Nam, thống nhất đất nước (30/4) và ngày Quốc "
    "tế Lao động (1/5); thu hoạch lúa Đông Xuân gọn, bán được giá.",
    5: "Kỷ niệm ngày sinh Chủ tịch Hồ Chí Minh (19/5); phòng, chống sốt xuất huyết đầu mùa "
    "mưa, diệt lăng quăng tại từng hộ.",
    6: "Phòng, chống thiên tai, tìm kiếm cứu nạn mùa mưa lũ; tuyên truyền phòng, chống đuối "
    "nước cho trẻ em trong dịp hè.",
    7: "Kỷ niệm ngày Thương binh – Liệt sĩ (27/7): thăm hỏi gia đình chính sách, chăm sóc "
    "nghĩa trang liệt sĩ xã.",
    8: "Kỷ niệm Cách mạng Tháng Tám và Quốc khánh 2/9; vận động học sinh đến trường, chuẩn "
    "bị năm học mới.",
    9: "Theo dõi mực nước, chủ động phòng, chống lũ; bảo vệ đê bao, lúa Thu Đông.",
    10: "Kỷ niệm ngày thành lập Hội Liên hiệp Phụ nữ Việt Nam (20/10); rà soát hộ nghèo, hộ "
    "cận nghèo năm {year}.",
    11: "Tổ chức Ngày hội Đại đoàn kết toàn dân tộc ở khu dân cư (18/11); chuẩn bị kiểm điểm, "
    "đánh giá, xếp loại cuối năm.",
    12: "Tổ chức kiểm điểm, đánh giá, xếp loại chất lượng tổ chức đảng và đảng viên năm {year} "
    "đúng hướng dẫn; kỷ niệm ngày thành lập Quân đội nhân dân Việt Nam (22/12).",
}


def directive_number(index: int) -> str:
    """ "34-HD/ĐU": the commune's guidance documents are numbered through its term."""
    return f"{FIRST_NUMBER + index:02d}-HD/ĐU"


def directive_title(issued_on: date) -> str:
    return f"Hướng dẫn nội dung sinh hoạt chi bộ tháng {month_label(next_month(issued_on))}"


def next_month(day: date) -> date:
    return add_months(day, 1)


def directive(org: Organisation, index: int, issued_on: date) -> Document:
    """The guidance for the regular meetings of the month after `issued_on`."""
    month = next_month(issued_on)
    head = header(org, issued_on)
    blocks = (
        para(
            f"Thực hiện chương trình công tác năm {month.year}, Ban Thường vụ Đảng ủy hướng dẫn "
            f"các chi bộ trực thuộc nội dung sinh hoạt chi bộ thường kỳ tháng "
            f"{month_label(month)} như sau:"
        ),
        para("1. Học tập và làm theo Bác", Style.SUBSECTION),
        para(STUDY.format(year=month.year)),
        para("2. Nhiệm vụ trọng tâm của địa phương", Style.SUBSECTION),
        para(FOCUS[month.month].format(year=month.year)),
        para("3. Công tác xây dựng Đảng", Style.SUBSECTION),
        para(
            "Đánh giá việc thực hiện nghị quyết tháng trước; thu đảng phí đúng quy định; tổng "
            "hợp ý kiến, kiến nghị của đảng viên và nhân dân gửi Đảng ủy xã qua gói dữ liệu "
            "của sổ chi bộ trong vòng hai ngày sau buổi sinh hoạt."
        ),
        para(
            "Các chi bộ nghiêm túc triển khai thực hiện; quá trình thực hiện có khó khăn, vướng "
            "mắc báo cáo về Văn phòng Đảng ủy để được hướng dẫn."
        ),
        Closing(
            right=Signature(("T/M BAN THƯỜNG VỤ", "BÍ THƯ"), SECRETARY),
            recipients=("Nơi nhận:", "- Các chi bộ trực thuộc,", "- Lưu Văn phòng Đảng ủy."),
        ),
    )
    return Document(
        kind="directive",
        header=replace(head, number_symbol=f"Số {directive_number(index)}"),
        title="HƯỚNG DẪN",
        summary=(f"Nội dung sinh hoạt chi bộ tháng {month_label(month)}",),
        blocks=blocks,
        file_stem=f"huong-dan-{month.year}-{month.month:02d}",
    )


def directive_file(org: Organisation, index: int, issued_on: date) -> tuple[str, bytes]:
    """The directive's file name and PDF bytes."""
    from desktop.export.pdf import pdf_bytes

    document = directive(org, index, issued_on)
    return f"{document.file_stem}.pdf", pdf_bytes(document)
