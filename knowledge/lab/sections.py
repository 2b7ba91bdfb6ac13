"""Train the section classifier (knowledge/sections.py) and choose how the search uses it.

    python -m knowledge train-sections [--write-calibration]

Training data, all development data or product data:
- the development questions (knowledge.lab.devset.DEV_QUESTIONS) with their gold sections (a
  question with two gold sections is one example of each);
- the section hints (data/section_hints.yaml), one example each;
- class "nothing in the corpus": the development set's out-of-scope questions and the domain
  negatives (knowledge.lab.domain.NEGATIVES_FILES).

Figures are leave-one-file-out: each development file (one writer, one round) is predicted by
a classifier trained without it, which is how a new writer's questions meet the product. The
weight w_section and the answer rule (outside_p, outside_word_p, the threshold's margin) are
chosen on those out-of-file predictions: best recall@1 + recall@3, then the most out-of-scope
questions turned away with at most MAX_REFUSED of the in-domain ones refused.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from knowledge.hints import load_hints
from knowledge.lab.devset import DEV_OUT_OF_SCOPE, DEV_QUESTIONS, DEVELOPMENT_DIR
from knowledge.lab.domain import NEGATIVES_FILES, embed_queries, relative_path
from knowledge.lab.domain import read_questions as read_lines
from knowledge.lab.evaluate import is_relevant, read_questions
from knowledge.search import CALIBRATION_FILE, Searcher, other_year
from knowledge.sections import OUTSIDE, SECTIONS_FILE, SectionClassifier, save_sections

C = 100.0  # inverse regularisation; leave-one-file-out: 1 → R@1 0.90, 10 → 0.96, 100 → 0.97
W_SECTION = (0.01, 0.02, 0.03, 0.05)
OUTSIDE_P = (0.7, 0.8, 0.9, 1.0)
OUTSIDE_WORD_P = (0.0, 0.05, 0.1, 0.2)
THRESHOLD_MARGIN = (0.0, 0.02, 0.03, 0.05)  # the threshold is lowered by this much
MAX_REFUSED = 0.02  # the goal for in-domain questions refused


@dataclass
class Group:
    """One development file: its questions' vectors, gold sections and search evidence."""

    name: str
    vectors: np.ndarray  # (n, dim)
    relevant: np.ndarray  # (n, sections) bool
    by_section: np.ndarray  # (n, sections) the best fused score of each section
    decision: np.ndarray  # (n,) Searcher.decision of the best fused chunk
    rules: np.ndarray  # (n, 3) bool: gap, other-domain word, other year
    oos_vectors: np.ndarray
    oos_decision: np.ndarray
    oos_rules: np.ndarray


def _evidence(searcher: Searcher, text: str, keys_of_chunk: np.ndarray, n_sections: int):
    fused, features, q = searcher.score_chunks(text)
    best = int(np.argmax(fused))
    decision = searcher.decision(searcher.confidence(best, fused, features), q)
    by_section = np.full(n_sections, -np.inf)
    np.maximum.at(by_section, keys_of_chunk, fused)
    rules = (bool(searcher.gaps_for(text)), bool(searcher.out_of_scope_terms(text)),
             bool(other_year(text, searcher.chunks[best]["text"])))
    return q, by_section, decision, rules


def collect(searcher: Searcher, keys: list[tuple[str, str]]) -> list[Group]:
    column = {k: i for i, k in enumerate(keys)}
    key_of_chunk = np.array([column[(c["document"], c["section"])] for c in searcher.chunks])
    groups = []
    for q_name, o_name in zip(DEV_QUESTIONS, DEV_OUT_OF_SCOPE, strict=True):
        items = read_questions(DEVELOPMENT_DIR / q_name)
        rel = np.zeros((len(items), len(keys)), dtype=bool)
        for i, item in enumerate(items):
            for chunk in searcher.chunks:
                if is_relevant(chunk, item["gold"]):
                    rel[i, column[(chunk["document"], chunk["section"])]] = True
        ev = [_evidence(searcher, it["q"], key_of_chunk, len(keys)) for it in items]
        oos = read_lines([DEVELOPMENT_DIR / o_name])
        oev = [_evidence(searcher, t, key_of_chunk, len(keys)) for t in oos]
        groups.append(Group(
            q_name.removesuffix("_questions.jsonl"),
            np.stack([e[0] for e in ev]), rel, np.stack([e[1] for e in ev]),
            np.array([e[2] for e in ev]), np.array([e[3] for e in ev], dtype=bool),
            np.stack([e[0] for e in oev]), np.array([e[2] for e in oev]),
            np.array([e[3] for e in oev], dtype=bool)))
    return groups


def fit(groups: list[Group], hints: tuple[np.ndarray, np.ndarray], negatives: np.ndarray,
        n_sections: int, c: float = C) -> tuple[np.ndarray, np.ndarray]:
    """Multinomial logistic regression; returns (weights, bias) over n_sections + 1 classes
    (a class without examples gets weight 0 and bias −30: never predicted)."""
    from sklearn.linear_model import LogisticRegression

    xs, ys = [hints[0], negatives], [hints[1], np.full(len(negatives), n_sections)]
    for g in groups:
        rows, cols = np.nonzero(g.relevant)
        xs += [g.vectors[rows], g.oos_vectors]
        ys += [cols, np.full(len(g.oos_vectors), n_sections)]
    model = LogisticRegression(C=c, max_iter=5000)
    model.fit(np.concatenate(xs).astype(np.float64), np.concatenate(ys))
    weights = np.zeros((n_sections + 1, negatives.shape[1]), dtype=np.float32)
    bias = np.full(n_sections + 1, -30.0, dtype=np.float32)
    weights[model.classes_] = model.coef_
    bias[model.classes_] = model.intercept_
    return weights, bias


def _log_proba(weights: np.ndarray, bias: np.ndarray, vectors: np.ndarray) -> np.ndarray:
    z = vectors @ weights.T + bias
    z = z - z.max(axis=1, keepdims=True)
    return z - np.log(np.exp(z).sum(axis=1, keepdims=True))


def _ranks(scores: np.ndarray, relevant: np.ndarray) -> np.ndarray:
    best = np.where(relevant, scores, -np.inf).max(axis=1)
    ranks = 1 + (scores > best[:, None]).sum(axis=1)
    ranks[~np.isfinite(best)] = 99
    return ranks


def _refused(decision, rules, p_out, threshold, outside_p, outside_word_p, margin):
    """answer_rule.AnswerRule.decide over many questions at once, for a grid of its settings
    (rules: gap, other-domain word, other year; each found by the searcher's own methods)."""
    return (rules[:, 0] | rules[:, 2] | (rules[:, 1] & (p_out > outside_word_p))
            | (p_out > outside_p) | (decision < threshold - margin))


def cross_validate(groups, hints, negatives, n_sections, threshold: float) -> dict:
    """Leave one development file out: per file, the predictions of a classifier trained
    without it; then the grid of search settings scored on the pooled predictions."""
    held = []
    for i, g in enumerate(groups):
        w, b = fit(groups[:i] + groups[i + 1:], hints, negatives, n_sections)
        held.append((_log_proba(w, b, g.vectors), _log_proba(w, b, g.oos_vectors)))
    base = np.concatenate([_ranks(g.by_section, g.relevant) for g in groups])
    best_w, best_obj, per_w = None, -1.0, {}
    for w_section in W_SECTION:
        ranks = np.concatenate([
            _ranks(g.by_section + w_section * lp[:, :n_sections], g.relevant)
            for g, (lp, _) in zip(groups, held, strict=True)])
        per_w[w_section] = ranks
        objective = np.mean(ranks == 1) + np.mean(ranks <= 3)
        if objective > best_obj:
            best_w, best_obj = w_section, objective
    rules = []
    for outside_p, outside_word_p, margin in itertools.product(
            OUTSIDE_P, OUTSIDE_WORD_P, THRESHOLD_MARGIN):
        refused = np.concatenate([
            _refused(g.decision, g.rules, np.exp(lp[:, -1]), threshold, outside_p,
                     outside_word_p, margin) for g, (lp, _) in zip(groups, held, strict=True)])
        abstained = np.concatenate([
            _refused(g.oos_decision, g.oos_rules, np.exp(lo[:, -1]), threshold, outside_p,
                     outside_word_p, margin) for g, (_, lo) in zip(groups, held, strict=True)])
        rules.append((refused.mean(), abstained.mean(), outside_p, outside_word_p, margin))
    allowed = [r for r in rules if r[0] <= MAX_REFUSED] or rules
    chosen = max(allowed, key=lambda r: (r[1], -r[0]))
    base_refused = np.concatenate([_refused(g.decision, g.rules, np.zeros(len(g.decision)),
                                            threshold, 1.0, -1.0, 0.0) for g in groups])
    base_abstained = np.concatenate([_refused(g.oos_decision, g.oos_rules,
                                              np.zeros(len(g.oos_decision)), threshold, 1.0,
                                              -1.0, 0.0) for g in groups])
    ranks = per_w[best_w]
    offsets = np.cumsum([0] + [len(g.decision) for g in groups])

    def recall(r):
        return {"recall@1": round(float(np.mean(r == 1)), 4),
                "recall@3": round(float(np.mean(r <= 3)), 4)}

    return {
        "w_section": best_w, "outside_p": chosen[2], "outside_word_p": chosen[3],
        "threshold_margin": chosen[4],
        "without_classifier": {**recall(base), "refused": round(float(base_refused.mean()), 4),
                               "out_of_scope_abstained": round(float(base_abstained.mean()), 4)},
        "leave_one_file_out": {**recall(ranks), "refused": round(float(chosen[0]), 4),
                               "out_of_scope_abstained": round(float(chosen[1]), 4)},
        "per_file_recall@1": {g.name: round(float(np.mean(ranks[offsets[i]:offsets[i + 1]] == 1)),
                                            3) for i, g in enumerate(groups)},
    }


def data_digest(files: list[Path], hint_texts: list[str], negative_texts: list[str]) -> str:
    """What the classifier was trained on, as one hash: the development files' contents (in
    training order), the hints and the negatives. Names do not count: renaming a batch keeps
    the hash."""
    h = hashlib.sha256()
    for path in files:
        h.update(path.read_bytes())
        h.update(b"\0")
    h.update("\n".join([*hint_texts, "--", *negative_texts]).encode())
    return h.hexdigest()[:16]


def train(index: Path | None = None, write_calibration: bool = False,
          path: Path = SECTIONS_FILE) -> dict:
    started = time.monotonic()
    searcher = Searcher.load(index, sections_file=path.with_name("absent.json"))
    keys = sorted({(c["document"], c["section"]) for c in searcher.chunks})
    groups = collect(searcher, keys)
    hint_texts, hint_labels = [], []
    column = {k: i for i, k in enumerate(keys)}
    for key, texts in load_hints().items():
        for text in texts:
            hint_texts.append(text)
            hint_labels.append(column[key])
    hints = (embed_queries(searcher.embedder, hint_texts), np.array(hint_labels))
    negative_texts = read_lines(NEGATIVES_FILES)
    negatives = embed_queries(searcher.embedder, negative_texts)
    calibration = json.loads(CALIBRATION_FILE.read_text(encoding="utf-8"))
    entry = calibration["embedders"][searcher.manifest["embedder"]]
    # the threshold knowledge.lab.tune chose (kept apart: a second run must not lower it twice)
    threshold = float(entry.get("threshold_tuned", entry["threshold"]))
    cv = cross_validate(groups, hints, negatives, len(keys), threshold)
    weights, bias = fit(groups, hints, negatives, len(keys))
    digest = data_digest([DEVELOPMENT_DIR / n for n in (*DEV_QUESTIONS, *DEV_OUT_OF_SCOPE)],
                         hint_texts, negative_texts)
    trained_on = {
        "questions": [f"knowledge/eval/development/{n}" for n in DEV_QUESTIONS],
        "out_of_scope": [f"knowledge/eval/development/{n}" for n in DEV_OUT_OF_SCOPE],
        "hints": "knowledge/data/section_hints.yaml",
        "negatives": [f"knowledge/{relative_path(p)}" for p in NEGATIVES_FILES],
        "examples": {"questions": int(sum(g.relevant.any(axis=1).sum() for g in groups)),
                     "hints": len(hint_texts),
                     "outside": len(negative_texts) + sum(len(g.oos_vectors) for g in groups)},
        "C": C, "texts_sha256": digest, "corpus_hash": searcher.manifest["corpus_hash"],
        "cross_validation": cv,
    }
    sections = (*keys, ("", OUTSIDE))
    save_sections(SectionClassifier(searcher.embedder.name, sections, weights, bias),
                  trained_on, path)
    if write_calibration:
        entry["threshold_tuned"] = threshold
        entry["w_section"] = cv["w_section"]
        entry["outside_p"] = cv["outside_p"]
        entry["outside_word_p"] = cv["outside_word_p"]
        entry["threshold"] = round(threshold - cv["threshold_margin"], 6)
        entry["sections_rule"] = (
            "knowledge/lab/sections.py: leave-one-file-out over the development files; "
            f"threshold lowered by {cv['threshold_margin']} from the tuned "
            f"{threshold} (knowledge.lab.tune)")
        CALIBRATION_FILE.write_text(json.dumps(calibration, ensure_ascii=False, indent=1) + "\n",
                                    encoding="utf-8")
    trained_on["seconds"] = round(time.monotonic() - started, 1)
    return trained_on
