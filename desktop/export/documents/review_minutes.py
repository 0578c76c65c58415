"""The minutes of the review meeting (biên bản hội nghị kiểm điểm, đánh giá,
xếp loại chất lượng đảng viên): who came, then each member's review in name
order (their self-rating, the criticism given, the level proposed and the
vote), then the cell's collective review and its vote.

Warnings about quotas or conditions are the screen's business: the minutes
record what the meeting did.
"""

from __future__ import annotations

from datetime import date

from desktop.data.enums import DocumentType, ReviewState
from desktop.data.models import DocumentRecord
from desktop.export.documents import common
from desktop.export.documents.common import DOTS, Translate, clock, comrade, long_date
from desktop.export.documents.meeting_parts import (
    adoption_statement,
    attendance_blocks,
    attendees,
    blank_attendance_blocks,
    closing_time,
    person_with_post,
)
from desktop.export.documents.review_common import (
    Campaign,
    campaign_stem,
    criticism_blocks,
    level_text,
    load_campaign,
    period_words,
    points_text,
    reached,
    vote_line,
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
from desktop.services.book import Book
from desktop.services.criticism import CriticismService
from desktop.services.reviews import CriticismRow, ReviewRow, ReviewService

OPINION_LINES = 3


def build_review_minutes(
    book: Book,
    campaign_id: str,
    *,
    record: DocumentRecord | None = None,
    language: str = "vi",
    today: date | None = None,
) -> Document:
    _ = common.document_gettext(language)
    campaign = load_campaign(book, campaign_id, today)
    detail = campaign.detail
    meeting = campaign.meeting
    org = book.organisation()
    service = ReviewService(book, today)
    day = _day(campaign, service)

    def who(member: object) -> str:
        if member is None:
            return DOTS
        return person_with_post(
            member.full_name,  # type: ignore[attr-defined]
            campaign.posts.get(member.id),  # type: ignore[attr-defined]
            _,
        )

    blocks: list[Block] = [para(_("I. TIME, PLACE AND PARTICIPANTS"), Style.SECTION)]
    blocks.append(
        labelled(
            _("Time: "),
            _("started at {time}, {date}.").format(
                time=clock(meeting.start_time if meeting else None, _),
                date=long_date(day, _),
            ),
        )
    )
    if meeting is not None:
        blocks.append(labelled(_("Place: "), meeting.place or DOTS))
        blocks += attendance_blocks(attendees(book, meeting), campaign.counts, _)  # type: ignore[arg-type]
        blocks.append(labelled(_("Chair: "), who(meeting.chair)))
        blocks.append(labelled(_("Minute-taker: "), who(meeting.minute_taker)))
    else:
        blocks.append(DottedLines(1, _("Place: ")))
        blocks += blank_attendance_blocks(_)
        blocks += [DottedLines(1, _("Chair: ")), DottedLines(1, _("Minute-taker: "))]

    blocks.append(para(_("II. CONTENT OF THE MEETING"), Style.SECTION))
    number = 0
    for row in detail.reviews:
        number += 1
        blocks += _member_part(book, number, row, service, campaign, _, language)
    blocks += _cell_part(book, number + 1, campaign, _, language)

    blocks.append(para(_("III. CLOSING"), Style.SECTION))
    blocks.append(para(closing_time(meeting.end_time if meeting else None, _)))
    blocks.append(para(adoption_statement(_)))
    blocks.append(
        Closing(
            left=Signature((_("MINUTE-TAKER"),), _name(meeting.minute_taker if meeting else None)),
            right=Signature((_("CHAIR"),), _name(meeting.chair if meeting else None)),
        )
    )
    return Document(
        kind="review_minutes",
        header=common.header(
            org, record.issued_on if record else day, DocumentType.MINUTES, record
        ),
        title=_("MINUTES"),
        summary=(minutes_purpose(campaign, _),),
        blocks=tuple(blocks),
        file_stem=campaign_stem("bien-ban-kiem-diem", detail),
        margins=common.margins(book.rules),
    )


def minutes_purpose(campaign: Campaign, _: Translate) -> str:
    """ "Hội nghị kiểm điểm, đánh giá, xếp loại chất lượng đảng viên năm 2026"."""
    return _("Meeting to review, assess and rate the quality of party members, {period}").format(
        period=period_words(campaign.detail, _)
    )


def minutes_day(book: Book, campaign_id: str, today: date | None = None) -> date | None:
    """The day of the review meeting; without one linked, the last day the
    cell discussed or voted a review; None when it has not yet."""
    return _day(load_campaign(book, campaign_id, today), ReviewService(book, today))


def _day(campaign: Campaign, service: ReviewService) -> date | None:
    if campaign.meeting is not None:
        return campaign.day
    days: list[date] = []
    for row in campaign.detail.reviews:
        if reached(row.state, ReviewState.DISCUSSED):
            review = service.review(row.id)
            days += [d for d in (review.discussed_on, review.voted_on) if d is not None]
    return max(days) if days else None


def _member_part(
    book: Book,
    number: int,
    row: ReviewRow,
    service: ReviewService,
    campaign: Campaign,
    _: Translate,
    language: str,
) -> list[Block]:
    rules = book.rules
    review = service.review(row.id)
    blocks: list[Block] = [para(f"{number}. {comrade(row.member_name, _)}", Style.SUBSECTION)]
    blocks.append(
        para(
            _("Comrade {name} presented their personal review and rated themself: {level}.").format(
                name=row.member_name, level=level_text(rules, row.self_level, language)
            )
        )
    )
    blocks += _opinions(list(review.criticisms), reached(row.state, ReviewState.DISCUSSED), _)
    proposed = level_text(rules, row.proposed_level, language)
    blocks.append(
        labelled(_("The cell proposed the level: "), points_text(proposed, row.points, _))
    )
    blocks.append(labelled(_("Vote: "), vote_line(row.votes, campaign.voters_present, _, language)))
    return blocks


def _cell_part(
    book: Book, number: int, campaign: Campaign, _: Translate, language: str
) -> list[Block]:
    rules = book.rules
    detail = campaign.detail
    blocks: list[Block] = [
        para(
            _("{number}. Collective review of the party cell").format(number=number),
            Style.SUBSECTION,
        ),
        para(
            _(
                "The secretary presented the cell's collective review; the cell rated "
                "itself: {level}."
            ).format(level=level_text(rules, detail.cell.self_level, language))
        ),
    ]
    blocks += _opinions(_cell_criticism(book, campaign), bool(detail.cell_proposed_level), _)
    blocks.append(
        labelled(
            _("The cell proposed the level: "),
            level_text(rules, detail.cell_proposed_level, language),
        )
    )
    blocks.append(
        labelled(_("Vote: "), vote_line(detail.cell_votes, campaign.voters_present, _, language))
    )
    return blocks


def _opinions(rows: list[CriticismRow], discussed: bool, _: Translate) -> list[Block]:
    if rows:
        return [labelled(_("Criticism and suggestions: "), ""), *criticism_blocks(rows, _)]
    if discussed:
        return [labelled(_("Criticism and suggestions: "), _("none"))]
    return [DottedLines(OPINION_LINES, _("Criticism and suggestions: "))]


def _cell_criticism(book: Book, campaign: Campaign) -> list[CriticismRow]:
    """Criticism of the cell itself given at the review meeting (without a
    meeting: in the campaign's year, from its start on), oldest first."""
    detail = campaign.detail
    rows = [
        row for row in CriticismService(book).rows(year=detail.year) if row.about_member_id is None
    ]
    if campaign.meeting is not None:
        rows = [row for row in rows if row.meeting_id == campaign.meeting.id]
    else:
        rows = [row for row in rows if row.given_on >= detail.started_on]
    return list(reversed(rows))


def _name(member: object) -> str:
    return member.full_name if member is not None else ""  # type: ignore[attr-defined]
