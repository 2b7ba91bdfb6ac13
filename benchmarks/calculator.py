"""Benchmark the calculator: households per second on one core.

    .venv/bin/python benchmarks/calculator.py [--n 20000] [--batch-n 20000]

Measures, for a realistic mix of households (fixed seed):
  1. the library, compute(dict) (validation + calculation), the figure the goal refers to;
  2. the library, compute(parsed input) (calculation only);
  3. the library, compute(dict) + result.model_dump_json();
  4. the batch CLI (python -m calculator batch IN OUT) end to end, including interpreter
     start-up, JSON parsing and writing; and its start-up cost alone (a one-line file).
Goal: at least 10 000 households per second through the library.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from calculator import compute, parse_input  # noqa: E402

GOAL = 10_000


def pin_one_core(cpu: int | None) -> str:
    """The benchmark is single-threaded (one core); --cpu pins it to a given core too."""
    if cpu is not None and hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {cpu})
        return f"pinned to cpu {cpu}"
    return "single thread, not pinned"


def household(rng: random.Random) -> dict:
    """One household from a mix resembling a caseload."""
    year = rng.choice([2021, 2022, 2023, 2024, 2024, 2025, 2026, 2026])
    kind = rng.choices(["single", "single_parent", "couple", "couple_kids", "large", "shared"],
                       weights=[40, 20, 10, 18, 4, 8])[0]
    if year == 2025 and kind in ("couple", "couple_kids", "large"):
        kind = "single_parent"  # the 2025 sambor amount is unknown
    adults = [{"role": "applicant", "age": rng.randint(19, 70)}]
    if kind in ("couple", "couple_kids", "large"):
        adults.append({"role": "partner", "age": rng.randint(19, 70)})
    n_kids = {"single": 0, "shared": 0, "couple": 0, "single_parent": rng.randint(1, 3),
              "couple_kids": rng.randint(1, 4), "large": rng.randint(6, 9)}[kind]
    lunch_known = year in (2021, 2026)
    children = []
    for _ in range(n_kids):
        age = rng.randint(0, 20)
        child = {"age": age, "days": rng.choice([30, 30, 30, 15, 10, 8])}
        if age >= 19:
            child["in_school"] = True
        if age <= 6 and lunch_known:
            child["lunch_at_preschool"] = rng.random() < 0.5
        children.append(child)
    incomes = []
    if rng.random() < 0.5:
        incomes.append({"type": "salary", "amount": rng.randint(1000, 15000),
                        "member": "applicant"})
    if len(adults) == 2 and rng.random() < 0.5:
        incomes.append({"type": rng.choice(["salary", "unemployment_benefit", "sickness_benefit"]),
                        "amount": rng.randint(1000, 15000), "member": "partner"})
    if children:
        incomes.append({"type": "child_allowance", "amount": 1250 * len(children),
                        "member": "applicant"})
        if rng.random() < 0.3:
            incomes.append({"type": "housing_allowance", "amount": rng.randint(500, 4000),
                            "member": "applicant"})
        teen = [i for i, c in enumerate(children) if c["age"] >= 15]
        if teen and year != 2021 and rng.random() < 0.3:
            incomes.append({"type": "salary", "amount": rng.randint(500, 6000),
                            "member": f"child:{teen[0]}",
                            "earned_earlier_this_year": rng.randint(0, 60000)})
    if rng.random() < 0.1:
        incomes.append({"type": "disability_compensation", "amount": rng.randint(500, 2500),
                        "member": "applicant"})
    data = {
        "year": year, "month": rng.randint(1, 12),
        "household": {"adults": adults, "children": children,
                      "shared_household_members": rng.randint(2, 6) if kind == "shared" else None},
        "costs": {"housing": rng.randint(3000, 12000), "electricity": rng.randint(0, 800),
                  "home_insurance": rng.randint(0, 250), "work_travel": rng.choice([0, 0, 970])},
        "housing_cap": {"amount": 8000} if rng.random() < 0.2 else None,
        "incomes": incomes,
        "consecutive_months_with_support": rng.randint(0, 30),
        "job_stimulus_months_used": rng.randint(0, 26),
    }
    return data


def rate(label: str, n: int, seconds: float) -> float:
    per_s = n / seconds
    print(f"  {label:<52} {per_s:>10,.0f} households/s  ({seconds * 1e6 / n:6.1f} µs each)")
    return per_s


def each(fn, items) -> None:
    for item in items:
        fn(item)


def best_of(fn, repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=20_000, help="households for the library runs")
    ap.add_argument("--batch-n", type=int, default=20_000, help="households for the batch CLI")
    ap.add_argument("--cpu", type=int, default=None, help="pin to this core (the batch child "
                    "process inherits it)")
    args = ap.parse_args()
    cpu = pin_one_core(args.cpu)
    rng = random.Random(20240301)
    data = [household(rng) for _ in range(args.n)]
    for d in data[:200]:  # warm the parameter cache and check the mix is valid
        compute(d)
    parsed = [parse_input(d) for d in data]
    print(f"calculator benchmark: {args.n} households, one core ({cpu}), "
          f"Python {sys.version.split()[0]}")
    # results are consumed and dropped, as a caller would; keeping 20 000 result objects alive
    # would mostly measure the garbage collector.
    lib = rate("library compute(dict) [validate + compute]", args.n,
               best_of(lambda: each(compute, data)))
    rate("library compute(parsed input) [compute only]", args.n,
         best_of(lambda: each(compute, parsed)))
    rate("library parse_input(dict) [validate only]", args.n,
         best_of(lambda: each(parse_input, data)))
    rate("library compute(dict) + model_dump_json()", args.n,
         best_of(lambda: each(lambda d: compute(d).model_dump_json(), data)))

    with tempfile.TemporaryDirectory() as tmp:
        fin, fout, one = Path(tmp) / "in.jsonl", Path(tmp) / "out.jsonl", Path(tmp) / "one.jsonl"
        batch = [household(rng) for _ in range(args.batch_n)]
        fin.write_text("".join(json.dumps(d) + "\n" for d in batch), encoding="utf-8")
        one.write_text(json.dumps(batch[0]) + "\n", encoding="utf-8")
        cmd = [sys.executable, "-m", "calculator", "batch"]

        def run(path: Path) -> float:
            t0 = time.perf_counter()
            subprocess.run([*cmd, str(path), str(fout)], cwd=ROOT, check=True,
                           capture_output=True)
            return time.perf_counter() - t0

        startup = min(run(one) for _ in range(3))
        total = min(run(fin) for _ in range(2))
        print(f"  batch CLI start-up (one household)                   {startup * 1000:8.0f} ms")
        rate(f"batch CLI end to end ({args.batch_n} households)", args.batch_n, total)
        rate("batch CLI excluding start-up", args.batch_n, total - startup)
        errors = sum('"error"' in line[:30] for line in fout.read_text().splitlines())
        print(f"  batch output lines with an error record: {errors}")
    verdict = "meets" if lib >= GOAL else "MISSES"
    print(f"goal {GOAL:,} households/s through the library: {verdict} ({lib:,.0f})")


if __name__ == "__main__":
    main()
