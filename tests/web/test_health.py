from __future__ import annotations

from fastapi.testclient import TestClient

from tests.support.services import free_port
from web.app import app
from web.settings import Settings, get_settings


def test_health_reports_each_service_that_does_not_answer():
    rasa_port, action_port = free_port(), free_port()
    app.dependency_overrides[get_settings] = lambda: Settings(
        rasa_url=f"http://127.0.0.1:{rasa_port}",
        action_server_url=f"http://127.0.0.1:{action_port}",
    )
    try:
        body = TestClient(app).get("/health").json()
    finally:
        app.dependency_overrides.clear()
    assert body["ok"] is False
    assert body["components"]["rasa"]["ok"] is False
    assert body["components"]["rasa"]["url"] == f"http://127.0.0.1:{rasa_port}/status"
    assert body["components"]["action_server"]["ok"] is False
    assert body["components"]["action_server"]["detail"].startswith("svarar inte")
