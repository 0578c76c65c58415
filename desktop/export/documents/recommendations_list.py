"""DANH SÁCH Ý KIẾN, KIẾN NGHỊ: members' recommendations handed up to the commune.

For a month: what was raised that month (whatever became of it), and every
older one still waiting at the month's end, so that nothing stalls unseen
(domain.md section 2). Without a month: every recommendation still waiting
today. Each row says where it went and how long it has waited. Not numbered.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from desktop.data.enums import RecommendationStatus
from desktop.data.models import Recommendation
from desktop.export.documents.common import (
    Translate,
    cell_signature,
    document_gettext,
    enum_text,
    file_stem,
    header,
    margins,
    secretary_name,
)
from desktop.export.documents.monthly_report import first_of_month, last_of_month, report_day
from desktop.export.model import Align, Block, Closing, Column, Document, Style, Table, para
from desktop.i18n import format_date
from desktop.services.book import Book
from desktop.services.recommendations import WAITING, commune_committee

TABLE_PT = 12


def listed_recommendations(book: Book, month: date | None, day: date) -> list[Recommendation]:
    """Raised in `month` (any status), or raised by `day` and still waiting; oldest first."""
    with book.reader() as session:
        items = session.scalars(
            select(Recommendation)
            .where(Recommendation.raised_on <= day)
            .options(selectinload(Recommendation.raised_by), selectinload(Recommendation.meeting))
            .order_by(Recommendation.raised_on, Recommendation.created_at)
        ).all()
    first = first_of_month(month) if month is not None else None
    chosen = []
    for item in items:
        in_month = first is not None and first <= item.raised_on <= last_of_month(first)
        if in_month or _waiting_on(item, day):
            chosen.append(item)
    return chosen


def _waiting_on(item: Recommendation, day: date) -> bool:
    if item.answered_on is not None:
        return item.answered_on > day
    return RecommendationStatus(item.status) in WAITING


def build_recommendations_list(
    book: Book,
    month: date | None = None,
    *,
    language: str = "vi",
    today: date | None = None,
) -> Document:
    _ = document_gettext(language)
    today = today or date.today()
    day = report_day(month, today) if month is not None else today
    org = book.organisation()
    limit = book.rules.recommendation_limit_days
    commune = commune_committee(org.commune_name)
    items = listed_recommendations(book, month, day)
    rows = tuple(
        (
            str(index),
            item.content,
            _raised_by(item, _),
            format_date(item.raised_on),
            item.addressee or commune,
            _standing(item, day, limit, _),
        )
        for index, item in enumerate(items, start=1)
    )
    blocks: list[Block] = [para(_("To: {addressee}").format(addressee=commune), Style.CENTRED)]
    if rows:
        blocks.append(
            Table(
                (
                    Column(_("No."), 11, Align.CENTRE),
                    Column(_("Content"), 45),
                    Column(_("Raised by"), 26),
                    Column(_("Date"), 23, Align.CENTRE),
                    Column(_("Sent to"), 22),
                    Column(_("Status"), 26),
                ),
                rows,
                font_pt=TABLE_PT,
            )
        )
        waiting = sum(_waiting_on(item, day) for item in items)
        blocks.append(
            para(
                _(
                    "{count} recommendations listed; {waiting} waiting for an answer, "
                    "{overdue} of them for more than {limit} days."
                ).format(
                    count=len(items),
                    waiting=waiting,
                    overdue=sum(
                        _waiting_on(item, day) and (day - item.raised_on).days > limit
                        for item in items
                    ),
                    limit=limit,
                ),
                Style.PLAIN,
            )
        )
    else:
        blocks.append(para(_("No recommendation is waiting for an answer."), Style.PLAIN))
    blocks.append(Closing(right=cell_signature(secretary_name(book, day), _)))
    if month is not None:
        summary = _("raised in {month}, and earlier ones still waiting").format(
            month=f"{month.month:02d}/{month.year}"
        )
        stem = file_stem("kien-nghi", f"{month.year:04d}", f"{month.month:02d}")
    else:
        summary = _("waiting for an answer on {date}").format(date=format_date(day))
        stem = file_stem("kien-nghi", day.isoformat())
    return Document(
        kind="recommendations",
        header=header(org, day),
        title=_("LIST OF OPINIONS AND RECOMMENDATIONS"),
        summary=(summary,),
        blocks=tuple(blocks),
        file_stem=stem,
        margins=margins(book.rules),
    )


def _raised_by(item: Recommendation, _: Translate) -> str:
    """The member who raised it, and at which meeting."""
    who = item.raised_by.full_name if item.raised_by is not None else ""
    if item.meeting is None:
        return who
    where = enum_text(item.meeting.kind, _)
    return _("{who} ({meeting})").format(who=who, meeting=where) if who else where


def _standing(item: Recommendation, day: date, limit: int, _: Translate) -> str:
    """ "Forwarded 12/11/2026; waiting 23 days" / "Answered 20/11/2026"."""
    if not _waiting_on(item, day):
        if item.answered_on is not None:
            return _("Answered on {date}").format(date=format_date(item.answered_on))
        return enum_text(RecommendationStatus(item.status), _)
    days = (day - item.raised_on).days
    if item.forwarded_on is not None and item.forwarded_on <= day:
        sent = _("Sent on {date}").format(date=format_date(item.forwarded_on))
    else:
        sent = _("Not yet sent")
    wait = (_("overdue: waiting {days} days") if days > limit else _("waiting {days} days")).format(
        days=days
    )
    return f"{sent}; {wait}"
