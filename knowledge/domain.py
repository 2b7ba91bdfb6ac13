"""Domain classifier: is the question about ekonomiskt bistånd at all? (runtime part)

A logistic regression on the question's query embedding (the same vector the dense search
computes, so it costs one dot product), plus the nearest-example margin over its training
examples. This module loads and applies what `python -m knowledge train-domain`
(knowledge/lab/domain.py) wrote: the weights in data/domain_classifier.json (keyed by
embedder) and the examples in data/domain_classifier_examples.npz; the index manifest records
their hash. The search combines p(in-domain) and the margin with the retrieval confidence
(domain_weight, knn_weight and threshold in calibration.json, set by knowledge.lab.tune).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

DATA_DIR = Path(__file__).parent / "data"
DOMAIN_FILE = DATA_DIR / "domain_classifier.json"


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
    # (n, dim) section hints + data/domain_training/in_domain_*.txt
    positives: np.ndarray | None = None
    negatives: np.ndarray | None = None  # (m, dim) the out-of-domain training questions
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


def logit(p: np.ndarray | float) -> np.ndarray | float:
    p = np.clip(p, 1e-6, 1 - 1e-6)
    return np.log(p / (1 - p))


