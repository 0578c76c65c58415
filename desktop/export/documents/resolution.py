"""A meeting's resolution (nghị quyết), domain.md §3: I. last month evaluated,
II. next month's tasks, III. who does what, IV. the meeting's quality; then the
vote line and "Nơi nhận"."""

from __future__ import annotations

from desktop.data.enums import DocumentType, MeetingKind, TaskResult
from desktop.data.models import DocumentRecord, Meeting
from desktop.export.documents import common
from desktop.export.documents.common import DOTS, SHORT_DOTS, Translate, long_date
from desktop.export.documents.meeting_parts import (
    due_text,
    load_meeting,
    lower_first,
    meeting_day,
    meeting_stem,
    purpose,
    score_text,
    secretary_name,
    task_rows,
    tasks_table,
    vote_counts,
    vote_share_text,
)
from desktop.export.model import (
    Align,
    Block,
    Closing,
    Column,
    Document,
    Style,
    Table,
    para,
)
from desktop.services.book import Book
from desktop.services.follow_up import FollowUpService, TaskRow, summarise
from desktop.services.labels import ENUM_LABELS
from desktop.services.minutes import MinutesService

_STEMS = {
    MeetingKind.REGULAR: "nghi-quyet",
    MeetingKind.THEMATIC: "nghi-quyet-chuyen-de",
    MeetingKind.EXTRAORDINARY: "nghi-quyet-bat-thuong",
    MeetingKind.COMMITTEE: "nghi-quyet-chi-uy",
}


def build_resolution(
    book: Book,
    meeting_id: str,
    *,
    record: DocumentRecord | None = None,
    language: str = "vi",
) -> Document:
    _ = common.document_gettext(language)
    meeting = load_meeting(book, meeting_id)
    org = book.organisation()
    day = meeting_day(meeting)
    counts = MinutesService(book).counts(meeting_id)
    resolution = meeting.resolution
    follow_up = FollowUpService(book)
    previous = follow_up.previous_resolution(meeting_id)
    evaluated = follow_up.tasks_to_evaluate(meeting_id)

    blocks: list[Block] = [
        para(
            _(
                "On {date}, {cell} held its {purpose}, with {present} of {total} members "
                "present. The cell resolves:"
            ).format(
                date=long_date(day, _),
                cell=common.cell_name(org),
                purpose=lower_first(purpose(meeting, _)),
                present=counts.present,
                total=counts.total,
            )
        ),
        para(_("I. EVALUATION OF LAST MONTH"), Style.SECTION),
    ]
    if resolution is not None:
        blocks.extend(para(text) for text in _paragraphs(resolution.evaluation))
    if previous is None or MeetingKind(meeting.kind) is not MeetingKind.REGULAR:
        # Only the monthly meeting evaluates last month's resolution.
        if resolution is None or not resolution.evaluation.strip():
            blocks.append(para(_("There is no resolution of an earlier month to evaluate.")))
    else:
        blocks.append(
            para(
                _("Results of the tasks of the resolution of {month}:").format(
                    month=_("month {month} of {year}").format(
                        month=f"{previous.scheduled_on.month:02d}", year=previous.scheduled_on.year
                    )
                ),
                Style.PLAIN,
            )
        )
        blocks.append(_evaluation_table(evaluated, _))
        blocks.append(para(_rate(evaluated, _, language)))

    blocks.append(para(_("II. TASKS FOR NEXT MONTH"), Style.SECTION))
    directions = _paragraphs(resolution.directions) if resolution is not None else []
    blocks.extend(para(text) for text in directions)
    tasks = task_rows(resolution)
    if not directions:  # written out, the directions already name the tasks
        blocks.extend(para(f"- {description}", Style.BULLET) for description, _who, _due in tasks)
    if not tasks and not directions:
        blocks.append(para(_("No tasks were assigned."), Style.PLAIN))

    blocks.append(para(_("III. WHO DOES WHAT"), Style.SECTION))
    blocks.append(
        tasks_table(tasks, _) if tasks else para(_("No tasks were assigned."), Style.PLAIN)
    )

    blocks.append(para(_("IV. QUALITY OF THE MEETING"), Style.SECTION))
    blocks.append(
        para(
            _("The meeting scored {score}").format(
                score=score_text(meeting, book.rules, _, language)
            )
        )
    )

    blocks.append(para(vote_line(meeting, counts.voting_present, _, language)))
    blocks.append(
        Closing(
            recipients=(
                "- "
                + _("{committee} (to report),").format(committee=common.superior_committee(org, _)),
                "- " + _("The superior committee member in charge of the cell,"),
                "- " + _("Members of the cell,"),
                "- " + _("Filed."),
            ),
            right=common.cell_signature(secretary_name(book, meeting), _),
        )
    )
    title = resolution.title.strip() if resolution is not None else ""
    return Document(
        kind="resolution",
        header=common.header(org, day, DocumentType.RESOLUTION, record),
        title=_("RESOLUTION"),
        summary=(title or purpose(meeting, _),),
        blocks=tuple(blocks),
        file_stem=meeting_stem(_STEMS[MeetingKind(meeting.kind)], meeting),
        margins=common.margins(book.rules),
    )


def vote_line(meeting: Meeting, voting_present: int, _: Translate, language: str) -> str:
    """ "Nghị quyết được 21/22 đồng chí tán thành, đạt 95,45%."."""
    votes = vote_counts(meeting.resolution, voting_present)
    if votes is None:
        return _("The resolution was approved by {for_} of {voters} comrades, {share}.").format(
            for_=SHORT_DOTS, voters=SHORT_DOTS, share=SHORT_DOTS + "%"
        )
    for_, _against, _abstain, voters = votes
    return _("The resolution was approved by {for_} of {voters} comrades, {share}.").format(
        for_=for_, voters=voters, share=vote_share_text(for_, voters, language)
    )


def _evaluation_table(rows: list[TaskRow], _: Translate) -> Table:
    columns = (
        Column(_("No."), 0.07, Align.CENTRE),
        Column(_("Task"), 0.35, Align.LEFT),
        Column(_("Person in charge"), 0.18, Align.LEFT),
        Column(_("Deadline"), 0.16, Align.CENTRE),
        Column(_("Result"), 0.24, Align.LEFT),
    )
    body = tuple(
        (str(n), row.description, row.assignee, due_text(row.due_on), _result(row, _))
        for n, row in enumerate(rows, start=1)
    )
    return Table(columns, body)


def _result(row: TaskRow, _: Translate) -> str:
    label = _(ENUM_LABELS[TaskResult(row.result)])
    note = row.result_note.strip()
    return f"{label}: {note}" if note else label


def _rate(rows: list[TaskRow], _: Translate, language: str) -> str:
    summary = summarise(rows)
    rate = common.percent_text(summary.rate * 100, language) if summary.rate is not None else DOTS
    return _(
        "Last month's resolution was carried out at {rate}: {done} tasks done, {partly} partly "
        "done, {not_done} not done, {pending} not yet evaluated."
    ).format(
        rate=rate,
        done=summary.done,
        partly=summary.partly,
        not_done=summary.not_done,
        pending=summary.pending,
    )


def _paragraphs(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]
