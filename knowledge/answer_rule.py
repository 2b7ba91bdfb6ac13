"""Deciding whether to answer: the evidence that the corpus answers the question at all.

`decide` applies, in order: the threshold on the retrieval confidence plus the domain
evidence (log-odds of the domain classifier, nearest-example margin), the section
classifier's p(nothing in the corpus), the known gaps of the sources (SOSFS 2003:5 p. 21),
another year than the best passage's, and words from another domain or a municipality whose
guidelines are not in the corpus (these only when p(nothing) is not low). A mixin of Searcher
(search.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

import numpy as np

from knowledge.domain import logit as domain_logit
from knowledge.lexical import tokenize
from knowledge.scope import mentions, stems, topic

# A year, not an SFS number ("(2025:400)") or part of a longer number.
_YEAR = re.compile(r"(?<![\d:(])((?:19|20)\d\d)(?![\d:])")


@dataclass(frozen=True)
class Decision:
    """Whether to answer, and the reasons for not answering that the result names."""

    answered: bool
    gaps: list[dict[str, Any]]
    outside: list[str]
    other_year: dict[str, list[str]] | None


class AnswerRule:
    """The decision to answer (mixed into Searcher)."""

    def decide(self, question: str, confidence: float, q: np.ndarray,
               log_proba: np.ndarray | None, best_text: str | None) -> Decision:
        """The answer rule for a question whose best fused score gives `confidence` and whose
        best-ranked passage is `best_text` (None when the index is empty)."""
        threshold = self.params.threshold
        answered = best_text is not None and (
            threshold is None or self.decision(confidence, q) >= threshold)
        p_outside = float(np.exp(log_proba[-1])) if log_proba is not None else None
        if p_outside is not None and p_outside > self.params.outside_p:
            answered = False  # the classifier: nothing in the corpus answers this
        gaps = self.gaps_for(question)
        if gaps:
            answered = False  # the corpus is known to lack the section the question is about
        outside = self.out_of_scope_terms(question)
        if outside and p_outside is not None and p_outside <= self.params.outside_word_p:
            outside = []  # a side detail of an in-domain situation ("änka med garantipension")
        years = other_year(question, best_text) if best_text is not None else None
        if years:
            answered = False  # the best passage is about another year (riksnorm 2026 vs 2025)
        if outside:
            answered = False  # names a concept from outside the guidelines (LVU, hemtjänst …)
        return Decision(answered, gaps, outside, years)

    def in_domain_logit(self, query_vector: np.ndarray) -> float:
        """log-odds that the question is about ekonomiskt bistånd (0 without a classifier)."""
        if self.domain is None:
            return 0.0
        return float(domain_logit(self.domain.probability(query_vector)))

    def decision(self, confidence: float, query_vector: np.ndarray) -> float:
        """What the threshold is compared with: the confidence, plus the domain evidence."""
        if self.domain is None:
            return confidence
        value = confidence
        if self.params.domain_weight:
            value += self.params.domain_weight * self.in_domain_logit(query_vector)
        if self.params.knn_weight:
            value += self.params.knn_weight * self.domain.margin(query_vector)
        return value

    def out_of_scope_terms(self, question: str) -> list[str]:
        """What in the question puts it outside the corpus: another domain's concepts
        (data/other_domains.yaml) or a municipality whose guidelines are not in the corpus."""
        return self.other_domains.found(question) + self.municipalities.found(question)

    def gaps_for(self, question: str) -> list[dict[str, Any]]:
        """Known holes in the sources (SOSFS 2003:5 p. 21) that the question is about."""
        q_tokens = set(tokenize(question))
        q_stems = stems(question)
        return [
            {"document": self._gap_document(gap), "missing_section": heading,
             "note": gap["note"]}
            for tokens, phrases, gap, heading in self._gap_terms
            if tokens & q_tokens or any(mentions(q_stems, p) for p in phrases)
        ]

    def _gap_document(self, gap: dict[str, Any]) -> str:
        for doc in self.documents.values():
            if gap in doc.get("gaps", []):
                return doc["id"]
        return ""


    def _semantic_negatives(self) -> np.ndarray | None:
        """Keep as nearest-example negatives only the questions the scope rules do not already
        turn away: "Hur långt rådrum ger Eskilstuna?" is out of scope for its municipality,
        which the embedding hardly sees, and as a neighbour it would turn away "Vad menas med
        skäligt rådrum?". Returns the mask over the shipped negatives (None without them)."""
        if self.domain is None or self.domain.negatives is None:
            return None
        keep = np.array([not (self.gaps_for(t) or self.out_of_scope_terms(t))
                         for t in self.domain.negative_texts], dtype=bool)
        self.domain = replace(self.domain, negatives=self.domain.negatives[keep])
        return keep

    def _collect_gap_terms(self) -> list[tuple[set[str], list[tuple], dict, str]]:
        """Per missing section: its heading's long words and its topics (scope.topic)."""
        terms = []
        for doc in self.documents.values():
            for gap in doc.get("gaps", []):
                topics = gap.get("missing_topics", {})
                for heading in gap.get("missing_headings", []):
                    long_tokens = {t for t in tokenize(heading) if len(t) >= 8}
                    phrases = [topic(t) for t in topics.get(heading, [])]
                    if long_tokens or phrases:
                        terms.append((long_tokens, phrases, gap, heading))
        return terms


def years_named(text: str) -> list[str]:
    """The years a text names ("2024", "2026-01-01"), not SFS numbers ("(2025:400)"), sorted."""
    return sorted(set(_YEAR.findall(text)))


def other_year(question: str, passage: str) -> dict[str, list[str]] | None:
    """The question asks about a year and the passage is about other years only ("Vad var
    riksnormen 2025?" and the 2026 riksnorm paragraph): quoting it would give the wrong year's
    rule or amount. Returns {"asked": [...], "passage": [...]} or None."""
    asked, given = years_named(question), years_named(passage)
    if asked and given and not set(asked) & set(given):
        return {"asked": asked, "passage": given}
    return None
