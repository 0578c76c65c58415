"""Planning an import: what each row of a list would do to the book, with
reasons in plain words. Nothing is written here."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from enum import StrEnum
from pathlib import Path

from desktop.data.enums import MemberStatus
from desktop.i18n import N_, _
from desktop.services.book import Book
from desktop.services.labels import enum_label, field_label
from desktop.services.member_import.columns import (
    ColumnMapping,
    find_mapping,
    missing_name_column,
)
from desktop.services.member_import.duplicates import BookMember, BookMembers, SeenRows
from desktop.services.member_import.records import ParsedRow, data_rows, parse_record
from desktop.services.member_import.tables import Table, read_tables
from desktop.services.member_import.values import PAST_STATUSES
from desktop.services.members import MemberInput, MemberService
from desktop.services.validation import ValidationError


class Action(StrEnum):
    ADD = "add"
    UPDATE = "update"
    SKIP = "skip"
    ERROR = "error"


ACTION_LABELS = {
    Action.ADD: N_("add"),
    Action.UPDATE: N_("update"),
    Action.SKIP: N_("skip"),
    Action.ERROR: N_("error"),
}

# Fields an import may fill in or change on a member already in the book
# (never the status: that follows from recorded events).
UPDATABLE = (
    "full_name",
    "sex",
    "date_of_birth",
    "citizen_id",
    "phone",
    "address",
    "admission_date",
    "official_date",
    "card_number",
    "home_cell",
    "ethnicity",
    "religion",
    "education_level",
    "theory_level",
    "notes",
)
SITUATIONS = frozenset({MemberStatus.EXEMPT, MemberStatus.ATTACHED, MemberStatus.AWAY})


def action_label(action: Action) -> str:
    return _(ACTION_LABELS[action])


@dataclass(frozen=True)
class RowOutcome:
    """What one row of the list does.

    `row` is the row number the secretary sees in Excel; `reasons` are plain
    sentences (errors first, each starting "row N: "; then notes); `errors`
    holds the errors alone. `data` is the member as it will be written: the
    new member (add) or the whole profile after the change (update); None for
    skipped rows and rows with errors. `member_id` and `changes` (field names)
    say which member an update changes, and what."""

    row: int
    action: Action
    name: str
    reasons: tuple[str, ...] = ()
    errors: tuple[str, ...] = ()
    data: MemberInput | None = None
    member_id: str | None = None
    changes: tuple[str, ...] = ()


@dataclass
class ImportPlan:
    """Everything an import would do; `apply_import` writes it."""

    source: Path
    sheet: str
    mapping: ColumnMapping
    rows: list[RowOutcome]
    ignored_rows: list[int] = field(default_factory=list)
    today: date = field(default_factory=date.today)

    @property
    def counts(self) -> dict[Action, int]:
        counted = Counter(outcome.action for outcome in self.rows)
        return {action: counted.get(action, 0) for action in Action}

    @property
    def ok(self) -> bool:
        return not any(outcome.action is Action.ERROR for outcome in self.rows)

    @property
    def errors(self) -> list[str]:
        return [error for outcome in self.rows for error in outcome.errors]

    def outcome(self, row: int) -> RowOutcome | None:
        return next((outcome for outcome in self.rows if outcome.row == row), None)


def locate(
    path: Path | str,
    *,
    mapping: Mapping[str, int | str | None] | None = None,
    sheet: str | None = None,
) -> tuple[Table, ColumnMapping]:
    """The table holding the list (a named sheet, or the first sheet with a
    full-name column) and its column mapping. Raises `ImportFileError`."""
    return choose_table(read_tables(path, sheet), Path(path).name, mapping)


def choose_table(
    tables: list[Table], source_name: str, mapping: Mapping[str, int | str | None] | None = None
) -> tuple[Table, ColumnMapping]:
    """The first of `tables` that holds a list, and its mapping."""
    for table in tables:
        if table.is_empty():
            continue
        found = find_mapping(table, mapping)
        if found is not None:
            return table, found
    raise missing_name_column(source_name)


def plan_import(
    book: Book,
    path: Path | str,
    *,
    mapping: Mapping[str, int | str | None] | None = None,
    sheet: str | None = None,
    today: date | None = None,
) -> ImportPlan:
    """Read the list at `path` and say what each member row would do.

    `mapping` overrides the guessed columns: field name -> column index (from
    0) or header text, or None to leave a field out. Raises `ImportFileError`
    (a `ValidationError`) when the file cannot be read or has no name column;
    problems in rows are reported in the plan, not raised.
    """
    when = today or date.today()
    table, columns = locate(path, mapping=mapping, sheet=sheet)
    records, ignored = data_rows(table, columns)
    planner = _Planner(book, when)
    outcomes = [planner.plan(parse_record(record, when)) for record in records]
    return ImportPlan(Path(path), table.name, columns, outcomes, ignored, when)


class _Planner:
    def __init__(self, book: Book, today: date) -> None:
        self.service = MemberService(book, today=today)
        self.book_members = BookMembers.load(book)
        self.seen = SeenRows()
        self.matched: dict[str, int] = {}  # member id -> the row that matched it

    def plan(self, parsed: ParsedRow) -> RowOutcome:
        row, name = parsed.row, parsed.name
        if parsed.past:
            status = enum_label(parsed.status)
            reason = _("the list says this person is no longer a member here ({status})")
            return RowOutcome(row, Action.SKIP, name, (reason.format(status=status),))
        earlier = self.seen.earlier(name, parsed.date_of_birth, parsed.card_number)
        self.seen.add(row, name, parsed.date_of_birth, parsed.card_number)
        if earlier:
            return RowOutcome(row, Action.SKIP, name, (earlier,))
        data = parsed.data
        if data is None:
            return self._error(parsed, [])
        match = self.book_members.match(data)
        if match is not None and match.ambiguous:
            problem = _(
                "more than one member of the book is named {name}; give a card number or "
                "a date of birth to tell them apart."
            ).format(name=name)
            return self._error(parsed, [problem])
        if match is None or match.member is None:
            return self._add(parsed, data)
        member = match.member
        if member.id in self.matched:
            reason = _("the same member of the book as row {row}").format(
                row=self.matched[member.id]
            )
            return RowOutcome(row, Action.SKIP, name, (reason,))
        self.matched[member.id] = row
        return self._update(parsed, data, member, match.how)

    def _problems(self, data: MemberInput, member_id: str | None = None) -> list[str]:
        try:
            self.service.validate(data, member_id)
        except ValidationError as error:
            return [problem.message for problem in error.errors]
        return []

    def _error(self, parsed: ParsedRow, more: list[str]) -> RowOutcome:
        problems = [*parsed.errors, *more]
        errors = tuple(
            _("row {row}: {problem}").format(row=parsed.row, problem=problem)
            for problem in dict.fromkeys(problems)
        )
        return RowOutcome(parsed.row, Action.ERROR, parsed.name, (*errors, *parsed.notes), errors)

    def _add(self, parsed: ParsedRow, data: MemberInput) -> RowOutcome:
        problems = self._problems(data)
        if parsed.errors or problems:
            return self._error(parsed, problems)
        notes = list(parsed.notes)
        for namesake in self.book_members.namesakes(data):
            born = namesake.data.date_of_birth
            notes.append(
                _(
                    "a member with the same name but born on {date} is already in the book; "
                    "this row is added as another person"
                ).format(date=born.strftime("%d/%m/%Y") if born else "")
            )
        return RowOutcome(parsed.row, Action.ADD, parsed.name, tuple(notes), data=data)

    def _update(
        self, parsed: ParsedRow, data: MemberInput, member: BookMember, how: str
    ) -> RowOutcome:
        merged, changes = merge(member.data, data, keep_sex=parsed.sex_guessed)
        problems = self._problems(merged, member.id)
        if parsed.errors or problems:
            return self._error(parsed, problems)
        # The book knows the member's sex: a guess from the name is not used.
        notes = [note for note in parsed.notes if note != parsed.sex_note]
        status_note = _status_note(member.status, parsed.status)
        if changes:
            labels = ", ".join(field_label(name) for name in changes)
            reason = _("already in the book ({how}): {fields} will be updated").format(
                how=how, fields=labels
            )
            reasons = (reason, *notes, *status_note)
            return RowOutcome(
                parsed.row,
                Action.UPDATE,
                parsed.name,
                reasons,
                data=merged,
                member_id=member.id,
                changes=tuple(changes),
            )
        reasons = (_("already in the book, nothing new"), *status_note)
        return RowOutcome(parsed.row, Action.SKIP, parsed.name, reasons, member_id=member.id)


def merge(
    current: MemberInput, incoming: MemberInput, *, keep_sex: bool = False
) -> tuple[MemberInput, list[str]]:
    """The profile after an import: each field the list gives that is empty in
    the book or differs replaces it; notes the book lacks are added to its
    notes. Returns the profile and the changed field names."""
    values: dict[str, object] = {}
    changes = []
    for name in UPDATABLE:
        old, new = getattr(current, name), getattr(incoming, name)
        if new in ("", None) or new == old or (name == "sex" and keep_sex):
            continue
        if name == "notes" and old:
            if new in old:
                continue
            new = f"{old}\n{new}"
        values[name] = new
        changes.append(name)
    return replace(current, **values), changes  # type: ignore[arg-type]


def _status_note(in_book: MemberStatus, in_list: MemberStatus | None) -> tuple[str, ...]:
    differs = in_list is not None and in_list != in_book
    if in_book in PAST_STATUSES or (differs and (in_book in SITUATIONS or in_list in SITUATIONS)):
        note = _(
            "in the book this member is: {status}; an import does not change a status "
            "(record an event for that)"
        )
        return (note.format(status=enum_label(in_book)),)
    return ()
