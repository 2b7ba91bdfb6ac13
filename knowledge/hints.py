"""Section hints (data/section_hints.yaml): caseworkers' phrasings indexed as extra views.

A hint is search metadata, never a source: the hints of a section are indexed lexically (bm25
over Snowball stems, index/lexical_hints/) as an extra view of that section, so a question
worded like a hint ranks the section. Hits show, highlight and cite the section's own text only.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from knowledge.model import Chunk, CorpusError

HINTS_FILE = Path(__file__).parent / "data" / "section_hints.yaml"

Hints = dict[tuple[str, str], list[str]]


def load_hints(path: Path = HINTS_FILE) -> Hints:
    """(document id, section label) -> hint texts; a clear Swedish error on a bad file."""
    if not path.exists():
        return {}
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        raise CorpusError(f"{path.name}: ogiltig YAML ({exc}).") from exc
    if not isinstance(data, dict):
        raise CorpusError(f"{path.name}: ska vara en tabell dokument → avsnitt → ledtrådar.")
    hints: Hints = {}
    for document, sections in data.items():
        if not isinstance(sections, dict):
            raise CorpusError(f"{path.name}: dokumentet {document!r} ska ha en tabell av avsnitt.")
        for section, texts in sections.items():
            field = f"{document} › {section}"
            if not isinstance(texts, list) or not texts:
                raise CorpusError(f"{path.name}: avsnittet {field!r} saknar ledtrådar (en lista).")
            cleaned = [str(t).strip() for t in texts]
            if any(not t for t in cleaned):
                raise CorpusError(f"{path.name}: avsnittet {field!r} har en tom ledtråd.")
            hints[(str(document), str(section))] = cleaned
    return hints


def hints_for(chunk: Chunk, hints: Hints) -> list[str]:
    return hints.get((chunk.document, chunk.section), [])


def hint_text(chunk: Chunk, hints: Hints) -> str:
    """The lexical document of a chunk's hints ("" for a section without hints)."""
    return " ".join(hints_for(chunk, hints))


def unknown_sections(hints: Hints, chunks: list[Chunk]) -> list[tuple[str, str]]:
    """Hint keys that name no section of these chunks (a typo in the data file)."""
    known = {(c.document, c.section) for c in chunks}
    return sorted(k for k in hints if k not in known)
