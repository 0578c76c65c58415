"""Validation that names the field and the problem in the user's language.

A service collects every problem of a form with a `Validator` and raises one
`ValidationError`; nothing is written when it is raised.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from desktop.i18n import _
from desktop.services.labels import field_label


@dataclass(frozen=True)
class FieldError:
    field: str
    message: str

    def __str__(self) -> str:
        return self.message


class ValidationError(ValueError):
    def __init__(self, errors: list[FieldError]) -> None:
        self.errors = errors
        super().__init__("\n".join(error.message for error in errors))

    def for_field(self, name: str) -> list[str]:
        return [error.message for error in self.errors if error.field == name]


class Validator:
    def __init__(self) -> None:
        self.errors: list[FieldError] = []

    def add(self, field: str, message: str) -> None:
        self.errors.append(FieldError(field, message))

    def _say(self, field: str, template: str, **values: object) -> None:
        self.add(field, template.format(field=field_label(field), **values))

    def required(self, field: str, value: object) -> bool:
        if value is None or (isinstance(value, str) and not value.strip()):
            self._say(field, _("{field}: please fill this in."))
            return False
        return True

    def max_length(self, field: str, value: str | None, limit: int) -> None:
        if value and len(value.strip()) > limit:
            self._say(field, _("{field}: at most {limit} characters."), limit=limit)

    def number_between(
        self, field: str, value: int | float | None, low: float, high: float
    ) -> None:
        if value is None:
            return
        if not low <= value <= high:
            self._say(field, _("{field}: must be between {low} and {high}."), low=low, high=high)

    def not_future(self, field: str, value: date | None, today: date) -> None:
        if value is not None and value > today:
            self._say(field, _("{field}: cannot be in the future."))

    def not_before(
        self, field: str, value: date | None, other_field: str, other: date | None
    ) -> None:
        if value is not None and other is not None and value < other:
            self._say(
                field,
                _("{field}: cannot be before {other}."),
                other=field_label(other_field),
            )

    def digits(self, field: str, value: str | None, count: int) -> None:
        if value and not re.fullmatch(rf"\d{{{count}}}", value.strip()):
            self._say(field, _("{field}: must be exactly {count} digits."), count=count)

    def phone(self, field: str, value: str | None) -> None:
        if value and not re.fullmatch(r"\+?[0-9][0-9 .-]{7,14}", value.strip()):
            self._say(field, _("{field}: is not a phone number (for example 0912 345 678)."))

    def raise_if_any(self) -> None:
        if self.errors:
            raise ValidationError(list(self.errors))
