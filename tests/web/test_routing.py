"""The web app's choice of Rasa replica: rendezvous hashing of the conversation id, failover
to the next replica only when a replica refuses the connection."""

from __future__ import annotations

import asyncio
from collections import Counter

import httpx
import pytest

from web.rasa_client import RasaClient, RasaUnavailableError, replica_order

REPLICAS = ["http://rasa-a:5005", "http://rasa-b:5005", "http://rasa-c:5005"]


def test_order_is_stable_and_spreads_conversations():
    first = Counter(replica_order(f"conversation-{i}", REPLICAS)[0] for i in range(3000))
    assert replica_order("abc", REPLICAS) == replica_order("abc", list(REPLICAS))
    assert sorted(replica_order("abc", REPLICAS)) == [0, 1, 2]
    assert all(900 < n < 1100 for n in first.values()), first


def test_removing_a_replica_moves_only_its_own_conversations():
    ids = [f"c{i}" for i in range(2000)]
    before = {i: REPLICAS[replica_order(i, REPLICAS)[0]] for i in ids}
    after = {i: REPLICAS[:2][replica_order(i, REPLICAS[:2])[0]] for i in ids}
    moved = [i for i in ids if before[i] != after[i]]
    assert moved and all(before[i] == REPLICAS[2] for i in moved)


def _client(refusing: set[str], seen: list[str]) -> RasaClient:
    def answer(request: httpx.Request) -> httpx.Response:
        host = f"http://{request.url.host}:5005"
        seen.append(host)
        if host in refusing:
            raise httpx.ConnectError("refused", request=request)
        return httpx.Response(200, json=[{"text": host}])
    return RasaClient(REPLICAS, transport=httpx.MockTransport(answer), retry_s=60)


def test_a_refusing_replica_is_skipped_and_remembered():
    sender = "conversation-7"
    order = replica_order(sender, REPLICAS)
    seen: list[str] = []
    client = _client({REPLICAS[order[0]]}, seen)
    index, elements = asyncio.run(client.send_routed(sender, "hej"))
    assert index == order[1] and elements == [{"text": REPLICAS[order[1]]}]
    assert seen == [REPLICAS[order[0]], REPLICAS[order[1]]]
    seen.clear()
    asyncio.run(client.send_routed(sender, "hej igen"))
    assert seen == [REPLICAS[order[1]]]  # not tried again within retry_s


def test_every_replica_refusing_is_rasa_unavailable():
    client = _client(set(REPLICAS), [])
    with pytest.raises(RasaUnavailableError):
        asyncio.run(client.send_routed("x", "hej"))


def test_a_timeout_is_not_sent_again_to_another_replica():
    seen: list[str] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request.url.host)
        raise httpx.ReadTimeout("slow", request=request)

    client = RasaClient(REPLICAS, transport=httpx.MockTransport(answer))
    with pytest.raises(RasaUnavailableError):
        asyncio.run(client.send_routed("x", "hej"))
    assert len(seen) == 1  # the message may have been handled: never twice
