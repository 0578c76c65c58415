"""`cellbook bundle export` and `cellbook bundle import`: hand records to an
enrolled book in a file, and take in the files it sends back.

`bundle import` takes several files at once (a stick brought from the commune
or from several cells), with one backup copy before the first change, and
says for each whether it was imported, had been imported before, or was
refused and why. Exit status: 0 when every bundle is imported (now or before),
2 when any was refused or could not be made.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.i18n import N_, _

if TYPE_CHECKING:
    from desktop.export.bundle.exchange import ImportRefused, ImportResult
    from desktop.services.book import Book
    from desktop.services.sync.apply import Applied
    from desktop.services.sync.identity import Peer

# What a bundle carries, by table, in the order a reader expects.
TABLE_LABELS: dict[str, str] = {
    "organisation": N_("Organisations"),
    "committee_term": N_("Committee terms"),
    "committee_post": N_("Committee posts"),
    "member": N_("Members"),
    "member_event": N_("Member life events"),
    "meeting": N_("Meetings"),
    "agenda_item": N_("Agenda items"),
    "attendance": N_("Attendance records"),
    "meeting_guest": N_("Guests at meetings"),
    "speech": N_("Speeches"),
    "resolution": N_("Resolutions"),
    "resolution_task": N_("Resolution tasks"),
    "meeting_amendment": N_("Amendments to minutes"),
    "document_record": N_("Numbered documents"),
    "recommendation": N_("Recommendations"),
    "review_campaign": N_("Reviews of the year"),
    "member_review": N_("Members' reviews"),
    "emulation_pledge": N_("Emulation pledges"),
    "commendation": N_("Commendations"),
    "shared_document": N_("Documents (PDF)"),
    "commune_decision": N_("Decisions of the commune"),
    "deleted": N_("Deleted records"),
}


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "bundle",
        help=_("exchange records with an enrolled book through bundle files"),
        description=_(
            "Make a bundle file for an enrolled book (the commune committee, or a cell), "
            "or import bundles it sent."
        ),
    )
    actions = parser.add_subparsers(dest="bundle_action", required=True, metavar="{export,import}")

    exporting = actions.add_parser(
        "export",
        help=_("make the next bundle for an enrolled book"),
        description=_(
            "Make the next bundle for an enrolled book: everything it is to see that it has "
            "not yet acknowledged (or everything, with --full). The bundle is kept in the "
            "book too, so it can be saved again."
        ),
    )
    exporting.add_argument("file", metavar="FILE", help=_("the book file"))
    exporting.add_argument(
        "--out",
        required=True,
        metavar="BUNDLE",
        help=_("the bundle file to write, or a folder (the bundle's own name is used)"),
    )
    exporting.add_argument(
        "--to",
        metavar="BOOK",
        default=None,
        help=_(
            "the enrolled book to make it for: its name or book id "
            "(needed only when several books are enrolled)"
        ),
    )
    exporting.add_argument(
        "--full",
        action="store_true",
        help=_("carry every record, not only what changed (when the other book asks for it)"),
    )
    exporting.set_defaults(run=run_export)

    importing = actions.add_parser(
        "import",
        help=_("import bundles sent by enrolled books"),
        description=_(
            "Check and import bundles: each is verified first, a bundle imported before "
            "changes nothing, and a refused bundle changes nothing. A backup copy of the book "
            "is made before the first change."
        ),
    )
    importing.add_argument("file", metavar="FILE", help=_("the book file"))
    importing.add_argument(
        "bundles", metavar="BUNDLE", nargs="+", help=_("the bundle files to import")
    )
    importing.set_defaults(run=run_import)


# --- export ---------------------------------------------------------------------------------


def carried(summary: Mapping[str, int]) -> list[str]:
    """ "Meetings: 3" lines for a bundle's summary, in the order of `TABLE_LABELS`."""
    order = {name: index for index, name in enumerate(TABLE_LABELS)}
    lines = []
    for name in sorted(summary, key=lambda name: (order.get(name, len(order)), name)):
        if summary[name]:
            label = _(TABLE_LABELS[name]) if name in TABLE_LABELS else name
            lines.append(f"  {label}: {summary[name]}")
    return lines


def _choose(book: Book, wanted: str | None) -> Peer | str:
    """The enrolled book to make the bundle for, or why there is none."""
    from desktop.data.text import fold
    from desktop.services.sync.identity import peers

    enrolled = peers(book)
    if not enrolled:
        return _(
            "No book is enrolled in this book yet. Enrol the other book's key card first "
            "(cellbook enrol)."
        )
    if wanted is None:
        if len(enrolled) == 1:
            return enrolled[0]
        matches = enrolled
    else:
        key = fold(wanted)
        matches = [p for p in enrolled if p.book_id == wanted or fold(p.org_name) == key]
        if not matches:
            matches = [
                p
                for p in enrolled
                if (len(wanted) >= 4 and p.book_id.startswith(wanted)) or key in fold(p.org_name)
            ]
        if len(matches) == 1:
            return matches[0]
        if not matches:
            return _("No enrolled book is called “{name}”. Enrolled books:").format(
                name=wanted
            ) + "".join(f"\n  {p.org_name} ({p.book_id})" for p in enrolled)
    return _("Several books are enrolled: say which one with --to (a name or a book id):") + (
        "".join(f"\n  {p.org_name} ({p.book_id})" for p in matches)
    )


def run_export(args: argparse.Namespace) -> int:
    from desktop.cli.common import open_book
    from desktop.export.bundle.exchange import make_bundle

    out = Path(args.out)
    if not out.is_dir() and not out.parent.is_dir():
        print(
            _("The folder “{path}” does not exist. Nothing was made.").format(path=out.parent),
            file=sys.stderr,
        )
        return 2
    with open_book(args.file, backup_on_close=True) as book:
        target = _choose(book, args.to)
        if isinstance(target, str):
            print(target, file=sys.stderr)
            return 2
        made = make_bundle(book, target.book_id, full=args.full)
    try:
        path = made.save(out)
    except OSError as error:
        print(
            _(
                "Bundle {number} for {name} was made but could not be written: {reason}. "
                "It is kept in the book: save it again from the Sync page."
            ).format(number=made.sequence, name=made.peer.org_name, reason=error.strerror or error),
            file=sys.stderr,
        )
        return 2
    made_text = (
        _("Made full bundle {number} for {name}: {path} ({size})")
        if made.full
        else _("Made bundle {number} for {name}: {path} ({size})")
    )
    print(
        made_text.format(number=made.sequence, name=made.peer.org_name, path=path, size=_size(path))
    )
    lines = carried(made.summary)
    if lines:
        print(_("It carries:"))
        print("\n".join(lines))
    else:
        print(
            _("It carries no records, only the receipt of what came from {name}.").format(
                name=made.peer.org_name
            )
        )
    return 0


def _size(path: Path) -> str:
    from desktop.i18n import format_number

    size = path.stat().st_size
    if size < 1024 * 1024:
        return _("{size} KB").format(size=format_number(max(1, round(size / 1024))))
    return _("{size} MB").format(size=format_number(size / (1024 * 1024), 1))


# --- import ---------------------------------------------------------------------------------


def _applied_lines(applied: Applied) -> list[str]:
    counts: dict[str, int] = {}
    for table, count in (*applied.added.items(), *applied.changed.items()):
        counts[table] = counts.get(table, 0) + count
    if applied.deleted:
        counts["deleted"] = applied.deleted
    lines = carried(counts)
    if applied.decisions_applied:
        lines.append(
            "  "
            + _("Decisions of the commune taken into this book's records: {count}").format(
                count=applied.decisions_applied
            )
        )
    if applied.conflicts:
        lines.append(
            "  "
            + _(
                "Records changed in both books: {count}. The newer version was kept; the "
                "other is kept too and shown on the Sync page."
            ).format(count=applied.conflicts)
        )
    if applied.rules_installed:
        lines.append("  " + _("Rule set put in force: {name}").format(name=applied.rules_installed))
    if applied.topics_installed:
        lines.append(
            "  " + _("Topic library received: {name}").format(name=applied.topics_installed)
        )
    return lines


def _report(path: Path, outcome: ImportResult | ImportRefused) -> bool:
    """Print what happened to one bundle; True unless it was refused."""
    from desktop.export.bundle.exchange import ImportRefused, ImportStatus

    if isinstance(outcome, ImportRefused):
        print(f"{path.name}: " + _("refused. {reason}").format(reason=outcome), file=sys.stderr)
        return False
    print(f"{path.name}: {outcome.message}")
    if outcome.status is ImportStatus.IMPORTED and outcome.applied is not None:
        lines = _applied_lines(outcome.applied)
        print("\n".join(lines) if lines else "  " + _("No new records."))
    return True


def run_import(args: argparse.Namespace) -> int:
    from desktop.cli.common import open_book
    from desktop.export.bundle.exchange import ImportRefused, import_bundles
    from desktop.export.bundle.format import BundleError, read_bundle_file

    paths = [Path(name) for name in args.bundles]
    outcomes: dict[int, ImportResult | ImportRefused] = {}
    readable: list[tuple[int, bytes]] = []
    for index, path in enumerate(paths):
        try:
            readable.append((index, read_bundle_file(path)))
        except BundleError as error:
            outcomes[index] = ImportRefused(f"{error} " + _("Nothing was changed."))
        except OSError as error:
            outcomes[index] = ImportRefused(
                _("The file cannot be read: {reason}").format(reason=error.strerror or error)
            )
    with open_book(args.file, backup_on_close=True) as book:
        if readable:
            results = import_bundles(book, [data for _index, data in readable])
            outcomes.update(zip((index for index, _data in readable), results, strict=True))
    ok = True
    for index, path in enumerate(paths):
        ok = _report(path, outcomes[index]) and ok
    backups = [
        outcome.backup
        for outcome in outcomes.values()
        if not isinstance(outcome, ImportRefused) and outcome.backup is not None
    ]
    if backups:
        print(_("A backup copy was made before the import: {path}").format(path=backups[0]))
    return 0 if ok else 2
