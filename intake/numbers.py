"""Swedish numbers as a caseworker types them: "7 200", "7200 kr", "7,5 tusen", "sju tusen".

No Rasa import: pure functions, tested in tests/actions/test_numbers.py.

Grammar (after lower-casing; SP is one space):

    number      := digits | word_number
    digits      := GROUPED | PLAIN [ DECIMAL ]
    GROUPED     := d{1,3} ( (SP | ".") d{3} )+          "7 200", "12 500", "7.200"
    PLAIN       := d+                                    "7200"
    DECIMAL     := ("," | ".") d{1,2}                    "7,5", "412,50"
    word_number := one or more number words, written together or apart:
                   "sju", "tjugofem", "sjutusen", "sju tusen två hundra"
    multiplier  := "tusen" | "tkr" | "k"                 after a number: × 1000

"en"/"ett" count as numbers only inside a word number ("ettusen", "en tusen", "etthundra"):
on their own they are articles ("en hyra på ...").
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

UNITS = {
    "en": 1, "ett": 1, "två": 2, "tre": 3, "fyra": 4, "fem": 5, "sex": 6, "sju": 7,
    "åtta": 8, "nio": 9,
}
TEENS = {
    "tio": 10, "elva": 11, "tolv": 12, "tretton": 13, "fjorton": 14, "femton": 15,
    "sexton": 16, "sjutton": 17, "arton": 18, "nitton": 19,
}
TENS = {
    "tjugo": 20, "trettio": 30, "fyrtio": 40, "femtio": 50, "sextio": 60, "sjuttio": 70,
    "åttio": 80, "nittio": 90,
}
MULTIPLIERS = {"tusen": 1000, "tkr": 1000, "k": 1000}

# Longest morphemes first so that "sjutton" is not read as "sju" + "tton".
_MORPHEMES = sorted(
    [*UNITS, *TEENS, *TENS, "hundra", "tusen", "noll"], key=len, reverse=True
)


def parse_number_word(word: str) -> int | None:
    """The value of one written-out Swedish number ("tjugofem" → 25), else None.

    A bare "en"/"ett" returns None: it is an article unless part of a larger number.
    """
    if word in ("en", "ett"):
        return None
    if word.startswith("ettusen"):  # "ett" + "tusen" is spelt with two t's
        word = "ett" + word[2:]
    parts = _split_morphemes(word)
    if not parts:
        return None
    return _value_of(parts)


def _split_morphemes(word: str) -> list[str] | None:
    parts: list[str] = []
    rest = word
    while rest:
        for m in _MORPHEMES:
            if rest.startswith(m):
                parts.append(m)
                rest = rest[len(m):]
                break
        else:
            return None
    return parts


def _value_of(parts: list[str]) -> int | None:
    """Evaluate morphemes: [below-thousand] "tusen" [below-thousand] | below-thousand."""
    if parts == ["noll"]:
        return 0
    if "noll" in parts:
        return None
    if "tusen" in parts:
        i = parts.index("tusen")
        if "tusen" in parts[i + 1:]:
            return None
        head = _below_thousand(parts[:i]) if parts[:i] else 1
        tail = _below_thousand(parts[i + 1:]) if parts[i + 1:] else 0
        if head is None or tail is None:
            return None
        return head * 1000 + tail
    return _below_thousand(parts)


def _below_thousand(parts: list[str]) -> int | None:
    total = 0
    if "hundra" in parts:
        i = parts.index("hundra")
        head = parts[:i]
        if len(head) > 1 or (head and head[0] not in UNITS):
            return None
        total = (UNITS[head[0]] if head else 1) * 100
        parts = parts[i + 1:]
    if not parts:
        return total
    if len(parts) == 1:
        p = parts[0]
        value = UNITS.get(p) or TEENS.get(p) or TENS.get(p)
        return None if value is None else total + value
    if len(parts) == 2 and parts[0] in TENS and parts[1] in UNITS:
        return total + TENS[parts[0]] + UNITS[parts[1]]
    return None


_GROUPED = re.compile(r"^\d{1,3}(?:[ .]\d{3})+$")
_PLAIN = re.compile(r"^\d+(?:[,.]\d{1,2})?$")


def parse_digits(text: str) -> Decimal | None:
    """A digit string in Swedish notation ("7 200", "7.200", "7,5", "7200") as a Decimal."""
    text = text.strip()
    if _GROUPED.match(text):
        return Decimal(text.replace(" ", "").replace(".", ""))
    if _PLAIN.match(text):
        return Decimal(text.replace(",", "."))
    return None


def to_kronor(value: Decimal) -> int:
    """Whole kronor, half up (calculation-rules.md section 6)."""
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))
