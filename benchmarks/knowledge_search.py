"""Benchmark the shipped knowledge index: build times and warm search latency.

    .venv/bin/python benchmarks/knowledge_search.py [--skip-cold] [--repeat 3]

Measures:
  1. cold build of the shipped corpus with the real e5 model (empty embedding cache, into a
     temporary directory) — goal ≤ 60 s;
  2. rebuild when nothing changed (same directory) — goal ≤ 5 s;
  3. Searcher.load time, and warm search latency (top_k=3), p50/p95/max — goal p95 ≤ 50 ms —
     over two sets: the short questions of development batch 1 and the starter questions
     (out-of-scope included),
     and the real-style ones of issue 15 (batches 7 and 8: long situations, two issues), with the
     query's length in e5 tokens (the embedding's cost is linear in it).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from knowledge import Searcher, build_index  # noqa: E402
from knowledge.embedders import E5Embedder  # noqa: E402

EVAL = ROOT / "knowledge" / "eval"
DEV = EVAL / "development"


def questions() -> list[str]:
    items: list[str] = []
    # the first batch of the development set (196 + 36 short questions) and the 30 starter ones
    for path in (DEV / "batch1_questions.jsonl", EVAL / "starter.jsonl"):
        items += [json.loads(line)["q"] for line in path.read_text().splitlines() if line]
    path = DEV / "batch1_out_of_scope.txt"
    items += [ln.strip() for ln in path.read_text().splitlines()
              if ln.strip() and not ln.startswith("#")]
    return items


def real_style() -> list[str]:
    items: list[str] = []
    for name in ("batch7", "batch8"):  # real-style: long situations, everyday words
        path = DEV / f"{name}_questions.jsonl"
        items += [json.loads(line)["q"] for line in path.read_text().splitlines() if line]
        path = DEV / f"{name}_out_of_scope.txt"
        items += [ln.strip() for ln in path.read_text().splitlines()
                  if ln.strip() and not ln.startswith("#")]
    return items


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--skip-cold", action="store_true", help="skip the ~60 s cold build")
    parser.add_argument("--repeat", type=int, default=3, help="passes over the questions")
    args = parser.parse_args()
    embedder = E5Embedder()

    with tempfile.TemporaryDirectory() as tmp:
        index_dir = Path(tmp) / "index"
        if not args.skip_cold:
            report = build_index(index_dir, embedder=embedder, progress=False)
            print(f"cold build (shipped corpus, e5): {report.seconds:.1f} s, "
                  f"{report.chunks} chunks, {report.vectors} vectors")
            report = build_index(index_dir, embedder=embedder, progress=False)
            print(f"rebuild, nothing changed:       {report.seconds:.2f} s "
                  f"(rebuilt={report.rebuilt})")
            report = build_index(index_dir, embedder=embedder, progress=False, force=True)
            print(f"forced rebuild, all cached:     {report.seconds:.2f} s "
                  f"({report.embedded} embedded)")

    started = time.perf_counter()
    searcher = Searcher.load(embedder=embedder)
    print(f"Searcher.load (default index):  {(time.perf_counter() - started) * 1000:.0f} ms")
    searcher.search("Vad gäller för hemförsäkring?")  # warm-up
    for label, items in (("short (batch 1, starter)", questions()), ("real-style (batches 7, 8)",
                                                                 real_style())):
        times: list[float] = []
        for _ in range(args.repeat):
            for question in items:
                t0 = time.perf_counter()
                searcher.search(question, top_k=3)
                times.append((time.perf_counter() - t0) * 1000)
        tokens = [embedder.token_count(q) for q in items]
        print(f"warm search top_k=3, {label}, {len(items)} questions x {args.repeat} "
              f"(tokens p50 {statistics.median(tokens):.0f}, p95 {percentile(tokens, 95):.0f}): "
              f"p50 {statistics.median(times):.1f} ms, p95 {percentile(times, 95):.1f} ms, "
              f"max {max(times):.1f} ms")


if __name__ == "__main__":
    main()
