"""Where the demo cell lives, and who comes from the commune to its meetings."""

from __future__ import annotations

CELL_NAME = "Chi bộ thôn An Hòa"
VILLAGE = "thôn An Hòa"
COMMUNE_NAME = "xã An Phú"
PLACE_NAME = "An Phú"
PROVINCE = "Đồng Tháp"
SUPERIOR_LINE = "ĐẢNG BỘ XÃ AN PHÚ"
MEETING_PLACE = "Nhà văn hóa thôn An Hòa"
COMMITTEE_PLACE = "Văn phòng Ban nhân dân thôn An Hòa"
ADDRESSEE = "Đảng ủy xã An Phú"
PROVINCE_CODE = "087"  # first digits of citizen IDs registered in Đồng Tháp
CANALS = ("kênh Ông Cả", "kênh Hai Hạt", "rạch Cái Sơn", "kênh Xáng Mới")
SUPERIOR_DELEGATE = "Trần Văn Thành"
SUPERIOR_DELEGATE_TITLE = "Đảng ủy viên phụ trách chi bộ"
WORKING_GROUP = ("Lê Minh Tâm", "Chuyên viên Ban Xây dựng Đảng, Đảng ủy xã An Phú")


def address(group: int) -> str:
    return f"Tổ {group}, {VILLAGE}, {COMMUNE_NAME}, tỉnh {PROVINCE}"
