"""A cell hands a bundle up through a real hub on loopback, the commune takes
it in and answers, and the hub is left empty."""

from __future__ import annotations

from sqlalchemy import select

from desktop.data.models import BundleLog, Organisation
from desktop.export.bundle import exchange
from desktop.export.bundle.outbox import (
    NORMAL_DELAY,
    OutboxRunner,
    hub_settings,
    pending,
    register_at_hub,
    set_hub_url,
)
from desktop.services.sync.hub_client import HubClient
from tests.hub.conftest import Books, Clock, RunningHub


def _register(books: Books, hub: RunningHub) -> None:
    for book in (books.cell, books.commune):
        set_hub_url(book, hub.url + "/")
        register_at_hub(book)
        settings = hub_settings(book)
        assert (settings.url, settings.registered) == (hub.url, True)


def test_a_bundle_goes_up_through_the_hub_and_the_answer_comes_back(
    books: Books, hub: RunningHub, clock: Clock
) -> None:
    assert HubClient(hub.url).health()
    _register(books, hub)
    made = exchange.make_bundle(books.cell, books.commune.book_id)
    [waiting] = pending(books.cell)
    assert (waiting.peer_name, waiting.sequence, waiting.size) == (
        "Đảng ủy xã An Phú",
        1,
        len(made.data),
    )

    cell_runner = OutboxRunner(books.cell, clock=clock)
    report = cell_runner.run_once()
    assert (report.sent, report.imported, report.refused, report.error) == (1, [], [], None)
    assert report.next_delay == NORMAL_DELAY
    assert pending(books.cell) == []
    assert hub.store.message_count() == 1

    report = OutboxRunner(books.commune, clock=clock).run_once()
    assert report.error is None and report.refused == []
    [result] = report.imported
    assert (result.sender, result.sequence) == ("Thôn An Hòa", 1)
    with books.commune.reader() as session:
        assert session.get(Organisation, books.cell.owner_org_id) is not None
        [log] = session.scalars(select(BundleLog).where(BundleLog.direction == "in")).all()
        assert (log.peer_book_id, log.sequence) == (books.cell.book_id, 1)
    assert hub.store.message_count() == 0

    # The commune answers; the cell takes it in and learns its bundle arrived.
    exchange.make_bundle(books.commune, books.cell.book_id)
    assert OutboxRunner(books.commune, clock=clock).run_once().sent == 1
    report = cell_runner.run_once()
    assert [r.sequence for r in report.imported] == [1]
    with books.cell.reader() as session:
        sent = session.scalar(select(BundleLog).where(BundleLog.direction == "out"))
        assert sent is not None and sent.sent_at == clock.now and sent.acknowledged_at
    assert hub.store.message_count() == 0


def test_a_bundle_that_came_twice_is_taken_once_and_cleared(
    books: Books, hub: RunningHub, clock: Clock
) -> None:
    _register(books, hub)
    made = exchange.make_bundle(books.cell, books.commune.book_id)
    cell_client = HubClient(hub.url, hub_settings(books.cell).token)
    cell_client.send(books.commune.book_id, made.data)
    cell_client.send(books.commune.book_id, made.data)

    report = OutboxRunner(books.commune, clock=clock).run_once()
    assert len(report.imported) == 1 and report.refused == [] and report.error is None
    assert hub.store.message_count() == 0


def test_a_bundle_after_a_gap_waits_on_the_hub_for_the_missing_one(
    books: Books, hub: RunningHub, clock: Clock
) -> None:
    _register(books, hub)
    first = exchange.make_bundle(books.cell, books.commune.book_id)
    second = exchange.make_bundle(books.cell, books.commune.book_id)
    cell_client = HubClient(hub.url, hub_settings(books.cell).token)
    cell_client.send(books.commune.book_id, second.data)
    commune_runner = OutboxRunner(books.commune, clock=clock)

    report = commune_runner.run_once()
    assert report.imported == [] and report.refused == [] and report.error is None
    assert hub.store.message_count() == 1  # kept for the next round

    cell_client.send(books.commune.book_id, first.data)
    report = commune_runner.run_once()
    assert sorted(r.sequence for r in report.imported) == [1, 2]
    assert hub.store.message_count() == 0


def test_a_refused_bundle_is_reported_and_removed(
    books: Books, hub: RunningHub, clock: Clock
) -> None:
    _register(books, hub)
    HubClient(hub.url, hub_settings(books.cell).token).send(
        books.commune.book_id, b"PK not really a bundle"
    )
    report = OutboxRunner(books.commune, clock=clock).run_once()
    assert report.imported == [] and report.error is None
    assert len(report.refused) == 1
    assert hub.store.message_count() == 0


def test_nothing_happens_without_a_hub(books: Books, clock: Clock) -> None:
    exchange.make_bundle(books.cell, books.commune.book_id)
    report = OutboxRunner(books.cell, clock=clock).run_once()
    assert (report.sent, report.error, report.next_delay) == (0, None, NORMAL_DELAY)
    assert len(pending(books.cell)) == 1
