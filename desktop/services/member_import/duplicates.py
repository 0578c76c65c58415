"""Telling when two rows, or a row and a member of the book, are one person.

Within the list: the same card number, or the same name (without
diacritics or case) and date of birth. Against the book: the same card
number with the same name; else the same name and date of birth; else the
same name where one side has no date of birth, when only one member fits.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from desktop.data.enums import MemberStatus
from desktop.data.models import Member
from desktop.data.text import fold
from desktop.i18n import _
from desktop.services.book import Book
from desktop.services.members import MemberInput


def name_key(name: str) -> str:
    return " ".join(fold(name).split())


class SeenRows:
    """The rows read so far, to find a later copy of an earlier row."""

    def __init__(self) -> None:
        self._cards: dict[str, int] = {}
        self._people: dict[tuple[str, date], int] = {}

    def earlier(self, name: str, date_of_birth: date | None, card_number: str) -> str | None:
        """Why this row repeats an earlier one ("same card number as row 4"), or None."""
        if card_number and card_number in self._cards:
            return _("same card number as row {row}").format(row=self._cards[card_number])
        key = (name_key(name), date_of_birth) if date_of_birth else None
        if key is not None and key in self._people:
            return _("same name and date of birth as row {row}").format(row=self._people[key])
        return None

    def add(self, row: int, name: str, date_of_birth: date | None, card_number: str) -> None:
        if card_number:
            self._cards.setdefault(card_number, row)
        if date_of_birth and name:
            self._people.setdefault((name_key(name), date_of_birth), row)


@dataclass(frozen=True)
class BookMember:
    """A member of the book as the import compares them."""

    id: str
    status: MemberStatus
    data: MemberInput


@dataclass(frozen=True)
class Match:
    member: BookMember | None
    how: str  # "same card number"... (for the report)
    ambiguous: bool = False


class BookMembers:
    """The book's members, indexed by card number and folded name."""

    def __init__(self, members: list[BookMember]) -> None:
        self.members = members
        self._cards = {m.data.card_number: m for m in members if m.data.card_number}
        self._names: dict[str, list[BookMember]] = {}
        for member in members:
            self._names.setdefault(name_key(member.data.full_name), []).append(member)

    @classmethod
    def load(cls, book: Book) -> BookMembers:
        with book.reader() as session:
            rows = session.scalars(select(Member).order_by(Member.sort_key))
            return cls([_snapshot(member) for member in rows])

    def match(self, data: MemberInput) -> Match | None:
        key = name_key(data.full_name)
        by_card = self._cards.get(data.card_number) if data.card_number else None
        if by_card is not None and name_key(by_card.data.full_name) == key:
            return Match(by_card, _("same card number"))
        namesakes = self._names.get(key, [])
        born = data.date_of_birth
        exact = [m for m in namesakes if born is not None and m.data.date_of_birth == born]
        if len(exact) == 1:
            return Match(exact[0], _("same name and date of birth"))
        loose = [m for m in namesakes if born is None or m.data.date_of_birth is None]
        if not exact and len(loose) == 1:
            return Match(loose[0], _("same name; no date of birth to compare"))
        if len(exact) > 1 or len(loose) > 1:
            return Match(None, "", ambiguous=True)
        return None

    def namesakes(self, data: MemberInput) -> list[BookMember]:
        return self._names.get(name_key(data.full_name), [])


def _snapshot(member: Member) -> BookMember:
    return BookMember(
        id=member.id,
        status=member.status,
        data=MemberInput(
            full_name=member.full_name,
            sex=member.sex,
            date_of_birth=member.date_of_birth,
            citizen_id=member.citizen_id or "",
            phone=member.phone or "",
            address=member.address or "",
            admission_date=member.admission_date,
            official_date=member.official_date,
            card_number=member.card_number or "",
            status=member.status,
            home_cell=member.home_cell or "",
            ethnicity=member.ethnicity or "",
            religion=member.religion or "",
            education_level=member.education_level or "",
            theory_level=member.theory_level or "",
            notes=member.notes or "",
        ),
    )
