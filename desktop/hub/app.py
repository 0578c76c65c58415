"""The hub's HTTP API (all under /v1; JSON unless said).

    GET    /v1/health                 {"ok": true}
    POST   /v1/books                  {"card": base64, "proof": base64} -> {"token": ...}
    POST   /v1/mailbox/{book_id}      the bundle's bytes (Bearer token) -> 201 {"id": ...}
    GET    /v1/mailbox                {"messages": [{"id", "sender_book_id", "size",
                                       "received_at"}]}, oldest first
    GET    /v1/mailbox/{id}           the bytes (only for the recipient)
    DELETE /v1/mailbox/{id}           204 (only the recipient)

A book registers with its key card and a proof: an Ed25519 signature by the
card's key over b"cellbook-hub-register\\x00" + a time + NUL + the card's
bytes (see `registration_proof`); a proof is taken once, within 15 minutes of
its time, so one seen on the wire cannot be replayed. The hub
keeps the card's public key and the SHA-256 of a fresh token; registering
again with the same key replaces the token, with another key is refused (409).
Bundles are stored as they come and never looked into or logged.
"""

# No `from __future__ import annotations`: FastAPI reads the endpoints'
# annotations at run time, and the dependencies are local to `create_app`.

import base64
import binascii
import hashlib
import json
import logging
import secrets
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta
from typing import Annotated, Any

from fastapi import Depends, FastAPI, HTTPException, Request, Response
from starlette.concurrency import run_in_threadpool

from desktop import __version__
from desktop.data.types import utcnow
from desktop.export.bundle.format import MAX_BUNDLE_BYTES
from desktop.hub.store import HubStore, Registration
from desktop.services.sync.keys import MAX_CARD_BYTES, KeyCardError, read_card, verify

REGISTER_CONTEXT = b"cellbook-hub-register\x00"
PROOF_WINDOW = timedelta(minutes=15)
MAX_REGISTER_BYTES = 4 * MAX_CARD_BYTES  # the card in base64 plus the proof
_MAX_ID = 64

log = logging.getLogger("desktop.hub")


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _unauthorised() -> HTTPException:
    return HTTPException(
        status_code=401,
        detail="A valid token is needed (register the book first).",
        headers={"WWW-Authenticate": "Bearer"},
    )


def _too_large() -> HTTPException:
    return HTTPException(status_code=413, detail="The body is too large.")


async def read_body(request: Request, limit: int) -> bytes:
    """The request's body, refused with 413 as soon as it is known to pass `limit`
    (from its declared length, or while it streams in): never read in full."""
    declared = request.headers.get("content-length")
    if declared is not None:
        try:
            length = int(declared)
        except ValueError:
            raise HTTPException(status_code=400, detail="Bad Content-Length.") from None
        if length > limit:
            raise _too_large()
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            raise _too_large()
    return bytes(body)


def _decode(value: Any, name: str) -> bytes:
    if not isinstance(value, str):
        raise HTTPException(status_code=400, detail=f"'{name}' must be base64 text.")
    try:
        return base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        raise HTTPException(status_code=400, detail=f"'{name}' must be base64 text.") from None


def create_app(db_url: str, *, max_bundle_bytes: int = MAX_BUNDLE_BYTES) -> FastAPI:
    """The hub over the database at `db_url` (tables are made if missing)."""
    store = HubStore(db_url)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        store.close()

    app = FastAPI(
        title="CellBook hub",
        version=__version__,
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.store = store

    def current_book(request: Request) -> str:
        scheme, _space, token = request.headers.get("authorization", "").partition(" ")
        token = token.strip()
        if scheme.lower() != "bearer" or not token or len(token) > 200:
            raise _unauthorised()
        book_id = store.book_for_token(token_hash(token))
        if book_id is None:
            raise _unauthorised()
        return book_id

    CallerBook = Annotated[str, Depends(current_book)]

    @app.get("/v1/health")
    def health() -> dict[str, bool]:
        return {"ok": True}

    @app.post("/v1/books")
    async def register(request: Request) -> dict[str, str]:
        body = await read_body(request, MAX_REGISTER_BYTES)
        try:
            raw = json.loads(body)
        except (ValueError, UnicodeDecodeError):
            raise HTTPException(status_code=400, detail="The body must be JSON.") from None
        if not isinstance(raw, dict):
            raise HTTPException(status_code=400, detail="The body must be a JSON object.")
        card_bytes = _decode(raw.get("card"), "card")
        proof = _decode(raw.get("proof"), "proof")
        try:
            card = read_card(card_bytes)
        except KeyCardError as error:
            raise HTTPException(status_code=400, detail=str(error)) from None
        stamp, signature = proof[:-64], proof[-64:]
        if len(stamp) != 52 or not verify(
            card.signing_public, signature, REGISTER_CONTEXT + stamp + b"\x00" + card_bytes
        ):
            raise HTTPException(
                status_code=403, detail="The proof was not made with this key card's key."
            )
        try:
            made = datetime.strptime(stamp[:20].decode("ascii"), "%Y-%m-%dT%H:%M:%SZ")
        except (UnicodeDecodeError, ValueError):
            raise HTTPException(status_code=400, detail="The proof's time is not valid.") from None
        if abs(utcnow() - made.replace(tzinfo=UTC)) > PROOF_WINDOW:
            raise HTTPException(
                status_code=403,
                detail="The proof is too old or too new: check this computer's clock.",
            )
        if not await run_in_threadpool(store.use_proof, hashlib.sha256(proof).hexdigest()):
            raise HTTPException(status_code=403, detail="This proof was used before.")
        token = secrets.token_urlsafe(32)
        outcome = await run_in_threadpool(
            lambda: store.register(
                book_id=card.book_id,
                org_name=card.org_name,
                key_id=card.key_id.hex(),
                signing_public=card.signing_public,
                token_hash=token_hash(token),
            )
        )
        if outcome is Registration.KEY_MISMATCH:
            log.warning("registration refused: book %s came with another key", card.book_id)
            raise HTTPException(
                status_code=409,
                detail="This book is registered here with another key.",
            )
        log.info("book %s registered (%s)", card.book_id, outcome.value)
        return {"token": token}

    @app.post("/v1/mailbox/{recipient_book_id}", status_code=201)
    async def send(recipient_book_id: str, request: Request, sender: CallerBook) -> dict[str, str]:
        declared = request.headers.get("content-length")
        if declared is not None and declared.isdigit() and int(declared) > max_bundle_bytes:
            raise _too_large()  # before anything else is looked up or read
        known = len(recipient_book_id) <= _MAX_ID and await run_in_threadpool(
            store.is_registered, recipient_book_id
        )
        if not known:
            raise HTTPException(status_code=404, detail="No book with this id is registered.")
        data = await read_body(request, max_bundle_bytes)
        if not data:
            raise HTTPException(status_code=400, detail="The body is empty.")
        message_id = await run_in_threadpool(store.add_message, sender, recipient_book_id, data)
        log.info("message %s: %s -> %s, %d bytes", message_id, sender, recipient_book_id, len(data))
        return {"id": message_id}

    @app.get("/v1/mailbox")
    def inbox(book_id: CallerBook) -> dict[str, list[dict[str, Any]]]:
        return {"messages": [message.to_json() for message in store.messages_for(book_id)]}

    @app.get("/v1/mailbox/{message_id}")
    def fetch(message_id: str, book_id: CallerBook) -> Response:
        data = store.message_data(book_id, message_id) if len(message_id) <= _MAX_ID else None
        if data is None:
            raise HTTPException(status_code=404, detail="No such message for this book.")
        return Response(content=data, media_type="application/octet-stream")

    @app.delete("/v1/mailbox/{message_id}", status_code=204)
    def remove(message_id: str, book_id: CallerBook) -> Response:
        if len(message_id) > _MAX_ID or not store.delete_message(book_id, message_id):
            raise HTTPException(status_code=404, detail="No such message for this book.")
        return Response(status_code=204)

    return app
