"""Running the hub: `serve(db_url, host, port)` until it is stopped (Ctrl+C)."""

from __future__ import annotations

import logging
from typing import Any

import uvicorn

from desktop.hub.app import create_app


def server(
    db_url: str,
    host: str = "127.0.0.1",
    port: int = 8765,
    *,
    log_level: str = "info",
    **app_options: Any,
) -> uvicorn.Server:
    """A uvicorn server for the hub, not started yet (tests run it on a thread,
    with `server.run(sockets=[...])`). `app_options` go to `create_app`."""
    config = uvicorn.Config(
        create_app(db_url, **app_options),
        host=host,
        port=port,
        http="h11",
        ws="none",
        lifespan="on",
        log_level=log_level,
        # Put the hub behind a reverse proxy with HTTPS when it is reached over the internet.
        proxy_headers=False,
    )
    return uvicorn.Server(config)


def _show_hub_log() -> None:
    """The hub's own lines (registrations, messages by id and size) beside uvicorn's,
    without turning on other libraries' logs (SQLAlchemy's statements)."""
    log = logging.getLogger("desktop.hub")
    if not log.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(levelname)s:     %(message)s"))
        log.addHandler(handler)
        log.setLevel(logging.INFO)


def serve(db_url: str, host: str = "127.0.0.1", port: int = 8765) -> None:
    _show_hub_log()
    server(db_url, host, port).run()
