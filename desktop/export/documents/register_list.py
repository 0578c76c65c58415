"""DANH SÁCH ĐẢNG VIÊN: the cell's members on a day, attached to its records.

One row per member of the cell that day (exempt, away and temporarily
attached members included, with their status), in Vietnamese name order,
then the counts the commune asks for. Temporarily attached members belong to
their home cell and are not counted in this cell's numbers (domain.md
section 1). The list is not numbered.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from desktop.data.enums import MemberStatus, Sex
from desktop.data.models import Member
from desktop.export.documents.common import (
    Translate,
    cell_name,
    cell_signature,
    document_gettext,
    file_stem,
    header,
    margins,
    secretary_name,
)
from desktop.export.model import Align, Closing, Column, Document, Style, Table, labelled, para
from desktop.i18n import N_, format_date
from desktop.services.book import Book
from desktop.services.minutes import status_on

# The status column: short words, as the list is read by people who know them.
STATUS_WORDS: dict[MemberStatus, str] = {
    MemberStatus.FULL: N_("Full"),
    MemberStatus.PROBATIONARY: N_("Probationary"),
    MemberStatus.EXEMPT: N_("Exempt from meetings"),
    MemberStatus.ATTACHED: N_("Temporarily attached here"),
    MemberStatus.AWAY: N_("Temporarily attached elsewhere"),
}
TABLE_PT = 12


@dataclass(frozen=True)
class ListedMember:
    full_name: str
    sex: Sex
    date_of_birth: date | None
    admission_date: date | None
    official_date: date | None
    card_number: str
    status: MemberStatus

    @property
    def counted(self) -> bool:
        """In this cell's numbers (attached members count in their home cell)."""
        return self.status is not MemberStatus.ATTACHED

    @property
    def is_full(self) -> bool:
        """A full member that day (exempt and away members keep their standing)."""
        if self.status is MemberStatus.PROBATIONARY:
            return False
        if self.status is MemberStatus.FULL:
            return True
        return self.official_date is not None or self.admission_date is None


def members_on(book: Book, on: date) -> list[ListedMember]:
    """The cell's members on `on`, in Vietnamese name order."""
    with book.reader() as session:
        members = session.scalars(
            select(Member).options(selectinload(Member.events)).order_by(Member.sort_key)
        ).all()
        listed = []
        for member in members:
            status = status_on(member, on)
            if status is None or not status.is_current:
                continue
            official = member.official_date
            listed.append(
                ListedMember(
                    full_name=member.full_name,
                    sex=Sex(member.sex),
                    date_of_birth=member.date_of_birth,
                    admission_date=member.admission_date,
                    # Recognised after the day of the list: not yet official then.
                    official_date=official if official is not None and official <= on else None,
                    card_number=member.card_number,
                    status=status,
                )
            )
        return listed


def build_register_list(book: Book, *, on: date | None = None, language: str = "vi") -> Document:
    on = on or date.today()
    _ = document_gettext(language)
    org = book.organisation()
    members = members_on(book, on)
    columns = (
        Column(_("No."), 11, Align.CENTRE),
        Column(_("Full name"), 34),
        Column(_("Date of birth"), 20, Align.CENTRE),
        Column(_("Admitted to the Party"), 20, Align.CENTRE),
        Column(_("Made full member"), 20, Align.CENTRE),
        Column(_("Party card No."), 18, Align.CENTRE),
        Column(_("Status"), 24),
    )
    rows = tuple(
        (
            str(index),
            member.full_name,
            format_date(member.date_of_birth),
            format_date(member.admission_date),
            format_date(member.official_date),
            member.card_number,
            _(STATUS_WORDS[member.status]),
        )
        for index, member in enumerate(members, start=1)
    )
    blocks = [
        Table(columns, rows, font_pt=TABLE_PT),
        *_counts(members, _),
        Closing(right=cell_signature(secretary_name(book, on), _)),
    ]
    return Document(
        kind="register_list",
        header=header(org, on),
        title=_("LIST OF PARTY MEMBERS"),
        summary=(
            cell_name(org),
            _("as of {date}").format(date=format_date(on)),
        ),
        blocks=tuple(blocks),
        file_stem=file_stem("danh-sach-dang-vien", on.isoformat()),
        margins=margins(book.rules),
    )


def _counts(members: list[ListedMember], _: Translate) -> list:
    counted = [member for member in members if member.counted]
    full = sum(member.is_full for member in counted)
    by_status = {status: 0 for status in MemberStatus}
    for member in members:
        by_status[member.status] += 1
    lines = [
        labelled(
            _("Total: "),
            _("{total} party members ({full} full, {probationary} probationary).").format(
                total=len(counted), full=full, probationary=len(counted) - full
            ),
        ),
        labelled(
            _("Of whom: "),
            _(
                "{women} women; {exempt} exempt from party work and meetings; "
                "{away} temporarily attached to another party organisation."
            ).format(
                women=sum(member.sex is Sex.FEMALE for member in counted),
                exempt=by_status[MemberStatus.EXEMPT],
                away=by_status[MemberStatus.AWAY],
            ),
        ),
    ]
    attached = by_status[MemberStatus.ATTACHED]
    if attached:
        lines.append(
            para(
                _(
                    "Also {attached} members temporarily attached to the cell, "
                    "counted in their home party organisations."
                ).format(attached=attached),
                Style.PLAIN,
            )
        )
    return lines
