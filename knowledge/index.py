"""Build and load the index directory.

Layout: manifest.json, documents.json, chunks.jsonl, views.npy (chunk, kind, start, end per
vector), vectors.faiss, lexical/ (bm25s), lexical_hints/ (bm25s over the section hints),
cache/ (embeddings by content hash, per embedder).
Each chunk is embedded as several views: the whole passage under its heading path, the
heading path alone, and every sentence under its section heading. Its section hints
(data/section_hints.yaml) are a lexical view only: embedding them too was no better by
cross-validation on tune and cost ≈ 6 s of build time (knowledge/README.md, round 3).
"""

from __future__ import annotations

import hashlib
import json
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import faiss
import numpy as np
from tqdm import tqdm

from knowledge.domain import DOMAIN_FILE, load_classifier
from knowledge.embedders import E5Embedder, Embedder
from knowledge.hints import HINTS_FILE, Hints, hint_text, load_hints
from knowledge.lawrefs import MAPPING_FILE, paragraph_topic
from knowledge.lexical import LexicalIndex
from knowledge.loader import CORPUS_DIR, LOCAL_DIR, Corpus, load_corpus, sources_hash
from knowledge.model import Chunk
from knowledge.text import sentence_spans

FORMAT_VERSION = 2  # 2: lexical_hints/
VIEWS_VERSION = 5  # bump when chunk_views() or lexical_text() change what is indexed
DEFAULT_INDEX_DIR = Path(__file__).parent / "index"
VIEW_PASSAGE, VIEW_HEADING, VIEW_SENTENCE = 0, 1, 2


class IndexMismatchError(RuntimeError):
    """The index directory is missing, damaged or was built with another embedder."""


@dataclass
class BuildReport:
    index_dir: Path
    rebuilt: bool
    chunks: int
    vectors: int
    embedded: int  # vectors computed now (not taken from the cache)
    seconds: float


def heading_label(chunk: Chunk) -> str:
    return " › ".join(chunk.heading_path) if chunk.heading_path else chunk.document_title


def chunk_views(chunk: Chunk) -> list[tuple[int, int, int, str]]:
    """(kind, start, end, text to embed); start/end are offsets into chunk.text."""
    label = heading_label(chunk)
    topic = paragraph_topic(chunk.section)
    heading = f"{chunk.document_title}: {label}" + (f" ({topic})" if topic else "")
    views = [
        (VIEW_PASSAGE, 0, len(chunk.text), f"{label}: {chunk.text}"),
        (VIEW_HEADING, 0, 0, heading),
    ]
    spans = sentence_spans(chunk.text)
    if len(spans) > 1:
        for start, end in spans:
            views.append((VIEW_SENTENCE, start, end, f"{chunk.section}: {chunk.text[start:end]}"))
    return views


def lexical_text(chunk: Chunk) -> str:
    # the section heading counts twice: it names the topic the passage answers
    topic = paragraph_topic(chunk.section) or ""
    return f"{heading_label(chunk)} {chunk.section} {topic} {chunk.text}"


def _key(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]


class EmbeddingCache:
    def __init__(self, path: Path, dim: int) -> None:
        self.path = path
        self.dim = dim
        self.vectors: dict[str, np.ndarray] = {}
        if path.exists():
            try:
                with np.load(path) as data:
                    keys, vectors = data["keys"], data["vectors"]
                if vectors.shape[1:] == (dim,):
                    self.vectors = dict(zip(keys.tolist(), vectors, strict=True))
            except (OSError, ValueError, KeyError):
                self.vectors = {}  # a damaged cache only costs time

    def save(self, keep: set[str]) -> None:
        keys = [k for k in self.vectors if k in keep]
        self.path.parent.mkdir(parents=True, exist_ok=True)
        vectors = np.stack([self.vectors[k] for k in keys]) if keys else np.zeros((0, self.dim))
        tmp = self.path.with_name(self.path.stem + ".tmp.npz")
        np.savez(tmp, keys=np.array(keys), vectors=vectors.astype(np.float32))
        tmp.replace(self.path)


def _safe(name: str) -> str:
    return "".join(c if c.isalnum() or c in "-_." else "_" for c in name)


def build_index(
    index_dir: Path | str | None = None,
    embedder: Embedder | None = None,
    corpus: Corpus | None = None,
    corpus_dir: Path = CORPUS_DIR,
    local_dir: Path = LOCAL_DIR,
    force: bool = False,
    progress: bool = True,
    batch_size: int = 32,
    hints: Hints | None = None,
    domain_file: Path = DOMAIN_FILE,
) -> BuildReport:
    """Build (or refresh) the index; unchanged sources and embedder mean nothing to do."""
    started = time.perf_counter()
    index_dir = Path(index_dir) if index_dir is not None else DEFAULT_INDEX_DIR
    embedder = embedder or E5Embedder()
    src_hash = None
    # the domain classifier for this embedder (data/domain_classifier.json): its hash is
    # recorded, and Searcher.load refuses another one
    domain = load_classifier(embedder.name, embedder.dim, domain_file)
    domain_sha = domain.sha if domain else None
    if hints is None:
        hints = load_hints(HINTS_FILE)
    if corpus is None:
        digest = hashlib.sha256(sources_hash(corpus_dir, local_dir).encode())
        digest.update(f"views-{VIEWS_VERSION}".encode())
        digest.update(MAPPING_FILE.read_bytes())  # statute topics are part of the views
        digest.update(repr(sorted(hints.items())).encode())  # so are the section hints
        digest.update(f"domain-{domain_sha}".encode())
        src_hash = digest.hexdigest()[:16]
    manifest_path = index_dir / "manifest.json"
    if not force and src_hash and manifest_path.exists():
        try:
            old = json.loads(manifest_path.read_text(encoding="utf-8"))
        except ValueError:
            old = {}
        if (
            old.get("format") == FORMAT_VERSION
            and old.get("embedder") == embedder.name
            and old.get("sources_hash") == src_hash
        ):
            return BuildReport(
                index_dir, False, old["counts"]["chunks"], old["counts"]["vectors"], 0,
                time.perf_counter() - started,
            )

    corpus = corpus or load_corpus(corpus_dir, local_dir)
    index_dir.mkdir(parents=True, exist_ok=True)
    cache = EmbeddingCache(index_dir / "cache" / f"{_safe(embedder.name)}.npz", embedder.dim)

    views: list[tuple[int, int, int, int]] = []
    texts: list[str] = []
    for number, chunk in enumerate(corpus.chunks):
        for kind, start, end, text in chunk_views(chunk):
            views.append((number, kind, start, end))
            texts.append(text)
    keys = [_key(t) for t in texts]
    todo = {k: t for k, t in zip(keys, texts, strict=True) if k not in cache.vectors}
    # batches of similar length waste less work on padding
    missing = sorted(todo.items(), key=lambda item: len(item[1]))
    bar = tqdm(total=len(missing), desc="Bäddar in", unit="text", disable=not progress)
    for i in range(0, len(missing), batch_size):
        batch = missing[i : i + batch_size]
        vectors = embedder.passage([t for _, t in batch])
        for (key, _), vector in zip(batch, vectors, strict=True):
            cache.vectors[key] = np.asarray(vector, dtype=np.float32)
        bar.update(len(batch))
    bar.close()

    matrix = np.stack([cache.vectors[k] for k in keys]).astype(np.float32)
    faiss.normalize_L2(matrix)
    index = faiss.IndexFlatIP(embedder.dim)
    index.add(matrix)

    tmp_dir = index_dir
    manifest_path.unlink(missing_ok=True)  # no loadable index while files are half-written
    faiss.write_index(index, str(tmp_dir / "vectors.faiss"))
    np.save(tmp_dir / "views.npy", np.asarray(views, dtype=np.int32))
    with open(tmp_dir / "chunks.jsonl", "w", encoding="utf-8") as fh:
        for chunk in corpus.chunks:
            fh.write(json.dumps(chunk.to_dict(), ensure_ascii=False) + "\n")
    (tmp_dir / "documents.json").write_text(
        json.dumps([d.meta() for d in corpus.documents], ensure_ascii=False, indent=1),
        encoding="utf-8",
    )
    LexicalIndex.build([lexical_text(c) for c in corpus.chunks]).save(tmp_dir / "lexical")
    # one lexical document per chunk made of its section hints only (search metadata)
    LexicalIndex.build([hint_text(c, hints) for c in corpus.chunks]).save(
        tmp_dir / "lexical_hints")
    cache.save(set(keys))
    manifest: dict[str, Any] = {
        "format": FORMAT_VERSION,
        "embedder": embedder.name,
        "embedder_model_dir": getattr(embedder, "model_dir", None),
        "dimension": embedder.dim,
        "normalisation": "l2",
        "similarity": "inner product (cosine)",
        "corpus_hash": corpus.hash,
        "sources_hash": src_hash,
        "counts": {
            "documents": len(corpus.documents),
            "chunks": len(corpus.chunks),
            "vectors": len(views),
        },
        # a lexical view of the sections they belong to (data/section_hints.yaml)
        "section_hints": sum(len(hints.get((c.document, c.section), [])) for c in corpus.chunks),
        "domain_classifier": domain_sha,
        "documents": [d.id for d in corpus.documents],
        "built_at": datetime.now(UTC).isoformat(timespec="seconds"),
    }
    # the manifest is written last: an interrupted build leaves no loadable index behind
    manifest_path.write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    return BuildReport(
        index_dir, True, len(corpus.chunks), len(views), len(missing),
        time.perf_counter() - started,
    )
