"""Emulation pledges and commendations of the cell and its members."""

from __future__ import annotations

from datetime import date

import pytest

from desktop import i18n
from desktop.data.enums import Sex
from desktop.services.book import Book
from desktop.services.emulation import EmulationService
from desktop.services.members import MemberInput, MemberService
from desktop.services.validation import ValidationError

TODAY = date(2026, 6, 10)


@pytest.fixture
def people(book: Book) -> dict[str, str]:
    service = MemberService(book, date(2026, 1, 5))
    return {
        key: service.create(
            MemberInput(
                full_name=name,
                sex=Sex.FEMALE,
                admission_date=date(2000, 1, 1),
                official_date=date(2001, 1, 1),
            )
        )
        for key, name in (("an", "Lê Thị An"), ("hoa", "Trần Thị Hoa"), ("binh", "Võ Thị Bình"))
    }


@pytest.fixture
def service(book: Book) -> EmulationService:
    i18n.set_language("en")
    return EmulationService(book, TODAY)


def test_pledges_cell_first_then_members_by_name(service: EmulationService, people: dict[str, str]):
    hoa = service.pledge(
        2026, "Hoàn thành tốt nhiệm vụ.", member_id=people["hoa"], pledged_on=date(2026, 1, 5)
    )
    cell = service.pledge(
        2026, "  Chi bộ hoàn thành tốt nhiệm vụ.  ", member_id=None, pledged_on=date(2026, 1, 5)
    )
    an = service.pledge(2026, "Vận động 5 hộ hiến đất làm đường.", member_id=people["an"])
    last_year = service.pledge(
        2025, "Hoàn thành nhiệm vụ.", member_id=people["an"], pledged_on=date(2025, 1, 6)
    )
    assert [r.id for r in service.pledges()] == [cell, an, hoa, last_year]
    assert [r.id for r in service.pledges(year=2026)] == [cell, an, hoa]
    assert [r.id for r in service.pledges(member_id=people["an"])] == [an, last_year]
    assert [r.id for r in service.pledges(cell_only=True)] == [cell]
    rows = {r.id: r for r in service.pledges()}
    assert rows[cell].content == "Chi bộ hoàn thành tốt nhiệm vụ." and rows[cell].member_name == ""
    assert rows[an].pledged_on == TODAY and rows[an].achieved is None

    service.assess_pledge(last_year, True, " Vận động được 6 hộ. ")
    assessed = next(r for r in service.pledges() if r.id == last_year)
    assert (assessed.achieved, assessed.result) == (True, "Vận động được 6 hộ.")
    service.assess_pledge(last_year, None)
    assert next(r for r in service.pledges() if r.id == last_year).achieved is None

    service.delete_pledge(hoa)
    service.delete_pledge(hoa)  # already gone
    assert hoa not in {r.id for r in service.pledges()}
    with pytest.raises(ValidationError) as refused:
        service.assess_pledge(hoa, False)
    assert [e.message for e in refused.value.errors] == ["This pledge is no longer in the book."]


def test_pledges_list_members_in_the_registers_order(
    service: EmulationService, people: dict[str, str]
):
    for key in ("hoa", "binh", "an"):
        service.pledge(2026, "Hoàn thành tốt nhiệm vụ.", member_id=people[key])
    names = [r.member_name for r in service.pledges(year=2026)]
    assert names == ["Lê Thị An", "Võ Thị Bình", "Trần Thị Hoa"]


def test_a_pledge_needs_content_a_plausible_year_and_a_past_day(
    service: EmulationService, people: dict[str, str]
):
    with pytest.raises(ValidationError) as refused:
        service.pledge(2031, " ", member_id=people["an"], pledged_on=date(2026, 7, 1))
    assert [e.field for e in refused.value.errors] == ["content", "year", "pledged_on"]
    assert service.pledges() == []


def test_commendations_newest_first_with_filters(service: EmulationService, people: dict[str, str]):
    old = service.commend(
        "Giấy khen",
        member_id=people["hoa"],
        given_on=date(2025, 2, 3),
        given_by="Đảng ủy xã An Phú",
        reason="Đảng viên hoàn thành xuất sắc nhiệm vụ năm 2024",
        decision_ref="Quyết định số 15-QĐ/ĐU",
    )
    cell = service.commend(
        " Giấy khen ",
        member_id=None,
        given_on=date(2026, 1, 20),
        given_by="Ủy ban nhân dân xã An Phú",
    )
    new = service.commend("Giấy khen", member_id=people["hoa"], given_on=date(2026, 2, 3))
    assert [r.id for r in service.commendations()] == [new, cell, old]
    assert [r.id for r in service.commendations(member_id=people["hoa"])] == [new, old]
    assert [r.id for r in service.commendations(cell_only=True)] == [cell]
    assert [r.id for r in service.commendations(year=2025)] == [old]
    rows = {r.id: r for r in service.commendations()}
    assert (rows[cell].title, rows[cell].member_name) == ("Giấy khen", "")
    assert rows[old].decision_ref == "Quyết định số 15-QĐ/ĐU"
    assert rows[old].member_name == "Trần Thị Hoa"

    with pytest.raises(ValidationError) as refused:
        service.commend(
            "",
            member_id=None,
            given_on=date(2026, 7, 1),
            given_by="x" * 201,
            decision_ref="y" * 121,
        )
    assert [e.field for e in refused.value.errors] == [
        "title",
        "given_by",
        "decision_ref",
        "given_on",
    ]
    service.delete_commendation(cell)
    service.delete_commendation(cell)
    assert [r.id for r in service.commendations()] == [new, old]
