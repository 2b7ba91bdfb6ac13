"""Bounded load test: concurrent simulated caseworkers chatting through the web app.

Starts the real stack on free 127.0.0.1 ports (the action server, Rasa with an SQLite tracker
store in a temporary folder, the web app under uvicorn), then runs N simulated caseworkers at
once, each a T-turn conversation through POST /api/v1/chat that mixes guideline questions and
a step-by-step calculation. Prints throughput, latency percentiles (overall and per turn
kind), errors, and checks in Rasa's tracker store that no conversation lost a turn.

    .venv/bin/python benchmarks/load.py                    # 50 caseworkers x 10 turns
    .venv/bin/python benchmarks/load.py --users 10 --think 2.0
    .venv/bin/python benchmarks/load.py --replicas 1,2,3   # clusters on PostgreSQL + Redis
    .venv/bin/python benchmarks/load.py --web-url http://127.0.0.1:8000 \\
        --rasa-url http://127.0.0.1:5005                   # against `make run`

Goal on a 2-core machine: zero errors, no lost conversation, p95 <= 1 s.
"""

from __future__ import annotations

import asyncio
import os
import random
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import typer

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.support.services import (  # noqa: E402
    ManagedProcess,
    Stack,
    free_port,
    rasa_server,
    start_stack,
)

QUESTIONS = [
    "Räknas barnbidrag som inkomst vid försörjningsstöd?",
    "Vad räknas som skäliga boendekostnader?",
    "Vad ingår i riksnormen?",
    "Kan man få bistånd till tandvård?",
    "Hur behandlas sparade pengar på ett bankkonto?",
]


def conversation(user: int) -> list[tuple[str, str]]:
    """Ten turns (kind, message): greeting, questions, a calculation step by step, why."""
    rng = random.Random(user)
    rent = 5200 + 100 * rng.randrange(40)
    child_ages = sorted(rng.sample(range(1, 18), 2))
    return [
        ("greet", "hej"),
        ("question", rng.choice(QUESTIONS)),
        ("calculation", "ny beräkning"),
        ("calculation", "ensamstående"),
        ("calculation", f"{child_ages[0]} och {child_ages[1]}"),
        ("calculation", f"hyra {rent}"),
        ("calculation", f"el {300 + 10 * rng.randrange(20)}"),
        ("calculation", "stämmer"),
        ("calculation", "Varför?"),
        ("question", rng.choice(QUESTIONS)),
    ]


@dataclass
class Result:
    latencies: dict[str, list[float]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    with_citations: int = 0
    with_calculation: int = 0
    sent: dict[str, list[str]] = field(default_factory=dict)
    summary: dict = field(default_factory=dict)


async def caseworker(client: httpx.AsyncClient, user: int, think_s: float,
                     result: Result, run_id: str) -> None:
    sender = f"load-{run_id}-{user:03d}"
    result.sent[sender] = []
    await asyncio.sleep(random.Random(user).uniform(0, think_s))  # staggered start
    for kind, message in conversation(user):
        started = time.perf_counter()
        try:
            response = await client.post("/api/v1/chat",
                                         json={"sender_id": sender, "message": message})
        except httpx.HTTPError as exc:
            result.errors.append(f"{sender}: {type(exc).__name__}")
            continue
        finally:
            elapsed = time.perf_counter() - started
        result.latencies.setdefault(kind, []).append(elapsed)
        result.sent[sender].append(message)
        if response.status_code != 200:
            result.errors.append(f"{sender}: HTTP {response.status_code} {response.text[:120]}")
            continue
        messages = response.json()["messages"]
        result.with_citations += any(m["citations"] for m in messages)
        result.with_calculation += any(m["calculation"] for m in messages)
        if think_s:
            await asyncio.sleep(think_s)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * len(ordered) + 0.5) - 1))]


async def lost_turns(rasa_url: str, result: Result) -> list[str]:
    """Conversations whose tracker lacks a turn that got an answer, in order."""
    problems = []
    async with httpx.AsyncClient(base_url=rasa_url, timeout=60.0) as client:
        for sender, messages in result.sent.items():
            tracker = (await client.get(f"/conversations/{sender}/tracker")).json()
            stored = [e.get("text") for e in tracker["events"] if e["event"] == "user"]
            if stored != messages:
                problems.append(f"{sender}: {len(stored)} of {len(messages)} turns stored")
    return problems


def _stat(pid: int) -> list[str]:
    return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process and all its live descendants (Sanic in the action
    server runs its workers as child processes), from /proc."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                children.setdefault(int(_stat(int(entry.name))[1]), []).append(int(entry.name))
            except (OSError, IndexError):
                continue
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        try:
            total += sum(int(x) for x in _stat(current)[11:15])
        except OSError:
            continue
        todo.extend(children.get(current, []))
    return total / os.sysconf("SC_CLK_TCK")


def cpu_snapshot(processes: dict[str, ManagedProcess]) -> dict[str, float]:
    return {name: cpu_seconds(p.process.pid) for name, p in processes.items() if p.process}


async def run(web_url: str, rasa_url: str, users: int, think_s: float,
              processes: dict[str, ManagedProcess] | None = None) -> Result:
    result = Result()
    run_id = f"{int(time.time())}"
    # One unmeasured conversation first: models and indexes load lazily on first use.
    async with httpx.AsyncClient(base_url=web_url, timeout=300.0) as client:
        for _, message in conversation(0):
            await client.post("/api/v1/chat", json={"sender_id": f"warm-{run_id}",
                                                    "message": message})
    limits = httpx.Limits(max_connections=users, max_keepalive_connections=users)
    cpu_before = cpu_snapshot(processes or {})
    client_cpu_before = time.process_time()
    async with httpx.AsyncClient(base_url=web_url, timeout=120.0, limits=limits) as client:
        started = time.perf_counter()
        await asyncio.gather(*(caseworker(client, u, think_s, result, run_id)
                               for u in range(users)))
        wall = time.perf_counter() - started
    cpu_used = {name: value - cpu_before[name]
                for name, value in cpu_snapshot(processes or {}).items()}
    cpu_used["load client"] = time.process_time() - client_cpu_before
    all_latencies = [x for xs in result.latencies.values() for x in xs]
    lost = await lost_turns(rasa_url, result)
    print(f"caseworkers {users}, turns each {len(conversation(0))}, think time {think_s} s, "
          f"load average before the run {os.getloadavg()[0]:.1f}")
    print(f"requests {len(all_latencies)} in {wall:.1f} s: "
          f"{len(all_latencies) / wall:.1f} requests/s")
    print(f"latency p50 {statistics.median(all_latencies) * 1000:.0f} ms, "
          f"p95 {percentile(all_latencies, 0.95) * 1000:.0f} ms, "
          f"max {max(all_latencies) * 1000:.0f} ms")
    for kind, values in sorted(result.latencies.items()):
        print(f"  {kind:<12} n={len(values):<4} p50 {statistics.median(values) * 1000:.0f} ms"
              f"  p95 {percentile(values, 0.95) * 1000:.0f} ms")
    print(f"replies with citations {result.with_citations}, "
          f"with a calculation {result.with_calculation}")
    requests = max(1, len(all_latencies))
    print(f"CPU seconds during the run (wall {wall:.1f} s, 2 cores = {2 * wall:.0f} "
          "CPU-s available):")
    for name, used in sorted(cpu_used.items(), key=lambda kv: -kv[1]):
        print(f"  {name:<14} {used:7.1f} s  = {used / requests * 1000:5.0f} ms per request")
    print(f"errors {len(result.errors)}")
    for error in result.errors[:10]:
        print(f"  {error}")
    print(f"conversations checked in the tracker store {len(result.sent)}, "
          f"with a lost turn {len(lost)}")
    for problem in lost[:10]:
        print(f"  {problem}")
    p95 = percentile(all_latencies, 0.95)
    goal = not result.errors and not lost and p95 <= 1.0
    print(f"goal (0 errors, 0 lost, p95 <= 1 s): {'MET' if goal else 'MISSED'}")
    result.summary = {
        "rps": len(all_latencies) / wall, "p50": statistics.median(all_latencies),
        "p95": p95, "errors": len(result.errors), "lost": len(lost),
        "kinds": {k: (statistics.median(v), percentile(v, 0.95))
                  for k, v in sorted(result.latencies.items())},
        "cpu_ms": {name: used / requests * 1000 for name, used in cpu_used.items()},
    }
    return result


def run_replicas(counts: list[int], users: int, think_s: float, web_workers: int) -> None:
    """The same load against a cluster of 1, 2, ... Rasa replicas (PostgreSQL tracker store,
    Redis lock store, tests/support/cluster.py), one after the other, then a table."""
    from tests.support.cluster import start_cluster

    rows = []
    for count in counts:
        workdir = Path(tempfile.mkdtemp(prefix=f"bg-load-{count}-"))
        print(f"\n=== {count} Rasa replica(s) on PostgreSQL + Redis (logs in {workdir}) ===")
        cluster = start_cluster(workdir, count, web_workers=web_workers)
        try:
            processes = {f"Rasa {i + 1}": r for i, r in enumerate(cluster.replicas)}
            processes.update({"action server": cluster.actions, "web app": cluster.web})
            result = asyncio.run(run(cluster.web_url, cluster.rasa_urls[0], users, think_s,
                                     processes))
            rows.append((count, result.summary))
        finally:
            cluster.stop()
    kinds = sorted({k for _, s in rows for k in s["kinds"]})
    print(f"\n{users} caseworkers x {len(conversation(0))} turns, think {think_s} s, "
          f"{os.cpu_count()} cores")
    head = " | ".join(f"{k} p50/p95" for k in kinds)
    print(f"| replicas | requests/s | p50 | p95 | {head} | CPU ms/turn (all) | "
          "of which Rasa | errors | lost |")
    print("|" + "---|" * (8 + len(kinds)))
    for count, s in rows:
        cells = " | ".join(f"{s['kinds'][k][0] * 1000:.0f}/{s['kinds'][k][1] * 1000:.0f} ms"
                           for k in kinds)
        rasa = sum(v for n, v in s["cpu_ms"].items() if n.startswith("Rasa"))
        total = sum(v for n, v in s["cpu_ms"].items() if n != "load client")
        print(f"| {count} | {s['rps']:.1f} | {s['p50'] * 1000:.0f} ms | "
              f"{s['p95'] * 1000:.0f} ms | {cells} | {total:.0f} | {rasa:.0f} | "
              f"{s['errors']} | {s['lost']} |")


def start_web(workdir: Path, stack: Stack, workers: int) -> ManagedProcess:
    port = free_port()
    env = {
        "BG_RASA_URL": stack.rasa_url,
        "BG_ACTION_SERVER_URL": stack.actions.health_url.removesuffix("/health"),
        "BG_AUDIT_FILE": str(workdir / "audit.jsonl"),
    }
    return ManagedProcess(
        name="web app",
        argv=[str(ROOT / ".venv" / "bin" / "uvicorn"), "web.app:app", "--host", "127.0.0.1",
              "--port", str(port), "--log-level", "warning", "--workers", str(workers)],
        log_path=workdir / "web.log",
        health_url=f"http://127.0.0.1:{port}/openapi.json",
        env=env,
    )


def main(
    users: int = typer.Option(50, help="Simultaneous caseworkers"),
    think: float = typer.Option(0.0, help="Seconds each caseworker waits between turns"),
    web_url: str = typer.Option("", help="Use a running web app instead of starting one"),
    rasa_url: str = typer.Option("", help="Its Rasa server (for the tracker check)"),
    web_workers: int = typer.Option(1, help="uvicorn workers when the script starts the app"),
    tracker: str = typer.Option("sqlite", help="Rasa's tracker store: sqlite or memory "
                                "(memory only to measure what the SQL store costs)"),
    replicas: str = typer.Option("", help="Comma-separated numbers of Rasa replicas, e.g. "
                                 "1,2,3: each a cluster on PostgreSQL + Redis, side by side"),
) -> None:
    os.environ.setdefault("RASA_TELEMETRY_ENABLED", "false")
    if replicas:
        try:
            counts = [int(x) for x in replicas.split(",") if x.strip()]
        except ValueError:
            raise typer.BadParameter("ska vara heltal med komma emellan, t.ex. 1,2,3",
                                     param_hint="--replicas") from None
        if not counts or min(counts) < 1:
            raise typer.BadParameter("minst en replik", param_hint="--replicas")
        run_replicas(counts, users, think, web_workers)
        return
    if web_url:
        if not rasa_url:
            raise typer.BadParameter("ange även --rasa-url", param_hint="--rasa-url")
        asyncio.run(run(web_url, rasa_url, users, think))
        return
    workdir = Path(tempfile.mkdtemp(prefix="bg-load-"))
    if tracker not in ("sqlite", "memory"):
        raise typer.BadParameter("ska vara sqlite eller memory", param_hint="--tracker")
    store = ({"type": "SQL", "dialect": "sqlite", "db": str(workdir / "tracker.db")}
             if tracker == "sqlite" else None)
    print(f"starting the action server, Rasa and the web app (logs in {workdir}) ...")
    stack = start_stack(workdir, lambda w, port: rasa_server(w, port, tracker_store=store))
    web = start_web(workdir, stack, web_workers).start()
    try:
        web.wait_healthy(120)
        url = web.health_url.removesuffix("/openapi.json")
        processes = {"Rasa": stack.rasa, "action server": stack.actions, "web app": web}
        asyncio.run(run(url, stack.rasa_url, users, think, processes))
    finally:
        web.stop()
        stack.stop()


if __name__ == "__main__":
    typer.run(main)
