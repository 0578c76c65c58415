"""The `cellbook` command: parse the arguments, set the language, run one command.

Exit status: 0 done, 1 the book has problems (`check`), 2 the command could
not be done (a file that is not a book, a broken rule file, bad arguments).
Anything else that goes wrong is a bug and is not hidden.
"""

from __future__ import annotations

import argparse
import sys

from desktop import __version__
from desktop.cli import (
    bundle,
    check,
    demo,
    export,
    gui,
    hub,
    info,
    keys,
    members,
    rules,
    search,
    second_computer,
)
from desktop.i18n import LANGUAGES, _, set_language

COMMANDS = (
    demo,
    info,
    check,
    search,
    members,
    rules,
    export,
    keys,
    bundle,
    hub,
    second_computer,
    gui,
)


def _language(argv: list[str]) -> str:
    """The language for messages: `--lang` if given, else the user's setting."""
    early = argparse.ArgumentParser(add_help=False)
    early.add_argument("--lang")
    known, _rest = early.parse_known_args(argv)
    if known.lang:
        return str(known.lang)
    from desktop.services.settings import load_settings

    return load_settings().language or "vi"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="cellbook",
        description=_("CellBook (Sổ Chi bộ): the offline desk of a party cell secretary."),
    )
    parser.add_argument("--version", action="version", version=f"cellbook {__version__}")
    parser.add_argument(
        "--lang",
        dest="global_lang",
        choices=sorted(LANGUAGES),
        default=None,
        help=_("language of messages (default: the language chosen in the app)"),
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for command in COMMANDS:
        command.register(commands)
    return parser


def main(argv: list[str] | None = None) -> int:
    if argv is None:  # the program itself (not a test calling in): report crashes
        from desktop.crash import install

        install()
    arguments = list(sys.argv[1:] if argv is None else argv)
    set_language(_language(arguments))
    parser = build_parser()
    try:
        args = parser.parse_args(arguments)
    except SystemExit as stop:  # --help, --version and usage errors
        return stop.code if isinstance(stop.code, int) else (0 if stop.code is None else 2)
    return _run(args)


def _run(args: argparse.Namespace) -> int:
    from desktop.data.errors import BookFileError
    from desktop.rules import RuleSetError
    from desktop.services.validation import ValidationError

    try:
        return int(args.run(args))
    except BookFileError as error:
        print(error.message, file=sys.stderr)
        return 2
    except (ValidationError, RuleSetError) as error:
        print(str(error), file=sys.stderr)
        return 2
