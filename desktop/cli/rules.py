"""`cellbook rules install`: put a commune's rule file in force in a book."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop.i18n import _


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "rules",
        help=_("manage a book's rule set"),
        description=_("Manage the rule set (scoring, quotas, dues, layouts) a book works with."),
    )
    actions = parser.add_subparsers(dest="rules_command", required=True, metavar="ACTION")
    install = actions.add_parser(
        "install",
        help=_("check a rule file and put it in force"),
        description=_(
            "Check a rule file and make it the book's rule set. A broken file is refused and "
            "the rule set in force stays."
        ),
    )
    install.add_argument("file", metavar="FILE", help=_("the book file"))
    install.add_argument("rules", metavar="RULES.json", help=_("the rule file"))
    install.set_defaults(run=run_install)


def run_install(args: argparse.Namespace) -> int:
    from desktop.cli.common import open_book

    with open_book(args.file, backup_on_close=True) as book:
        rules = book.install_rule_file(Path(args.rules))
    print(
        _("Rule set in force: {title} ({id}, version {version}).").format(
            title=rules.title, id=rules.rule_set_id, version=rules.version
        )
    )
    return 0
