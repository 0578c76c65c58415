"""What people say and decide at the demo cell's meetings.

Texts may hold slots filled per use (see `speech.Slots`): {to} residential
group, {met} metres, {ho}/{n} counts, {tien} million dong, {pct} percent,
{ha} hectares, {vu} rice crop, {kenh} canal, {ba} a woman's name, {qc} a
young person proposed for admission, {thang} the month.
"""

from __future__ import annotations

# --- speeches -------------------------------------------------------------

OPENERS: dict[str, tuple[str, ...]] = {
    "evaluation": (
        "Tôi thống nhất với báo cáo đánh giá kết quả tháng qua của chi ủy.",
        "Qua báo cáo của đồng chí Bí thư, tôi xin bổ sung một số ý.",
        "Tôi cơ bản đồng ý với những nội dung chi ủy đã đánh giá.",
        "Báo cáo đã phản ánh đúng tình hình của thôn, tôi chỉ góp thêm một ý.",
    ),
    "opinions": (
        "Qua nắm tình hình ở tổ {to}, tôi xin phản ánh ý kiến của bà con.",
        "Tôi xin phản ánh một số ý kiến của nhân dân trong tổ {to}.",
        "Thời gian qua bà con trong tổ {to} có ý kiến như sau.",
    ),
    "directions": (
        "Tôi thống nhất với dự thảo nghị quyết và các nhiệm vụ tháng {thang}.",
        "Về phương hướng tháng tới, tôi xin góp thêm một ý.",
        "Tôi đồng ý với các nhiệm vụ chi ủy đề ra, nhưng đề nghị làm rõ người phụ trách.",
    ),
    "discussion": (
        "Tôi xin phát biểu thêm.",
        "Qua thảo luận, tôi thấy cần nói thẳng một việc.",
        "",
    ),
}

CLOSINGS: tuple[str, ...] = (
    "Đề nghị chi ủy phân công đảng viên trong tổ theo dõi, đôn đốc.",
    "Bản thân tôi sẽ gương mẫu thực hiện và vận động gia đình cùng tham gia.",
    "Tôi đề nghị đưa nội dung này vào nghị quyết tháng {thang}.",
    "Mong các đồng chí đảng viên cùng chung tay.",
    "",
    "",
)

TOPICS: dict[str, tuple[str, ...]] = {
    "new_rural": (
        "Về xây dựng nông thôn mới nâng cao, tuyến đường tổ {to} đã bê tông hóa được {met} mét, "
        "còn khoảng {met2} mét chưa thi công do {ho} hộ chưa thống nhất hiến đất. Đề nghị chi bộ "
        "phân công đảng viên trong tổ đến từng hộ vận động, giải thích để bà con đồng thuận.",
        "Phong trào trồng hoa, cây xanh dọc tuyến đường liên thôn được bà con hưởng ứng, nhưng "
        "một số đoạn chưa được chăm sóc thường xuyên, cỏ mọc lấn đường. Tôi đề nghị mỗi đảng viên "
        "nhận chăm sóc đoạn đường trước nhà mình để làm gương cho bà con.",
        "Tiêu chí môi trường vẫn là tiêu chí khó của thôn. Còn tình trạng vứt rác, bao bì thuốc "
        "bảo vệ thực vật xuống {kenh}. Đề nghị Chi hội Phụ nữ và Chi hội Nông dân tuyên truyền "
        "đến từng hộ; đảng viên phải gương mẫu phân loại rác tại nhà.",
        "Việc vận động đóng góp xây cầu bê tông qua {kenh} đến nay được {tien} triệu đồng trên "
        "dự toán {tien2} triệu đồng. Đề nghị chi bộ tiếp tục vận động các hộ khá giả và con em "
        "xa quê hỗ trợ thêm để kịp khởi công.",
        "Hệ thống đèn chiếu sáng tuyến đường tổ {to} có {n} bóng bị hư, ban đêm bà con đi lại "
        "khó khăn. Đề nghị Ban nhân dân thôn kiểm tra, thay mới; kinh phí thì vận động xã hội hóa.",
    ),
    "security": (
        "Tình hình an ninh trật tự trong tháng cơ bản ổn định, nhưng đã xảy ra {n} vụ trộm máy "
        "bơm nước, gà vịt ở khu vực tổ {to}. Đề nghị Tổ bảo vệ an ninh, trật tự tăng cường tuần "
        "tra ban đêm, nhất là vào mùa thu hoạch.",
        "Hiện nay các đối tượng lừa đảo qua điện thoại, mạng xã hội giả danh công an, ngân hàng "
        "ngày càng tinh vi. Đề nghị mỗi đảng viên nhắc nhở người thân, nhất là người cao tuổi, "
        "không cung cấp mã OTP, không chuyển tiền cho người lạ.",
        "Vẫn còn tình trạng thanh thiếu niên tụ tập chạy xe lạng lách trên tuyến đê bao vào buổi "
        "tối. Đề nghị Chi đoàn phối hợp với gia đình quản lý, giáo dục các em; đảng viên có con "
        "em trong độ tuổi phải nhắc nhở con em mình.",
        "Tổ hòa giải của thôn đã hòa giải thành {n} vụ tranh chấp ranh đất, không để phát sinh "
        "khiếu kiện vượt cấp. Tôi đề nghị tiếp tục phát huy vai trò của đảng viên, người có uy "
        "tín trong công tác hòa giải ở cơ sở.",
        "Có {n} hộ cho người nơi khác thuê nhà trọ nhưng chưa khai báo tạm trú. Đề nghị Ban nhân "
        "dân thôn nhắc nhở các hộ khai báo qua ứng dụng VNeID.",
    ),
    "farming": (
        "Vụ lúa {vu} năm nay bà con trong thôn xuống giống {ha} héc-ta, lúa đang phát triển tốt. "
        "Đề nghị Chi hội Nông dân phối hợp cán bộ khuyến nông hướng dẫn bà con thăm đồng, phòng "
        "trừ rầy nâu, đạo ôn theo đúng khuyến cáo.",
        "Giá lúa đầu vụ {vu} giảm, nhiều hộ bị thương lái ép giá. Tôi đề nghị chi bộ định hướng "
        "bà con liên kết với hợp tác xã để có đầu ra ổn định; đảng viên nên tham gia trước để "
        "vận động.",
        "Mô hình trồng xoài theo tiêu chuẩn VietGAP của {ho} hộ ở tổ {to} cho thu nhập cao hơn "
        "trồng lúa nhiều lần. Đề nghị nhân rộng mô hình; đảng viên nên đi đầu chuyển đổi cây "
        "trồng trên đất lúa kém hiệu quả.",
        "Lịch thời vụ {vu} năm nay phải xuống giống tập trung, né rầy. Đảng viên là chủ hộ sản "
        "xuất phải gương mẫu xuống giống đúng lịch, không để ruộng mình thành ổ dịch.",
        "Việc nạo vét {kenh} phục vụ tưới tiêu cho vụ {vu} cần làm sớm. Đề nghị chi bộ giao Chi "
        "hội Nông dân vận động các hộ hưởng lợi góp ngày công.",
    ),
    "poverty": (
        "Thôn hiện còn {n} hộ nghèo và {n2} hộ cận nghèo. Đề nghị chi bộ phân công mỗi đảng viên "
        "có điều kiện giúp đỡ ít nhất một hộ về cây con giống và cách làm ăn.",
        "Căn nhà đại đoàn kết của hộ bà {ba} ở tổ {to} đã được Ủy ban Mặt trận Tổ quốc xã hỗ trợ "
        "{tien} triệu đồng, còn thiếu ngày công. Đề nghị đảng viên và đoàn viên thanh niên góp "
        "công giúp gia đình hoàn thành trước mùa mưa.",
        "Việc rà soát hộ nghèo, cận nghèo cuối năm phải công khai, đúng đối tượng, tránh nể nang. "
        "Đảng viên tham gia bình xét phải nói thẳng, nói đúng.",
        "Ngân hàng Chính sách xã hội đã giải ngân cho {n} hộ trong thôn vay vốn giải quyết việc "
        "làm. Đề nghị tổ tiết kiệm và vay vốn theo dõi việc sử dụng vốn đúng mục đích; đảng viên "
        "giúp các hộ xây dựng phương án làm ăn.",
        "Có {n} lao động trẻ trong thôn chưa có việc làm ổn định. Đề nghị Chi đoàn phối hợp với "
        "xã giới thiệu các em học nghề, vào làm ở các khu công nghiệp trong tỉnh.",
    ),
    "digital": (
        "Tỷ lệ người dân trong thôn kích hoạt tài khoản định danh điện tử mức 2 mới đạt {pct}%. "
        "Đề nghị Tổ công nghệ số cộng đồng đến từng nhà hướng dẫn, ưu tiên người cao tuổi.",
        "Hiện có {pct}% đảng viên của chi bộ đã cài đặt và sử dụng Sổ tay đảng viên điện tử. Đề "
        "nghị các đồng chí còn lại, nhất là đảng viên lớn tuổi, nhờ con cháu hoặc Chi đoàn hỗ "
        "trợ cài đặt trong tháng.",
        "Việc thanh toán không dùng tiền mặt như đóng tiền điện, tiền nước, học phí qua ứng dụng "
        "ngân hàng đã dần quen với bà con. Đảng viên nên đi đầu thực hiện và hướng dẫn người thân.",
        "Nhóm Zalo của thôn hoạt động hiệu quả trong thông tin, tuyên truyền nhưng vẫn có người "
        "chia sẻ tin chưa được kiểm chứng. Đề nghị quản trị nhóm nhắc nhở; đảng viên không bình "
        "luận, chia sẻ thông tin xấu độc.",
        "Đề nghị chi ủy gửi dự thảo nghị quyết và tài liệu sinh hoạt qua Sổ tay đảng viên điện tử "
        "trước một ngày để đảng viên nghiên cứu, chuẩn bị ý kiến.",
    ),
    "party": (
        "Việc thu nộp đảng phí tháng này đạt 100%, tuy nhiên vẫn có đồng chí nộp chậm. Đề nghị "
        "các đồng chí nộp đảng phí ngay tại buổi sinh hoạt chi bộ.",
        "Tôi đề nghị chi ủy sớm hoàn chỉnh hồ sơ cho quần chúng {qc}, đoàn viên ưu tú của Chi "
        "đoàn, để đề nghị Đảng ủy xã xem xét kết nạp trong quý tới.",
        "Tháng trước vẫn còn đồng chí vắng sinh hoạt không có lý do. Đề nghị chi ủy gặp gỡ, nhắc "
        "nhở; nếu tái diễn thì yêu cầu đảng viên đó kiểm điểm theo quy định.",
        "Nội dung sinh hoạt chi bộ thời gian gần đây đã có đổi mới, đảng viên phát biểu nhiều "
        "hơn. Đề nghị chi ủy tiếp tục chuẩn bị kỹ, chọn một, hai vấn đề nổi cộm để tập trung "
        "thảo luận.",
        "Đề nghị chi bộ phân công đảng viên có kinh nghiệm giúp đỡ đảng viên dự bị, để các đồng "
        "chí sớm đủ điều kiện chuyển đảng viên chính thức.",
    ),
    "social": (
        "Tỷ lệ người dân tham gia bảo hiểm y tế của thôn đạt {pct}%, còn thấp so với chỉ tiêu "
        "của xã. Đề nghị đảng viên vận động gia đình mình và các hộ lân cận tham gia bảo hiểm y "
        "tế hộ gia đình.",
        "Trong tháng có {n} ca sốt xuất huyết ở tổ {to}. Đề nghị các hộ thường xuyên diệt lăng "
        "quăng, súc rửa lu khạp; đảng viên nhắc nhở bà con cùng làm.",
        "Thôn còn {n} em học sinh có hoàn cảnh khó khăn. Đề nghị Chi hội Khuyến học vận động "
        "tặng tập vở, xe đạp để các em yên tâm đến trường.",
        "Việc tổ chức đám tiệc ở một số hộ còn kéo dài, mở loa lớn sau 22 giờ. Đề nghị Ban nhân "
        "dân thôn nhắc nhở các hộ thực hiện đúng hương ước, quy ước của thôn.",
    ),
}

SEASONAL_TOPICS: dict[str, tuple[str, ...]] = {
    "flood": (
        "Mùa nước nổi năm nay nước lên nhanh. Đề nghị các gia đình có trẻ nhỏ trông giữ con em, "
        "làm rào chắn quanh nhà; đảng viên ở tổ {to} kiểm tra các điểm giữ trẻ mùa lũ.",
        "Nhiều hộ tận dụng mùa nước nổi nuôi cá, trồng sen, đặt lộp bắt cá linh để tăng thu nhập. "
        "Đề nghị Chi hội Nông dân hướng dẫn bà con khai thác hợp lý, không dùng lưới mắt nhỏ, "
        "không dùng xung điện.",
        "Đoạn đê bao tổ {to} có dấu hiệu sạt lở khoảng {met2} mét. Đề nghị Ban nhân dân thôn báo "
        "cáo xã, huy động lực lượng gia cố kịp thời.",
    ),
    "tet": (
        "Tết Nguyên đán sắp đến, đề nghị chi bộ chỉ đạo thăm hỏi, tặng quà các gia đình chính "
        "sách, hộ nghèo, đảng viên cao tuổi, để nhà nào cũng có Tết.",
        "Dịp Tết thường phát sinh cờ bạc, đốt pháo, uống rượu bia rồi lái xe. Đề nghị Tổ bảo vệ "
        "an ninh, trật tự tăng cường tuần tra; đảng viên gương mẫu, nhắc nhở gia đình chấp hành.",
    ),
}

SUPERIOR_SPEECHES: tuple[str, ...] = (
    "Thay mặt Đảng ủy xã, tôi ghi nhận chi bộ đã chuẩn bị nội dung sinh hoạt chu đáo, đảng viên "
    "phát biểu thẳng thắn. Đề nghị chi bộ bám sát nghị quyết của Đảng ủy xã, phân công rõ người, "
    "rõ việc, rõ thời hạn.",
    "Tôi đánh giá cao việc chi bộ theo dõi kết quả thực hiện nghị quyết từng tháng. Đề nghị chi "
    "bộ quan tâm tạo nguồn phát triển đảng viên trong đoàn viên thanh niên.",
    "Các kiến nghị của chi bộ tôi sẽ báo cáo Thường trực Đảng ủy xã để trả lời trong tháng. Đề "
    "nghị chi bộ tiếp tục nắm chắc tình hình tư tưởng của đảng viên và nhân dân.",
    "Đề nghị chi bộ lưu ý công tác quản lý đảng viên đi làm ăn xa, giữ liên lạc thường xuyên và "
    "nhắc các đồng chí nộp đảng phí đầy đủ.",
)

SUPERIOR_REMARKS: tuple[str, ...] = (
    "Đồng chí {delegate} ghi nhận chi bộ chuẩn bị nội dung chu đáo, đảng viên phát biểu sôi nổi; "
    "thống nhất với kết quả chấm điểm chất lượng sinh hoạt.",
    "Đồng chí {delegate} thống nhất với kết quả chấm điểm; lưu ý chi bộ vận động đảng viên tham "
    "gia sinh hoạt đầy đủ.",
    "Đồng chí {delegate} đánh giá cao tinh thần thẳng thắn trong tự phê bình và phê bình; đề nghị "
    "tập trung giải quyết dứt điểm các kiến nghị của nhân dân.",
)

HO_CHI_MINH_LESSONS: tuple[str, ...] = (
    "Lời dạy của Bác: “Cần, kiệm, liêm, chính, chí công vô tư”",
    "Lời dạy của Bác: “Dễ trăm lần không dân cũng chịu, khó vạn lần dân liệu cũng xong”",
    "Lời dạy của Bác về tự phê bình và phê bình",
    "Câu chuyện “Chiếc đồng hồ”",
    "Lời dạy của Bác về tiết kiệm: “Tiết kiệm không phải là bủn xỉn”",
    "Lời dạy của Bác: “Đảng viên đi trước, làng nước theo sau”",
)

# --- thematic meetings ----------------------------------------------------

THEMATIC_TOPICS: dict[str, tuple[str, ...]] = {
    "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh": (
        "Qua chuyên đề, tôi thấm thía lời Bác dạy: cán bộ, đảng viên phải cần, kiệm, liêm, chính, "
        "chí công vô tư. Bản thân tôi sẽ làm việc gì cũng công khai, minh bạch với bà con, nói đi "
        "đôi với làm.",
        "Học tập Bác, mỗi đảng viên trong thôn nên đăng ký một việc làm cụ thể: giúp một hộ nghèo, "
        "nhận chăm sóc một đoạn đường, vận động một hộ tham gia bảo hiểm y tế. Việc nhỏ nhưng làm "
        "thường xuyên sẽ có tác dụng nêu gương.",
        "Tôi đề nghị chi bộ duy trì việc kể chuyện về Bác trong mỗi buổi sinh hoạt, giao cho đảng "
        "viên trẻ chuẩn bị, để vừa học tập vừa rèn kỹ năng trình bày.",
    ),
    "Chuyển đổi số trong sinh hoạt chi bộ": (
        "Chuyển đổi số không khó như nhiều đảng viên lớn tuổi nghĩ. Từ khi dùng Sổ tay đảng viên "
        "điện tử, tôi nhận thông báo, tài liệu sinh hoạt kịp thời, không phải chờ giấy mời.",
        "Đề nghị chi bộ lưu biên bản, nghị quyết trên máy tính, có sổ theo dõi nhiệm vụ, để đến "
        "kỳ đánh giá không phải lật lại sổ ghi chép từng tháng.",
        "Đề nghị Chi đoàn cử đoàn viên hỗ trợ từng đảng viên cài đặt ứng dụng, hướng dẫn nộp "
        "đảng phí trực tuyến cho các đồng chí có nhu cầu.",
    ),
    "Xây dựng nông thôn mới nâng cao": (
        "Để giữ vững và nâng cao các tiêu chí nông thôn mới, theo tôi khó nhất là tiêu chí thu "
        "nhập và môi trường. Đảng viên phải đi đầu chuyển đổi sản xuất, giữ vệ sinh đường làng, "
        "ngõ xóm.",
        "Tôi đề nghị mỗi tổ xây dựng một tuyến đường hoa kiểu mẫu, giao đảng viên ở tổ phụ trách, "
        "cuối năm chấm điểm, khen thưởng.",
        "Cần phát huy quyền làm chủ của nhân dân: việc gì cũng bàn bạc công khai, dân biết, dân "
        "bàn, dân làm, dân kiểm tra, dân thụ hưởng.",
    ),
    "Giữ gìn an ninh trật tự thôn xóm": (
        "Giữ gìn an ninh trật tự trước hết là nắm chắc tình hình từng hộ. Đảng viên ở tổ nào phải "
        "biết gia đình nào có người đi làm ăn xa, ai mới đến tạm trú, thanh niên nào hay tụ tập.",
        "Mô hình camera an ninh do nhân dân đóng góp ở các ngã ba trong thôn phát huy hiệu quả. "
        "Đề nghị nhân rộng ra các tổ còn lại.",
        "Đề nghị xây dựng lịch tuần tra có đảng viên, cựu chiến binh, đoàn viên thanh niên cùng "
        "tham gia, nhất là vào dịp lễ, Tết và mùa thu hoạch.",
    ),
    "Nguyên tắc tập trung dân chủ": (
        "Nguyên tắc tập trung dân chủ đòi hỏi mọi việc quan trọng của chi bộ phải được bàn bạc "
        "tập thể, biểu quyết theo đa số. Đảng viên có ý kiến khác được quyền bảo lưu nhưng phải "
        "chấp hành nghị quyết.",
        "Có lúc đảng viên ngại phát biểu vì sợ mất lòng. Tôi đề nghị chi ủy tạo không khí cởi mở "
        "để mọi người nói thẳng, nói thật trong sinh hoạt.",
        "Nghị quyết chi bộ đã thông qua thì mỗi đảng viên phải thực hiện nghiêm, không nói khác, "
        "làm khác.",
    ),
    "Nâng cao chất lượng sinh hoạt chi bộ": (
        "Sinh hoạt chi bộ không nên chỉ đọc báo cáo. Chi ủy nên chọn một vấn đề cụ thể của thôn "
        "để đảng viên thảo luận, đi đến thống nhất.",
        "Đề nghị thực hiện nghiêm việc tự phê bình và phê bình; đồng chí nào không hoàn thành "
        "nhiệm vụ được giao phải nêu rõ nguyên nhân.",
        "Biên bản phải ghi đầy đủ ý kiến của từng đảng viên phát biểu; nghị quyết phải phân công "
        "rõ người, rõ việc, rõ thời hạn.",
    ),
}

FLOOD_SPEECHES: tuple[str, ...] = (
    "Tôi đề nghị lập danh sách các hộ ở ven sông, nhà yếu để có phương án di dời khi cần; đảng "
    "viên ở mỗi tổ nắm tình hình từng hộ.",
    "Đề nghị huy động cựu chiến binh, đoàn viên thanh niên cùng lực lượng dân quân hỗ trợ bà con "
    "chằng chống nhà cửa, gia cố đê bao.",
    "Đề nghị chuẩn bị sẵn áo phao, xuồng và lương thực dự phòng tại Nhà văn hóa thôn; phân công "
    "đảng viên trực khi có mưa bão.",
    "Các điểm giữ trẻ mùa lũ phải có người trông thường xuyên; đề nghị Chi hội Phụ nữ nhận phụ "
    "trách.",
)

# --- resolutions ------------------------------------------------------------

# (role, description): the role decides who is assigned (see people.ROLES);
# "deputy", "secretary" and "committee" are committee posts.
TASKS: tuple[tuple[str, str], ...] = (
    (
        "village_head",
        "Vận động nhân dân ra quân vệ sinh môi trường, phát quang bụi rậm dọc các "
        "tuyến đường trong thôn vào ngày Chủ nhật xanh",
    ),
    ("village_head", "Hoàn thành bê tông hóa đoạn đường tổ {to}, vận động các hộ còn lại hiến đất"),
    (
        "farmers",
        "Hướng dẫn bà con xuống giống vụ {vu} tập trung, đúng lịch thời vụ; thăm đồng "
        "phòng trừ sâu bệnh",
    ),
    ("farmers", "Vận động các hộ hưởng lợi góp ngày công nạo vét {kenh}"),
    (
        "security",
        "Duy trì tuần tra ban đêm, nắm tình hình người tạm trú, không để xảy ra trộm cắp tài sản",
    ),
    ("security", "Tuyên truyền phòng, chống lừa đảo qua mạng đến từng hộ, nhất là người cao tuổi"),
    (
        "women",
        "Vận động hội viên phụ nữ phân loại rác tại nguồn, chăm sóc tuyến đường hoa của thôn",
    ),
    ("women", "Vận động các hộ tham gia bảo hiểm y tế hộ gia đình, phấn đấu tăng tỷ lệ bao phủ"),
    (
        "youth",
        "Tổ chức Tổ công nghệ số cộng đồng hướng dẫn người dân kích hoạt tài khoản định "
        "danh điện tử mức 2",
    ),
    ("youth", "Hỗ trợ đảng viên lớn tuổi cài đặt và sử dụng Sổ tay đảng viên điện tử"),
    (
        "veterans",
        "Phối hợp Tổ bảo vệ an ninh, trật tự tuần tra tuyến đê bao, nhắc nhở thanh "
        "thiếu niên không tụ tập chạy xe",
    ),
    ("health", "Tổ chức diệt lăng quăng, phòng chống sốt xuất huyết tại các hộ ở tổ {to}"),
    ("front", "Rà soát, lập danh sách hộ nghèo, hộ cận nghèo; đề xuất hỗ trợ nhà đại đoàn kết"),
    ("front", "Vận động đóng góp quỹ xây cầu bê tông qua {kenh}"),
    ("reconciliation", "Nắm tình hình, hòa giải kịp thời các mâu thuẫn, tranh chấp trong nhân dân"),
    (
        "teacher",
        "Vận động học sinh có hoàn cảnh khó khăn đi học đều, tặng tập vở cho học sinh nghèo",
    ),
    ("secretary", "Hoàn chỉnh hồ sơ đề nghị kết nạp đảng cho quần chúng ưu tú {qc}"),
    (
        "committee",
        "Chuẩn bị nội dung, dự thảo nghị quyết sinh hoạt chi bộ tháng tới; gửi trước "
        "cho đảng viên qua Sổ tay đảng viên điện tử",
    ),
)

DUES_TASK = ("deputy", "Thu nộp đảng phí đầy đủ, đúng hạn; nộp lên Đảng ủy xã trước ngày 10")

SEASONAL_TASKS: dict[str, tuple[tuple[str, str], ...]] = {
    "tet": (
        (
            "front",
            "Tổ chức thăm hỏi, tặng quà Tết cho gia đình chính sách, hộ nghèo, đảng viên cao tuổi",
        ),
    ),
    "flood": (
        (
            "security",
            "Triển khai phương án phòng, chống lũ; kiểm tra các điểm giữ trẻ mùa nước nổi",
        ),
    ),
}

FLOOD_TASKS: tuple[tuple[str, str], ...] = (
    (
        "village_head",
        "Rà soát, lập danh sách hộ ở ven sông, nhà yếu; chuẩn bị phương án di dời khi có lũ lớn",
    ),
    ("veterans", "Phối hợp dân quân gia cố đoạn đê bao xung yếu ở tổ {to}"),
    ("women", "Duy trì các điểm giữ trẻ mùa nước nổi, có người trông thường xuyên"),
    ("committee", "Phân công đảng viên trực tại Nhà văn hóa thôn khi có mưa bão, lũ lớn"),
)

RESULT_NOTES: dict[str, tuple[str, ...]] = {
    "done": (
        "Đã hoàn thành.",
        "Hoàn thành đúng thời hạn.",
        "Đã thực hiện xong, nhân dân đồng tình hưởng ứng.",
        "Hoàn thành, vượt yêu cầu đề ra.",
    ),
    "partly": (
        "Đạt khoảng {pct}%, còn {n} hộ chưa thực hiện; chuyển sang tháng sau.",
        "Đã triển khai nhưng chưa xong do mưa nhiều.",
        "Thực hiện được một phần, còn chờ kinh phí.",
    ),
    "not_done": (
        "Chưa thực hiện do trùng thời vụ thu hoạch; chuyển sang tháng sau.",
        "Chưa thực hiện được, đang chờ ý kiến của xã.",
    ),
}

DUES_DONE = "Thu đủ đảng phí của đảng viên, đã nộp lên Đảng ủy xã."

ACHIEVEMENTS: tuple[str, ...] = (
    "Tình hình an ninh chính trị, trật tự an toàn xã hội trên địa bàn ổn định.",
    "Sản xuất nông nghiệp vụ {vu} bảo đảm đúng lịch thời vụ.",
    "Nhân dân tham gia ra quân vệ sinh môi trường, giữ gìn cảnh quan đường làng ngõ xóm.",
    "Công tác thu nộp đảng phí đạt 100%.",
    "Các đoàn thể hoạt động đều, phối hợp tốt với Ban nhân dân thôn.",
    "Không có đảng viên vi phạm tư cách, đạo đức, lối sống.",
)

SHORTCOMINGS: tuple[str, ...] = (
    "một số đảng viên chưa tham gia sinh hoạt đầy đủ; việc vận động hiến đất làm đường còn chậm.",
    "công tác hướng dẫn chuyển đổi số cho người cao tuổi còn hạn chế.",
    "tình trạng vứt rác xuống kênh rạch vẫn còn xảy ra.",
    "một số nhiệm vụ chưa hoàn thành đúng thời hạn do trùng thời vụ.",
    "việc nắm tình hình người tạm trú có lúc chưa kịp thời.",
)

# --- recommendations --------------------------------------------------------

# (what the cell asks the commune, what the commune answered)
RECOMMENDATIONS: tuple[tuple[str, str], ...] = (
    (
        "Kiến nghị Đảng ủy xã chỉ đạo gia cố đoạn đê bao tổ {to} bị sạt lở khoảng {met2} mét "
        "trước mùa nước nổi.",
        "Đảng ủy xã đã giao Ủy ban nhân dân xã bố trí kinh phí phòng, chống thiên tai để gia cố "
        "đoạn đê bao; dự kiến thi công trong tháng tới.",
    ),
    (
        "Đề nghị xã lắp đặt thêm đèn chiếu sáng công cộng trên tuyến đường liên thôn An Hòa – "
        "An Lạc.",
        "Ủy ban nhân dân xã đã đưa tuyến đường vào kế hoạch chiếu sáng năm nay theo phương thức "
        "Nhà nước và nhân dân cùng làm.",
    ),
    (
        "Đề nghị hỗ trợ giống lúa và vật tư cho các hộ bị thiệt hại do rầy nâu trong vụ {vu}.",
        "Đảng ủy xã đã chỉ đạo rà soát thiệt hại; các hộ đủ điều kiện được hỗ trợ giống theo chính "
        "sách của tỉnh.",
    ),
    (
        "Kiến nghị sớm cấp giấy chứng nhận quyền sử dụng đất cho {n} hộ ở tổ {to} đã nộp hồ sơ từ "
        "năm trước.",
        "Đã chuyển Ủy ban nhân dân xã giải quyết; hồ sơ đang được thẩm định, sẽ trả kết quả cho "
        "các hộ trong quý.",
    ),
    (
        "Đề nghị xã mở lớp hướng dẫn kỹ năng số cho người cao tuổi, nhất là cách phòng tránh lừa "
        "đảo qua mạng.",
        "Đảng ủy xã giao Đoàn Thanh niên phối hợp Công an xã tổ chức lớp hướng dẫn tại Nhà văn hóa "
        "thôn.",
    ),
    (
        "Đề nghị nạo vét {kenh} vì bồi lắng nặng, ảnh hưởng việc tưới tiêu của khoảng {ha} héc-ta "
        "lúa.",
        "Ủy ban nhân dân xã đã đưa vào danh mục công trình thủy lợi nội đồng, nạo vét sau vụ thu "
        "hoạch.",
    ),
    (
        "Kiến nghị quan tâm chế độ hỗ trợ cho người hoạt động không chuyên trách ở thôn sau khi "
        "sắp xếp đơn vị hành chính.",
        "Nội dung thuộc thẩm quyền của tỉnh; Đảng ủy xã đã tổng hợp, báo cáo cấp trên.",
    ),
    (
        "Đề nghị xã xử lý tình trạng xe chở vật liệu quá tải làm hư hỏng đường bê tông của thôn.",
        "Công an xã đã phối hợp lực lượng chức năng kiểm tra, xử lý các trường hợp vi phạm; đơn vị "
        "thi công đã cam kết sửa chữa.",
    ),
    (
        "Đề nghị tổ chức khám sức khỏe định kỳ cho đảng viên cao tuổi tại Trạm Y tế xã.",
        "Đảng ủy xã đã chỉ đạo Trạm Y tế xã khám cho đảng viên từ 70 tuổi trở lên trong đợt khám "
        "sức khỏe người cao tuổi.",
    ),
    (
        "Đề nghị xã hướng dẫn thủ tục chuyển đổi đất lúa sang trồng cây ăn trái cho các hộ có nhu "
        "cầu.",
        "Ủy ban nhân dân xã sẽ cử công chức địa chính hướng dẫn tại buổi họp dân của thôn.",
    ),
    (
        "Kiến nghị bố trí điểm thu gom rác tập trung cho các tổ 4, 5, 6 vì xe thu gom chưa vào "
        "được.",
        "Đã chuyển đơn vị thu gom khảo sát, bổ sung lịch thu gom hai lần mỗi tuần.",
    ),
)

RECOMMENDATION_OPENERS: tuple[str, ...] = (
    "Qua ý kiến của bà con, tôi đề nghị chi bộ kiến nghị lên cấp trên như sau: ",
    "Tôi xin nêu một kiến nghị của nhân dân tổ {to}: ",
    "Đề nghị chi bộ tổng hợp, gửi Đảng ủy xã kiến nghị sau: ",
)
