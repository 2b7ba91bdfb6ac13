"""Loading the index directory and the models beside it, with every check that refuses a
mismatch (IndexMismatchError, a Swedish message that says how to fix it).

The index directory (index.py writes it): manifest.json, vectors.faiss, views.npy,
chunks.jsonl, documents.json, lexical/ and lexical_hints/. Beside it, read from data/: the
domain classifier (its hash must be the one the manifest recorded), the currency notes, the
law-first rules and the section classifier (trained for the sections the index holds).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import faiss
import numpy as np

from knowledge.currency import CurrencyNotes, load_currency, unresolved
from knowledge.domain import DomainClassifier, DomainModelError, load_classifier
from knowledge.embedders import Embedder, embedder_from_name
from knowledge.index import DEFAULT_INDEX_DIR, FORMAT_VERSION, IndexMismatchError
from knowledge.lawfirst import LawFirstRule, load_law_first
from knowledge.lexical import LexicalIndex
from knowledge.model import CorpusError
from knowledge.sections import SectionClassifier, load_sections


def fail(message: str) -> IndexMismatchError:
    return IndexMismatchError(message + " Bygg om indexet med: python -m knowledge build")


@dataclass(frozen=True)
class IndexFiles:
    """What the index directory holds, checked against its manifest."""

    index_dir: Path
    manifest: dict[str, Any]
    embedder: Embedder
    faiss_index: Any
    views: np.ndarray
    chunks: list[dict[str, Any]]
    documents: dict[str, dict[str, Any]]
    lexical: LexicalIndex
    hint_lexical: LexicalIndex


@dataclass(frozen=True)
class Models:
    """The data the search reads beside the index, each checked against it."""

    domain: DomainClassifier | None
    currency: CurrencyNotes | None
    law_first_rules: list[LawFirstRule]
    sections: SectionClassifier | None


def read_index(index_dir: Path | str | None, embedder: Embedder | None) -> IndexFiles:
    """The index directory (default knowledge/index), with the embedder it was built with
    (loaded from the manifest when none is given)."""
    index_dir = Path(index_dir) if index_dir is not None else DEFAULT_INDEX_DIR
    manifest_path = index_dir / "manifest.json"
    if not manifest_path.exists():
        raise fail(f"Kunskapsindexet saknas i {index_dir} (manifest.json finns inte).")
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        counts = manifest["counts"]
        name, dim = manifest["embedder"], int(manifest["dimension"])
    except (ValueError, KeyError, TypeError) as exc:
        raise fail(f"Kunskapsindexets manifest i {index_dir} är skadat ({exc}).") from exc
    if manifest.get("format") != FORMAT_VERSION:
        raise fail(
            f"Kunskapsindexet har format {manifest.get('format')}, "
            f"programmet kräver format {FORMAT_VERSION}."
        )
    if embedder is None:
        try:
            embedder = embedder_from_name(name, manifest.get("embedder_model_dir"))
        except (ValueError, OSError, ImportError) as exc:
            raise fail(
                f"Indexet byggdes med inbäddningsmodellen {name!r}, som inte kan laddas här."
            ) from exc
    if embedder.name != name:
        raise fail(
            f"Indexet byggdes med inbäddningsmodellen {name!r} men sökningen använder "
            f"{embedder.name!r}."
        )
    if embedder.dim != dim:
        raise fail(f"Indexets dimension {dim} stämmer inte med modellens {embedder.dim}.")
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
        raise fail(
            f"Kunskapsindexet i {index_dir} är ofullständigt eller skadat ({exc})."
        ) from exc
    if (
        faiss_index.ntotal != counts["vectors"]
        or faiss_index.d != dim
        or len(views) != counts["vectors"]
        or len(chunks) != counts["chunks"]
        or len(documents) != counts["documents"]
    ):
        raise fail(
            f"Kunskapsindexet i {index_dir} stämmer inte med sitt manifest "
            f"({faiss_index.ntotal} vektorer, {len(chunks)} avsnitt)."
        )
    return IndexFiles(index_dir, manifest, embedder, faiss_index, views, chunks, documents,
                      lexical, hint_lexical)


def read_models(files: IndexFiles, domain_file: Path, currency_file: Path,
                law_first_file: Path, sections_file: Path) -> Models:
    """The domain classifier, currency notes, law-first rules and section classifier."""
    manifest, chunks, documents = files.manifest, files.chunks, files.documents
    name, dim = manifest["embedder"], int(manifest["dimension"])
    try:
        domain = load_classifier(name, dim, domain_file)
    except DomainModelError as exc:
        raise fail(f"Domänklassificeraren är felaktig: {exc}") from exc
    recorded = manifest.get("domain_classifier")
    if (domain.sha if domain else None) != recorded:
        raise fail(
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
    return Models(domain, currency, rules, sections)


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
