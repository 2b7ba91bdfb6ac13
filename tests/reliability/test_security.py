"""Access control, security headers, CORS and request size limits on the real app."""

from __future__ import annotations

import base64

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr

from tests.reliability.conftest import LOCAL, REMOTE
from web.app import create_app
from web.security import NO_TOKEN_CONFIGURED, UNAUTHORIZED

TOKEN = "kommunens-hemliga-token-42"
QUESTION = {"question": "Räknas barnbidrag som inkomst?", "top_k": 1}


@pytest.fixture
def make_client(web_settings, audit_file):
    clients: list[TestClient] = []

    def make(peer=REMOTE, **security) -> TestClient:
        settings = web_settings.replace(security=security)
        client = TestClient(create_app(settings), client=peer)
        client.__enter__()
        clients.append(client)
        return client

    yield make
    for client in clients:
        client.__exit__(None, None, None)


def test_localhost_needs_no_token_and_the_page_has_a_strict_csp(make_client):
    client = make_client(peer=LOCAL, api_token=SecretStr(TOKEN))
    page = client.get("/")
    assert page.status_code == 200
    csp = page.headers["content-security-policy"]
    assert "default-src 'self'" in csp
    assert "script-src 'self';" in csp  # no 'unsafe-inline' for the page's scripts
    assert "frame-ancestors 'none'" in csp
    assert page.headers["x-content-type-options"] == "nosniff"
    assert page.headers["x-frame-options"] == "DENY"
    assert page.headers["referrer-policy"] == "no-referrer"
    assert client.post("/api/v1/search", json=QUESTION).status_code == 200


def test_remote_without_a_configured_token_is_refused_but_health_stays_open(make_client):
    client = make_client()
    for method, path in (("GET", "/"), ("POST", "/api/v1/search"), ("GET", "/openapi.json"),
                         ("GET", "/static/app.js")):
        response = client.request(method, path, json=QUESTION if method == "POST" else None)
        assert response.status_code == 401, path
        assert response.json() == {"detail": NO_TOKEN_CONFIGURED}
        assert "content-security-policy" in response.headers
    health = client.get("/health")
    assert health.status_code != 401
    assert set(health.json()["components"]) >= {"rasa", "action_server", "index", "parameters"}


def test_remote_needs_the_token_as_bearer_or_basic_password(make_client):
    client = make_client(api_token=SecretStr(TOKEN))
    refused = client.post("/api/v1/search", json=QUESTION)
    assert refused.status_code == 401
    assert refused.json() == {"detail": UNAUTHORIZED}
    assert refused.headers.get_list("www-authenticate") == [
        'Bearer realm="Bistandsguiden"', 'Basic realm="Bistandsguiden", charset="UTF-8"',
    ]
    wrong = client.post("/api/v1/search", json=QUESTION,
                        headers={"Authorization": f"Bearer {TOKEN}x"})
    assert wrong.status_code == 401
    bearer = client.post("/api/v1/search", json=QUESTION,
                         headers={"Authorization": f"Bearer {TOKEN}"})
    assert bearer.status_code == 200
    assert bearer.json()["question"] == QUESTION["question"]
    assert bearer.headers["cache-control"] == "no-store"
    basic = base64.b64encode(f"handlaggare:{TOKEN}".encode()).decode()
    page = client.get("/", headers={"Authorization": f"Basic {basic}"})
    assert page.status_code == 200
    assert "text/html" in page.headers["content-type"]
    assert client.get("/", headers={"Authorization": "Basic !!!"}).status_code == 401


def test_cors_is_closed_by_default(make_client):
    client = make_client(peer=LOCAL)
    preflight = client.options("/api/v1/search", headers={
        "Origin": "https://evil.example", "Access-Control-Request-Method": "POST"})
    assert "access-control-allow-origin" not in preflight.headers
    post = client.post("/api/v1/search", json=QUESTION,
                       headers={"Origin": "https://evil.example"})
    assert post.status_code == 200
    assert "access-control-allow-origin" not in post.headers


def test_cors_opens_only_for_configured_origins(make_client):
    client = make_client(api_token=SecretStr(TOKEN), cors_origins="https://intranat.kommun.se")
    allowed = client.options("/api/v1/search", headers={
        "Origin": "https://intranat.kommun.se", "Access-Control-Request-Method": "POST"})
    assert allowed.status_code == 200
    assert allowed.headers["access-control-allow-origin"] == "https://intranat.kommun.se"
    other = client.options("/api/v1/search", headers={
        "Origin": "https://evil.example", "Access-Control-Request-Method": "POST"})
    assert "access-control-allow-origin" not in other.headers
    # The preflight is answered without a token; the real request still needs it.
    assert client.post("/api/v1/search", json=QUESTION,
                       headers={"Origin": "https://intranat.kommun.se"}).status_code == 401


def test_oversized_requests_get_413_in_swedish(make_client):
    client = make_client(peer=LOCAL)
    big = {"sender_id": "flik-1", "message": "hyra 6500 kr " * 10_000}
    response = client.post("/api/v1/chat", json=big)
    assert response.status_code == 413
    assert response.json()["detail"] == "Förfrågan är för stor: högst 65536 byte tillåts."


def test_oversized_chunked_request_without_content_length_gets_413(make_client):
    client = make_client(peer=LOCAL, max_body_bytes=1000)

    def chunks():
        for _ in range(20):
            yield b"x" * 100

    response = client.post("/api/v1/calculate", content=chunks(),
                           headers={"Content-Type": "application/json"})
    assert response.status_code == 413
    assert response.json()["detail"] == "Förfrågan är för stor: högst 1000 byte tillåts."


def test_long_message_under_the_byte_limit_gets_422_naming_the_field(make_client):
    client = make_client(peer=LOCAL)
    response = client.post("/api/v1/chat", json={"sender_id": "flik-1", "message": "a" * 5001})
    assert response.status_code == 422
    assert response.json()["field"] == "message"
    assert response.json()["detail"] == (
        "Fältet message får vara högst 5000 tecken, men är 5001 tecken.")


def test_a_body_that_is_not_utf8_json_gets_422_in_swedish(make_client):
    client = make_client(peer=LOCAL)
    response = client.post("/api/v1/chat", content=b"\xd6\x8d\xff\x08^",
                           headers={"Content-Type": "application/json"})
    assert response.status_code == 422
    assert response.json()["detail"] == "Indata kunde inte läsas: det är inte giltig JSON i UTF-8."
