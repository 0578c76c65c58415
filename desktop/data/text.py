"""Folding and ordering of Vietnamese text.

`fold` makes text comparable without diacritics ("Đảng viên" -> "dang vien").
It maps each composed character to exactly one character, so positions in the
folded text are positions in the (NFC) original: a match found in folded text
can be highlighted in the text people see.
"""

from __future__ import annotations

import unicodedata
from functools import cache

_SPECIAL = {"đ": "d", "Đ": "d", "ð": "d", "Ð": "d"}


@cache
def _fold_char(char: str) -> str:
    if char in _SPECIAL:
        return _SPECIAL[char]
    decomposed = unicodedata.normalize("NFD", char)
    base = decomposed[0] if decomposed else char
    if unicodedata.combining(base):
        return " "
    return base.lower()


def fold(text: str) -> str:
    """Lower-case, diacritic-free text with the same length as `nfc(text)`."""
    composed = unicodedata.normalize("NFC", text)
    return "".join(_fold_char(char) for char in composed)


def tokens(text: str) -> list[str]:
    """Folded words, for building search queries."""
    words = []
    current = []
    for char in fold(text):
        if char.isalnum():
            current.append(char)
        elif current:
            words.append("".join(current))
            current = []
    if current:
        words.append("".join(current))
    return words


# Vietnamese dictionary order: a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y,
# then tones: level, grave (huyền), hook (hỏi), tilde (ngã), acute (sắc), dot (nặng).
_LETTERS = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
_VOWEL_MARKS = {"\u0306", "\u0302", "\u031b"}  # breve, circumflex, horn: part of the letter


@cache
def _letter_key(char: str) -> tuple[int, int]:
    lower = char.lower()
    decomposed = unicodedata.normalize("NFD", lower)
    tone = 0
    kept = []
    for part in decomposed:
        if part in _TONES:
            tone = _TONES[part]
        elif part in _VOWEL_MARKS or not unicodedata.combining(part):
            kept.append(part)
    letter = unicodedata.normalize("NFC", "".join(kept))
    index = _LETTERS.find(letter) if len(letter) == 1 else -1
    if index >= 0:
        return 100 + index, tone
    if lower.isdigit() and len(lower) == 1 and lower in "0123456789":
        return 50 + int(lower), 0
    if lower.isspace():
        return 0, 0
    return 200 + ord(lower[0]) if lower else 0, tone


def _code_point(value: int) -> str:
    """A character for `value`, skipping the surrogates UTF-8 cannot hold."""
    value = 0x20 + value
    if value >= 0xD800:
        value += 0x800
    return chr(min(value, 0x10FFFF))


def vietnamese_sort_key(text: str) -> str:
    """A string that sorts in Vietnamese dictionary order (letters first, tones second)."""
    keys = [_letter_key(char) for char in unicodedata.normalize("NFC", text)]
    primary = "".join(_code_point(letter) for letter, _tone in keys)
    secondary = "".join(chr(0x30 + tone) for _letter, tone in keys)
    return primary + "\u0001" + secondary


def person_sort_key(full_name: str) -> str:
    """People sort by given name (the last word), then by the whole name:
    "Trần Văn An" comes before "Nguyễn Thị Bình"."""
    words = unicodedata.normalize("NFC", full_name).split()
    if not words:
        return ""
    return vietnamese_sort_key(words[-1]) + "\u0002" + vietnamese_sort_key(" ".join(words))
