"""Who may do what at the hub: tokens, other books' messages, keys that
change, and bodies too large to take."""

from __future__ import annotations

import base64
import http.client
import json
import logging
import urllib.parse
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from desktop.export.bundle import format as bundle_format
from desktop.export.bundle.outbox import hub_settings, register_at_hub, set_hub_url
from desktop.services.sync import hub_client, identity
from desktop.services.sync.hub_client import HubClient, HubRefused, registration_proof
from desktop.services.sync.keys import KeyCard, new_private_keys, public_keys
from tests.hub.conftest import Books, RunningHub, running_hub


def _request(
    url: str, method: str, path: str, *, token: str = "", body: bytes | None = None
) -> tuple[int, bytes]:
    parts = urllib.parse.urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname or "", parts.port, timeout=10)
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    try:
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def _registered(books: Books, hub: RunningHub) -> tuple[str, str]:
    tokens = []
    for book in (books.cell, books.commune):
        set_hub_url(book, hub.url)
        register_at_hub(book)
        tokens.append(hub_settings(book).token)
    return tokens[0], tokens[1]


def test_the_mailbox_needs_a_valid_token(books: Books, hub: RunningHub) -> None:
    cell_token, _commune_token = _registered(books, hub)
    for path in ("/v1/mailbox", f"/v1/mailbox/{books.commune.book_id}"):
        method = "GET" if path == "/v1/mailbox" else "POST"
        assert _request(hub.url, method, path, body=b"x")[0] == 401
        assert _request(hub.url, method, path, token="wrong", body=b"x")[0] == 401
    status, body = _request(hub.url, "GET", "/v1/mailbox", token=cell_token)
    assert (status, json.loads(body)) == (200, {"messages": []})
    with pytest.raises(HubRefused) as refused:
        HubClient(hub.url, "wrong").inbox()
    assert refused.value.status == 401


def test_only_the_token_hash_is_kept(books: Books, hub: RunningHub) -> None:
    cell_token, _commune_token = _registered(books, hub)
    with hub.store.engine.connect() as connection:
        rows = connection.exec_driver_sql("SELECT * FROM hub_book").fetchall()
    assert len(rows) == 2
    assert all(cell_token not in str(value) for row in rows for value in row)


def test_a_book_cannot_fetch_or_delete_another_books_message(books: Books, hub: RunningHub) -> None:
    cell_token, commune_token = _registered(books, hub)
    cell = HubClient(hub.url, cell_token)
    message_id = cell.send(books.commune.book_id, b"sealed bytes")
    assert cell.inbox() == []
    for call in (cell.fetch, cell.delete):
        with pytest.raises(HubRefused) as refused:
            call(message_id)
        assert refused.value.status == 404

    commune = HubClient(hub.url, commune_token)
    [item] = commune.inbox()
    assert (item.id, item.sender_book_id, item.size) == (message_id, books.cell.book_id, 12)
    assert item.received_at.tzinfo is not None
    assert commune.fetch(message_id) == b"sealed bytes"
    commune.delete(message_id)
    assert commune.inbox() == []


def test_sending_to_a_book_the_hub_does_not_know_is_refused(books: Books, hub: RunningHub) -> None:
    cell_token, _commune_token = _registered(books, hub)
    with pytest.raises(HubRefused) as refused:
        HubClient(hub.url, cell_token).send("no-such-book", b"data")
    assert refused.value.status == 404


def test_registering_again_gives_a_new_token_and_the_old_one_stops(
    books: Books, hub: RunningHub
) -> None:
    old, _commune_token = _registered(books, hub)
    register_at_hub(books.cell)
    new = hub_settings(books.cell).token
    assert new != old
    with pytest.raises(HubRefused):
        HubClient(hub.url, old).inbox()
    assert HubClient(hub.url, new).inbox() == []


def test_the_same_book_with_another_key_is_refused(books: Books, hub: RunningHub) -> None:
    _registered(books, hub)
    real = identity.own_card(books.cell)
    signing, encryption = new_private_keys()
    signing_public, encryption_public = public_keys(signing, encryption)
    forged = KeyCard(
        book_id=real.book_id,
        org_id=real.org_id,
        org_name=real.org_name,
        org_kind=real.org_kind,
        commune_name=real.commune_name,
        signing_public=signing_public,
        encryption_public=encryption_public,
        created=datetime(2026, 1, 1, tzinfo=UTC),
    ).to_file_bytes(signing)
    with pytest.raises(HubRefused) as refused:
        HubClient(hub.url).register(forged, registration_proof(signing, forged))
    assert refused.value.status == 409


def test_a_proof_by_another_key_or_a_broken_card_is_refused(books: Books, hub: RunningHub) -> None:
    card = identity.card_file_bytes(books.cell)
    other_key, _encryption = new_private_keys()
    with pytest.raises(HubRefused) as refused:
        HubClient(hub.url).register(card, registration_proof(other_key, card))
    assert refused.value.status == 403
    with pytest.raises(HubRefused) as refused:
        HubClient(hub.url).register(card[:-5], registration_proof(other_key, card[:-5]))
    assert refused.value.status == 400
    bad_json = json.dumps({"card": "not base64!", "proof": ""}).encode()
    assert _request(hub.url, "POST", "/v1/books", body=bad_json)[0] == 400
    assert _request(hub.url, "POST", "/v1/books", body=b"[1, 2")[0] == 400
    card_text = base64.b64encode(card).decode()
    assert _request(hub.url, "POST", "/v1/books", body=b" " * 70_000 + card_text.encode())[0] == 413


def test_a_body_declared_too_large_is_refused_before_it_is_sent(
    books: Books, hub: RunningHub
) -> None:
    cell_token, _commune_token = _registered(books, hub)
    parts = urllib.parse.urlsplit(hub.url)
    connection = http.client.HTTPConnection(parts.hostname or "", parts.port, timeout=10)
    try:
        connection.putrequest("POST", f"/v1/mailbox/{books.commune.book_id}")
        connection.putheader("Authorization", f"Bearer {cell_token}")
        connection.putheader("Content-Length", str(bundle_format.MAX_BUNDLE_BYTES + 1))
        connection.endheaders()  # and not one byte of the body
        response = connection.getresponse()
        assert response.status == 413
    finally:
        connection.close()
    assert hub.store.message_count() == 0


def test_a_body_that_grows_too_large_while_streaming_is_refused(
    books: Books, tmp_path: Path
) -> None:
    with running_hub(f"sqlite:///{tmp_path / 'small.sqlite'}", max_bundle_bytes=1000) as hub:
        cell_token, _commune_token = _registered(books, hub)
        parts = urllib.parse.urlsplit(hub.url)
        connection = http.client.HTTPConnection(parts.hostname or "", parts.port, timeout=10)
        try:
            connection.request(
                "POST",
                f"/v1/mailbox/{books.commune.book_id}",
                body=iter([b"a" * 600, b"b" * 600, b"c" * 600]),
                headers={"Authorization": f"Bearer {cell_token}"},
                encode_chunked=True,
            )
            assert connection.getresponse().status == 413
        finally:
            connection.close()
        with pytest.raises(HubRefused) as refused:
            HubClient(hub.url, cell_token).send(books.commune.book_id, b"x" * 1001)
        assert refused.value.status == 413
        assert HubClient(hub.url, cell_token).send(books.commune.book_id, b"x" * 1000)
        assert hub.store.message_count() == 1


def test_the_client_bounds_what_it_sends_and_fetches(
    books: Books, hub: RunningHub, monkeypatch: pytest.MonkeyPatch
) -> None:
    cell_token, commune_token = _registered(books, hub)
    HubClient(hub.url, cell_token).send(books.commune.book_id, b"y" * 200)
    [item] = HubClient(hub.url, commune_token).inbox()
    monkeypatch.setattr(hub_client, "MAX_BUNDLE_BYTES", 100)
    with pytest.raises(HubRefused) as refused:
        HubClient(hub.url, commune_token).fetch(item.id)
    assert refused.value.status == 413
    with pytest.raises(HubRefused) as refused:
        HubClient(hub.url, cell_token).send(books.commune.book_id, b"z" * 101)
    assert refused.value.status == 413
    assert hub.store.message_count() == 1


def test_the_hub_never_logs_what_it_carries(
    books: Books, hub: RunningHub, caplog: pytest.LogCaptureFixture
) -> None:
    cell_token, commune_token = _registered(books, hub)
    secret = b"sealed-zalvorin-quexotl"
    caplog.set_level(logging.DEBUG)
    message_id = HubClient(hub.url, cell_token).send(books.commune.book_id, secret)
    commune = HubClient(hub.url, commune_token)
    assert commune.fetch(message_id) == secret
    commune.delete(message_id)
    assert message_id in caplog.text  # the hub did log, by id
    assert "zalvorin" not in caplog.text and cell_token not in caplog.text


def test_a_registration_seen_on_the_wire_cannot_be_replayed(books: Books, hub: RunningHub) -> None:
    card = identity.card_file_bytes(books.cell)
    signing = identity.book_keys(books.cell).signing_private
    proof = registration_proof(signing, card)
    assert HubClient(hub.url).register(card, proof)
    with pytest.raises(HubRefused) as replayed:
        HubClient(hub.url).register(card, proof)
    assert replayed.value.status == 403
    stale = registration_proof(signing, card, at=datetime.now(UTC) - timedelta(hours=1))
    with pytest.raises(HubRefused) as old:
        HubClient(hub.url).register(card, stale)
    assert old.value.status == 403
    assert HubClient(hub.url).register(card, registration_proof(signing, card))
