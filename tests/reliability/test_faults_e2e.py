"""Faults with the real Rasa server and the real action server behind the real web app:
either service down gives a Swedish 503 in the chat, and the chat recovers when it is back.
A personnummer typed into the chat never reaches Rasa's tracker store or its log."""

from __future__ import annotations

import json

import httpx
import pytest
from fastapi.testclient import TestClient

from actions.general import CAPABILITIES
from tests.reliability.conftest import LOCAL
from tests.support.services import Stack, rasa_server, start_stack
from web.app import create_app
from web.pii import PLACEHOLDER
from web.rasa_client import RASA_UNAVAILABLE
from web.routers.chat import ACTION_SERVER_UNAVAILABLE
from web.settings import (
    AuditSettings,
    HealthSettings,
    KnowledgeSettings,
    RasaSettings,
    Settings,
)

pytestmark = pytest.mark.e2e

CAPABILITIES_QUESTION = "vad kan du hjälpa till med?"


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    workdir = tmp_path_factory.mktemp("faults")
    store = {"type": "SQL", "dialect": "sqlite", "db": str(workdir / "tracker.db")}
    running: Stack = start_stack(
        workdir, lambda w, port: rasa_server(w, port, tracker_store=store))
    try:
        yield running
    finally:
        running.stop()


@pytest.fixture
def chat(stack, small_index, audit_file):
    settings = Settings(
        knowledge=KnowledgeSettings(index_dir=str(small_index)),
        rasa=RasaSettings(rasa_url=stack.rasa_url, rasa_timeout_seconds=30.0),
        health=HealthSettings(action_server_url=stack.actions.health_url.removesuffix("/health"),
                              health_timeout_seconds=2.0),
        audit=AuditSettings(audit_file=audit_file),
    )
    with TestClient(create_app(settings), client=LOCAL) as client:
        def send(sender: str, message: str) -> httpx.Response:
            return client.post("/api/v1/chat", json={"sender_id": sender, "message": message})
        send.client = client
        yield send


def texts(response: httpx.Response) -> list[str]:
    assert response.status_code == 200, response.text
    return [m["text"] for m in response.json()["messages"]]


def test_personnummer_never_reaches_rasa_its_store_or_its_log(stack, chat, audit_file):
    reply = texts(chat("pii-e2e-1", "hej, det gäller 19811218-9876 och 701063-2391"))
    assert reply[0].startswith("Jag tog bort 2 personnummer ur ditt meddelande")
    assert len(reply) >= 2  # the bot's own answer follows the notice
    tracker = httpx.get(f"{stack.rasa_url}/conversations/pii-e2e-1/tracker", timeout=30).json()
    user_texts = [e["text"] for e in tracker["events"] if e["event"] == "user"]
    assert user_texts == [f"hej, det gäller {PLACEHOLDER} och {PLACEHOLDER}"]
    stored = json.dumps(tracker) + stack.rasa.log_tail(10**7)
    # (bare four-digit tails would also match timestamps in the tracker)
    for secret in ("19811218", "811218-9876", "8112189876", "701063-2391", "7010632391"):
        assert secret not in stored
    if audit_file.exists():
        assert "811218" not in audit_file.read_text(encoding="utf-8")


def test_action_server_down_then_back(stack, chat):
    assert texts(chat("faults-actions-1", CAPABILITIES_QUESTION)) == [CAPABILITIES]
    stack.actions.stop()
    try:
        down = chat("faults-actions-1", CAPABILITIES_QUESTION)
        assert down.status_code == 503
        assert down.json() == {"detail": ACTION_SERVER_UNAVAILABLE}
        health = chat.client.get("/health").json()
        assert health["components"]["action_server"]["ok"] is False
    finally:
        stack.actions.start()
        stack.actions.wait_healthy(60)
    assert texts(chat("faults-actions-1", CAPABILITIES_QUESTION)) == [CAPABILITIES]


def test_rasa_down_then_back(stack, chat):
    assert texts(chat("faults-rasa-1", "hej"))[0].startswith("Hej! Jag är Biståndsguiden.")
    stack.rasa.stop()
    try:
        down = chat("faults-rasa-1", "hej")
        assert down.status_code == 503
        assert down.json() == {"detail": RASA_UNAVAILABLE}
        assert chat.client.get("/health").json()["components"]["rasa"]["ok"] is False
    finally:
        stack.rasa.start()
        stack.rasa.wait_healthy(300)
    assert texts(chat("faults-rasa-1", CAPABILITIES_QUESTION)) == [CAPABILITIES]
