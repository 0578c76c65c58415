"""`cellbook members`: import members from an Excel or CSV list, export the list.

`members import` prints what each row of the list does; without --dry-run it
writes the list when no row has an error. Exit status: 0 done (or, with
--dry-run, the list can be imported), 2 rows with errors or a list that
cannot be read (nothing is written).
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from desktop.i18n import _, ngettext

if TYPE_CHECKING:
    from desktop.services.member_import import ImportPlan


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "members",
        help=_("import members from a list, or export the list"),
        description=_("Import members from an Excel (.xlsx) or CSV list, or export the list."),
    )
    actions = parser.add_subparsers(dest="members_action", required=True, metavar="{import,export}")

    importing = actions.add_parser(
        "import",
        help=_("add and update members from an Excel (.xlsx) or CSV list"),
        description=_(
            "Read a list of members (.xlsx, or .csv in UTF-8, UTF-16 or Windows-1258), "
            "show what each row would do, and write it when no row has an error. Members "
            "already in the book are matched by card number, or name and date of birth, and "
            "only get what the list adds or changes. A backup copy of the book is made first."
        ),
    )
    importing.add_argument("file", metavar="FILE", help=_("the book file"))
    importing.add_argument("list", metavar="LIST", help=_("the list of members (.xlsx or .csv)"))
    importing.add_argument(
        "--dry-run",
        action="store_true",
        help=_("only show what would be done; write nothing"),
    )
    importing.add_argument(
        "--sheet",
        metavar="NAME",
        default=None,
        help=_("the sheet of the workbook to read (default: the first with a list of members)"),
    )
    importing.set_defaults(run=run_import)

    exporting = actions.add_parser(
        "export",
        help=_("write the list of members to an Excel (.xlsx) file"),
        description=_(
            "Write the members, in name order, to an Excel workbook for the commune: "
            "Vietnamese headers, dates as dd/mm/yyyy, ID and phone numbers kept as written."
        ),
    )
    exporting.add_argument("file", metavar="FILE", help=_("the book file"))
    exporting.add_argument(
        "--out", required=True, metavar="LIST.xlsx", help=_("the Excel file to write")
    )
    exporting.add_argument(
        "--include-past",
        action="store_true",
        help=_("also list members who left the cell, died or were removed"),
    )
    exporting.set_defaults(run=run_export)


def run_import(args: argparse.Namespace) -> int:
    from desktop.cli.common import open_book
    from desktop.services.member_import import apply_import, plan_import

    with open_book(args.file, backup_on_close=not args.dry_run) as book:
        plan = plan_import(book, args.list, sheet=args.sheet)
        print(report(plan))
        if not plan.ok:
            print(
                _(
                    "Nothing was written. Correct the rows with errors in the list "
                    "and import it again."
                ),
                file=sys.stderr,
            )
            return 2
        if args.dry_run:
            print(_("Dry run: nothing was written."))
            return 0
        result = apply_import(book, plan)
    print(
        _("Done: {added} added, {updated} updated. A backup copy was made first: {path}").format(
            added=len(result.added), updated=len(result.updated), path=result.backup
        )
    )
    return 0


def report(plan: ImportPlan) -> str:
    """The plan row by row (row number, action, name, reasons), then the counts."""
    from desktop.services.member_import import Action, action_label

    lines = [
        _("List: {path} (sheet “{sheet}”), header on row {row}").format(
            path=plan.source, sheet=plan.sheet, row=_rows(plan.mapping.header_rows)
        ),
        "",
    ]
    width = max((len(action_label(action)) for action in Action), default=0)
    for outcome in plan.rows:
        row = _("row {row}").format(row=outcome.row)
        lines.append(f"{row:<9} {action_label(outcome.action):<{width}}  {outcome.name}")
        lines += [f"{'':<9} {'':<{width}}    {reason}" for reason in outcome.reasons]
    counts = plan.counts
    total = len(plan.rows)
    if plan.ignored_rows:
        lines += [
            "",
            _("Rows passed over (no name, headings, the signature block): {rows}").format(
                rows=_ranges(plan.ignored_rows)
            ),
        ]
    lines += [
        "",
        ngettext("{count} row:", "{count} rows:", total).format(count=total)
        + " "
        + ", ".join(
            [
                _("{count} to add").format(count=counts[Action.ADD]),
                _("{count} to update").format(count=counts[Action.UPDATE]),
                _("{count} to skip").format(count=counts[Action.SKIP]),
                _("{count} with errors").format(count=counts[Action.ERROR]),
            ]
        )
        + ".",
    ]
    return "\n".join(lines)


def _ranges(numbers: list[int]) -> str:
    """[9, 21, 22, 23] -> "9, 21–23"."""
    parts: list[str] = []
    start = previous = None
    for number in [*sorted(numbers), None]:
        if start is not None and number == (previous or 0) + 1:
            previous = number
            continue
        if start is not None:
            parts.append(str(start) if start == previous else f"{start}–{previous}")
        start = previous = number
    return ", ".join(parts)


def _rows(numbers: tuple[int, ...]) -> str:
    if not numbers:
        return "–"
    if len(numbers) == 1:
        return str(numbers[0])
    return f"{numbers[0]}–{numbers[-1]}"


def run_export(args: argparse.Namespace) -> int:
    from desktop.cli.common import open_book
    from desktop.services.member_export import export_members
    from desktop.services.members import MemberService

    with open_book(args.file) as book:
        count = len(MemberService(book).rows(include_past=args.include_past))
        path = export_members(book, args.out, include_past=args.include_past)
    print(
        ngettext(
            "Wrote {count} member to {path}.", "Wrote {count} members to {path}.", count
        ).format(count=count, path=path)
    )
    return 0
