"""The attendance sheet members sign at a meeting (danh sách đảng viên dự sinh hoạt)."""

from __future__ import annotations

from desktop.data.enums import AttendanceStatus, CommitteePostKind, MemberStatus
from desktop.export.documents import common
from desktop.export.documents.common import Translate
from desktop.export.documents.meeting_parts import (
    Attendee,
    attendees,
    counts_of,
    load_meeting,
    meeting_day,
    meeting_stem,
    post_label,
    posts_on,
    purpose,
    secretary_name,
)
from desktop.export.model import Align, Block, Closing, Column, Document, Style, Table, para
from desktop.services.book import Book
from desktop.services.labels import ENUM_LABELS

SIGNATURE_ROW_MM = 10

# What the note column says of members who are not simply full members.
_STATUS_NOTES = {
    MemberStatus.PROBATIONARY: ENUM_LABELS[MemberStatus.PROBATIONARY],
    MemberStatus.EXEMPT: ENUM_LABELS[MemberStatus.EXEMPT],
    MemberStatus.ATTACHED: ENUM_LABELS[MemberStatus.ATTACHED],
    MemberStatus.AWAY: ENUM_LABELS[MemberStatus.AWAY],
}


def build_attendance_sheet(book: Book, meeting_id: str, *, language: str = "vi") -> Document:
    """The meeting's attendance list in name order; before the attendance is
    prepared, the members expected on the day (nothing is written to the book)."""
    _ = common.document_gettext(language)
    meeting = load_meeting(book, meeting_id)
    org = book.organisation()
    day = meeting_day(meeting)
    people = attendees(book, meeting)
    posts = posts_on(book, day)
    counts = counts_of(people)
    rows = [_row(person, posts.get(person.member_id), _) for person in people]
    blocks: list[Block] = [
        attendance_table(rows, _),
        para(
            _("Members of the cell: {total}; temporarily attached members: {attached}.").format(
                total=counts.total, attached=counts.attached
            ),
            Style.PLAIN,
        ),
        Closing(right=common.cell_signature(secretary_name(book, meeting), _)),
    ]
    return Document(
        kind="attendance",
        header=common.header(org, day),
        title=_("LIST OF MEMBERS ATTENDING THE MEETING"),
        summary=(purpose(meeting, _),),
        blocks=tuple(blocks),
        file_stem=meeting_stem("danh-sach-du-hop", meeting),
        margins=common.margins(book.rules),
    )


def attendance_table(
    rows: list[tuple[str, str, str]], _: Translate, *, blank_rows: int = 0
) -> Table:
    """STT, name, year of birth, post or note, and room to sign."""
    columns = (
        Column(_("No."), 0.07, Align.CENTRE),
        Column(_("Full name"), 0.33, Align.LEFT),
        Column(_("Year of birth"), 0.12, Align.CENTRE),
        Column(_("Post / note"), 0.26, Align.LEFT),
        Column(_("Signature"), 0.22, Align.CENTRE),
    )
    body = [(str(n), name, born, note, "") for n, (name, born, note) in enumerate(rows, start=1)]
    body += [(str(len(rows) + n), "", "", "", "") for n in range(1, blank_rows + 1)]
    return Table(columns, tuple(body), min_row_height_mm=SIGNATURE_ROW_MM)


def member_row(
    person: Attendee, post: CommitteePostKind | None, _: Translate
) -> tuple[str, str, str]:
    """Name, year of birth and note (post, status) of a member on a sheet."""
    notes = []
    if post is not None:
        notes.append(post_label(post, _))
    if person.member_status in _STATUS_NOTES:
        notes.append(_(_STATUS_NOTES[person.member_status]))
    born = str(person.birth_year) if person.birth_year is not None else ""
    return person.full_name, born, "; ".join(notes)


def _row(person: Attendee, post: CommitteePostKind | None, _: Translate) -> tuple[str, str, str]:
    name, born, note = member_row(person, post, _)
    counted = person.member_status.counts_in_cell
    if counted and person.status is AttendanceStatus.ABSENT_EXCUSED:
        absence = _("Absent: {reason}").format(reason=person.reason) if person.reason else ""
        note = "; ".join(part for part in (note, absence or _("Absent with reason")) if part)
    elif counted and person.status is AttendanceStatus.ABSENT_UNEXCUSED:
        note = "; ".join(part for part in (note, _("Absent without reason")) if part)
    return name, born, note
