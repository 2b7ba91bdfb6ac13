"""Section-level retrieval metrics (recall@k over distinct ranked sections, MRR@10).

A question with two issues carries ``topics`` (one list of gold labels per issue). It counts as
found at rank r when every issue has a gold section within rank r of what the search shows
for it: the main ranking or the ranking of one of the search's own `topics`. A search that
does not split such a question must fit every issue into the first k sections of one list.
Per-issue recall is reported too, and so are the single-issue questions the search split.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

from knowledge.model import CorpusError

KS = (1, 3, 5)
# emergency wording, for the report of misses by kind only (never used by the search)
EMERGENCY = re.compile(
    r"\b(akut\w*|nödprövning\w*|nödbistånd\w*|nödsituation\w*|nödläge\w*|matpengar|"
    r"inget att äta|ingenting att äta|ingen mat|har ingenting|står utan)\b", re.IGNORECASE)
LONG_WORDS = 25  # a question this long (or of several sentences) is a situation
MISS_KINDS = ("akut behov", "blandad fråga", "grannavsnitt", "sidodetalj", "vardagsord",
              "felaktigt avböjd", "felaktigt besvarad utanför området")


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
        topics = item.get("topics")
        if topics is not None and (
            not isinstance(topics, list) or len(topics) < 2
            or not all(isinstance(t, list) and t for t in topics)
            or not {g for t in topics for g in t} <= set(gold)
        ):
            raise CorpusError(f"{path.name} rad {number}: fältet 'topics' ska vara minst två "
                              "listor med etiketter ur 'gold'.")
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


def first_rank(ranked: list[dict[str, Any]], gold: list[str], depth: int = 10) -> int | None:
    return next((i for i, h in enumerate(ranked[:depth], 1) if is_relevant(h, gold)), None)


def shown_rankings(result: dict[str, Any]) -> list[list[dict[str, Any]]]:
    """The main ranking and the ranking of each topic the search found (distinct sections)."""
    return [distinct_sections(result["hits"]),
            *(distinct_sections(t["hits"]) for t in result.get("topics") or [])]


def issue_rank(result: dict[str, Any], gold: list[str]) -> int | None:
    ranks = [r for r in (first_rank(lst, gold) for lst in shown_rankings(result)) if r]
    return min(ranks) if ranks else None


def question_rank(result: dict[str, Any], item: dict[str, Any]) -> tuple[int | None, list]:
    """Rank of the question (the worst of its issues) and the rank of each issue."""
    if not item.get("topics"):
        return first_rank(distinct_sections(result["hits"]), item["gold"]), []
    per_issue = [issue_rank(result, labels) for labels in item["topics"]]
    rank = None if None in per_issue else max(per_issue)
    return rank, per_issue


def _parents(searcher) -> dict[str, tuple[str, ...]]:
    return {c["section"]: tuple(c["heading_path"][:-1]) for c in searcher.chunks}


def miss_kind(item: dict[str, Any], top: dict[str, Any] | None,
              parents: dict[str, tuple[str, ...]]) -> str:
    """A rough, rule-based kind of a ranking miss, for the report (in this order): emergency
    wording; a mixed question; the top section shares its parent heading with a gold one
    (neighbour); a long situation (side detail); otherwise a word the corpus does not use."""
    q = item["q"]
    if EMERGENCY.search(q):
        return "akut behov"
    if item.get("topics"):
        return "blandad fråga"
    if top is not None:
        top_parent = tuple(top["heading_path"][:-1])
        gold_parents = {parents.get(g) for g in item["gold"]}
        if top_parent and top_parent in gold_parents or any(g in top["heading_path"]
                                                             for g in item["gold"]):
            return "grannavsnitt"
        if top["section"] in {p[-1] for p in gold_parents if p}:
            return "grannavsnitt"
    sentences = len([s for s in re.split(r"[.!?]+\s", q.strip()) if s.strip()])
    if sentences >= 2 or len(q.split()) >= LONG_WORDS:
        return "sidodetalj"
    return "vardagsord"


def evaluate(searcher, questions: list[dict[str, Any]], out_of_scope: list[str] | None = None,
             ks: tuple[int, ...] = KS) -> dict[str, Any]:
    recall = {k: 0 for k in ks}
    rr = 0.0
    answered = 0
    misses = []
    kinds: Counter[str] = Counter()
    parents = _parents(searcher)
    mixed = {"questions": 0, **{f"recall@{k}": 0 for k in ks}}
    issues = {"issues": 0, **{f"recall@{k}": 0 for k in ks}}
    split_single = 0
    for item in questions:
        result = searcher.search(item["q"], top_k=10)
        ranked = distinct_sections(result["hits"])
        answered += result["answered"]
        rank, per_issue = question_rank(result, item)
        for k in ks:
            recall[k] += rank is not None and rank <= k
        rr += 1.0 / rank if rank else 0.0
        if item.get("topics"):
            mixed["questions"] += 1
            for k in ks:
                mixed[f"recall@{k}"] += rank is not None and rank <= k
            for r in per_issue:
                issues["issues"] += 1
                for k in ks:
                    issues[f"recall@{k}"] += r is not None and r <= k
        elif result.get("topics"):
            split_single += 1
        if not result["answered"]:
            kinds["felaktigt avböjd"] += 1  # a refusal; its ranking miss (if any) counts too
        if rank != 1 or not result["answered"]:
            kind = miss_kind(item, ranked[0] if ranked else None, parents) if rank != 1 else None
            if kind:
                kinds[kind] += 1
            misses.append({"q": item["q"], "gold": item["gold"], "rank": rank,
                           "issue_ranks": per_issue or None, "kind": kind,
                           "answered": result["answered"],
                           "top": ranked[0]["section"] if ranked else None,
                           "topics": [t["hits"][0]["section"] for t in result.get("topics") or []
                                      if t["hits"]] or None})
    n = len(questions) or 1
    refused = len(questions) - answered
    report: dict[str, Any] = {
        "questions": len(questions),
        **{f"recall@{k}": round(recall[k] / n, 4) for k in ks},
        "mrr@10": round(rr / n, 4),
        "answered": round(answered / n, 4),
        "wrongly_refused": refused,
        "wrongly_refused_rate": round(refused / n, 4),
    }
    if mixed["questions"]:
        m = mixed["questions"]
        report["mixed"] = {"questions": m,
                           **{f"recall@{k}": round(mixed[f"recall@{k}"] / m, 4) for k in ks},
                           "issues": issues["issues"],
                           **{f"issue_recall@{k}": round(issues[f"recall@{k}"]
                                                         / issues["issues"], 4) for k in ks}}
    report["single_issue_split"] = split_single
    if out_of_scope is not None:
        wrongly_answered = [q for q in out_of_scope if searcher.search(q, top_k=3)["answered"]]
        report["out_of_scope_questions"] = len(out_of_scope)
        report["out_of_scope_abstained"] = round(
            1 - len(wrongly_answered) / (len(out_of_scope) or 1), 4)
        kinds["felaktigt besvarad utanför området"] += len(wrongly_answered)
        for q in wrongly_answered:
            misses.append({"q": q, "gold": None, "rank": None,
                           "kind": "felaktigt besvarad utanför området", "answered": True})
    report["misses_by_kind"] = {k: kinds[k] for k in MISS_KINDS if kinds[k]}
    report["misses"] = misses
    return report
