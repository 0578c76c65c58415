"""BÁO CÁO kết quả sinh hoạt chi bộ tháng MM/YYYY, sent up to the commune.

What the commune wants each month (domain.md sections 2-4): the meetings held
and their attendance, how far last month's resolution was carried out, the
quality score and grade of the meetings, where members' recommendations
stand, and the main tasks of next month. Everything is read from the book;
nothing is typed here.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import selectinload

from desktop.data.enums import (
    AttendanceStatus,
    DocumentType,
    MeetingKind,
    MeetingState,
    MemberStatus,
    RecommendationStatus,
    TaskResult,
)
from desktop.data.models import (
    Attendance,
    DocumentRecord,
    Meeting,
    Recommendation,
    Resolution,
    ResolutionTask,
)
from desktop.export.documents.common import (
    Translate,
    cell_name,
    cell_signature,
    document_gettext,
    enum_text,
    header,
    margins,
    number_text,
    percent_text,
    secretary_name,
)
from desktop.export.documents.register_list import members_on
from desktop.export.model import (
    Align,
    Block,
    Closing,
    Column,
    Document,
    Style,
    Table,
    labelled,
    para,
)
from desktop.export.numbering import month_key
from desktop.i18n import N_, format_date
from desktop.rules.ruleset import RuleSet
from desktop.services.book import Book
from desktop.services.follow_up import FollowUpService, summarise
from desktop.services.meeting_rules import attendance_counts
from desktop.services.recommendations import commune_committee

HELD = (MeetingState.HELD, MeetingState.ADOPTED)
REPORTED_KINDS = (MeetingKind.REGULAR, MeetingKind.THEMATIC, MeetingKind.EXTRAORDINARY)
TASK_RESULT_WORDS: dict[TaskResult, str] = {
    TaskResult.DONE: N_("Completed"),
    TaskResult.PARTLY: N_("Partly completed"),
    TaskResult.NOT_DONE: N_("Not completed"),
    TaskResult.PENDING: N_("Not evaluated"),
}
TABLE_PT = 12


def first_of_month(day: date) -> date:
    return day.replace(day=1)


def last_of_month(day: date) -> date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def report_day(month: date, today: date | None = None) -> date:
    """The report's date when it has no number yet: today, within the month
    (a past month's report is dated its last day)."""
    today = today or date.today()
    first, last = first_of_month(month), last_of_month(month)
    return today if first <= today <= last else last


def meeting_day(meeting: Meeting) -> date:
    return meeting.held_on or meeting.scheduled_on


@dataclass(frozen=True)
class RecommendationFacts:
    """Where the cell's recommendations stood on the report's day."""

    raised: int
    forwarded: int
    answered: int
    waiting: list[Recommendation]
    overdue: int


def build_monthly_report(
    book: Book,
    month: date,
    *,
    record: DocumentRecord | None = None,
    language: str = "vi",
    today: date | None = None,
) -> Document:
    """The monthly report; `record` is its issued number (None for a preview),
    whose date of issue is then the report's date."""
    _ = document_gettext(language)
    month = first_of_month(month)
    day = record.issued_on if record is not None else report_day(month, today)
    org = book.organisation()
    rules = book.rules
    month_text = f"{month.month:02d}/{month.year}"
    commune = commune_committee(org.commune_name)
    meetings = _meetings(book, month)
    held = [m for m in meetings if m.state in HELD]
    regular = next((m for m in held if m.kind is MeetingKind.REGULAR), None)

    blocks: list[Block] = [
        para(_("To: {addressee}").format(addressee=commune), Style.CENTRED),
        para(
            _("{cell} reports the results of its meetings in {month} as follows:").format(
                cell=cell_name(org), month=month_text
            )
        ),
        para(_("I. MEETINGS HELD IN THE MONTH"), Style.SECTION),
        *_meetings_held(book, meetings, held, regular, _, language),
        para(_("II. CARRYING OUT LAST MONTH'S RESOLUTION"), Style.SECTION),
        *_follow_up(book, regular, _, language),
        para(_("III. QUALITY OF THE MEETINGS"), Style.SECTION),
        *_quality(held, rules, _, language),
        para(_("IV. MEMBERS' OPINIONS AND RECOMMENDATIONS"), Style.SECTION),
        *_recommendations(_recommendation_facts(book, month, day), rules, day, _),
        para(_("V. MAIN TASKS FOR NEXT MONTH"), Style.SECTION),
        *_next_tasks(regular, _),
        Closing(
            right=cell_signature(secretary_name(book, day), _),
            recipients=(
                _("- {addressee} (to report);").format(addressee=commune),
                _("- Cell file."),
            ),
        ),
    ]
    return Document(
        kind="monthly_report",
        header=header(org, day, DocumentType.REPORT, record),
        title=_("REPORT"),
        summary=(_("Results of the cell's meetings in {month}").format(month=month_text),),
        blocks=tuple(blocks),
        file_stem=month_key(DocumentType.REPORT, month),
        margins=margins(rules),
    )


# --- reading ------------------------------------------------------------------


def _meetings(book: Book, month: date) -> list[Meeting]:
    """The cell's meetings (not the committee's) of the month, by day."""
    first, last = first_of_month(month), last_of_month(month)
    with book.reader() as session:
        meetings = session.scalars(
            select(Meeting)
            .where(Meeting.kind.in_(REPORTED_KINDS))
            .where(
                or_(
                    Meeting.held_on.between(first, last),
                    and_(Meeting.held_on.is_(None), Meeting.scheduled_on.between(first, last)),
                )
            )
            .options(
                selectinload(Meeting.attendance).selectinload(Attendance.member),
                selectinload(Meeting.resolution)
                .selectinload(Resolution.tasks)
                .selectinload(ResolutionTask.assignee),
            )
        ).all()
    order = {kind: index for index, kind in enumerate(REPORTED_KINDS)}
    return sorted(meetings, key=lambda m: (meeting_day(m), order[m.kind], m.created_at))


def _recommendation_facts(book: Book, month: date, day: date) -> RecommendationFacts:
    first, last = first_of_month(month), last_of_month(month)
    limit = book.rules.recommendation_limit_days
    with book.reader() as session:
        items = session.scalars(
            select(Recommendation)
            .where(Recommendation.raised_on <= max(day, last))
            .options(selectinload(Recommendation.raised_by))
            .order_by(Recommendation.raised_on, Recommendation.created_at)
        ).all()

    def within(value: date | None) -> bool:
        return value is not None and first <= value <= last

    def waiting_on(item: Recommendation) -> bool:
        if item.raised_on > day:
            return False
        if item.answered_on is not None:
            return item.answered_on > day
        return item.status in (RecommendationStatus.OPEN, RecommendationStatus.FORWARDED)

    waiting = [item for item in items if waiting_on(item)]
    return RecommendationFacts(
        raised=sum(within(item.raised_on) for item in items),
        forwarded=sum(within(item.forwarded_on) for item in items),
        answered=sum(within(item.answered_on) for item in items),
        waiting=waiting,
        overdue=sum((day - item.raised_on).days > limit for item in waiting),
    )


# --- sections -------------------------------------------------------------------


def meeting_name(meeting: Meeting, _: Translate) -> str:
    """ "Sinh hoạt chuyên đề: <topic>" / "Sinh hoạt thường kỳ"."""
    kind = enum_text(meeting.kind, _)
    topic = meeting.topic if meeting.kind is MeetingKind.THEMATIC else ""
    return f"{kind}: {topic}" if topic else kind


def _meetings_held(
    book: Book,
    meetings: list[Meeting],
    held: list[Meeting],
    regular: Meeting | None,
    _: Translate,
    language: str,
) -> list[Block]:
    blocks: list[Block] = []
    if regular is None:
        blocks.append(para(_("The regular meeting of the month has not been held."), Style.BODY))
    for index, meeting in enumerate(held, start=1):
        blocks.append(
            para(
                _("{number}. {meeting}, {date}").format(
                    number=index,
                    meeting=meeting_name(meeting, _),
                    date=format_date(meeting_day(meeting)),
                ),
                Style.SUBSECTION,
            )
        )
        if meeting.place:
            blocks.append(labelled(_("Place: "), meeting.place))
        blocks.extend(_attendance(book, meeting, _, language))
    for meeting in meetings:
        if meeting.state not in HELD:
            blocks.append(
                para(
                    _("Planned, not yet held: {meeting} ({date}).").format(
                        meeting=meeting_name(meeting, _), date=format_date(meeting_day(meeting))
                    ),
                    Style.PLAIN,
                )
            )
    return blocks


def _attendance(book: Book, meeting: Meeting, _: Translate, language: str) -> list[Block]:
    counts = attendance_counts((row.member_status, row.status) for row in meeting.attendance)
    # Exempt members are often left off the attendance rows: count them from the register.
    exempt = max(
        counts.exempt,
        sum(m.status is MemberStatus.EXEMPT for m in members_on(book, meeting_day(meeting))),
    )
    rate = percent_text(counts.rate * 100, language) if counts.rate is not None else "—"
    blocks: list[Block] = [
        labelled(
            _("Attendance: "),
            _(
                "{present} of {total} members present ({rate}): {full} full and "
                "{probationary} probationary members; {exempt} members exempt."
            ).format(
                present=counts.present,
                total=counts.total,
                rate=rate,
                full=counts.present_full,
                probationary=counts.present_probationary,
                exempt=exempt,
            ),
        )
    ]
    expected = [
        row
        for row in sorted(meeting.attendance, key=lambda r: r.member.sort_key if r.member else "")
        if MemberStatus(row.member_status).counts_in_cell
    ]
    excused = [
        f"{row.member.full_name} ({row.reason})" if row.reason else row.member.full_name
        for row in expected
        if row.status is AttendanceStatus.ABSENT_EXCUSED
    ]
    unexcused = [
        row.member.full_name for row in expected if row.status is AttendanceStatus.ABSENT_UNEXCUSED
    ]
    blocks.append(
        labelled(
            _("Absent with reason: "),
            "{count}{names}".format(
                count=len(excused), names=" — " + "; ".join(excused) if excused else ""
            ),
        )
    )
    blocks.append(
        labelled(
            _("Absent without reason: "),
            "{count}{names}".format(
                count=len(unexcused), names=" — " + "; ".join(unexcused) if unexcused else ""
            ),
        )
    )
    return blocks


def _follow_up(book: Book, regular: Meeting | None, _: Translate, language: str) -> list[Block]:
    if regular is None:
        return [para(_("To be evaluated at the regular meeting."))]
    rows = FollowUpService(book).tasks_to_evaluate(regular.id)
    if not rows:
        return [para(_("Last month's resolution set no tasks to evaluate."))]
    summary = summarise(rows)
    table = Table(
        (
            Column(_("No."), 11, Align.CENTRE),
            Column(_("Task"), 58),
            Column(_("Assigned to"), 28),
            Column(_("Result"), 28),
        ),
        tuple(
            (
                str(index),
                row.description,
                row.assignee,
                _(TASK_RESULT_WORDS[row.result])
                + (f" ({row.result_note})" if row.result_note else ""),
            )
            for index, row in enumerate(rows, start=1)
        ),
        font_pt=TABLE_PT,
    )
    rate = (
        percent_text(summary.rate * 100, language)
        if summary.rate is not None
        else _("nothing evaluated yet")
    )
    return [
        table,
        labelled(
            _("Rate of implementation: "),
            _(
                "{rate} ({done} completed, {partly} partly completed, {not_done} not "
                "completed, {pending} not evaluated; out of {total} tasks)."
            ).format(
                rate=rate,
                done=summary.done,
                partly=summary.partly,
                not_done=summary.not_done,
                pending=summary.pending,
                total=summary.total,
            ),
        ),
    ]


def grade_text(rules: RuleSet, grade: str, language: str) -> str:
    """A stored grade ("good" or "Khá") as the rule set names it in `language`."""
    for band in rules.meeting_bands:
        if grade in (band.id, band.title_vi, band.title_en):
            return band.title(language)
    return grade


def _quality(held: list[Meeting], rules: RuleSet, _: Translate, language: str) -> list[Block]:
    blocks: list[Block] = []
    for meeting in held:
        if meeting.score is None:
            result = _("not yet scored")
        else:
            result = _("{score} points, grade: {grade}").format(
                score=number_text(meeting.score, language),
                grade=grade_text(rules, meeting.grade, language) or "—",
            )
        name, day = meeting_name(meeting, _), format_date(meeting_day(meeting))
        blocks.append(para(f"- {name} ({day}): {result}.", Style.PLAIN))
    if not held:
        blocks.append(para(_("No meeting was held, so none was scored.")))
    bands = "; ".join(
        _("{grade} from {points} points").format(
            grade=band.title(language), points=number_text(band.min_points, language)
        )
        for band in rules.meeting_bands
    )
    blocks.append(para(_("Grades of the rule set: {bands}.").format(bands=bands), Style.NOTE))
    return blocks


def _recommendations(
    facts: RecommendationFacts, rules: RuleSet, day: date, _: Translate
) -> list[Block]:
    limit = rules.recommendation_limit_days
    blocks: list[Block] = [
        para(
            _(
                "In the month: {raised} raised, {forwarded} forwarded, {answered} answered. "
                "Waiting for an answer on {date}: {waiting}, of which {overdue} for more "
                "than {limit} days."
            ).format(
                raised=facts.raised,
                forwarded=facts.forwarded,
                answered=facts.answered,
                date=format_date(day),
                waiting=len(facts.waiting),
                overdue=facts.overdue,
                limit=limit,
            )
        )
    ]
    for item in facts.waiting:
        where = (
            _("sent to {addressee} on {date}").format(
                addressee=item.addressee or "—", date=format_date(item.forwarded_on)
            )
            if item.forwarded_on is not None
            else _("not yet sent")
        )
        blocks.append(
            para(
                _("- {content} ({who}, {date}; {where}; waiting {days} days)").format(
                    content=item.content,
                    who=item.raised_by.full_name if item.raised_by else _("the cell"),
                    date=format_date(item.raised_on),
                    where=where,
                    days=(day - item.raised_on).days,
                ),
                Style.PLAIN,
            )
        )
    return blocks


def _next_tasks(regular: Meeting | None, _: Translate) -> list[Block]:
    resolution = regular.resolution if regular is not None else None
    if resolution is None:
        return [para(_("The resolution for next month has not been adopted yet."))]
    blocks: list[Block] = []
    for task in resolution.tasks:
        who = (task.assignee.full_name if task.assignee is not None else "") or task.assignee_text
        details = [who] if who else []
        if task.due_on is not None:
            details.append(_("by {date}").format(date=format_date(task.due_on)))
        suffix = " ({})".format("; ".join(details)) if details else ""
        blocks.append(para(f"- {task.description}{suffix}.", Style.PLAIN))
    if not blocks and resolution.directions:
        blocks.append(para(resolution.directions))
    if not blocks:
        blocks.append(para(_("The resolution sets no tasks for next month.")))
    return blocks
