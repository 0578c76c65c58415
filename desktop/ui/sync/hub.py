"""The hub: a mailbox server for bundles, used when there is internet. Its
address, the connection, how the last round went and what waits to go."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from desktop.i18n import _, format_datetime, ngettext
from desktop.ui.qt.widgets import QGroupBox, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget
from desktop.ui.sync.texts import minutes_text
from desktop.ui.sync.widgets import button
from desktop.ui.widgets import label


def round_text(report: Any, at: Any) -> str:
    """How the last round went, in one or two lines."""
    when = format_datetime(at) if at is not None else ""
    received = len(getattr(report, "imported", []) or [])
    sent = int(getattr(report, "sent", 0) or 0)
    lines = [
        _("Last round at {moment}: {sent}, {received}.").format(
            moment=when,
            sent=ngettext("{count} bundle sent", "{count} bundles sent", sent).format(count=sent),
            received=ngettext(
                "{count} bundle received", "{count} bundles received", received
            ).format(count=received),
        )
    ]
    refused = list(getattr(report, "refused", []) or [])
    lines += refused
    error = getattr(report, "error", None)
    if error:
        lines.append(str(error))
    return "\n".join(lines)


def waiting_lines(items: Sequence[Any]) -> list[str]:
    """One line per bundle waiting in the outbox, with its last problem."""
    lines = []
    for item in items:
        line = _("Bundle {number} for {name}").format(
            number=getattr(item, "sequence", ""), name=getattr(item, "peer_name", "")
        )
        attempts = int(getattr(item, "attempts", 0) or 0)
        if attempts:
            line += " — " + ngettext("tried {count} time", "tried {count} times", attempts).format(
                count=attempts
            )
        problem = getattr(item, "last_error", "")
        if problem:
            line += f": {problem}"
        lines.append(line)
    return lines


class HubSection(QGroupBox):
    def __init__(
        self,
        on_connect: Callable[[str], object],
        on_run_now: Callable[[], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(_("Hub (when there is internet)"), parent)
        layout = QVBoxLayout(self)
        layout.addWidget(
            label(
                _(
                    "When this computer has internet, bundles can also travel through the "
                    "hub: a mailbox server that keeps them, sealed, until the other book "
                    "fetches them. It cannot read them. Ask the commune for its address. "
                    "Bundles are then sent and received in the background."
                ),
                "muted",
                wrap=True,
            )
        )
        row = QHBoxLayout()
        caption = QLabel(_("Hub &address:"))
        self.url = QLineEdit()
        self.url.setPlaceholderText("https://")
        self.url.setAccessibleName(_("Hub address"))
        caption.setBuddy(self.url)
        self.connect_button = button(_("&Connect"), lambda: on_connect(self.url.text()))
        self.url.returnPressed.connect(lambda: on_connect(self.url.text()))
        row.addWidget(caption)
        row.addWidget(self.url, 1)
        row.addWidget(self.connect_button)
        layout.addLayout(row)
        self.state = label("", "big", wrap=True)
        layout.addWidget(self.state)
        self.status = label("", wrap=True)
        layout.addWidget(self.status)
        self.waiting = label("", "muted", wrap=True)
        layout.addWidget(self.waiting)
        run_row = QHBoxLayout()
        self.run_button = button(
            _("&Send and receive now"),
            on_run_now,
            _("Send the bundles waiting and fetch new ones, without waiting for the next round"),
        )
        run_row.addWidget(self.run_button)
        run_row.addStretch(1)
        layout.addLayout(run_row)

    def set_available(self, available: bool) -> None:
        """Versions without the hub's outbox show only a line saying so."""
        for widget in (self.url, self.connect_button, self.run_button):
            widget.setEnabled(available)
        if not available:
            self.state.setText(_("This version of CellBook cannot use a hub yet."))

    def set_connection(self, url: str, connected: bool) -> None:
        if not self.url.hasFocus():
            self.url.setText(url)
        if connected:
            self.state.setText(_("Connected to {url}.").format(url=url))
        elif url:
            self.state.setText(
                _("Not connected yet: press Connect when the computer has internet.")
            )
        else:
            self.state.setText(_("No hub: bundles travel on USB sticks or as files."))
        self.run_button.setVisible(connected)

    def set_status(self, text: str) -> None:
        self.status.setText(text)
        self.status.setVisible(bool(text))

    def set_waiting(self, items: Sequence[Any]) -> None:
        lines = waiting_lines(items)
        text = ""
        if lines:
            text = (
                ngettext(
                    "{count} bundle waits to be sent:",
                    "{count} bundles wait to be sent:",
                    len(lines),
                ).format(count=len(lines))
                + "\n"
                + "\n".join(lines)
            )
        self.waiting.setText(text)
        self.waiting.setVisible(bool(text))

    @staticmethod
    def next_text(seconds: float | None, running: bool) -> str:
        if running:
            return _("Sending and receiving now…")
        if seconds is None:
            return ""
        if seconds < 60:
            return _("Next try in less than a minute.")
        return _("Next try in {minutes}.").format(minutes=minutes_text(seconds))
