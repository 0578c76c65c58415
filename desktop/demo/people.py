"""The cell's members: profiles, and how each one's status changes over the demo."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from desktop.data.enums import MemberStatus, Sex
from desktop.data.models import Member
from desktop.demo import places
from desktop.demo.names import NameMaker
from desktop.demo.records import RecordFactory, local_moment

# What members do in the village besides party work; tasks go to them by role.
ROLES: dict[str, str] = {
    "village_head": "Trưởng thôn An Hòa",
    "front": "Trưởng Ban công tác Mặt trận thôn",
    "women": "Chi hội trưởng Chi hội Phụ nữ thôn",
    "farmers": "Chi hội trưởng Chi hội Nông dân thôn",
    "veterans": "Chi hội trưởng Chi hội Cựu chiến binh thôn",
    "youth": "Bí thư Chi đoàn thôn",
    "security": "Tổ trưởng Tổ bảo vệ an ninh, trật tự ở cơ sở",
    "health": "Nhân viên y tế thôn",
    "teacher": "Giáo viên Trường Tiểu học An Phú",
    "reconciliation": "Tổ trưởng Tổ hòa giải thôn",
}

HOME_CELLS = (
    "Chi bộ Khu phố 4, Đảng bộ phường Cao Lãnh, tỉnh Đồng Tháp",
    "Chi bộ Công ty Cổ phần Lương thực Sông Hậu, Đảng bộ phường Long Xuyên, tỉnh An Giang",
)

PHONE_PREFIXES = ("090", "091", "093", "094", "097", "098", "086", "036", "037", "039", "077")
ABSENCE_REASONS = ("Ốm", "Việc gia đình", "Đi khám bệnh ở tỉnh", "Đi công tác", "Đám giỗ bên vợ")
FAR_AWAY_REASON = "Đi làm ăn xa (TP. Hồ Chí Minh)"


@dataclass(frozen=True)
class Slot:
    """A place in the cell's make-up, filled with a generated person."""

    kind: str  # "full", "recent", "probationary", "exempt", "attached"
    sex: Sex | None
    born: tuple[int, int]
    role: str = ""


SLOTS: tuple[Slot, ...] = (
    Slot("full", Sex.MALE, (1967, 1972), "village_head"),  # secretary of the current term
    Slot("full", Sex.MALE, (1956, 1961), "front"),  # secretary of the previous term
    Slot("full", Sex.FEMALE, (1976, 1982), "women"),  # deputy secretary
    Slot("full", Sex.MALE, (1970, 1978), "farmers"),
    Slot("full", Sex.MALE, (1981, 1988), "security"),
    Slot("full", Sex.MALE, (1953, 1958), "veterans"),
    Slot("recent", Sex.MALE, (1997, 2000), "youth"),
    Slot("full", Sex.FEMALE, (1985, 1990), "health"),
    Slot("full", Sex.FEMALE, (1984, 1991), "teacher"),
    Slot("full", Sex.MALE, (1962, 1968), "reconciliation"),
    *(Slot("full", None, (1955, 1992)) for _ in range(11)),
    Slot("recent", None, (1994, 2001)),
    Slot("probationary", None, (1996, 2005)),
    Slot("probationary", None, (1995, 2004)),
    Slot("probationary", None, (1998, 2006)),
    Slot("exempt", Sex.MALE, (1936, 1942)),
    Slot("exempt", Sex.MALE, (1939, 1946)),
    Slot("exempt", Sex.FEMALE, (1938, 1945)),
    Slot("attached", None, (1986, 1996)),
    Slot("attached", None, (1988, 1998)),
)

# Indexes into SLOTS of the committee (see committee.py) and of the member
# who is often away working in the city.
SECRETARY, PREVIOUS_SECRETARY, DEPUTY, FARMERS, SECURITY = 0, 1, 2, 3, 4
FAR_AWAY = 14


@dataclass
class MemberPlan:
    """A member and their story: when they joined, when they became full members."""

    record: Member
    slot: Slot
    position: int
    joined_on: date  # admission, or the day a temporarily attached member arrived
    official_on: date | None
    event_meeting: int | None = None  # the regular meeting of their admission or recognition
    recognised_at: int | None = None

    @property
    def id(self) -> str:
        return self.record.id

    @property
    def name(self) -> str:
        return self.record.full_name

    @property
    def role(self) -> str:
        return self.slot.role

    def status_on(self, day: date) -> MemberStatus | None:
        """The member's status in this cell on `day`; None before they belonged here."""
        if self.slot.kind == "exempt":
            return MemberStatus.EXEMPT
        if day < self.joined_on:
            return None
        if self.slot.kind == "attached":
            return MemberStatus.ATTACHED
        if self.official_on is not None and day >= self.official_on:
            return MemberStatus.FULL
        return MemberStatus.PROBATIONARY


class MemberBuilder:
    """Fills the slots with people whose dates fit the meeting calendar."""

    def __init__(self, rng: random.Random, factory: RecordFactory, meeting_days: list[date]):
        self.rng = rng
        self.factory = factory
        self.days = meeting_days
        self.names = NameMaker(rng)
        self._cards: set[str] = set()

    def build(self, book_created: datetime) -> list[MemberPlan]:
        plans = []
        probationary_windows = iter(((14, 16), (17, 19), (20, 22)))
        attached_windows = iter(((2, 9), (10, 18)))
        for position, slot in enumerate(SLOTS):
            sex = slot.sex or (Sex.MALE if self.rng.random() < 0.62 else Sex.FEMALE)
            family = "Nguyễn" if position == 10 else None  # every village has a Nguyễn
            name = self.names.full_name(sex, family)
            born = self._birthday(slot.born)
            event = None
            if slot.kind == "probationary":
                event = self.rng.randint(*next(probationary_windows))
            elif slot.kind == "recent":
                event = self.rng.randint(1, 8)
            elif slot.kind == "attached":
                event = self.rng.randint(*next(attached_windows))
            plans.append(self._plan(position, slot, sex, name, born, event, book_created))
        return plans

    def _birthday(self, years: tuple[int, int]) -> date:
        return date(self.rng.randint(*years), 1, 1) + timedelta(days=self.rng.randint(0, 364))

    def _plan(
        self,
        position: int,
        slot: Slot,
        sex: Sex,
        name: str,
        born: date,
        event: int | None,
        book_created: datetime,
    ) -> MemberPlan:
        rng = self.rng
        first_day = self.days[0]
        recognised_at = None
        created = book_created
        notes = ROLES.get(slot.role, "")
        home_cell = ""
        if slot.kind in ("probationary", "recent") and event is not None:
            admitted = self.days[event] - timedelta(days=rng.randint(7, 20))
            joined = admitted
            official = None
            if slot.kind == "recent":
                recognised_at = next(
                    i for i, day in enumerate(self.days) if day >= admitted + timedelta(days=365)
                )
                official = self.days[recognised_at] + timedelta(days=rng.randint(8, 18))
            created = max(created, _noon(admitted))
        elif slot.kind == "exempt":
            admitted = _clamp(born, born.year + rng.randint(20, 27), rng)
            official = admitted + timedelta(days=365 + rng.randint(5, 40))
            joined = admitted
            since = date(first_day.year - rng.randint(2, 6), rng.randint(1, 12), 3)
            notes = (
                f"Miễn công tác và sinh hoạt đảng từ tháng {since.month:02d}/{since.year} "
                "theo nghị quyết của chi bộ (tuổi cao, sức khỏe yếu)"
            )
        else:
            latest = first_day - timedelta(days=400)
            admitted = _clamp(born, born.year + rng.randint(20, 32), rng)
            if admitted > latest:
                admitted = latest - timedelta(days=rng.randint(0, 900))
            official = admitted + timedelta(days=365 + rng.randint(5, 40))
            joined = admitted
            if slot.kind == "attached" and event is not None:
                joined = self.days[event] - timedelta(days=rng.randint(5, 15))
                home_cell = HOME_CELLS[0 if sex is Sex.MALE else 1]
                notes = (
                    f"Sinh hoạt tạm thời từ ngày {joined:%d/%m/%Y}; đang làm việc tại địa phương"
                )
                created = max(created, _noon(joined))
        member = self.factory.make(
            Member,
            created,
            full_name=name,
            sex=sex,
            date_of_birth=born,
            citizen_id=self._citizen_id(sex, born),
            phone=self._phone(),
            address=self._address(slot),
            admission_date=admitted,
            official_date=official,
            card_number=self._card() if official is not None else "",
            status=_final_status(slot),
            home_cell=home_cell,
            ethnicity=self._ethnicity(),
            religion=self._religion(),
            education_level=self._education(born),
            theory_level=self._theory(slot),
            notes=notes,
        )
        return MemberPlan(member, slot, position, joined, official, event, recognised_at)

    def _citizen_id(self, sex: Sex, born: date) -> str:
        century = 0 if born.year < 2000 else 2
        code = century + (1 if sex is Sex.FEMALE else 0)
        return f"{places.PROVINCE_CODE}{code}{born.year % 100:02d}{self.rng.randint(0, 999999):06d}"

    def _phone(self) -> str:
        digits = f"{self.rng.randint(0, 9999999):07d}"
        return f"{self.rng.choice(PHONE_PREFIXES)}{digits[0]} {digits[1:4]} {digits[4:]}"

    def _address(self, slot: Slot) -> str:
        group = self.rng.randint(1, 6)
        if slot.kind == "attached":
            return f"Tạm trú: {places.address(group)}"
        return places.address(group)

    def _card(self) -> str:
        while True:
            card = f"87{self.rng.randint(0, 999999):06d}"
            if card not in self._cards:
                self._cards.add(card)
                return card

    def _ethnicity(self) -> str:
        return self.rng.choices(("Kinh", "Hoa", "Khmer"), weights=(26, 1, 1))[0]

    def _religion(self) -> str:
        return self.rng.choices(("Không", "Phật giáo", "Phật giáo Hòa Hảo"), weights=(24, 3, 1))[0]

    def _education(self, born: date) -> str:
        if born.year < 1960:
            return self.rng.choice(("7/12", "9/12", "12/12"))
        return self.rng.choices(("9/12", "12/12", "Cao đẳng", "Đại học"), weights=(3, 6, 2, 3))[0]

    def _theory(self, slot: Slot) -> str:
        if slot.kind == "probationary":
            return ""
        if slot.role in ("village_head", "front"):
            return "Trung cấp"
        return "Sơ cấp"


def _final_status(slot: Slot) -> MemberStatus:
    return {
        "full": MemberStatus.FULL,
        "recent": MemberStatus.FULL,
        "probationary": MemberStatus.PROBATIONARY,
        "exempt": MemberStatus.EXEMPT,
        "attached": MemberStatus.ATTACHED,
    }[slot.kind]


def _clamp(born: date, year: int, rng: random.Random) -> date:
    """A day in `year`, but at least 19 years after `born`."""
    return date(max(year, born.year + 19), rng.randint(1, 12), rng.randint(1, 28))


def _noon(day: date) -> datetime:
    return local_moment(day, time(12))


def absence_reason(plan: MemberPlan, rng: random.Random) -> str:
    """Why a member missed a meeting; one member is usually away working in the city."""
    if plan.position == FAR_AWAY:
        return FAR_AWAY_REASON
    return rng.choice(ABSENCE_REASONS)
