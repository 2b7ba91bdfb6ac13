"""Swedish lexical index: bm25s over Snowball-stemmed tokens (PyStemmer)."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import bm25s
import numpy as np
import Stemmer

_TOKEN = re.compile(r"\w\w+", re.UNICODE)
STOPWORDS = frozenset(
    """
    och i att det som en på är av för med till den har de inte om ett han hon så men vi
    från var sig ska kan vid eller man då bör dock även får finns hur vad vilka vilken
    vilket när där här denne dessa detta deras dess sin sitt sina ni du jag mig oss er
    ha hade blir bli blev vara varit skall skulle kunna kunde också bara nog mycket
    något någon några alla allt andra annan annat samma sådan sådana sådant ut upp
    eftersom efter under över mellan genom mot utan hos inom enligt t.ex bl.a m.m
    """.split()
)


@lru_cache(maxsize=1)
def _stemmer() -> Stemmer.Stemmer:
    return Stemmer.Stemmer("swedish")


def tokenize(text: str) -> list[str]:
    words = [
        w for w in _TOKEN.findall(text.lower())
        if w not in STOPWORDS and not (w.isdigit() and len(w) != 4)  # keep years: "2026"
    ]
    return _stemmer().stemWords(words)


class LexicalIndex:
    def __init__(self, retriever: bm25s.BM25) -> None:
        self.retriever = retriever
        self.vocab = retriever.vocab_dict

    @classmethod
    def build(cls, texts: list[str]) -> LexicalIndex:
        retriever = bm25s.BM25(k1=1.2, b=0.75)
        corpus_tokens = [tokenize(t) or ["__tom__"] for t in texts]
        retriever.index(corpus_tokens, show_progress=False)
        return cls(retriever)

    def scores(self, query: str) -> np.ndarray:
        tokens = [t for t in tokenize(query) if t in self.vocab]
        if not tokens:
            return np.zeros(self.retriever.scores["num_docs"], dtype=np.float32)
        return np.asarray(self.retriever.get_scores(tokens), dtype=np.float32)

    def save(self, directory: Path) -> None:
        self.retriever.save(str(directory), show_progress=False)

    @classmethod
    def load(cls, directory: Path) -> LexicalIndex:
        return cls(bm25s.BM25.load(str(directory)))
