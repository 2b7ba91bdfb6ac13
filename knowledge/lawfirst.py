"""Answers that lead with the law when the law answers (data/law_first.yaml).

When a question is about a topic that a statute paragraph settles (jobbstimulans, barns
inkomster, riksnormens innehåll, stå till arbetsmarknadens förfogande) and that paragraph is
among the hits, the answer quotes the paragraph first and the advice that belongs with it
after. Only the order of the answer changes: the ranking, and what is found, do not.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from knowledge.model import CorpusError
from knowledge.scope import mentions, stems, topic

LAW_FIRST_FILE = Path(__file__).parent / "data" / "law_first.yaml"


@dataclass(frozen=True)
class LawFirstRule:
    paragraph: str  # section label of the statute paragraph in the index
    topic: str
    asks: tuple[tuple[tuple[str, ...], ...], ...]  # scope.topic() of each phrasing
    advice: tuple[str, ...]


def load_law_first(path: Path = LAW_FIRST_FILE) -> list[LawFirstRule]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise CorpusError(f"{path.name}: kan inte läsas ({exc}).") from exc
    rules = []
    for paragraph, row in (data.get("paragraphs") or {}).items():
        where = f"{path.name}: paragrafen {paragraph!r}"
        if not isinstance(row, dict) or not row.get("asks") or not row.get("topic"):
            raise CorpusError(f"{where} ska ha topic och asks.")
        asks = tuple(topic(str(a)) for a in row["asks"])
        if any(not a for a in asks):
            raise CorpusError(f"{where}: en formulering i asks är tom.")
        rules.append(LawFirstRule(str(paragraph), str(row["topic"]), asks,
                                  tuple(str(a) for a in row.get("advice") or [])))
    return rules


def unknown_sections(rules: list[LawFirstRule], sections: set[str]) -> list[str]:
    """Paragraphs and advice sections of the rules that the index does not have."""
    named = {r.paragraph for r in rules} | {a for r in rules for a in r.advice}
    return sorted(named - sections)


def law_first(question: str, hits: list[dict[str, Any]],
              rules: list[LawFirstRule]) -> dict[str, Any] | None:
    """{"statute": i, "advice": j or None, "topic": …} when the question is about a rule's topic
    and the rule's paragraph is hit i; j is the best-ranked hit among the rule's advice
    sections."""
    words = stems(question)
    sections = [h.get("section") for h in hits]
    for rule in rules:
        if rule.paragraph not in sections or not any(mentions(words, a) for a in rule.asks):
            continue
        advice = next((i for i, s in enumerate(sections) if s in rule.advice), None)
        return {"statute": sections.index(rule.paragraph), "advice": advice,
                "topic": rule.topic}
    return None


def answer_order(result: dict[str, Any]) -> list[dict[str, Any]]:
    """The hits in the order an answer presents them: with `law_first`, the paragraph, then
    its advice, then the rest by rank; for a question about several things (`topics`), the
    best hit of each issue, then the rest by rank; otherwise by rank."""
    hits = list(result.get("hits") or [])
    lead = result.get("law_first")
    if not lead and result.get("topics"):
        best = [t["hits"][0] for t in result["topics"] if t.get("hits")]
        shown = {h["chunk_id"] for h in best}
        return best + [h for h in hits if h["chunk_id"] not in shown]
    if not lead:
        return hits
    first = [lead["statute"]] + ([lead["advice"]] if lead.get("advice") is not None else [])
    return [hits[i] for i in first] + [h for i, h in enumerate(hits) if i not in first]
