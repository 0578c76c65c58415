"""The cell's members: profiles, and how each one's status changes over the demo."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from desktop.data.enums import MemberEventKind as Kind
from desktop.data.enums import MemberStatus, Sex, WorkGroup
from desktop.data.models import Member, MemberEvent
from desktop.demo import places
from desktop.demo.names import NameMaker
from desktop.demo.records import RecordFactory, local_moment
from desktop.services.dues import status_on
from desktop.services.member_status import derive_status
from desktop.services.party_calendar import add_months, add_years

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

# Where members with a post in the political system work, and so which review
# form they write (see the rule set's member_review forms); everyone else
# farms or trades in the village (form 2C).
WORK: dict[str, tuple[WorkGroup, str]] = {
    "village_head": (WorkGroup.LEADER, "Ban nhân dân thôn An Hòa"),
    "teacher": (WorkGroup.POLITICAL_SYSTEM, "Trường Tiểu học An Phú"),
}

HOME_CELLS = (
    "Chi bộ Khu phố 4, Đảng bộ phường Cao Lãnh, tỉnh Đồng Tháp",
    "Chi bộ Công ty Cổ phần Lương thực Sông Hậu, Đảng bộ phường Long Xuyên, tỉnh An Giang",
)

# Where members went on temporary or official transfers.
AWAY_CELL = "Chi bộ Khu phố 5, Đảng bộ phường Tân Định, Thành phố Hồ Chí Minh"
SEASONAL_CELL = "Chi bộ Khu phố 3, Đảng bộ phường Thủ Dầu Một, Thành phố Hồ Chí Minh"
TRANSFER_DESTINATION = "Đảng bộ xã Mỹ Hội, tỉnh Đồng Tháp"

PHONE_PREFIXES = ("090", "091", "093", "094", "097", "098", "086", "036", "037", "039", "077")
ABSENCE_REASONS = ("Ốm", "Việc gia đình", "Đi khám bệnh ở tỉnh", "Đi công tác", "Đám giỗ bên vợ")
FAR_AWAY_REASON = "Đi làm ăn xa (TP. Hồ Chí Minh)"


@dataclass(frozen=True)
class Slot:
    """A place in the cell's make-up, filled with a generated person."""

    kind: str  # "full", "recent", "probationary", "exempt", "attached", "away", "transferred"
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
    Slot("probationary", None, (2004, 2006)),  # a university student
    Slot("exempt", Sex.MALE, (1936, 1942)),
    Slot("exempt", Sex.MALE, (1939, 1946)),
    Slot("exempt", Sex.FEMALE, (1938, 1945)),
    Slot("attached", None, (1986, 1996)),
    Slot("attached", None, (1988, 1998)),
    Slot("away", Sex.MALE, (1984, 1994)),  # working in the city on a temporary transfer
    Slot("transferred", None, (1980, 1992)),  # moved away for good during the demo
)

# Indexes into SLOTS of the committee (see committee.py) and of members with
# a story of their own.
SECRETARY, PREVIOUS_SECRETARY, DEPUTY, FARMERS, SECURITY = 0, 1, 2, 3, 4
VETERANS, TEACHER = 5, 8
BADGE = 9  # reaches thirty years of party age within a year of the demo's end
FAR_AWAY = 14  # often away working in the city
RETURNED = 16  # away for some months on a temporary transfer, then back
POOR_HOUSEHOLD = 18
BEHIND_WITH_DUES = (FAR_AWAY, 19)
ENDING_PROBATION = 22  # probation ends within a month of the demo's end
STUDENT = 24

# Dues rates of the rule set (see resources/rules), and the salary or pension
# that percentage rates apply to; everyone else pays the farmers' flat rate.
DUES_RATES: dict[int, tuple[str, int | None]] = {
    PREVIOUS_SECRETARY: ("pension", 6_240_000),
    VETERANS: ("pension", 4_850_000),
    TEACHER: ("salary", 7_830_000),
    STUDENT: ("student", None),
}


@dataclass(frozen=True)
class PlannedEvent:
    """An event of a member's life, written as a `MemberEvent` once the
    committee (who records it) is known."""

    kind: Kind
    occurs_on: date
    counterpart: str = ""
    ends_on: date | None = None
    decision_ref: str = ""
    note: str = ""


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
    events: list[PlannedEvent] = field(default_factory=list)
    # Party-building items at regular meetings (index -> title, conclusion):
    # sending a member away, welcoming them back.
    party_items: dict[int, tuple[str, str]] = field(default_factory=dict)

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
        """The member's status in this cell on `day`, from their events; None
        before they belonged here."""
        return status_on(self.events, day, admitted=self.record.admission_date)


class MemberBuilder:
    """Fills the slots with people whose dates fit the meeting calendar."""

    def __init__(
        self, rng: random.Random, factory: RecordFactory, meeting_days: list[date], until: date
    ):
        self.rng = rng
        self.factory = factory
        self.days = meeting_days
        self.until = until
        self.names = NameMaker(rng)
        self._cards: set[str] = set()

    def build(self, book_created: datetime) -> list[MemberPlan]:
        plans = []
        probationary_windows = iter(((17, 19), (20, 22)))
        attached_windows = iter(((2, 9), (10, 18)))
        for position, slot in enumerate(SLOTS):
            sex = slot.sex or (Sex.MALE if self.rng.random() < 0.62 else Sex.FEMALE)
            family = "Nguyễn" if position == 10 else None  # every village has a Nguyễn
            name = self.names.full_name(sex, family)
            born = self._birthday(slot.born)
            event = None
            if position == ENDING_PROBATION:
                event = -1  # placed from the demo's end, see _plan
            elif slot.kind == "probationary":
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
        since: date | None = None
        if position == ENDING_PROBATION:
            admitted = add_months(self.until, -12) + timedelta(days=rng.randint(4, 24))
            event = next(
                i for i, day in enumerate(self.days) if day >= admitted + timedelta(days=5)
            )
            joined, official = admitted, None
            created = max(created, _noon(admitted))
        elif slot.kind in ("probationary", "recent") and event is not None:
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
            if position == BADGE:  # thirty years of party age within the coming year
                admitted = add_years(self.until, -30) + timedelta(days=rng.randint(20, 300))
            official = admitted + timedelta(days=365 + rng.randint(5, 40))
            joined = admitted
            if slot.kind == "attached" and event is not None:
                joined = self.days[event] - timedelta(days=rng.randint(5, 15))
                home_cell = HOME_CELLS[0 if sex is Sex.MALE else 1]
                notes = (
                    f"Sinh hoạt tạm thời từ ngày {joined:%d/%m/%Y}; đang làm việc tại địa phương"
                )
                created = max(created, _noon(joined))

        events = self._admission_events(admitted, official)
        party_items: dict[int, tuple[str, str]] = {}
        if since is not None:
            events.append(
                PlannedEvent(
                    Kind.EXEMPTION,
                    since,
                    decision_ref=f"Nghị quyết số {rng.randint(2, 12):02d}-NQ/CB",
                    note="Tuổi cao, sức khỏe yếu",
                )
            )
        elif slot.kind == "attached":
            events.append(
                PlannedEvent(
                    Kind.ATTACHMENT,
                    joined,
                    counterpart=home_cell,
                    ends_on=self._attachment_end(joined),
                    note="Làm việc tại địa phương",
                )
            )
        elif slot.kind == "away":
            notes = self._away(name, events, party_items)
        elif slot.kind == "transferred":
            notes = self._transfer(name, events, party_items)
        elif position == RETURNED:
            self._away_and_back(name, events, party_items)

        derived = derive_status(events, default=MemberStatus.FULL)
        rate_id, base = DUES_RATES.get(position, ("farmer", None))
        work_group, workplace = WORK.get(slot.role, (WorkGroup.OUTSIDE, ""))
        member = self.factory.make(
            Member,
            created,
            updated=max(created, *(_afternoon(e.occurs_on) for e in events)),
            full_name=name,
            sex=sex,
            date_of_birth=born,
            citizen_id=self._citizen_id(sex, born),
            phone=self._phone(),
            address=self._address(slot),
            admission_date=derived.admission_date,
            official_date=derived.official_date,
            card_number=self._card() if official is not None else "",
            status=derived.status,
            home_cell=home_cell,
            ethnicity=self._ethnicity(),
            religion=self._religion(),
            education_level=self._education(born),
            theory_level=self._theory(slot),
            notes=notes,
            dues_rate_id=rate_id,
            dues_base=base,
            dues_exempt_reason="Hộ nghèo" if position == POOR_HOUSEHOLD else "",
            work_group=work_group,
            workplace=workplace,
        )
        return MemberPlan(
            member,
            slot,
            position,
            joined,
            official,
            event,
            recognised_at,
            events=events,
            party_items=party_items,
        )

    def _admission_events(self, admitted: date, official: date | None) -> list[PlannedEvent]:
        """Admission and recognition; decisions of the demo's years carry their number."""
        recent = self.days[0] - timedelta(days=400)
        ref = self._decision() if admitted >= recent else ""
        events = [PlannedEvent(Kind.ADMISSION, admitted, decision_ref=ref)]
        if official is not None:
            ref = self._decision() if official >= recent else ""
            events.append(PlannedEvent(Kind.RECOGNITION, official, decision_ref=ref))
        return events

    def _decision(self) -> str:
        return f"Quyết định số {self.rng.randint(40, 480)}-QĐ/ĐU"

    def _attachment_end(self, joined: date) -> date:
        """Attachments run a year at a time; the one in force ends well after the demo."""
        years = 1
        while add_years(joined, years) <= self.until + timedelta(days=45):
            years += 1
        return add_years(joined, years)

    def _away(
        self, name: str, events: list[PlannedEvent], items: dict[int, tuple[str, str]]
    ) -> str:
        """Gone to work in the city some months ago; the transfer ends soon after the demo."""
        index = len(self.days) - self.rng.randint(5, 7)
        leaves = self.days[index] + timedelta(days=self.rng.randint(3, 12))
        ends = self.until + timedelta(days=self.rng.randint(6, 26))
        events.append(
            PlannedEvent(
                Kind.TEMPORARY_TRANSFER,
                leaves,
                counterpart=AWAY_CELL,
                ends_on=ends,
                note="Đi làm việc tại Thành phố Hồ Chí Minh",
            )
        )
        items[index] = _sending_away(name, AWAY_CELL, leaves, ends)
        return f"Sinh hoạt đảng tạm thời tại {AWAY_CELL} từ ngày {leaves:%d/%m/%Y}"

    def _away_and_back(
        self, name: str, events: list[PlannedEvent], items: dict[int, tuple[str, str]]
    ) -> None:
        """Away for about six months early in the demo, then back."""
        index = self.rng.randint(3, 6)
        leaves = self.days[index] + timedelta(days=self.rng.randint(3, 12))
        ends = add_months(leaves, 6)
        back = self.days[index + 6] - timedelta(days=self.rng.randint(3, 10))
        events.append(
            PlannedEvent(
                Kind.TEMPORARY_TRANSFER,
                leaves,
                counterpart=SEASONAL_CELL,
                ends_on=ends,
                note="Đi làm việc theo hợp đồng thời vụ",
            )
        )
        events.append(PlannedEvent(Kind.RETURN, back, counterpart=SEASONAL_CELL))
        items[index] = _sending_away(name, SEASONAL_CELL, leaves, ends)
        items[index + 6] = (
            f"Công tác xây dựng Đảng: tiếp nhận đồng chí {name} trở lại sinh hoạt tại chi bộ",
            f"Đồng chí {name} đã hoàn thành thời gian sinh hoạt đảng tạm thời tại "
            f"{SEASONAL_CELL} và trở lại sinh hoạt tại chi bộ từ ngày {back:%d/%m/%Y}.",
        )

    def _transfer(
        self, name: str, events: list[PlannedEvent], items: dict[int, tuple[str, str]]
    ) -> str:
        """Moved to another commune during the demo's second year."""
        index = self.rng.randint(13, 16)
        leaves = self.days[index] + timedelta(days=self.rng.randint(5, 15))
        events.append(
            PlannedEvent(
                Kind.OFFICIAL_TRANSFER,
                leaves,
                counterpart=TRANSFER_DESTINATION,
                decision_ref=self._decision(),
                note="Chuyển nơi cư trú",
            )
        )
        items[index] = (
            f"Công tác xây dựng Đảng: đề nghị chuyển sinh hoạt đảng chính thức cho đồng chí {name}",
            f"Chi bộ thống nhất đề nghị Đảng ủy xã làm thủ tục chuyển sinh hoạt đảng chính thức "
            f"cho đồng chí {name} đến {TRANSFER_DESTINATION} (chuyển nơi cư trú).",
        )
        return (
            f"Đã chuyển sinh hoạt đảng chính thức đến {TRANSFER_DESTINATION} "
            f"từ ngày {leaves:%d/%m/%Y}"
        )

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


def _sending_away(name: str, cell: str, leaves: date, ends: date) -> tuple[str, str]:
    return (
        f"Công tác xây dựng Đảng: giới thiệu đồng chí {name} sinh hoạt đảng tạm thời",
        f"Chi bộ thống nhất đề nghị Đảng ủy xã giới thiệu đồng chí {name} sinh hoạt đảng tạm "
        f"thời tại {cell} từ ngày {leaves:%d/%m/%Y} đến ngày {ends:%d/%m/%Y}.",
    )


def _clamp(born: date, year: int, rng: random.Random) -> date:
    """A day in `year`, but at least 19 years after `born`."""
    return date(max(year, born.year + 19), rng.randint(1, 12), rng.randint(1, 28))


def _noon(day: date) -> datetime:
    return local_moment(day, time(12))


def _afternoon(day: date) -> datetime:
    """When the secretary writes down what happened on `day`."""
    return local_moment(day, time(16))


def write_events(
    factory: RecordFactory,
    plans: list[MemberPlan],
    recorder: Callable[[date], str],
    book_created: datetime,
) -> None:
    """The members' life events as records: those before the book was made were
    entered when it was made, the others on the day they happened, each by the
    secretary of the time (`recorder`)."""
    for plan in plans:
        for event in plan.events:
            at = max(book_created, _afternoon(event.occurs_on))
            factory.make(
                MemberEvent,
                at,
                member_id=plan.id,
                kind=event.kind,
                occurs_on=event.occurs_on,
                decision_ref=event.decision_ref,
                counterpart=event.counterpart,
                ends_on=event.ends_on,
                note=event.note,
                recorded_by=recorder(max(event.occurs_on, book_created.date())),
            )


def absence_reason(plan: MemberPlan, rng: random.Random) -> str:
    """Why a member missed a meeting; one member is usually away working in the city."""
    if plan.position == FAR_AWAY:
        return FAR_AWAY_REASON
    return rng.choice(ABSENCE_REASONS)
