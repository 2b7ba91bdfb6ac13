"""The corpus: shipped documents (corpus/documents.yaml) plus local guidelines (local/)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import yaml

from knowledge.model import Chunk, CorpusError, Document
from knowledge.parsers.markdown import parse_markdown
from knowledge.parsers.pdf import pdf_document
from knowledge.parsers.sosfs import parse_sosfs
from knowledge.parsers.webpage import parse_webpage

PACKAGE_DIR = Path(__file__).parent
CORPUS_DIR = PACKAGE_DIR / "corpus"
LOCAL_DIR = PACKAGE_DIR / "local"


@dataclass
class Corpus:
    documents: list[Document]
    chunks: list[Chunk]

    @property
    def hash(self) -> str:
        digest = hashlib.sha256()
        for doc in self.documents:
            digest.update(repr(sorted(doc.meta().items())).encode("utf-8"))
        for chunk in self.chunks:
            digest.update(chunk.id.encode("ascii"))
        return digest.hexdigest()[:16]


def local_files(local_dir: Path) -> list[Path]:
    if not local_dir.is_dir():
        return []
    files = [p for p in local_dir.iterdir() if p.is_file()]
    markdown = [p for p in files if p.suffix.lower() == ".md" and p.name.lower() != "readme.md"]
    pdfs = [p for p in files if p.suffix.lower() == ".pdf"]
    return sorted(markdown + pdfs)


def source_files(corpus_dir: Path = CORPUS_DIR, local_dir: Path = LOCAL_DIR) -> list[Path]:
    """Every file the corpus is read from (for a cheap 'has anything changed' check)."""
    paths = sorted(p for p in corpus_dir.rglob("*") if p.is_file())
    extra = []
    for p in local_files(local_dir):
        extra.append(p)
        sidecar = p.with_name(p.name + ".yaml")
        if sidecar.exists():
            extra.append(sidecar)
    return paths + extra


def sources_hash(corpus_dir: Path = CORPUS_DIR, local_dir: Path = LOCAL_DIR) -> str:
    digest = hashlib.sha256()
    for path in source_files(corpus_dir, local_dir):
        digest.update(path.name.encode("utf-8"))
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:16]


def load_corpus(corpus_dir: Path = CORPUS_DIR, local_dir: Path = LOCAL_DIR) -> Corpus:
    registry = yaml.safe_load((corpus_dir / "documents.yaml").read_text(encoding="utf-8"))
    parsed: list[tuple[Document, list[Chunk]]] = []
    for entry in registry["documents"]:
        kind = entry["parser"]
        if kind == "sosfs":
            result = parse_sosfs(corpus_dir / entry["meta"])
            parsed.append((result.document, result.chunks))
        elif kind == "markdown":
            parsed.append(parse_markdown(corpus_dir / entry["file"]))
        elif kind == "webpage":
            parsed.append(parse_webpage(corpus_dir / entry["file"], entry))
        else:
            raise CorpusError(f"documents.yaml: okänd parser {kind!r}.")
    for path in local_files(local_dir):
        if path.suffix.lower() == ".pdf":
            parsed.append(pdf_document(path))
        else:
            parsed.append(parse_markdown(path))
    seen: dict[str, str] = {}
    for doc, _ in parsed:
        if doc.id in seen:
            raise CorpusError(
                f"Dokument-id {doc.id!r} används av både {seen[doc.id]} och {doc.source_file}."
            )
        seen[doc.id] = doc.source_file or doc.id
    documents = [doc for doc, _ in parsed]
    chunks = [chunk for _, cs in parsed for chunk in cs]
    return Corpus(documents, chunks)
