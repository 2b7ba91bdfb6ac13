"""The lock store itself, in Rasa's runtime against a real Redis: two replicas asking for a
ticket of the same conversation at the same moment get different tickets."""

from __future__ import annotations

import json
import subprocess

import pytest

from tests.support.databases import RedisServer, redis_bin
from tests.support.services import ROOT

pytestmark = [pytest.mark.cluster, pytest.mark.e2e]

# Two lock stores (two replicas: two Redis connections) in two threads; for each of N
# conversations both ask for a ticket at once (a barrier). Prints, per store class, how many
# conversations got the same ticket twice.
SCRIPT = """
import json, sys, threading
from rasa.core.lock_store import RedisLockStore
from rasa.utils.endpoints import EndpointConfig
from assistant.lock_store import AtomicRedisLockStore
port, n = int(sys.argv[1]), int(sys.argv[2])
def stores(kind):
    if kind == "stock":
        return [RedisLockStore(host="127.0.0.1", port=port, db=0, key_prefix=kind)
                for _ in range(2)]
    config = EndpointConfig(url="127.0.0.1", port=port, db=0, key_prefix=kind)
    return [AtomicRedisLockStore(config) for _ in range(2)]
result = {}
for kind in ("stock", "atomic"):
    pair, barrier = stores(kind), threading.Barrier(2)
    tickets = {i: [] for i in range(n)}
    def ask(store):
        for i in range(n):
            barrier.wait()
            tickets[i].append(store.issue_ticket(f"c{i}"))
    threads = [threading.Thread(target=ask, args=(s,)) for s in pair]
    [t.start() for t in threads]
    [t.join() for t in threads]
    result[kind] = sum(len(set(t)) < 2 for t in tickets.values())
print(json.dumps(result))
"""


def test_simultaneous_tickets_are_unique_across_replicas(tmp_path):
    binary = redis_bin()
    assert binary, "redis-server is missing: run `make redis-deps` as root"
    redis = RedisServer(binary, base=tmp_path).start()
    try:
        done = subprocess.run(
            [str(ROOT / ".venv-rasa" / "bin" / "python"), "-c", SCRIPT, str(redis.port), "100"],
            cwd=ROOT, capture_output=True, text=True, timeout=300,
        )
    finally:
        redis.stop()
    assert done.returncode == 0, done.stderr[-3000:]
    duplicates = json.loads(done.stdout.strip().splitlines()[-1])
    print(f"conversations with a duplicated ticket (of 100): {duplicates}")
    assert duplicates["atomic"] == 0
    # Rasa's own store gives most of them the same ticket (measured 299 of 300): the reason
    # for assistant/lock_store.py. Should a Rasa update fix it, this line says so.
    assert duplicates["stock"] > 0
