"""Swedish text helpers: repair of PDF word splits, sentence spans."""

from __future__ import annotations

import re

# Words that legitimately follow a suspended hyphen ("kort- och långvarigt").
_CONJUNCTIONS = {"och", "eller", "samt", "respektive", "resp", "som", "till", "och/eller"}

_SPLIT_WORD = re.compile(r"\b(\w+)- (\w+)")
# "ansökningsoch", "hälsooch": the PDF lost the hyphen and the space before "och".
_LOST_HYPHEN_OCH = re.compile(r"\b(\w{4,}?[os])och\b")


def repair_split_words(text: str) -> str:
    """Join words the PDF split at a line end and restore lost suspended hyphens.

    "SOCIALTJÄNST- LAGEN" -> "SOCIALTJÄNSTLAGEN"; "ansökningsoch" -> "ansöknings- och";
    "kort- och långvarigt" stays as it is.
    """

    def join(match: re.Match[str]) -> str:
        first, second = match.group(1), match.group(2)
        if second.lower() in _CONJUNCTIONS or first.isdigit() or second.isdigit():
            return match.group(0)
        if first.isupper() != second.isupper():
            return match.group(0)
        return first + second

    text = _SPLIT_WORD.sub(join, text)
    return _LOST_HYPHEN_OCH.sub(lambda m: f"{m.group(1)}- och", text)


_ABBREVIATIONS = (
    "t.ex.", "bl.a.", "m.m.", "t.o.m.", "fr.o.m.", "s.k.", "dvs.", "jfr.", "resp.", "ca.",
    "st.", "kap.", "s.", "nr.", "p.", "m.fl.", "o.d.", "f.d.", "inkl.", "exkl.", "tel.",
)
_SENTENCE_END = re.compile(r"[.!?:](?=\s+[\"(]?[A-ZÅÄÖ0-9•\-|])|\n\s*\n|\n(?=\s*[-•|])")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences in ``text`` (abbreviation aware, list items split)."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        end = match.end()
        candidate = text[start:end]
        if match.group(0) == ".":
            tail = candidate.rsplit(None, 1)[-1] if candidate.strip() else ""
            if tail.lower() in _ABBREVIATIONS:
                continue
        if candidate.strip():
            spans.append(strip_span(text, start, end))
        start = end
    if text[start:].strip():
        spans.append(strip_span(text, start, len(text)))
    return spans


def strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """text[start:end] without surrounding white space, as offsets."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end

