"""Writing a planned import: all of it or nothing.

A plan with errors is refused. Otherwise the rows are checked once more
against the book as it is now, a backup copy is made, and every addition
and update is written in one transaction; if anything fails, nothing of
the import is kept.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date
from pathlib import Path

from desktop.data.enums import MemberEventKind
from desktop.data.models import Member
from desktop.data.stamping import BookSession
from desktop.i18n import _
from desktop.services.book import Book
from desktop.services.member_events import initial_events, refresh_member
from desktop.services.member_import.planning import Action, ImportPlan
from desktop.services.members import MemberInput, MemberService, move_date_event
from desktop.services.validation import FieldError, ValidationError

BACKUP_REASON = "before-import"


@dataclass(frozen=True)
class ImportResult:
    """What was written: the new and the changed members' ids, how many rows
    were skipped, and the backup copy made before writing."""

    added: tuple[str, ...]
    updated: tuple[str, ...]
    skipped: int
    backup: Path


def apply_import(book: Book, plan: ImportPlan) -> ImportResult:
    """Write `plan` to `book` in one transaction, after a backup.

    Raises `ValidationError` (nothing written, no backup made) when the plan
    has rows with errors or a row no longer fits the book.
    """
    if not plan.ok:
        raise ValidationError([FieldError("row", error) for error in plan.errors])
    _recheck(book, plan)
    backup = book.backup(BACKUP_REASON)
    added: list[Member] = []
    updated: list[str] = []
    with book.session() as session:
        for outcome in plan.rows:
            if outcome.data is None:
                continue
            if outcome.action is Action.ADD:
                added.append(_add_member(session, outcome.data, plan.today))
            elif outcome.action is Action.UPDATE and outcome.member_id is not None:
                _update_member(session, outcome.member_id, outcome.data, outcome.changes)
                updated.append(outcome.member_id)
        session.flush()
        added_ids = tuple(member.id for member in added)
    skipped = plan.counts[Action.SKIP]
    return ImportResult(added_ids, tuple(updated), skipped, backup)


def _recheck(book: Book, plan: ImportPlan) -> None:
    """The book may have changed since the plan was made: validate again."""
    service = MemberService(book, today=plan.today)
    problems = []
    for outcome in plan.rows:
        if outcome.data is None or outcome.action not in (Action.ADD, Action.UPDATE):
            continue
        try:
            service.validate(outcome.data, outcome.member_id)
        except ValidationError as error:
            problems += [
                FieldError(
                    "row",
                    _("row {row}: {problem}").format(row=outcome.row, problem=problem.message),
                )
                for problem in error.errors
            ]
    if problems:
        raise ValidationError(problems)


def _add_member(session: BookSession, data: MemberInput, today: date) -> Member:
    """A new member, as `MemberService.create` makes one: the profile, then the
    events of the two dates and the present situation, then the status."""
    member = Member(**{item.name: getattr(data, item.name) for item in fields(data)})
    member.events = initial_events(
        data.admission_date, data.official_date, data.status, today, data.home_cell
    )
    refresh_member(member)
    session.add(member)
    return member


def _update_member(
    session: BookSession, member_id: str, data: MemberInput, changes: tuple[str, ...]
) -> None:
    """Change the listed fields, as `MemberService.update` does: the status is
    left alone; the admission and official dates move their events."""
    member = session.get(Member, member_id)
    if member is None:
        raise ValidationError(
            [
                FieldError(
                    "row",
                    _("{name} is no longer in the book; check the list again.").format(
                        name=data.full_name
                    ),
                )
            ]
        )
    for name in changes:
        if name not in ("admission_date", "official_date"):
            setattr(member, name, getattr(data, name))
    if "admission_date" in changes:
        move_date_event(member, MemberEventKind.ADMISSION, data.admission_date)
        member.admission_date = data.admission_date
    if "official_date" in changes:
        move_date_event(member, MemberEventKind.RECOGNITION, data.official_date)
        member.official_date = data.official_date
    refresh_member(member)
