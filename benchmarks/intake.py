"""Intake on the call transcripts: exact-amount rate per category and parse time per message.

    .venv/bin/python benchmarks/intake.py                       # the development set
    .venv/bin/python benchmarks/intake.py --show                # and every miss, with its facts
    .venv/bin/python benchmarks/intake.py intake/eval/heldout_*.jsonl   # a held-out set (once)

Plays each transcript through the intake and the calculator without Rasa (intake.transcripts).
The figure that counts for the product is the same set played over HTTP against the real
servers: benchmarks/intake_chat.py.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import typer

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from intake.transcripts import (  # noqa: E402
    WRITERS_TODAY,
    development_files,
    expected_result,
    judge,
    load,
    percentiles_ms,
    play,
    rate_table,
)


def main(files: list[Path] = typer.Argument(None), show: bool = False) -> None:  # noqa: B008
    files = files or development_files()
    total, right = Counter(), Counter()
    times: list[float] = []
    label_problems = []
    misses = []
    for path in files:
        for t in load(path):
            amount, refusal = expected_result(t)
            if t.expected_amount is not None and amount != t.expected_amount:
                label_problems.append((t.id, t.expected_amount, amount, refusal))
            out = play(t, WRITERS_TODAY)
            times += out.parse_seconds
            total[t.category] += 1
            ok = judge(t, out)
            right[t.category] += ok
            if not ok:
                misses.append((t, out, amount, refusal))
    print(rate_table(total, right))
    if times:
        p50, p95, top = percentiles_ms(times)
        print(f"parse per message: n={len(times)} p50={p50:.2f} ms p95={p95:.2f} ms "
              f"max={top:.2f} ms")
    if label_problems:
        print(f"\n{len(label_problems)} transcripts whose expected_amount differs from the "
              "calculator on expected_input (label to review):")
        for tid, written, computed, refusal in label_problems:
            print(f"  {tid}: written {written}, calculator {computed} {refusal or ''}")
    if show:
        for t, out, amount, refusal in misses:
            print(f"\n--- {t.id} [{t.category}] expected {amount} {refusal or ''}; got "
                  f"{out.amount} {out.refused or ''} {out.failure or ''}")
            for m in t.turns:
                print(f"  > {m}")
            for k, v in t.answers.items():
                print(f"  ({k}) > {v}")
            for m in [*t.at_summary, *t.after_result]:
                print(f"  >> {m}")
            print(f"  facts: {out.facts.model_dump(exclude_defaults=True)}")
            print(f"  expected: {t.expected_input}")


if __name__ == "__main__":
    typer.run(main)
