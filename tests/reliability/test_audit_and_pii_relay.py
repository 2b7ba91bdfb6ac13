"""The audit trail records answers and calculations with versions and without personal data;
the chat relay removes personal identity numbers before Rasa sees the message.

Rasa is replaced by an httpx transport here (the relay's own logic is under test); the
end-to-end test in test_faults_e2e.py sends a personnummer through the real Rasa.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from knowledge.currency import load_currency
from tests.reliability.conftest import LOCAL
from web.app import create_app
from web.audit import conversation_ref
from web.deps import get_rasa_client
from web.pii import PLACEHOLDER
from web.rasa_client import RasaClient
from web.routers.calculate import EXAMPLE

ROOT = Path(__file__).resolve().parents[2]
PNR = "811218-9876"
HIT = {"document": "SOSFS 2003:5", "document_status": "upphävd", "heading_path": ["Inkomster"],
       "section": "Faktiska inkomster", "page": 20, "text": "Barnbidrag räknas som inkomst.",
       "score": 0.8, "citation": "SOSFS 2003:5, s. 20"}


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


class RecordingRasa:
    def __init__(self, reply: list[dict]) -> None:
        self.reply = reply
        self.received: list[dict] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.received.append(json.loads(request.content))
        return httpx.Response(200, json=self.reply)


@pytest.fixture
def client(web_settings, audit_file):
    app = create_app(web_settings)
    with TestClient(app, client=LOCAL) as test_client:
        test_client.app_ref = app
        yield test_client


def use_rasa(client: TestClient, reply: list[dict]) -> RecordingRasa:
    fake = RecordingRasa(reply)
    rasa = RasaClient("http://rasa.test", transport=httpx.MockTransport(fake))
    client.app_ref.dependency_overrides[get_rasa_client] = lambda: rasa
    return fake


def records(audit_file: Path) -> list[dict]:
    if not audit_file.exists():
        return []
    return [json.loads(line) for line in audit_file.read_text(encoding="utf-8").splitlines()]


def test_search_is_recorded_with_the_corpus_version_and_without_the_personnummer(
    client, audit_file, small_index
):
    question = f"Räknas barnbidrag som inkomst för {PNR}?"
    response = client.post("/api/v1/search", json={"question": question, "top_k": 2})
    assert response.status_code == 200
    [record] = records(audit_file)
    manifest = json.loads((small_index / "manifest.json").read_text(encoding="utf-8"))
    assert record["kind"] == "search"
    assert record["question"] == f"Räknas barnbidrag som inkomst för {PLACEHOLDER}?"
    assert record["corpus"]["corpus_hash"] == manifest["corpus_hash"]
    assert record["corpus"]["embedder"] == "hash-bow-256"
    assert record["answered"] == response.json()["answered"]
    assert [h["citation"] for h in record["hits"]] == [
        h["citation"] for h in response.json()["hits"]]
    # the currency status shown with each SOSFS 2003:5 hit, and the data file's version
    assert any("currency" in h for h in response.json()["hits"])
    assert [h.get("currency") for h in record["hits"]] == [
        {"status": h["currency"]["status"], "checked": h["currency"]["checked"]}
        if "currency" in h else None for h in response.json()["hits"]]
    assert record["corpus"]["currency_notes"] == load_currency().sha
    assert "9876" not in audit_file.read_text(encoding="utf-8")


def test_calculation_is_recorded_with_parameter_file_hashes(client, audit_file):
    response = client.post("/api/v1/calculate", json=EXAMPLE)
    assert response.status_code == 200
    assert response.json()["forsorjningsstod"] == 14990
    [record] = records(audit_file)
    assert record["kind"] == "calculate"
    assert record["input"] == EXAMPLE
    assert record["result"]["forsorjningsstod"] == 14990
    assert record["result"]["parametrar"] == response.json()["parametrar"]
    assert record["parameters"] == {
        "year": 2024,
        "file": "calculator/parameters/2024.yaml",
        "sha256": sha256(ROOT / "calculator/parameters/2024.yaml"),
        "rules_file": "calculator/parameters/rules.yaml",
        "rules_sha256": sha256(ROOT / "calculator/parameters/rules.yaml"),
    }


def test_refused_calculation_is_not_recorded(client, audit_file):
    response = client.post("/api/v1/calculate", json={**EXAMPLE, "month": 13})
    assert response.status_code == 422
    assert records(audit_file) == []


def test_chat_removes_the_personnummer_before_rasa_and_says_so(client, audit_file):
    rasa = use_rasa(client, [{"recipient_id": "flik-9", "text": "Barnbidrag räknas."},
                             {"recipient_id": "flik-9", "custom": {"citations": [HIT]}}])
    response = client.post("/api/v1/chat", json={
        "sender_id": "flik-9", "message": f"Klienten {PNR} får barnbidrag, räknas det?"})
    assert response.status_code == 200
    assert rasa.received == [{"sender": "flik-9",
                              "message": f"Klienten {PLACEHOLDER} får barnbidrag, räknas det?"}]
    messages = response.json()["messages"]
    assert messages[0]["text"].startswith("Jag tog bort ett personnummer ur ditt meddelande")
    assert messages[1]["text"] == "Barnbidrag räknas."
    assert messages[1]["citations"] == [HIT]
    [record] = records(audit_file)
    assert record["kind"] == "chat"
    assert record["conversation"] == conversation_ref("flik-9") != "flik-9"
    assert record["message"] == f"Klienten {PLACEHOLDER} får barnbidrag, räknas det?"
    assert record["personnummer_removed"] == 1
    assert record["citations"][0]["citation"] == "SOSFS 2003:5, s. 20"
    assert "corpus" in record and "parameters" not in record
    text = audit_file.read_text(encoding="utf-8")
    assert "9876" not in text and "flik-9" not in text


def test_chat_with_a_calculation_records_the_parameter_versions(client, audit_file):
    calculation = client.post("/api/v1/calculate", json=EXAMPLE).json()
    audit_file.unlink()
    use_rasa(client, [{"recipient_id": "f", "text": "Försörjningsstöd: 14 990 kr"},
                      {"recipient_id": "f", "custom": {"calculation": calculation}}])
    assert client.post("/api/v1/chat", json={"sender_id": "f", "message": "ja"}).status_code == 200
    [record] = records(audit_file)
    assert record["calculations"][0]["forsorjningsstod"] == 14990
    assert record["parameters"][0]["sha256"] == sha256(ROOT / "calculator/parameters/2024.yaml")


def test_small_talk_without_citations_or_calculation_is_not_recorded(client, audit_file):
    use_rasa(client, [{"recipient_id": "f", "text": "Hej!"}])
    assert client.post("/api/v1/chat", json={"sender_id": "f", "message": "hej"}).status_code == 200
    assert records(audit_file) == []


def test_a_personnummer_as_conversation_id_is_refused(client, audit_file):
    rasa = use_rasa(client, [])
    response = client.post("/api/v1/chat", json={"sender_id": "198112189876", "message": "hej"})
    assert response.status_code == 422
    assert response.json()["field"] == "sender_id"
    assert rasa.received == []
