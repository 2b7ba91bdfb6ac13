"""Benchmark the Rasa NLU: intent F1 by 3-fold cross-validation, and the training time.

    .venv/bin/python benchmarks/nlu.py [--folds 3] [--no-train]

1. `rasa train` of the full model (config.yml, assistant/domain, assistant/data) into a
   temporary folder with an empty training cache: wall-clock cold training time (the most CI
   pays when the data changes; with a warm .rasa/cache unchanged components are reused).
2. `rasa test nlu --cross-validation` on assistant/data/nlu: the test-fold intent report
   (accuracy, macro and weighted F1, the weakest intents). Entities: the bot extracts none with
   DIET (numbers and facts are read by intake/grammar.py), so there is no entity F1 to report
   unless entities appear in the data; the script prints whatever entity report Rasa wrote.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RASA = ROOT / ".venv-rasa" / "bin" / "rasa"
ENV = {**os.environ, "RASA_TELEMETRY_ENABLED": "false", "TF_CPP_MIN_LOG_LEVEL": "2",
       "SQLALCHEMY_SILENCE_UBER_WARNING": "1"}


def run(argv: list[str], log: Path, env: dict[str, str] | None = None) -> float:
    started = time.perf_counter()
    with log.open("w") as out:
        proc = subprocess.run(argv, cwd=ROOT, env={**ENV, **(env or {})}, stdout=out,
                              stderr=subprocess.STDOUT)
    elapsed = time.perf_counter() - started
    if proc.returncode != 0:
        sys.exit(f"{' '.join(argv[:3])} failed (exit {proc.returncode}); log: {log}")
    return elapsed


def report_intents(path: Path) -> None:
    report = json.loads(path.read_text())
    macro, weighted = report["macro avg"], report["weighted avg"]
    print(f"intent accuracy (test folds):   {report['accuracy']:.3f}")
    print(f"intent F1 macro / weighted:     {macro['f1-score']:.3f} / {weighted['f1-score']:.3f}")
    per_intent = {k: v for k, v in report.items()
                  if isinstance(v, dict) and "support" in v and not k.endswith("avg")}
    weakest = sorted(per_intent.items(), key=lambda kv: kv[1]["f1-score"])[:4]
    print("weakest intents (F1, support):  " + ", ".join(
        f"{name} {v['f1-score']:.2f} ({v['support']})" for name, v in weakest))


def report_entities(out: Path) -> None:
    reports = [p for p in out.glob("*_report.json") if p.name != "intent_report.json"
               and "response_selection" not in p.name]
    found = False
    for path in reports:
        report = json.loads(path.read_text())
        if "weighted avg" in report:
            found = True
            print(f"entity F1 weighted ({path.stem}): {report['weighted avg']['f1-score']:.3f}")
    if not found:
        print("entity F1:                      n/a (no entities in the NLU data; "
              "facts are parsed by the intake package (intake/grammar.py))")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=3)
    parser.add_argument("--no-train", action="store_true", help="skip the training-time run")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="nlu-bench-") as tmp:
        work = Path(tmp)
        if not args.no_train:
            seconds = run([str(RASA), "train", "--config", "config.yml", "--domain",
                           "assistant/domain", "--data", "assistant/data", "--out",
                           str(work / "models"), "--fixed-model-name", "bench"],
                          work / "train.log", {"RASA_CACHE_DIRECTORY": str(work / "cache")})
            print(f"rasa train (full model, cold):  {seconds:.1f} s")
        out = work / "cv"
        seconds = run([str(RASA), "test", "nlu", "--config", "config.yml", "--nlu",
                       "assistant/data/nlu", "--cross-validation", "--folds", str(args.folds),
                       "--out", str(out)], work / "cv.log")
        print(f"{args.folds}-fold cross-validation:      {seconds:.1f} s")
        report_intents(out / "intent_report.json")
        report_entities(out)


if __name__ == "__main__":
    main()
