"""Throughput and latency of POST /api/v1/search and /api/v1/calculate on loopback.

Starts the real web app with uvicorn on a free 127.0.0.1 port (its own process, with the real
knowledge index and parameter files), sends a bounded number of requests with an asyncio/httpx
client at a fixed concurrency, and prints requests per second and latency percentiles.

    .venv/bin/python benchmarks/web_api.py --requests 200 --concurrency 4
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx
import typer

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from web.routers.calculate import EXAMPLE  # noqa: E402

QUESTIONS_FILE = ROOT / "knowledge" / "eval" / "starter.jsonl"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(port: int, index_dir: str | None) -> subprocess.Popen:
    dead = f"http://127.0.0.1:{free_port()}"  # chat is not measured: no Rasa needed
    env = {**os.environ, "BG_RASA_URL": dead, "BG_ACTION_SERVER_URL": dead}
    if index_dir:
        env["BG_INDEX_DIR"] = index_dir
    return subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "web.app:app", "--host", "127.0.0.1",
         "--port", str(port), "--log-level", "warning"],
        cwd=ROOT, env=env, start_new_session=True,
    )


def wait_up(base: str, process: subprocess.Popen, timeout_s: float = 120.0) -> float:
    started = time.monotonic()
    while time.monotonic() - started < timeout_s:
        if process.poll() is not None:
            raise SystemExit("the web app exited during start-up")
        try:
            body = httpx.get(f"{base}/health", timeout=5.0).json()
        except (httpx.HTTPError, ValueError):
            time.sleep(0.2)
            continue
        for name in ("index", "parameters"):
            if not body["components"][name]["ok"]:
                raise SystemExit(f"{name} not loaded: {body['components'][name]}")
        return time.monotonic() - started
    raise SystemExit("the web app did not start")


def payloads(kind: str, count: int) -> list[dict]:
    if kind == "search":
        lines = QUESTIONS_FILE.read_text(encoding="utf-8").splitlines()
        questions = [json.loads(line)["q"] for line in lines if line.strip()]
        return [{"question": questions[i % len(questions)], "top_k": 3} for i in range(count)]
    return [{**EXAMPLE, "month": i % 12 + 1} for i in range(count)]


async def run(base: str, path: str, bodies: list[dict], concurrency: int) -> dict[str, float]:
    latencies: list[float] = []
    failures = 0
    queue = list(reversed(bodies))
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=base, timeout=60.0, limits=limits) as client:

        async def worker() -> None:
            nonlocal failures
            while queue:
                body = queue.pop()
                t0 = time.perf_counter()
                response = await client.post(path, json=body)
                latencies.append(time.perf_counter() - t0)
                if response.status_code != 200:
                    failures += 1

        started = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        elapsed = time.perf_counter() - started
    ordered = sorted(latencies)

    def pct(p: float) -> float:
        return ordered[min(len(ordered) - 1, int(round(p / 100 * len(ordered))) - 1)] * 1000

    return {"requests": len(latencies), "failures": failures, "seconds": elapsed,
            "rps": len(latencies) / elapsed, "p50_ms": pct(50), "p95_ms": pct(95),
            "max_ms": ordered[-1] * 1000, "mean_ms": statistics.fmean(latencies) * 1000}


def main(
    requests: int = typer.Option(200, min=1, max=10000, help="Requests per endpoint."),
    concurrency: int = typer.Option(4, min=1, max=64, help="Requests in flight at once."),
    warmup: int = typer.Option(10, min=0, max=1000, help="Unmeasured requests first."),
    index_dir: str | None = typer.Option(None, help="Index directory (default: the app's)."),
) -> None:
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    process = start_server(port, index_dir)
    try:
        startup = wait_up(base, process)
        print(f"web app up in {startup:.1f} s (index and parameters loaded); "
              f"{requests} requests per endpoint, concurrency {concurrency}, {warmup} warm-up")
        print(f"{'endpoint':<20}{'req/s':>8}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}{'fail':>6}")
        for kind in ("calculate", "search"):
            path = f"/api/v1/{kind}"
            if warmup:
                asyncio.run(run(base, path, payloads(kind, warmup), concurrency))
            r = asyncio.run(run(base, path, payloads(kind, requests), concurrency))
            print(f"{path:<20}{r['rps']:>8.1f}{r['p50_ms']:>9.1f}{r['p95_ms']:>9.1f}"
                  f"{r['max_ms']:>9.1f}{r['failures']:>6}")
            if r["failures"]:
                raise SystemExit(f"{path}: {r['failures']} requests failed")
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=15)


if __name__ == "__main__":
    typer.run(main)
