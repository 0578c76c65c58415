"""Inviting the superior committee member in charge and the working group;
who attended; the superior committee's remarks and confirmation of the score;
the fingerprint of minutes adopted before these existed."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop import i18n
from desktop.data import schema
from desktop.data.enums import GuestRole, MeetingKind, MeetingState
from desktop.data.models import Meeting, MeetingGuest
from desktop.data.stamping import LockedRecordError
from desktop.services import adoption
from desktop.services.adoption import AdoptionService, FieldChange, content_hash
from desktop.services.book import Book, NewBookDetails
from desktop.services.minutes import MinutesService
from desktop.services.preparation import PreparationService, role_label
from desktop.services.validation import ValidationError

DAY = date(2026, 12, 3)
TODAY = date(2026, 11, 28)


@pytest.fixture(autouse=True)
def english() -> None:
    """Messages are checked in the English source text (the catalog may change)."""
    i18n.set_language("en")


def _meeting(book: Book, **values) -> str:
    with book.session() as session:
        meeting = Meeting(kind=MeetingKind.REGULAR, scheduled_on=DAY, **values)
        session.add(meeting)
        session.flush()
        return meeting.id


def _guests(book: Book, meeting_id: str) -> list[MeetingGuest]:
    with book.reader() as session:
        return list(
            session.scalars(
                select(MeetingGuest)
                .where(MeetingGuest.meeting_id == meeting_id)
                .order_by(MeetingGuest.position)
            )
        )


@pytest.fixture
def preparation(book: Book) -> PreparationService:
    return PreparationService(book, TODAY)


@pytest.fixture
def minutes(book: Book) -> MinutesService:
    return MinutesService(book, TODAY)


def test_invitations_become_the_guests_of_the_minutes(
    book: Book, preparation: PreparationService, minutes: MinutesService
):
    meeting_id = _meeting(book)
    thanh = preparation.invite(meeting_id, " Trần Văn  Thành ", "Đảng ủy viên")
    hoa = preparation.invite(
        meeting_id, "Lê Thị Hoa", "Tổ công tác", GuestRole.WORKING_GROUP, date(2026, 11, 25)
    )
    invited = preparation.invitations(meeting_id)
    assert [(i.id, i.name, i.role, i.invited_on, i.invitation_sent) for i in invited] == [
        (thanh, "Trần Văn Thành", GuestRole.SUPERIOR_IN_CHARGE, TODAY, False),
        (hoa, "Lê Thị Hoa", GuestRole.WORKING_GROUP, date(2026, 11, 25), False),
    ]
    preparation.set_invitation_sent(thanh, True)
    assert preparation.invitations(meeting_id)[0].invitation_sent

    # At the minutes they are the guests, attending until told otherwise; a
    # guest added while the minutes are taken is not "invited".
    walk_in = minutes.add_guest(meeting_id, "Nguyễn Văn Tư", "Trưởng thôn")
    guests = _guests(book, meeting_id)
    assert [(g.name, g.is_superior, g.invited, g.attended) for g in guests] == [
        ("Trần Văn Thành", True, True, True),
        ("Lê Thị Hoa", True, True, True),
        ("Nguyễn Văn Tư", False, False, True),
    ]
    assert guests[2].role is GuestRole.GUEST
    assert [i.id for i in preparation.invitations(meeting_id)] == [thanh, hoa]

    minutes.set_guest_attended(hoa, False)
    assert [g.attended for g in _guests(book, meeting_id)] == [True, False, True]
    assert [s.name for s in minutes.superior_attendees(meeting_id)] == ["Trần Văn Thành"]
    minutes.set_guest_attended(hoa, True)
    assert [(s.name, s.role) for s in minutes.superior_attendees(meeting_id)] == [
        ("Trần Văn Thành", GuestRole.SUPERIOR_IN_CHARGE),
        ("Lê Thị Hoa", GuestRole.WORKING_GROUP),
    ]
    with pytest.raises(ValidationError):  # not invited: removed in the minutes, not here
        preparation.uninvite(walk_in)
    preparation.uninvite(thanh)
    assert [(g.name, g.position) for g in _guests(book, meeting_id)] == [
        ("Lê Thị Hoa", 1),
        ("Nguyễn Văn Tư", 2),
    ]


def test_invitations_are_checked(book: Book, preparation: PreparationService):
    meeting_id = _meeting(book)
    with pytest.raises(ValidationError):
        preparation.invite(meeting_id, "   ")
    with pytest.raises(ValidationError):
        preparation.invite(meeting_id, "A" * 121)
    with pytest.raises(ValueError):
        preparation.invite(meeting_id, "Trần Văn Thành", role="chairman")
    preparation.invite(meeting_id, "Trần Văn Thành")
    with pytest.raises(ValidationError) as raised:
        preparation.invite(meeting_id, "trần văn  thành")
    assert "already" in str(raised.value)


def test_correcting_an_invitation(book: Book, preparation: PreparationService):
    meeting_id = _meeting(book)
    guest_id = preparation.invite(meeting_id, "Lê Thị Hoa")
    preparation.update_invitation(guest_id, "Lê Thị Hoà", "Tổ công tác", GuestRole.GUEST)
    [guest] = _guests(book, meeting_id)
    assert (guest.name, guest.title, guest.role, guest.is_superior) == (
        "Lê Thị Hoà",
        "Tổ công tác",
        GuestRole.GUEST,
        False,
    )
    assert guest.invited_on == TODAY  # kept when not given


def test_updating_a_guest_in_the_minutes_keeps_the_role_in_step(
    book: Book, preparation: PreparationService, minutes: MinutesService
):
    meeting_id = _meeting(book)
    guest_id = preparation.invite(meeting_id, "Lê Thị Hoa", role=GuestRole.WORKING_GROUP)
    minutes.update_guest(guest_id, "Lê Thị Hoa", "Tổ công tác", is_superior=True)
    assert _guests(book, meeting_id)[0].role is GuestRole.WORKING_GROUP
    minutes.update_guest(guest_id, "Lê Thị Hoa", "", is_superior=False)
    assert _guests(book, meeting_id)[0].role is GuestRole.GUEST
    minutes.update_guest(guest_id, "Lê Thị Hoa", "", is_superior=True)
    assert _guests(book, meeting_id)[0].role is GuestRole.SUPERIOR_IN_CHARGE


def test_role_labels(preparation: PreparationService):
    assert role_label(GuestRole.WORKING_GROUP)
    assert role_label("guest")


def test_invitations_of_an_adopted_meeting_are_refused(
    book: Book, preparation: PreparationService, minutes: MinutesService
):
    meeting_id = _meeting(book)
    guest_id = preparation.invite(meeting_id, "Trần Văn Thành")
    with book.session() as session:
        session.get(Meeting, meeting_id).state = MeetingState.ADOPTED
    for action in (
        lambda: preparation.invite(meeting_id, "Lê Thị Hoa"),
        lambda: preparation.set_invitation_sent(guest_id, True),
        lambda: preparation.uninvite(guest_id),
        lambda: minutes.set_guest_attended(guest_id, False),
        lambda: minutes.set_superior_remarks(meeting_id, "Tốt"),
        lambda: minutes.clear_confirmation(meeting_id),
    ):
        with pytest.raises(ValidationError):
            action()
    with pytest.raises(LockedRecordError), book.session() as session:
        session.get(MeetingGuest, guest_id).attended = False


def test_remarks_and_confirmation_of_the_score(book: Book, minutes: MinutesService):
    meeting_id = _meeting(book, held_on=date(2026, 12, 4))
    minutes.set_superior_remarks(meeting_id, "  Chi bộ chuẩn bị chu đáo.\nCần phát huy. ")
    with pytest.raises(ValidationError) as raised:
        minutes.confirm_score(meeting_id, "Trần Văn Thành")
    assert "Save the score first" in str(raised.value) or raised.value.for_field("score")

    answers = minutes.framework().full_marks()
    minutes.save_score(meeting_id, answers)
    with pytest.raises(ValidationError):
        minutes.confirm_score(meeting_id, "  ")
    minutes.confirm_score(meeting_id, " Trần Văn  Thành ")
    with book.reader() as session:
        meeting = session.get(Meeting, meeting_id)
        assert meeting.superior_remarks == "Chi bộ chuẩn bị chu đáo.\nCần phát huy."
        assert meeting.score_confirmed_by == "Trần Văn Thành"
        assert meeting.score_confirmed_on == date(2026, 12, 4)  # the day it was held

    # Saving the same score again keeps the confirmation; a new score clears it.
    minutes.save_score(meeting_id, answers)
    with book.reader() as session:
        assert session.get(Meeting, meeting_id).score_confirmed_by == "Trần Văn Thành"
    lower = dict(answers)
    lower["results"] = "70_89"
    minutes.save_score(meeting_id, lower)
    with book.reader() as session:
        meeting = session.get(Meeting, meeting_id)
        assert (meeting.score_confirmed_by, meeting.score_confirmed_on) == ("", None)

    minutes.confirm_score(meeting_id, "Trần Văn Thành", date(2026, 12, 5))
    with book.reader() as session:
        assert session.get(Meeting, meeting_id).score_confirmed_on == date(2026, 12, 5)
    minutes.clear_confirmation(meeting_id)
    with book.reader() as session:
        meeting = session.get(Meeting, meeting_id)
        assert (meeting.score_confirmed_by, meeting.score_confirmed_on) == ("", None)


def test_the_fingerprint_covers_remarks_confirmation_role_and_attendance(
    book: Book, preparation: PreparationService, minutes: MinutesService
):
    meeting_id = _meeting(book)
    guest_id = preparation.invite(meeting_id, "Trần Văn Thành")

    def digest() -> str:
        with book.reader() as session:
            return content_hash(session, session.get(Meeting, meeting_id))

    hashes = [digest()]
    preparation.set_invitation_sent(guest_id, True)  # preparation, not the minutes
    assert digest() == hashes[-1]
    for change in (
        lambda: minutes.set_guest_attended(guest_id, False),
        lambda: preparation.update_invitation(
            guest_id, "Trần Văn Thành", role=GuestRole.WORKING_GROUP
        ),
        lambda: minutes.set_superior_remarks(meeting_id, "Tốt"),
        lambda: minutes.save_score(meeting_id, minutes.framework().full_marks()),
        lambda: minutes.confirm_score(meeting_id, "Trần Văn Thành"),
    ):
        change()
        hashes.append(digest())
    assert len(set(hashes)) == len(hashes)


def test_a_confirmation_can_be_amended_after_adoption(book: Book, minutes: MinutesService):
    meeting_id = _meeting(book, state=MeetingState.HELD)
    minutes.save_score(meeting_id, minutes.framework().full_marks())
    guest_id = minutes.add_guest(meeting_id, "Trần Văn Thành", is_superior=True)
    service = AdoptionService(book)
    service.adopt(meeting_id)
    service.amend(
        meeting_id,
        [
            FieldChange("meeting", meeting_id, "score_confirmed_by", "Trần Văn Thành"),
            FieldChange("meeting", meeting_id, "score_confirmed_on", "2026-12-03"),
            FieldChange("meeting_guest", guest_id, "attended", False),
        ],
        reason="Ghi thiếu xác nhận",
        author="Nguyễn Văn An",
    )
    assert service.verify(meeting_id)
    with book.reader() as session:
        meeting = session.get(Meeting, meeting_id)
        assert meeting.score_confirmed_on == date(2026, 12, 3)
        assert not session.get(MeetingGuest, guest_id).attended


# --- books from before 0007 ---------------------------------------------------------

STAMPS = "'2025-01-01T00:00:00.000000+00:00', '2025-01-01T00:00:00.000000+00:00', '', 1"


def _run_until(revision: str):
    original = schema.run_migrations

    def run(path: Path, _head: str) -> None:
        original(path, revision)

    return run


def _version_6_book(path: Path) -> None:
    """A real schema-6 book holding an adopted meeting with a superior
    delegate and another guest, made by the steps of Book.create at 0006."""
    monkey = pytest.MonkeyPatch()
    monkey.setattr(schema, "run_migrations", _run_until("0006"))
    monkey.setattr(schema, "SCHEMA_VERSION", 6)
    try:
        Book.create(path, NewBookDetails(cell_name="An Hòa", commune_name="An Phú")).close(
            backup=False
        )
    finally:
        monkey.undo()
    with closing(sqlite3.connect(path)) as connection:
        assert connection.execute("PRAGMA user_version").fetchone()[0] == 6
        org = connection.execute("SELECT id FROM organisation").fetchone()[0]
        connection.execute(
            "INSERT INTO meeting (id, org_id, created_at, updated_at, updated_on, change_seq, "
            "kind, state, title, topic, scheduled_on, place, score, grade, superior_remarks, "
            "notes, content_hash) "
            f"VALUES ('m1', ?, {STAMPS}, 'regular', 'adopted', 'Tháng 1', '', '2026-01-03', "
            "'Nhà văn hóa', 92.0, 'good', 'Chuẩn bị tốt', '', 'to-be-set')",
            (org,),
        )
        for guest_id, position, name, superior in (
            ("g1", 1, "Trần Văn Thành", 1),
            ("g2", 2, "Nguyễn Văn Tư", 0),
        ):
            connection.execute(
                "INSERT INTO meeting_guest (id, org_id, created_at, updated_at, updated_on, "
                "change_seq, meeting_id, position, name, title, is_superior) "
                f"VALUES (?, ?, {STAMPS}, 'm1', ?, ?, '', ?)",
                (guest_id, org, position, name, superior),
            )
        connection.commit()


def test_migration_0007_keeps_guests_and_the_fingerprint(tmp_path: Path):
    path = tmp_path / "old.cellbook"
    _version_6_book(path)
    upgraded = Book.open(path, backup_folder=tmp_path / "backups")
    try:
        with upgraded.reader() as session:
            guests = session.scalars(select(MeetingGuest).order_by(MeetingGuest.position)).all()
            assert [(g.role, g.invited, g.invitation_sent, g.attended) for g in guests] == [
                (GuestRole.SUPERIOR_IN_CHARGE, False, False, True),
                (GuestRole.GUEST, False, False, True),
            ]
            meeting = session.get(Meeting, "m1")
            assert (meeting.score_confirmed_by, meeting.score_confirmed_on) == ("", None)
            assert meeting.documents == []
            # The fingerprint as CellBook computed it before 0007 (no later fields):
            with pytest.MonkeyPatch.context() as patch:
                patch.setattr(adoption, "MEETING_LATER_FIELDS", {})
                patch.setattr(adoption, "GUEST_LATER_FIELDS", {})
                before = content_hash(session, meeting)
            assert content_hash(session, meeting) == before
    finally:
        upgraded.close(backup=False)
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("UPDATE meeting SET content_hash = ? WHERE id = 'm1'", (before,))
        connection.commit()
    reopened = Book.open(path)
    try:
        assert AdoptionService(reopened).verify("m1")
        with pytest.raises(LockedRecordError), reopened.session() as session:
            session.get(MeetingGuest, "g1").attended = False
    finally:
        reopened.close(backup=False)
    assert schema.probe(path) == schema.SCHEMA_VERSION
