"""The relay to Rasa's REST channel, and the merge of its reply elements into chat messages.

Rasa answers ``POST /webhooks/rest/webhook`` with a list of elements: text elements
``{"recipient_id", "text"}`` (optionally with ``buttons``) and custom payload elements
``{"recipient_id", "custom": {...}}``. The actions send the structured part of an answer
(citations, a calculation, the facts collected so far, a summary for the case journal) as a
custom element right after the text it belongs to, so a custom element is merged into the
message before it.
"""

from __future__ import annotations

from typing import Any

import httpx

RASA_UNAVAILABLE = "Chattjänsten (Rasa) svarar inte just nu. Försök igen om en stund."

# Keys of a custom payload that the chat API passes on; anything else is ignored.
STRUCTURED_KEYS = ("citations", "calculation", "facts", "summary_text")


class RasaUnavailableError(RuntimeError):
    """Rasa could not be reached, timed out or answered with an error status."""

    def __init__(self, detail: str) -> None:
        super().__init__(RASA_UNAVAILABLE)
        self.message = RASA_UNAVAILABLE
        self.detail = detail


class RasaClient:
    """A small async client for one Rasa server; one connection pool per app."""

    def __init__(self, base_url: str, timeout_s: float = 60.0,
                 transport: httpx.AsyncBaseTransport | None = None) -> None:
        self.base_url = base_url.rstrip("/")
        self._client = httpx.AsyncClient(base_url=self.base_url, timeout=timeout_s,
                                         transport=transport)

    async def send(self, sender_id: str, message: str) -> list[dict[str, Any]]:
        """Send one user message; return Rasa's raw reply elements."""
        try:
            response = await self._client.post(
                "/webhooks/rest/webhook", json={"sender": sender_id, "message": message}
            )
        except httpx.HTTPError as exc:
            raise RasaUnavailableError(f"{type(exc).__name__}: {exc}") from exc
        if response.status_code != 200:
            raise RasaUnavailableError(f"HTTP {response.status_code}")
        try:
            body = response.json()
        except ValueError as exc:
            raise RasaUnavailableError("svaret var inte JSON") from exc
        if not isinstance(body, list):
            raise RasaUnavailableError("svaret var inte en lista")
        return [e for e in body if isinstance(e, dict)]

    async def aclose(self) -> None:
        await self._client.aclose()


def _empty_message() -> dict[str, Any]:
    return {"text": "", "buttons": [], "citations": [], "calculation": None, "facts": None,
            "summary_text": None}


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
