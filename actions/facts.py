"""Facts of a quick calculation, read from what a caseworker types, in any order.

No Rasa import. ``parse_facts(text)`` reads one message into a ``ParsedFacts`` (only what the
message says); ``merge(facts, parsed)`` applies it to the facts collected so far (a correction
overwrites); ``missing(facts)`` says what must still be asked; ``to_calculation_input`` builds
the calculator's input contract (calculation-rules.md section 7).

How a message is read:
1. Tokens: numbers (``actions/numbers.py``: "7 200", "7,5 tusen", "sju tusen"), "2026-03",
   "4-åring", words and punctuation.
2. Concepts: phrases from ``actions/lexicon.py`` (longest first, Swedish inflections allowed)
   replace their words: ``hyran`` → cost:housing, ``varannan vecka`` → alternate_week.
3. Rules, in this order; each number is used by at most one rule:
     date      := MONTH [YEAR] | "2026-03" | "år" YEAR
     children  := [COUNT] CHILD {filler} AGES [year_unit|month_unit] | N-åring | no_child
     AGES      := NUM {("," | "och" | "&") NUM}
     days      := alternate_week (15) | NUM day_unit | full_time (30) | part_time (ask)
     months    := NUM month_unit, in a sentence with support / job_stimulus words
     amount    := KEYWORD {filler} AMOUNT | AMOUNT {filler} KEYWORD       (costs, incomes, cap)
     negated   := negation KEYWORD                                          ("ingen el" = 0)
     adults    := single | couple | partner-word ; ages: ADULT-WORD [är|på] NUM year_unit
4. A number nothing claimed is read by what was asked (``expecting``): "4 och 9" when the
   children's ages were asked, "15" for days, "7" for months with support.
An amount in the result is always the value of a number written in the message.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Literal

from pydantic import BaseModel, Field

from actions import lexicon
from actions.numbers import MULTIPLIERS, parse_digits, parse_number_word, to_kronor

# What the form may be asking for (slot names of the calculation form).
Expecting = Literal[
    "calc_adults", "calc_children", "calc_children_days", "calc_in_school",
    "calc_support_months", "calc_confirmed",
] | None

ALTERNATE_WEEK_DAYS = 15  # "varannan vecka": half of the 30-day month (the divisor is 30)
FULL_MONTH_DAYS = 30
MAX_CHILD_AGE_READ = 99  # larger numbers after "barn" are not ages (validation asks again)

# --------------------------------------------------------------------------- tokens


@dataclass
class Token:
    kind: Literal["num", "word", "punct", "concept", "ym", "aring"]
    text: str
    value: Decimal | None = None
    concept: str | None = None
    used: bool = False
    # index of the sentence part (between . ; ? ! :) and of the clause (also between commas)
    part: int = 0
    clause: int = 0

    @property
    def is_int(self) -> bool:
        return self.value is not None and self.value == self.value.to_integral_value()


_TOKEN = re.compile(
    r"""
    (?P<ym>(?:19|20)\d{2}-(?:0[1-9]|1[0-2]))(?!\d)
   |(?P<aring>\d{1,2})-?åring(?:ar|en|arna)?\b
   |(?P<num>\d{1,3}(?:[ .]\d{3})+(?![\d])|\d+(?:[,.]\d{1,2})?(?!\d))
   |(?P<word>[a-zåäöéü]+(?:-[a-zåäöéü]+)*)
   |(?P<punct>[,;.!?:()/&+])
    """,
    re.VERBOSE,
)


def tokenize(text: str) -> list[Token]:
    """Numbers (with their multiplier), words and punctuation, lower-cased."""
    text = text.lower().replace("\u00a0", " ").replace("\u202f", " ").replace("–", "-")
    raw: list[Token] = []
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup
        s = m.group(kind)
        if kind == "num":
            raw.append(Token("num", s, parse_digits(s)))
        elif kind == "aring":
            raw.append(Token("aring", m.group(0), Decimal(s)))
        else:
            raw.append(Token(kind, s))  # type: ignore[arg-type]
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
                out.append(Token("num", " ".join(words), Decimal(value)))
                i = j
                continue
        if t.kind == "num" and i + 1 < len(tokens) and tokens[i + 1].kind == "word" \
                and tokens[i + 1].text in MULTIPLIERS and t.value is not None:
            out.append(Token("num", f"{t.text} {tokens[i + 1].text}",
                             t.value * MULTIPLIERS[tokens[i + 1].text]))
            i += 2
            continue
        out.append(t)
        i += 1
    return out


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


# --------------------------------------------------------------------------- concepts


def _phrase_table() -> list[tuple[tuple[str, ...], str]]:
    table: list[tuple[tuple[str, ...], str]] = []
    for key, phrases in lexicon.COSTS.items():
        table += [(tuple(p.split()), f"cost:{key}") for p in phrases]
    for key, phrases in lexicon.INCOMES.items():
        table += [(tuple(p.split()), f"income:{key}") for p in phrases]
    for key, phrases in lexicon.CONCEPTS.items():
        table += [(tuple(p.split()), key) for p in phrases]
    table += [((name,), f"month:{number}") for name, number in lexicon.MONTHS.items()]
    return sorted(table, key=lambda entry: -len(entry[0]))


_PHRASES = _phrase_table()


def _word_match(token: str, word: str) -> int:
    """2 for an exact match, 1 for the word plus an inflection suffix, 0 otherwise."""
    if token == word:
        return 2
    if token.startswith(word) and token[len(word):] in lexicon.SUFFIXES:
        return 1
    return 0


def tag_concepts(tokens: list[Token]) -> list[Token]:
    """Replace known phrases by concept tokens and number the sentence parts."""
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        best: tuple[int, int, str] | None = None  # (words, exactness, concept)
        for words, concept in _PHRASES:
            n = len(words)
            if i + n > len(tokens) or (best and n < best[0]):
                continue
            scores = [_word_match(tokens[i + k].text, words[k]) if tokens[i + k].kind == "word"
                      else 0 for k in range(n)]
            if all(scores):
                exact = min(scores)
                if best is None or (n, exact) > best[:2]:
                    best = (n, exact, concept)
        if best:
            n = best[0]
            text = " ".join(t.text for t in tokens[i:i + n])
            out.append(Token("concept", text, concept=best[2]))
            i += n
        else:
            out.append(tokens[i])
            i += 1
    part = clause = 0
    for t in out:
        if t.kind == "punct":
            clause += 1
            part += t.text != ","
        t.part, t.clause = part, clause
    return out


# --------------------------------------------------------------------------- parse result


@dataclass
class IncomeFact:
    type: str
    amount: int
    member: str = "applicant"


@dataclass
class ParsedFacts:
    """What one message says. None / empty means "not said"."""

    year: int | None = None
    month: int | None = None
    adults: int | None = None
    applicant_age: int | None = None
    partner_age: int | None = None
    child_ages: list[int | None] | None = None  # named children (None = age not given)
    child_count: int | None = None
    referenced_ages: list[int] = field(default_factory=list)  # "3-åringen", "19-åringen"
    no_children: bool = False
    days: int | None = None
    part_time: bool = False
    lunch: bool | None = None
    in_school: bool | None = None
    costs: dict[str, int] = field(default_factory=dict)
    incomes: list[IncomeFact] = field(default_factory=list)
    no_income_types: list[str] = field(default_factory=list)
    no_incomes: bool = False
    housing_cap: int | None = None
    consecutive_months_with_support: int | None = None
    job_stimulus_months_used: int | None = None
    shared_household_members: int | None = None

    def is_empty(self) -> bool:
        return self == ParsedFacts()

    def amounts(self) -> list[int]:
        """Every amount in kronor this parse produced (for the never-invent property)."""
        out = [v for v in self.costs.values() if v]
        out += [i.amount for i in self.incomes]
        if self.housing_cap is not None:
            out.append(self.housing_cap)
        return out


def parse_facts(text: str, expecting: Expecting = None,
                today: dt.date | None = None) -> ParsedFacts:
    """Read the facts one message states. Never raises on any text."""
    tokens = tag_concepts(tokenize(text))
    p = ParsedFacts()
    today = today or dt.date.today()
    _read_dates(tokens, p, today)
    _read_children(tokens, p)
    _read_days(tokens, p)
    _read_months(tokens, p, expecting)
    _read_shared_household(tokens, p)
    _read_adults(tokens, p)
    _read_amounts(tokens, p)
    _read_negations(tokens, p)
    _read_flags(tokens, p)
    _read_expected(tokens, p, expecting)
    return p


def _concept(t: Token | None, *prefixes: str) -> bool:
    return bool(t and t.kind == "concept" and t.concept
                and any(t.concept == x or t.concept.startswith(x + ":") for x in prefixes))


def _free_int(t: Token | None, maximum: int | None = None) -> bool:
    return bool(t and t.kind == "num" and not t.used and t.is_int
                and (maximum is None or t.value <= maximum))


def _at(tokens: list[Token], i: int) -> Token | None:
    return tokens[i] if 0 <= i < len(tokens) else None


def _part_has(tokens: list[Token], part: int, *concepts: str) -> bool:
    return any(t.part == part and _concept(t, *concepts) for t in tokens)


def _read_dates(tokens: list[Token], p: ParsedFacts, today: dt.date) -> None:
    for i, t in enumerate(tokens):
        if t.kind == "ym":
            year, month = t.text.split("-")
            p.year, p.month = int(year), int(month)
            t.used = True
        elif _concept(t, "month"):
            p.month = int(t.concept.split(":")[1])
            nxt = _at(tokens, i + 1)
            if _free_int(nxt) and 1990 <= nxt.value <= 2100:
                p.year = int(nxt.value)
                nxt.used = True
        elif _concept(t, "year_unit") or (t.kind == "word" and t.text in ("för", "under")):
            nxt = _at(tokens, i + 1)
            if _free_int(nxt) and 1990 <= nxt.value <= 2100 and nxt.text.isdigit():
                p.year = int(nxt.value)
                nxt.used = True
    if p.month is not None and p.year is None:
        p.year = today.year


def _read_age_list(tokens: list[Token], i: int) -> tuple[list[int | None], int]:
    """Ages starting at tokens[i]: "4 och 9 år", "4, 9 och 12", "6 månader" (→ 0)."""
    ages: list[int | None] = []
    j = i
    while _free_int(_at(tokens, j), MAX_CHILD_AGE_READ):
        ages.append(int(tokens[j].value))
        tokens[j].used = True
        j += 1
        unit = _at(tokens, j)
        if _concept(unit, "month_unit"):
            ages[-1] = 0
            unit.used = True
            j += 1
        elif _concept(unit, "year_unit"):
            unit.used = True
            j += 1
        sep = _at(tokens, j)
        if sep and (sep.text in lexicon.LIST_SEPARATORS) \
                and _free_int(_at(tokens, j + 1), MAX_CHILD_AGE_READ) \
                and not _concept(_at(tokens, j + 2), "day_unit", "persons") \
                and not (_at(tokens, j + 2) and _at(tokens, j + 2).kind == "concept"
                         and (_at(tokens, j + 2).concept or "").startswith(("cost", "income"))):
            sep.used = True
            j += 1
            continue
        break
    return ages, j


def _read_children(tokens: list[Token], p: ParsedFacts) -> None:
    named: list[int | None] = []
    count: int | None = None
    for i, t in enumerate(tokens):
        if _concept(t, "no_child"):
            p.no_children = True
        elif t.kind == "aring" and not t.used:
            if t.text.endswith(("en", "arna")):  # "3-åringen": a child already named
                p.referenced_ages.append(int(t.value))
            else:  # "en 4-åring": a child
                named.append(int(t.value))
            t.used = True
        elif _concept(t, "child"):
            before = _at(tokens, i - 1)
            if _free_int(before, 20):
                count = (count or 0) + int(before.value)
                before.used = True
            elif before and before.kind == "word" and before.text in ("ett", "en"):
                count = (count or 0) + 1
            j = i + 1
            while (nxt := _at(tokens, j)) and (nxt.text in lexicon.CHILD_AGE_FILLERS
                                               or nxt.text == ","):
                j += 1
            ages, _ = _read_age_list(tokens, j)
            named += ages
    if named:
        if count is not None and count > len(named):
            named += [None] * (count - len(named))
        p.child_ages = named
    elif count is not None:
        p.child_count = count


def _read_days(tokens: list[Token], p: ParsedFacts) -> None:
    for i, t in enumerate(tokens):
        if _concept(t, "alternate_week"):
            p.days, p.part_time = ALTERNATE_WEEK_DAYS, True
        elif _concept(t, "full_time"):
            p.days = FULL_MONTH_DAYS
        elif _concept(t, "part_time"):
            p.part_time = True
        elif _concept(t, "day_unit"):
            before = _at(tokens, i - 1)
            if _free_int(before):
                p.days = int(before.value)
                before.used = True
                p.part_time = p.part_time or p.days < FULL_MONTH_DAYS


def _read_months(tokens: list[Token], p: ParsedFacts, expecting: Expecting) -> None:
    for i, t in enumerate(tokens):
        if _concept(t, "new_application"):
            p.consecutive_months_with_support = 0
        if not _concept(t, "month_unit"):
            continue
        before = _at(tokens, i - 1)
        if not _free_int(before):
            continue
        topic = _nearest_topic(tokens, i)
        if topic == "job_stimulus":
            p.job_stimulus_months_used = int(before.value)
        elif topic == "support" or expecting == "calc_support_months":
            p.consecutive_months_with_support = int(before.value)
        else:
            continue
        before.used = True
        t.used = True


def _nearest_topic(tokens: list[Token], i: int) -> str | None:
    """support or job_stimulus: the nearest such word in the sentence, before it first."""
    part = tokens[i].part
    before = [t for t in tokens[:i] if t.part == part][::-1]
    after = [t for t in tokens[i + 1:] if t.part == part]
    for t in [*before, *after]:
        if _concept(t, "job_stimulus", "support"):
            return t.concept
    return None


def _read_shared_household(tokens: list[Token], p: ParsedFacts) -> None:
    for i, t in enumerate(tokens):
        if _concept(t, "persons") and _part_has(tokens, t.part, "shared_household"):
            before = _at(tokens, i - 1)
            if _free_int(before, 100):
                p.shared_household_members = int(before.value)
                before.used = True


def _read_adults(tokens: list[Token], p: ParsedFacts) -> None:
    for i, t in enumerate(tokens):
        before = _at(tokens, i - 1)
        if _concept(t, "adult_word") and _free_int(before) and before.value in (1, 2):
            p.adults = int(before.value)  # "två vuxna"
            before.used = True
        if _concept(t, "single"):
            p.adults = 1 if p.adults is None else p.adults
        elif _concept(t, "couple", "partner"):
            p.adults = 2
        if _concept(t, "single", "applicant", "partner", "couple"):
            j = i + 1
            while (nxt := _at(tokens, j)) and nxt.kind == "word" and nxt.text in ("är", "på"):
                j += 1
            num, unit = _at(tokens, j), _at(tokens, j + 1)
            if _free_int(num, 120) and _concept(unit, "year_unit"):
                if _concept(t, "partner"):
                    p.partner_age = int(num.value)
                elif _concept(t, "couple") and p.applicant_age is not None:
                    p.partner_age = int(num.value)
                else:
                    p.applicant_age = int(num.value)
                num.used = unit.used = True


def _is_amount_target(t: Token | None) -> bool:
    return _concept(t, "cost", "income", "cap")


def _followed_by_unit(tokens: list[Token], j: int) -> bool:
    return _concept(_at(tokens, j + 1), "year_unit", "month_unit", "day_unit", "persons")


def _amount_of(t: Token) -> int:
    return to_kronor(t.value)


def _store_amount(tokens: list[Token], target: Token, num: Token, p: ParsedFacts) -> None:
    concept = target.concept or ""
    kind, _, key = concept.partition(":")
    amount = _amount_of(num)
    if kind == "cost":
        p.costs[key] = amount
    elif kind == "cap":
        p.housing_cap = amount
    else:
        member = _member_for(tokens, target)
        p.incomes = [i for i in p.incomes if not (i.type == key and i.member == member)]
        p.incomes.append(IncomeFact(key, amount, member))
    num.used = True
    target.used = True


def _member_for(tokens: list[Token], target: Token) -> str:
    """Whose income: the nearest person word before it in the clause, else after it."""
    i = tokens.index(target)
    same = [t for t in tokens if t.clause == target.clause]
    before = [t for t in same if tokens.index(t) < i][::-1]
    after = [t for t in same if tokens.index(t) > i]
    for t in [*before, *after]:
        if _concept(t, "partner"):
            return "partner"
        if _concept(t, "applicant"):
            return "applicant"
    return "applicant"


def _free_amount(t: Token | None) -> bool:
    return bool(t and t.kind == "num" and not t.used and t.value is not None)


def _read_amounts(tokens: list[Token], p: ParsedFacts) -> None:
    # KEYWORD {filler} AMOUNT
    for i, t in enumerate(tokens):
        if not _is_amount_target(t):
            continue
        j = i + 1
        while (nxt := _at(tokens, j)) and nxt.kind in ("word", "punct") \
                and nxt.text in lexicon.FILLERS_BEFORE_AMOUNT and j - i <= 5:
            j += 1
        if _free_amount(_at(tokens, j)) and not _followed_by_unit(tokens, j):
            _store_amount(tokens, t, tokens[j], p)
    # AMOUNT {filler} KEYWORD
    for i, t in enumerate(tokens):
        if not _free_amount(t) or _followed_by_unit(tokens, i):
            continue
        j = i + 1
        while (nxt := _at(tokens, j)) and nxt.kind in ("word", "punct") \
                and nxt.text in lexicon.FILLERS_AFTER_AMOUNT and j - i <= 4:
            j += 1
        target = _at(tokens, j)
        if _is_amount_target(target) and not target.used:
            _store_amount(tokens, target, t, p)


def _read_negations(tokens: list[Token], p: ParsedFacts) -> None:
    for i, t in enumerate(tokens):
        if _concept(t, "no_income"):
            p.no_incomes = True
        if not _concept(t, "negation"):
            continue
        target = _at(tokens, i + 1)
        if not _is_amount_target(target) or target.used:
            continue
        kind, _, key = (target.concept or "").partition(":")
        if kind == "cost":
            p.costs[key] = 0
        elif kind == "income":
            p.no_income_types.append(key)
        target.used = True


def _read_flags(tokens: list[Token], p: ParsedFacts) -> None:
    for i, t in enumerate(tokens):
        negated = _concept(_at(tokens, i - 1), "negation")
        if _concept(t, "lunch"):
            p.lunch = not negated
        elif _concept(t, "in_school"):
            p.in_school = not negated


_YES_NO_WORDS = {"nej": False, "inga": False, "inget": False, "ingen": False}


def _read_expected(tokens: list[Token], p: ParsedFacts, expecting: Expecting) -> None:
    free = [t for t in tokens if _free_int(t)]
    words = {t.text for t in tokens if t.kind in ("word", "concept")}
    if expecting == "calc_children" and p.child_ages is None and p.child_count is None:
        if free and all(t.value <= MAX_CHILD_AGE_READ for t in free):
            ages, _ = _read_age_list(tokens, tokens.index(free[0]))
            if ages:
                p.child_ages = ages
        elif words & {"nej", "inga", "inget", "ingen"}:
            p.no_children = True
    elif expecting == "calc_children_days" and p.days is None and free:
        p.days = int(free[0].value)
        p.part_time = p.days < FULL_MONTH_DAYS
        free[0].used = True
    elif expecting == "calc_support_months" and p.consecutive_months_with_support is None:
        if free:
            p.consecutive_months_with_support = int(free[0].value)
            free[0].used = True
        elif words & {"nej", "inga", "ingen", "ny"}:
            p.consecutive_months_with_support = 0
    elif expecting == "calc_adults" and p.adults is None:
        if free and free[0].value in (1, 2):
            p.adults = int(free[0].value)
            free[0].used = True
        elif words & {"en", "ett"}:
            p.adults = 1


QUESTION_WORDS = frozenset({
    "vad", "hur", "när", "varför", "vem", "vilka", "vilken", "vilket", "får", "kan", "ska",
    "räknas", "ingår", "gäller", "finns", "måste", "bör", "är", "menas",
})


def looks_like_question(text: str) -> bool:
    """A question mark, or a first word that starts a Swedish question."""
    words = text.strip().lower().split()
    return text.strip().endswith("?") or bool(words and words[0].strip(",.:") in QUESTION_WORDS)


# --------------------------------------------------------------------------- collected facts


class ChildFacts(BaseModel):
    age: int | None = None
    days: int | None = None  # None = the whole month unless part_time
    part_time: bool = False
    lunch_at_preschool: bool | None = None
    in_school: bool | None = None


class IncomeEntry(BaseModel):
    type: str
    amount: int
    member: str = "applicant"


class Facts(BaseModel):
    """Everything collected so far in one calculation (the slot ``facts``)."""

    year: int | None = None
    month: int | None = None
    adults: int | None = None
    applicant_age: int | None = None
    partner_age: int | None = None
    children: list[ChildFacts] | None = None  # None = not yet known; [] = no children
    children_expected: bool = False  # "ja" to "Finns det barn?": ask for their ages
    costs: dict[str, int] = Field(default_factory=dict)
    incomes: list[IncomeEntry] = Field(default_factory=list)
    no_incomes: bool = False
    housing_cap: int | None = None
    consecutive_months_with_support: int | None = None
    job_stimulus_months_used: int | None = None
    shared_household_members: int | None = None

    @classmethod
    def from_slot(cls, value: Any) -> Facts:
        if not isinstance(value, dict):
            return cls()
        try:
            return cls.model_validate(value)
        except ValueError:
            return cls()

    def to_slot(self) -> dict[str, Any]:
        return self.model_dump(mode="json")

    def has_salary(self) -> bool:
        return any(i.type == "salary" and i.amount > 0 and i.member in ("applicant", "partner")
                   for i in self.incomes)


def merge(facts: Facts, p: ParsedFacts) -> Facts:
    """The facts after a message: what it says replaces what was known."""
    f = facts.model_copy(deep=True)
    for name in ("year", "month", "adults", "applicant_age", "partner_age", "housing_cap",
                 "consecutive_months_with_support", "job_stimulus_months_used",
                 "shared_household_members"):
        value = getattr(p, name)
        if value is not None:
            setattr(f, name, value)
    if p.partner_age is not None:
        f.adults = 2
    _merge_children(f, p)
    f.costs.update(p.costs)
    if p.no_incomes:
        f.incomes, f.no_incomes = [], True
    for key in p.no_income_types:
        f.incomes = [i for i in f.incomes if i.type != key]
    for inc in p.incomes:
        f.incomes = [i for i in f.incomes if not (i.type == inc.type and i.member == inc.member)]
        f.incomes.append(IncomeEntry(type=inc.type, amount=inc.amount, member=inc.member))
        f.no_incomes = False
    return f


def _merge_children(f: Facts, p: ParsedFacts) -> None:
    touched: list[ChildFacts] = []
    if p.no_children:
        f.children = []
    if p.child_ages is not None:
        old = f.children or []
        old_ages = [c.age for c in old]
        unknown = [c for c in old if c.age is None]
        if unknown and len(p.child_ages) == len(unknown) < len(old):
            # "det är tre barn" then "12": the age of the child that was missing
            for child, age in zip(unknown, p.child_ages, strict=True):
                child.age = age
            touched = unknown
        elif old and len(p.child_ages) < len(old) and all(a in old_ages for a in p.child_ages):
            # "barnet på 4 år är här varannan vecka": a reference to known children
            remaining = list(old)
            for age in p.child_ages:
                child = next(c for c in remaining if c.age == age)
                remaining.remove(child)
                touched.append(child)
        else:
            f.children = [ChildFacts(age=a) for a in p.child_ages]
            touched = list(f.children)
    elif p.child_count is not None:
        children = list(f.children or [])
        if p.child_count >= len(children):
            children += [ChildFacts() for _ in range(p.child_count - len(children))]
        else:
            known = [c for c in children if c.age is not None]
            unknown = [c for c in children if c.age is None]
            children = (known + unknown)[:p.child_count]
        f.children = children
    children = f.children or []
    if p.referenced_ages:
        touched = [c for c in children if c.age in p.referenced_ages] or touched
    if p.days is not None or p.part_time:
        targets = touched or [c for c in children if c.part_time and c.days is None] or children
        for c in targets:
            if p.days is not None:
                c.days = p.days
                c.part_time = p.days < FULL_MONTH_DAYS
            else:
                c.part_time, c.days = True, None
    if p.lunch is not None:
        pool = touched or children
        for c in pool:
            if c.age is not None and c.age <= 6:
                c.lunch_at_preschool = p.lunch
    if p.in_school is not None:
        for c in touched or children:
            if c.age is not None and c.age >= 19:
                c.in_school = p.in_school


SCHOOL_AGE_FROM = 19  # mirrors the calculator's skolungdom_fran_alder (asked, not computed)
CHILD_MAX_AGE = 20


def missing(facts: Facts) -> list[str]:
    """The facts still to ask for, in the order they are asked."""
    out: list[str] = []
    if facts.adults is None:
        out.append("calc_adults")
    if facts.children is None or any(c.age is None for c in facts.children):
        out.append("calc_children")
    children = facts.children or []
    if any(c.part_time and c.days is None for c in children):
        out.append("calc_children_days")
    if any(c.age is not None and SCHOOL_AGE_FROM <= c.age <= CHILD_MAX_AGE
           and c.in_school is None for c in children):
        out.append("calc_in_school")
    if facts.has_salary() and facts.consecutive_months_with_support is None:
        out.append("calc_support_months")
    return out


def calculation_month(facts: Facts, today: dt.date) -> tuple[int, int]:
    return (facts.year or today.year, facts.month or today.month)


def to_calculation_input(facts: Facts, today: dt.date, adult_age: int) -> dict[str, Any]:
    """The calculator's input contract. ``adult_age`` stands in for an adult age not given."""
    year, month = calculation_month(facts, today)
    adults = [{"role": "applicant", "age": facts.applicant_age or adult_age}]
    if (facts.adults or 1) >= 2:
        adults.append({"role": "partner", "age": facts.partner_age or adult_age})
    children = []
    for c in facts.children or []:
        child: dict[str, Any] = {"age": c.age, "days": c.days or FULL_MONTH_DAYS}
        if c.lunch_at_preschool is not None:
            child["lunch_at_preschool"] = c.lunch_at_preschool
        if c.in_school is not None:
            child["in_school"] = c.in_school
        children.append(child)
    return {
        "year": year,
        "month": month,
        "household": {"adults": adults, "children": children,
                      "shared_household_members": facts.shared_household_members},
        "costs": {k: facts.costs.get(k, 0) for k in (
            "housing", "electricity", "work_travel", "home_insurance", "union_fee",
            "unemployment_fund")},
        "housing_cap": {"amount": facts.housing_cap} if facts.housing_cap is not None else None,
        "incomes": [i.model_dump() for i in facts.incomes if i.amount > 0],
        "consecutive_months_with_support": facts.consecutive_months_with_support or 0,
        "job_stimulus_months_used": facts.job_stimulus_months_used or 0,
    }


def check(new: Facts, old: Facts, years: tuple[int, ...]) -> tuple[Facts, list[str]]:
    """Refuse impossible values: keep the old value and say why, with a clear question."""
    fixed = new.model_copy(deep=True)
    problems: list[str] = []
    too_old = [c.age for c in fixed.children or [] if c.age is not None and c.age > CHILD_MAX_AGE]
    if too_old:
        fixed.children = old.children
        problems.append(
            f"Barn räknas i hushållet till och med {CHILD_MAX_AGE} år, men jag fick "
            f"{', '.join(str(a) for a in too_old)} år. En äldre person söker själv som vuxen. "
            "Hur gamla är barnen?")
    bad_days = [c.days for c in fixed.children or []
                if c.days is not None and not 1 <= c.days <= FULL_MONTH_DAYS]
    if bad_days:
        fixed.children = old.children
        problems.append(
            f"Antal dagar måste vara mellan 1 och {FULL_MONTH_DAYS}, men jag fick {bad_days[0]}. "
            "Hur många dagar per månad bor barnet hos den sökande?")
    if fixed.year is not None and years and fixed.year not in years:
        problems.append(
            f"Jag har belopp för åren {years[0]}–{years[-1]}, inte för {fixed.year}. "
            "Vilken månad gäller beräkningen (t.ex. \"mars 2026\")?")
        fixed.year, fixed.month = old.year, old.month
    if fixed.shared_household_members is not None and fixed.shared_household_members < 2:
        problems.append("En hushållsgemenskap har minst två personer. Hur många bor i hushållet?")
        fixed.shared_household_members = old.shared_household_members
    return fixed, problems
