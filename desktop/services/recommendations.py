"""Members' opinions and recommendations, and how long each has waited."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from desktop.data.enums import RecommendationStatus
from desktop.data.models import Recommendation
from desktop.services.book import Book
from desktop.services.validation import Validator


@dataclass(frozen=True)
class RecommendationRow:
    id: str
    raised_on: date
    raised_by: str
    content: str
    addressee: str
    status: RecommendationStatus
    answer: str
    days_waiting: int
    overdue: bool


class RecommendationService:
    def __init__(self, book: Book, today: date | None = None) -> None:
        self.book = book
        self.today = today or date.today()

    def rows(self) -> list[RecommendationRow]:
        limit = self.book.rules.recommendation_limit_days
        with self.book.reader() as session:
            items = session.scalars(
                select(Recommendation)
                .options(selectinload(Recommendation.raised_by))
                .order_by(Recommendation.raised_on.desc())
            ).all()
            rows = []
            for item in items:
                waiting = item.days_waiting(self.today)
                still_open = item.status in (
                    RecommendationStatus.OPEN,
                    RecommendationStatus.FORWARDED,
                )
                rows.append(
                    RecommendationRow(
                        id=item.id,
                        raised_on=item.raised_on,
                        raised_by=item.raised_by.full_name if item.raised_by else "",
                        content=item.content,
                        addressee=item.addressee,
                        status=item.status,
                        answer=item.answer,
                        days_waiting=waiting,
                        overdue=still_open and waiting > limit,
                    )
                )
            return rows

    def create(
        self,
        content: str,
        raised_on: date,
        *,
        raised_by_id: str | None = None,
        addressee: str = "",
        meeting_id: str | None = None,
    ) -> str:
        check = Validator()
        check.required("content", content)
        check.not_future("raised_on", raised_on, self.today)
        check.max_length("addressee", addressee, 200)
        check.raise_if_any()
        with self.book.session() as session:
            item = Recommendation(
                content=content.strip(),
                raised_on=raised_on,
                raised_by_id=raised_by_id,
                addressee=addressee.strip(),
                meeting_id=meeting_id,
            )
            session.add(item)
            session.flush()
            return item.id
