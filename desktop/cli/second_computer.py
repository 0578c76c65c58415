"""`cellbook second-computer FILE --out COPY`: the same cell's book for a second
computer. The copy is a book of its own (new number, new keys); the two are
enrolled with each other and exchange bundles from then on. The commune
enrols the copy's key card like any other book."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop.i18n import _


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "second-computer",
        help=_("make a copy of a book for a second computer"),
        description=_(
            "Make a copy of the book for a second computer of the same organisation. The "
            "copy gets its own book number and keys; the two books are enrolled with each "
            "other and exchange bundles. The commune enrols the copy's key card too."
        ),
    )
    parser.add_argument("file", metavar="FILE", help=_("the book file"))
    parser.add_argument("--out", required=True, metavar="COPY", help=_("the copy to write"))
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from desktop.cli.common import device_id, open_book
    from desktop.data.errors import BookFileError
    from desktop.services.sync.keys import fingerprint
    from desktop.services.sync.second_computer import copy_for_second_computer

    target = Path(args.out)
    if target.exists() or not target.parent.is_dir():
        print(
            _("“{path}” already exists or its folder does not. Nothing was written.").format(
                path=target
            ),
            file=sys.stderr,
        )
        return 2
    with open_book(args.file) as book:
        try:
            copy = copy_for_second_computer(book, target, device_id=device_id())
        except BookFileError as error:
            print(str(error), file=sys.stderr)
            return 2
    print(_("Wrote the copy for a second computer to {path}.").format(path=target))
    print(
        _("Fingerprint of the copy: {fingerprint}").format(
            fingerprint=fingerprint(copy.book_id, copy.signing_public, copy.encryption_public)
        )
    )
    return 0
