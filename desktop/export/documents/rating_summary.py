"""BÁO CÁO kết quả đánh giá, xếp loại chất lượng đảng viên, sent up to the
commune: one line per member reviewed (self-rating, the cell's proposal, the
commune's decision), then the totals per level, who was not rated and why,
and the share of "excellent" to "good" when the rule set caps it.
"""

from __future__ import annotations

from collections import Counter
from datetime import date

from sqlalchemy import select

from desktop.data.enums import DocumentType, MemberStatus, ReviewState
from desktop.data.models import DocumentRecord, Member
from desktop.data.text import person_sort_key
from desktop.export.documents import common
from desktop.export.documents.common import Translate, enum_text, percent_text
from desktop.export.documents.review_common import (
    Campaign,
    campaign_stem,
    level_text,
    load_campaign,
    members_by_id,
    party_post,
    period_words,
    reached,
)
from desktop.export.model import Align, Block, Closing, Column, Document, Style, Table, para
from desktop.services.book import Book
from desktop.services.rating import EXCELLENT, GOOD
from desktop.services.recommendations import commune_committee
from desktop.services.reviews import ReviewRow

TABLE_PT = 11
NOTED_STATUSES = (MemberStatus.PROBATIONARY, MemberStatus.AWAY)


def build_rating_summary(
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
    blocks: list[Block] = [
        para(_("To: {addressee}").format(addressee=commune), Style.CENTRED),
        para(
            _(
                "{cell} reports the results of assessing and rating the quality of its "
                "members, {period}, as follows:"
            ).format(cell=common.cell_name(org), period=period)
        ),
        para(_("I. RESULTS FOR EACH MEMBER"), Style.SECTION),
        _table(book, campaign, _, language),
        para(_("II. SUMMARY"), Style.SECTION),
        *_totals(book, campaign, _, language),
        Closing(
            recipients=(
                _("- {addressee} (to report);").format(addressee=commune),
                _("- Cell file."),
            ),
            right=common.cell_signature(common.secretary_name(book, day), _),
        ),
    ]
    return Document(
        kind="rating_summary",
        header=common.header(org, day, DocumentType.REPORT, record),
        title=_("REPORT"),
        summary=(
            _("Results of assessing and rating the quality of party members, {period}").format(
                period=period
            ),
        ),
        blocks=tuple(blocks),
        file_stem=campaign_stem("bao-cao-xep-loai", detail),
        margins=common.margins(book.rules),
    )


def final_level(row: ReviewRow) -> str:
    """The level a member is counted at: the commune's decision, else the
    level the cell voted to propose; "" while neither exists."""
    return row.decided_level or row.proposed_level


def _table(book: Book, campaign: Campaign, _: Translate, language: str) -> Table:
    rules = book.rules
    rows = campaign.detail.reviews
    members = members_by_id(book, [row.member_id for row in rows])
    columns = (
        Column(_("No."), 0.06, Align.CENTRE),
        Column(_("Full name"), 0.19),
        Column(_("Year of birth"), 0.07, Align.CENTRE),
        Column(_("Post"), 0.12),
        Column(_("Self-rated"), 0.14),
        Column(_("Proposed by the cell"), 0.14),
        Column(_("Decided by the superior committee"), 0.14),
        Column(_("Notes"), 0.14),
    )

    def level(level_id: str) -> str:
        return level_text(rules, level_id, language) if level_id else ""

    body = []
    for number, row in enumerate(rows, start=1):
        member = members.get(row.member_id)
        born = member.date_of_birth if member is not None else None
        body.append(
            (
                str(number),
                row.member_name,
                str(born.year) if born is not None else "",
                party_post(campaign.posts, row.member_id, _),
                level(row.self_level),
                level(row.proposed_level),
                level(row.decided_level),
                _note(row, _),
            )
        )
    return Table(columns, tuple(body), font_pt=TABLE_PT)


def _note(row: ReviewRow, _: Translate) -> str:
    notes = []
    if row.member_status in NOTED_STATUSES:
        notes.append(enum_text(row.member_status, _))
    if not reached(row.state, ReviewState.VOTED):
        notes.append(_("not rated yet: {state}").format(state=enum_text(row.state, _).lower()))
    return "; ".join(notes)


def _totals(book: Book, campaign: Campaign, _: Translate, language: str) -> list[Block]:
    rules = book.rules
    rows = campaign.detail.reviews
    levels = Counter(final_level(row) for row in rows if final_level(row))
    rated = sum(levels.values())
    blocks: list[Block] = [
        para(
            _("Members reviewed: {total}; rated: {rated}.").format(total=len(rows), rated=rated),
            Style.PLAIN,
        )
    ]
    for band in rules.rating_levels:
        count = levels.get(band.id, 0)
        share = percent_text(count * 100 / rated, language) if rated else "—"
        blocks.append(
            para(
                _("- {level}: {count} ({share})").format(
                    level=band.title(language),
                    count=_("{count} comrades").format(count=count),
                    share=share,
                ),
                Style.BULLET,
            )
        )
    if any(row.decided_level for row in rows) and any(
        row.proposed_level and not row.decided_level for row in rows
    ):
        blocks.append(
            para(
                _(
                    "Members not yet decided on by the superior committee are counted at "
                    "the level the cell proposed."
                ),
                Style.NOTE,
            )
        )
    unrated = [row for row in rows if not final_level(row)]
    blocks.append(
        para(
            _("Not rated: {count}").format(count=_("{count} comrades").format(count=len(unrated)))
            + (
                ": "
                + "; ".join(
                    f"{row.member_name} ({enum_text(row.state, _).lower()})" for row in unrated
                )
                if unrated
                else "."
            ),
            Style.PLAIN,
        )
    )
    exempt = _exempt(book, {row.member_id for row in rows})
    if exempt:
        blocks.append(
            para(
                _("Exempt from party work and meetings, not reviewing: {names}.").format(
                    names=", ".join(exempt)
                ),
                Style.PLAIN,
            )
        )
    cap = rules.excellent_cap
    if cap.enabled:
        good = levels.get(GOOD, 0)
        share = percent_text(levels.get(EXCELLENT, 0) * 100 / good, language) if good else "—"
        blocks.append(
            para(
                _(
                    "Share of members rated excellent to those rated good: {share} "
                    "(the rule allows at most {cap})."
                ).format(share=share, cap=percent_text(cap.ratio_of_good * 100, language)),
                Style.PLAIN,
            )
        )
    return blocks


def _exempt(book: Book, reviewed: set[str]) -> list[str]:
    """Exempt members of the cell, not in the review, by name."""
    with book.reader() as session:
        names = [
            member.full_name
            for member in session.scalars(
                select(Member).where(Member.status == MemberStatus.EXEMPT)
            ).all()
            if member.id not in reviewed
        ]
    return sorted(names, key=person_sort_key)
