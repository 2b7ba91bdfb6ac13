"""The shape of a search result (Searcher.search): typed, and still a plain dict.

A TypedDict is a dict at run time, so the JSON the CLI, the API and the chat produce and every
consumer (actions/, web/, onboarding/, the audit lines) stay exactly as they were; the types
document the keys and let a type checker follow them. web/schemas.py describes the same shape
for the API.
"""

from __future__ import annotations

from typing import Any, NotRequired, TypedDict


class LawRef(TypedDict):
    old: str  # a paragraph of SoL (2001:453) named in the passage
    new: NotRequired[str]  # the SoL (2025:400) paragraph that corresponds (law_mapping.yaml)


class Hit(TypedDict):
    document: str
    document_title: str
    document_status: str
    heading_path: list[str]
    section: str  # the most specific heading ("12 kap. 8 § SoL (2025:400)" for a paragraph)
    page: int | None  # SOSFS and PDFs; None for Markdown
    text: str
    highlight: str  # the best sentence(s)
    score: float  # the ranking score, rounded to 4 decimals
    citation: str
    law_refs: list[dict[str, str]]
    chunk_id: str
    currency: NotRequired[dict[str, Any]]  # SOSFS 2003:5 hits: currency.CurrencyNotes.payload


class Gap(TypedDict):
    document: str
    missing_section: str
    note: str


class OtherYear(TypedDict):
    asked: list[str]
    passage: list[str]


class Topic(TypedDict):
    issue: str  # the words of the question
    hits: list[Hit]


class SearchResult(TypedDict):
    question: str
    answered: bool
    confidence: float
    hits: list[Hit]
    law_first: NotRequired[dict[str, Any]]  # lawfirst.law_first: {"statute", "advice", "topic"}
    gaps: NotRequired[list[Gap]]
    outside_scope: NotRequired[list[str]]
    other_year: NotRequired[OtherYear]
    topics: NotRequired[list[Topic]]
