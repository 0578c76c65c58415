"""`cellbook search`: find text in a book, ignoring diacritics."""

from __future__ import annotations

import argparse

from desktop.i18n import _, ngettext


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(
            _("must be a whole number of at least 1: {value}").format(value=value)
        )
    return number


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "search",
        help=_("search a book"),
        description=_(
            "Search members, meetings, speeches, resolutions and recommendations. "
            "Diacritics may be left out: “dang vien” finds “đảng viên”."
        ),
    )
    parser.add_argument("file", metavar="FILE", help=_("the book file"))
    parser.add_argument("text", metavar="TEXT", help=_("what to look for"))
    parser.add_argument(
        "--limit",
        type=_positive,
        default=20,
        metavar="N",
        help=_("show at most N results (default 20)"),
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from desktop.cli.common import one_line, open_book
    from desktop.services.search import search_book

    with open_book(args.file) as book:
        results = search_book(book, args.text, limit=args.limit)
    if not results:
        print(_("No results for “{text}”.").format(text=args.text))
        return 0
    for result in results:
        title = one_line(result.title) or "–"
        print(f"[{result.kind_label}] {title}")
        print(f"    {one_line(result.snippet)}")
    count = len(results)
    print(ngettext("{count} result", "{count} results", count).format(count=count))
    return 0
