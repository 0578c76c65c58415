"""`cellbook check`: is the book sound?"""

from __future__ import annotations

import argparse

from desktop.i18n import _


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "check",
        help=_("check a book for damage"),
        description=_(
            "Open a book (bringing an older one up to date after a backup) and run SQLite's "
            "integrity and foreign-key checks. Exit status: 0 sound, 1 problems found, "
            "2 the file could not be opened as a book."
        ),
    )
    parser.add_argument("file", metavar="FILE", help=_("the book file"))
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from desktop.cli.common import open_book
    from desktop.data.schema import SCHEMA_VERSION

    with open_book(args.file) as book:
        problems = book.integrity_problems()
    if problems:
        print(_("The book has {count} problem(s):").format(count=len(problems)))
        for problem in problems:
            print(f"  {problem}")
        return 1
    print(
        "OK – " + _("the book is sound (schema version {version}).").format(version=SCHEMA_VERSION)
    )
    return 0
