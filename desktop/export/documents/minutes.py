"""The minutes of a meeting (biên bản), domain.md §3, in the order they are written."""

from __future__ import annotations

from desktop.data.enums import DocumentType, MeetingKind, MeetingState
from desktop.data.models import DocumentRecord, Meeting, MeetingAmendment
from desktop.export.documents import common
from desktop.export.documents.common import DOTS, Translate, clock, comrade, long_date
from desktop.export.documents.meeting_parts import (
    adoption_statement,
    attendance_blocks,
    attendees,
    closing_time,
    load_meeting,
    meeting_day,
    meeting_stem,
    person_with_post,
    posts_on,
    purpose,
    score_text,
    task_rows,
    tasks_table,
    vote_counts,
    vote_label,
    vote_sentence,
)
from desktop.export.model import (
    Block,
    Closing,
    Document,
    Signature,
    Style,
    labelled,
    para,
)
from desktop.services.adoption import AdoptionService
from desktop.services.book import Book
from desktop.services.minutes import MinutesService

_STEMS = {
    MeetingKind.REGULAR: "bien-ban",
    MeetingKind.THEMATIC: "bien-ban-chuyen-de",
    MeetingKind.EXTRAORDINARY: "bien-ban-bat-thuong",
    MeetingKind.COMMITTEE: "bien-ban-hop-chi-uy",
}


def build_minutes(
    book: Book,
    meeting_id: str,
    *,
    record: DocumentRecord | None = None,
    language: str = "vi",
) -> Document:
    _ = common.document_gettext(language)
    meeting = load_meeting(book, meeting_id)
    kind = MeetingKind(meeting.kind)
    org = book.organisation()
    day = meeting_day(meeting)
    posts = posts_on(book, day)
    counts = MinutesService(book).counts(meeting_id)

    def who(member: object) -> str:
        if member is None:
            return DOTS
        return person_with_post(member.full_name, posts.get(member.id), _)  # type: ignore[attr-defined]

    blocks: list[Block] = [para(_("I. TIME, PLACE AND PARTICIPANTS"), Style.SECTION)]
    blocks.append(
        labelled(
            _("Time: "),
            _("started at {time}, {date}.").format(
                time=clock(meeting.start_time, _), date=long_date(day, _)
            ),
        )
    )
    blocks.append(labelled(_("Place: "), meeting.place or DOTS))
    blocks.extend(_guests(meeting, _))
    blocks.extend(
        attendance_blocks(
            attendees(book, meeting), counts, _, committee=kind is MeetingKind.COMMITTEE
        )
    )
    blocks.append(labelled(_("Chair: "), who(meeting.chair)))
    blocks.append(labelled(_("Minute-taker: "), who(meeting.minute_taker)))

    blocks.append(para(_("II. CONTENT OF THE MEETING"), Style.SECTION))
    blocks.extend(_agenda(meeting, _))
    number = len(meeting.agenda_items)
    if meeting.superior_remarks.strip():
        number += 1
        blocks.append(
            para(
                _("{number}. Remarks of the superior delegates").format(number=number),
                Style.SUBSECTION,
            )
        )
        blocks.extend(para(text) for text in _paragraphs(meeting.superior_remarks))
    tasks = task_rows(meeting.resolution)
    if tasks or kind is MeetingKind.REGULAR:
        number += 1
        blocks.append(para(_("{number}. Tasks assigned").format(number=number), Style.SUBSECTION))
        blocks.append(
            tasks_table(tasks, _) if tasks else para(_("No tasks were assigned."), Style.PLAIN)
        )

    blocks.append(para(_("III. CLOSING"), Style.SECTION))
    if _shows_vote(meeting):
        blocks.append(
            labelled(
                vote_label(kind, _),
                vote_sentence(vote_counts(meeting.resolution, counts.voting_present), _, language),
            )
        )
    if kind is not MeetingKind.COMMITTEE:
        blocks.append(
            labelled(_("Quality of the meeting: "), score_text(meeting, book.rules, _, language))
        )
    blocks.append(para(closing_time(meeting.end_time, _)))
    blocks.append(para(adoption_statement(_)))
    blocks.append(
        Closing(
            left=Signature((_("MINUTE-TAKER"),), _name(meeting.minute_taker)),
            right=Signature((_("CHAIR"),), _name(meeting.chair)),
        )
    )
    blocks.extend(_amendments(AdoptionService(book).amendments(meeting_id), _))
    return Document(
        kind="minutes",
        # The committee's own minutes are kept, not issued: no number unless given one.
        header=common.header(
            org,
            day,
            None if kind is MeetingKind.COMMITTEE and record is None else DocumentType.MINUTES,
            record,
        ),
        title=_("MINUTES"),
        summary=(purpose(meeting, _),),
        blocks=tuple(blocks),
        file_stem=meeting_stem(_STEMS[kind], meeting),
        margins=common.margins(book.rules),
    )


def _shows_vote(meeting: Meeting) -> bool:
    """Regular meetings vote on their resolution; other kinds print the vote
    when one was recorded, or dots while the meeting is still to be held."""
    if MeetingKind(meeting.kind) is MeetingKind.REGULAR or meeting.resolution is not None:
        return True
    return MeetingState(meeting.state) in (MeetingState.DRAFT, MeetingState.PREPARED)


def _guests(meeting: Meeting, _: Translate) -> list[Block]:
    present = [g for g in meeting.guests if getattr(g, "attended", True)]

    def line(guests: list) -> str:
        if not guests:
            return _("none")
        return "; ".join(
            _("{name}, {title}").format(name=comrade(g.name, _), title=g.title)
            if g.title
            else comrade(g.name, _)
            for g in guests
        )

    return [
        labelled(_("Superior delegates: "), line([g for g in present if g.is_superior])),
        labelled(_("Guests: "), line([g for g in present if not g.is_superior])),
    ]


def _agenda(meeting: Meeting, _: Translate) -> list[Block]:
    items = meeting.agenda_items
    blocks: list[Block] = [para(_("Agenda:"), Style.PLAIN)]
    blocks.extend(para(f"- {item.title}", Style.BULLET) for item in items)
    by_item: dict[str | None, list] = {}
    for speech in meeting.speeches:
        by_item.setdefault(speech.agenda_item_id, []).append(speech)
    known = {item.id for item in items}
    loose = [s for key, group in by_item.items() if key not in known for s in group]
    for number, item in enumerate(items, start=1):
        blocks.append(para(f"{number}. {item.title}", Style.SUBSECTION))
        if item.presenter is not None:
            blocks.append(labelled(_("Presented by: "), comrade(item.presenter.full_name, _)))
        blocks.extend(_speeches(by_item.get(item.id, []), _))
        if item.conclusion.strip():
            blocks.append(labelled(_("The chair's conclusion: "), item.conclusion.strip()))
    if loose:
        blocks.append(para(_("Other opinions"), Style.SUBSECTION))
        blocks.extend(_speeches(loose, _))
    return blocks


def _speeches(speeches: list, _: Translate) -> list[Block]:
    if not speeches:
        return []
    blocks: list[Block] = [para(_("Opinions:"), Style.PLAIN)]
    for speech in speeches:
        speaker = (
            comrade(speech.member.full_name, _)
            if speech.member is not None
            else speech.speaker_name
        )
        blocks.append(labelled(f"- {speaker}: ", speech.content, Style.BULLET))
    return blocks


def _amendments(amendments: list[MeetingAmendment], _: Translate) -> list[Block]:
    if not amendments:
        return []
    blocks: list[Block] = [para(_("CORRECTIONS"), Style.SECTION)]
    for amendment in amendments:
        moment = amendment.made_at.astimezone()
        blocks.append(
            para(
                _("- {moment}, by {author}. Reason: {reason}").format(
                    moment=f"{moment:%H:%M %d/%m/%Y}",
                    author=amendment.author,
                    reason=amendment.reason,
                ),
                Style.NOTE,
            )
        )
    return blocks


def _name(member: object) -> str:
    return member.full_name if member is not None else ""  # type: ignore[attr-defined]


def _paragraphs(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]
