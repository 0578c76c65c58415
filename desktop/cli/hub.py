"""`cellbook hub`: run a mailbox hub, register a book at one, and send and fetch
a book's bundles through it once.

`hub serve` needs the optional `hub` dependencies (FastAPI and uvicorn,
`pip install 'cellbook[hub]'`); they are imported only when it runs. With a
PostgreSQL URL (`postgresql+psycopg://user:password@host/hub`) it also needs
`pip install psycopg`.
"""

from __future__ import annotations

import argparse
import sys

from desktop.i18n import _, ngettext

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8765
HUB_DB_NAME = "hub.sqlite"


def _port(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if not 1 <= number <= 65535:
        raise argparse.ArgumentTypeError(
            _("must be a port number from 1 to 65535: {value}").format(value=value)
        )
    return number


def add_hub_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "hub",
        help=_("run a mailbox hub, or send and fetch bundles through one"),
        description=_(
            "A hub keeps bundles for the books registered with it until they fetch them. "
            "It cannot read them: bundles are signed and encrypted from book to book."
        ),
    )
    actions = parser.add_subparsers(dest="hub_command", required=True, metavar="ACTION")

    serve = actions.add_parser(
        "serve",
        help=_("run a hub"),
        description=_(
            "Run a hub until it is stopped (Ctrl+C). Messages are kept in a SQLite file in "
            "the user data folder, or in the database given with --db (for PostgreSQL, "
            "postgresql+psycopg://user:password@host/name, with psycopg installed)."
        ),
    )
    serve.add_argument(
        "--db", metavar="URL", default="", help=_("database URL (default: hub.sqlite)")
    )
    serve.add_argument(
        "--host",
        metavar="H",
        default=DEFAULT_HOST,
        help=_("address to listen on (default 127.0.0.1; 0.0.0.0 for every network)"),
    )
    serve.add_argument(
        "--port",
        metavar="N",
        type=_port,
        default=DEFAULT_PORT,
        help=_("port to listen on (default 8765)"),
    )
    serve.set_defaults(run=run_serve)

    registration = actions.add_parser(
        "register",
        help=_("register a book at a hub"),
        description=_("Set the book's hub address and register the book there."),
    )
    registration.add_argument("file", metavar="FILE", help=_("the book file"))
    registration.add_argument("--url", metavar="URL", required=True, help=_("the hub's address"))
    registration.set_defaults(run=run_register)

    sync = actions.add_parser(
        "sync",
        help=_("send and fetch a book's bundles through its hub once"),
        description=_(
            "Send the bundles waiting in the book's outbox to its hub, then fetch and import "
            "what the hub holds for the book."
        ),
    )
    sync.add_argument("file", metavar="FILE", help=_("the book file"))
    sync.set_defaults(run=run_sync)


register = add_hub_commands  # the name `desktop.cli.main` calls on every command module


def default_db_url() -> str:
    from desktop.paths import user_data_dir

    return f"sqlite:///{user_data_dir() / HUB_DB_NAME}"


def run_serve(args: argparse.Namespace) -> int:
    try:
        import fastapi  # noqa: F401
        import uvicorn  # noqa: F401
    except ImportError:
        print(
            _(
                "The hub needs FastAPI and uvicorn, which are not installed. "
                "Install them with: pip install 'cellbook[hub]'"
            ),
            file=sys.stderr,
        )
        return 2
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    db_url = args.db or default_db_url()
    try:
        shown = make_url(db_url).render_as_string(hide_password=True)
    except ArgumentError:
        print(_("This is not a database URL: {url}").format(url=db_url), file=sys.stderr)
        return 2
    from desktop.hub.serve import serve

    print(
        _("Hub at http://{host}:{port}, keeping messages in {db}. Ctrl+C stops it.").format(
            host=args.host, port=args.port, db=shown
        ),
        flush=True,
    )
    try:
        serve(db_url, args.host, args.port)
    except ImportError as error:  # a database driver that is not installed
        print(
            _("The database driver {name} is not installed (pip install {name}).").format(
                name=error.name or "psycopg"
            ),
            file=sys.stderr,
        )
        return 2
    return 0


def run_register(args: argparse.Namespace) -> int:
    from desktop.cli.common import open_book
    from desktop.export.bundle.outbox import HubAddressError, register_at_hub, set_hub_url
    from desktop.services.sync.hub_client import HubError

    with open_book(args.file, backup_on_close=True) as book:
        try:
            settings = set_hub_url(book, args.url)
            register_at_hub(book)
        except (HubAddressError, HubError) as error:
            print(str(error), file=sys.stderr)
            return 2
        name = book.organisation().name
    print(_("{name} is registered at the hub {url}.").format(name=name, url=settings.url))
    return 0


def run_sync(args: argparse.Namespace) -> int:
    from desktop.cli.common import one_line, open_book
    from desktop.export.bundle.outbox import OutboxRunner, hub_settings

    with open_book(args.file, backup_on_close=True) as book:
        if not hub_settings(book).registered:
            print(
                _(
                    "This book is not registered at a hub. "
                    "Run: cellbook hub register FILE --url URL"
                ),
                file=sys.stderr,
            )
            return 2
        report = OutboxRunner(book).run_once()
    print(
        ngettext("{count} bundle sent.", "{count} bundles sent.", report.sent).format(
            count=report.sent
        )
    )
    for result in report.imported:
        print(one_line(result.message))
    for message in report.refused:
        print(one_line(message))
    if report.error is not None:
        print(one_line(report.error), file=sys.stderr)
        return 2
    if not report.imported and not report.refused:
        print(_("Nothing came in from the hub."))
    return 0
