"""Scale benchmark: a synthetic corpus of N chunks (default 10 000).

    .venv/bin/python benchmarks/knowledge_scale.py [--chunks 10000] [--e5-sample 64]

The synthetic passages are built from the real corpus vocabulary (fixed seed), 2–6
sentences each, under three-level heading paths, so each has 4–8 vectors (passage, heading,
sentences) like the shipped corpus. Embedding 10 000 passages with e5 on 2 shared cores would
take far longer than the rest, so the index is built with the deterministic hashed
bag-of-words embedder (384 dimensions, like e5) and the e5 cost is measured separately on a
sample and extrapolated. Prints: build time (parse excluded), peak memory (RSS), index size
on disk, load time, and warm query latency p50/p95 without the query embedding, plus the
measured e5 query-embedding time that a real query adds.
"""

from __future__ import annotations

import argparse
import random
import re
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from knowledge import Searcher, build_index  # noqa: E402
from knowledge.embedders import E5Embedder, HashEmbedder  # noqa: E402
from knowledge.index import chunk_views  # noqa: E402
from knowledge.loader import Corpus, load_corpus  # noqa: E402
from knowledge.model import Chunk, Document  # noqa: E402


def synthetic_corpus(n_chunks: int, seed: int = 20260104) -> Corpus:
    real = load_corpus()
    words = re.findall(r"[a-zåäö]{3,}", " ".join(c.text for c in real.chunks).lower())
    rng = random.Random(seed)
    documents, chunks = [], []
    per_doc = 200
    for d in range(0, n_chunks, per_doc):
        doc_id = f"syntetisk-riktlinje-{d // per_doc:04d}"
        parts, offset = [], 0
        doc_chunks = []
        for c in range(min(per_doc, n_chunks - d)):
            sentences = []
            for _ in range(rng.randint(2, 6)):
                sentence = " ".join(rng.choice(words) for _ in range(rng.randint(8, 22)))
                sentences.append(sentence.capitalize() + ".")
            text = " ".join(sentences)
            path = [f"Kapitel {c // 50 + 1}", f"Avsnitt {c // 10 + 1}",
                    " ".join(rng.choice(words) for _ in range(3)).capitalize()]
            doc_chunks.append(Chunk(doc_id, f"Syntetisk riktlinje {d // per_doc}", "test", path,
                                    path[-1], c // 3 + 1, c // 3 + 1, text, offset,
                                    offset + len(text)))
            parts.append(text)
            offset += len(text) + 1
        documents.append(Document(doc_id, f"Syntetisk riktlinje {d // per_doc}", "benchmark",
                                  "test", "lokal riktlinje", "\n".join(parts)))
        chunks += doc_chunks
    return Corpus(documents, chunks)


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--chunks", type=int, default=10_000)
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--e5-sample", type=int, default=64,
                        help="passages embedded with e5 to extrapolate its build cost")
    args = parser.parse_args()

    t0 = time.perf_counter()
    corpus = synthetic_corpus(args.chunks)
    n_views = sum(len(chunk_views(c)) for c in corpus.chunks)
    print(f"synthetic corpus: {len(corpus.chunks)} chunks, {n_views} vectors, "
          f"{len(corpus.documents)} documents ({time.perf_counter() - t0:.1f} s to generate)")
    rss_before = rss_mb()
    embedder = HashEmbedder(384)
    with tempfile.TemporaryDirectory() as tmp:
        index_dir = Path(tmp) / "index"
        report = build_index(index_dir, embedder=embedder, corpus=corpus, progress=False)
        print(f"build (hash embedder, 384 d): {report.seconds:.1f} s; "
              f"peak RSS {rss_mb():.0f} MB (before build {rss_before:.0f} MB)")
        size = sum(p.stat().st_size for p in index_dir.rglob("*") if p.is_file())
        print(f"index on disk: {size / 1e6:.1f} MB")
        report = build_index(index_dir, embedder=embedder, corpus=corpus, progress=False)
        print(f"rebuild with every embedding cached: {report.seconds:.1f} s "
              f"({report.embedded} embedded)")
        t0 = time.perf_counter()
        searcher = Searcher.load(index_dir, embedder=embedder, threshold=0.0)
        print(f"Searcher.load: {(time.perf_counter() - t0):.2f} s; peak RSS {rss_mb():.0f} MB")
        rng = random.Random(7)
        sample = [c.text.split(".")[0] for c in rng.sample(corpus.chunks, args.queries)]
        searcher.search(sample[0])
        times = []
        for question in sample:
            t1 = time.perf_counter()
            searcher.search(question, top_k=3)
            times.append((time.perf_counter() - t1) * 1000)
        times.sort()
        print(f"warm search top_k=3 (without e5 query embedding), {len(times)} queries: "
              f"p50 {statistics.median(times):.1f} ms, p95 {times[int(0.95 * len(times))]:.1f} ms")

    e5 = E5Embedder()
    texts = [t for c in corpus.chunks[: args.e5_sample] for *_, t in chunk_views(c)]
    t0 = time.perf_counter()
    e5.passage(texts[: args.e5_sample * 4])
    per_text = (time.perf_counter() - t0) / len(texts[: args.e5_sample * 4])
    e5.query("uppvärmning")
    t0 = time.perf_counter()
    for question in sample[:30]:
        e5.query([question])
    per_query = (time.perf_counter() - t0) / 30 * 1000
    print(f"e5 passage embedding: {per_text * 1000:.1f} ms/text -> cold e5 build of "
          f"{n_views} vectors ≈ {per_text * n_views / 60:.0f} min on this machine")
    print(f"e5 query embedding: {per_query:.1f} ms per query (add to the search latency above)")


if __name__ == "__main__":
    main()
