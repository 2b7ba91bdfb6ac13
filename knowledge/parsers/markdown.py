"""Markdown documents with YAML front matter: statute chapters and local guidelines.

Front matter fields: id, title, issuer, valid_from, status (required), url, kind,
citation_name (optional). In a statute (kind lag/förordning, or any heading "N §"), each
paragraph heading ("7 a §") starts a chunk whose section is "12 kap. 7 a § SoL (2025:400)";
headings inside a paragraph (table captions) stay in its text.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from knowledge.model import Chunk, CorpusError, Document

REQUIRED_FIELDS = ("id", "title", "issuer", "valid_from", "status")
_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$", re.MULTILINE)
_PARAGRAPH = re.compile(r"^(\d+ ?[a-z]?) §$")
_CHAPTER = re.compile(r"^(\d+) kap\.")
_STATUTE_SHORT = {
    "socialtjänstlag": "SoL",
    "socialtjänstförordning": "SoF",
}
_SFS = re.compile(r"\((\d{4}:\d+)\)")


def read_front_matter(path: Path) -> tuple[dict[str, Any], str, int]:
    raw = path.read_text(encoding="utf-8")
    if not raw.startswith("---"):
        raise CorpusError(f"{path.name}: front matter saknas (filen ska börja med '---').")
    end = raw.find("\n---", 3)
    if end < 0:
        raise CorpusError(f"{path.name}: front matter avslutas inte med '---'.")
    try:
        meta = yaml.safe_load(raw[3:end]) or {}
    except yaml.YAMLError as exc:
        raise CorpusError(f"{path.name}: front matter är inte giltig YAML ({exc}).") from exc
    if not isinstance(meta, dict):
        raise CorpusError(f"{path.name}: front matter ska vara nyckel: värde-par.")
    check_fields(path, meta)
    body_start = raw.find("\n", end + 4) + 1 if raw.find("\n", end + 4) >= 0 else len(raw)
    return meta, raw[body_start:], body_start


def check_fields(path: Path, meta: dict[str, Any]) -> None:
    for name in REQUIRED_FIELDS:
        value = meta.get(name)
        if value is None or not str(value).strip():
            raise CorpusError(f"{path.name}: fältet '{name}' saknas eller är tomt.")


def statute_short_name(title: str) -> str | None:
    """"Socialtjänstlag (2025:400), 12 kap. ..." -> "SoL (2025:400)"."""
    lowered = title.lower()
    for word, short in _STATUTE_SHORT.items():
        if lowered.startswith(word):
            sfs = _SFS.search(title)
            return f"{short} ({sfs.group(1)})" if sfs else short
    return None


def document_from_meta(path: Path, meta: dict[str, Any], text: str, kind: str) -> Document:
    return Document(
        id=str(meta["id"]),
        title=str(meta["title"]),
        issuer=str(meta["issuer"]),
        status=str(meta["status"]),
        kind=str(meta.get("kind", kind)),
        text=text,
        valid_from=str(meta["valid_from"]),
        url=meta.get("url"),
        source_file=path.name,
        citation_name=str(meta.get("citation_name") or meta["id"]),
    )


def parse_markdown(path: Path) -> tuple[Document, list[Chunk]]:
    meta, body, _ = read_front_matter(path)
    short = meta.get("citation_name") or statute_short_name(str(meta["title"]))
    document = document_from_meta(path, meta, body, "riktlinje")
    if short:
        document.citation_name = short
    headings = list(_HEADING.finditer(body))
    statute = any(_PARAGRAPH.match(h.group(2)) for h in headings)

    chunks: list[Chunk] = []
    stack: list[tuple[int, str]] = []  # (level, heading) of the enclosing headings
    chapter: str | None = None
    current: tuple[list[str], str, int] | None = None  # (path, section, body start)

    def close(end: int) -> None:
        nonlocal current
        if current is None:
            return
        path_, section, start = current
        current = None
        chunk = document.chunk(path_, start, end, section=section)
        if chunk is not None:
            chunks.append(chunk)

    in_paragraph = False
    for match in headings:
        level, title = len(match.group(1)), match.group(2).strip()
        is_paragraph = statute and _PARAGRAPH.match(title) is not None
        if statute and in_paragraph and not is_paragraph and not _is_group_heading(
            body, match
        ):
            continue  # a caption inside a paragraph: part of the paragraph's text
        close(match.start())
        in_paragraph = False
        if statute and _CHAPTER.match(title):
            chapter = _CHAPTER.match(title).group(1)
        if is_paragraph:
            section = f"{chapter} kap. {title}" if chapter else title
            if short:
                section = f"{section} {short}"
            path_ = [h for _, h in stack] + [section]
            current = (path_, section, match.end())
            in_paragraph = True
            continue
        while stack and stack[-1][0] >= level:
            stack.pop()
        if statute and stack and not _CHAPTER.match(title):
            # group headings in statutes are siblings under the chapter heading
            stack = [s for s in stack if _CHAPTER.match(s[1])]
        stack.append((level, title))
        current = ([h for _, h in stack], title, match.end())
    close(len(body))
    if not chunks:
        raise CorpusError(f"{path.name}: dokumentet innehåller ingen text.")
    return document, chunks


def _is_group_heading(body: str, match: re.Match[str]) -> bool:
    """In a statute, a heading followed (after blank lines) by a paragraph heading."""
    rest = body[match.end() :].lstrip()
    nxt = _HEADING.match(rest)
    return nxt is not None and _PARAGRAPH.match(nxt.group(2).strip()) is not None or (
        nxt is not None and _is_group_heading(rest, nxt) and not rest.startswith("|")
    )
