"""What the hub tests share: a real hub on loopback (uvicorn on a thread), a
cell book and a commune book enrolled with each other, and a clock to move."""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from desktop.data.enums import OrgKind
from desktop.services.book import Book, NewBookDetails
from desktop.services.sync import identity


@dataclass
class RunningHub:
    url: str
    app: Any
    # Set `answer` to an HTTP status to make every request get it (a broken hub).
    answer: dict[str, int] = field(default_factory=dict)

    @property
    def store(self) -> Any:
        return self.app.state.store


@contextmanager
def running_hub(db_url: str, **app_options: Any) -> Iterator[RunningHub]:
    """The hub served over real HTTP on a free loopback port until the block ends."""
    from starlette.responses import Response

    from desktop.hub.serve import server

    hub_server = server(db_url, log_level="warning", **app_options)
    hub_server.config.access_log = False
    app = hub_server.config.app
    running = RunningHub(url="", app=app)

    @app.middleware("http")
    async def broken(request: Any, call_next: Callable[[Any], Any]) -> Any:
        status = running.answer.get("status")
        if status:
            headers = {"Location": "http://example.invalid/"} if 300 <= status < 400 else {}
            return Response(status_code=status, headers=headers)
        return await call_next(request)

    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", 0))
    running.url = f"http://127.0.0.1:{listener.getsockname()[1]}"
    thread = threading.Thread(
        target=hub_server.run, kwargs={"sockets": [listener]}, name="hub", daemon=True
    )
    thread.start()
    deadline = time.monotonic() + 10
    while not hub_server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the hub did not start")
        time.sleep(0.01)
    try:
        yield running
    finally:
        hub_server.should_exit = True
        thread.join(10)
        listener.close()
        assert not thread.is_alive()


# A database URL to run the hub tests against another database than a SQLite
# file, e.g. "postgresql+psycopg://postgres@/hub?host=/tmp/pg&port=55432"
# (its hub tables are dropped after each test).
HUB_DB_URL = os.environ.get("CELLBOOK_TEST_HUB_DB", "")


@pytest.fixture
def hub(tmp_path: Path) -> Iterator[RunningHub]:
    url = HUB_DB_URL or f"sqlite:///{tmp_path / 'hub' / 'hub.sqlite'}"
    try:
        with running_hub(url) as running:
            yield running
    finally:
        if HUB_DB_URL:
            from sqlalchemy import create_engine

            from desktop.hub.store import metadata

            engine = create_engine(HUB_DB_URL)
            metadata.drop_all(engine)
            engine.dispose()


def dead_url() -> str:
    """An address where nothing listens."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}"


@dataclass
class Books:
    cell: Book
    commune: Book


@pytest.fixture
def books(tmp_path: Path) -> Iterator[Books]:
    cell = Book.create(
        tmp_path / "an-hoa.cellbook",
        NewBookDetails(cell_name="Thôn An Hòa", commune_name="An Phú"),
        device_id="dev-cell",
        backup_folder=tmp_path / "backups-cell",
    )
    commune = Book.create(
        tmp_path / "an-phu.cellbook",
        NewBookDetails(cell_name="Đảng ủy xã An Phú", commune_name="An Phú", kind=OrgKind.COMMUNE),
        device_id="dev-commune",
        backup_folder=tmp_path / "backups-commune",
    )
    identity.enrol(commune, identity.card_file_bytes(cell))
    identity.enrol(cell, identity.card_file_bytes(commune))
    yield Books(cell, commune)
    cell.close(backup=False)
    commune.close(backup=False)


class Clock:
    """A clock the test moves by hand instead of sleeping."""

    def __init__(self) -> None:
        self.now = datetime(2026, 12, 3, 8, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


@pytest.fixture
def clock() -> Clock:
    return Clock()
