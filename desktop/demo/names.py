"""Vietnamese personal names, composed the usual way: family, middle, given."""

from __future__ import annotations

import random

from desktop.data.enums import Sex

# Family names with rough weights (Nguyễn is by far the most common).
FAMILY_NAMES: dict[str, int] = {
    "Nguyễn": 30,
    "Trần": 11,
    "Lê": 9,
    "Phạm": 7,
    "Huỳnh": 6,
    "Võ": 6,
    "Phan": 5,
    "Hoàng": 3,
    "Vũ": 2,
    "Đặng": 3,
    "Bùi": 2,
    "Đỗ": 2,
    "Hồ": 3,
    "Ngô": 2,
    "Dương": 2,
    "Lý": 2,
}

MIDDLE_NAMES: dict[Sex, list[str]] = {
    Sex.MALE: ["Văn", "Văn", "Văn", "Đức", "Hữu", "Minh", "Thanh", "Quốc", "Công"],
    Sex.FEMALE: ["Thị", "Thị", "Thị", "Ngọc", "Thu", "Kim", "Thanh", "Mỹ", "Bích"],
}

GIVEN_NAMES: dict[Sex, list[str]] = {
    Sex.MALE: [
        "Hùng",
        "Dũng",
        "Thành",
        "Phúc",
        "Tâm",
        "Lộc",
        "Hải",
        "Nghĩa",
        "Trí",
        "Thắng",
        "Cường",
        "Quang",
        "Tuấn",
        "Khánh",
        "Hiếu",
        "Toàn",
        "Đạt",
        "Lợi",
        "Sang",
        "Tài",
        "Hậu",
        "Phước",
        "Định",
        "Thiện",
        "Nhân",
        "Bảo",
        "Sơn",
        "Long",
        "Hòa",
        "Thuận",
        "Trung",
        "Kiệt",
        "Vĩnh",
        "Hưng",
        "Tiến",
        "Đông",
        "Nhựt",
        "Bình",
    ],
    Sex.FEMALE: [
        "Lan",
        "Hoa",
        "Hằng",
        "Hương",
        "Thảo",
        "Trinh",
        "Nhung",
        "Loan",
        "Diễm",
        "Yến",
        "Ngân",
        "Phượng",
        "Tuyết",
        "Hạnh",
        "Mai",
        "Thủy",
        "Cúc",
        "Đào",
        "Liên",
        "Xuân",
        "Hồng",
        "Nga",
        "Oanh",
        "Trang",
        "Vân",
        "Duyên",
        "Mến",
        "Thắm",
    ],
}


class NameMaker:
    """Draws full names that are unique within one book."""

    def __init__(self, rng: random.Random, taken: set[str] | None = None) -> None:
        self._rng = rng
        self._taken = set(taken or ())
        self._families = list(FAMILY_NAMES)
        self._weights = list(FAMILY_NAMES.values())

    def family(self) -> str:
        return self._rng.choices(self._families, weights=self._weights)[0]

    def full_name(self, sex: Sex, family: str | None = None) -> str:
        while True:
            name = " ".join(
                (
                    family or self.family(),
                    self._rng.choice(MIDDLE_NAMES[sex]),
                    self._rng.choice(GIVEN_NAMES[sex]),
                )
            )
            if name not in self._taken:
                self._taken.add(name)
                return name

    def given_name(self, sex: Sex) -> str:
        """A name for people mentioned in speeches ("hộ bà Tư", "cháu Hậu")."""
        return self._rng.choice(GIVEN_NAMES[sex])
