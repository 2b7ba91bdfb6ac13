"""Section classifier: which section of the corpus does a question ask about? (issue 15)

A multinomial logistic regression on the question's query embedding (the vector the dense
search computes anyway, so it costs one matrix-vector product) over the sections of the index
plus one class for "nothing in the corpus". It is trained on the development questions with
their gold sections, the section hints, the development set's out-of-scope questions and the
domain negatives (`python -m knowledge train-sections`, knowledge/lab/sections.py). The search
adds `w_section · log p(section | question)` to every chunk's fused score, which is what
puts the one real issue of a long situation first when a side detail pulls the dense and
lexical evidence elsewhere; p("nothing") takes part in the decision to answer (search.py).

The weights live in data/section_classifier.npz beside a JSON header (data/section_classifier
.json) that names the embedder, the sections in column order, what it was trained on and the
cross-validated figures. A classifier trained for other sections than the index holds is
refused when the searcher loads (retrain after changing the corpus).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from knowledge.model import CorpusError

DATA_DIR = Path(__file__).parent / "data"
SECTIONS_FILE = DATA_DIR / "section_classifier.json"
OUTSIDE = "(utanför korpusen)"  # the extra class: the corpus does not answer the question


def weights_path(path: Path) -> Path:
    """section_classifier.json -> section_classifier.npz (same folder)."""
    return path.with_suffix(".npz")


@dataclass(frozen=True)
class SectionClassifier:
    embedder: str
    sections: tuple[tuple[str, str], ...]  # (document id, section) per column, then OUTSIDE
    weights: np.ndarray  # (n_classes, dim) float32, on L2-normalised query vectors
    bias: np.ndarray  # (n_classes,) float32
    sha: str = ""

    @property
    def dim(self) -> int:
        return int(self.weights.shape[1])

    def log_proba(self, query_vector: np.ndarray) -> np.ndarray:
        """log p(class | question) per class, the last one being OUTSIDE."""
        z = self.weights @ np.asarray(query_vector, dtype=np.float32) + self.bias
        z = z - z.max()
        return z - np.log(np.exp(z).sum())

    def columns_for(self, keys: list[tuple[str, str]]) -> np.ndarray:
        """For each (document, section) key of the index, its class column (−1 if unknown)."""
        column = {k: i for i, k in enumerate(self.sections)}
        return np.array([column.get(k, -1) for k in keys], dtype=np.int64)


def load_sections(embedder_name: str, dim: int, path: Path = SECTIONS_FILE
                  ) -> SectionClassifier | None:
    """The classifier for this embedder, or None when none was trained for it."""
    if not path.exists():
        return None
    try:
        header = json.loads(path.read_text(encoding="utf-8"))
        entry = header.get("embedders", {}).get(embedder_name)
        if entry is None:
            return None
        with np.load(weights_path(path), allow_pickle=False) as data:
            weights = np.asarray(data[entry["weights"]], dtype=np.float32)
            bias = np.asarray(data[entry["bias"]], dtype=np.float32)
        sections = tuple((str(d), str(s)) for d, s in entry["sections"])
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise CorpusError(f"{path.name} kan inte läsas ({exc}).") from exc
    if sections[-1] != ("", OUTSIDE) or weights.shape != (len(sections), dim) \
            or bias.shape != (len(sections),):
        raise CorpusError(f"{path.name}: vikterna har fel form {weights.shape} för "
                          f"{len(sections)} klasser och dimension {dim}.")
    sha = hashlib.sha256(weights.tobytes() + bias.tobytes()).hexdigest()[:16]
    return SectionClassifier(embedder_name, sections, weights, bias, sha)


def save_sections(classifier: SectionClassifier, trained_on: dict[str, Any],
                  path: Path = SECTIONS_FILE) -> None:
    """Write the weights (npz, one pair of arrays per embedder) and the JSON header."""
    header: dict[str, Any] = {"embedders": {}}
    arrays: dict[str, np.ndarray] = {}
    if path.exists():
        header = json.loads(path.read_text(encoding="utf-8"))
        with np.load(weights_path(path), allow_pickle=False) as data:
            arrays = {k: data[k] for k in data.files}
    slot = hashlib.sha256(classifier.embedder.encode()).hexdigest()[:8]
    arrays[f"w_{slot}"] = classifier.weights.astype(np.float32)
    arrays[f"b_{slot}"] = classifier.bias.astype(np.float32)
    header.setdefault("embedders", {})[classifier.embedder] = {
        "weights": f"w_{slot}", "bias": f"b_{slot}",
        "sections": [list(k) for k in classifier.sections],
        "trained_on": trained_on,
    }
    np.savez_compressed(weights_path(path), **arrays)
    path.write_text(json.dumps(header, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
