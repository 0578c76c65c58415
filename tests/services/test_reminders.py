"""Reminders for the home screen, each kind with its exact dates."""

from __future__ import annotations

from datetime import date

from desktop import i18n
from desktop.data.enums import MemberEventKind as Kind
from desktop.data.enums import MemberStatus, Sex
from desktop.services.book import Book
from desktop.services.dues import DuesService
from desktop.services.member_events import EventInput, EventService
from desktop.services.members import MemberInput, MemberService
from desktop.services.reminders import (
    Reminder,
    ReminderKind,
    everything_due,
    meetings_due,
    reminders,
)

TODAY = date(2026, 6, 15)
R = ReminderKind


def add(
    book: Book,
    name: str,
    admitted: date | None = date(2010, 4, 2),
    official: date | None = date(2011, 4, 20),
    status: MemberStatus = MemberStatus.FULL,
) -> str:
    return MemberService(book, today=TODAY).create(
        MemberInput(
            full_name=name,
            sex=Sex.MALE,
            admission_date=admitted,
            official_date=official,
            status=status,
            home_cell="Chi bộ Khu phố 4" if status is MemberStatus.ATTACHED else "",
        )
    )


def event(book: Book, member_id: str, kind: Kind, day: date, **extra: object) -> None:
    EventService(book, today=TODAY).record(member_id, EventInput(kind, day, **extra))


def summary(found: list[Reminder]) -> list[tuple[ReminderKind, str, date, bool]]:
    return [(r.kind, r.member_name, r.due_on, r.urgent) for r in found]


def test_nothing_for_members_who_do_not_qualify(book: Book):
    add(book, "Lê Văn An")  # admitted 2010: no badge until 2040
    add(book, "Lê Văn Bảo", admitted=date(2025, 8, 20), official=None)  # probation to 20/08
    add(book, "Lê Văn Cường", admitted=date(1997, 8, 1), official=date(1998, 8, 1))  # 2027
    add(book, "Lê Văn Dũng", admitted=date(1976, 3, 20), official=date(1977, 3, 20))  # 50 in March
    add(book, "Lê Văn Đạt", status=MemberStatus.ATTACHED)  # no expected end
    back = add(book, "Lê Văn Giang")
    event(
        book,
        back,
        Kind.TEMPORARY_TRANSFER,
        date(2025, 9, 1),
        counterpart="Chi bộ 2",
        ends_on=date(2026, 3, 1),
    )
    event(book, back, Kind.RETURN, date(2026, 3, 2))
    far = add(book, "Lê Văn Hải")
    event(
        book,
        far,
        Kind.TEMPORARY_TRANSFER,
        date(2026, 1, 10),
        counterpart="Chi bộ 2",
        ends_on=date(2026, 12, 1),
    )
    dead = add(book, "Lê Văn Khoa", admitted=date(1996, 7, 1), official=date(1997, 7, 1))
    event(book, dead, Kind.DEATH, date(2026, 5, 1))
    assert reminders(book, TODAY) == []


def test_probation_and_recognition(book: Book):
    add(book, "Lê Văn An", admitted=date(2025, 7, 1), official=None)
    add(book, "Lê Văn Bảo", admitted=date(2025, 7, 15), official=None)  # ends today + 30
    add(book, "Lê Văn Cường", admitted=date(2025, 7, 16), official=None)  # one day too far
    add(book, "Lê Văn Dũng", admitted=date(2025, 5, 20), official=None)
    add(book, "Lê Văn Đạt", admitted=date(2025, 3, 2), official=None)
    add(book, "Lê Văn Giang", admitted=date(2025, 6, 15), official=None)  # ends today
    recognised = add(book, "Lê Văn Hải", admitted=date(2025, 3, 3), official=None)
    event(book, recognised, Kind.RECOGNITION, date(2026, 4, 1))
    assert summary(reminders(book, TODAY)) == [
        (R.RECOGNITION_DUE, "Lê Văn Đạt", date(2026, 4, 13), True),
        (R.PROBATION_ENDING, "Lê Văn Giang", date(2026, 6, 15), False),
        (R.PROBATION_ENDING, "Lê Văn An", date(2026, 7, 1), False),
        (R.RECOGNITION_DUE, "Lê Văn Dũng", date(2026, 7, 1), False),
        (R.PROBATION_ENDING, "Lê Văn Bảo", date(2026, 7, 15), False),
    ]


def test_messages_are_plain_with_day_month_year(book: Book):
    add(book, "Lê Văn An", admitted=date(2025, 7, 1), official=None)
    add(book, "Lê Văn Dũng", admitted=date(2025, 5, 20), official=None)
    add(book, "Lê Văn Đạt", admitted=date(2025, 3, 2), official=None)
    i18n.set_language("en")
    messages = [r.message for r in reminders(book, TODAY)]
    assert messages == [
        "The deadline to consider recognising Lê Văn Đạt as a full member passed on 13/04/2026.",
        "The probation of Lê Văn An ends on 01/07/2026: prepare the recognition as a full member.",
        "The probation of Lê Văn Dũng ended on 20/05/2026: the cell must consider recognition "
        "by 01/07/2026.",
    ]


def test_party_badges_due_within_twelve_months(book: Book):
    add(book, "Trần Văn Ba", admitted=date(1996, 9, 10), official=date(1997, 9, 10))
    add(book, "Trần Văn Bốn", admitted=date(1986, 6, 15), official=date(1987, 6, 15))  # today
    add(book, "Trần Văn Năm", admitted=date(1977, 6, 15), official=date(1978, 6, 15))  # in 12 m
    add(book, "Trần Văn Sáu", admitted=date(1997, 6, 16), official=date(1998, 6, 16))  # too far
    add(book, "Trần Văn Bảy", admitted=date(1996, 9, 1), status=MemberStatus.ATTACHED)
    exempt = add(book, "Trần Văn Tám", admitted=date(1972, 1, 5), official=date(1973, 1, 5))
    event(book, exempt, Kind.EXEMPTION, date(2020, 1, 3))
    i18n.set_language("en")
    found = reminders(book, TODAY)
    assert summary(found) == [
        (R.BADGE_DUE, "Trần Văn Bốn", date(2026, 6, 15), False),
        (R.BADGE_DUE, "Trần Văn Ba", date(2026, 9, 10), False),
        (R.BADGE_DUE, "Trần Văn Tám", date(2027, 1, 5), False),
        (R.BADGE_DUE, "Trần Văn Năm", date(2027, 6, 15), False),
    ]
    assert found[1].message == (
        "Trần Văn Ba reaches 30 years of party membership on 10/09/2026: propose the party badge."
    )
    assert found[1].label == "Party badge"
    assert "55 years" in found[2].message


def test_temporary_transfers_and_attachments_ending(book: Book):
    soon = add(book, "Phạm Văn An")
    event(
        book,
        soon,
        Kind.TEMPORARY_TRANSFER,
        date(2026, 1, 10),
        counterpart="Chi bộ Khu phố 2",
        ends_on=date(2026, 7, 5),
    )
    late = add(book, "Phạm Văn Bình")
    event(
        book,
        late,
        Kind.TEMPORARY_TRANSFER,
        date(2025, 12, 1),
        counterpart="Chi bộ Khu phố 3",
        ends_on=date(2026, 6, 1),
    )
    edge = add(book, "Phạm Văn Cường")
    event(
        book,
        edge,
        Kind.TEMPORARY_TRANSFER,
        date(2026, 2, 1),
        counterpart="Chi bộ Khu phố 3",
        ends_on=date(2026, 7, 16),
    )
    here = add(book, "Phạm Văn Dũng")
    event(
        book,
        here,
        Kind.ATTACHMENT,
        date(2025, 7, 1),
        counterpart="Chi bộ Khu phố 4",
        ends_on=date(2026, 7, 10),
    )
    overstayed = add(book, "Phạm Văn Đức")
    event(
        book,
        overstayed,
        Kind.ATTACHMENT,
        date(2025, 6, 1),
        counterpart="Chi bộ Khu phố 4",
        ends_on=date(2026, 6, 10),
    )
    ended = add(book, "Phạm Văn Giang")
    event(
        book,
        ended,
        Kind.ATTACHMENT,
        date(2025, 6, 1),
        counterpart="Chi bộ Khu phố 4",
        ends_on=date(2026, 6, 1),
    )
    event(book, ended, Kind.ATTACHMENT_END, date(2026, 6, 1))
    i18n.set_language("en")
    found = reminders(book, TODAY)
    assert summary(found) == [
        (R.TRANSFER_ENDING, "Phạm Văn Bình", date(2026, 6, 1), True),
        (R.ATTACHMENT_ENDING, "Phạm Văn Đức", date(2026, 6, 10), True),
        (R.TRANSFER_ENDING, "Phạm Văn An", date(2026, 7, 5), False),
        (R.ATTACHMENT_ENDING, "Phạm Văn Dũng", date(2026, 7, 10), False),
    ]
    assert [r.message for r in found] == [
        "The temporary transfer of Phạm Văn Bình to Chi bộ Khu phố 3 ended on 01/06/2026: "
        "record their return or an official transfer.",
        "The temporary attachment of Phạm Văn Đức (home cell: Chi bộ Khu phố 4) ended on "
        "10/06/2026: record its end or its renewal.",
        "The temporary transfer of Phạm Văn An to Chi bộ Khu phố 2 ends on 05/07/2026.",
        "The temporary attachment of Phạm Văn Dũng (home cell: Chi bộ Khu phố 4) ends on "
        "10/07/2026.",
    ]


def test_three_unpaid_months_this_year(book: Book):
    behind = add(book, "Võ Văn An")
    nearly = add(book, "Võ Văn Bình")
    paying = add(book, "Võ Văn Cường")
    dues = DuesService(book, today=TODAY)
    for month in range(1, 7):
        dues.open_month(date(2026, month, 1))
        dues.record_payment(paying, date(2026, month, 1), 6000, date(2026, month, 3))
    for month in (2, 3, 6):
        dues.record_payment(behind, date(2026, month, 1), 6000, date(2026, month, 3))
    for month in (1, 2, 3):
        dues.record_payment(nearly, date(2026, month, 1), 6000, date(2026, month, 3))
    dues.record_payment(nearly, date(2026, 5, 1), 3000, date(2026, 5, 3))  # partly paid
    # Võ Văn Bình owes April, part of May and June, but June is still under way.
    i18n.set_language("en")
    found = reminders(book, TODAY)
    assert summary(found) == [(R.UNPAID_DUES, "Võ Văn An", TODAY, False)]  # dated today: behind now
    assert found[0].message == (
        "Võ Văn An has not paid the dues of 3 months this year (01/2026, 04/2026, 05/2026)."
    )
    assert reminders(book, date(2026, 1, 20)) == []  # January: no month of this year is over
    assert [r.member_name for r in reminders(book, date(2026, 7, 2))] == [
        "Võ Văn An",
        "Võ Văn Bình",
    ]


def test_reminders_come_in_vietnamese_by_default(book: Book):
    add(book, "Lê Văn An", admitted=date(2025, 7, 1), official=None)
    (reminder,) = reminders(book, TODAY)
    assert "Lê Văn An" in reminder.message and "01/07/2026" in reminder.message


def test_meetings_coming_and_overdue_are_reminded(book):
    """The year plan feeds the reminders: a regular meeting not yet planned in the
    next 30 days, and one whose day passed without being held (urgent)."""
    from desktop.data.enums import MeetingKind
    from desktop.services.meetings import MeetingInput, MeetingService

    today = date(2026, 6, 15)
    MeetingService(book).create(
        MeetingInput(kind=MeetingKind.REGULAR, scheduled_on=date(2026, 6, 3), title="Tháng 6")
    )
    i18n.set_language("en")
    found = meetings_due(book, today)
    assert [r for r in everything_due(book, today) if r.about_meeting] == found
    assert not any(r.about_meeting for r in reminders(book, today))
    overdue = [r for r in found if r.kind is R.MEETING_OVERDUE]
    coming = [r for r in found if r.kind is R.MEETING_COMING]
    assert [(r.due_on, r.urgent) for r in overdue][-1] == (date(2026, 6, 3), True)
    assert overdue[-1].meeting_id is not None
    assert overdue[-1].message == (
        "Regular meeting planned for 03/06/2026 has not been recorded as held."
    )
    assert not any(r.due_on < today and r.meeting_id is None for r in found)  # not in the book
    assert date(2026, 7, 3) in [r.due_on for r in coming]
    july = next(r for r in coming if r.due_on == date(2026, 7, 3))
    assert july.meeting_id is None
    assert july.message == "Regular meeting on 03/07/2026 is not in the book yet: plan it."
