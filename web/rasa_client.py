"""The relay to Rasa's REST channel, and the merge of its reply elements into chat messages.

Rasa answers ``POST /webhooks/rest/webhook`` with a list of elements: text elements
``{"recipient_id", "text"}`` (optionally with ``buttons``) and custom payload elements
``{"recipient_id", "custom": {...}}``. The actions send the structured part of an answer
(citations, a calculation, the facts collected so far, a summary for the case journal) as a
custom element right after the text it belongs to, so a custom element is merged into the
message before it.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Awaitable, Callable, Sequence
from typing import Any

import httpx

RASA_UNAVAILABLE = "Chattjänsten (Rasa) svarar inte just nu. Försök igen om en stund."

# Keys of a custom payload that the chat API passes on; anything else is ignored.
STRUCTURED_KEYS = ("citations", "calculation", "facts", "summary_text", "comparison",
                   "exercise", "lesson", "glossary")


class RasaUnavailableError(RuntimeError):
    """Rasa could not be reached, timed out or answered with an error status."""

    def __init__(self, detail: str) -> None:
        super().__init__(RASA_UNAVAILABLE)
        self.message = RASA_UNAVAILABLE
        self.detail = detail


def replica_order(sender_id: str, replicas: Sequence[str]) -> list[int]:
    """The replicas to try for a conversation, best first: rendezvous (highest-random-weight)
    hashing of the conversation id. Every web replica computes the same order without sharing
    state; adding or removing a Rasa replica moves only the conversations that ranked it first.
    """
    def weight(index: int) -> bytes:
        return hashlib.sha256(f"{replicas[index]}\n{sender_id}".encode()).digest()

    return sorted(range(len(replicas)), key=weight, reverse=True)


class RasaClient:
    """A small async client for one or several Rasa servers; one connection pool per app.

    With several replicas (they share a tracker store and a lock store, so any of them can
    serve any turn) a conversation goes to its first replica in :func:`replica_order`, so its
    turns usually land on one replica; a replica that refuses the connection (stopped, still
    loading its model) or that the readiness check found down is skipped for
    ``retry_s`` seconds and the turn goes to the next one. Only a refused connection fails
    over: after a time-out or a broken answer the message may have been handled, and sending
    it again would make it twice.
    """

    def __init__(self, base_url: str | Sequence[str], timeout_s: float = 60.0,
                 transport: httpx.AsyncBaseTransport | None = None,
                 retry_s: float = 5.0) -> None:
        urls = [base_url] if isinstance(base_url, str) else list(base_url)
        self.replicas = [u.rstrip("/") for u in urls]
        self.base_url = self.replicas[0]
        self.retry_s = retry_s
        self._down_until = [0.0] * len(self.replicas)
        self._client = httpx.AsyncClient(timeout=timeout_s, transport=transport)

    def mark(self, index: int, ready: bool) -> None:
        """Record a replica's readiness (from /health/ready or from a refused connection)."""
        self._down_until[index] = 0.0 if ready else time.monotonic() + self.retry_s

    def candidates(self, sender_id: str) -> list[int]:
        order = replica_order(sender_id, self.replicas)
        now = time.monotonic()
        up = [i for i in order if self._down_until[i] <= now]
        # every replica marked down: try them all anyway, one may be back already
        return up or order

    async def send(self, sender_id: str, message: str) -> list[dict[str, Any]]:
        """Send one user message; return Rasa's raw reply elements."""
        return (await self.send_routed(sender_id, message))[1]

    async def send_routed(self, sender_id: str, message: str
                          ) -> tuple[int, list[dict[str, Any]]]:
        """Send one user message; return (the replica that answered, its reply elements)."""
        index, response = await self._routed(sender_id, lambda base: self._client.post(
            f"{base}/webhooks/rest/webhook", json={"sender": sender_id, "message": message}))
        body = self._json(response, list, "en lista")
        return index, [e for e in body if isinstance(e, dict)]

    async def tracker(self, sender_id: str) -> dict[str, Any]:
        """The conversation's tracker (Rasa's HTTP API, ``--enable-api``), from the replica the
        conversation's turns go to (any replica can read it: the tracker store is shared)."""
        _, response = await self._routed(sender_id, lambda base: self._client.get(
            f"{base}/conversations/{sender_id}/tracker", params={"include_events": "ALL"}))
        return self._json(response, dict, "ett objekt")

    async def _routed(self, sender_id: str,
                      request: Callable[[str], Awaitable[httpx.Response]]
                      ) -> tuple[int, httpx.Response]:
        """One request to the conversation's replicas in order; only a refused connection
        moves on to the next one."""
        refused = []
        for index in self.candidates(sender_id):
            try:
                return index, await request(self.replicas[index])
            except (httpx.ConnectError, httpx.ConnectTimeout) as exc:
                self.mark(index, ready=False)
                refused.append(f"{self.replicas[index]}: {type(exc).__name__}: {exc}")
            except httpx.HTTPError as exc:
                raise RasaUnavailableError(f"{type(exc).__name__}: {exc}") from exc
        raise RasaUnavailableError("; ".join(refused))

    @staticmethod
    def _json(response: httpx.Response, kind: type, name: str) -> Any:
        if response.status_code != 200:
            raise RasaUnavailableError(f"HTTP {response.status_code}")
        try:
            body = response.json()
        except ValueError as exc:
            raise RasaUnavailableError("svaret var inte JSON") from exc
        if not isinstance(body, kind):
            raise RasaUnavailableError(f"svaret var inte {name}")
        return body

    async def aclose(self) -> None:
        await self._client.aclose()


def _empty_message() -> dict[str, Any]:
    return {"text": "", "buttons": [], "citations": [], "calculation": None, "facts": None,
            "summary_text": None}


def history(tracker: dict[str, Any]) -> list[dict[str, Any]]:
    """The conversation as the page shows it, from the tracker's events since the last
    restart: the caseworker's messages ({"from": "user", "text"}) and the assistant's, each
    merged as the chat API merges them ({"from": "bot", "text", "calculation", …})."""
    out: list[dict[str, Any]] = []
    for event in tracker.get("events") or []:
        if not isinstance(event, dict):
            continue
        kind = event.get("event")
        if kind == "restart":
            out = []
        elif kind == "user" and isinstance(event.get("text"), str) \
                and not event["text"].startswith("/"):
            out.append({"from": "user", "text": event["text"]})
        elif kind == "bot":
            data = event.get("data") or {}
            elements: list[dict[str, Any]] = []
            if isinstance(event.get("text"), str):
                elements.append({"text": event["text"], "buttons": data.get("buttons") or []})
            if isinstance(data.get("custom"), dict):
                elements.append({"custom": data["custom"]})
            out += [{"from": "bot", **m} for m in merge_elements(elements)]
    return out


def merge_elements(elements: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Turn Rasa's reply elements into chat messages.

    Each text element starts a message; a custom element is merged into the message before
    it (or starts a message with empty text when it comes first). Buttons are kept as
    quick replies ``{"title", "payload"}``.
    """
    messages: list[dict[str, Any]] = []
    for element in elements:
        if "text" in element and isinstance(element["text"], str):
            message = _empty_message()
            message["text"] = element["text"]
            messages.append(message)
        elif isinstance(element.get("custom"), dict):
            if not messages:
                messages.append(_empty_message())
            message = messages[-1]
            custom = element["custom"]
            for key in STRUCTURED_KEYS:
                if custom.get(key) is None:
                    continue
                if key == "citations":
                    message["citations"].extend(c for c in custom[key] if isinstance(c, dict))
                else:
                    message[key] = custom[key]
        else:
            continue
        for button in element.get("buttons") or []:
            if isinstance(button, dict) and "title" in button:
                message["buttons"].append(
                    {"title": str(button["title"]),
                     "payload": str(button.get("payload", button["title"]))}
                )
    return messages
