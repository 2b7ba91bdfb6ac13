"""Benchmark chat turn latency over Rasa's REST channel (real Rasa + real action server).

    .venv/bin/python benchmarks/chat_latency.py [--rounds 5]

Starts both servers on free loopback ports (tests/support/services.py), warms them up with one
conversation, then runs a 10-turn conversation (greeting, a quick calculation asked step by
step, a correction, the rows, thanks) --rounds times with fresh senders and prints p50/p95 per
turn over all rounds. Guideline questions run the knowledge search (an embedding model on
CPU), so ten distinct questions are measured and printed separately. Goal: p95 ≤ 300 ms warm.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.support.services import start_stack  # noqa: E402

CONVERSATION = [
    "hej",
    "ny beräkning för mars 2026",
    "ensamstående",
    "4 och 9",
    "hyra 7 200",
    "el 400, hemförsäkring 150, a-kassa 9 800 kr",
    "ja",
    "hyran är 6 900",
    "visa alla rader",
    "tack",
]
WARMUP_QUESTION = "Vad är riksnormen?"
QUESTIONS = [  # distinct, so that no answer comes from a cache
    "Vad menas med skäligt rådrum?", "Räknas barnbidrag som inkomst?",
    "Får man bistånd till tandvård?", "Vad gäller för hemförsäkring?",
    "Hur räknas studiemedel?", "Vad är hushållsgemenskap?",
    "När gäller jobbstimulansen?", "Räknas fritidskort som inkomst?",
    "Hur ska barns egna inkomster räknas?", "Vad ingår i gemensamma hushållskostnader?",
]
GOAL_MS = 300


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))
    return ordered[index]


def timed(stack, sender: str, text: str) -> float:
    started = time.perf_counter()
    stack.send(sender, text)
    return (time.perf_counter() - started) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="chat-bench-") as tmp:
        started = time.perf_counter()
        stack = start_stack(Path(tmp))
        print(f"servers ready in {time.perf_counter() - started:.1f} s")
        try:
            for text in [*CONVERSATION, WARMUP_QUESTION]:  # warm-up (models, index)
                stack.send("bench-warmup", text)
            turns: list[float] = []
            for r in range(args.rounds):
                turns += [timed(stack, f"bench-{r}", text) for text in CONVERSATION]
            questions = [timed(stack, "bench-q", q) for q in QUESTIONS]
        finally:
            stack.stop()
    p50, p95 = percentile(turns, 0.5), percentile(turns, 0.95)
    print(f"10-turn conversation x {args.rounds}: {len(turns)} turns, "
          f"p50 {p50:.0f} ms, p95 {p95:.0f} ms, max {max(turns):.0f} ms "
          f"(goal p95 ≤ {GOAL_MS} ms: {'met' if p95 <= GOAL_MS else 'NOT met'})")
    print(f"guideline questions (knowledge search): {len(questions)} turns, "
          f"p50 {statistics.median(questions):.0f} ms, p95 {percentile(questions, 0.95):.0f} ms")


if __name__ == "__main__":
    main()
