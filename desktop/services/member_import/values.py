"""Turning what a cell holds into a member's field: text, names, dates, sex,
status, phone numbers and citizen IDs, as secretaries and Excel write them.

Each parser returns the value, and a note when it had to guess or fill in
(only the year of a date was given); it raises `ValueProblem` with a message
naming the field when the cell cannot be read.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, time, timedelta
from decimal import Decimal, InvalidOperation

from desktop.data.enums import MemberStatus, Sex
from desktop.data.text import fold
from desktop.i18n import _, format_date
from desktop.services.labels import field_label

EXCEL_EPOCH = date(1899, 12, 30)  # serial 1 is 1900-01-01 (Excel counts a 29/02/1900)
FIRST_SERIAL, LAST_SERIAL = 367, 73051  # 1901-01-01 .. 2099-12-31
EARLIEST_YEAR = 1880

_SPACES = re.compile(r"[\s\u00a0\u2007\u202f\u2000-\u200a\u3000]+")
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))
_EXCEL_TEXT = re.compile(r'^="(.*)"$')
_TIME_SUFFIX = re.compile(r"\s+\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?(\s*(am|pm|sa|ch))?$", re.I)
_DMY = re.compile(r"^(\d{1,2})\s*([/.\-])\s*(\d{1,2})\s*\2\s*(\d{4}|\d{2})$")
_YMD = re.compile(r"^(\d{4})\s*([/.\-])\s*(\d{1,2})\s*\2\s*(\d{1,2})$")
_MY = re.compile(r"^(\d{1,2})\s*[/.\-]\s*(\d{4})$")
_WORDS = re.compile(r"^ngay\s*(\d{1,2})\s*thang\s*(\d{1,2})\s*nam\s*(\d{4})$")
_SERIAL = re.compile(r"^\d{5}(\.\d+)?$")
_SCIENTIFIC = re.compile(r"^\d+(\.\d+)?e\+?\d+$", re.I)

MARKS = frozenset({"x", "v", "1", "+", "*", "co", "\u2713", "\u2714", "\u2715", "\u2717"})


class ValueProblem(ValueError):
    """A cell that cannot be read; the message names the field."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


# --- text ------------------------------------------------------------------


def clean_text(value: object) -> str:
    """A cell as tidy text: composed (NFC), single spaces, no invisible characters."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "x" if value else ""
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else f"{value:.15g}"
    if isinstance(value, datetime):
        return format_date(value.date())
    if isinstance(value, date):
        return format_date(value)
    text = unicodedata.normalize("NFC", str(value)).translate(_INVISIBLE)
    text = " ".join(_SPACES.split(text)).strip()
    quoted = _EXCEL_TEXT.match(text)
    if quoted:
        text = quoted.group(1).strip()
    return text


def clean_name(value: object) -> str:
    """A person's name; written ALL IN CAPITALS it is given ordinary capitals:
    "NGUYỄN VĂN AN" -> "Nguyễn Văn An"."""
    name = clean_text(value)
    if any(char.isalpha() for char in name) and name == name.upper():
        name = " ".join(word[:1].upper() + word[1:].lower() for word in name.split(" "))
    return name


def has_letters(value: object) -> bool:
    return any(char.isalpha() for char in clean_text(value))


def clean_education(value: object) -> str:
    """General education as "9/12" or "12/12". Excel turns such text into a
    date (9 December): read it back as the fraction it was."""
    if isinstance(value, datetime | date):
        day, month = value.day, value.month
        if month in (10, 12):
            return f"{day}/{month}"
        if day in (10, 12):
            return f"{month}/{day}"
    return clean_text(value)


def number_text(value: object) -> str:
    """Digits of a number that Excel may have stored as a number: 87170001234.0,
    "8.7170001234e10" or "'087170001234" all keep every digit."""
    if isinstance(value, bool):
        return ""
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else ""
    text = clean_text(value).lstrip("'")
    compact = text.replace(" ", "").replace(",", ".")
    if _SCIENTIFIC.match(compact) or re.fullmatch(r"\d+\.0+", compact):
        try:
            number = Decimal(compact)
        except InvalidOperation:
            number = Decimal(-1)
        if number >= 0 and number == number.to_integral_value():
            return str(int(number))
    return re.sub(r"\D", "", text)


# --- dates -----------------------------------------------------------------


def parse_date(value: object, field: str, today: date) -> tuple[date | None, str | None]:
    """A date from an Excel date cell, a serial number, or text such as
    "12/03/1960", "1/5/60", "12-03-1960", "12.03.1960", "1960-03-12", "03/1960"
    or "1960". Returns the date and a note when only part of it was given."""
    if value is None:
        return None, None
    if isinstance(value, datetime):
        return value.date(), None
    if isinstance(value, date):
        return value, None
    if isinstance(value, time | timedelta | bool):
        raise _not_a_date(field, clean_text(value))
    if isinstance(value, int | float):
        return _from_number(value, field, today)
    text = clean_text(value)
    if not text:
        return None, None
    text = _TIME_SUFFIX.sub("", text)
    if _SERIAL.match(text):
        return _from_number(float(text), field, today)
    if re.fullmatch(r"\d{4}", text):
        return _from_number(int(text), field, today)
    match = _DMY.match(text)
    if match:
        day, month, year = int(match.group(1)), int(match.group(3)), match.group(4)
        return _make(field, text, _full_year(year, today), month, day), None
    match = _YMD.match(text)
    if match:
        year, month, day = (int(match.group(n)) for n in (1, 3, 4))
        return _make(field, text, year, month, day), None
    match = _MY.match(text)
    if match:
        made = _make(field, text, int(match.group(2)), int(match.group(1)), 1)
        note = _("{field}: only the month and year were given, recorded as {date}.")
        return made, note.format(field=field_label(field), date=format_date(made))
    match = _WORDS.match(" ".join(fold(text).replace(",", " ").split()))
    if match:
        day, month, year = (int(match.group(n)) for n in (1, 2, 3))
        return _make(field, text, year, month, day), None
    raise _not_a_date(field, text)


def _from_number(number: float, field: str, today: date) -> tuple[date | None, str | None]:
    if float(number).is_integer() and EARLIEST_YEAR <= number <= today.year:
        made = date(int(number), 1, 1)
        note = _("{field}: only the year was given, recorded as {date}.")
        return made, note.format(field=field_label(field), date=format_date(made))
    if FIRST_SERIAL <= number <= LAST_SERIAL:
        return EXCEL_EPOCH + timedelta(days=int(number)), None
    raise _not_a_date(field, clean_text(number))


def _full_year(text: str, today: date) -> int:
    year = int(text)
    if len(text) == 4:
        return year
    return 2000 + year if 2000 + year <= today.year else 1900 + year


def _make(field: str, text: str, year: int, month: int, day: int) -> date:
    if year < EARLIEST_YEAR:
        raise _not_a_date(field, text)
    try:
        return date(year, month, day)
    except ValueError:
        raise ValueProblem(
            _("{field}: there is no such day as {value}.").format(
                field=field_label(field), value=text
            )
        ) from None


def _not_a_date(field: str, text: str) -> ValueProblem:
    return ValueProblem(
        _("{field}: “{value}” is not a date (write it as dd/mm/yyyy).").format(
            field=field_label(field), value=text
        )
    )


# --- sex -------------------------------------------------------------------

_MALE = frozenset({"nam", "nam gioi", "m", "male", "trai", "ong"})
_FEMALE = frozenset({"nu", "nu gioi", "f", "female", "gai", "ba"})


def parse_sex(value: object) -> Sex | None:
    text = clean_text(value)
    if not text:
        return None
    word = " ".join(fold(text).replace(".", " ").split())
    if word in _MALE:
        return Sex.MALE
    if word in _FEMALE:
        return Sex.FEMALE
    raise ValueProblem(
        _("{field}: “{value}” is neither Nam nor Nữ.").format(field=field_label("sex"), value=text)
    )


def is_mark(value: object) -> bool:
    """A tick in a "Nam" or "Nữ" column: x, ✓, 1, "Nam", "Nữ"..."""
    word = fold(clean_text(value))
    return word in MARKS or word in _MALE or word in _FEMALE


def sex_from_name(name: str) -> Sex | None:
    """The middle name "Thị" is a woman's, "Văn" a man's."""
    words = fold(name).split()
    middle = words[1:-1]
    if "thi" in middle:
        return Sex.FEMALE
    if "van" in middle:
        return Sex.MALE
    return None


# --- status ----------------------------------------------------------------

PAST_STATUSES = frozenset({MemberStatus.TRANSFERRED, MemberStatus.DECEASED, MemberStatus.REMOVED})


def parse_status(value: object, *, in_notes: bool = False) -> MemberStatus | None:
    """A status from words such as "Miễn sinh hoạt", "Miễn công tác và sinh
    hoạt", "Sinh hoạt tạm thời", "Dự bị", "Chính thức", "Đã từ trần". In free
    notes only the present situations count (a note may mention someone else's
    death or move); None when nothing is recognised."""
    words = " " + " ".join(re.sub(r"[^a-z0-9]+", " ", fold(clean_text(value))).split()) + " "
    if not words.strip():
        return None

    def has(*phrases: str) -> bool:
        return any(f" {phrase} " in words for phrase in phrases)

    if not in_notes:
        if has("tu tran", "da mat", "qua doi", "tu the"):
            return MemberStatus.DECEASED
        if has("xoa ten", "khai tru", "dua ra khoi dang"):
            return MemberStatus.REMOVED
    # Temporary attachment before exemption: the cell it comes from may be
    # named "... Miền Trung".
    if has("chuyen", "tam chuyen") and has("tam thoi", "shtt", "tam chuyen"):
        return MemberStatus.AWAY
    if not in_notes and has("chuyen sinh hoat", "da chuyen", "chuyen di", "chuyen dang"):
        return MemberStatus.TRANSFERRED
    if has("tam thoi", "shtt"):
        return MemberStatus.ATTACHED
    if has("mien", "msh", "mien sh"):
        return MemberStatus.EXEMPT
    if has("du bi", "dv du bi", "dang vien du bi"):
        return MemberStatus.PROBATIONARY
    if not in_notes and has("chinh thuc"):
        return MemberStatus.FULL
    return None


_FROM_CELL = re.compile(r"tam thoi\W*(?:\(\s*)?tu\s+(\S.*?)[\s).;,]*$")


def home_cell_from(text: str) -> str:
    """Where a temporarily attached member comes from, when the status says it:
    "Sinh hoạt tạm thời (từ Chi bộ Trường THCS An Phú)" -> "Chi bộ Trường THCS An Phú"."""
    clean = clean_text(text)
    match = _FROM_CELL.search(fold(clean))  # fold keeps positions
    return clean[match.start(1) : match.end(1)] if match else ""


# --- numbers ---------------------------------------------------------------

_PHONE_SPLIT = re.compile(r"\s*(?:[/;,|]|\s-\s|\bhoặc\b|\bor\b)\s*", re.IGNORECASE)


def parse_phone(value: object) -> tuple[str, str | None]:
    """Digits of a phone number. Excel drops the leading 0 of a number typed
    as a number: 912345678 -> 0912345678, 2363812345 -> 02363812345. When
    several numbers are given the first is kept, with a note."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        parts = [number_text(value)]
    else:
        pieces = _PHONE_SPLIT.split(clean_text(value))
        parts = [piece for piece in pieces if re.search(r"\d", piece)]
    if not parts:
        return "", None
    first = parts[0].strip()
    plus = first.startswith("+")
    digits = re.sub(r"\D", "", first)
    if plus:
        phone = "+" + digits
    elif len(digits) == 9 and digits[0] in "35789":
        phone = "0" + digits
    elif len(digits) == 10 and digits[0] == "2":
        phone = "0" + digits
    else:
        phone = digits
    note = None
    if len(parts) > 1:
        note = _("{field}: more than one number was given; only the first ({phone}) was kept.")
        note = note.format(field=field_label("phone"), phone=phone)
    return phone, note


def parse_citizen_id(value: object) -> tuple[str, str]:
    """(citizen ID, old identity card number). A 12-digit citizen ID whose
    leading 0 Excel dropped gets it back; a 9-digit number is an old identity
    card (CMND), returned apart since the citizen ID field holds 12 digits."""
    digits = number_text(value)
    if len(digits) == 11:
        return "0" + digits, ""
    if len(digits) == 8:
        return "", "0" + digits
    if len(digits) == 9:
        return "", digits
    return digits, ""


def parse_card_number(value: object) -> str:
    """A party card number as written ("93.001234" stays as it is); spaces removed."""
    return clean_text(value).lstrip("'").replace(" ", "")
