"""Domain classifier: is the question about ekonomiskt bistånd at all? (issue 4, round 4)

A logistic regression on the question's query embedding (the same vector the dense search
computes, so it costs one dot product). Trained with

    python -m knowledge train-domain

on product data only: IN-DOMAIN = the section hints (data/section_hints.yaml), the questions in
data/domain_positives_hard.txt and, optionally, every sentence of the corpus, embedded as
queries; OUT-OF-DOMAIN = the synthetic questions in data/domain_negatives.txt,
data/domain_negatives_hard.txt and eval/synthetic_oos_train.txt (all written by hand from
domain knowledge and the corpus; none is evaluation data). The weights go to
data/domain_classifier.json (keyed by embedder); the index manifest records the file's hash.
The search combines p(in-domain) with the retrieval confidence (domain_weight and threshold
in calibration.json, set by knowledge.tune).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

DATA_DIR = Path(__file__).parent / "data"
DOMAIN_FILE = DATA_DIR / "domain_classifier.json"
NEGATIVES_FILES = (
    DATA_DIR / "domain_negatives.txt",
    DATA_DIR / "domain_negatives_hard.txt",  # round 5: in the corpus's words, still outside it
    DATA_DIR / "domain_negatives_hard2.txt",  # round 5c: more voices, page 21 without keywords
    Path(__file__).parent / "eval" / "synthetic_oos_train.txt",
)
# round 5: questions the corpus answers that name another authority's benefit or an everyday
# item (so that "räknas bostadsbidraget som inkomst?" is not learnt as another domain)
POSITIVES_FILES = (DATA_DIR / "domain_positives_hard.txt",
                   DATA_DIR / "domain_positives_hard2.txt")
DEFAULT_C = 10.0  # chosen by CV on tune (knowledge/README.md, round 4)


class DomainModelError(ValueError):
    """The classifier file is missing a field, has the wrong shape or is not JSON."""


def file_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


@dataclass(frozen=True)
class DomainClassifier:
    embedder: str
    weights: np.ndarray  # (dim,) float32, on L2-normalised query vectors
    bias: float
    sha: str = ""
    # round 5c: the training examples themselves (…_examples.npz beside the weights file), for
    # the nearest-example margin; None when the file is absent
    positives: np.ndarray | None = None  # (n, dim) section hints + domain_positives_hard*.txt
    negatives: np.ndarray | None = None  # (m, dim) NEGATIVES_FILES
    negative_texts: tuple[str, ...] = ()  # the questions behind `negatives`, in order

    def margin(self, query_vector: np.ndarray) -> float:
        """Cosine to the nearest in-domain example minus cosine to the nearest out-of-domain
        one (0 without examples): "Hur räknar FK bostadsbidraget?" sits next to a negative
        even where the logistic regression cannot separate it."""
        return float(self.margins(np.asarray(query_vector).reshape(1, -1))[0])

    def margins(self, vectors: np.ndarray) -> np.ndarray:
        if self.positives is None or self.negatives is None:
            return np.zeros(len(vectors))
        v = np.asarray(vectors, dtype=np.float32)
        return (v @ self.positives.T).max(axis=1) - (v @ self.negatives.T).max(axis=1)

    def negative_margins_leave_one_out(self) -> np.ndarray:
        """margin of each negative example with itself left out (for choosing the weight)."""
        if self.positives is None or self.negatives is None:
            return np.zeros(0)
        own = self.negatives @ self.negatives.T
        np.fill_diagonal(own, -np.inf)
        return (self.negatives @ self.positives.T).max(axis=1) - own.max(axis=1)

    @property
    def dim(self) -> int:
        return int(self.weights.shape[0])

    def probability(self, query_vector: np.ndarray) -> float:
        """p(in-domain) for one L2-normalised query vector."""
        z = float(np.dot(self.weights, np.asarray(query_vector, dtype=np.float32))) + self.bias
        return float(1.0 / (1.0 + np.exp(-z)))

    def probabilities(self, vectors: np.ndarray) -> np.ndarray:
        z = np.asarray(vectors, dtype=np.float32) @ self.weights + self.bias
        return 1.0 / (1.0 + np.exp(-z.astype(np.float64)))

    def to_json(self, trained_on: dict[str, Any]) -> dict[str, Any]:
        return {"embedder": self.embedder, "dimension": self.dim,
                "bias": round(float(self.bias), 8),
                "weights": [round(float(w), 8) for w in self.weights],
                "trained_on": trained_on}


def parse_classifiers(data: Any, source: str) -> dict[str, DomainClassifier]:
    """{"embedders": {name: {"dimension", "weights", "bias", ...}}} -> classifiers by embedder.

    Raises DomainModelError with a Swedish message naming the field.
    """
    if not isinstance(data, dict) or not isinstance(data.get("embedders"), dict):
        raise DomainModelError(f"{source}: fältet 'embedders' saknas (en tabell per modell).")
    result = {}
    for name, entry in data["embedders"].items():
        field = f"{source}: embedders › {name}"
        if not isinstance(entry, dict):
            raise DomainModelError(f"{field} ska vara en tabell.")
        try:
            dim = int(entry["dimension"])
            weights = np.asarray(entry["weights"], dtype=np.float32)
            bias = float(entry["bias"])
        except KeyError as exc:
            raise DomainModelError(f"{field}: fältet {exc.args[0]!r} saknas.") from exc
        except (TypeError, ValueError) as exc:
            raise DomainModelError(f"{field}: 'weights', 'bias' och 'dimension' ska vara tal "
                                   f"({exc}).") from exc
        if weights.ndim != 1 or weights.shape[0] != dim:
            raise DomainModelError(f"{field}: fältet 'weights' har {weights.size} tal, "
                                   f"'dimension' säger {dim}.")
        if not (np.all(np.isfinite(weights)) and np.isfinite(bias)):
            raise DomainModelError(f"{field}: 'weights' eller 'bias' är inte ändliga tal.")
        result[str(name)] = DomainClassifier(str(name), weights, bias)
    return result


def examples_path(path: Path) -> Path:
    """domain_classifier.json -> domain_classifier_examples.npz (same folder)."""
    return path.with_name(f"{path.stem}_examples.npz")


def load_examples(path: Path, embedder_name: str, dim: int
                  ) -> tuple[np.ndarray, np.ndarray, tuple[str, ...]] | None:
    """(positives, negatives, negative texts), vectors as float32, or None when the file is
    absent or was made with another embedder."""
    if not path.exists():
        return None
    try:
        with np.load(path, allow_pickle=False) as data:
            name = str(data["embedder"])
            positives = data["positives"].astype(np.float32)
            negatives = data["negatives"].astype(np.float32)
            texts = tuple(str(t) for t in data["negative_texts"])
    except (OSError, KeyError, ValueError) as exc:
        raise DomainModelError(f"{path.name}: kan inte läsas ({exc}).") from exc
    if name != embedder_name:
        return None
    for label, matrix in (("positives", positives), ("negatives", negatives)):
        if matrix.ndim != 2 or matrix.shape[1] != dim or len(matrix) == 0:
            raise DomainModelError(f"{path.name}: '{label}' har formen {matrix.shape}, "
                                   f"modellen har dimension {dim}.")
    if len(texts) != len(negatives):
        raise DomainModelError(f"{path.name}: {len(texts)} texter men {len(negatives)} "
                               "negativa vektorer.")
    return positives, negatives, texts


def load_classifier(embedder_name: str, dim: int,
                    path: Path = DOMAIN_FILE) -> DomainClassifier | None:
    """The classifier for this embedder, None when the file has none for it. Its `sha` covers
    the weights file and, when present, the examples file."""
    if not path.exists():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except ValueError as exc:
        raise DomainModelError(f"{path.name}: ogiltig JSON ({exc}).") from exc
    found = parse_classifiers(data, path.name).get(embedder_name)
    if found is None:
        return None
    if found.dim != dim:
        raise DomainModelError(f"{path.name}: embedders › {embedder_name}: 'dimension' är "
                               f"{found.dim}, modellen har {dim}.")
    sha = file_hash(path)
    examples = load_examples(examples_path(path), embedder_name, dim)
    if examples is not None:
        sha += "+" + file_hash(examples_path(path))
        return DomainClassifier(found.embedder, found.weights, found.bias, sha, *examples)
    return DomainClassifier(found.embedder, found.weights, found.bias, sha)


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


def logit(p: np.ndarray | float) -> np.ndarray | float:
    p = np.clip(p, 1e-6, 1 - 1e-6)
    return np.log(p / (1 - p))


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
                      *(f"{p.parent.name}/{p.name}" for p in POSITIVES_FILES),
                      *(["corpus sentences"] if include_sentences else [])],
        "out_of_domain": [f"{p.parent.name}/{p.name}" for p in NEGATIVES_FILES],
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
