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
MUNICIPALITIES_FILE = Path(__file__).parent / "data" / "municipalities.yaml"
_WORD = re.compile(r"\w+", re.UNICODE)
# Shorter municipality names are also ordinary words ("mark", "berg", "vara", "kil"): they only
# count when written with a capital letter.
_CASE_SENSITIVE_UP_TO = 5
# "jobb i Uppsala", "dottern bor i Malmö": a place in the client's life, not the question of
# how that municipality does things ("Hur gör Malmö", "Stockholms hyrestak").
_PLACE_BEFORE = frozenset(
    "i till från mot via utanför nära runt vid åt ur kring".split())


def stems(text: str) -> list[str]:
    """Every word stemmed (stopwords kept: "god man" needs its "man")."""
    return _stemmer().stemWords(_WORD.findall(text.lower()))


def contains(words: list[str], seq: tuple[str, ...]) -> bool:
    """Does the stemmed question contain the stemmed phrase, its words one after another?"""
    n = len(seq)
    return n > 0 and any(tuple(words[i : i + n]) == seq for i in range(len(words) - n + 1))


def topic(text: str) -> tuple[tuple[str, ...], ...]:
    """"utomlands + åka" -> the stemmed phrases that must all occur, in any order."""
    return tuple(tuple(stems(part)) for part in text.split(" + ") if part.strip())


def mentions(words: list[str], parts: tuple[tuple[str, ...], ...]) -> bool:
    return bool(parts) and all(contains(words, part) for part in parts)


# Phrases of this group are kept even though the corpus uses their words: they ask for
# something the corpus never gives ("vad kostar": it lists no prices).
ALWAYS_GROUP = "fragor_korpus_inte_besvarar"


def _terms(path: Path) -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return tuple(
        (str(group), str(term), tuple(stems(str(term))))
        for group, terms in data.items()
        for term in (terms or [])
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

        self.terms = [(term, seq) for group, term, seq in _terms(path)
                      if seq and (group == ALWAYS_GROUP or not all(used(s) for s in seq))]

    def found(self, question: str) -> list[str]:
        """The out-of-scope terms the question names, in the list's order."""
        words = stems(question)
        return [term for term, seq in self.terms if contains(words, seq)]


class Municipalities:
    """Questions about a named municipality whose own guidelines the corpus does not hold.

    The corpus can say what SOSFS or Norrtälje says, not how Göteborg does it. A municipality
    the corpus itself names (Norrtälje, the issuer of a guideline in knowledge/local/) is
    dropped when the index is loaded, like the terms of OtherDomains.
    """

    def __init__(self, corpus_words: Iterable[str], path: Path = MUNICIPALITIES_FILE) -> None:
        known = {w.lower() for w in corpus_words}
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        names = sorted({str(n) for group in data.values() for n in (group or [])
                        if not set(_WORD.findall(str(n).lower())) <= known}, key=len,
                       reverse=True)

        def pattern(chosen: list[str], flags: int) -> re.Pattern[str] | None:
            if not chosen:
                return None
            alternatives = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in chosen)
            return re.compile(rf"(?<!\w)({alternatives})s?(?!\w)", flags)

        self._anycase = pattern([n for n in names if len(n) > _CASE_SENSITIVE_UP_TO],
                                re.IGNORECASE)
        self._capitalised = pattern([n for n in names if len(n) <= _CASE_SENSITIVE_UP_TO], 0)
        self.count = len(names)

    def found(self, question: str) -> list[str]:
        """The municipalities the question asks about, in order of appearance; one named only
        as a place ("flyttar till Malmö") does not count."""
        hits = []
        for regex in (self._anycase, self._capitalised):
            if regex is None:
                continue
            for m in regex.finditer(question):
                before = _WORD.findall(question[: m.start()].lower())[-1:]
                if not (before and before[0] in _PLACE_BEFORE):
                    hits.append((m.start(), m.group(1)))
        return [name for _, name in sorted(hits)]
