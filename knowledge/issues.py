"""Find the real question in a long situation, and the issues of a question with several.

A caseworker's question often tells a situation first ("Kvinna 41 som söker fsd har sedan två
månader sin nya pojkvän boende hos sig …") and asks last ("Kan vi räkna in hans lön?"). The
facts give context, but a side detail (a friend, the rent, a debt) must not decide the
section. `split_question` returns the asking part (the sentences that end in a question mark,
or else the last sentence) and, when it asks about two things ("Hur gör vi med hyran och med
tandvården?", "Måste han sälja bilen, och kan vi räkna in bensinen?"), one part per issue. When
the asking part only points back ("Vad gäller för de två sakerna?", "Hur hanterar vi båda
delarna?"), the issues are the situation's clauses. Pure string rules, no model: the search
scores each part (search.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from knowledge.lexical import tokenize

_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[\"(]?[A-ZÅÄÖ0-9])|(?<=:)\s+(?=[a-zåäö])")
# A second question joined to the first: "…, och kan vi …", "… och ska 16-åringens lön …",
# "… och med tandvården", "… och för möbler", "…, samt …"; "och" between two nouns without
# such a word after it ("hot eller misshandel", "barn och unga") does not split.
# an asking sentence is split at every "och"/"samt"/"å"/"respektive" ("Hur gör vi med
# tandläkarräkningen och medicinen?"); the parts are ranked separately and shown only when
# their best sections differ (search.Searcher.topics), so "hyran och elen" of one section
# stays one answer. Splitting only before a question word missed "X och Y?" (issue 15).
_JOIN = re.compile(r",?\s+(?:och|samt|å|respektive)\s+", re.IGNORECASE)
_SITUATION_JOIN = re.compile(
    r",\s+(?:och|men)\s+|\s+och\s+(?=(?:har|vill|behöver|saknar|måste)\b)|"
    r"\s+och\s+(?:har|vill)\s+(?:också|dessutom|samtidigt)\s+|\b(?:dessutom|också|samtidigt)\b",
    re.IGNORECASE)
# the asking part points back at the situation ("de två sakerna", "båda delarna", "något av
# det", "Vad gäller?"): the situation's clauses are the issues
_POINTS_BACK = re.compile(
    r"\b(båda|bägge|två sakerna|de två|något av det(?:ta)?|delarna|vad gäller\s*\?|"
    r"vad kan vi bevilja\s*\?)", re.IGNORECASE)
MIN_WORDS = 1  # content words (stems) a part of the asking sentence needs
MIN_SITUATION_WORDS = 2  # … and a clause of the situation


@dataclass
class QuestionParts:
    asking: str  # the sentences that ask (the whole question when it is one sentence)
    situation: list[str] = field(default_factory=list)  # the other sentences
    issues: list[str] = field(default_factory=list)  # two or more parts, or empty


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE.split(text.strip()) if s and s.strip()]


# words that ask but name nothing: "och hur räknar vi i så fall?" is a follow-up, no issue
_GENERIC = frozenset(tokenize(
    "räkna räknar räknas gäller gälla göra gör fall bevilja beviljar hantera hanterar del "
    "delar sak saker fråga frågan hjälpa hjälper"))


def _content(part: str) -> int:
    return len([t for t in tokenize(part) if t not in _GENERIC])


def _parts(text: str, pattern: re.Pattern[str], least: int = MIN_WORDS) -> list[str]:
    parts = [p.strip(" ,;") for p in pattern.split(text)]
    return [p for p in parts if _content(p) >= least]


def split_question(question: str) -> QuestionParts:
    found = sentences(question)
    asking = [s for s in found if s.endswith("?")] or found[-1:]
    situation = [s for s in found if s not in asking]
    parts = QuestionParts(" ".join(asking), situation)
    issues = [p for s in asking for p in (_parts(s, _JOIN) or [s])]
    if len(issues) < 2 and any(_POINTS_BACK.search(s) for s in asking) and situation:
        issues = [p for s in situation for p in _parts(s, _SITUATION_JOIN, MIN_SITUATION_WORDS)]
    parts.issues = issues if 2 <= len(issues) <= 4 else []
    return parts
