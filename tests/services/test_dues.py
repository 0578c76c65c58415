"""The dues ledger: amounts from the book's rule set, who owes, payments, unpaid months."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from desktop import i18n
from desktop.data.enums import MemberEventKind as Kind
from desktop.data.enums import MemberStatus, Sex
from desktop.data.models import Member
from desktop.rules.loading import shipped_rules_dir
from desktop.services.book import Book
from desktop.services.dues import (
    DuesDue,
    DuesService,
    DuesStatus,
    owes_dues,
    round_vnd,
    status_on,
)
from desktop.services.member_events import EventInput, EventService
from desktop.services.member_status import EventFact
from desktop.services.members import MemberInput, MemberService
from desktop.services.validation import ValidationError

TODAY = date(2026, 6, 15)
MAY = date(2026, 5, 1)


def add(
    book: Book,
    name: str,
    admitted: date | None = date(2010, 4, 2),
    official: date | None = date(2011, 4, 20),
    status: MemberStatus = MemberStatus.FULL,
    home_cell: str = "",
) -> str:
    return MemberService(book, today=TODAY).create(
        MemberInput(
            full_name=name,
            sex=Sex.MALE,
            admission_date=admitted,
            official_date=official,
            status=status,
            home_cell=home_cell,
        )
    )


def event(book: Book, member_id: str, kind: Kind, day: date, **extra: object) -> None:
    EventService(book, today=TODAY).record(member_id, EventInput(kind, day, **extra))


def member(book: Book, member_id: str) -> Member:
    with book.reader() as session:
        found = session.get(Member, member_id)
        assert found is not None
        return found


def due(book: Book, member_id: str, month: date = MAY) -> DuesDue:
    return DuesService(book, today=TODAY).amount_due(member(book, member_id), month)


def problems(call: object) -> dict[str, list[str]]:
    with pytest.raises(ValidationError) as raised:
        call()  # type: ignore[operator]
    found: dict[str, list[str]] = {}
    for error in raised.value.errors:
        found.setdefault(error.field, []).append(error.message)
    return found


# --- amounts ---------------------------------------------------------------------


def test_a_member_without_a_rate_pays_the_farmer_rate(book: Book):
    member_id = add(book, "Lê Văn Tám")
    result = due(book, member_id)
    assert (result.amount, result.rate_id, result.exempt_reason) == (6000, "farmer", "")
    assert result.rate_title.startswith("Nông dân")
    assert not result.exempt


def test_flat_and_percentage_rates(book: Book):
    service = DuesService(book, today=TODAY)
    student = add(book, "Lê Thị Hoa", admitted=date(2025, 9, 1), official=None)
    retired = add(book, "Trần Văn Bình")
    teacher = add(book, "Phạm Thị Lan")
    mountain = add(book, "Hà Văn Sáng")
    service.set_member_rate(student, "student")
    service.set_member_rate(retired, "pension", 4_850_000)
    service.set_member_rate(teacher, "salary", 5_620_000)
    service.set_member_rate(mountain, "farmer_mountain", 9_999_999)
    assert due(book, student).amount == 5000
    assert due(book, retired) == DuesDue(24_300, "pension", "0,5% lương hưu")  # 24,250 rounded up
    assert due(book, teacher).amount == 56_200
    assert due(book, mountain).amount == 4000
    assert member(book, mountain).dues_base is None  # a flat rate keeps no base


def test_amounts_round_half_up_to_the_nearest_hundred():
    assert round_vnd(Decimal("24250")) == 24_300
    assert round_vnd(Decimal("24249.99")) == 24_200
    assert round_vnd(Decimal("24350")) == 24_400
    assert round_vnd(Decimal("49")) == 0
    assert round_vnd(Decimal("50")) == 100


def test_fifty_years_of_party_age_exempt_from_the_month_they_are_reached(book: Book):
    member_id = add(book, "Đỗ Văn Cả", admitted=date(1976, 3, 20), official=date(1977, 3, 25))
    assert due(book, member_id, date(2026, 2, 1)).amount == 6000
    march = due(book, member_id, date(2026, 3, 1))
    assert (march.amount, march.rate_id) == (0, "farmer")
    assert march.exempt and "50" in march.exempt_reason


def test_a_poor_household_is_exempt(book: Book):
    member_id = add(book, "Lê Văn Tám")
    DuesService(book, today=TODAY).set_member_rate(member_id, "farmer", None, "  Hộ nghèo ")
    assert due(book, member_id) == DuesDue(0, "farmer", due(book, member_id).rate_title, "Hộ nghèo")


# --- who owes --------------------------------------------------------------------


def test_attached_away_and_past_members_owe_nothing_here(book: Book):
    full = add(book, "Lê Văn An")
    probationary = add(book, "Lê Văn Bảo", admitted=date(2025, 10, 2), official=None)
    exempt = add(book, "Lê Văn Cường", status=MemberStatus.EXEMPT)
    attached = add(book, "Lê Văn Dũng", status=MemberStatus.ATTACHED, home_cell="Chi bộ Khu 4")
    away = add(book, "Lê Văn Đạt")
    event(book, away, Kind.TEMPORARY_TRANSFER, date(2026, 3, 10), counterpart="Chi bộ 2")
    left_before = add(book, "Lê Văn Giang")
    event(book, left_before, Kind.OFFICIAL_TRANSFER, date(2026, 4, 20), counterpart="Xã B")
    left_during = add(book, "Lê Văn Hải")
    event(book, left_during, Kind.OFFICIAL_TRANSFER, date(2026, 5, 20), counterpart="Xã B")
    later = add(book, "Lê Văn Khoa", admitted=date(2026, 6, 5), official=None)

    service = DuesService(book, today=TODAY)
    assert service.open_month(MAY) == 4
    owing = {line.member_id for line in service.sheet(MAY).lines}
    assert owing == {full, probationary, exempt, left_during}
    assert not {attached, away, left_before, later} & owing
    # The away member still owed March (they left on the 10th), not April.
    assert service.open_month(date(2026, 3, 1)) == 6
    assert away in {line.member_id for line in service.sheet(date(2026, 3, 1)).lines}
    assert service.open_month(date(2026, 4, 1)) == 5
    assert away not in {line.member_id for line in service.sheet(date(2026, 4, 1)).lines}


def test_a_member_admitted_during_the_month_owes_it(book: Book):
    member_id = add(book, "Lê Văn Bảo", admitted=date(2026, 5, 28), official=None)
    service = DuesService(book, today=TODAY)
    assert service.open_month(date(2026, 4, 1)) == 0
    assert service.open_month(MAY) == 1
    assert service.sheet(MAY).lines[0].member_id == member_id


def test_status_on_a_day_follows_the_events():
    events = [
        EventFact(Kind.ADMISSION, date(2020, 1, 10)),
        EventFact(Kind.RECOGNITION, date(2021, 1, 20)),
        EventFact(Kind.TEMPORARY_TRANSFER, date(2025, 3, 5)),
        EventFact(Kind.RETURN, date(2025, 9, 1)),
    ]
    admitted = date(2020, 1, 10)
    assert status_on(events, date(2020, 1, 9), admitted=admitted) is None
    assert status_on(events, date(2020, 6, 1), admitted=admitted) is MemberStatus.PROBATIONARY
    assert status_on(events, date(2025, 5, 1), admitted=admitted) is MemberStatus.AWAY
    assert status_on(events, date(2025, 9, 1), admitted=admitted) is MemberStatus.FULL
    assert owes_dues(events, date(2025, 3, 1), admitted=admitted)
    assert not owes_dues(events, date(2025, 4, 1), admitted=admitted)
    # Someone attached from another cell was not here before they arrived.
    attached = [*events[:2], EventFact(Kind.ATTACHMENT, date(2024, 6, 6))]
    assert status_on(attached, date(2024, 1, 1), admitted=admitted) is None
    assert status_on(attached, date(2024, 7, 1), admitted=admitted) is MemberStatus.ATTACHED
    # Without events the stored status stands.
    assert status_on([], date(2024, 1, 1), fallback=MemberStatus.EXEMPT) is MemberStatus.EXEMPT


# --- opening months and paying -------------------------------------------------------


def test_open_month_is_idempotent(book: Book):
    add(book, "Lê Văn An")
    add(book, "Lê Văn Bảo")
    service = DuesService(book, today=TODAY)
    assert service.open_month(date(2026, 5, 17)) == 2
    assert service.open_month(MAY) == 0
    add(book, "Lê Văn Cường")
    assert service.open_month(MAY) == 1
    assert len(service.sheet(MAY).lines) == 3
    assert service.sheet(date(2026, 4, 1)).lines == []


def test_payments_statuses_totals_and_name_order(book: Book):
    service = DuesService(book, today=TODAY)
    binh = add(book, "Trần Văn Bình")
    an = add(book, "Nguyễn Thị An")
    duc = add(book, "Lê Văn Đức")
    cuong = add(book, "Hồ Văn Cường")
    service.set_member_rate(cuong, "", None, "Hộ nghèo")
    service.open_month(MAY)
    service.record_payment(an, MAY, 6000, date(2026, 5, 3), "Nộp tại buổi sinh hoạt")
    service.record_payment(binh, MAY, 3000, date(2026, 5, 4))
    sheet = service.sheet(MAY)
    assert [line.member_name for line in sheet.lines] == [
        "Nguyễn Thị An",
        "Trần Văn Bình",
        "Hồ Văn Cường",
        "Lê Văn Đức",
    ]
    by_id = {line.member_id: line for line in sheet.lines}
    assert by_id[an].status is DuesStatus.PAID and by_id[an].note == "Nộp tại buổi sinh hoạt"
    assert by_id[an].paid_on == date(2026, 5, 3)
    assert (by_id[binh].status, by_id[binh].outstanding) == (DuesStatus.PARTLY, 3000)
    assert (by_id[duc].status, by_id[duc].paid_on) == (DuesStatus.UNPAID, None)
    assert by_id[cuong].status is DuesStatus.EXEMPT
    assert (by_id[cuong].amount_due, by_id[cuong].exempt_reason) == (0, "Hộ nghèo")
    assert by_id[duc].rate_title.startswith("Nông dân")
    assert (sheet.total_due, sheet.total_paid, sheet.outstanding) == (18_000, 9000, 9000)
    assert sheet.count(DuesStatus.PAID) == 1
    i18n.set_language("en")
    assert by_id[binh].status_label == "Partly paid"

    # Paying nothing undoes a payment.
    service.record_payment(binh, MAY, 0, date(2026, 5, 4))
    line = next(line for line in service.sheet(MAY).lines if line.member_id == binh)
    assert (line.status, line.amount_paid, line.paid_on) == (DuesStatus.UNPAID, 0, None)


def test_paying_an_unopened_month_opens_it_for_that_member(book: Book):
    an = add(book, "Nguyễn Thị An")
    add(book, "Trần Văn Bình")
    service = DuesService(book, today=TODAY)
    service.record_payment(an, date(2026, 6, 10), 6000, date(2026, 6, 3))
    lines = service.sheet(date(2026, 6, 1)).lines
    assert [(line.member_id, line.status) for line in lines] == [(an, DuesStatus.PAID)]
    assert service.open_month(date(2026, 6, 1)) == 1


def test_payment_validation_names_each_problem(book: Book):
    i18n.set_language("en")
    service = DuesService(book, today=TODAY)
    an = add(book, "Nguyễn Thị An", admitted=date(2026, 3, 12), official=None)
    attached = add(book, "Lê Văn Dũng", status=MemberStatus.ATTACHED, home_cell="Chi bộ Khu 4")
    assert problems(lambda: service.record_payment(an, MAY, -1, date(2026, 5, 3))) == {
        "amount_paid": ["Amount paid: cannot be less than 0."]
    }
    too_much = problems(lambda: service.record_payment(an, MAY, 60_001, date(2026, 7, 1)))
    assert too_much == {
        "amount_paid": [
            "Amount paid: 60,001 VND is more than ten times the 6,000 VND due; "
            "please check the amount."
        ],
        "paid_on": ["Paid on: cannot be in the future."],
    }
    assert problems(lambda: service.record_payment(an, MAY, 6000, None)) == {
        "paid_on": ["Paid on: please fill this in."]
    }
    assert problems(lambda: service.record_payment(an, date(2026, 2, 1), 6000, TODAY)) == {
        "month": ["Month: Nguyễn Thị An was admitted on 12/03/2026; there are no dues before that."]
    }
    assert problems(lambda: service.record_payment(attached, MAY, 6000, TODAY)) == {
        "month": ["Lê Văn Dũng does not pay dues to this cell for 05/2026."]
    }
    assert problems(lambda: service.record_payment(an, MAY, 6000, TODAY, "x" * 301)) == {
        "note": ["Note: at most 300 characters."]
    }
    service.record_payment(an, MAY, 60_000, TODAY)  # ten times is still accepted
    assert service.sheet(MAY).lines[0].amount_paid == 60_000
    with pytest.raises(KeyError):
        service.record_payment("no-such-member", MAY, 6000, TODAY)


def test_an_exempt_member_may_still_give(book: Book):
    member_id = add(book, "Đỗ Văn Cả", admitted=date(1970, 1, 1), official=date(1971, 1, 1))
    service = DuesService(book, today=TODAY)
    service.record_payment(member_id, MAY, 100_000, date(2026, 5, 3))
    line = service.sheet(MAY).lines[0]
    assert (line.amount_due, line.amount_paid, line.status) == (0, 100_000, DuesStatus.EXEMPT)


def test_rates_are_checked_against_the_rule_set(book: Book):
    i18n.set_language("en")
    member_id = add(book, "Lê Văn Tám")
    service = DuesService(book, today=TODAY)
    assert problems(lambda: service.set_member_rate(member_id, "teacher")) == {
        "dues_rate_id": ["Dues rate: “teacher” is not a rate of the rule set in force."]
    }
    assert problems(lambda: service.set_member_rate(member_id, "pension")) == {
        "dues_base": [
            "Salary or pension: please fill this in; the rate “0,5% lương hưu” is a "
            "percentage of it."
        ]
    }
    assert problems(lambda: service.set_member_rate(member_id, "farmer", -5)) == {
        "dues_base": ["Salary or pension: cannot be less than 0."]
    }
    assert problems(lambda: service.set_member_rate(member_id, "farmer", None, "x" * 201)) == {
        "dues_exempt_reason": ["Reason for exemption: at most 200 characters."]
    }
    assert member(book, member_id).dues_rate_id == ""
    assert [rate.id for rate in service.rates()] == [
        "salary",
        "pension",
        "student",
        "farmer",
        "farmer_mountain",
    ]


# --- unpaid months -------------------------------------------------------------------


def test_unpaid_months_count_opened_lines_not_fully_paid(book: Book):
    service = DuesService(book, today=TODAY)
    slow = add(book, "Trần Văn Bình")
    good = add(book, "Nguyễn Thị An")
    old = add(book, "Đỗ Văn Cả", admitted=date(1970, 1, 1), official=date(1971, 1, 1))
    gone = add(book, "Lê Văn Giang")
    for month in range(1, 7):
        service.open_month(date(2026, month, 1))
        service.record_payment(good, date(2026, month, 1), 6000, date(2026, month, 3))
    service.open_month(date(2025, 12, 1))
    service.record_payment(slow, date(2026, 2, 1), 6000, date(2026, 2, 3))
    service.record_payment(slow, date(2026, 3, 1), 2000, date(2026, 3, 3))
    for month in range(1, 7):
        service.record_payment(gone, date(2026, month, 1), 0, None)
    event(book, gone, Kind.OFFICIAL_TRANSFER, date(2026, 6, 10), counterpart="Xã B")

    may_end = date(2026, 5, 31)
    assert service.unpaid_months(slow, 2026, may_end) == [
        date(2026, 1, 1),
        date(2026, 3, 1),
        date(2026, 4, 1),
        date(2026, 5, 1),
    ]
    assert service.unpaid_months(slow, 2026, date(2026, 3, 1)) == [
        date(2026, 1, 1),
        date(2026, 3, 1),
    ]
    assert service.unpaid_months(good, 2026, may_end) == []
    assert service.unpaid_months(old, 2026, may_end) == []  # exempt months never count
    assert service.unpaid_months(slow, 2025, date(2025, 12, 31)) == [date(2025, 12, 1)]
    assert service.unpaid_months(slow, 2027, may_end) == []

    unpaid = service.members_with_unpaid(2026, may_end)
    assert [(entry.member_id, len(entry.months)) for entry in unpaid] == [(slow, 4)]
    assert service.members_with_unpaid(2026, date(2026, 2, 28)) == []
    assert [e.member_name for e in service.members_with_unpaid(2026, may_end, 1)] == [
        "Trần Văn Bình"
    ]


# --- rates come from the book's rule set ----------------------------------------------


def test_a_new_rule_file_changes_new_months_only(book: Book, tmp_path: Path):
    member_id = add(book, "Lê Văn Tám")
    service = DuesService(book, today=TODAY)
    service.open_month(date(2026, 4, 1))

    data = json.loads((shipped_rules_dir() / "vn-default-v1.json").read_text(encoding="utf-8"))
    data["version"] = 2
    for rate in data["dues"]["rates"]:
        if rate["id"] == "farmer":
            rate["amount"] = 10_000
            rate["title"] = "Nông dân (mức mới)"
    data["dues"]["exempt_party_age_years"] = 40
    rule_file = tmp_path / "vn-default-v2.json"
    rule_file.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    book.install_rule_file(rule_file)

    service.open_month(MAY)
    april = service.sheet(date(2026, 4, 1)).lines[0]
    may = service.sheet(MAY).lines[0]
    assert (april.amount_due, april.rate_title) == (6000, "Nông dân (mức mới)")
    assert may.amount_due == 10_000
    assert due(book, member_id).amount == 10_000
    older = add(book, "Đỗ Văn Cả", admitted=date(1985, 1, 1), official=date(1986, 1, 1))
    assert due(book, older).exempt  # the new rule's exemption age (40 years)
