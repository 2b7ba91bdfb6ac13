"""Glossary figures: the rate at which a new employee's definition questions get the right
glossary entry first, and questions that are no definition question of the field (term null)
are not answered from the glossary.

    .venv/bin/python benchmarks/glossary.py                       # the development set
    .venv/bin/python benchmarks/glossary.py onboarding/eval/glossary_heldout.jsonl

The sets are written blind (onboarding/eval/README.md); labels are mapped to glossary ids by
onboarding/eval/label_map.yaml.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from onboarding.glossary import load_glossary, normalize  # noqa: E402

EVAL = ROOT / "onboarding" / "eval"


def expected_id(label: str | None, label_map: dict[str, str]) -> str | None:
    if label is None:
        return None
    glossary = load_glossary()
    if label in label_map:
        return label_map[label]
    term = glossary.match_phrase(label)
    if term is None or normalize(label) not in {normalize(a) for a in [term.term, *term.aliases]}:
        return f"(no entry: {label})"
    return term.id


def main(path: Path) -> int:
    label_map = yaml.safe_load((EVAL / "label_map.yaml").read_text(encoding="utf-8")) or {}
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    glossary = load_glossary()
    right = right_terms = right_null = 0
    n_terms = sum(1 for r in rows if r["term"] is not None)
    misses = []
    started = time.perf_counter()
    for row in rows:
        want = expected_id(row["term"], label_map)
        got = glossary.lookup(row["q"])
        got_id = got.id if got else None
        ok = got_id == want
        cited = got is None or bool(got.sources or got.outside)
        if ok and cited:
            right += 1
            if want is None:
                right_null += 1
            else:
                right_terms += 1
        else:
            misses.append((row["q"], row["term"], want, got_id))
    elapsed = (time.perf_counter() - started) * 1000 / max(1, len(rows))
    n_null = len(rows) - n_terms
    print(f"{path.name}: {right}/{len(rows)} right = {right / len(rows):.1%} "
          f"(definition questions {right_terms}/{n_terms}, not from the glossary "
          f"{right_null}/{n_null}); {elapsed:.2f} ms a question")
    for q, label, want, got in misses:
        print(f"  MISS {q!r}: label {label!r} → want {want}, got {got}")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else EVAL / "glossary_dev.jsonl"))
