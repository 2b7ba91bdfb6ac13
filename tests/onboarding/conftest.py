from __future__ import annotations

import pytest

from knowledge import Searcher


@pytest.fixture(scope="session")
def lookup():
    """The real index's passage lookup (built by `make index` before the unit tests)."""
    return Searcher.load().passage
