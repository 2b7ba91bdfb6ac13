"""Questions about something the corpus does not cover (data/other_domains.yaml).

Dense similarity cannot tell "hemtjänst" from "hemutrustning" well enough to abstain, but a
question that names a concept from another part of social services or another authority is
outside the guidelines' scope. Terms whose words the corpus itself uses (also as the first part
of a compound: "familjehem" in "familjehemsersättningens") are dropped, so a question about
something the corpus mentions is not turned away by this list.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from pathlib import Path

import yaml

from knowledge.lexical import _stemmer

OTHER_DOMAINS_FILE = Path(__file__).parent / "data" / "other_domains.yaml"
_WORD = re.compile(r"\w+", re.UNICODE)


def stems(text: str) -> list[str]:
    """Every word stemmed (stopwords kept: "god man" needs its "man")."""
    return _stemmer().stemWords(_WORD.findall(text.lower()))


def _terms(path: Path) -> tuple[tuple[str, tuple[str, ...]], ...]:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return tuple(
        (str(term), tuple(stems(str(term))))
        for group in data.values()
        for term in (group or [])
    )


class OtherDomains:
    def __init__(self, corpus_stems: Iterable[str], corpus_words: Iterable[str] = (),
                 path: Path = OTHER_DOMAINS_FILE) -> None:
        known = set(corpus_stems)
        words = sorted({w.lower() for w in corpus_words})

        def used(stem: str) -> bool:
            if stem in known:
                return True
            if len(stem) < 5:  # "lss" is no compound head of "underhållsskyldiga"
                return False
            i = bisect.bisect_left(words, stem)
            return i < len(words) and words[i].startswith(stem)

        self.terms = [(term, seq) for term, seq in _terms(path)
                      if seq and not all(used(s) for s in seq)]

    def found(self, question: str) -> list[str]:
        """The out-of-scope terms the question names, in the list's order."""
        words = stems(question)
        result = []
        for term, seq in self.terms:
            n = len(seq)
            if any(tuple(words[i : i + n]) == seq for i in range(len(words) - n + 1)):
                result.append(term)
        return result
