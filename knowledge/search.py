"""Cited search: hybrid dense (faiss) + lexical (bm25s) retrieval over the index directory.

`Searcher` is the runtime's one entry point: `Searcher.load()` once, then `search(question)`.
It is put together from one module per concern:

- index_files.py — loading the index directory and the models beside it, with the checks;
- scoring.py — the evidence per chunk, its fusion and the ranking score (`Params`);
- answer_rule.py — whether to answer (threshold, domain and section classifiers, gaps,
  another year, another domain);
- citations.py — hits, citations, highlights and the per-issue topics;
- results.py — the shape of the result (a TypedDict: the JSON is a plain dict).
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import numpy as np

from knowledge.answer_rule import AnswerRule, other_year, years_named
from knowledge.citations import Citing
from knowledge.currency import CURRENCY_FILE, CurrencyNotes
from knowledge.domain import DOMAIN_FILE, DomainClassifier
from knowledge.embedders import Embedder
from knowledge.index import VIEW_SENTENCE, IndexMismatchError
from knowledge.index_files import load_currency_for, read_index, read_models
from knowledge.issues import split_question
from knowledge.lawfirst import LAW_FIRST_FILE, LawFirstRule, law_first
from knowledge.lexical import LexicalIndex
from knowledge.results import SearchResult
from knowledge.scope import Municipalities, OtherDomains
from knowledge.scoring import CALIBRATION_FILE, Params, Scoring
from knowledge.sections import SECTIONS_FILE, SectionClassifier

__all__ = ["CALIBRATION_FILE", "IndexMismatchError", "Params", "Searcher", "load_currency_for",
           "other_year", "years_named"]


class Searcher(Scoring, AnswerRule, Citing):
    def __init__(
        self,
        index_dir: Path,
        manifest: dict[str, Any],
        embedder: Embedder,
        faiss_index: Any,
        views: np.ndarray,
        chunks: list[dict[str, Any]],
        documents: dict[str, dict[str, Any]],
        lexical: LexicalIndex,
        params: Params,
        hint_lexical: LexicalIndex | None = None,
        domain: DomainClassifier | None = None,
        currency: CurrencyNotes | None = None,
        law_first_rules: list[LawFirstRule] | None = None,
        sections: SectionClassifier | None = None,
    ) -> None:
        self.index_dir = index_dir
        self.manifest = manifest
        self.embedder = embedder
        self.faiss_index = faiss_index
        self.views = views
        self.chunks = chunks
        self.documents = documents
        self.lexical = lexical
        self.hint_lexical = hint_lexical
        self.params = params
        self.domain = domain
        self.domain_file = DOMAIN_FILE
        self.currency = currency  # SOSFS 2003:5 → SOSFS 2013:1, per section (currency.py)
        self.law_first_rules = law_first_rules or []  # lead with the law (lawfirst.py)
        self.sections = sections  # which section a question asks about (sections.py)
        self.section_column = (
            sections.columns_for([(c["document"], c["section"]) for c in chunks])
            if sections is not None else None)
        self.vectors = faiss_index.reconstruct_n(0, faiss_index.ntotal)
        self._embed_lock = threading.Lock()
        self.sentence_rows: dict[int, np.ndarray] = {}
        for row, (chunk, kind, _s, _e) in enumerate(views):
            if kind == VIEW_SENTENCE:
                self.sentence_rows.setdefault(int(chunk), []).append(row)  # type: ignore[arg-type]
        self.sentence_rows = {k: np.asarray(v) for k, v in self.sentence_rows.items()}
        self._gap_terms = self._collect_gap_terms()
        self.other_domains = OtherDomains(self.lexical.vocab, self.lexical.known_words)
        issuers = " ".join(f"{d.get('issuer') or ''} {d.get('title') or ''}"
                           for d in documents.values())
        self.municipalities = Municipalities(
            self.lexical.known_words | {w.lower() for w in issuers.split()})
        self.negatives_kept = self._semantic_negatives()
        statute_kinds = {"lag", "förordning"}
        self.is_statute = np.array(
            [documents.get(c["document"], {}).get("kind") in statute_kinds for c in chunks],
            dtype=np.float32,
        )

    @classmethod
    def load(
        cls,
        index_dir: Path | str | None = None,
        embedder: Embedder | None = None,
        params: Params | None = None,
        threshold: float | None = None,
        domain_file: Path = DOMAIN_FILE,
        currency_file: Path = CURRENCY_FILE,
        law_first_file: Path = LAW_FIRST_FILE,
        sections_file: Path = SECTIONS_FILE,
    ) -> Searcher:
        """The shipped index (or `index_dir`) and the models beside it; raises
        IndexMismatchError with a Swedish message when anything does not match."""
        files = read_index(index_dir, embedder)
        models = read_models(files, domain_file, currency_file, law_first_file, sections_file)
        params = params or Params.for_embedder(files.manifest["embedder"])
        if threshold is not None:
            params.threshold = threshold
        searcher = cls(files.index_dir, files.manifest, files.embedder, files.faiss_index,
                       files.views, files.chunks, files.documents, files.lexical, params,
                       files.hint_lexical, models.domain, models.currency,
                       models.law_first_rules, models.sections)
        searcher.domain_file = domain_file
        return searcher

    def search(self, question: str, top_k: int = 3) -> SearchResult:
        question = question.strip()
        if not question:
            raise ValueError("Frågan är tom (fältet 'question').")
        if top_k < 1:
            raise ValueError("top_k måste vara minst 1 (fältet 'top_k').")
        issues = split_question(question).issues if self.params.w_issue else []
        embed_issues = bool(issues) and bool(self.params.w_issue_section) \
            and self.sections is not None
        vectors = self.query_vectors([question, *issues] if embed_issues else [question])
        fused, features, q = self.score_chunks(question, vectors[0])
        log_proba = self.section_log_proba(q)
        ranking = self.rank_scores(fused, log_proba)
        k = min(top_k, len(ranking))
        best = np.argpartition(-ranking, k - 1)[:k]
        best = best[np.argsort(-ranking[best], kind="stable")]
        # how sure the evidence is that the corpus answers at all: the best fused score,
        # whichever section the classifier puts first
        confidence = self.confidence(int(np.argmax(fused)), fused, features) if k else 0.0
        rule = self.decide(question, confidence, q, log_proba,
                           self.chunks[int(best[0])]["text"] if k else None)
        answered, gaps, outside, years = rule.answered, rule.gaps, rule.outside, rule.other_year
        hits = [self._hit(int(number), ranking, q, question) for number in best]
        result: SearchResult = {
            "question": question,
            "answered": answered,
            "confidence": round(confidence, 4),
            "hits": hits,
        }
        lead = law_first(question, hits, self.law_first_rules) if answered else None
        if lead:
            result["law_first"] = lead  # the answer quotes the paragraph, then the advice
        if gaps:
            result["gaps"] = gaps
        if outside:
            result["outside_scope"] = outside
        if years:
            result["other_year"] = years
        topics = self.topics(issues, ranking, q, k, vectors[1:] if embed_issues else None)
        if topics:
            result["topics"] = topics
        return result
