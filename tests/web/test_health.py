"""GET /health: Rasa, the action server, the index and the parameters, each with its own state."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from fastapi.testclient import TestClient

from web.app import create_app


def test_health_reports_each_service_that_does_not_answer(client, settings):
    body = client.get("/health").json()
    assert body["ok"] is False
    rasa = body["components"]["rasa"]
    assert rasa == {"ok": False, "url": f"{settings.rasa_url}/status",
                    "detail": "svarar inte (ConnectError)"}
    assert body["components"]["action_server"]["ok"] is False
    assert body["components"]["action_server"]["detail"].startswith("svarar inte")
    # the data loaded at start-up is still reported healthy
    index = body["components"]["index"]
    assert index["ok"] is True
    assert index["embedder"] == "hash-bow-256"
    parameters = body["components"]["parameters"]
    assert parameters == {"ok": True, "years": [2021, 2022, 2023, 2024, 2025, 2026]}


class _Answer200(BaseHTTPRequestHandler):
    paths = {"/status", "/health"}

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        self.send_response(200 if self.path in self.paths else 404)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(b"{}")

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def healthy_services() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Answer200)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_health_is_ok_when_every_component_is(settings, healthy_services):
    app = create_app(settings.model_copy(update={
        "rasa_url": healthy_services, "action_server_url": healthy_services}))
    with TestClient(app, client=("127.0.0.1", 50000)) as client:
        body = client.get("/health").json()
    assert body["ok"] is True
    assert {name: c["ok"] for name, c in body["components"].items()} == {
        "rasa": True, "action_server": True, "index": True, "parameters": True}
