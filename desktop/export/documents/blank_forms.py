"""Blank forms for a meeting held away from the computer: the minutes with the
order of business of its kind and dotted lines to write on, and an attendance
sheet listing the cell's current members."""

from __future__ import annotations

from datetime import date

from desktop.data.enums import DocumentType, MeetingKind
from desktop.export.documents import common
from desktop.export.documents.attendance import attendance_table, member_row
from desktop.export.documents.common import Translate, clock, long_date
from desktop.export.documents.meeting_parts import (
    adoption_statement,
    blank_attendance_blocks,
    closing_time,
    expected_members,
    posts_on,
    purpose_line,
    score_text,
    tasks_table,
    vote_label,
    vote_sentence,
)
from desktop.export.model import (
    Block,
    Closing,
    Document,
    DottedLines,
    Signature,
    Style,
    labelled,
    para,
)
from desktop.rules.agenda import TemplateItem, load_default_agenda
from desktop.services.book import Book

# Lines left for the opinions under each part of the content.
OPINION_LINES = 8
TASK_ROWS = 6


def build_blank_minutes(
    book: Book, *, kind: MeetingKind = MeetingKind.REGULAR, language: str = "vi"
) -> Document:
    _ = common.document_gettext(language)
    kind = MeetingKind(kind)
    org = book.organisation()
    committee = kind is MeetingKind.COMMITTEE
    blocks: list[Block] = [
        para(_("I. TIME, PLACE AND PARTICIPANTS"), Style.SECTION),
        labelled(
            _("Time: "),
            _("started at {time}, {date}.").format(time=clock(None, _), date=long_date(None, _)),
        ),
        DottedLines(1, _("Place: ")),
        DottedLines(2, _("Superior delegates: ")),
        DottedLines(1, _("Guests: ")),
        *blank_attendance_blocks(_, committee=committee),
        DottedLines(1, _("Chair: ")),
        DottedLines(1, _("Minute-taker: ")),
        para(_("II. CONTENT OF THE MEETING"), Style.SECTION),
        para(_("Agenda:"), Style.PLAIN),
    ]
    items = load_default_agenda().for_kind(kind)
    blocks.extend(para(f"- {item.title(language)}", Style.BULLET) for item in items)
    # The opening and closing steps are written in parts I and III.
    content = [item for item in items if item.section == "content"]
    for number, item in enumerate(content, start=1):
        blocks.extend(_item_blocks(number, item, _, language))
    blocks.append(
        para(_("{number}. Tasks assigned").format(number=len(content) + 1), Style.SUBSECTION)
    )
    blocks.append(tasks_table([], _, blank_rows=TASK_ROWS))
    blocks.append(para(_("III. CLOSING"), Style.SECTION))
    blocks.append(DottedLines(3, _("The chair's conclusion: ")))
    blocks.append(labelled(vote_label(kind, _), vote_sentence(None, _, language)))
    if not committee:
        blocks.append(
            labelled(_("Quality of the meeting: "), score_text(None, book.rules, _, language))
        )
    blocks.append(para(closing_time(None, _)))
    blocks.append(para(adoption_statement(_)))
    blocks.append(Closing(left=Signature((_("MINUTE-TAKER"),)), right=Signature((_("CHAIR"),))))
    return Document(
        kind="blank_minutes",
        header=common.header(org, None, DocumentType.MINUTES),
        title=_("MINUTES"),
        summary=(purpose_line(kind, None, None, _),),
        blocks=tuple(blocks),
        file_stem=common.file_stem("bien-ban-mau", kind.value),
        margins=common.margins(book.rules),
    )


def build_blank_attendance(
    book: Book, *, rows: int = 30, language: str = "vi", today: date | None = None
) -> Document:
    """The cell's current members (on `today`) in name order, then blank lines
    up to `rows` for anyone else; nothing is signed or ticked."""
    _ = common.document_gettext(language)
    day = today or date.today()
    org = book.organisation()
    posts = posts_on(book, day)
    members = [
        member_row(person, posts.get(person.member_id), _) for person in expected_members(book, day)
    ]
    blocks: list[Block] = [
        attendance_table(members, _, blank_rows=max(rows - len(members), 0)),
        Closing(right=common.cell_signature("", _)),
    ]
    return Document(
        kind="blank_attendance",
        header=common.header(org, None),
        title=_("LIST OF MEMBERS ATTENDING THE MEETING"),
        summary=(_("Party cell meeting of {date}").format(date=long_date(None, _)),),
        blocks=tuple(blocks),
        file_stem="danh-sach-du-hop-mau",
        margins=common.margins(book.rules),
    )


def _item_blocks(number: int, item: TemplateItem, _: Translate, language: str) -> list[Block]:
    return [
        para(f"{number}. {item.title(language)}", Style.SUBSECTION),
        DottedLines(1, _("Presented by: ")),
        DottedLines(OPINION_LINES, _("Opinions:")),
        DottedLines(2, _("The chair's conclusion: ")),
    ]
