"""The rows of a list that are members, and what each says about its member.

Below the header, blank rows, rows without a name (numbering rows "(1) (2)
(3)", the gaps of a signature block) and section headings ("I. Đảng viên
chính thức") are passed over; the block that ends a document ("Người lập
biểu", "T/M CHI BỘ", "An Hòa, ngày ... tháng ... năm ...", "Tổng cộng") and
everything after it is left out.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import ParamSpec, TypeVar

from desktop.data.enums import MemberStatus, Sex
from desktop.data.text import fold
from desktop.i18n import _
from desktop.services.labels import enum_label, field_label
from desktop.services.member_import.columns import ColumnMapping
from desktop.services.member_import.tables import Table
from desktop.services.member_import.values import (
    PAST_STATUSES,
    ValueProblem,
    clean_education,
    clean_name,
    clean_text,
    has_letters,
    home_cell_from,
    is_mark,
    parse_card_number,
    parse_citizen_id,
    parse_date,
    parse_phone,
    parse_sex,
    parse_status,
    sex_from_name,
)
from desktop.services.members import MemberInput

_SIGNATURE = re.compile(
    r"\bnguoi lap\b|\blap bieu\b|^t ?/ ?m\b|^tm\b|^(pho )?bi thu$|\bxac nhan\b|"
    r"\bngay\s*[\d.…]*\s*thang\s*[\d.…]*\s*nam\b|\bky\s*(ten|,?\s*ghi ro)|"
    r"^tong\s*(cong|so)\b|^chu tich\b|^thu truong\b|^nguoi ky\b"
)
P = ParamSpec("P")
T = TypeVar("T")

_ROMAN = re.compile(r"^(i|ii|iii|iv|v|vi|vii|viii|ix|x|[a-h])[.)]?$")
_HEADING = re.compile(
    r"^((i|ii|iii|iv|v|vi)[.)]\s|[a-h][.)]\s|(dang vien|dv)\s+(chinh thuc|du bi)$|"
    r"(chi bo|dang bo|thon|xom|khu pho|to dan pho)\s)"
)


@dataclass(frozen=True)
class RawRecord:
    """A row of the list that holds a member: its row number and the raw cell
    of each mapped field."""

    row: int
    cells: dict[str, object]


@dataclass
class ParsedRow:
    """What a row says, cleaned: the member it describes (None when the sex
    cannot be told), the problems that stop it and the notes on what was
    guessed or filled in."""

    row: int
    name: str
    data: MemberInput | None
    date_of_birth: date | None = None
    card_number: str = ""
    status: MemberStatus | None = None  # as the list gives it, if it does
    sex_guessed: bool = False
    sex_note: str = ""  # the note saying the sex was taken from the name
    errors: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def past(self) -> bool:
        return self.status in PAST_STATUSES


def data_rows(table: Table, mapping: ColumnMapping) -> tuple[list[RawRecord], list[int]]:
    """The member rows below the header, and the numbers of the non-blank rows
    passed over (titles above the header are not counted)."""
    fields = mapping.fields
    records: list[RawRecord] = []
    ignored: list[int] = []
    ended = False
    for number, cells in table.rows:
        if number < mapping.first_data_row:
            continue
        values = {
            name: cells[index] if index < len(cells) else None for name, index in fields.items()
        }
        if not any(clean_text(value) for value in cells):
            continue
        name_cells = [values.get(key) for key in ("full_name", "name_start", "given_name")]
        name_text = " ".join(clean_text(value) for value in name_cells if clean_text(value))
        if not ended and _ends_the_list(cells, name_text, values.get("number")):
            ended = True
        if ended or not any(has_letters(value) for value in name_cells):
            ignored.append(number)
            continue
        if _is_heading(name_text, values.get("number")):
            ignored.append(number)
            continue
        records.append(RawRecord(number, values))
    return records, ignored


def _ends_the_list(cells: list[object], name: str, number: object) -> bool:
    if isinstance(number, int | float) or clean_text(number).isdigit():
        return False
    texts = [fold(clean_text(value)) for value in cells] if not name else [fold(name)]
    return any(_SIGNATURE.search(text) for text in texts if text)


def _is_heading(name: str, number: object) -> bool:
    if _ROMAN.match(fold(clean_text(number))):
        return True
    return bool(_HEADING.match(fold(name)))


def _attempt(
    errors: list[str], action: Callable[P, T], *args: P.args, **kwargs: P.kwargs
) -> T | None:
    try:
        return action(*args, **kwargs)
    except ValueProblem as problem:
        errors.append(problem.message)
        return None


def parse_record(record: RawRecord, today: date) -> ParsedRow:
    """Read one member row: every problem is collected, none stops the others."""
    cells = record.cells
    errors: list[str] = []
    notes: list[str] = []

    if clean_text(cells.get("full_name")):
        name = clean_name(cells["full_name"])
    else:
        parts = [clean_name(cells.get(key)) for key in ("name_start", "given_name")]
        name = " ".join(part for part in parts if part)

    date_of_birth = _date(cells.get("date_of_birth"), "date_of_birth", today, errors, notes)
    sex_errors: list[str] = []
    sex = _attempt(sex_errors, parse_sex, cells.get("sex"))
    marked = [
        (marked_sex, cells[key])
        for key, marked_sex in (("male", Sex.MALE), ("female", Sex.FEMALE))
        if clean_text(cells.get(key))
    ]
    if len(marked) > 1:
        sex_errors.append(
            _("{field}: both Nam and Nữ are filled in.").format(field=field_label("sex"))
        )
    elif marked:
        marked_sex, value = marked[0]
        sex = sex or marked_sex
        if not is_mark(value):
            under = _date(value, "date_of_birth", today, errors, notes)
            if under is not None and date_of_birth is not None and under != date_of_birth:
                errors.append(
                    _("{field}: two different dates are given.").format(
                        field=field_label("date_of_birth")
                    )
                )
            date_of_birth = date_of_birth or under
    sex_guessed = False
    sex_note = ""
    if sex is None and not sex_errors:
        sex = sex_from_name(name)
        if sex is None:
            sex_errors.append(_("{field}: please fill this in.").format(field=field_label("sex")))
        else:
            sex_guessed = True
            sex_note = _("{field}: not given, taken as {sex} from the name.").format(
                field=field_label("sex"), sex=enum_label(sex)
            )
            notes.append(sex_note)
    errors[:0] = sex_errors

    admission = _date(cells.get("admission_date"), "admission_date", today, errors, notes)
    official = _date(cells.get("official_date"), "official_date", today, errors, notes)
    citizen_id, old_id = parse_citizen_id(cells.get("citizen_id"))
    phone, note = parse_phone(cells.get("phone"))
    if note:
        notes.append(note)
    notes_text = clean_text(cells.get("notes"))
    if old_id:
        notes_text = _join(notes_text, f"CMND: {old_id}")
        notes.append(
            _(
                "{field}: {number} is an old identity card number (9 digits); "
                "it was put in the notes."
            ).format(field=field_label("citizen_id"), number=old_id)
        )

    status_text = clean_text(cells.get("status"))
    status = parse_status(status_text)
    if status_text and status is None:
        notes_text = _join(notes_text, status_text)
        notes.append(
            _("{field}: “{value}” was not understood; it was kept in the notes.").format(
                field=field_label("status"), value=status_text
            )
        )
    if status is None:
        status = parse_status(notes_text, in_notes=True)
    if status is MemberStatus.PROBATIONARY and official is not None:
        errors.append(
            _("{field}: the list says probationary, but an official date is given.").format(
                field=field_label("status")
            )
        )
    elif (
        status not in PAST_STATUSES
        and status is not MemberStatus.PROBATIONARY
        and admission is not None
        and official is None
    ):
        notes.append(
            _(
                "no official date is given, so the member is recorded as probationary "
                "until it is filled in"
            )
        )

    home_cell = clean_text(cells.get("home_cell"))
    if status is MemberStatus.ATTACHED and not home_cell:
        home_cell = home_cell_from(status_text) or home_cell_from(notes_text)

    card_number = parse_card_number(cells.get("card_number"))
    data = None
    if sex is not None:
        data = MemberInput(
            full_name=name,
            sex=sex,
            date_of_birth=date_of_birth,
            citizen_id=citizen_id,
            phone=phone,
            address=clean_text(cells.get("address")),
            admission_date=admission,
            official_date=official,
            card_number=card_number,
            status=status if status in SITUATIONS else MemberStatus.FULL,
            home_cell=home_cell,
            ethnicity=clean_text(cells.get("ethnicity")),
            religion=clean_text(cells.get("religion")),
            education_level=clean_education(cells.get("education_level")),
            theory_level=clean_text(cells.get("theory_level")),
            notes=notes_text,
        ).cleaned()
    return ParsedRow(
        row=record.row,
        name=name,
        data=data,
        date_of_birth=date_of_birth,
        card_number=card_number,
        status=status,
        sex_guessed=sex_guessed,
        sex_note=sex_note,
        errors=errors,
        notes=notes,
    )


# The statuses a new member can be entered with (create() records the situation).
SITUATIONS = frozenset(
    {MemberStatus.PROBATIONARY, MemberStatus.EXEMPT, MemberStatus.ATTACHED, MemberStatus.AWAY}
)


def _date(
    value: object, field: str, today: date, errors: list[str], notes: list[str]
) -> date | None:
    parsed = _attempt(errors, parse_date, value, field, today)
    if parsed is None:
        return None
    made, note = parsed
    if note:
        notes.append(note)
    return made


def _join(text: str, more: str) -> str:
    return "; ".join(part for part in (text, more) if part)
