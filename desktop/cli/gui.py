"""`cellbook gui`: start the desktop app (Qt is imported only here, and only when run)."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop.i18n import LANGUAGES, _


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "gui",
        help=_("start the desktop app"),
        description=_("Start the CellBook window, optionally opening a book."),
    )
    parser.add_argument("file", nargs="?", metavar="FILE", help=_("a book to open"))
    parser.add_argument(
        "--smoke",
        action="store_true",
        help=_("open the window, check it starts, and quit (for tests and installers)"),
    )
    parser.add_argument(
        "--lang", choices=sorted(LANGUAGES), default=None, help=_("language of the app")
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from desktop.ui.app import run_gui

    language = args.lang or args.global_lang
    return run_gui(Path(args.file) if args.file else None, smoke=args.smoke, language=language)
