"""Tokens of a caseworker's message: numbers, words, punctuation, and the concepts they name.

``tokenize`` reads numbers the Swedish way (``intake/numbers.py``: "7 200", "7,5 tusen",
"sju tusen"), ``tag_concepts`` replaces the phrases of ``intake/lexicon.py`` by concept tokens
(longest phrase first, Swedish inflections allowed) and numbers every token's sentence part,
clause and bracket depth. Every token keeps its character span, so that anything the grammar
does not read can be quoted back to the caseworker word for word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import Literal

from intake import lexicon
from intake.numbers import MULTIPLIERS, parse_digits, parse_number_word

TokenKind = Literal["num", "word", "punct", "concept", "ym", "aring"]


@dataclass
class Token:
    kind: TokenKind
    text: str
    value: Decimal | None = None
    concept: str | None = None
    used: bool = False
    start: int = 0  # character span in the (normalised) message
    end: int = 0
    part: int = 0  # sentence part: between . ; ? ! (outside brackets)
    clause: int = 0  # clause: also between commas
    depth: int = 0  # bracket depth: 1 inside "( … )"
    bracket: int = -1  # which bracket group the token is in (-1: none)

    @property
    def is_int(self) -> bool:
        return self.value is not None and self.value == self.value.to_integral_value()

    def is_concept(self, *names: str) -> bool:
        """The concept is one of ``names``, or one of their sub-concepts ("cost:housing")."""
        c = self.concept
        return bool(self.kind == "concept" and c
                    and any(c == n or c.startswith(n + ":") for n in names))


_TOKEN = re.compile(
    r"""
    (?P<ym>(?:19|20)\d{2}-(?:0[1-9]|1[0-2]))(?!\d)
   |(?P<aring>\d{1,2})\s?-?\s?åring(?:ar|en|arna|ens)?\b
   |(?P<aringw>(?:noll|ett|en|två|tre|fyra|fem|sex|sju|åtta|nio|tio|elva|tolv|tretton|fjorton
       |femton|sexton|sjutton|arton|nitton|tjugo))-?åring(?:ar|en|arna|ens)?\b
   |(?P<num>\d{1,3}(?:(?:\ |\.)\d{3})+(?![\d])|\d+(?:[,.]\d{1,2})?(?!\d))
   |(?P<word>[a-zåäöéü]+(?:[-/][a-zåäöéü]+)*\.?)
   |(?P<punct>[,;.!?:()/&+=\[\]\n%])
    """,
    re.VERBOSE,
)
_ABBREVIATIONS_WITH_DOT = frozenset({"ca.", "inkl.", "resp.", "kl.", "st.", "bl.a.",
                                     "t.ex.", "vån.", "nr."})


_FIFTY_FIFTY = re.compile(r"\b50\s?/\s?50\b")
_ORDINAL = re.compile(r"\b(\d{1,2}):[ae]\b")
# ("första månaden" is a concept of its own: a new application)
_ORDINAL_WORDS = ("första", "andra", "tredje", "fjärde", "femte", "sjätte", "sjunde", "åttonde",
                  "nionde", "tionde", "elfte", "tolfte")
# "fjärde månaden i rad" → "4 månaden i rad"
_ORDINAL_MONTH = re.compile(r"\b(" + "|".join(_ORDINAL_WORDS[1:]) + r")(?=\s+mån)")
# "en son på ett år": "ett" is an age here, not an article
_ONE_YEAR = re.compile(r"\b(på|är|,|och|son|sonen|dotter|dottern|barn|bebis|bebisen)\s+ett år\b")
# Template lines filled with "none": "Medsökande: –", "Barn: inga hemmavarande", "Barn: 0"
_NONE = r"(?:-|ingen|inga|inget|nej|0|saknas|x)"
_NO_PARTNER = re.compile(r"\b(?:medsökande|medsök|sambo|partner|make/maka)\s*:\s*" + _NONE
                         + r"(?=\s*(?:\n|$|[.;,/]))")
_NO_CHILDREN = re.compile(r"\bbarn\s*:\s*(?:" + _NONE + r"(?=\s*(?:\n|$|[.;,/]))"
                          r"|inga hemmavarande|inga boende hemma|inga hemma)")
# "oktober tjugotjugofyra": a year said as two twenties → "oktober 2024"
_UNIT_WORDS = {"": 0, "ett": 1, "en": 1, "två": 2, "tre": 3, "fyra": 4, "fem": 5, "sex": 6,
               "sju": 7, "åtta": 8, "nio": 9}
_YEAR_WORDS = re.compile(r"\btjugo\s?tjugo(ett|en|två|tre|fyra|fem|sex|sju|åtta|nio)?\b")
# "hans son från ett tidigare förhållande är tre år": where the child comes from, not a fact
_FORMER = re.compile(r"\s*från (?:(?:ett|en|sitt|sin|hans|hennes|två|tre|olika) "
                     r"(?:tidigare|förra|annat|ett annat)|förra|det förra|tidigare) "
                     r"(?:förhållanden?|förhållandet|relation(?:er|en)?|äktenskap(?:et)?)")
# "ett och ett halvt (år)": one and a half
_AND_A_HALF = re.compile(r"\b(ett|två|tre|fyra|fem|sex|1|2|3|4|5|6) och ett halvt(?: år)?\b")
# "två söner 19 resp 15": ages of a list (amounts "6 800 resp 5 900" are read as resp)
_AGES_RESP = re.compile(r"\b(\d{1,2}) resp\.? (\d{1,2})\b(?! ?(?:\d|kr|kronor|dagar|dygn|mån))")
# "hyra 6750 → 6980": the new value after the arrow, the old one replaced
_ARROW = re.compile(r"(\d[\d .]*\d|\d)\s*(?:→|->|=>)\s*(\d[\d .]*\d|\d)")
# A bullet list of children, one per line: "4 barn:\n– 16 år, bor hemma\n– 7 år" → one list
# whose asides stay with their child: "4 barn: 16 år (bor hemma), 7 år"
_BULLET_AGE = re.compile(r"\n[ \t]*[-–•*][ \t]*(\d{1,2}(?![\d-]|[ \t]*åring)"
                         r"(?:[ \t]*(?:år|mån\w*))?)[ \t]*,?[ \t]*([^\n]*)")
# "5- och 3-åringen": two age nouns sharing one ending
_SHARED_ENDING = re.compile(r"\b(\d{1,2})-\s*(och|,|o)\s*(\d{1,2})-?(åring(?:en|ar|arna)?)")
_TIMES = re.compile(r"(?<=\d)\s*[x×*]\s*(?=\d)|\s[×*]\s")  # "1250x2", "1 250 * 2"
# "går i 3:an", "(6:an)": a school class, not an age ("(4:an förskola)" is the 4-year-old)
_SCHOOL_CLASS = re.compile(r"(\bi|\bgår)\s+(\d{1,2}):an\b|\((\d{1,2}):an\)")
_AGE_NOUN = re.compile(r"\b(\d{1,2}):ans?\b")  # "4:an förskola": the 4-year-old
# "barn 3,5 och 8": a comma between two small numbers without a space is a list, not a decimal
# "två barn: en på 3 och en på 8": a child of that age
_ONE_OF_AGE = re.compile(r"(\b(?:och|o)|[,:])\s+(?:en|ett)(?:\s+(?:kille|tjej|pojke|flicka|grabb|"
                         r"barn|unge))? på (\d{1,2})(?:\s+år)?\b"
                         r"(?!\s?(?:\d|kr|%|dag|dygn|mån|tim|vecka|veckor))")
# "son 10 varannan vecka / lön 13 200": a slash between spaces separates facts like a full stop
_SLASH_SEPARATOR = re.compile(r"\s+/\s+(?!(?:mån|månad|vecka|år\b|st\b|dag))")
# "tvillingar 4 år – båda på förskola o äter lunch där – och en 10-åring": an aside
_DASH_ASIDE = re.compile(r"(?<=\S) - ([^-\n()]{3,80}?) - (?=\S)")
# "de två äldsta (15 och 10)": the children of those ages
_THE_TWO = re.compile(r"\bde (?:två|2) (?:äldsta|yngsta|största|minsta|stora|små|äldre|yngre)"
                      r"\s*\(?(\d{1,2}) (?:och|o|,|&) (\d{1,2})\)?")
_TYPOS = re.compile(r"\b(" + "|".join(lexicon.TYPOS) + r")\b")
_AGE_LIST_COMMA = re.compile(r"(?<![\d,.])(\d{1,2}),(\d{1,2})(?=\s*(?:,|och|&|\+|$|\)))")


def _bullet(m: re.Match[str]) -> str:
    aside = m.group(2).strip().rstrip(",.;")
    return f", {m.group(1)}" + (f" ({aside})" if aside else "")


def normalise(text: str) -> str:
    """Lower case, one kind of space and dash; "50/50" → "varannan vecka"; "3,5 och 8" →
    "3, 5 och 8". The lengths of the text can change: spans refer to this normalised text."""
    text = _BULLET_AGE.sub(_bullet, text).replace(":,", ":")
    text = _ARROW.sub(r"\2, inte \1", text)
    text = (text.lower().replace("\u00a0", " ").replace("\u202f", " ").replace("–", "-")
            .replace("—", "-").replace("’", "'").replace(":-", " kr"))
    text = _TYPOS.sub(lambda m: lexicon.TYPOS[m.group(1)], text)
    text = _SLASH_SEPARATOR.sub(" ; ", text)
    text = _DASH_ASIDE.sub(r" (\1) ", text)
    text = _THE_TWO.sub(r"\1-åringen och \2-åringen", text)
    text = _FIFTY_FIFTY.sub("varannan vecka", text)
    text = _ONE_OF_AGE.sub(r"\1 en \2-åring", text)
    text = _SHARED_ENDING.sub(r"\1-åringen och \3-\4", text)
    text = _YEAR_WORDS.sub(lambda m: str(2020 + _UNIT_WORDS[m.group(1) or ""]), text)
    text = _FORMER.sub("", text)
    text = _AND_A_HALF.sub(lambda m: f"{_UNIT_WORDS.get(m.group(1), m.group(1))},5 år", text)
    text = _NO_PARTNER.sub("ensamstående", text)
    text = _NO_CHILDREN.sub("inga barn", text)
    text = _SCHOOL_CLASS.sub(lambda m: f"{m.group(1)} skolan" if m.group(1) else "(skolan)",
                             text)
    text = _AGE_NOUN.sub(r"\1-åringen", text)
    text = _ORDINAL_MONTH.sub(lambda m: str(_ORDINAL_WORDS.index(m.group(1)) + 1), text)
    text = _TIMES.sub(" x ", text)
    text = _AGES_RESP.sub(r"\1 och \2", text)
    text = _ONE_YEAR.sub(r"\1 1 år", text)
    text = _ORDINAL.sub(r"\1", text)  # "2:a månaden" → "2 månaden"
    while (spaced := _AGE_LIST_COMMA.sub(r"\1, \2", text)) != text:  # "4,7,9"
        text = spaced
    return text


def tokenize(text: str) -> list[Token]:
    """Numbers (with their multiplier), words and punctuation of the normalised text."""
    text = normalise(text)
    raw: list[Token] = []
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup
        s = m.group(kind)
        if kind == "num":
            raw.append(Token("num", s, parse_digits(s), start=m.start(), end=m.end()))
        elif kind == "aring":
            raw.append(Token("aring", m.group(0), Decimal(s), start=m.start(), end=m.end()))
        elif kind == "aringw":  # "sjuåringen", "tvååringen"
            value = 1 if s in ("en", "ett") else parse_number_word(s)
            raw.append(Token("aring", m.group(0), Decimal(value or 0), start=m.start(),
                             end=m.end()))
        elif kind == "word" and s.endswith(".") and s not in _ABBREVIATIONS_WITH_DOT:
            # a word at the end of a sentence: the word, then the full stop
            raw.append(Token("word", s[:-1], start=m.start(), end=m.end() - 1))
            raw.append(Token("punct", ".", start=m.end() - 1, end=m.end()))
        else:
            word = s.rstrip(".") if kind == "word" else s
            raw.append(Token(kind, word, start=m.start(), end=m.end()))  # type: ignore[arg-type]
    return _numbers_from_words(raw)


def _numbers_from_words(tokens: list[Token]) -> list[Token]:
    """Join number words ("sju tusen två hundra") and apply multipliers ("7,5 tusen")."""
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        t = tokens[i]
        if t.kind == "word" and _is_number_word(t.text, tokens, i):
            j = i
            words: list[str] = []
            while j < len(tokens) and tokens[j].kind == "word" and _is_number_part(tokens[j].text):
                words.append(tokens[j].text)
                j += 1
            value = parse_number_word("".join(words))
            if value is None:  # "sex tre": read the first word alone
                words, j = [t.text], i + 1
                value = parse_number_word(t.text)
            if value is not None:
                out.append(Token("num", " ".join(words), Decimal(value), start=t.start,
                                 end=tokens[j - 1].end))
                i = j
                continue
        if (tens := _and_tens(out, tokens, i)) is not None:  # "fyrahundra och femtio"
            last = out[-1]
            out[-1] = Token("num", f"{last.text} och {tens[1]}", last.value + tens[0],  # type: ignore[operator]
                            start=last.start, end=tokens[tens[2] - 1].end)
            i = tens[2]
            continue
        if (product := _product(tokens, i)) is not None:  # "bb 1 250 x 2" is 2 500
            out.append(Token("num", " ".join(x.text for x in tokens[i:i + 3]), product,
                             start=t.start, end=tokens[i + 2].end))
            i += 3
            continue
        if t.kind == "num" and i + 1 < len(tokens) and tokens[i + 1].kind == "word" \
                and tokens[i + 1].text in MULTIPLIERS and t.value is not None:
            out.append(Token("num", f"{t.text} {tokens[i + 1].text}",
                             t.value * MULTIPLIERS[tokens[i + 1].text], start=t.start,
                             end=tokens[i + 1].end))
            i += 2
            continue
        out.append(t)
        i += 1
    return out


def _and_tens(out: list[Token], tokens: list[Token], i: int) -> tuple[int, str, int] | None:
    """"fyrahundra och femtio", "8 200 och femtio": a round amount, "och" and tens in words
    are one amount. Returns (the tens, their words, the index after them), else None."""
    if not out or out[-1].kind != "num" or out[-1].value is None or out[-1].value < 100 \
            or out[-1].value % 100 or tokens[i].text != "och":
        return None
    j = i + 1
    words: list[str] = []
    while j < len(tokens) and tokens[j].kind == "word" and _is_number_part(tokens[j].text):
        words.append(tokens[j].text)
        j += 1
    value = parse_number_word("".join(words)) if words else None
    after = tokens[j] if j < len(tokens) else None
    if value is None or not 10 <= value <= 99 or (
            after is not None and after.kind == "word"
            and after.text not in ("kr", "kronor", "ungefär", "ca", "cirka", "typ", "sa")):
        return None  # "7 000 och två barn", "400 och femtio dagar": no amount
    return value, " ".join(words), j


def _product(tokens: list[Token], i: int) -> Decimal | None:
    """"1 250 x 2" or "2 x 1 250": an amount times a small count (2-12), else None."""
    if i + 2 >= len(tokens):
        return None
    a, times, b = tokens[i:i + 3]
    if a.kind != "num" or b.kind != "num" or times.text not in ("x", "gånger") \
            or a.value is None or b.value is None:
        return None
    small, large = sorted((a.value, b.value))
    if 2 <= small <= 12 and small == small.to_integral_value() and large >= 50:
        return small * large
    return None


def _is_number_part(word: str) -> bool:
    return word in ("en", "ett") or parse_number_word(word) is not None


def _is_number_word(word: str, tokens: list[Token], i: int) -> bool:
    if word in ("en", "ett"):  # an article unless a number word follows ("en tusen")
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        return bool(nxt and nxt.kind == "word" and nxt.text not in ("en", "ett")
                    and parse_number_word(nxt.text) is not None
                    and nxt.text.startswith(("tusen", "hundra")))
    return parse_number_word(word) is not None


def numbers_in(text: str) -> list[Decimal]:
    """Every number the grammar reads in ``text`` (used by the property tests)."""
    return [t.value for t in tokenize(text) if t.kind in ("num", "aring") and t.value is not None]


@cache
def _phrase_table() -> tuple[tuple[tuple[str, ...], str], ...]:
    table: list[tuple[tuple[str, ...], str]] = []
    for key, phrases in lexicon.COSTS.items():
        table += [(tuple(p.split()), f"cost:{key}") for p in phrases]
    for key, phrases in lexicon.INCOMES.items():
        table += [(tuple(p.split()), f"income:{key}") for p in phrases]
    for key, phrases in lexicon.CONCEPTS.items():
        table += [(tuple(p.split()), key) for p in phrases]
    table += [((name,), f"month:{number}") for name, number in lexicon.MONTHS.items()]
    return tuple(sorted(table, key=lambda entry: -len(entry[0])))


@cache
def _by_first_word() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    index: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for words, concept in _phrase_table():
        index.setdefault(words[0][:2], []).append((words, concept))
    return index


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1:] for i in range(len(word))}


@cache
def _typo_index() -> dict[str, str]:
    """One-word cost and income phrases of 7+ letters, by themselves and each one-letter
    deletion: a typed word within one edit ("sjukersätning", "underhållstöd") finds them."""
    index: dict[str, str] = {}
    for concept_kind, table in (("cost", lexicon.COSTS), ("income", lexicon.INCOMES)):
        for key, phrases in table.items():
            for phrase in phrases:
                if " " in phrase or len(phrase) < 4:
                    continue
                for form in {phrase, *_deletions(phrase)}:
                    index.setdefault(form, f"{concept_kind}:{key}")
    return index


def _typo_concept(word: str) -> str | None:
    """A word one edit from a cost/income word: 7+ letters any edit ("sjukersätning"), 5–6
    letters only one letter too many ("hyrra")."""
    if len(word) < 5 or word in lexicon_words():  # "föräldrar" is no typo of "föräldrap"
        return None
    index = _typo_index()
    if word in index and len(word) >= 6:  # a letter missing: "a-kasa", "sjukersätning"
        return index[word]
    for position, form in enumerate(word[:i] + word[i + 1:] for i in range(len(word))):
        if form not in index:
            continue
        # 5–6 letters: one letter too many ("hyrra" → "hyra") or one letter other at the same
        # place ("tjänat" → "tjänar"); "saker" is no "akers" (a letter less at each end)
        if len(word) >= 7 or form in _one_word_set() or (position, form) in _substitutions():
            return index[form]
    return None


@cache
def _one_word_set() -> frozenset[str]:
    return frozenset(phrase for table in (lexicon.COSTS, lexicon.INCOMES)
                     for phrases in table.values() for phrase in phrases if " " not in phrase)


@cache
def _substitutions() -> frozenset[tuple[int, str]]:
    return frozenset((i, phrase[:i] + phrase[i + 1:]) for phrase in _one_word_set()
                     for i in range(len(phrase)))


@cache
def _one_word_phrases() -> tuple[tuple[str, str], ...]:
    out = []
    for concept_kind, table in (("cost", lexicon.COSTS), ("income", lexicon.INCOMES)):
        for key, phrases in table.items():
            out += [(p, f"{concept_kind}:{key}") for p in phrases if " " not in p and len(p) >= 6]
    return tuple(out)


@cache
def lexicon_words() -> frozenset[str]:
    """Every word of every phrase the lexicon knows, and the fillers: never an abbreviation."""
    words: set[str] = set(lexicon.FILLERS_BEFORE_AMOUNT) | set(lexicon.FILLERS_AFTER_AMOUNT)
    for phrases in [*lexicon.COSTS.values(), *lexicon.INCOMES.values(),
                    *lexicon.CONCEPTS.values()]:
        for phrase in phrases:
            words.update(phrase.split())
    return frozenset(words)


def _abbreviation_concept(word: str) -> str | None:
    """A word cut short ("bostadsbid", "etableringsers", "elkostn") that begins exactly one
    kind of cost or income word of the lexicon: that kind. Five letters at least, and not a
    word the lexicon knows in its own right."""
    word = word.rstrip(".")
    if len(word) < 5 or word in lexicon_words():
        return None
    found = {concept for phrase, concept in _one_word_phrases()
             if phrase.startswith(word) and len(phrase) > len(word)}
    return found.pop() if len(found) == 1 else None


def _word_match(token: str, word: str) -> int:
    """2 for an exact match, 1 for the word plus an inflection suffix, 0 otherwise."""
    if token == word:
        return 2
    if len(word) >= 2 and token.startswith(word) and token[len(word):] in lexicon.SUFFIXES:
        # a two-letter word only in its definite forms ("elen"): "tror" is no "tr" (trappor)
        return 1 if len(word) > 2 or token[len(word):] in _SHORT_WORD_SUFFIXES else 0
    return 0


_SHORT_WORD_SUFFIXES = frozenset({"n", "en", "et", "t", "s", "ens", "ets"})


def tag_concepts(tokens: list[Token]) -> list[Token]:
    """Replace known phrases by concept tokens and number parts, clauses and brackets."""
    out: list[Token] = []
    i = 0
    index = _by_first_word()
    while i < len(tokens):
        best: tuple[int, int, str] | None = None  # (words, exactness, concept)
        first = tokens[i]
        candidates = index.get(first.text[:2], []) if first.kind in ("word", "punct") else []
        for words, concept in candidates:
            n = len(words)
            if i + n > len(tokens) or (best and n < best[0]):
                continue
            scores = [_word_match(tokens[i + k].text, words[k])
                      if tokens[i + k].kind in ("word", "punct") else 0 for k in range(n)]
            if all(scores):
                exact = min(scores)
                if best is None or (n, exact) > best[:2]:
                    best = (n, exact, concept)
        if best is None and first.kind == "word" and (
                typo := _typo_concept(first.text) or _abbreviation_concept(first.text)):
            best = (1, 1, typo)
        if best:
            n = best[0]
            text = " ".join(t.text for t in tokens[i:i + n])
            out.append(Token("concept", text, concept=best[2], start=tokens[i].start,
                             end=tokens[i + n - 1].end))
            i += n
        else:
            out.append(tokens[i])
            i += 1
    part = clause = depth = 0
    bracket = -1
    brackets = 0
    for t in out:
        if t.kind == "punct" and t.text in "([":
            depth += 1
            if depth == 1:
                bracket = brackets
                brackets += 1
        if t.kind == "punct" and depth == 0 and t.text not in ")]":
            clause += 1
            part += t.text in ".;!?\n"
        t.part, t.clause, t.depth, t.bracket = part, clause, depth, bracket if depth else -1
        if t.kind == "punct" and t.text in ")]":
            depth = max(0, depth - 1)
    return out


def read(text: str) -> list[Token]:
    return tag_concepts(tokenize(text))
