"""Pieces the meeting documents share: the meeting as printed, its purpose
line, who holds which post, the attendance report, tasks, votes and score.

Builders of filled documents and of blank forms use the same labels, so a
form filled in by hand reads like the minutes the book prints.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from desktop.data.enums import AttendanceStatus, CommitteePostKind, MeetingKind, MemberStatus
from desktop.data.models import CommitteePost, Meeting, Member, Resolution, ResolutionTask
from desktop.data.text import person_sort_key
from desktop.export.documents import common
from desktop.export.documents.common import (
    DOTS,
    SHORT_DOTS,
    Translate,
    clock,
    comrade,
    file_stem,
    number_text,
    percent_text,
)
from desktop.export.model import Align, Block, Column, DottedLines, Table, labelled
from desktop.i18n import _ as _app
from desktop.rules.ruleset import RuleSet
from desktop.services.book import Book
from desktop.services.labels import ENUM_LABELS
from desktop.services.meeting_rules import AttendanceCounts, attendance_counts, vote_share
from desktop.services.meetings import MeetingService
from desktop.services.minutes import status_on
from desktop.services.validation import FieldError, ValidationError

_POST_ORDER = {
    CommitteePostKind.SECRETARY: 0,
    CommitteePostKind.DEPUTY_SECRETARY: 1,
    CommitteePostKind.COMMITTEE_MEMBER: 2,
}


# --- the meeting ----------------------------------------------------------------


def load_meeting(book: Book, meeting_id: str) -> Meeting:
    """The meeting with everything the documents print, loaded at once."""
    meeting = MeetingService(book).get(meeting_id)
    if meeting is None:
        message = _app("This meeting is no longer in the book.")
        raise ValidationError([FieldError("meeting", message)])
    return meeting


def meeting_day(meeting: Meeting) -> date:
    return meeting.held_on or meeting.scheduled_on


def purpose_line(kind: MeetingKind, day: date | None, subject: str | None, _: Translate) -> str:
    """The summary line under the title: "Sinh hoạt chi bộ định kỳ tháng 12 năm
    2026". `day=None` and `subject=None` leave dots to fill in (blank forms)."""
    month = f"{day.month:02d}" if day is not None else SHORT_DOTS
    year = str(day.year) if day is not None else "20" + SHORT_DOTS
    kind = MeetingKind(kind)
    if kind is MeetingKind.REGULAR:
        return _("Regular party cell meeting, month {month} of {year}").format(
            month=month, year=year
        )
    if kind is MeetingKind.COMMITTEE:
        return _("Cell committee meeting, month {month} of {year}").format(month=month, year=year)
    text = DOTS if subject is None else subject.strip()
    if kind is MeetingKind.THEMATIC:
        if not text:
            return _("Thematic party cell meeting")
        return _("Thematic meeting: {topic}").format(topic=text)
    if not text:
        return _("Extraordinary party cell meeting")
    return _("Extraordinary party cell meeting: {subject}").format(subject=text)


def meeting_stem(prefix: str, meeting: Meeting) -> str:
    """ "bien-ban-2026-12" for the monthly meeting; other kinds add the day."""
    day = meeting_day(meeting)
    if MeetingKind(meeting.kind) is MeetingKind.REGULAR:
        return file_stem(prefix, day.year, f"{day.month:02d}")
    return file_stem(prefix, day.isoformat())


def purpose(meeting: Meeting, _: Translate) -> str:
    kind = MeetingKind(meeting.kind)
    subject = meeting.topic
    if kind is MeetingKind.EXTRAORDINARY and not subject and meeting.title:
        return meeting.title  # written out in full when the meeting was called
    return purpose_line(kind, meeting_day(meeting), subject or meeting.title, _)


def lower_first(text: str) -> str:
    """For a purpose line inside a sentence: "sinh hoạt chi bộ định kỳ ..."."""
    return text[:1].lower() + text[1:]


# --- people ---------------------------------------------------------------------


def posts_on(book: Book, day: date) -> dict[str, CommitteePostKind]:
    """Each committee member's highest post on `day`."""
    with book.reader() as session:
        posts = session.scalars(select(CommitteePost)).all()
        held = [
            (post.member_id, CommitteePostKind(post.post)) for post in posts if post.is_current(day)
        ]
    chosen: dict[str, CommitteePostKind] = {}
    for member_id, post in sorted(held, key=lambda pair: _POST_ORDER[pair[1]], reverse=True):
        chosen[member_id] = post
    return chosen


def post_label(post: CommitteePostKind, _: Translate) -> str:
    return _(ENUM_LABELS[post])


def secretary_name(book: Book, meeting: Meeting) -> str:
    """Who signs for the cell: the secretary on the meeting day, else the chair."""
    name = common.secretary_name(book, meeting_day(meeting))
    if not name and meeting.chair is not None:
        name = meeting.chair.full_name
    return name


def person_with_post(name: str, post: CommitteePostKind | None, _: Translate) -> str:
    """ "Đồng chí Nguyễn Văn An, Bí thư"."""
    if not name:
        return ""
    if post is None:
        return comrade(name, _)
    return _("{name}, {post}").format(name=comrade(name, _), post=post_label(post, _))


# --- attendance -----------------------------------------------------------------


@dataclass(frozen=True)
class Attendee:
    member_id: str
    full_name: str
    birth_year: int | None
    member_status: MemberStatus  # on the meeting day
    status: AttendanceStatus | None  # None: attendance not taken yet
    reason: str


def attendees(book: Book, meeting: Meeting) -> list[Attendee]:
    """The meeting's attendance list in name order; before it is prepared, the
    members expected on the day (committee members for a committee meeting),
    worked out without writing to the book."""
    if meeting.attendance:
        people = [
            Attendee(
                row.member_id,
                row.member.full_name,
                _year(row.member.date_of_birth),
                MemberStatus(row.member_status),
                AttendanceStatus(row.status),
                row.reason,
            )
            for row in meeting.attendance
        ]
    else:
        people = expected_members(book, meeting_day(meeting), MeetingKind(meeting.kind))
    return sorted(people, key=lambda person: person_sort_key(person.full_name))


def expected_members(
    book: Book, day: date, kind: MeetingKind = MeetingKind.REGULAR
) -> list[Attendee]:
    committee = set(posts_on(book, day)) if kind is MeetingKind.COMMITTEE else None
    with book.reader() as session:
        members = session.scalars(select(Member).options(selectinload(Member.events))).all()
        people = []
        for member in members:
            status = status_on(member, day)
            if status is None or not status.is_current:
                continue
            if committee is not None and member.id not in committee:
                continue
            people.append(
                Attendee(member.id, member.full_name, _year(member.date_of_birth), status, None, "")
            )
    return sorted(people, key=lambda person: person_sort_key(person.full_name))


def _year(day: date | None) -> int | None:
    return day.year if day is not None else None


def counts_of(people: list[Attendee]) -> AttendanceCounts:
    return attendance_counts(
        (person.member_status, person.status or AttendanceStatus.PRESENT) for person in people
    )


def comrades(count: int, _: Translate) -> str:
    return _("{count} comrades").format(count=count)


def _names(people: list[Attendee], with_reason: bool = False) -> str:
    if with_reason:
        return "; ".join(
            f"{person.full_name} ({person.reason})" if person.reason else person.full_name
            for person in people
        )
    return ", ".join(person.full_name for person in people)


def _counted(people: list[Attendee], _: Translate, with_reason: bool = False) -> str:
    if not people:
        return _("none")
    return f"{comrades(len(people), _)}: {_names(people, with_reason)}"


def _of_status(people: list[Attendee], status: MemberStatus) -> list[Attendee]:
    return [person for person in people if person.member_status is status]


def attendance_blocks(
    people: list[Attendee], counts: AttendanceCounts, _: Translate, *, committee: bool = False
) -> list[Block]:
    """The attendance report: members split full / probationary, attached,
    exempt, present (split likewise), absent with reason and without, by name."""
    expected = [p for p in people if p.member_status.counts_in_cell]
    present_other = [
        p
        for p in people
        if not p.member_status.counts_in_cell
        and p.status is AttendanceStatus.PRESENT
        and p.member_status in (MemberStatus.ATTACHED, MemberStatus.EXEMPT)
    ]
    total_label = _("Committee members: ") if committee else _("Members of the cell: ")
    blocks: list[Block] = [
        labelled(
            total_label,
            _("{total} ({full} full, {probationary} probationary)").format(
                total=comrades(counts.total, _), full=counts.full, probationary=counts.probationary
            ),
        )
    ]
    if not committee:
        blocks.append(
            labelled(
                _("Temporarily attached members: "),
                _counted(_of_status(people, MemberStatus.ATTACHED), _),
            )
        )
        blocks.append(
            labelled(
                _("Exempt from party work and meetings: "),
                _counted(_of_status(people, MemberStatus.EXEMPT), _),
            )
        )
        if counts.away:
            blocks.append(
                labelled(
                    _("Temporarily transferred away: "),
                    _counted(_of_status(people, MemberStatus.AWAY), _),
                )
            )
    blocks.append(
        labelled(
            _("Present: "),
            _("{present} of {total} ({full} full, {probationary} probationary)").format(
                present=counts.present,
                total=comrades(counts.total, _),
                full=counts.present_full,
                probationary=counts.present_probationary,
            ),
        )
    )
    if present_other:
        blocks.append(labelled(_("Also present: "), _counted(present_other, _)))
    excused = [p for p in expected if p.status is AttendanceStatus.ABSENT_EXCUSED]
    unexcused = [p for p in expected if p.status is AttendanceStatus.ABSENT_UNEXCUSED]
    blocks.append(labelled(_("Absent with reason: "), _counted(excused, _, with_reason=True)))
    blocks.append(labelled(_("Absent without reason: "), _counted(unexcused, _)))
    return blocks


def blank_attendance_blocks(_: Translate, *, committee: bool = False) -> list[Block]:
    total_label = _("Committee members: ") if committee else _("Members of the cell: ")
    labels = [total_label]
    if not committee:
        labels += [_("Temporarily attached members: "), _("Exempt from party work and meetings: ")]
    labels += [_("Present: ")]
    blocks: list[Block] = [DottedLines(1, label) for label in labels]
    blocks.append(DottedLines(2, _("Absent with reason: ")))
    blocks.append(DottedLines(1, _("Absent without reason: ")))
    return blocks


# --- tasks, votes, score ----------------------------------------------------------


def assignee_name(task: ResolutionTask) -> str:
    name = task.assignee.full_name if task.assignee is not None else ""
    return name or task.assignee_text


def due_text(day: date | None) -> str:
    return f"{day.day:02d}/{day.month:02d}/{day.year}" if day is not None else ""


def tasks_table(rows: list[tuple[str, str, str]], _: Translate, *, blank_rows: int = 0) -> Table:
    """STT, task, person in charge, deadline."""
    columns = (
        Column(_("No."), 0.08, Align.CENTRE),
        Column(_("Task"), 0.52, Align.LEFT),
        Column(_("Person in charge"), 0.24, Align.LEFT),
        Column(_("Deadline"), 0.16, Align.CENTRE),
    )
    body = [(str(n), *row) for n, row in enumerate(rows, start=1)]
    body += [(str(len(body) + n), "", "", "") for n in range(1, blank_rows + 1)]
    return Table(columns, tuple(body), min_row_height_mm=8 if blank_rows else 0)


def task_rows(resolution: Resolution | None) -> list[tuple[str, str, str]]:
    if resolution is None:
        return []
    return [(t.description, assignee_name(t), due_text(t.due_on)) for t in resolution.tasks]


def vote_counts(
    resolution: Resolution | None, voting_present: int
) -> tuple[int, int, int, int] | None:
    """(for, against, abstain, voters) as recorded; None before the vote."""
    if resolution is None or resolution.votes_for is None:
        return None
    voters = resolution.voters_present if resolution.voters_present is not None else voting_present
    return (
        resolution.votes_for,
        resolution.votes_against or 0,
        resolution.votes_abstain or 0,
        voters,
    )


def vote_share_text(votes_for: int, voters: int, language: str) -> str:
    share = vote_share(votes_for, voters)
    return percent_text(share, language) if share is not None else SHORT_DOTS


def vote_label(kind: MeetingKind, _: Translate) -> str:
    if MeetingKind(kind) is MeetingKind.REGULAR:
        return _("Vote on the resolution: ")
    return _("Vote on the conclusion: ")


def vote_sentence(votes: tuple[int, int, int, int] | None, _: Translate, language: str) -> str:
    """For, against and abstaining out of the voting members present, with the
    share in favour; dots before the vote (and on blank forms)."""
    text = _(
        "{for_} of {voters} voting members present in favour ({share}), "
        "{against} against, {abstain} abstaining."
    )
    if votes is None:
        return text.format(
            for_=SHORT_DOTS,
            voters=SHORT_DOTS,
            share=SHORT_DOTS + "%",
            against=SHORT_DOTS,
            abstain=SHORT_DOTS,
        )
    for_, against, abstain, voters = votes
    return text.format(
        for_=for_,
        voters=voters,
        share=vote_share_text(for_, voters, language),
        against=against,
        abstain=abstain,
    )


def adoption_statement(_: Translate) -> str:
    """Printed on every copy of the minutes, adopted or not: the printed minutes
    are what the minute-taker reads out before the meeting adopts and signs them."""
    return _(
        "The minutes were read out to the meeting; the members present agreed with "
        "their content and adopted them."
    )


def closing_time(end: time | None, _: Translate) -> str:
    return _("The meeting closed at {time} the same day.").format(time=clock(end, _))


def grade_text(rules: RuleSet, grade: str, language: str) -> str:
    """A meeting grade as stored (band id or title) in the document's language."""
    for band in rules.meeting_bands:
        if grade in (band.id, band.title_vi, band.title_en):
            return band.title(language)
    return grade


def score_text(meeting: Meeting | None, rules: RuleSet, _: Translate, language: str) -> str:
    """ "79 điểm, xếp loại Khá."; dots before the meeting is scored (and on blank forms)."""
    if meeting is None or meeting.score is None:
        return _("{score} points, grade {grade}.").format(score=SHORT_DOTS, grade=DOTS)
    text = _("{score} points, grade {grade}.").format(
        score=number_text(meeting.score, language),
        grade=grade_text(rules, meeting.grade, language) or DOTS,
    )
    confirmed = getattr(meeting, "score_confirmed_by", "")
    if confirmed:
        text += " " + _("Confirmed by {name}.").format(name=comrade(confirmed, _))
    return text
