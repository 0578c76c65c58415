"""The outbox: bundles made here wait in the book (`BundleLog` "out" with their
bytes) until the hub has them; what the hub holds for this book is fetched and
imported. Plain Python: the app runs `OutboxRunner.run_once` on a worker
thread and waits `next_delay` seconds before the next round.

When the hub cannot be reached the bundle stays in the outbox with its
attempts, the error and when to try again (30 s, doubling up to 30 min), and
the next round comes after the same back-off; a good round brings the normal
interval (5 min) back. Nothing happens without a hub address and a token.
"""

from __future__ import annotations

import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import select

from desktop.data.errors import BookFileError
from desktop.data.models import BundleLog, SyncIdentity, SyncPeer
from desktop.data.types import utcnow
from desktop.export.bundle.exchange import (
    ImportRefused,
    ImportResult,
    ImportStatus,
    import_bundles,
)
from desktop.i18n import _
from desktop.services.book import Book
from desktop.services.sync.hub_client import (
    HubClient,
    HubError,
    HubRefused,
    HubUnavailable,
    InboxItem,
    registration_proof,
)
from desktop.services.sync.identity import book_keys, card_file_bytes

NORMAL_DELAY = 5 * 60.0  # seconds between rounds when all is well
FIRST_RETRY = 30.0  # after a failure, doubling each time ...
MAX_RETRY = 30 * 60.0  # ... up to this
MORE_WAITING_DELAY = 5.0  # the hub holds more than one round takes in
MAX_ROUND_BYTES = 256 * 1024 * 1024  # what one round fetches at most (one bundle at least)


def retry_delay(failures: int) -> float:
    """Seconds to wait after `failures` failures in a row (30, 60, 120 … 1800)."""
    if failures <= 0:
        return NORMAL_DELAY
    return min(FIRST_RETRY * 2 ** min(failures - 1, 20), MAX_RETRY)


# --- the book's hub settings ----------------------------------------------------------------


class HubAddressError(ValueError):
    """A hub address that cannot be used; the message says why."""


@dataclass(frozen=True)
class HubSettings:
    url: str
    token: str
    registered: bool


def hub_settings(book: Book) -> HubSettings:
    with book.reader() as session:
        identity = session.get(SyncIdentity, 1)
        url = identity.hub_url if identity is not None else ""
        token = identity.hub_token if identity is not None else ""
    return HubSettings(url=url or "", token=token or "", registered=bool(url and token))


def normalise_hub_url(url: str) -> str:
    """`url` checked (http or https, a host, nothing after the path) and tidied."""
    text = url.strip()
    if not text:
        return ""
    try:
        parts = urllib.parse.urlsplit(text)
        parts.port  # noqa: B018  (raises for a port that is not a number)
    except ValueError:
        parts = None
    if (
        parts is None
        or parts.scheme.lower() not in ("http", "https")
        or not parts.hostname
        or parts.username is not None
        or parts.query
        or parts.fragment
        or len(text) > 300
    ):
        raise HubAddressError(
            _(
                "This is not a hub address. It looks like https://hub.example.vn or "
                "http://192.168.1.10:8765."
            )
        )
    return urllib.parse.urlunsplit(
        (parts.scheme.lower(), parts.netloc, parts.path.rstrip("/"), "", "")
    )


def set_hub_url(book: Book, url: str) -> HubSettings:
    """Set (or, with "", clear) the hub's address; another address drops the token."""
    address = normalise_hub_url(url)
    book_keys(book)  # makes the identity row if the book has none yet
    with book.session() as session:
        identity = session.get(SyncIdentity, 1)
        assert identity is not None
        if identity.hub_url != address:
            identity.hub_url = address
            identity.hub_token = ""
    return hub_settings(book)


def register_at_hub(book: Book, client: HubClient | None = None) -> None:
    """Register the book at its hub with its key card and keep the token.

    Raises `HubAddressError` without an address, `HubUnavailable` or `HubRefused`.
    """
    settings = hub_settings(book)
    if not settings.url:
        raise HubAddressError(_("Set the hub's address first."))
    hub = client or HubClient(settings.url)
    card = card_file_bytes(book)
    token = hub.register(card, registration_proof(book_keys(book).signing_private, card))
    with book.session() as session:
        identity = session.get(SyncIdentity, 1)
        assert identity is not None
        identity.hub_token = token


# --- what waits to be sent ------------------------------------------------------------------


@dataclass(frozen=True)
class OutboxItem:
    log_id: int
    peer_book_id: str
    peer_name: str
    sequence: int
    full: bool
    size: int
    created_at: datetime
    attempts: int
    last_error: str
    next_try_at: datetime | None


def pending(book: Book) -> list[OutboxItem]:
    """Bundles made here that the hub does not have yet, oldest first.

    A bundle the other book has already acknowledged (it came by file) no
    longer waits.
    """
    with book.reader() as session:
        names = {
            row.book_id: row.org_name
            for row in session.execute(select(SyncPeer.book_id, SyncPeer.org_name))
        }
        logs = session.scalars(
            select(BundleLog)
            .where(
                BundleLog.direction == "out",
                BundleLog.sent_at.is_(None),
                BundleLog.acknowledged_at.is_(None),
            )
            .order_by(BundleLog.id)
        )
        return [
            OutboxItem(
                log_id=log.id,
                peer_book_id=log.peer_book_id,
                peer_name=names.get(log.peer_book_id, ""),
                sequence=log.sequence,
                full=log.full,
                size=log.size,
                created_at=log.created_at,
                attempts=log.attempts,
                last_error=log.last_error,
                next_try_at=log.next_try_at,
            )
            for log in logs
        ]


# --- one round ------------------------------------------------------------------------------


@dataclass
class RunReport:
    sent: int = 0
    imported: list[ImportResult] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)
    error: str | None = None
    next_delay: float = NORMAL_DELAY

    def note(self, message: str) -> None:
        """Keep the first problem of the round as its error."""
        if self.error is None:
            self.error = message


class OutboxRunner:
    """Sends the outbox and takes in the inbox, one round per `run_once`.

    Keeps the count of failed rounds in a row for the back-off; everything it
    does to the book goes through the book's own sessions, so it may run on
    another thread than the UI.
    """

    def __init__(
        self,
        book: Book,
        client_factory: Callable[[str, str], HubClient] = HubClient,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        self.book = book
        self.client_factory = client_factory
        self.clock = clock
        self.failures = 0

    def run_once(self) -> RunReport:
        report = RunReport()
        try:
            settings = hub_settings(self.book)
            if not settings.registered:
                self.failures = 0
                return report
            client = self.client_factory(settings.url, settings.token)
            stop, more = self._send(client, report), False
            if not stop:
                stop, more = self._receive(client, report)
        except BookFileError as error:
            report.note(error.message)
            stop, more = True, False
        if stop:
            self.failures += 1
            report.next_delay = retry_delay(self.failures)
        else:
            self.failures = 0
            report.next_delay = MORE_WAITING_DELAY if more else NORMAL_DELAY
        return report

    # --- sending -------------------------------------------------------------------------

    def _send(self, client: HubClient, report: RunReport) -> bool:
        """Send what is due; True if the round must stop (hub down or book refused)."""
        now = self.clock()
        held: set[str] = set()  # peers whose earlier bundle waits: keep their order
        for item in pending(self.book):
            if item.peer_book_id in held:
                continue
            if item.next_try_at is not None and item.next_try_at > now:
                held.add(item.peer_book_id)
                continue
            try:
                client.send(item.peer_book_id, self._bundle_bytes(item.log_id))
            except HubError as error:
                self._note_failure(item.log_id, error, now)
                report.note(str(error))
                if _stops(error):
                    return True
                held.add(item.peer_book_id)
                continue
            self._note_sent(item.log_id, now)
            report.sent += 1
        return False

    def _bundle_bytes(self, log_id: int) -> bytes:
        with self.book.reader() as session:
            data = session.scalar(select(BundleLog.data).where(BundleLog.id == log_id))
            return bytes(data or b"")

    def _note_sent(self, log_id: int, now: datetime) -> None:
        with self.book.session() as session:
            log = session.get(BundleLog, log_id)
            assert log is not None
            log.sent_at = now
            log.attempts += 1
            log.last_error = ""
            log.next_try_at = None

    def _note_failure(self, log_id: int, error: HubError, now: datetime) -> None:
        with self.book.session() as session:
            log = session.get(BundleLog, log_id)
            assert log is not None
            log.attempts += 1
            log.last_error = str(error)
            log.next_try_at = now + timedelta(seconds=retry_delay(log.attempts))

    # --- receiving -----------------------------------------------------------------------

    def _receive(self, client: HubClient, report: RunReport) -> tuple[bool, bool]:
        """Fetch and import what waits on the hub. Returns (stop, more): stop if the
        hub went away or refused the book, more if more waits than one round takes.
        What was fetched before a failure is still imported."""
        try:
            waiting = client.inbox()
        except HubError as error:
            report.note(str(error))
            return _stops(error), False
        chosen = _one_round(waiting)
        fetched: list[tuple[str, bytes]] = []
        stop = False
        for item in chosen:
            try:
                fetched.append((item.id, client.fetch(item.id)))
            except HubRefused as error:
                if error.status == 401:
                    report.note(str(error))
                    stop = True
                    break
                if error.status != 404:  # 404: gone meanwhile (another round took it)
                    report.refused.append(str(error))
                    stop = not self._delete(client, item.id, report)
            except HubUnavailable as error:
                report.note(str(error))
                stop = True
            if stop:
                break
        if fetched:
            results = import_bundles(self.book, [data for _id, data in fetched])
            for (message_id, _data), result in zip(fetched, results, strict=True):
                if isinstance(result, ImportRefused):
                    if result.missing:
                        continue  # an earlier bundle is still to come: keep this one
                    report.refused.append(str(result))
                elif result.status is ImportStatus.IMPORTED:
                    report.imported.append(result)
                if not stop and not self._delete(client, message_id, report):
                    stop = True
        return stop, not stop and len(chosen) < len(waiting)

    @staticmethod
    def _delete(client: HubClient, message_id: str, report: RunReport) -> bool:
        """Remove a message from the hub; False if the hub went away."""
        try:
            client.delete(message_id)
        except HubRefused:
            return True  # already gone
        except HubUnavailable as error:
            report.note(str(error))
            return False
        return True


def _stops(error: HubError) -> bool:
    """Whether a failure ends the round and backs off: the hub is down, or it
    no longer knows this book (a per-bundle refusal does not)."""
    return isinstance(error, HubUnavailable) or error.status == 401


def _one_round(waiting: list[InboxItem]) -> list[InboxItem]:
    """The oldest messages up to `MAX_ROUND_BYTES` (always at least one)."""
    chosen: list[InboxItem] = []
    total = 0
    for item in waiting:
        total += max(item.size, 0)
        if chosen and total > MAX_ROUND_BYTES:
            break
        chosen.append(item)
    return chosen
