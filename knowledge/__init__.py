"""Biståndsguiden knowledge: a cited, searchable corpus of guidelines and statutes."""

from knowledge.index import IndexMismatchError, build_index
from knowledge.search import Searcher

__all__ = ["IndexMismatchError", "Searcher", "build_index"]
