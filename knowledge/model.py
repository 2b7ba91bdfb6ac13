"""Documents and chunks: the unit the index stores and search cites."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any

from knowledge.text import strip_span


class CorpusError(ValueError):
    """A source document cannot be read; the message is Swedish and names the file/field."""


@dataclass
class Document:
    id: str
    title: str
    issuer: str
    status: str
    kind: str
    text: str  # the cleaned text that chunk offsets point into
    valid_from: str | None = None
    url: str | None = None
    source_file: str | None = None
    citation_name: str | None = None  # e.g. "SOSFS 2003:5" or "SoL (2025:400)"
    gaps: list[dict[str, Any]] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)

    def meta(self) -> dict[str, Any]:
        data = asdict(self)
        data.pop("text")
        return data

    def chunk(
        self,
        heading_path: list[str],
        start: int,
        end: int,
        *,
        section: str | None = None,
        page_at: Callable[[int], int] | None = None,
        truncated: bool = False,
    ) -> Chunk | None:
        """The passage text[start:end] without surrounding white space, as a chunk citing this
        document (None when nothing is left, e.g. a heading directly followed by another).
        ``section`` defaults to the most specific heading (else the document title);
        ``page_at`` maps an offset to its page, where the source has pages."""
        start, end = strip_span(self.text, start, end)
        if start >= end:
            return None
        return Chunk(
            document=self.id,
            document_title=self.title,
            document_status=self.status,
            heading_path=heading_path,
            section=section or (heading_path[-1] if heading_path else self.title),
            page=page_at(start) if page_at else None,
            page_end=page_at(end - 1) if page_at else None,
            text=self.text[start:end],
            start=start,
            end=end,
            truncated=truncated,
        )


@dataclass
class Chunk:
    document: str
    document_title: str
    document_status: str
    heading_path: list[str]
    section: str
    page: int | None
    page_end: int | None
    text: str
    start: int  # character offsets into Document.text
    end: int
    id: str = ""
    truncated: bool = False  # the source breaks off inside this passage

    def __post_init__(self) -> None:
        if not self.id:
            self.id = content_id(self.document, self.heading_path, self.text)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def content_id(document: str, heading_path: list[str], text: str) -> str:
    digest = hashlib.sha256()
    for part in (document, "\x1f".join(heading_path), text):
        digest.update(part.encode("utf-8"))
        digest.update(b"\x1e")
    return digest.hexdigest()[:16]
