"""A municipal web page saved as text: keep the article, drop navigation and feedback form.

The registry entry gives the first line of the article (its title) and the line where the
page's trailing navigation starts; headings are short lines without final punctuation
that are followed by running text (not by a bullet list).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from knowledge.model import Chunk, CorpusError, Document

_BULLET = re.compile(r"^\s*[•\-*]\s+")
_LAST_CHANGED = re.compile(r"Senast ändrad:\s*(\d{4}-\d{2}-\d{2})")


def _is_heading(line: str, next_line: str | None) -> bool:
    stripped = line.strip()
    if not stripped or _BULLET.match(line) or len(stripped) > 60:
        return False
    if stripped[-1] in ".!?,;":
        return False
    if next_line is None or _BULLET.match(next_line):
        return False
    return len(stripped.split()) <= 6


def parse_webpage(path: Path, entry: dict[str, Any]) -> tuple[Document, list[Chunk]]:
    raw = path.read_text(encoding="utf-8")
    lines = raw.splitlines()
    try:
        first = next(i for i, line in enumerate(lines) if line.strip() == entry["start_line"])
        last = next(i for i, line in enumerate(lines) if line.strip() == entry["end_before"])
    except StopIteration as exc:
        raise CorpusError(
            f"{path.name}: start_line/end_before i registret hittades inte i sidan."
        ) from exc
    changed = _LAST_CHANGED.search(raw)
    article = [line.rstrip() for line in lines[first:last] if line.strip()]

    text_parts: list[str] = []
    offset = 0
    blocks: list[tuple[str | None, int, int]] = []  # (heading, start, end)
    heading: str | None = None
    start = 0
    for i, line in enumerate(article):
        nxt = article[i + 1] if i + 1 < len(article) else None
        is_title = i == 0
        if is_title or _is_heading(line, nxt):
            if i > 0:
                blocks.append((heading, start, offset))
            heading = line.strip().rstrip(":")
            text_parts.append(line.strip())
            offset += len(line.strip()) + 1
            start = offset
            continue
        clean = _BULLET.sub("• ", line.strip()) if _BULLET.match(line) else line.strip()
        text_parts.append(clean)
        offset += len(clean) + 1
    blocks.append((heading, start, offset))
    text = "\n".join(text_parts) + "\n"

    document = Document(
        id=entry["id"],
        title=entry["title"],
        issuer=entry["issuer"],
        status=entry["status"],
        kind=entry.get("kind", "lokal riktlinje"),
        text=text,
        valid_from=changed.group(1) if changed else entry.get("valid_from"),
        url=entry.get("url"),
        source_file=path.name,
        citation_name=entry.get("citation_name", entry["title"]),
    )
    title = article[0].strip()
    chunks = []
    for block_heading, b_start, b_end in blocks:
        path_ = [title] if block_heading == title else [title, block_heading]
        chunk = document.chunk(path_, b_start, b_end)
        if chunk is not None:
            chunks.append(chunk)
    return document, chunks
