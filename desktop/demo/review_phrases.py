"""What the demo cell's members write in their personal reviews, what the cell
says when it discusses them, and what they pledge for the year.

Slots: {year} the year reviewed, {next} the year after, {attended}/{meetings}
regular meetings attended out of those held, {to} residential group, {ho}
households, {met} metres, {month} a month ("05/2026"), {name} a member.
"""

from __future__ import annotations

# --- the personal review ---------------------------------------------------------

# Opening of section I, the same for everyone: what the member did as a member.
STRENGTHS_BASE: tuple[str, ...] = (
    "Chấp hành nghiêm chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước và "
    "quy định của địa phương. Tham gia {attended}/{meetings} buổi sinh hoạt chi bộ thường kỳ "
    "trong năm, đóng đảng phí đầy đủ.",
    "Luôn giữ vững lập trường tư tưởng, tin tưởng vào sự lãnh đạo của Đảng; giữ gìn phẩm chất "
    "đạo đức, lối sống giản dị, gần gũi bà con. Tham gia {attended}/{meetings} buổi sinh hoạt "
    "chi bộ thường kỳ.",
    "Gương mẫu chấp hành hương ước, quy ước của thôn; gia đình đạt danh hiệu Gia đình văn hóa. "
    "Tham gia {attended}/{meetings} buổi sinh hoạt chi bộ thường kỳ, có phát biểu xây dựng "
    "nghị quyết.",
)

# What each member did besides, by their role in the village (see people.ROLES).
STRENGTHS_BY_ROLE: dict[str, str] = {
    "village_head": "Với trách nhiệm Bí thư Chi bộ, Trưởng thôn, đã cùng chi ủy duy trì sinh "
    "hoạt chi bộ đều đặn, đúng nội dung; lãnh đạo thôn vận động nhân dân hiến đất, bê tông hóa "
    "{met} mét đường giao thông nông thôn, giữ vững danh hiệu Thôn văn hóa.",
    "front": "Là Trưởng Ban công tác Mặt trận thôn, đã phối hợp tổ chức tốt Ngày hội Đại đoàn kết "
    "toàn dân tộc, vận động quỹ Vì người nghèo hỗ trợ {ho} hộ khó khăn.",
    "women": "Là Chi hội trưởng Chi hội Phụ nữ, đã vận động hội viên phân loại rác tại nguồn, "
    "chăm sóc tuyến đường hoa tổ {to}; giúp {ho} hội viên vay vốn phát triển kinh tế gia đình.",
    "farmers": "Là Chi hội trưởng Chi hội Nông dân, đã phối hợp hướng dẫn bà con xuống giống "
    "đúng lịch thời vụ, vận động các hộ góp ngày công nạo vét kênh mương nội đồng.",
    "security": "Là Tổ trưởng Tổ bảo vệ an ninh, trật tự, đã duy trì tuần tra ban đêm, phối hợp "
    "giải quyết {ho} vụ việc ngay tại cơ sở, không để phát sinh phức tạp.",
    "veterans": "Là Chi hội trưởng Chi hội Cựu chiến binh, đã vận động hội viên tham gia tuần tra "
    "đê bao mùa nước nổi, giúp đỡ {ho} hội viên khó khăn.",
    "youth": "Là Bí thư Chi đoàn, đã tổ chức Tổ công nghệ số cộng đồng hướng dẫn người dân kích "
    "hoạt tài khoản định danh điện tử, hỗ trợ đảng viên lớn tuổi cài Sổ tay đảng viên điện tử.",
    "health": "Là nhân viên y tế thôn, đã tuyên truyền phòng, chống sốt xuất huyết đến từng hộ, "
    "vận động {ho} hộ tham gia bảo hiểm y tế hộ gia đình.",
    "teacher": "Hoàn thành tốt nhiệm vụ giảng dạy tại Trường Tiểu học An Phú; lớp chủ nhiệm "
    "đạt danh hiệu Lớp tiên tiến. Tham gia vận động học sinh có hoàn cảnh khó khăn đến trường.",
    "reconciliation": "Là Tổ trưởng Tổ hòa giải, đã cùng tổ hòa giải thành {ho} vụ tranh chấp "
    "ranh đất, mâu thuẫn gia đình, không để khiếu kiện vượt cấp.",
}

STRENGTHS_MEMBER: tuple[str, ...] = (
    "Hoàn thành các nhiệm vụ chi bộ phân công ở tổ {to}; vận động {ho} hộ hiến đất làm đường.",
    "Gia đình sản xuất lúa ba vụ, áp dụng đúng quy trình kỹ thuật, thu nhập ổn định; tích cực "
    "tham gia các phong trào của thôn.",
    "Mô hình trồng xoài của gia đình cho thu nhập khá, đã hướng dẫn {ho} hộ trong tổ {to} "
    "học tập làm theo.",
    "Nhận chăm sóc đoạn đường hoa trước nhà; vận động gia đình và bà con phân loại rác tại nhà.",
    "Tham gia tuần tra đê bao mùa nước nổi; nắm tình hình các hộ ở tổ {to}, kịp thời báo cáo "
    "chi ủy.",
)

STRENGTHS_PROBATIONARY: tuple[str, ...] = (
    "Trong thời gian dự bị, luôn cố gắng học tập, rèn luyện; tham gia {attended}/{meetings} buổi "
    "sinh hoạt chi bộ; được đảng viên giúp đỡ hướng dẫn và hoàn thành các nhiệm vụ được phân công "
    "ở tổ {to}.",
    "Đã học lớp bồi dưỡng lý luận chính trị dành cho đảng viên mới; tham gia {attended}/"
    "{meetings} buổi sinh hoạt chi bộ, tích cực tham gia hoạt động của Chi đoàn thôn.",
)

# (section II of the review, the shortcoming followed up, its remedy, months to fix it)
SHORTCOMINGS: tuple[tuple[str, str, str, int], ...] = (
    (
        "Có lúc chưa mạnh dạn trong tự phê bình và phê bình, còn nể nang khi góp ý. Nguyên nhân "
        "chủ yếu là ngại va chạm.",
        "Chưa mạnh dạn trong tự phê bình và phê bình, còn nể nang khi góp ý",
        "Mỗi buổi sinh hoạt chi bộ phát biểu ít nhất một ý kiến; thẳng thắn góp ý với đồng chí, "
        "đồng đội",
        6,
    ),
    (
        "Việc nghiên cứu, học tập nghị quyết còn hạn chế, ít phát biểu trong sinh hoạt chi bộ. "
        "Nguyên nhân: bận việc sản xuất, chưa sắp xếp thời gian hợp lý.",
        "Chưa dành thời gian nghiên cứu nghị quyết, ít phát biểu trong sinh hoạt chi bộ",
        "Đọc tài liệu trước mỗi buổi sinh hoạt; đăng ký phát biểu ở các buổi sinh hoạt chuyên đề",
        6,
    ),
    (
        "Chưa sử dụng Sổ tay đảng viên điện tử. Nguyên nhân: chưa quen dùng điện thoại thông minh.",
        "Chưa cài đặt, sử dụng Sổ tay đảng viên điện tử",
        "Nhờ Chi đoàn hướng dẫn cài đặt và sử dụng thường xuyên",
        3,
    ),
    (
        "Công tác vận động quần chúng ở tổ {to} có lúc chưa thường xuyên; còn {ho} hộ chưa tham "
        "gia bảo hiểm y tế. Nguyên nhân: chưa dành nhiều thời gian đến từng hộ.",
        "Vận động các hộ ở tổ {to} tham gia bảo hiểm y tế chưa thường xuyên",
        "Mỗi tháng đến từng hộ chưa tham gia để vận động; báo cáo kết quả tại sinh hoạt chi bộ",
        9,
    ),
)

# For a member who missed meetings without a reason during the year.
ABSENT_SHORTCOMING = (
    "Trong năm vắng sinh hoạt chi bộ {missed} buổi không có lý do; có tháng đóng đảng phí chậm. "
    "Nguyên nhân chủ yếu là chủ quan, chưa sắp xếp công việc gia đình hợp lý.",
    "Vắng sinh hoạt chi bộ {missed} buổi không có lý do",
    "Tham gia đầy đủ các buổi sinh hoạt; khi vắng phải báo cáo chi ủy; đóng đảng phí đúng hạn",
    6,
)

NONE_SERIOUS = (
    "Có lúc còn ngại khó trong công tác vận động quần chúng. Nguyên nhân: kinh nghiệm còn ít."
)

EARLIER_FIXES: tuple[str, ...] = (
    "Hạn chế được chỉ ra ở kỳ kiểm điểm năm {previous} (chưa mạnh dạn góp ý trong sinh hoạt) "
    "đã được khắc phục cơ bản: đã phát biểu ở hầu hết các buổi sinh hoạt.",
    "Những hạn chế được chỉ ra ở kỳ kiểm điểm năm {previous} đã được khắc phục, được chi bộ ghi "
    "nhận tại các buổi sinh hoạt trong năm.",
)

RESPONSIBILITY = (
    "Là Bí thư Chi bộ, bản thân chịu trách nhiệm chính về những hạn chế của chi bộ: nội dung "
    "sinh hoạt có lúc chưa phong phú, việc theo dõi, đôn đốc thực hiện nghị quyết chưa thật "
    "thường xuyên."
)

REMEDIES: tuple[str, ...] = (
    "Năm {next}, tiếp tục tu dưỡng, rèn luyện; thực hiện nghiêm nhiệm vụ chi bộ phân công; "
    "khắc phục hạn chế đã nêu trong quý II/{next}.",
    "Sắp xếp thời gian tham gia đầy đủ sinh hoạt chi bộ; học tập nghị quyết; mạnh dạn góp ý "
    "trong sinh hoạt, hoàn thành việc khắc phục trước tháng 6/{next}.",
    "Tích cực vận động gia đình và bà con trong tổ {to} thực hiện các phong trào của thôn; khắc "
    "phục dứt điểm hạn chế đã nêu trong năm {next}.",
)

# --- the discussion ------------------------------------------------------------------

CRITICISM: dict[str, tuple[str, ...]] = {
    "excellent": (
        "Thống nhất với bản kiểm điểm. Đồng chí gương mẫu, nói đi đôi với làm, được bà con tin "
        "tưởng; đề nghị tiếp tục phát huy.",
        "Đồng chí hoàn thành tốt các nhiệm vụ được giao, nhiều việc vượt yêu cầu. Tôi đề nghị "
        "chi bộ xếp loại hoàn thành xuất sắc nhiệm vụ.",
    ),
    "good": (
        "Thống nhất với bản kiểm điểm. Đề nghị đồng chí mạnh dạn hơn nữa trong góp ý, phê bình.",
        "Đồng chí tự kiểm điểm đúng. Góp ý thêm: việc vận động bà con ở tổ cần thường xuyên hơn.",
        "Tôi thống nhất với mức tự xếp loại. Đề nghị đồng chí quan tâm hướng dẫn đảng viên trẻ.",
        "Bản kiểm điểm còn chung chung, chưa nêu rõ kết quả cụ thể; đề nghị bổ sung số liệu.",
    ),
    "completed": (
        "Đồng chí vắng sinh hoạt nhiều buổi không có lý do, đề nghị nghiêm túc rút kinh nghiệm "
        "và có biện pháp khắc phục cụ thể.",
        "Góp ý thẳng thắn: đồng chí chưa hoàn thành một số việc chi bộ giao đúng thời hạn; đề "
        "nghị xác định rõ nguyên nhân chủ quan.",
    ),
}

SELF_CRITICISM = (
    "Tôi thành thật tiếp thu ý kiến góp ý của các đồng chí, nhận khuyết điểm và hứa khắc phục "
    "trong năm tới.",
    "Tôi tiếp thu các ý kiến góp ý; bản thân sẽ sắp xếp công việc để tham gia đầy đủ sinh hoạt.",
)

AWAY_REMARK = (
    "Nhận xét của chi bộ nơi sinh hoạt tạm thời: đồng chí chấp hành tốt quy định về sinh hoạt "
    "đảng tạm thời, tham gia đầy đủ sinh hoạt, đóng đảng phí đúng hạn."
)

# --- the cell's collective review -------------------------------------------------------

CELL_STRENGTHS = (
    "Chi bộ duy trì sinh hoạt thường kỳ {regular} buổi và sinh hoạt chuyên đề {thematic} buổi "
    "trong năm, {good_meetings} buổi được xếp loại Tốt; tỷ lệ đảng viên dự sinh hoạt bình quân "
    "{rate}. Chi bộ lãnh đạo thôn hoàn thành các chỉ tiêu nghị quyết năm, giữ vững danh hiệu "
    "Thôn văn hóa; tổng hợp {raised} kiến nghị của đảng viên và nhân dân gửi Đảng ủy xã. Nội bộ "
    "đoàn kết, không có đảng viên vi phạm."
)
CELL_SHORTCOMINGS = (
    "Nội dung sinh hoạt chi bộ có lúc chưa phong phú, ít đi sâu vào vấn đề nổi cộm của thôn; "
    "còn đảng viên vắng sinh hoạt không có lý do. Nguyên nhân: chi ủy chuẩn bị nội dung có "
    "lúc chưa kỹ."
)
CELL_SHORTCOMING = (
    "Nội dung sinh hoạt chi bộ có lúc chưa phong phú, ít đi sâu vào vấn đề nổi cộm",
    "Chi ủy chọn một vấn đề trọng tâm của thôn cho mỗi buổi sinh hoạt, gửi tài liệu trước",
)
CELL_EARLIER_FIXES = (
    "Hạn chế được chỉ ra năm {previous} về việc thu nộp đảng phí chậm đã được khắc phục: "
    "đảng phí được thu ngay tại buổi sinh hoạt hằng tháng."
)
CELL_REMEDIES = (
    "Năm {next}, chi ủy chuẩn bị kỹ nội dung, chọn vấn đề trọng tâm cho từng buổi sinh hoạt; "
    "nhắc nhở kịp thời đảng viên vắng sinh hoạt; tiếp tục lãnh đạo xây dựng nông thôn mới nâng cao."
)

# --- criticism at the year's meetings ---------------------------------------------------

ABSENCE_CRITICISM = (
    "Đồng chí {name} vắng sinh hoạt chi bộ tháng {month} không có lý do. Đề nghị đồng chí "
    "nghiêm túc tự kiểm điểm, rút kinh nghiệm."
)
ABSENCE_SELF_CRITICISM = (
    "Tôi nhận khuyết điểm vì vắng sinh hoạt chi bộ tháng {month} mà không báo cáo lý do; hứa "
    "từ nay tham gia đầy đủ, khi vắng sẽ báo cáo chi ủy."
)
ABSENCE_FOLLOW_UP = (
    "Không báo cáo chi ủy khi vắng sinh hoạt",
    "Báo cáo chi ủy trước khi vắng; tham gia đầy đủ sinh hoạt chi bộ",
)
MEETING_CRITICISM: tuple[str, ...] = (
    "Nhiệm vụ chi bộ giao tháng trước ở tổ {to} đồng chí {name} thực hiện còn chậm, chưa báo "
    "cáo kết quả. Đề nghị đồng chí rút kinh nghiệm.",
    "Đồng chí {name} đến sinh hoạt muộn nhiều lần, đề nghị chú ý đúng giờ để làm gương.",
    "Góp ý với đồng chí {name}: khi vận động bà con hiến đất cần kiên trì, giải thích rõ, tránh "
    "nóng vội làm bà con không đồng thuận.",
)
MEETING_SELF_CRITICISM: tuple[str, ...] = (
    "Tôi tự phê bình: tháng qua việc vận động các hộ ở tổ {to} tham gia bảo hiểm y tế tôi làm "
    "chưa đến nơi đến chốn, tháng này sẽ làm dứt điểm.",
    "Tôi nhận khuyết điểm đã chậm nộp đảng phí tháng trước, xin hứa không tái phạm.",
    "Tôi tự nhận còn ngại phát biểu trong sinh hoạt; từ nay sẽ chuẩn bị ý kiến trước.",
)

FIXED_NOTES: tuple[str, ...] = (
    "Đã khắc phục; chi bộ ghi nhận tại buổi sinh hoạt tháng {month}.",
    "Đã thực hiện theo đúng biện pháp đề ra, chi ủy kiểm tra xác nhận tháng {month}.",
)
FIXING_NOTE = "Đang khắc phục, có tiến bộ; chi ủy tiếp tục theo dõi (tháng {month})."

# --- emulation and commendations ----------------------------------------------------------

CELL_PLEDGE = (
    "Chi bộ phấn đấu đạt Hoàn thành tốt nhiệm vụ năm {year}; lãnh đạo thôn giữ vững danh hiệu "
    "Thôn văn hóa, duy trì các tiêu chí nông thôn mới nâng cao; 100% đảng viên tham gia đầy đủ "
    "sinh hoạt."
)
MEMBER_PLEDGES: tuple[str, ...] = (
    "Phấn đấu đạt Hoàn thành tốt nhiệm vụ năm {year}; gia đình đạt danh hiệu Gia đình văn hóa.",
    "Phấn đấu đạt Hoàn thành tốt nhiệm vụ năm {year}; vận động các hộ ở tổ {to} tham gia bảo "
    "hiểm y tế.",
    "Phấn đấu đạt Hoàn thành tốt nhiệm vụ năm {year}; nhận chăm sóc tuyến đường hoa trước nhà.",
)
LEADER_PLEDGE = (
    "Phấn đấu đạt Hoàn thành xuất sắc nhiệm vụ năm {year}; lãnh đạo hoàn thành 100% chỉ tiêu "
    "nghị quyết của chi bộ."
)
PLEDGE_ACHIEVED = "Đạt: được xếp loại {level} năm {year}."
PLEDGE_MISSED = "Chưa đạt: được xếp loại {level} năm {year}."
CELL_PLEDGE_RESULT = "Đạt: chi bộ được xếp loại {level} năm {year}."

MEMBER_COMMENDATION = (
    "Giấy khen",
    "Ban Chấp hành Đảng bộ xã An Phú",
    "Đảng viên hoàn thành xuất sắc nhiệm vụ năm {year}",
)
FRONT_COMMENDATION = (
    "Giấy khen",
    "Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam xã An Phú",
    "Có thành tích tiêu biểu trong tổ chức Ngày hội Đại đoàn kết toàn dân tộc năm {year}",
)
