"""SOSFS 2003:5 from the text transcript of its PDF.

The transcript has one line per PDF page: "<page> <text> <page>", running headers ("SOSFS",
the "2003:5" lost in transcription) at the start of even pages and inside odd pages, words
split at line ends, and after page 20 a list of other documents that is not part of the text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from knowledge.model import Chunk, CorpusError, Document
from knowledge.text import repair_split_words

_PAGE_LINE = re.compile(r"^(\d{1,3}) (.*)$")
_RUNNING_HEADER = re.compile(r"(?<!\()\bSOSFS\b(?! \d)(?!\))")


@dataclass
class OutlineEntry:
    heading: str
    path: list[str]
    missing: bool
    topics: tuple[str, ...] = ()  # missing sections only: words a question about them uses


@dataclass
class ParsedSosfs:
    document: Document
    chunks: list[Chunk]
    toc: list[tuple[str, int]]  # (heading, page) as printed in the table of contents
    heading_pages: dict[str, int]  # page where the parse found each heading in the body
    pages: dict[int, str]  # raw transcript text per page


def flatten_outline(outline: list[dict[str, Any]], parent: list[str] | None = None):
    parent = parent or []
    for node in outline:
        path = [*parent, node["heading"]]
        yield OutlineEntry(node["heading"], path, bool(node.get("missing", False)),
                           tuple(node.get("topics", ())))
        yield from flatten_outline(node.get("children", []), path)


def split_pages(raw: str) -> dict[int, str]:
    """Raw text of each transcript page; stops at the first line that is not the next page."""
    pages: dict[int, str] = {}
    expected = 1
    for line in raw.splitlines():
        if not line.strip():
            continue
        match = _PAGE_LINE.match(line)
        if match and int(match.group(1)) == expected:
            pages[expected] = match.group(2)
            expected += 1
        elif pages:
            break  # end of the document proper (e.g. "SOSFS 2013:1 (S) ...", "Läs mer")
    if not pages:
        raise CorpusError("Transkriptionen saknar sidmarkeringar (rader som börjar med sidnummer).")
    return pages


def clean_page(page: int, text: str) -> str:
    """Remove running headers and the page number at the foot, repair split words."""
    text = text.strip()
    if text.endswith(f" {page}"):
        text = text[: -len(str(page)) - 1]
    text = _RUNNING_HEADER.sub(" ", text)
    text = repair_split_words(text)
    return re.sub(r"\s+", " ", text).strip()


def parse_toc(pages: dict[int, str], toc_pages: list[int], entries: list[OutlineEntry]):
    toc_text = " ".join(clean_page(p, pages[p]) for p in toc_pages)
    toc_text = toc_text.split("Innehåll", 1)[-1]
    result: list[tuple[str, int]] = []
    cursor = 0
    for entry in entries:
        match = re.compile(re.escape(entry.heading) + r" (\d+)\b").search(toc_text, cursor)
        if match is None:
            continue  # lower-level headings are not in the table of contents
        result.append((entry.heading, int(match.group(1))))
        cursor = match.end()
    return result


def _find_heading(text: str, heading: str, cursor: int) -> re.Match[str] | None:
    pattern = re.compile(r"(?:(?<=\s)|^)" + re.escape(heading) + r"(?=\s)")
    for match in pattern.finditer(text, cursor):
        before = text[max(0, match.start() - 10) : match.start()]
        if "avsnittet" in before:
            continue  # a cross-reference "(jfr avsnittet Skälig boendekostnad s. 6)"
        return match
    return None


def parse_sosfs(meta_path: Path) -> ParsedSosfs:
    meta = yaml.safe_load(meta_path.read_text(encoding="utf-8"))
    source = meta_path.parent / meta["source"]
    pages = split_pages(source.read_text(encoding="utf-8"))
    entries = list(flatten_outline(meta["outline"]))
    toc = parse_toc(pages, meta["toc_pages"], entries)

    # Body text with the page of every character.
    parts: list[str] = []
    page_starts: list[int] = []
    page_numbers: list[int] = []
    offset = 0
    for page in range(meta["first_body_page"], max(pages) + 1):
        cleaned = clean_page(page, pages[page])
        page_starts.append(offset)
        page_numbers.append(page)
        parts.append(cleaned)
        offset += len(cleaned) + 1
    full = " ".join(parts)
    begin = full.find(meta["preamble_starts_with"])
    if begin < 0:
        raise CorpusError(f"{source.name}: inledningen {meta['preamble_starts_with']!r} saknas.")
    text = full[begin:]

    def page_at(pos: int) -> int:
        return page_numbers[bisect_right(page_starts, pos + begin) - 1]

    located: list[tuple[OutlineEntry, int, int]] = []
    cursor = 0
    for entry in entries:
        if entry.missing:
            continue
        match = _find_heading(text, entry.heading, cursor)
        if match is None:
            raise CorpusError(f"{source.name}: rubriken {entry.heading!r} hittades inte i texten.")
        located.append((entry, match.start(), match.end()))
        cursor = match.end()

    document = Document(
        id=meta["id"],
        title=meta["title"],
        issuer=meta["issuer"],
        status=meta["status"],
        kind=meta["kind"],
        text=text,
        valid_from=str(meta["valid_from"]),
        url=meta.get("url"),
        source_file=meta["source"],
        citation_name=meta["citation_name"],
    )
    chunks: list[Chunk] = []

    def add(path: list[str], start: int, end: int, truncated: bool = False) -> None:
        chunk = document.chunk(path, start, end, page_at=page_at, truncated=truncated)
        if chunk is not None:  # None: a heading directly followed by a sub-heading
            chunks.append(chunk)

    add([], 0, located[0][1])  # the introduction before the first chapter
    for i, (entry, _start, end) in enumerate(located):
        body_end = located[i + 1][1] if i + 1 < len(located) else len(text)
        last = i + 1 == len(located)
        add(entry.path, end, body_end, truncated=last)
    # Chunk pages are the page where the passage starts; a section is cited from its heading.
    heading_pages = {entry.heading: page_at(start) for entry, start, _ in located}
    for chunk in chunks:
        if chunk.heading_path:
            chunk.page = heading_pages[chunk.section]

    missing = [e.heading for e in entries if e.missing]
    last_entry = located[-1][0]
    document.gaps.append(
        {
            "after_section": last_entry.heading,
            "missing_pages": [max(pages) + 1],
            "missing_headings": missing,
            "missing_topics": {e.heading: list(e.topics) for e in entries
                               if e.missing and e.topics},
            "note": (
                f"Källtexten slutar mitt i en mening på s. {max(pages)} (avsnittet "
                f"{last_entry.heading}); s. {max(pages) + 1} saknas. Avsnitten "
                + ", ".join(missing[1:])
                + " finns därför inte i kunskapsbasen."
            ),
        }
    )
    return ParsedSosfs(document, chunks, toc, heading_pages, pages)
