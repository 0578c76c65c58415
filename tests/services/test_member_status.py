"""A member's status follows from their events; recording an event checks it fits."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop import i18n
from desktop.data.enums import MemberEventKind as Kind
from desktop.data.enums import MemberStatus as Status
from desktop.data.enums import Sex
from desktop.services.book import Book, NewBookDetails
from desktop.services.member_events import ALLOWED_FROM, FINAL, EventInput, EventService
from desktop.services.member_status import EventFact, derive_status
from desktop.services.members import MemberInput, MemberService
from desktop.services.validation import ValidationError

TODAY = date(2026, 6, 15)
ADMITTED = date(2020, 3, 5)
RECOGNISED = date(2021, 3, 20)


def facts(*pairs: tuple[Kind, date]) -> list[EventFact]:
    return [EventFact(kind, day) for kind, day in pairs]


def derived(*pairs: tuple[Kind, date], default: Status = Status.FULL) -> Status:
    return derive_status(facts(*pairs), default=default).status


MEMBER = ((Kind.ADMISSION, ADMITTED), (Kind.RECOGNITION, RECOGNISED))


# --- derive_status ------------------------------------------------------------------


def test_no_events_leave_the_typed_in_status():
    for status in Status:
        result = derive_status([], default=status)
        assert (result.status, result.admission_date, result.official_date) == (status, None, None)


def test_admission_then_recognition():
    admitted = derive_status(facts((Kind.ADMISSION, ADMITTED)), default=Status.FULL)
    assert (admitted.status, admitted.admission_date, admitted.official_date) == (
        Status.PROBATIONARY,
        ADMITTED,
        None,
    )
    full = derive_status(facts(*MEMBER), default=Status.PROBATIONARY)
    assert (full.status, full.admission_date, full.official_date) == (
        Status.FULL,
        ADMITTED,
        RECOGNISED,
    )


def test_events_are_read_in_date_order():
    shuffled = facts((Kind.RECOGNITION, RECOGNISED), (Kind.ADMISSION, ADMITTED))
    assert derive_status(shuffled, default=Status.FULL).status is Status.FULL


def test_exemption_and_its_end():
    exempt = (Kind.EXEMPTION, date(2024, 1, 3))
    assert derived(*MEMBER, exempt) is Status.EXEMPT
    assert derived(*MEMBER, exempt, (Kind.EXEMPTION_END, date(2025, 1, 3))) is Status.FULL
    # A probationary member goes back to being probationary.
    assert (
        derived((Kind.ADMISSION, ADMITTED), exempt, (Kind.EXEMPTION_END, date(2025, 1, 3)))
        is Status.PROBATIONARY
    )


def test_temporary_transfer_and_return():
    away = (Kind.TEMPORARY_TRANSFER, date(2025, 2, 1))
    assert derived(*MEMBER, away) is Status.AWAY
    assert derived(*MEMBER, away, (Kind.RETURN, date(2025, 9, 1))) is Status.FULL


def test_a_closing_event_only_closes_its_own_situation():
    exempt = (Kind.EXEMPTION, date(2024, 1, 3))
    assert derived(*MEMBER, exempt, (Kind.RETURN, date(2025, 1, 3))) is Status.EXEMPT


def test_attachment_and_its_end():
    attached = (Kind.ATTACHMENT, date(2025, 2, 1))
    assert derived(attached) is Status.ATTACHED
    assert derived(*MEMBER, attached) is Status.ATTACHED
    assert derived(*MEMBER, attached, (Kind.ATTACHMENT_END, date(2026, 2, 1))) is (
        Status.TRANSFERRED
    )


def test_membership_ends_with_transfer_death_or_removal():
    later = date(2025, 5, 5)
    assert derived(*MEMBER, (Kind.OFFICIAL_TRANSFER, later)) is Status.TRANSFERRED
    assert derived(*MEMBER, (Kind.DEATH, later)) is Status.DECEASED
    assert derived(*MEMBER, (Kind.REMOVAL, later)) is Status.REMOVED
    away = (Kind.TEMPORARY_TRANSFER, date(2025, 1, 1))
    assert derived(*MEMBER, away, (Kind.OFFICIAL_TRANSFER, later)) is Status.TRANSFERRED
    ended = derive_status(facts(*MEMBER, (Kind.DEATH, later)), default=Status.FULL)
    assert (ended.admission_date, ended.official_date) == (ADMITTED, RECOGNISED)


def test_events_without_admission_use_the_default():
    exempt = (Kind.EXEMPTION, date(2024, 1, 3))
    end = (Kind.EXEMPTION_END, date(2025, 1, 3))
    assert derived(exempt, end, default=Status.FULL) is Status.FULL
    assert derived(exempt, end, default=Status.EXEMPT) is Status.PROBATIONARY


# --- any valid history ---------------------------------------------------------------


@dataclass
class Model:
    """The meaning of each event, written out plainly."""

    recognised: bool = False
    situation: Status | None = None
    ended: Status | None = None

    def status(self) -> Status:
        base = Status.FULL if self.recognised else Status.PROBATIONARY
        return self.ended or self.situation or base

    def apply(self, kind: Kind) -> None:
        if kind is Kind.RECOGNITION:
            self.recognised = True
        elif kind in (Kind.EXEMPTION_END, Kind.RETURN):
            self.situation = None
        elif kind in SITUATION_OF:
            self.situation = SITUATION_OF[kind]
        elif kind in ENDED_BY:
            self.ended, self.situation = ENDED_BY[kind], None


SITUATION_OF = {
    Kind.EXEMPTION: Status.EXEMPT,
    Kind.TEMPORARY_TRANSFER: Status.AWAY,
    Kind.ATTACHMENT: Status.ATTACHED,
}
ENDED_BY = {
    Kind.OFFICIAL_TRANSFER: Status.TRANSFERRED,
    Kind.ATTACHMENT_END: Status.TRANSFERRED,
    Kind.DEATH: Status.DECEASED,
    Kind.REMOVAL: Status.REMOVED,
}
LATER_KINDS = [kind for kind in Kind if kind is not Kind.ADMISSION]


def allowed(kind: Kind, status: Status) -> bool:
    """What `EventService.record` accepts after the admission."""
    return status not in FINAL and (kind not in ALLOWED_FROM or status in ALLOWED_FROM[kind])


@st.composite
def histories(draw: st.DrawFn) -> list[tuple[Kind, date]]:
    """An admission, then events each allowed by the status before it, days apart."""
    day = draw(st.dates(min_value=date(1960, 1, 1), max_value=date(2015, 1, 1)))
    events = [(Kind.ADMISSION, day)]
    model = Model()
    for _ in range(draw(st.integers(min_value=0, max_value=8))):
        choices = [kind for kind in LATER_KINDS if allowed(kind, model.status())]
        if not choices:
            break
        kind = draw(st.sampled_from(choices))
        day += timedelta(days=draw(st.integers(min_value=1, max_value=300)))
        events.append((kind, day))
        model.apply(kind)
    return events


def expected(events: list[tuple[Kind, date]]) -> Status:
    model = Model()
    for kind, _day in events:
        model.apply(kind)
    return model.status()


@given(histories())
def test_any_valid_history_ends_where_its_events_lead(events: list[tuple[Kind, date]]):
    result = derive_status(facts(*events), default=Status.FULL)
    assert result.status is expected(events)
    assert result.admission_date == events[0][1]
    recognitions = [day for kind, day in events if kind is Kind.RECOGNITION]
    assert result.official_date == (recognitions[-1] if recognitions else None)
    changing = [kind for kind, _day in events if kind in ENDED_BY]
    if changing:
        assert result.status is ENDED_BY[changing[-1]]
        assert events[-1][0] is changing[-1]  # nothing can follow it


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(histories())
def test_recording_a_valid_history_keeps_the_member_row_in_step(events: list[tuple[Kind, date]]):
    with tempfile.TemporaryDirectory() as folder:
        book = Book.create(
            Path(folder) / "b.cellbook",
            NewBookDetails(cell_name="Thôn An Hòa", commune_name="An Phú"),
            backup_folder=Path(folder),
        )
        try:
            member_id = MemberService(book, today=TODAY).create(
                MemberInput(full_name="Lê Văn Tám", sex=Sex.MALE, admission_date=events[0][1])
            )
            service = EventService(book, today=TODAY)
            for kind, day in events[1:]:
                service.record(member_id, EventInput(kind, day, counterpart="Chi bộ Khu phố 4"))
            member = MemberService(book).get(member_id)
            assert member is not None
            assert member.status is expected(events)
            assert member.admission_date == events[0][1]
            assert [row.kind for row in service.history(member_id)] == [k for k, _d in events]
        finally:
            book.close(backup=False)


# --- recording events -------------------------------------------------------------------


@pytest.fixture
def english():
    i18n.set_language("en")


def add_member(book: Book, **dates: date | None) -> str:
    values = {"admission_date": ADMITTED, "official_date": RECOGNISED, **dates}
    return MemberService(book, today=TODAY).create(
        MemberInput(full_name="Nguyễn Văn Hùng", sex=Sex.MALE, **values)
    )


def record(book: Book, member_id: str, kind: Kind, day: date, **extra: object) -> str:
    return EventService(book, today=TODAY).record(member_id, EventInput(kind, day, **extra))


def problems(book: Book, member_id: str, kind: Kind, day: date, **extra: object) -> list[str]:
    with pytest.raises(ValidationError) as raised:
        record(book, member_id, kind, day, **extra)
    return [error.message for error in raised.value.errors]


def test_recording_keeps_the_member_row_in_step(book: Book):
    member_id = add_member(book, official_date=None)
    members = MemberService(book)
    assert members.get(member_id).status is Status.PROBATIONARY
    record(book, member_id, Kind.RECOGNITION, date(2021, 4, 2))
    member = members.get(member_id)
    assert (member.status, member.admission_date, member.official_date) == (
        Status.FULL,
        ADMITTED,
        date(2021, 4, 2),
    )
    record(book, member_id, Kind.TEMPORARY_TRANSFER, date(2026, 1, 10), counterpart="Chi bộ 4")
    assert members.get(member_id).status is Status.AWAY
    record(book, member_id, Kind.RETURN, date(2026, 5, 10))
    assert members.get(member_id).status is Status.FULL
    record(book, member_id, Kind.DEATH, date(2026, 6, 1))
    assert members.get(member_id).status is Status.DECEASED


def test_history_keeps_who_recorded_what_and_when(book: Book):
    member_id = add_member(book)
    before = datetime.now(UTC)
    record(
        book,
        member_id,
        Kind.EXEMPTION,
        date(2026, 3, 3),
        decision_ref=" Số 12-NQ/CB ",
        note="Tuổi cao, sức khỏe yếu",
        recorded_by="Trần Văn Bình",
    )
    history = EventService(book, today=TODAY).history(member_id)
    assert [row.kind for row in history] == [Kind.ADMISSION, Kind.RECOGNITION, Kind.EXEMPTION]
    latest = history[-1]
    assert (latest.occurs_on, latest.decision_ref, latest.recorded_by, latest.note) == (
        date(2026, 3, 3),
        "Số 12-NQ/CB",
        "Trần Văn Bình",
        "Tuổi cao, sức khỏe yếu",
    )
    assert latest.recorded_at >= before - timedelta(seconds=1)


def test_a_full_member_cannot_be_recognised_again(book: Book, english: None):
    member_id = add_member(book)
    assert problems(book, member_id, Kind.RECOGNITION, date(2026, 1, 5)) == [
        "“Recognised as a full member” cannot be recorded for a member who is: Full member."
    ]


def test_nothing_is_recorded_after_death(book: Book, english: None):
    member_id = add_member(book)
    record(book, member_id, Kind.DEATH, date(2026, 1, 5))
    assert problems(book, member_id, Kind.EXEMPTION, date(2026, 2, 5)) == [
        "Nguyễn Văn Hùng is no longer a member of this cell (Deceased)."
    ]


def test_events_are_recorded_in_order_and_not_in_the_future(book: Book, english: None):
    member_id = add_member(book)
    record(book, member_id, Kind.EXEMPTION, date(2026, 3, 3))
    assert problems(book, member_id, Kind.EXEMPTION_END, date(2026, 1, 1)) == [
        "Date: the member's last recorded event is on 03/03/2026; record events in order."
    ]
    assert problems(book, member_id, Kind.EXEMPTION_END, date(2026, 7, 1)) == [
        "Date: cannot be in the future."
    ]
    assert [row.kind for row in EventService(book).history(member_id)][-1] is Kind.EXEMPTION


def test_transfers_need_a_destination(book: Book, english: None):
    member_id = add_member(book)
    for kind in (Kind.TEMPORARY_TRANSFER, Kind.OFFICIAL_TRANSFER):
        assert problems(book, member_id, kind, date(2026, 3, 3)) == [
            "Other party organisation: please fill this in."
        ]
    assert MemberService(book).get(member_id).status is Status.FULL


def test_an_expected_end_cannot_come_before_the_event(book: Book, english: None):
    member_id = add_member(book)
    assert problems(
        book,
        member_id,
        Kind.TEMPORARY_TRANSFER,
        date(2026, 3, 3),
        counterpart="Chi bộ 4",
        ends_on=date(2026, 1, 1),
    ) == ["Until: cannot be before Date."]


def test_a_second_admission_and_a_return_without_leaving_are_refused(book: Book, english: None):
    member_id = add_member(book)
    assert problems(book, member_id, Kind.ADMISSION, date(2026, 3, 3)) == [
        "Nguyễn Văn Hùng already has an admission date."
    ]
    assert problems(book, member_id, Kind.RETURN, date(2026, 3, 3)) == [
        "“Returned from temporary transfer” cannot be recorded for a member who is: Full member."
    ]


def test_the_latest_event_can_be_withdrawn_and_stays_in_the_history(book):
    """A mistaken transfer is withdrawn: the member is back, the row stays, marked."""
    from desktop.data.enums import MemberEventKind as K
    from desktop.data.enums import MemberStatus as S
    from desktop.data.enums import Sex as Sx
    from desktop.services.member_events import EventInput, EventService
    from desktop.services.members import MemberInput, MemberService
    from desktop.services.validation import ValidationError as VE

    today = date(2026, 11, 22)
    members = MemberService(book, today=today)
    member_id = members.create(
        MemberInput(
            full_name="Lê Văn Tám",
            sex=Sx.MALE,
            admission_date=date(2000, 1, 5),
            official_date=date(2001, 1, 5),
        )
    )
    events = EventService(book, today=today)
    transfer = events.record(
        member_id, EventInput(K.OFFICIAL_TRANSFER, date(2026, 11, 1), counterpart="Chi bộ B")
    )
    assert members.get(member_id).status is S.TRANSFERRED

    with pytest.raises(VE):
        events.withdraw(transfer, "  ")
    first = events.history(member_id)[0]
    with pytest.raises(VE):
        events.withdraw(first.id, "nhầm")  # not the latest

    events.withdraw(transfer, "Ghi nhầm người", by="Nguyễn Văn Đạt")
    assert members.get(member_id).status is S.FULL
    history = events.history(member_id)
    assert [row.kind for row in history] == [K.ADMISSION, K.RECOGNITION, K.OFFICIAL_TRANSFER]
    assert history[-1].withdrawn and history[-1].withdrawn_reason == "Ghi nhầm người"
    assert history[-1].withdrawn_by == "Nguyễn Văn Đạt"
    # The member can now have the right event recorded, even on an earlier date.
    events.record(member_id, EventInput(K.EXEMPTION, date(2026, 10, 1)))
    assert members.get(member_id).status is S.EXEMPT
