"""How the trained Rasa model routes the retrieval development questions.

Every in-domain question should reach the knowledge search (intents ask_guideline,
nlu_fallback or out_of_scope, which all consult the knowledge base); out-of-scope questions are
then judged by the knowledge base's abstention. Starts the real Rasa + action server on free
loopback ports and asks Rasa's /model/parse for each question. Prints counts per intent.

    .venv/bin/python benchmarks/routing.py
"""

from __future__ import annotations

import collections
import json
import sys
import tempfile
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.support.services import start_stack  # noqa: E402

EVAL = ROOT / "knowledge" / "eval"
TO_SEARCH = {"ask_guideline", "nlu_fallback", "out_of_scope"}


def _questions() -> tuple[list[str], list[str]]:
    dev = EVAL / "development"  # the first batch of the development set (196 + 36)
    in_domain = [json.loads(line)["q"]
                 for line in (dev / "batch1_questions.jsonl").read_text(encoding="utf-8")
                 .splitlines() if line]
    out_of_scope = [line.strip()
                    for line in (dev / "batch1_out_of_scope.txt").read_text(encoding="utf-8")
                    .splitlines()
                    if line.strip() and not line.startswith("#")]
    return in_domain, out_of_scope


def main() -> int:
    in_domain, out_of_scope = _questions()
    stack = start_stack(Path(tempfile.mkdtemp(prefix="bg-routing-")))
    try:
        with httpx.Client(timeout=30.0) as client:
            for name, items in (("in-domain", in_domain), ("out-of-scope", out_of_scope)):
                counts = collections.Counter(
                    client.post(f"{stack.rasa_url}/model/parse", json={"text": q})
                    .json()["intent"]["name"] for q in items)
                to_search = sum(n for intent, n in counts.items() if intent in TO_SEARCH)
                print(f"{name}: {len(items)} questions, {to_search} reach the knowledge search "
                      f"({to_search / len(items):.1%}); intents {dict(counts.most_common())}")
    finally:
        stack.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
