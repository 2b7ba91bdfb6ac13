"""The conversation read back from a Rasa tracker (the page after a reload)."""

from __future__ import annotations

from web.rasa_client import history

TRACKER = {"events": [
    {"event": "action", "name": "action_session_start"},
    {"event": "user", "text": "gammalt samtal"},
    {"event": "restart"},
    {"event": "user", "text": "hyra 7 200", "parse_data": {}},
    {"event": "bot", "text": "Stämmer detta?", "data": {
        "buttons": None, "custom": {"facts": {"månad": "mars 2026"}}}},
    {"event": "slot", "name": "facts", "value": {}},
    {"event": "user", "text": "/restart"},
    {"event": "bot", "text": "Försörjningsstöd för mars 2026: 12 820 kr.", "data": {
        "custom": {"calculation": {"forsorjningsstod": 12820}, "summary_text": "x",
                   "comparison": {"typ": "scenarier"}, "okänd": 1}}},
]}


def test_history_is_what_the_chat_api_sent_since_the_last_restart():
    messages = history(TRACKER)
    assert [(m["from"], m["text"]) for m in messages] == [
        ("user", "hyra 7 200"), ("bot", "Stämmer detta?"),
        ("bot", "Försörjningsstöd för mars 2026: 12 820 kr.")]
    assert messages[1]["facts"] == {"månad": "mars 2026"}
    assert messages[2]["calculation"] == {"forsorjningsstod": 12820}
    assert messages[2]["comparison"] == {"typ": "scenarier"}
    assert "okänd" not in messages[2]


def test_an_empty_tracker_has_no_messages():
    assert history({}) == []
    assert history({"events": [{"event": "action", "name": "action_listen"}]}) == []


def test_a_comparison_in_a_chat_reply_is_audited_with_its_parameter_files():
    from web.audit import build_record

    scenario = {"namn": "B", "input": {"year": 2026}, "result": {"year": 2026,
                                                                 "forsorjningsstod": 3810}}
    record = build_record("chat", {"sender_id": "flik-1", "message": "jämför med hyra 6 900"},
                          {"messages": [{"text": "Jämförelse", "comparison": {
                              "typ": "scenarier", "scenarier": [scenario, scenario]}}]}, None)
    assert record["comparisons"][0]["scenarier"][1]["result"]["forsorjningsstod"] == 3810
    assert [p["file"] for p in record["parameters"]] == ["calculator/parameters/2026.yaml"]


def test_the_history_endpoint_answers_in_swedish_when_it_cannot_read_the_conversation(
        client, settings):
    from web.rasa_client import RASA_UNAVAILABLE

    # nothing listens at the Rasa address
    response = client.get("/api/v1/chat/webb-abc123")
    assert response.status_code == 503 and response.json()["detail"] == RASA_UNAVAILABLE
    response = client.get("/api/v1/chat/19121212-1212")
    assert response.status_code == 422
    assert "personnummer" in response.json()["detail"]


def test_versions_name_the_parameter_files_and_refuse_a_year_without_one(client):
    body = client.get("/api/v1/versions", params={"year": 2026}).json()
    assert body["parametrar"]["file"] == "calculator/parameters/2026.yaml"
    assert len(body["parametrar"]["sha256"]) == 64
    assert body["korpus"]["corpus_hash"]
    response = client.get("/api/v1/versions", params={"year": 1999})
    assert response.status_code == 422
    assert response.json()["detail"].startswith("year: det finns inga parametrar för år 1999")
