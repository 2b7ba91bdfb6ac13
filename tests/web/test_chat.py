"""POST /api/v1/chat: relay to Rasa's REST channel and merge of its reply elements."""

from __future__ import annotations

import json

import httpx
import pytest
from fastapi.testclient import TestClient

from web.app import create_app
from web.deps import get_rasa_client
from web.rasa_client import RASA_UNAVAILABLE, RasaClient, merge_elements

HIT = {"document": "SOSFS 2003:5", "document_status": "upphävd, ersatt av SOSFS 2013:1",
       "heading_path": ["Faktiska inkomster"], "section": "Faktiska inkomster", "page": 20,
       "text": "Barnbidrag räknas som inkomst.", "score": 0.8, "citation": "SOSFS 2003:5, s. 20"}
CALC = {"forsorjningsstod": 14990, "rader": []}


def test_a_custom_payload_is_merged_into_the_text_before_it():
    elements = [
        {"recipient_id": "a", "text": "Barnbidrag räknas som inkomst."},
        {"recipient_id": "a", "custom": {"citations": [HIT], "other": "ignoreras"}},
        {"recipient_id": "a", "text": "Resultat:"},
        {"recipient_id": "a", "custom": {"calculation": CALC, "facts": {"År": 2024},
                                          "summary_text": "Försörjningsstöd: 14 990 kr"}},
    ]
    assert merge_elements(elements) == [
        {"text": "Barnbidrag räknas som inkomst.", "buttons": [], "citations": [HIT],
         "calculation": None, "facts": None, "summary_text": None},
        {"text": "Resultat:", "buttons": [], "citations": [], "calculation": CALC,
         "facts": {"År": 2024}, "summary_text": "Försörjningsstöd: 14 990 kr"},
    ]


def test_a_leading_custom_payload_gets_a_message_of_its_own_and_buttons_are_kept():
    elements = [
        {"recipient_id": "a", "custom": {"facts": {"Vuxna": 1}}},
        {"recipient_id": "a", "text": "Har hushållet barn?",
         "buttons": [{"title": "Ja", "payload": "/affirm"}, {"title": "Nej"}]},
        {"recipient_id": "a", "image": "https://example.org/x.png"},
    ]
    messages = merge_elements(elements)
    assert [m["text"] for m in messages] == ["", "Har hushållet barn?"]
    assert messages[0]["facts"] == {"Vuxna": 1}
    assert messages[1]["buttons"] == [{"title": "Ja", "payload": "/affirm"},
                                      {"title": "Nej", "payload": "Nej"}]


class FakeRasa:
    """Rasa's REST channel as an httpx transport: records requests, answers with `reply`."""

    def __init__(self, reply: list | None = None, status: int = 200) -> None:
        self.reply = reply or []
        self.status = status
        self.requests: list[tuple[str, dict]] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append((request.url.path, json.loads(request.content)))
        return httpx.Response(self.status, json=self.reply)


@pytest.fixture
def rasa_app(settings):
    app = create_app(settings)
    fakes: list[FakeRasa] = []

    def use(fake: FakeRasa) -> TestClient:
        fakes.append(fake)
        client = RasaClient("http://rasa.test", transport=httpx.MockTransport(fake))
        app.dependency_overrides[get_rasa_client] = lambda: client
        return TestClient(app, client=("127.0.0.1", 50000))

    return use


def test_chat_relays_to_the_rest_channel_and_returns_merged_messages(rasa_app):
    fake = FakeRasa([{"recipient_id": "flik-1", "text": "Barnbidrag räknas som inkomst."},
                     {"recipient_id": "flik-1", "custom": {"citations": [HIT]}}])
    with rasa_app(fake) as client:
        response = client.post("/api/v1/chat",
                               json={"sender_id": "flik-1", "message": "  Räknas barnbidrag?  "})
    assert response.status_code == 200
    assert fake.requests == [("/webhooks/rest/webhook",
                              {"sender": "flik-1", "message": "Räknas barnbidrag?"})]
    messages = response.json()["messages"]
    assert len(messages) == 1
    assert messages[0]["text"] == "Barnbidrag räknas som inkomst."
    assert messages[0]["citations"] == [HIT]


def test_an_error_status_from_rasa_is_a_swedish_503(rasa_app):
    with rasa_app(FakeRasa(status=500)) as client:
        response = client.post("/api/v1/chat", json={"sender_id": "a", "message": "hej"})
    assert response.status_code == 503
    assert response.json() == {"detail": RASA_UNAVAILABLE}


def test_rasa_not_running_is_a_swedish_503(client):
    response = client.post("/api/v1/chat", json={"sender_id": "a", "message": "hej"})
    assert response.status_code == 503
    assert response.json()["detail"] == (
        "Chattjänsten (Rasa) svarar inte just nu. Försök igen om en stund.")


@pytest.mark.parametrize(("payload", "field", "detail"), [
    ({"sender_id": "a", "message": " "}, "message", "Fältet message får inte vara tomt."),
    ({"message": "hej"}, "sender_id", "Fältet sender_id saknas."),
    ({"sender_id": "a b", "message": "hej"}, "sender_id",
     'Fältet sender_id får bara innehålla bokstäverna a–z, siffror och . _ : -, men värdet är '
     '"a b".'),
    ({"sender_id": "a", "message": "x" * 5001}, "message",
     "Fältet message får vara högst 5000 tecken, men är 5001 tecken."),
    ({"sender_id": "a", "message": 5}, "message",
     "Fältet message ska vara en text, men värdet är 5."),
])
def test_bad_chat_input_is_a_swedish_422_naming_the_field(client, payload, field, detail):
    response = client.post("/api/v1/chat", json=payload)
    assert response.status_code == 422
    body = response.json()
    assert (body["field"], body["detail"]) == (field, detail)
