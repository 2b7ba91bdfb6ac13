"""Question expansion with the caseworkers' vocabulary (data/vocabulary.yaml)."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

VOCABULARY_FILE = Path(__file__).parent / "data" / "vocabulary.yaml"
_WORD = re.compile(r"[\wåäöÅÄÖ-]+")
# A question about the law itself: it should be answered from the statute text.
LAW_INTENT = re.compile(
    r"\b(lag|lagen|lagar|lagtext|lagstiftning|lagrum|paragraf|paragrafen|sol|sof|"
    r"socialtjänstlagen|socialtjänstförordningen|förordning|förordningen|författning)\b|§",
    re.IGNORECASE,
)


@lru_cache(maxsize=1)
def _vocabulary() -> dict[str, str]:
    data = yaml.safe_load(VOCABULARY_FILE.read_text(encoding="utf-8"))
    merged: dict[str, str] = {}
    for section in ("abbreviations", "terms"):
        merged.update({str(k).lower(): str(v) for k, v in (data.get(section) or {}).items()})
    return merged


def expansions(question: str) -> list[str]:
    vocabulary = _vocabulary()
    found: list[str] = []
    for word in _WORD.findall(question.lower()):
        extra = vocabulary.get(word)
        if extra and extra not in found:
            found.append(extra)
    return found


def expand(question: str) -> str:
    extra = expansions(question)
    return f"{question} ({', '.join(extra)})" if extra else question


def asks_for_law(question: str) -> bool:
    return LAW_INTENT.search(question) is not None
