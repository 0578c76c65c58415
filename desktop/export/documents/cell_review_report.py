"""BÁO CÁO kiểm điểm tập thể chi bộ: the cell's collective review of the year
(I. strengths and results, with the year's meetings counted from the book,
the cell's emulation pledges and commendations; II. shortcomings; III. how
earlier shortcomings were fixed; IV. remedies; V. the level it rates itself,
the vote, and the commune's decision when made).
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from desktop.data.enums import DocumentType, MeetingKind, MeetingState, ReviewPeriod
from desktop.data.models import DocumentRecord, Meeting
from desktop.export.documents import common
from desktop.export.documents.common import Translate, percent_text
from desktop.export.documents.review_common import (
    Campaign,
    campaign_stem,
    decision_text,
    level_text,
    load_campaign,
    period_words,
    shortcoming_blocks,
    text_blocks,
    vote_line,
)
from desktop.export.model import Block, Closing, Document, Style, labelled, para
from desktop.i18n import format_date
from desktop.services.book import Book
from desktop.services.emulation import CommendationRow, EmulationService, PledgeRow
from desktop.services.meeting_rules import attendance_counts
from desktop.services.recommendations import commune_committee
from desktop.services.reviews import ReviewService

HELD = (MeetingState.HELD, MeetingState.ADOPTED)


@dataclass(frozen=True)
class MeetingFacts:
    """The cell's meetings held in a period."""

    regular: int
    thematic: int
    other: int  # extraordinary
    attendance: float | None  # average share present at regular meetings, 0 to 1


def build_cell_review_report(
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
    org = book.organisation()
    day = record.issued_on if record is not None else (today or date.today())
    commune = commune_committee(org.commune_name)
    period = period_words(detail, _)
    cell = detail.cell
    carried = ReviewService(book, today).cell_earlier_shortcomings(campaign_id)
    blocks: list[Block] = [
        para(_("To: {addressee}").format(addressee=commune), Style.CENTRED),
        para(
            _("{cell} reviews its collective work, {period}, as follows:").format(
                cell=common.cell_name(org), period=period
            )
        ),
        para(_("I. STRENGTHS AND RESULTS"), Style.SECTION),
        *text_blocks(cell.strengths),
        para(_meetings_line(meeting_facts(book, *period_range(campaign)), period, _, language)),
        *_pledges(EmulationService(book, today).pledges(year=detail.year, cell_only=True), _),
        *_commendations(book, campaign, _),
        para(_("II. SHORTCOMINGS AND THEIR CAUSES"), Style.SECTION),
        *text_blocks(cell.shortcomings),
        para(_("III. RESULTS OF FIXING SHORTCOMINGS POINTED OUT EARLIER"), Style.SECTION),
    ]
    earlier = shortcoming_blocks(carried, _)
    if cell.earlier_fixes.strip() or not earlier:
        blocks += text_blocks(cell.earlier_fixes)
    blocks += earlier
    blocks += [
        para(_("IV. REMEDIES"), Style.SECTION),
        *text_blocks(cell.remedies),
        para(_("V. SELF-RATED LEVEL"), Style.SECTION),
        *_level(book, campaign, _, language),
        Closing(
            recipients=(
                _("- {addressee} (to report);").format(addressee=commune),
                _("- Cell file."),
            ),
            right=common.cell_signature(common.secretary_name(book, day), _),
        ),
    ]
    return Document(
        kind="cell_review_report",
        header=common.header(org, day, DocumentType.REPORT, record),
        title=_("REPORT"),
        summary=(_("Collective review of the party cell, {period}").format(period=period),),
        blocks=tuple(blocks),
        file_stem=campaign_stem("bao-cao-kiem-diem-chi-bo", detail),
        margins=common.margins(book.rules),
    )


# --- the year's meetings ------------------------------------------------------------


def period_range(campaign: Campaign) -> tuple[date, date]:
    """The first and last day the campaign reviews (a year, or a quarter)."""
    detail = campaign.detail
    if detail.period is ReviewPeriod.QUARTERLY and detail.quarter:
        first_month = 3 * (detail.quarter - 1) + 1
        last_month = first_month + 2
        last_day = calendar.monthrange(detail.year, last_month)[1]
        return date(detail.year, first_month, 1), date(detail.year, last_month, last_day)
    return date(detail.year, 1, 1), date(detail.year, 12, 31)


def meeting_facts(book: Book, first: date, last: date) -> MeetingFacts:
    """Meetings of the cell held between `first` and `last`, and the average
    attendance of its regular meetings (those whose attendance was taken)."""
    with book.reader() as session:
        meetings = session.scalars(
            select(Meeting)
            .where(Meeting.state.in_(HELD))
            .where(Meeting.held_on.between(first, last))
            .options(selectinload(Meeting.attendance))
        ).all()
        kinds = [MeetingKind(m.kind) for m in meetings]
        rates = [
            rate
            for m in meetings
            if m.kind is MeetingKind.REGULAR
            and (
                rate := attendance_counts(
                    (row.member_status, row.status) for row in m.attendance
                ).rate
            )
            is not None
        ]
    return MeetingFacts(
        regular=kinds.count(MeetingKind.REGULAR),
        thematic=kinds.count(MeetingKind.THEMATIC),
        other=kinds.count(MeetingKind.EXTRAORDINARY),
        attendance=sum(rates) / len(rates) if rates else None,
    )


def _meetings_line(facts: MeetingFacts, period: str, _: Translate, language: str) -> str:
    attendance = (
        percent_text(facts.attendance * 100, language) if facts.attendance is not None else "—"
    )
    return _(
        "In {period} the cell held {regular} regular meetings, with an average attendance "
        "of {attendance}, {thematic} thematic meetings and {other} extraordinary meetings."
    ).format(
        period=period,
        regular=facts.regular,
        attendance=attendance,
        thematic=facts.thematic,
        other=facts.other,
    )


# --- pledges, commendations, the level -----------------------------------------------


def _pledges(rows: list[PledgeRow], _: Translate) -> list[Block]:
    if not rows:
        return []
    blocks: list[Block] = [para(_("The cell's emulation pledges and their results:"), Style.PLAIN)]
    for row in rows:
        if row.achieved is None:
            outcome = _("not yet assessed")
        else:
            outcome = _("achieved") if row.achieved else _("not achieved")
        result = row.result.strip().rstrip(".")
        text = f"- {row.content.strip().rstrip('.')}: {outcome}"
        blocks.append(para(f"{text} ({result})." if result else f"{text}.", Style.BULLET))
    return blocks


def _commendations(book: Book, campaign: Campaign, _: Translate) -> list[Block]:
    first, last = period_range(campaign)
    rows = [
        row
        for row in EmulationService(book).commendations(cell_only=True)
        if first <= row.given_on <= last
    ]
    if not rows:
        return []
    blocks: list[Block] = [para(_("Commendations of the cell:"), Style.PLAIN)]
    blocks += [para(_commendation_line(row, _), Style.BULLET) for row in reversed(rows)]
    return blocks


def _commendation_line(row: CommendationRow, _: Translate) -> str:
    details = [d for d in (row.given_by.strip(), row.decision_ref.strip()) if d]
    details.append(format_date(row.given_on))
    text = f"- {row.title.strip()} ({', '.join(details)})"
    reason = row.reason.strip().rstrip(".")
    return f"{text}: {reason}." if reason else f"{text}."


def _level(book: Book, campaign: Campaign, _: Translate, language: str) -> list[Block]:
    rules = book.rules
    detail = campaign.detail
    blocks: list[Block] = [
        labelled(_("Self-rated level: "), level_text(rules, detail.cell.self_level, language)),
        labelled(
            _("The cell proposed the level: "),
            level_text(rules, detail.cell_proposed_level, language),
        ),
        labelled(_("Vote: "), vote_line(detail.cell_votes, campaign.voters_present, _, language)),
    ]
    if detail.cell_decided_level:
        blocks.append(
            labelled(
                _("The superior committee decided the level: "),
                decision_text(
                    rules,
                    detail.cell_decided_level,
                    detail.cell_decided_on,
                    detail.cell_decision_ref,
                    _,
                    language,
                ),
            )
        )
    return blocks
