"""`cellbook keys export` and `cellbook enrol`: a book's key card, and enrolling
another book's card after the fingerprints were compared by eye.

`enrol` shows the card's organisation and fingerprint and asks on the terminal
whether it matches the one the other side reads out; `--yes` answers for a
script. Without a terminal and without `--yes` nothing is enrolled. Exit
status: 0 done, 2 refused (a card that cannot be used, fingerprints not
confirmed).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.i18n import _

if TYPE_CHECKING:
    from desktop.data.enums import PeerRole
    from desktop.services.book import Book
    from desktop.services.sync.keys import KeyCard

YES = frozenset({"y", "yes", "c", "co", "có"})


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    keys = commands.add_parser(
        "keys",
        help=_("export a book's public key card"),
        description=_(
            "A book's key card carries its public keys only: give it to the other book "
            "(the commune committee, or a cell) to enrol this one."
        ),
    )
    actions = keys.add_subparsers(dest="keys_action", required=True, metavar="{export}")
    exporting = actions.add_parser(
        "export",
        help=_("write the book's key card and print its fingerprint"),
        description=_(
            "Write the book's key card to a file and print its fingerprint. Read the "
            "fingerprint to the other side when they enrol the card, so they can check it "
            "is this book's."
        ),
    )
    exporting.add_argument("file", metavar="FILE", help=_("the book file"))
    exporting.add_argument(
        "--out", required=True, metavar="CARD", help=_("the card file to write (or a folder)")
    )
    exporting.set_defaults(run=run_export)

    enrol = commands.add_parser(
        "enrol",
        help=_("enrol another book's key card"),
        description=_(
            "Enrol another book from its key card, so that bundles can be exchanged with it. "
            "The card's fingerprint is shown: compare it with the one the other side reads "
            "out before answering."
        ),
    )
    enrol.add_argument("file", metavar="FILE", help=_("the book file"))
    enrol.add_argument("card", metavar="CARD", help=_("the other book's key card"))
    enrol.add_argument(
        "--yes",
        action="store_true",
        help=_("do not ask: the fingerprints have been compared already (for scripts)"),
    )
    enrol.set_defaults(run=run_enrol)


def _card_path(out: Path, book: Book) -> Path:
    """`out`, or in a folder the card's own name: "chi-bo-thon-an-hoa.cellbook-card"."""
    from desktop.data.text import fold
    from desktop.services.sync.keys import CARD_SUFFIX

    if not out.is_dir():
        return out
    stem = "-".join(word for word in fold(book.organisation().name).split() if word.isalnum())
    return out / f"{stem or 'so'}{CARD_SUFFIX}"


def run_export(args: argparse.Namespace) -> int:
    from desktop.cli.common import open_book
    from desktop.services.sync.identity import card_file_bytes, own_card

    out = Path(args.out)
    if not out.is_dir() and not out.parent.is_dir():
        print(
            _("The folder “{path}” does not exist. Nothing was written.").format(path=out.parent),
            file=sys.stderr,
        )
        return 2
    with open_book(args.file) as book:
        data = card_file_bytes(book)
        card = own_card(book)
        path = _card_path(out, book)
    partial = path.with_name(path.name + ".partial")
    partial.write_bytes(data)
    partial.replace(path)
    print(_("Wrote the key card of {name} to {path}.").format(name=card.org_name, path=path))
    print(_("Fingerprint: {fingerprint}").format(fingerprint=card.fingerprint))
    return 0


def _role_text(role: PeerRole) -> str:
    from desktop.data.enums import PeerRole

    return {
        PeerRole.CELL: _("a cell under this commune committee"),
        PeerRole.SUPERIOR: _("the commune committee over this cell"),
        PeerRole.SIBLING: _("this organisation's book on another computer"),
    }[role]


def _describe(card: KeyCard, role: PeerRole) -> None:
    print(_("Key card of: {name}").format(name=card.org_name))
    if card.commune_name:
        print(_("Commune: {name}").format(name=card.commune_name))
    print(_("It would be enrolled as {role}.").format(role=_role_text(role)))
    print(_("Fingerprint: {fingerprint}").format(fingerprint=card.fingerprint))


def _confirmed() -> bool:
    try:
        answer = input(_("Do the fingerprints match? [y/N] "))
    except EOFError:
        return False
    return answer.strip().lower() in YES


def run_enrol(args: argparse.Namespace) -> int:
    from desktop.cli.common import open_book
    from desktop.services.sync.identity import EnrolmentError, enrol, peer, read_card_for_enrolment
    from desktop.services.sync.keys import MAX_CARD_BYTES

    path = Path(args.card)
    try:
        with path.open("rb") as stream:
            data = stream.read(MAX_CARD_BYTES + 1)
    except OSError as error:
        print(
            _("The key card “{path}” cannot be read: {reason}").format(
                path=path, reason=error.strerror or error
            ),
            file=sys.stderr,
        )
        return 2
    with open_book(args.file, backup_on_close=True) as book:
        try:
            card, role = read_card_for_enrolment(book, data)
        except EnrolmentError as error:
            print(_("Not enrolled: {reason}").format(reason=error), file=sys.stderr)
            return 2
        _describe(card, role)
        if not args.yes:
            if not sys.stdin.isatty():
                print(
                    _(
                        "Not enrolled: the fingerprints must be compared by eye first. Run "
                        "this command in a terminal to answer, or add --yes once they have "
                        "been compared."
                    ),
                    file=sys.stderr,
                )
                return 2
            if not _confirmed():
                print(
                    _(
                        "Not enrolled: the fingerprints were not confirmed. Nothing was "
                        "changed. Ask the other side for a new card if they differ."
                    ),
                    file=sys.stderr,
                )
                return 2
        known = peer(book, card.book_id) is not None
        try:
            enrolled = enrol(book, data)
        except EnrolmentError as error:
            print(_("Not enrolled: {reason}").format(reason=error), file=sys.stderr)
            return 2
    if known:
        print(
            _("{name} was enrolled already. Nothing needed to change.").format(
                name=enrolled.org_name
            )
        )
    else:
        print(
            _("Enrolled {name}. Bundles can now be exchanged with it.").format(
                name=enrolled.org_name
            )
        )
    return 0
