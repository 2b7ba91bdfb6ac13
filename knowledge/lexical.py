"""Swedish lexical index: bm25s over Snowball-stemmed tokens (PyStemmer)."""

from __future__ import annotations

import json
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
    """Stemmed content words (years such as "2026" kept, other numbers dropped)."""
    return _stemmer().stemWords(_words(text))


def _words(text: str) -> list[str]:
    return [
        w for w in _TOKEN.findall(text.lower())
        if w not in STOPWORDS and not (w.isdigit() and len(w) != 4)
    ]


class Decompounder:
    """Split Swedish compounds into parts the corpus knows: "spjälsängen" -> "säng".

    A word of ≥ 8 letters is split once, at the point that leaves the longest tail whose stem
    the corpus knows; the head is kept too when it is a known word (after a linking "s").
    The parts are added to the word's own stem, never replace it.
    """

    def __init__(self, known_words: set[str]) -> None:
        self.known_words = known_words
        self.known_stems = set(_stemmer().stemWords(sorted(known_words)))

    def parts(self, word: str) -> list[str]:
        if len(word) < 8 or not word.isalpha():
            return []
        stem = _stemmer().stemWord
        for i in range(3, len(word) - 3):  # the longest known tail first
            head, tail = word[:i], word[i:]
            if tail in STOPWORDS or stem(tail) not in self.known_stems:
                continue
            bare = head[:-1] if head.endswith("s") and len(head) > 4 else head
            parts = [stem(tail)]
            if head in self.known_words or bare in self.known_words:
                parts.append(stem(head if head in self.known_words else bare))
            return parts
        return []

    def tokens(self, text: str) -> list[str]:
        words = _words(text)
        result = _stemmer().stemWords(words)
        for word in words:
            result.extend(self.parts(word))
        return result


class LexicalIndex:
    def __init__(self, retriever: bm25s.BM25, known_words: set[str]) -> None:
        self.retriever = retriever
        self.vocab = retriever.vocab_dict
        self.known_words = known_words
        self.decompounder = Decompounder(known_words)

    @classmethod
    def build(cls, texts: list[str]) -> LexicalIndex:
        known = {w for t in texts for w in _words(t) if len(w) >= 3 and w.isalpha()}
        decompounder = Decompounder(known)
        retriever = bm25s.BM25(k1=1.2, b=0.75)
        corpus_tokens = [decompounder.tokens(t) or ["__tom__"] for t in texts]
        retriever.index(corpus_tokens, show_progress=False)
        return cls(retriever, known)

    def scores(self, query: str) -> np.ndarray:
        tokens = [t for t in self.decompounder.tokens(query) if t in self.vocab]
        if not tokens:
            return np.zeros(self.retriever.scores["num_docs"], dtype=np.float32)
        return np.asarray(self.retriever.get_scores(tokens), dtype=np.float32)

    def save(self, directory: Path) -> None:
        self.retriever.save(str(directory), show_progress=False)
        (directory / "known_words.json").write_text(
            json.dumps(sorted(self.known_words), ensure_ascii=False), encoding="utf-8"
        )

    @classmethod
    def load(cls, directory: Path) -> LexicalIndex:
        known = json.loads((directory / "known_words.json").read_text(encoding="utf-8"))
        return cls(bm25s.BM25.load(str(directory)), set(known))
