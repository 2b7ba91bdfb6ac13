"""Text-based PDF guidelines (pypdf): page numbers kept, headings detected from the layout.

Metadata comes from a YAML file next to the PDF with the same name plus ".yaml"
(riktlinje.pdf -> riktlinje.pdf.yaml) and the same fields as Markdown front matter.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import yaml
from pypdf import PdfReader
from pypdf.errors import PdfReadError

from knowledge.model import Chunk, CorpusError
from knowledge.parsers.markdown import check_fields, document_from_meta
from knowledge.text import repair_split_words

_NUMBERED = re.compile(r"^(\d+(?:\.\d+)*)\.?\s+(\S.*)$")
_PAGE_NUMBER = re.compile(r"^(?:sida\s+)?\d+(?:\s*\(\d+\))?$", re.IGNORECASE)


def _heading_level(line: str, next_line: str | None) -> int | None:
    stripped = line.strip()
    if not stripped or next_line is None or len(stripped) > 80:
        return None
    if stripped[-1] in ".,;:!?" or not (stripped[0].isupper() or stripped[0].isdigit()):
        return None
    if len(stripped.split()) > 10:
        return None
    numbered = _NUMBERED.match(stripped)
    if numbered:
        if not numbered.group(2)[0].isupper():
            return None
        return numbered.group(1).count(".") + 1
    if stripped.isupper():
        return 1
    # an unnumbered short line followed by a line that starts a sentence
    nxt = next_line.strip()
    if nxt and nxt[0].isupper() and len(nxt.split()) > 3:
        return 2
    return None


def parse_pdf(path: Path) -> tuple:
    sidecar = path.with_name(path.name + ".yaml")
    if not sidecar.exists():
        raise CorpusError(
            f"{path.name}: metadatafilen {sidecar.name} saknas (id, title, issuer, "
            "valid_from, status, url)."
        )
    meta = yaml.safe_load(sidecar.read_text(encoding="utf-8")) or {}
    check_fields(sidecar, meta)
    try:
        reader = PdfReader(path)
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, OSError, ValueError) as exc:
        raise CorpusError(f"{path.name}: PDF-filen kan inte läsas ({exc}).") from exc
    if not any(p.strip() for p in pages):
        raise CorpusError(f"{path.name}: PDF-filen saknar textlager (skannad bild?).")

    page_lines = [[ln.strip() for ln in p.splitlines() if ln.strip()] for p in pages]
    counts = Counter(ln for lines in page_lines for ln in set(lines))
    repeated = {ln for ln, n in counts.items() if n >= max(2, len(pages) * 0.6)}

    # (line, page) with running headers/footers and bare page numbers removed
    lines: list[tuple[str, int]] = []
    for number, page in enumerate(page_lines, start=1):
        for ln in page:
            if ln in repeated or _PAGE_NUMBER.match(ln):
                continue
            lines.append((repair_split_words(ln), number))

    text = ""
    page_of: list[tuple[int, int]] = []  # (offset, page)
    headings: list[tuple[int, str, int, int]] = []  # (level, title, start, end) in text
    for i, (ln, number) in enumerate(lines):
        nxt = lines[i + 1][0] if i + 1 < len(lines) else None
        level = _heading_level(ln, nxt)
        if text.endswith("-") and level is None and ln[:1].islower():
            text = text[:-1]  # a word split over two lines
        elif text:
            after_heading = bool(headings) and headings[-1][3] == len(text)
            text += "\n" if level is not None or after_heading else " "
        page_of.append((len(text), number))
        start = len(text)
        text += ln
        if level is not None:
            headings.append((level, ln, start, len(text)))
    return meta, sidecar, text, headings, page_of


def pdf_document(path: Path):
    meta, sidecar, text, headings, page_of = parse_pdf(path)
    document = document_from_meta(path, meta, text, "lokal riktlinje")

    def page_at(pos: int) -> int:
        page = page_of[0][1]
        for offset, number in page_of:
            if offset > pos:
                break
            page = number
        return page

    chunks: list[Chunk] = []
    stack: list[tuple[int, str]] = []
    bounds = [(lvl, title, s, e) for lvl, title, s, e in headings]
    spans: list[tuple[list[str], int, int]] = []
    first_start = bounds[0][2] if bounds else len(text)
    if text[:first_start].strip():
        spans.append(([], 0, first_start))
    for i, (lvl, title, _s, e) in enumerate(bounds):
        while stack and stack[-1][0] >= lvl:
            stack.pop()
        stack.append((lvl, title))
        end = bounds[i + 1][2] if i + 1 < len(bounds) else len(text)
        spans.append(([t for _, t in stack], e, end))
    for path_, start, end in spans:
        chunk = document.chunk(path_, start, end, page_at=page_at)
        if chunk is not None:
            chunks.append(chunk)
    if not chunks:
        raise CorpusError(f"{path.name}: dokumentet innehåller ingen text.")
    return document, chunks
