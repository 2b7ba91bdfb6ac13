"""Who may come in, how big a request may be, and the security headers on every response.

Access (decided for this project): a configurable shared token, ``BG_API_TOKEN``.

* From the machine itself (the socket peer is 127.0.0.1 or ::1) everything is open, as
  ``make run`` needs. ``/health``, ``/health/live`` and ``/health/ready`` are always open
  (load balancers and monitoring).
* From anywhere else the page and the API need the token, either as
  ``Authorization: Bearer <token>`` (API clients) or as the password of HTTP Basic
  authentication with any user name (the browser asks for it natively, then sends it with
  every request of the page, including the chat's fetch calls: no cookie, no login page).
* No token configured and not from localhost: refused (fail closed).

Why a token and not an OIDC client: a municipality puts the app behind its own reverse proxy
with its single sign-on (the proxy, not this app, talks OIDC/SAML to the municipality's
identity provider and passes on only authenticated users). The token keeps the app closed
even when the proxy is misconfigured, needs no extra library and no reachable identity
provider in tests. Behind a proxy on the same machine, the proxy must send X-Forwarded-For
(uvicorn trusts it from 127.0.0.1 by default) or set ``BG_TRUST_LOCALHOST=false``, otherwise
every request looks local.

CORS is closed: no cross-origin headers at all unless ``BG_CORS_ORIGINS`` lists origins.
"""

from __future__ import annotations

import base64
import binascii
import hmac
import json
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from fastapi import FastAPI
from starlette.middleware.cors import CORSMiddleware

from web.settings import SecuritySettings

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

LOOPBACK = frozenset({"127.0.0.1", "::1", "localhost"})
OPEN_PATHS = frozenset({"/health", "/health/live", "/health/ready"})

CSP = "; ".join([
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
])
# FastAPI's interactive docs load Swagger UI / ReDoc from a CDN with an inline script.
DOCS_CSP = "; ".join([
    "default-src 'self'",
    "script-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net",
    "style-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net https://fonts.googleapis.com",
    "img-src 'self' data: https://fastapi.tiangolo.com https://cdn.redoc.ly",
    "font-src 'self' https://fonts.gstatic.com",
    "worker-src 'self' blob:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
])
DOCS_PATHS = ("/docs", "/redoc")

HEADERS = {
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "no-referrer",
    "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=()",
    "cross-origin-opener-policy": "same-origin",
    "cross-origin-resource-policy": "same-origin",
}

UNAUTHORIZED = (
    "Inloggning krävs: ange åtkomsttoken (Authorization: Bearer <token>, eller som lösenord "
    "när webbläsaren frågar)."
)
NO_TOKEN_CONFIGURED = (
    "Åtkomst utifrån är avstängd: ingen åtkomsttoken är konfigurerad (BG_API_TOKEN). "
    "Använd tjänsten från samma dator eller be driften att sätta en token."
)


def too_large_message(limit: int) -> str:
    return f"Förfrågan är för stor: högst {limit} byte tillåts."


def _token_from(headers: dict[bytes, bytes]) -> str | None:
    value = headers.get(b"authorization", b"").decode("latin-1").strip()
    scheme, _, credentials = value.partition(" ")
    scheme, credentials = scheme.lower(), credentials.strip()
    if scheme == "bearer":
        return credentials
    if scheme == "basic":
        try:
            decoded = base64.b64decode(credentials, validate=True).decode("utf-8")
        except (binascii.Error, UnicodeDecodeError):
            return None
        return decoded.partition(":")[2]
    return None


async def _json(send: Send, status: int, body: dict[str, Any],
                extra: list[tuple[bytes, bytes]] | None = None) -> None:
    payload = json.dumps(body, ensure_ascii=False).encode("utf-8")
    headers = [(b"content-type", b"application/json"),
               (b"content-length", str(len(payload)).encode()), *(extra or [])]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": payload})


class GuardMiddleware:
    """Pure ASGI: security headers on every response, access control, request size limit."""

    def __init__(self, app: ASGIApp, settings: SecuritySettings) -> None:
        self.app = app
        self.settings = settings

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope.get("path", "")
        csp = DOCS_CSP if path.startswith(DOCS_PATHS) else CSP

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {k.lower() for k, _ in headers}
                for name, value in {**HEADERS, "content-security-policy": csp}.items():
                    if name.encode() not in present:
                        headers.append((name.encode(), value.encode()))
                if path.startswith("/api/") and b"cache-control" not in present:
                    headers.append((b"cache-control", b"no-store"))
                message["headers"] = headers
            await send(message)

        headers = dict(scope.get("headers", []))
        refusal = self._refuse(scope, path, headers)
        if refusal is not None:
            status, body, extra = refusal
            await _json(send_with_headers, status, body, extra)
            return
        await self._limited(scope, receive, send_with_headers, headers)

    def _refuse(self, scope: Scope, path: str, headers: dict[bytes, bytes]
                ) -> tuple[int, dict[str, Any], list[tuple[bytes, bytes]]] | None:
        if path in OPEN_PATHS:
            return None
        client = scope.get("client")
        host = client[0] if client else ""
        if self.settings.trust_localhost and host in LOOPBACK:
            return None
        if (scope.get("method") == "OPTIONS" and b"origin" in headers
                and b"access-control-request-method" in headers
                and self.settings.cors_origin_list):
            return None  # a CORS preflight carries no credentials; CORSMiddleware answers it
        token = self.settings.api_token.get_secret_value() if self.settings.api_token else ""
        challenge = [(b"www-authenticate", b'Bearer realm="Bistandsguiden"'),
                     (b"www-authenticate", b'Basic realm="Bistandsguiden", charset="UTF-8"')]
        if not token:
            return 401, {"detail": NO_TOKEN_CONFIGURED}, []
        given = _token_from(headers)
        if given is None or not hmac.compare_digest(given.encode(), token.encode()):
            return 401, {"detail": UNAUTHORIZED}, challenge
        return None

    async def _limited(self, scope: Scope, receive: Receive, send: Send,
                       headers: dict[bytes, bytes]) -> None:
        limit = self.settings.max_body_bytes
        declared = headers.get(b"content-length")
        if declared is not None:
            try:
                too_big = int(declared) > limit
            except ValueError:
                await _json(send, 400, {"detail": "Ogiltig Content-Length."})
                return
            if too_big:
                await _json(send, 413, {"detail": too_large_message(limit), "field": "indata"})
                return
            await self.app(scope, receive, send)
            return
        # No Content-Length (a chunked body): read it up to the limit, then hand it on.
        chunks: list[bytes] = []
        received = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                return  # the client went away
            chunks.append(message.get("body", b""))
            received += len(chunks[-1])
            if received > limit:
                await _json(send, 413, {"detail": too_large_message(limit), "field": "indata"})
                return
            if not message.get("more_body", False):
                break
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": b"".join(chunks), "more_body": False}
            return await receive()

        await self.app(scope, replay, send)


def install(app: FastAPI, settings: SecuritySettings) -> SecuritySettings:
    """Add CORS (only when origins are configured) and the guard, outermost."""
    if settings.cors_origin_list:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origin_list,
            allow_methods=["GET", "POST"],
            allow_headers=["Authorization", "Content-Type"],
            allow_credentials=False,
            max_age=600,
        )
    app.add_middleware(GuardMiddleware, settings=settings)
    return settings
