"""The book's key card on paper: who the book is and the fingerprint of its
keys, large, to compare group by group before another book enrols it, with
lines for those who compared it to sign.

The card file (`identity.card_file_bytes`) carries the keys; this page is how
a person checks that the file they enrol came from this book.
"""

from __future__ import annotations

from datetime import date

from desktop.data.enums import OrgKind
from desktop.export.documents import common
from desktop.export.documents.common import Translate
from desktop.export.model import (
    Align,
    Block,
    Closing,
    Column,
    Document,
    Signature,
    Style,
    Table,
    labelled,
    para,
)
from desktop.services.book import Book

FINGERPRINT_PT = 24  # the groups are read aloud and compared by eye
GROUPS_PER_ROW = 3
SIGNING_ROWS = 2
SIGNING_ROW_MM = 12


def build_key_card(book: Book, *, language: str = "vi", today: date | None = None) -> Document:
    from desktop.services.sync.identity import own_card

    _ = common.document_gettext(language)
    org = book.organisation()
    card = own_card(book)
    day = today or date.today()
    blocks: list[Block] = [
        labelled(_("Organisation: "), org.name),
        labelled(_("Commune: "), common.commune_unit(org)),
        labelled(_("Book number: "), card.book_id),
        labelled(_("Keys made on: "), common.long_date(card.created.astimezone().date(), _)),
        labelled(_("Fingerprint: "), card.fingerprint),
        para(_("The fingerprint, group by group:"), Style.SECTION),
        *_fingerprint_tables(card.fingerprint.split("-")),
        para(
            _(
                "Before another book enrols this one, compare the fingerprint it shows on "
                "its screen with this card, group by group, side by side or read aloud over "
                "the phone. If a single character differs, do not enrol it: the key card "
                "file did not come from this book."
            )
        ),
        para(_("Compared by:"), Style.SECTION),
        Table(
            columns=(
                Column(_("Compared with (book, person)"), 5),
                Column(_("On (date)"), 2),
                Column(_("Signature"), 3),
            ),
            rows=tuple(("", "", "") for _row in range(SIGNING_ROWS)),
            font_pt=13,
            min_row_height_mm=SIGNING_ROW_MM,
        ),
        Closing(right=_signature(book, day, _)),
    ]
    return Document(
        kind="key_card",
        header=common.header(org, day),
        title=_("KEY CARD OF THE RECORD BOOK"),
        summary=(org.name,),
        blocks=tuple(blocks),
        file_stem=common.file_stem("the-khoa", org.name),
        margins=common.margins(book.rules),
    )


def _fingerprint_tables(groups: list[str]) -> list[Table]:
    """The six groups in two rows of three numbered boxes, in large letters."""
    tables = []
    for start in range(0, len(groups), GROUPS_PER_ROW):
        row = groups[start : start + GROUPS_PER_ROW]
        tables.append(
            Table(
                columns=tuple(
                    Column(str(start + index), 1, Align.CENTRE) for index in range(1, len(row) + 1)
                ),
                rows=(tuple(row),),
                font_pt=FINGERPRINT_PT,
            )
        )
    return tables


def _signature(book: Book, day: date, _: Translate) -> Signature:
    org = book.organisation()
    if org.kind is OrgKind.COMMUNE:
        return Signature((_("ON BEHALF OF THE PARTY COMMITTEE"), _("SECRETARY")))
    return common.cell_signature(common.secretary_name(book, day), _)
