"""The outbox when the hub is down and when it comes back, with a clock moved
by hand; and the rules of a round, with a hub that fails on demand."""

from __future__ import annotations

from datetime import timedelta

import pytest

from desktop.data.models import SyncIdentity
from desktop.export.bundle import exchange
from desktop.export.bundle.outbox import (
    FIRST_RETRY,
    MAX_RETRY,
    NORMAL_DELAY,
    HubAddressError,
    HubSettings,
    OutboxRunner,
    hub_settings,
    pending,
    register_at_hub,
    retry_delay,
    set_hub_url,
)
from desktop.services.sync.hub_client import HubClient, HubRefused, HubUnavailable
from tests.hub.conftest import Books, Clock, RunningHub, dead_url


class Switch:
    """A client factory whose hub can be switched off (an address where nothing
    listens) and on again."""

    def __init__(self) -> None:
        self.down = False
        self.dead = dead_url()
        self.calls: list[str] = []

    def __call__(self, url: str, token: str) -> HubClient:
        self.calls.append(url)
        return HubClient(self.dead if self.down else url, token, timeout=5)


def _register(books: Books, hub: RunningHub) -> None:
    for book in (books.cell, books.commune):
        set_hub_url(book, hub.url)
        register_at_hub(book)


def test_retry_delays_double_up_to_half_an_hour() -> None:
    assert [retry_delay(n) for n in range(8)] == [NORMAL_DELAY, 30, 60, 120, 240, 480, 960, 1800]
    assert retry_delay(100) == MAX_RETRY


def test_the_outbox_waits_while_the_hub_is_down_and_sends_when_it_is_back(
    books: Books, hub: RunningHub, clock: Clock
) -> None:
    _register(books, hub)
    exchange.make_bundle(books.cell, books.commune.book_id)
    switch = Switch()
    runner = OutboxRunner(books.cell, client_factory=switch, clock=clock)

    switch.down = True
    report = runner.run_once()
    assert report.sent == 0 and report.error
    assert report.next_delay == FIRST_RETRY
    [item] = pending(books.cell)
    assert item.attempts == 1 and item.last_error == report.error
    assert item.next_try_at == clock.now + timedelta(seconds=FIRST_RETRY)

    clock.advance(report.next_delay)
    report = runner.run_once()
    assert report.error and report.next_delay == 60
    [item] = pending(books.cell)
    assert item.attempts == 2 and item.next_try_at == clock.now + timedelta(seconds=60)

    clock.advance(10)  # not due yet: the bundle is not tried, the inbox still fails
    report = runner.run_once()
    assert report.error and report.next_delay == 120
    assert pending(books.cell)[0].attempts == 2

    switch.down = False
    clock.advance(60)
    report = runner.run_once()
    assert (report.sent, report.error, report.next_delay) == (1, None, NORMAL_DELAY)
    assert pending(books.cell) == []
    assert hub.store.message_count() == 1

    report = OutboxRunner(books.commune, clock=clock).run_once()
    assert [r.sequence for r in report.imported] == [1]


def test_a_bundle_not_due_holds_back_the_later_ones_for_the_same_book(
    books: Books, hub: RunningHub, clock: Clock
) -> None:
    _register(books, hub)
    exchange.make_bundle(books.cell, books.commune.book_id)
    switch = Switch()
    runner = OutboxRunner(books.cell, client_factory=switch, clock=clock)
    switch.down = True
    runner.run_once()
    exchange.make_bundle(books.cell, books.commune.book_id)

    switch.down = False
    report = runner.run_once()  # bundle 1 waits for its time, so bundle 2 waits too
    assert (report.sent, report.error) == (0, None)
    assert [item.sequence for item in pending(books.cell)] == [1, 2]

    clock.advance(FIRST_RETRY)
    assert runner.run_once().sent == 2
    report = OutboxRunner(books.commune, clock=clock).run_once()
    assert [r.sequence for r in report.imported] == [1, 2]


def test_a_broken_hub_backs_off_like_an_absent_one(
    books: Books, hub: RunningHub, clock: Clock
) -> None:
    _register(books, hub)
    runner = OutboxRunner(books.commune, clock=clock)
    hub.answer["status"] = 503
    assert [runner.run_once().next_delay for _ in range(3)] == [30, 60, 120]
    hub.answer.clear()
    report = runner.run_once()
    assert (report.error, report.next_delay) == (None, NORMAL_DELAY)


def test_a_book_the_hub_no_longer_knows_stops_the_round(
    books: Books, hub: RunningHub, clock: Clock
) -> None:
    _register(books, hub)
    exchange.make_bundle(books.cell, books.commune.book_id)
    with books.cell.session() as session:
        identity = session.get(SyncIdentity, 1)
        assert identity is not None
        identity.hub_token = "stale"
    report = OutboxRunner(books.cell, clock=clock).run_once()
    assert report.sent == 0 and report.error and report.next_delay == FIRST_RETRY
    assert pending(books.cell)[0].attempts == 1


def test_a_recipient_not_registered_is_retried_later_without_backing_off(
    books: Books, hub: RunningHub, clock: Clock
) -> None:
    set_hub_url(books.cell, hub.url)
    register_at_hub(books.cell)
    exchange.make_bundle(books.cell, books.commune.book_id)
    runner = OutboxRunner(books.cell, clock=clock)
    report = runner.run_once()
    assert report.sent == 0 and report.error and report.next_delay == NORMAL_DELAY
    [item] = pending(books.cell)
    assert item.attempts == 1 and item.next_try_at == clock.now + timedelta(seconds=30)

    set_hub_url(books.commune, hub.url)
    register_at_hub(books.commune)
    clock.advance(30)
    assert runner.run_once().sent == 1


def test_a_bundle_that_arrived_by_file_no_longer_waits(books: Books, clock: Clock) -> None:
    made = exchange.make_bundle(books.cell, books.commune.book_id)
    exchange.import_bundle(books.commune, made.data)
    exchange.import_bundle(books.cell, exchange.make_bundle(books.commune, books.cell.book_id).data)
    assert pending(books.cell) == []


def test_hub_addresses_are_checked_and_a_new_one_drops_the_token(
    books: Books, hub: RunningHub
) -> None:
    assert hub_settings(books.cell).url == ""
    for bad in ("hub.example.vn", "ftp://hub", "http://", "https://a:b@hub", "http://h:x"):
        with pytest.raises(HubAddressError):
            set_hub_url(books.cell, bad)
    with pytest.raises(HubAddressError):
        register_at_hub(books.cell)
    settings = set_hub_url(books.cell, f" {hub.url}/ ")
    assert (settings.url, settings.registered) == (hub.url, False)
    register_at_hub(books.cell)
    assert hub_settings(books.cell).registered
    set_hub_url(books.cell, hub.url)
    assert hub_settings(books.cell).registered
    set_hub_url(books.cell, "https://hub.example.vn/cellbook")
    assert hub_settings(books.cell) == HubSettings("https://hub.example.vn/cellbook", "", False)


def test_the_client_tells_a_hub_that_is_away_from_one_that_says_no(hub: RunningHub) -> None:
    assert not HubClient(dead_url()).health()
    with pytest.raises(HubUnavailable):
        HubClient(dead_url(), "token", timeout=5).inbox()
    hub.answer["status"] = 502
    with pytest.raises(HubUnavailable) as unavailable:
        HubClient(hub.url, "token").inbox()
    assert unavailable.value.status == 502
    hub.answer["status"] = 307  # redirects are not followed: the token stays here
    with pytest.raises(HubRefused) as refused:
        HubClient(hub.url, "token").inbox()
    assert refused.value.status == 307
    hub.answer["status"] = 200  # an empty page, not a hub's answer
    assert not HubClient(hub.url).health()
    with pytest.raises(HubRefused):
        HubClient(hub.url, "token").inbox()
