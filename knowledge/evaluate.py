"""Section-level retrieval metrics (recall@k over distinct ranked sections, MRR@10)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from knowledge.model import CorpusError


def read_questions(path: Path) -> list[dict[str, Any]]:
    questions = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except ValueError as exc:
            raise CorpusError(f"{path.name} rad {number}: ogiltig JSON ({exc}).") from exc
        if not isinstance(item, dict) or not str(item.get("q", "")).strip():
            raise CorpusError(f"{path.name} rad {number}: fältet 'q' saknas.")
        gold = item.get("gold")
        if not isinstance(gold, list) or not gold:
            raise CorpusError(f"{path.name} rad {number}: fältet 'gold' saknas eller är tomt.")
        questions.append(item)
    return questions


def read_lines(path: Path) -> list[str]:
    """One question a line; blank lines and "#" comments ("# kategori: …") are skipped."""
    lines = (ln.strip() for ln in path.read_text(encoding="utf-8").splitlines())
    return [ln for ln in lines if ln and not ln.startswith("#")]


def is_relevant(hit: dict[str, Any], gold: list[str]) -> bool:
    labels = {hit["section"], *hit["heading_path"]}
    return any(g in labels for g in gold)


def distinct_sections(hits: list[dict[str, Any]]) -> list[dict[str, Any]]:
    seen: set[tuple[str, str]] = set()
    result = []
    for hit in hits:
        key = (hit["document"], hit["section"])
        if key not in seen:
            seen.add(key)
            result.append(hit)
    return result


def evaluate(searcher, questions: list[dict[str, Any]], out_of_scope: list[str] | None = None,
             ks: tuple[int, ...] = (1, 3, 5)) -> dict[str, Any]:
    recall = {k: 0 for k in ks}
    rr = 0.0
    answered = 0
    misses = []
    for item in questions:
        result = searcher.search(item["q"], top_k=10)
        ranked = distinct_sections(result["hits"])
        answered += result["answered"]
        rank = next((i for i, h in enumerate(ranked[:10], 1) if is_relevant(h, item["gold"])),
                    None)
        for k in ks:
            recall[k] += rank is not None and rank <= k
        rr += 1.0 / rank if rank else 0.0
        if rank != 1:
            misses.append({"q": item["q"], "gold": item["gold"], "rank": rank,
                           "top": ranked[0]["section"] if ranked else None})
    n = len(questions) or 1
    report: dict[str, Any] = {
        "questions": len(questions),
        **{f"recall@{k}": round(recall[k] / n, 4) for k in ks},
        "mrr@10": round(rr / n, 4),
        "answered": round(answered / n, 4),
    }
    if out_of_scope is not None:
        abstained = sum(not searcher.search(q, top_k=3)["answered"] for q in out_of_scope)
        report["out_of_scope_questions"] = len(out_of_scope)
        report["out_of_scope_abstained"] = round(abstained / (len(out_of_scope) or 1), 4)
    report["misses"] = misses
    return report
