"""Talking to a mailbox hub (see `desktop/hub/app.py` for its API) with the
standard library only.

Two kinds of failure: `HubUnavailable` (no connection, a timeout, the hub
broken for now: try again later, nothing is lost) and `HubRefused` (the hub
answered no: its message says what to do). Redirects are not followed, so the
token is never sent anywhere but the address the user gave.
"""

from __future__ import annotations

import base64
import http.client
import json
import secrets
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from desktop import __version__
from desktop.i18n import _
from desktop.services.sync.keys import sign
from desktop.services.sync.limits import MAX_BUNDLE_BYTES

REGISTER_CONTEXT = b"cellbook-hub-register\x00"
MAX_ANSWER_BYTES = 8 * 1024 * 1024  # JSON answers (a long inbox list at most)
_MAX_DETAIL_BYTES = 4096


class HubError(Exception):
    """A hub request that did not go through; `str()` is for the user."""

    def __init__(self, message: str, *, status: int = 0, detail: str = "") -> None:
        super().__init__(message)
        self.status = status  # the HTTP status, 0 when there was none
        self.detail = detail  # what the hub said (English, for logs and support)


class HubUnavailable(HubError):
    """The hub could not be reached or is not working just now: try again later."""


class HubRefused(HubError):
    """The hub answered, and said no."""


@dataclass(frozen=True)
class InboxItem:
    id: str
    sender_book_id: str
    size: int
    received_at: datetime


def registration_proof(
    signing_private: bytes, card_bytes: bytes, at: datetime | None = None
) -> bytes:
    """What shows the hub that the book holds the key of the card it registers:
    a stamp (the time, 20 ASCII bytes such as "2026-11-22T08:00:00Z", and 32 random
    hex digits) then an Ed25519 signature over REGISTER_CONTEXT + the stamp + NUL +
    the card. The hub takes a proof once, and only within minutes of its time, so
    a copy cannot be replayed."""
    when = (at or datetime.now(UTC)).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    stamp = (when + secrets.token_hex(16)).encode("ascii")
    return stamp + sign(signing_private, REGISTER_CONTEXT + stamp + b"\x00" + card_bytes)


def _unavailable_message() -> str:
    return _("The hub cannot be reached just now. Nothing was lost: CellBook will try again later.")


def _not_a_hub() -> HubRefused:
    return HubRefused(
        _("The address does not answer like a CellBook hub. Check the hub's address.")
    )


def _refusal(status: int) -> str:
    if status == 401:
        return _(
            "The hub no longer accepts this book. Register the book at the hub again (Sync page)."
        )
    if status == 413:
        return _("This bundle is too large for the hub. Save it to a file and hand it over.")
    if 300 <= status < 400:
        return _("The hub's address has moved. Check the address with the hub's keeper.")
    return _("The hub refused the request (error {status}).").format(status=status)


def _gone() -> dict[int, str]:
    return {404: _("This message is no longer on the hub.")}


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None  # the 3xx answer is raised as an HTTPError


class HubClient:
    """One hub, one book's token. Every call either returns or raises a `HubError`."""

    def __init__(self, base_url: str, token: str = "", timeout: float = 15) -> None:
        self.base_url = base_url.strip().rstrip("/")
        self.token = token
        self.timeout = timeout
        self._opener = urllib.request.build_opener(_NoRedirects())

    # --- the API -------------------------------------------------------------------------

    def health(self) -> bool:
        """True if a CellBook hub answers at the address."""
        try:
            answer = self._json("GET", "/v1/health", auth=False)
        except HubError:
            return False
        return isinstance(answer, dict) and answer.get("ok") is True

    def register(self, card_bytes: bytes, proof: bytes) -> str:
        """Register the card's book; returns its new token (any older one stops working)."""
        body = json.dumps(
            {
                "card": base64.b64encode(card_bytes).decode("ascii"),
                "proof": base64.b64encode(proof).decode("ascii"),
            }
        ).encode("ascii")
        answer = self._json(
            "POST",
            "/v1/books",
            body=body,
            content_type="application/json",
            auth=False,
            refusals={
                400: _("The hub did not accept this book's key card."),
                403: _("The hub did not accept this book's key card."),
                409: _(
                    "The hub already has this book with other keys. A book's keys never "
                    "change: tell the hub's keeper. Nothing was changed."
                ),
            },
        )
        token = answer.get("token") if isinstance(answer, dict) else None
        if not isinstance(token, str) or not token:
            raise _not_a_hub()
        return token

    def send(self, recipient_book_id: str, data: bytes) -> str:
        """Leave a bundle for a book; returns the message id."""
        if len(data) > MAX_BUNDLE_BYTES:
            raise HubRefused(_refusal(413), status=413)
        answer = self._json(
            "POST",
            "/v1/mailbox/" + urllib.parse.quote(recipient_book_id, safe=""),
            body=data,
            content_type="application/octet-stream",
            refusals={
                404: _(
                    "The receiving book is not registered at the hub yet. CellBook will try "
                    "again later; the bundle can also be saved to a file."
                )
            },
        )
        message_id = answer.get("id") if isinstance(answer, dict) else None
        if not isinstance(message_id, str) or not message_id:
            raise _not_a_hub()
        return message_id

    def inbox(self) -> list[InboxItem]:
        """The messages waiting for this book, oldest first."""
        answer = self._json("GET", "/v1/mailbox")
        try:
            return [
                InboxItem(
                    id=str(item["id"]),
                    sender_book_id=str(item["sender_book_id"]),
                    size=int(item["size"]),
                    received_at=datetime.fromisoformat(str(item["received_at"])),
                )
                for item in answer["messages"]
            ]
        except (KeyError, TypeError, ValueError) as error:
            raise _not_a_hub() from error

    def fetch(self, message_id: str) -> bytes:
        """A message's bytes (refused if larger than any bundle can be)."""
        path = self._message_path(message_id)
        return self._call("GET", path, limit=MAX_BUNDLE_BYTES, refusals=_gone())[1]

    def delete(self, message_id: str) -> None:
        self._call("DELETE", self._message_path(message_id), refusals=_gone())

    # --- HTTP ----------------------------------------------------------------------------

    @staticmethod
    def _message_path(message_id: str) -> str:
        return "/v1/mailbox/" + urllib.parse.quote(message_id, safe="")

    def _json(self, method: str, path: str, **options: Any) -> Any:
        _status, data = self._call(method, path, **options)
        try:
            return json.loads(data.decode("utf-8"))
        except (ValueError, UnicodeDecodeError) as error:
            raise _not_a_hub() from error

    def _call(
        self,
        method: str,
        path: str,
        *,
        body: bytes | None = None,
        content_type: str = "",
        auth: bool = True,
        limit: int = MAX_ANSWER_BYTES,
        refusals: dict[int, str] | None = None,
    ) -> tuple[int, bytes]:
        headers = {"User-Agent": f"CellBook/{__version__}", "Accept": "*/*"}
        if content_type:
            headers["Content-Type"] = content_type
        if auth:
            if not self.token:
                raise HubRefused(_refusal(401), status=401)
            headers["Authorization"] = f"Bearer {self.token}"
        try:
            request = urllib.request.Request(
                self.base_url + path, data=body, method=method, headers=headers
            )
            with self._opener.open(request, timeout=self.timeout) as response:
                data = response.read(limit + 1)
                status = int(response.status)
        except urllib.error.HTTPError as error:
            raise self._failure(error, refusals or {}) from None
        except ValueError as error:  # not a URL urllib can use
            raise HubRefused(
                _("The hub's address is not valid. Check it on the Sync page.")
            ) from error
        except (OSError, http.client.HTTPException) as error:  # URLError is an OSError
            raise HubUnavailable(_unavailable_message(), detail=type(error).__name__) from None
        if len(data) > limit:
            raise HubRefused(_refusal(413), status=413)
        return status, data

    @staticmethod
    def _failure(error: urllib.error.HTTPError, refusals: dict[int, str]) -> HubError:
        status = int(error.code)
        try:
            detail = error.read(_MAX_DETAIL_BYTES).decode("utf-8", "replace")
        except (OSError, http.client.HTTPException):
            detail = ""
        finally:
            error.close()
        if status >= 500 or status in (408, 429):
            return HubUnavailable(
                _(
                    "The hub is not working just now (error {status}). Nothing was lost: "
                    "CellBook will try again later."
                ).format(status=status),
                status=status,
                detail=detail,
            )
        return HubRefused(refusals.get(status) or _refusal(status), status=status, detail=detail)
