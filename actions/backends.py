"""The backends the actions call, created lazily once per action-server process."""

from __future__ import annotations

import datetime as dt
import functools
import logging
import os
from typing import Any

log = logging.getLogger(__name__)

class KnowledgeUnavailable(RuntimeError):
    """The knowledge index could not be loaded (not built, or built by another model)."""


@functools.cache
def searcher() -> Any:
    """The knowledge Searcher, loaded on first use and kept for the process."""
    from knowledge import IndexMismatchError, Searcher

    try:
        return Searcher.load()
    except (IndexMismatchError, OSError) as exc:
        log.exception("knowledge index unavailable")
        raise KnowledgeUnavailable(str(exc)) from exc


def search(question: str, top_k: int = 3) -> dict[str, Any]:
    return searcher().search(question, top_k=top_k)


def passage(document: str, section: str, quote: str) -> dict[str, Any] | None:
    """A cited passage looked up by document, section and quote (knowledge Searcher.passage)."""
    return searcher().passage(document, section, quote)


def today() -> dt.date:
    """Today, or the date in BG_TODAY (YYYY-MM-DD) so that tests and benchmarks of the
    "current month" are reproducible."""
    fixed = os.environ.get("BG_TODAY")
    return dt.date.fromisoformat(fixed) if fixed else dt.date.today()
