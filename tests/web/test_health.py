"""GET /health: Rasa, the action server, the index and the parameters, each with its own state."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from fastapi.testclient import TestClient

from tests.support.services import free_port
from web.app import create_app


def test_health_reports_each_service_that_does_not_answer(client, settings):
    body = client.get("/health").json()
    assert body["ok"] is False
    rasa = body["components"]["rasa"]
    assert rasa == {"ok": False, "url": f"{settings.rasa.rasa_url}/status",
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
    app = create_app(settings.replace(
        rasa={"rasa_url": healthy_services}, health={"action_server_url": healthy_services}))
    with TestClient(app, client=("127.0.0.1", 50000)) as client:
        body = client.get("/health").json()
    assert body["ok"] is True
    assert {name: c["ok"] for name, c in body["components"].items()} == {
        "rasa": True, "action_server": True, "index": True, "parameters": True}


def test_live_is_200_while_ready_is_503_until_every_part_is_up(client):
    assert client.get("/health/live").json() == {"ok": True}
    ready = client.get("/health/ready")
    assert ready.status_code == 503
    body = ready.json()
    assert body["ok"] is False
    assert body["components"]["rasa"]["detail"] == "svarar inte (ConnectError)"
    # the detailed body stays at /health, with 200 for people and monitoring
    assert client.get("/health").status_code == 200


def test_ready_is_200_when_every_component_is(settings, healthy_services):
    app = create_app(settings.replace(
        rasa={"rasa_url": healthy_services}, health={"action_server_url": healthy_services}))
    with TestClient(app, client=("127.0.0.1", 50000)) as client:
        assert client.get("/health/ready").status_code == 200


def test_ready_with_two_rasa_replicas_one_down(settings, healthy_services):
    dead = settings.rasa.rasa_url
    app = create_app(settings.replace(
        rasa={"rasa_urls": f"{healthy_services},{dead}"},
        health={"action_server_url": healthy_services}))
    with TestClient(app, client=("127.0.0.1", 50000)) as client:
        ready = client.get("/health/ready")
        rasa = ready.json()["components"]["rasa"]
        # one ready replica is enough to serve; the routing skips the other one
        assert ready.status_code == 200
        assert rasa["ok"] is True and rasa["ready"] == "1 av 2"
        assert [r["ok"] for r in rasa["replicas"]] == [True, False]
        assert app.state.resources.rasa.candidates("any-conversation") == [0]


def test_ready_names_a_lock_store_and_tracker_store_that_are_down(settings, healthy_services):
    redis_url = f"redis://127.0.0.1:{free_port()}/0"
    db_url = f"postgresql://rasa:secret@127.0.0.1:{free_port()}/rasa"
    app = create_app(settings.replace(
        rasa={"rasa_url": healthy_services}, health={"action_server_url": healthy_services},
        cluster={"redis_url": redis_url, "tracker_db_url": db_url}))
    with TestClient(app, client=("127.0.0.1", 50000)) as client:
        ready = client.get("/health/ready")
    assert ready.status_code == 503
    components = ready.json()["components"]
    assert components["lock_store"] == {"ok": False, "url": redis_url,
                                        "detail": "svarar inte (ConnectionError)"}
    assert components["tracker_store"]["ok"] is False
    assert components["tracker_store"]["url"] == db_url.replace(
        "postgresql://rasa:secret", "postgresql+psycopg://rasa:***")
    assert components["tracker_store"]["detail"] == "svarar inte (OperationalError)"
