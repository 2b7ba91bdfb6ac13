"""Two Rasa replicas sharing a PostgreSQL tracker store and a Redis lock store, behind the web
app that spreads conversations over them.

The amounts are checked by hand against calculator/parameters/2026.yaml: a single parent with
children of 4 and 9, March 2026: riksnorm 3 940 (ensamstående) + 3 060 (barn 4–6) + 3 820
(barn 7–10) + 1 790 (gemensamma hushållskostnader, 3 personer) = 12 610 kr; rent 7 200 kr, no
income: försörjningsstöd 12 610 + 7 200 = 19 810 kr.
"""

from __future__ import annotations

import threading
import time
from typing import Any

import httpx
import pytest

from tests.support.cluster import Cluster
from web.routers.chat import LOCK_STORE_UNAVAILABLE, TRACKER_STORE_UNAVAILABLE

pytestmark = [pytest.mark.cluster, pytest.mark.e2e]

CALCULATION = ["ny beräkning för mars 2026", "ensamstående", "4 och 9", "hyra 7 200", "stämmer"]
RIKSNORM, AMOUNT = 12_610, 19_810


def rasa_send(url: str, sender: str, message: str) -> list[dict[str, Any]]:
    response = httpx.post(f"{url}/webhooks/rest/webhook",
                          json={"sender": sender, "message": message}, timeout=60.0)
    response.raise_for_status()
    return response.json()


def web_send(cluster: Cluster, sender: str, message: str) -> httpx.Response:
    return httpx.post(f"{cluster.web_url}/api/v1/chat",
                      json={"sender_id": sender, "message": message}, timeout=60.0)


def calculation_of(elements: list[dict[str, Any]]) -> dict[str, Any]:
    [calculation] = [e["custom"]["calculation"] for e in elements
                     if isinstance(e.get("custom"), dict) and e["custom"].get("calculation")]
    return calculation


def events(cluster: Cluster, sender: str, replica: int = 0) -> list[dict[str, Any]]:
    response = httpx.get(f"{cluster.rasa_urls[replica]}/conversations/{sender}/tracker",
                         timeout=30.0)
    response.raise_for_status()
    return response.json()["events"]


def user_texts(cluster: Cluster, sender: str) -> list[str]:
    return [e["text"] for e in events(cluster, sender) if e["event"] == "user"]


def test_turns_alternating_between_replicas_reach_the_same_amount_as_on_one(cluster):
    for message in CALCULATION[:-1]:
        rasa_send(cluster.rasa_urls[0], "cluster-one-replica", message)
    on_one = calculation_of(rasa_send(cluster.rasa_urls[0], "cluster-one-replica",
                                      CALCULATION[-1]))
    for turn, message in enumerate(CALCULATION):
        replies = rasa_send(cluster.rasa_urls[turn % 2], "cluster-alternating", message)
    alternating = calculation_of(replies)
    assert (alternating["riksnorm"], alternating["skaliga_kostnader"],
            alternating["forsorjningsstod"]) == (RIKSNORM, 7_200, AMOUNT)
    assert alternating == on_one
    # both replicas read the same tracker: the whole conversation, in order, once
    for replica in (0, 1):
        assert [e["text"] for e in events(cluster, "cluster-alternating", replica)
                if e["event"] == "user"] == CALCULATION


def _turns(tracker_events: list[dict[str, Any]]) -> list[list[tuple[str, str | None]]]:
    """The events after each user message up to the next one, as (event, name) pairs."""
    turns: list[list[tuple[str, str | None]]] = []
    for event in tracker_events:
        if event["event"] == "user":
            turns.append([("user", event["text"])])
        elif turns:
            turns[-1].append((event["event"], event.get("name")))
    return turns


def test_two_messages_at_the_same_moment_on_two_replicas_are_handled_one_after_the_other(
        cluster):
    sender = "cluster-same-moment"
    messages = ["vad kan du hjälpa till med?", "Vad räknas som skäliga boendekostnader?"]
    rasa_send(cluster.rasa_urls[0], sender, "hej")
    start = threading.Barrier(2)
    answered: dict[int, tuple[float, float, list]] = {}

    def send(replica: int) -> None:
        start.wait()
        began = time.monotonic()
        replies = rasa_send(cluster.rasa_urls[replica], sender, messages[replica])
        answered[replica] = (began, time.monotonic(), replies)

    threads = [threading.Thread(target=send, args=(i,)) for i in (0, 1)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    assert sorted(answered) == [0, 1] and all(a[2] for a in answered.values())
    # they really were in flight together
    assert max(a[0] for a in answered.values()) < min(a[1] for a in answered.values())

    stored = events(cluster, sender)
    turns = _turns(stored)
    order = [t[0][1] for t in turns[1:]]
    assert sorted(order) == sorted(messages)  # each message once: none lost, none doubled
    for turn in turns:
        # each turn ran to its end (listening again) before the next message was handled
        assert turn[-1] == ("action", "action_listen")
        assert ("user", None) not in turn[1:]
    # the same messages sent one after the other, in the order the lock let them through,
    # leave exactly the same events
    control = "cluster-same-moment-control"
    for message in ["hej", *order]:
        rasa_send(cluster.rasa_urls[0], control, message)
    assert _turns(events(cluster, control)) == turns
    timestamps = [e["timestamp"] for e in stored]
    assert len(set(timestamps)) == len(timestamps) and timestamps == sorted(timestamps)


@pytest.mark.parametrize(("server", "detail", "down"), [
    ("redis", LOCK_STORE_UNAVAILABLE, ["lock_store"]),
    ("postgres", TRACKER_STORE_UNAVAILABLE, ["tracker_store", "audit_trail"]),
])
def test_a_shared_server_stopped_gives_a_swedish_503_and_the_chat_recovers(
        cluster, server, detail, down):
    sender = f"cluster-{server}-down"
    assert web_send(cluster, sender, "hej").status_code == 200
    getattr(cluster, server).stop()
    try:
        failed = web_send(cluster, sender, "vad kan du hjälpa till med?")
        assert failed.status_code == 503
        assert failed.json() == {"detail": detail}
        ready = httpx.get(f"{cluster.web_url}/health/ready", timeout=30)
        assert ready.status_code == 503
        assert [c for c in down if ready.json()["components"][c]["ok"] is False] == down
        assert httpx.get(f"{cluster.web_url}/health/live", timeout=30).status_code == 200
    finally:
        getattr(cluster, server).start()
    assert httpx.get(f"{cluster.web_url}/health/ready", timeout=30).status_code == 200
    back = web_send(cluster, sender, "vad kan du hjälpa till med?")
    assert back.status_code == 200 and back.json()["messages"]
    # the failed message never reached the tracker store
    assert user_texts(cluster, sender) == ["hej", "vad kan du hjälpa till med?"]


def test_a_replica_killed_mid_calculation_the_next_turn_is_served_by_the_other(cluster):
    # last in the module: it leaves one replica running
    sender = "cluster-killed"
    served = []
    for message in CALCULATION[:3]:
        response = web_send(cluster, sender, message)
        assert response.status_code == 200, response.text
        served.append(int(response.headers["X-Rasa-Replica"]))
    first = served[0]
    assert served == [first] * 3  # a conversation stays on its replica while it is up
    cluster.replicas[first].kill()
    for message in CALCULATION[3:]:
        response = web_send(cluster, sender, message)
        assert response.status_code == 200, response.text
        assert int(response.headers["X-Rasa-Replica"]) == 1 - first
    calculation = next(m["calculation"] for m in response.json()["messages"]
                       if m["calculation"])
    assert (calculation["riksnorm"], calculation["forsorjningsstod"]) == (RIKSNORM, AMOUNT)
    survivor = cluster.rasa_urls[1 - first]
    tracker = httpx.get(f"{survivor}/conversations/{sender}/tracker", timeout=30).json()
    assert [e["text"] for e in tracker["events"] if e["event"] == "user"] == CALCULATION
    ready = httpx.get(f"{cluster.web_url}/health/ready", timeout=30)
    assert ready.status_code == 200
    assert ready.json()["components"]["rasa"]["ready"] == "1 av 2"
