"""Finding the header of a list and which column holds which field.

The header is the row (within the first rows) whose cells name the most
fields, a full-name column among them; a second header row below it is
taken in when cells are merged across the two or it holds only field names
("Ngày tháng năm" over "Ngày vào Đảng" / "Ngày chính thức", "Ngày sinh"
over "Nam" / "Nữ"). Header text is compared without diacritics, case or
punctuation, against Vietnamese and English names of each field.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from desktop.data.text import fold
from desktop.i18n import N_, _
from desktop.services.labels import field_label
from desktop.services.member_import.tables import ImportFileError, Table
from desktop.services.member_import.values import clean_text

HEADER_SEARCH_ROWS = 40

# What a column can feed: the member's fields, plus "name_start" /
# "given_name" (a name split in two columns), "male" / "female" (a "Nam" or
# "Nữ" column holding a mark or the date of birth) and "number" (the row
# numbering, "STT").
MEMBER_FIELDS = (
    "full_name",
    "sex",
    "date_of_birth",
    "citizen_id",
    "phone",
    "address",
    "admission_date",
    "official_date",
    "card_number",
    "status",
    "home_cell",
    "ethnicity",
    "religion",
    "education_level",
    "theory_level",
    "notes",
)
COLUMN_FIELDS = (*MEMBER_FIELDS, "name_start", "given_name", "male", "female", "number")
NAME_FIELDS = frozenset({"full_name", "name_start", "given_name"})

EXTRA_LABELS = {
    "name_start": N_("Family and middle name (Họ và tên đệm)"),
    "given_name": N_("Given name (Tên)"),
    "male": N_("Nam (a mark, or the date of birth of a man)"),
    "female": N_("Nữ (a mark, or the date of birth of a woman)"),
    "number": N_("Row number (STT)"),
}

# Header names, already folded (no diacritics, lower case, single spaces).
# "given_name" and "name_start" are lists that split the name in two columns,
# "Họ và tên đệm" and "Tên", so that they sort by the given name.
SYNONYMS: dict[str, tuple[str, ...]] = {
    name: tuple(synonyms.split("|"))
    for name, synonyms in {
        "full_name": "ho va ten|ho ten|ho va ten dang vien|ho ten dang vien|ten dang vien|"
        "full name|name",
        "name_start": "ho va ten dem|ho ten dem|ho dem|ho va dem|ho va chu dem|ho|"
        "family name|surname",
        "given_name": "ten|given name|first name",
        "sex": "gioi tinh|gioi|nam nu|phai|sex|gender",
        "male": "nam",
        "female": "nu",
        "date_of_birth": "ngay sinh|nam sinh|ngay thang nam sinh|sinh ngay|ngay thang sinh|"
        "date of birth|birth date|birthday|born",
        "citizen_id": "so cccd|cccd|can cuoc|can cuoc cong dan|so can cuoc|so dinh danh|"
        "so dinh danh ca nhan|cmnd|so cmnd|chung minh nhan dan|citizen id|id number",
        "phone": "dien thoai|so dien thoai|sdt|dt|dtdd|di dong|dien thoai lien he|phone|"
        "telephone|mobile",
        "address": "noi o|noi o hien nay|cho o|cho o hien nay|dia chi|dia chi thuong tru|"
        "noi cu tru|noi thuong tru|address",
        "admission_date": "ngay vao dang|ngay ket nap|ngay ket nap dang|vao dang|ket nap|"
        "ngay vao dang du bi|admission date|admitted",
        "official_date": "ngay chinh thuc|ngay cong nhan chinh thuc|ngay vao dang chinh thuc|"
        "ngay chuyen chinh thuc|chinh thuc|official date|full member since",
        "card_number": "so the|so the dang|so the dang vien|the dang vien|so the dv|"
        "card number|party card|party card number",
        "status": "tinh trang|trang thai|tinh trang dang vien|loai dang vien|status",
        "home_cell": "chi bo goc|dang bo goc|noi sinh hoat chinh thuc|sinh hoat chinh thuc tai|"
        "chi bo sinh hoat chinh thuc|home cell",
        "ethnicity": "dan toc|ethnicity|ethnic group",
        "religion": "ton giao|religion",
        "education_level": "trinh do hoc van|hoc van|van hoa|trinh do van hoa|gdpt|"
        "giao duc pho thong|trinh do giao duc pho thong|education",
        "theory_level": "ly luan chinh tri|llct|trinh do ly luan chinh tri|trinh do llct|"
        "ly luan|political theory",
        "notes": "ghi chu|ghi chu khac|notes|note|remarks",
        "number": "stt|tt|so tt|so thu tu|no",
    }.items()
}
ACRONYMS = frozenset({"gdpt", "llct", "cccd", "cmnd", "sdt", "stt", "dtdd"})


@dataclass(frozen=True)
class Column:
    """One column of the list: its index (from 0), its letter in Excel, the
    header text as written and the field it feeds (None: not imported)."""

    index: int
    letter: str
    header: str
    field: str | None


@dataclass(frozen=True)
class ColumnMapping:
    """Where the header is and what each column feeds."""

    header_rows: tuple[int, ...]
    columns: tuple[Column, ...]

    @property
    def fields(self) -> dict[str, int]:
        """Field name -> column index, for the mapped columns."""
        return {column.field: column.index for column in self.columns if column.field}

    def index_of(self, name: str) -> int | None:
        return self.fields.get(name)

    @property
    def first_data_row(self) -> int:
        return max(self.header_rows, default=0) + 1

    def describe(self) -> list[tuple[str, str]]:
        """(column letter and header, field label) for each mapped column."""
        return [
            (f"{column.letter}: {column.header}".rstrip(": "), column_field_label(column.field))
            for column in self.columns
            if column.field
        ]


def column_field_label(name: str | None) -> str:
    if name is None:
        return ""
    if name in EXTRA_LABELS:
        return _(EXTRA_LABELS[name])
    return field_label(name)


def column_letter(index: int) -> str:
    """0 -> "A", 25 -> "Z", 26 -> "AA"."""
    letters = ""
    number = index + 1
    while number:
        number, remainder = divmod(number - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def normalise_header(value: object) -> str:
    """ "Ngày sinh (dd/mm/yyyy)" -> "ngay sinh"; "Họ, tên" -> "ho ten"."""
    text = fold(clean_text(value))
    without_notes = re.sub(r"\([^)]*\)", " ", text)
    if without_notes.strip():
        text = without_notes
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text).split())


def match_field(value: object, *, exact: bool = False) -> str | None:
    """The field a header names, or None. An exact name beats a header that
    starts with a name, which beats one that contains it; longer names win.
    With `exact`, only exact names count."""
    header = normalise_header(value)
    if not header:
        return None
    best: str | None = None
    best_score = (0, 0)
    padded = f" {header} "
    for name, synonyms in SYNONYMS.items():
        for synonym in synonyms:
            short = len(synonym) < 4 and synonym not in ACRONYMS
            if header == synonym:
                score = (3, len(synonym))
            elif exact:
                continue
            elif not short and header.startswith(synonym + " "):
                score = (2, len(synonym))
            elif (len(synonym) >= 5 or synonym in ACRONYMS) and f" {synonym} " in padded:
                score = (1, len(synonym))
            else:
                continue
            if score > best_score:
                best, best_score = name, score
    return best


def _row_fields(cells: list[object]) -> dict[int, str]:
    found: dict[int, str] = {}
    for index, value in enumerate(cells):
        name = match_field(value)
        if name is not None:
            found[index] = name
    return found


def find_header(table: Table) -> int | None:
    """The row number of the header: the row naming most fields, full name among them."""
    best_row, best_score = None, 0
    for number, cells in table.rows[:HEADER_SEARCH_ROWS]:
        names = set(_row_fields(cells).values())
        if not names & {"full_name", "given_name"}:
            continue
        if len(names) > best_score:
            best_row, best_score = number, len(names)
    return best_row


def _group_heading(upper: list[object], index: int) -> str:
    """The heading above a column: its own cell, or the nearest one to its
    left (a group heading such as "Ngày tháng năm" written once, over the
    first of its columns, as a CSV file keeps it)."""
    for position in range(min(index, len(upper) - 1), -1, -1):
        text = clean_text(upper[position])
        if text:
            return text
    return ""


def _is_second_header(table: Table, header: int) -> bool:
    """Whether the row below the header belongs to it: cells merged across the
    two, or only field names there (alone or under their group heading)."""
    if header + 1 in table.merged_down:
        return True
    upper, below = table.cells(header), table.cells(header + 1)
    filled = [(index, value) for index, value in enumerate(below) if clean_text(value)]
    return bool(filled) and all(
        match_field(value)
        or match_field(f"{_group_heading(upper, index)} {clean_text(value)}", exact=True)
        for index, value in filled
    )


def guess_mapping(table: Table, header: int) -> ColumnMapping:
    """The mapping read from the header on row `header` (and the row below it
    when it belongs to the header)."""
    if header in table.merged_down:  # the row above is the first header row
        rows: tuple[int, ...] = (header - 1, header)
    elif _is_second_header(table, header):
        rows = (header, header + 1)
    else:
        rows = (header,)
    upper = table.cells(rows[0])
    lower = table.cells(rows[-1]) if len(rows) > 1 else []
    columns = []
    taken: set[str] = set()
    for index in range(table.width):
        top = clean_text(upper[index]) if index < len(upper) else ""
        bottom = clean_text(lower[index]) if index < len(lower) else ""
        if bottom and bottom != top:
            group = top or _group_heading(upper, index)
            candidates = [bottom, f"{group} {bottom}", top]
            header_text = f"{top} / {bottom}" if top else bottom
        else:
            candidates = [top]
            header_text = top
        name = None
        for candidate in candidates:
            name = match_field(candidate)
            if name is not None:
                break
        if name in taken:
            name = None
        if name is not None:
            taken.add(name)
        columns.append(Column(index, column_letter(index), header_text, name))
    return ColumnMapping(rows, tuple(columns))


def _headers_of(table: Table) -> ColumnMapping:
    """Columns with no header at all (a list without a header row)."""
    return ColumnMapping(
        (),
        tuple(Column(index, column_letter(index), "", None) for index in range(table.width)),
    )


def override(
    table: Table, guessed: ColumnMapping, chosen: Mapping[str, int | str | None]
) -> ColumnMapping:
    """`guessed` with the secretary's choices: field -> column index (from 0),
    or the column's header text, or None to leave the field out."""
    columns = list(guessed.columns)
    for name, where in chosen.items():
        if name not in COLUMN_FIELDS:
            raise ImportFileError(
                _("“{name}” is not a field of a member. Fields: {fields}.").format(
                    name=name, fields=", ".join(COLUMN_FIELDS)
                )
            )
        columns = [
            Column(c.index, c.letter, c.header, None) if c.field == name else c for c in columns
        ]
        if where is None:
            continue
        index = _find_column(columns, where)
        old = columns[index]
        columns[index] = Column(old.index, old.letter, old.header, name)
    return ColumnMapping(guessed.header_rows, tuple(columns))


def _find_column(columns: list[Column], where: int | str) -> int:
    if isinstance(where, int):
        if 0 <= where < len(columns):
            return where
        raise ImportFileError(
            _("The list has no column {number}; it has {count} columns.").format(
                number=where + 1, count=len(columns)
            )
        )
    wanted = normalise_header(where)
    for column in columns:
        parts = [column.header, *column.header.split(" / ")]
        if wanted and any(normalise_header(part) == wanted for part in parts):
            return column.index
    raise ImportFileError(_("The list has no column headed “{header}”.").format(header=where))


def find_mapping(
    table: Table, chosen: Mapping[str, int | str | None] | None = None
) -> ColumnMapping | None:
    """The mapping of one table, or None when no header with a full-name column
    is found (and none was given)."""
    header = find_header(table)
    if header is not None:
        guessed = guess_mapping(table, header)
    elif chosen:
        header = _row_with_headers(table, chosen)
        guessed = guess_mapping(table, header) if header else _headers_of(table)
    else:
        return None
    mapping = override(table, guessed, chosen) if chosen else guessed
    return mapping if has_name_column(mapping) else None


def has_name_column(mapping: ColumnMapping) -> bool:
    return bool({"full_name", "given_name"} & set(mapping.fields))


def _row_with_headers(table: Table, chosen: Mapping[str, int | str | None]) -> int | None:
    texts = {normalise_header(value) for value in chosen.values() if isinstance(value, str)}
    texts.discard("")
    if not texts:
        return None
    for number, cells in table.rows[:HEADER_SEARCH_ROWS]:
        if texts & {normalise_header(value) for value in cells}:
            return number
    return None


def missing_name_column(source_name: str) -> ImportFileError:
    return ImportFileError(
        _(
            "No column for the full name was found in “{name}”: its header row should have "
            "a column such as “Họ và tên” or “Họ tên”. Check that the list has a header row, "
            "or choose the columns yourself."
        ).format(name=source_name)
    )
