"""What the Sync page does with the hub: connect the book, show how the last
round of the outbox went and when the next one comes, start a round now."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from desktop.data.errors import BookFileError
from desktop.i18n import _, ngettext
from desktop.ui.qt.core import QObject, QTimer
from desktop.ui.qt.widgets import QMessageBox, QWidget
from desktop.ui.sync import outbox_worker
from desktop.ui.sync.hub import HubSection, round_text
from desktop.ui.sync.tasks import Tasks

if TYPE_CHECKING:
    from desktop.services.book import Book

STATUS_REFRESH_MS = 20000  # "next try in N minutes" stays true while the page is shown


def _hub_errors() -> tuple[tuple[type[Exception], ...], tuple[type[Exception], ...]]:
    """(unavailable, refused) error classes of the hub client; none without one."""
    try:
        from desktop.services.sync.hub_client import HubRefused, HubUnavailable
    except ImportError:
        return (), ()
    return (HubUnavailable,), (HubRefused,)


def hub_problem(error: Exception) -> str:
    """What went wrong with the hub, in plain words."""
    unavailable, refused = _hub_errors()
    if isinstance(error, unavailable):
        return _(
            "The hub could not be reached. Check that the computer has internet and that the "
            "address is right, then press Connect again. Nothing was changed."
        )
    if isinstance(error, refused):
        return _("The hub refused this book: {reason}").format(reason=error)
    if isinstance(error, BookFileError):
        return error.message
    if isinstance(error, ValueError):
        return str(error)
    return _("Connecting to the hub did not work. Nothing was changed; try again later.")


def waiting_by_peer(items: list[Any]) -> dict[str, int]:
    """Outbox bundles counted by the book they are for."""
    return dict(Counter(str(getattr(item, "peer_book_id", "")) for item in items))


class HubControl(QObject):
    def __init__(
        self,
        page: QWidget,
        section: HubSection,
        book: Callable[[], Book],
        source: Callable[[], Any],
        tasks: Tasks,
        status: Callable[[str], None],
        reload: Callable[[], None],
    ) -> None:
        super().__init__(page)
        self.page = page
        self.section = section
        self._book = book
        self._source = source  # the window's BookHandle, or the book
        self.tasks = tasks
        self._status = status
        self._reload = reload
        self.worker: outbox_worker.OutboxWorker | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(STATUS_REFRESH_MS)
        self.timer.timeout.connect(self.show_round)
        self.timer.start()

    # --- reading -------------------------------------------------------------------------

    def state(self) -> tuple[Any, bool]:
        """The outbox module (None without one) and whether the book is connected."""
        outbox = outbox_worker.outbox_module()
        if outbox is None:
            return None, False
        settings = outbox.hub_settings(self._book())
        return outbox, bool(settings.url and settings.token and settings.registered)

    def waiting(self, outbox: Any) -> list[Any]:
        try:
            return list(outbox.pending(self._book()))
        except BookFileError:
            return []

    def load(self, outbox: Any, connected: bool, waiting: list[Any]) -> None:
        section = self.section
        section.set_available(outbox is not None)
        if outbox is None:
            section.set_status("")
            section.set_waiting([])
            return
        section.set_connection(outbox.hub_settings(self._book()).url, connected)
        section.set_waiting(waiting)
        self.attach(start=connected)
        self.show_round()

    # --- the outbox worker ---------------------------------------------------------------

    def attach(self, *, start: bool) -> outbox_worker.OutboxWorker:
        """The book's outbox worker (the main window's, or one started here)."""
        if self.worker is None:
            path = self._book().path
            worker = outbox_worker.worker_for(path)
            if worker is None:
                getter = outbox_worker.getter_for(self._source())
                worker = outbox_worker.register(
                    path, outbox_worker.OutboxWorker(getter, parent=self.page)
                )
            worker.round_started.connect(self.show_round)
            worker.round_finished.connect(self._round_finished)
            self.worker = worker
        if start and not self.worker.timer.isActive() and not self.worker.running:
            self.worker.start(0 if self.worker.last_report is None else 60)
        return self.worker

    def run_now(self) -> bool:
        started = self.attach(start=False).run_now()
        self.show_round()
        return started

    def bundle_made(self) -> None:
        """A bundle was just made: with a hub, it goes at once."""
        if self.worker is not None and self.worker.ready():
            self.worker.run_now()

    def _round_finished(self, report: object) -> None:
        received = len(getattr(report, "imported", []) or [])
        if received:
            self._status(
                ngettext(
                    "{count} bundle received through the hub.",
                    "{count} bundles received through the hub.",
                    received,
                ).format(count=received)
            )
        if self.page.isVisible():
            self._reload()
        else:
            self.show_round()

    def show_round(self) -> None:
        worker = self.worker
        if worker is None:
            self.section.set_status("")
            return
        lines = []
        if worker.last_report is not None:
            lines.append(round_text(worker.last_report, worker.last_round_at))
        upcoming = self.section.next_text(worker.seconds_to_next, worker.running)
        if upcoming:
            lines.append(upcoming)
        self.section.set_status("\n".join(lines))

    # --- connecting ----------------------------------------------------------------------

    def connect_hub(self, url: str) -> bool:
        """Set the hub's address and register the book there (on the worker thread)."""
        outbox = outbox_worker.outbox_module()
        if outbox is None or self.tasks.busy:
            return False
        book = self._book()
        try:
            outbox.set_hub_url(book, url.strip())
        except ValueError as error:
            QMessageBox.warning(self.page, _("Hub"), str(error))
            return False
        return self.tasks.run(
            _("Connecting to the hub…"),
            lambda: outbox.register_at_hub(book),
            self._connected,
            self._connect_failed,
        )

    def _connected(self, _result: object) -> None:
        self._reload()
        self.attach(start=False).start(0)
        self._status(_("Connected to the hub: bundles are sent and received now."))

    def _connect_failed(self, error: Exception) -> None:
        self._reload()
        QMessageBox.warning(self.page, _("Hub"), hub_problem(error))
