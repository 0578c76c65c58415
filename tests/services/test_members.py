"""Member validation names the field and the problem; nothing invalid is saved."""

from __future__ import annotations

from datetime import date

import pytest

from desktop import i18n
from desktop.data.enums import MemberStatus, Sex
from desktop.services.book import Book
from desktop.services.members import MemberInput, MemberService
from desktop.services.validation import ValidationError

TODAY = date(2026, 11, 22)


def _service(book: Book) -> MemberService:
    return MemberService(book, today=TODAY)


def test_valid_member_is_saved_cleaned(book: Book):
    service = _service(book)
    member_id = service.create(
        MemberInput(
            full_name="  Nguyễn   Thị  Hoa ",
            sex=Sex.FEMALE,
            citizen_id="0871 7000 1234",
            admission_date=date(2000, 5, 19),
            card_number="  93001 ",
        )
    )
    member = service.get(member_id)
    assert member.full_name == "Nguyễn Thị Hoa"
    assert member.citizen_id == "087170001234"
    assert member.card_number == "93001"
    assert [row.full_name for row in service.rows()] == ["Nguyễn Thị Hoa"]


def test_every_problem_is_reported_at_once_and_nothing_saved(book: Book):
    service = _service(book)
    i18n.set_language("en")
    with pytest.raises(ValidationError) as raised:
        service.create(
            MemberInput(
                full_name=" ",
                sex=Sex.MALE,
                date_of_birth=date(2030, 1, 1),
                admission_date=date(2020, 1, 1),
                official_date=date(2019, 1, 1),
                citizen_id="12345",
                phone="abc",
            )
        )
    fields = [error.field for error in raised.value.errors]
    assert fields == [
        "full_name",
        "date_of_birth",
        "admission_date",
        "official_date",
        "citizen_id",
        "phone",
    ]
    assert raised.value.for_field("full_name") == ["Full name: please fill this in."]
    assert raised.value.for_field("date_of_birth") == ["Date of birth: cannot be in the future."]
    assert raised.value.for_field("official_date") == [
        "Official date: cannot be before Admission date."
    ]
    assert raised.value.for_field("citizen_id") == ["Citizen ID: must be exactly 12 digits."]
    assert service.rows() == []


def test_messages_are_vietnamese_by_default(book: Book):
    with pytest.raises(ValidationError) as raised:
        _service(book).create(MemberInput(full_name="", sex=Sex.MALE))
    message = raised.value.for_field("full_name")[0]
    assert message.startswith("Họ và tên")


def test_duplicate_card_number_is_refused(book: Book):
    service = _service(book)
    service.create(MemberInput(full_name="Lê Văn Tám", sex=Sex.MALE, card_number="555"))
    i18n.set_language("en")
    with pytest.raises(ValidationError) as raised:
        service.create(MemberInput(full_name="Lê Văn Chín", sex=Sex.MALE, card_number="555"))
    assert raised.value.for_field("card_number") == [
        "Party card number: 555 already belongs to Lê Văn Tám."
    ]
    assert len(service.rows()) == 1


def test_updating_keeps_own_card_number(book: Book):
    service = _service(book)
    member_id = service.create(MemberInput(full_name="Lê Văn Tám", sex=Sex.MALE, card_number="555"))
    service.update(
        member_id,
        MemberInput(full_name="Lê Văn Tám", sex=Sex.MALE, card_number="555", phone="0912 345 678"),
    )
    assert service.get(member_id).phone == "0912 345 678"


def test_past_members_are_hidden_by_default(book: Book):
    service = _service(book)
    service.create(MemberInput(full_name="Lê Văn Tám", sex=Sex.MALE))
    service.create(
        MemberInput(full_name="Đỗ Văn Cũ", sex=Sex.MALE, status=MemberStatus.TRANSFERRED)
    )
    assert [r.full_name for r in service.rows()] == ["Lê Văn Tám"]
    assert len(service.rows(include_past=True)) == 2
    assert service.counts_by_status()[MemberStatus.TRANSFERRED] == 1
