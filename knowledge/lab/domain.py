"""Training the domain classifier (issue 4, round 4; examples since round 5c).

    python -m knowledge train-domain

on product data only: IN-DOMAIN = the section hints (data/section_hints.yaml), the questions in
data/domain_training/in_domain_*.txt and, optionally, every sentence of the corpus, embedded
as queries; OUT-OF-DOMAIN = the questions in data/domain_training/out_of_domain_*.txt (all
written by hand from domain knowledge and the corpus; none is evaluation data). Writes the
weights to data/domain_classifier.json (keyed by embedder) and the examples for the
nearest-example margin to data/domain_classifier_examples.npz; knowledge/domain.py loads them.
Rebuild the index afterwards (the manifest records their hash).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import numpy as np

from knowledge.domain import DATA_DIR, DOMAIN_FILE, DomainClassifier, examples_path, logit

TRAINING_DIR = DATA_DIR / "domain_training"
NEGATIVES_FILES = (
    TRAINING_DIR / "out_of_domain_general.txt",  # other authorities and areas, office, small talk
    TRAINING_DIR / "out_of_domain_near.txt",  # in the corpus's words, still outside it
    TRAINING_DIR / "out_of_domain_social_services.txt",  # other social-services law
)
# questions the corpus answers that name another authority's benefit or an everyday item (so
# that "räknas bostadsbidraget som inkomst?" is not learnt as another domain)
POSITIVES_FILES = (TRAINING_DIR / "in_domain_near.txt",)
DEFAULT_C = 10.0  # chosen by CV on the development set (knowledge/CHANGELOG.md, round 4)


def relative_path(path: Path) -> str:
    """data/domain_training/x.txt: the path below knowledge/, as trained_on records it."""
    return path.relative_to(DATA_DIR.parent).as_posix()


def read_questions(paths: Iterable[Path]) -> list[str]:
    lines: list[str] = []
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if line and not line.startswith("#"):
                lines.append(line)
    return lines


def embed_queries(embedder, texts: list[str], batch_size: int = 32) -> np.ndarray:
    """As Searcher.features embeds a question: vocabulary expansion, query(), L2 norm."""
    from knowledge.vocabulary import expand

    out = []
    for i in range(0, len(texts), batch_size):
        out.append(np.asarray(embedder.query([expand(t) for t in texts[i:i + batch_size]]),
                              dtype=np.float32))
    matrix = np.concatenate(out) if out else np.zeros((0, embedder.dim), dtype=np.float32)
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return matrix / np.where(norms > 0, norms, 1.0)


def fit(positives: np.ndarray, negatives: np.ndarray, c: float = DEFAULT_C,
        embedder: str = "") -> DomainClassifier:
    """L2-regularised logistic regression, classes weighted to equal total weight."""
    from sklearn.linear_model import LogisticRegression

    x = np.concatenate([positives, negatives]).astype(np.float64)
    y = np.concatenate([np.ones(len(positives)), np.zeros(len(negatives))])
    model = LogisticRegression(C=c, class_weight="balanced", max_iter=5000)
    model.fit(x, y)
    return DomainClassifier(embedder, model.coef_[0].astype(np.float32),
                            float(model.intercept_[0]))


def positive_texts(include_sentences: bool = True) -> list[str]:
    """The section hints and (optionally) every sentence of the corpus (passage if only one)."""
    from knowledge.hints import load_hints
    from knowledge.loader import load_corpus
    from knowledge.text import sentence_spans

    texts = [h for hints in load_hints().values() for h in hints]
    texts += read_questions(POSITIVES_FILES)
    if include_sentences:
        for chunk in load_corpus().chunks:
            spans = sentence_spans(chunk.text)
            if len(spans) > 1:
                texts += [chunk.text[s:e] for s, e in spans]
            else:
                texts.append(chunk.text[:500])
    return texts


def out_of_fold_logits(positives: np.ndarray, negatives: np.ndarray, c: float = DEFAULT_C,
                       folds: int = 5, seed: int = 7) -> np.ndarray:
    """log-odds of each negative from a classifier trained without it (for choosing weights)."""
    out = np.zeros(len(negatives))
    for part in np.array_split(np.random.default_rng(seed).permutation(len(negatives)), folds):
        keep = np.setdiff1d(np.arange(len(negatives)), part)
        out[part] = logit(fit(positives, negatives[keep], c).probabilities(negatives[part]))
    return out


def train(embedder, c: float = DEFAULT_C, include_sentences: bool = True,
          path: Path = DOMAIN_FILE) -> dict[str, Any]:
    """Embed the training texts, fit, write the weights file; returns what was written."""
    positives_text = positive_texts(include_sentences)
    negatives_text = read_questions(NEGATIVES_FILES)
    positives = embed_queries(embedder, positives_text)
    negatives = embed_queries(embedder, negatives_text)
    model = fit(positives, negatives, c, embedder.name)
    # the examples for the nearest-example margin: hints and positives files, not sentences
    # (positive_texts lists those first)
    n_examples = len(positive_texts(include_sentences=False))
    np.savez_compressed(examples_path(path), embedder=np.array(embedder.name),
                        positives=positives[:n_examples].astype(np.float16),
                        negatives=negatives.astype(np.float16),
                        negative_texts=np.array(negatives_text))
    digest = hashlib.sha256("\n".join(positives_text + ["--"] + negatives_text).encode())
    trained_on = {
        "in_domain": ["data/section_hints.yaml",
                      *(relative_path(p) for p in POSITIVES_FILES),
                      *(["corpus sentences"] if include_sentences else [])],
        "out_of_domain": [relative_path(p) for p in NEGATIVES_FILES],
        "positives": len(positives_text), "negatives": len(negatives_text),
        "C": c, "texts_sha256": digest.hexdigest()[:16],
        "examples": {"file": examples_path(path).name, "positives": n_examples,
                     "negatives": len(negatives_text)},
    }
    data: dict[str, Any] = {"embedders": {}}
    if path.exists():
        data = json.loads(path.read_text(encoding="utf-8"))
        data.setdefault("embedders", {})
    data["embedders"][embedder.name] = model.to_json(trained_on)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return trained_on
