from __future__ import annotations

import pytest

from knowledge import Searcher


@pytest.fixture(scope="session")
def search():
    """The real index's public search (built by `make index` before the unit tests)."""
    searcher = Searcher.load()
    return lambda question, top_k: searcher.search(question, top_k=top_k)
