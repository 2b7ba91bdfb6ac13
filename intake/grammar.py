"""The grammar: one message → what it says about each member of the household.

``parse_message(text, expecting, today, known)`` never raises. It reads, in this order, and
each number is used by at most one rule:

  date       := MONTH [YEAR] | "2026-03" | "år" YEAR
  noise      := "kl" NUM | NUM "rok" | "lgh" NUM …     (quoted back as not read, never a fact)
  children   := [COUNT] CHILD {filler} AGES | N-åring | CHILD-REF [är NUM år [, inte NUM]]
  AGES       := AGE {aside} {SEP AGE {aside}}          aside := "( … )" | "som …" up to the next AGE
  AGE        := NUM [år | NUM månader → NUM // 12]
  persons    := subject words (hon, han, sambon, sonen, 16-åringen, båda …) mark whose facts follow
  days/lunch/school := attach to the person (child, list of children) whose words they stand in
  amounts    := KEYWORD {filler | aside | person} NUM | NUM {filler} KEYWORD
              | KEYWORD NUM resp NUM      (in the order the persons were named)
              | PERSON NUM                (last KEYWORD of the sentence: "hon 9 400, han 12 100")
              | KEYWORD … NUM             (later in the sentence: "hyran var fel, den är 6 900")
  old value  := "inte" NUM | "istället för" NUM       (the corrected value: read, not used)
  negation   := "ingen"/"inte" KEYWORD | KEYWORD "ingår"          ("ingen el" → 0)
  removal    := "ta bort" KEYWORD | CHILD "flyttar ut"
  answer     := a bare number read by what the assistant asked (``expecting``)

Whatever number is left is quoted in ``unread``: the summary shows it as "inte tolkat".
An amount in the result is always the value of a number written in the message.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Literal

from calculator.engine import kr
from intake import ages, lexicon
from intake.limits import limits
from intake.names import Name, could_be_name, put_roles
from intake.numbers import to_kronor
from intake.tokens import Token, normalise, read

Expecting = Literal[
    "calc_adults", "calc_children", "calc_children_days", "calc_in_school",
    "calc_household_size", "calc_support_months", "calc_confirmed",
] | None

MAX_AGE_READ = 99  # larger numbers after "barn" are not ages (the check asks again for 21–99)
Sex = Literal["f", "m"]
PREPOSITIONS = frozenset({"hos", "med", "till", "av", "för", "åt", "från", "om", "på"})
YES_WORDS = frozenset({"ja", "japp", "jo", "jepp", "stämmer", "korrekt", "precis"})
NO_WORDS = frozenset({"nej", "nä", "nope", "inga", "inget", "ingen"})


# --------------------------------------------------------------------------- result


@dataclass
class ChildMention:
    """A child the message names or refers to."""

    age: int | None = None
    ref: str | None = None  # None: a child of a list; else "youngest", "oldest", "age:16", …
    new: bool = True  # a child of the household named here (not a reference to one known)
    sex: Literal["son", "dotter"] | None = None
    days: int | None = None
    part_time: bool = False
    lunch: bool | None = None
    in_school: bool | None = None
    removed: bool = False
    placeholder: bool = False  # "tre barn" before the children are named one by one


@dataclass
class IncomeFact:
    type: str
    amount: int
    member: str = "applicant"  # "applicant", "partner" or "child" (then ``child`` is set)
    child: int | None = None  # index into ParsedFacts.children
    earned_earlier_this_year: int | None = None
    also: bool = False  # "för honom kommer också underhållsstöd 787": added to what is known


@dataclass
class ParsedFacts:
    """What one message says. None / empty means "not said"."""

    year: int | None = None
    month: int | None = None
    adults: int | None = None
    applicant_age: int | None = None
    partner_age: int | None = None
    applicant_sex: Sex | None = None
    partner_sex: Sex | None = None
    children: list[ChildMention] = field(default_factory=list)
    child_count: int | None = None
    no_children: bool = False
    children_mentioned: bool = False  # "med barn", "barnen" with no count or age
    parent_named: bool = False  # the applicant named as "mamma"/"pappa"
    pending_target: str | None = None  # "hyresbeloppet stämmer inte": the amount comes next
    # a child attribute with no child named in the message: for the children already known
    days: int | None = None
    part_time: bool = False
    lunch: bool | None = None
    in_school: bool | None = None
    costs: dict[str, int] = field(default_factory=dict)
    removed_costs: list[str] = field(default_factory=list)
    incomes: list[IncomeFact] = field(default_factory=list)
    no_income_types: list[tuple[str, str | None]] = field(default_factory=list)  # (type, member)
    no_incomes: bool = False
    # "det är inte a-kassa, det är sjukpenning, samma belopp": (old type or None for the one
    # income of that person, new type, member or None)
    retyped: list[tuple[str | None, str, str | None]] = field(default_factory=list)
    housing_cap: int | None = None
    no_housing_cap: bool = False
    consecutive_months_with_support: int | None = None
    job_stimulus_months_used: int | None = None
    shared_household_members: int | None = None
    shared_household: bool = False  # the hushållsgemenskap rule is named
    household_size: int | None = None  # "4 i hushållet" said outside that rule
    lives_with_parents: bool = False  # the hushållsgemenskap words, said of a (grown) child
    yes: bool = False
    no: bool = False
    unread: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # said aloud in the summary
    names: list[Name] = field(default_factory=list)  # first names learnt from this message
    replaced: list[str] = field(default_factory=list)  # "inte 9 200": the value corrected
    replaced_values: list[int] = field(default_factory=list)  # 9200
    group_sizes: list[int] = field(default_factory=list)  # "de två yngre": children named again
    # "de är inte sambor längre …, räkna bara henne och barnen": the sex of the adult who stays
    stays: Sex | None = None

    def is_empty(self) -> bool:
        """Nothing read (a yes/no alone, or words without facts)."""
        blank = ParsedFacts(yes=self.yes, no=self.no, unread=self.unread, notes=self.notes,
                            replaced=self.replaced, names=self.names,
                            replaced_values=self.replaced_values)
        return self == blank

    def amounts(self) -> list[int]:
        """Every amount in kronor this parse produced (for the never-invent property)."""
        out = [v for v in self.costs.values() if v]
        out += [i.amount for i in self.incomes]
        out += [i.earned_earlier_this_year for i in self.incomes
                if i.earned_earlier_this_year]
        if self.housing_cap is not None:
            out.append(self.housing_cap)
        return out


@dataclass
class Known:
    """What the conversation already knows, to resolve "hon", "sonen", "yngsta"."""

    applicant_sex: Sex | None = None
    partner_sex: Sex | None = None
    adults: int | None = None
    child_sexes: tuple[str | None, ...] = ()
    child_ages: tuple[int | None, ...] = ()
    child_with_salary: int | None = None  # index of the one child with a salary, if one
    pending_target: str | None = None  # a fact said to be wrong, its amount not yet given
    shared: bool = False  # a hushållsgemenskap is known
    names: tuple[Name, ...] = ()  # first names typed so far, with the role each stands for
    year: int | None = None  # the year and month computed, when said before
    month: int | None = None


# --------------------------------------------------------------------------- helpers


def _at(tokens: list[Token], i: int) -> Token | None:
    return tokens[i] if 0 <= i < len(tokens) else None


def _c(t: Token | None, *names: str) -> bool:
    return bool(t and t.is_concept(*names))


def _free_num(t: Token | None, maximum: int | None = None) -> bool:
    return bool(t and t.kind == "num" and not t.used and t.value is not None
                and (maximum is None or t.value <= maximum))


def _free_int(t: Token | None, maximum: int | None = None) -> bool:
    return _free_num(t, maximum) and t.is_int  # type: ignore[union-attr]


def _word(t: Token | None, *words: str) -> bool:
    return bool(t and t.kind in ("word", "punct") and t.text in words)


_AFTER_KR = re.compile(r"^\s*(?:kr|kronor|:-)?\s*")


def _names_akassa(t: Token) -> bool:
    """The bare word for the unemployment fund ("a-kassa", "akassan", "ak"), which names the
    benefit or, with a small amount, the fee."""
    return t.text.startswith(("a-kass", "akass", "a kass")) or t.text == "ak"


def _is_target(t: Token | None) -> bool:
    return _c(t, "cost", "income", "cap")


def _unit_after(tokens: list[Token], i: int) -> bool:
    """The number at i is followed by a unit that makes it no amount."""
    return _c(_at(tokens, i + 1), "year_unit", "month_unit", "day_unit", "persons",
              "earlier_this_year", "noise", "percent", "week_days")


class _Reader:
    def __init__(self, text: str, expecting: Expecting, today: dt.date, known: Known):
        self.normalised = normalise(text)  # the tokens' spans refer to this text
        self.tokens = read(text)
        self.expecting = expecting
        self.today = today
        self.known = known
        self.p = ParsedFacts()
        self.lim = limits()
        # who the words at each token are about: ("applicant"|"partner"|"both"|"child"
        # |"children", child indices) — filled by fill_owners()
        self.owner: list[tuple[str, tuple[int, ...]] | None] = [None] * len(self.tokens)
        self.subject_child: set[int] = set()  # child mentions named by a role word
        self.mentions: list[tuple[int, str, tuple[int, ...]]] = []  # (token index, kind, kids)
        self.stored: dict[tuple, int] = {}  # fact → token index of the amount stored for it
        self.amount_at: dict[int, tuple[Token, tuple[str, int | None]]] = {}  # amount → fact
        self.pending_earlier: list[tuple[int, int]] = []  # (child, earned earlier this year)
        self.summed: dict[tuple, list[int]] = {}  # a fee of two persons → its first amounts

    # ------------------------------------------------------------------ dates and noise

    def dates(self) -> None:
        tokens, p = self.tokens, self.p
        for i, t in enumerate(tokens):
            if t.kind == "ym":
                year, month = t.text.split("-")
                p.year, p.month = int(year), int(month)
                t.used = True
            elif _c(t, "month"):
                prev = _at(tokens, i - 1)
                if _c(prev, "negation", "correction_old"):  # "avser december 2025, inte januari"
                    t.used = True
                    nxt = _at(tokens, i + 1)
                    last = i + 1 if _free_int(nxt) and 1990 <= nxt.value <= 2100 else i  # type: ignore[union-attr,operator]
                    for x in tokens[i:last + 1]:
                        x.used = True
                    p.replaced.append(self.quote(i - 1, last))
                    continue
                if _c(prev, "since"):
                    nxt = _at(tokens, i + 1)
                    if nxt is not None and nxt.kind == "num":
                        nxt.concept = "since_year"  # "sedan jan 2025": no year computed
                    continue  # "bistånd sedan juni": read by months(), not the month computed
                if not self._names_the_month(i):
                    continue  # "hon flyttade in i oktober", "den kom i juni": no calculation
                p.month = int((t.concept or "").split(":")[1])
                t.used = True
                nxt = _at(tokens, i + 1)
                after = _at(tokens, i + 2)
                last_year = (_word(nxt, "förra") and _c(after, "year_unit")) \
                    or _word(nxt, "ifjol") or (_word(nxt, "i") and _word(after, "fjol"))
                if last_year:
                    p.year = self.today.year - 1  # "november förra året", "december i fjol"
                    nxt.used = True  # type: ignore[union-attr]
                elif _free_int(nxt) and 1990 <= nxt.value <= 2100:  # type: ignore[operator]
                    p.year = int(nxt.value)  # type: ignore[arg-type]
                    nxt.used = True  # type: ignore[union-attr]
                elif _free_int(nxt) and nxt.text.isdigit() and len(nxt.text) == 2 \
                        and 20 <= nxt.value <= 30:  # type: ignore[operator]
                    p.year = 2000 + int(nxt.value)  # type: ignore[arg-type]
                    nxt.used = True  # type: ignore[union-attr]
                if _free_int(prev, 31) and prev.text.isdigit():  # "12 mars": a date, not a fact
                    prev.used = True  # type: ignore[union-attr]
                    p.unread.append(self.quote(i - 1, i))
            elif _c(t, "since"):
                k = i + 1
                while k < i + 4 and _at(tokens, k) is not None and tokens[k].kind == "word" \
                        and not _c(tokens[k], "month"):
                    k += 1  # "sen hösten 2025", "sedan början av 2024"
                nxt = _at(tokens, k)
                if nxt is not None and nxt.kind == "num":
                    nxt.concept = "since_year"  # "sambo sedan 2022": no month computed
            elif _word(t, "förra") and _c(_at(tokens, i + 1), "month_unit") \
                    and tokens[i + 1].text in ("månaden", "mån", "månad") \
                    and (_word(_at(tokens, i - 1), "gäller", "för", "avser", "avseende")
                         or getattr(_at(tokens, i - 1), "part", -1) != t.part) \
                    and not any(_c(x, "support", "job_stimulus") for x in tokens
                                if x.part == t.part):
                month = self.today.month - 1 or 12  # "gäller förra månaden"
                p.month, p.year = month, self.today.year - (month == 12)
            elif _c(t, "year_unit") or _word(t, "för", "under", "år", "gäller", "inför"):
                nxt = _at(tokens, i + 1)
                if _free_int(nxt) and 1990 <= nxt.value <= 2100 and nxt.text.isdigit():  # type: ignore[operator]
                    p.year = int(nxt.value)  # type: ignore[arg-type]
                    nxt.used = True  # type: ignore[union-attr]
        if p.year is None:
            for t in tokens:
                if _free_int(t) and t.text.isdigit() and len(t.text) == 4 \
                        and t.concept != "since_year" \
                        and self.lim.years[0] <= t.value <= self.lim.years[-1] + 1:  # type: ignore[operator]
                    nxt = _at(tokens, tokens.index(t) + 1)
                    if not (nxt and (nxt.text in ("kr", "kronor") or _is_target(nxt))):
                        p.year = int(t.value)  # type: ignore[arg-type]
                        t.used = True
                        break
        # a month without a year keeps the year already known (else this year, see facts.py)

    def noise(self) -> None:
        """Times, flat numbers, rooms: quoted back as not read, never used as a fact."""
        tokens = self.tokens
        for i, t in enumerate(tokens):
            if not _c(t, "noise"):
                continue
            for j in (i + 1, i - 1):
                n = _at(tokens, j)
                if n and n.kind == "num" and not n.used:
                    n.used = True
                    self.p.unread.append(self.quote(min(i, j), max(i, j)))
                    break

    # ------------------------------------------------------------------ children

    def _age_of(self, i: int) -> tuple[int | None, int]:
        """An age at tokens[i] ("4", "4 år", "5 månader" → 0, "18 mån" → 1); next index."""
        tokens = self.tokens
        t = _at(tokens, i)
        if _free_num(t, MAX_AGE_READ) and not t.is_int \
                and _c(_at(tokens, i + 1), "year_unit"):  # type: ignore[union-attr]
            t.used = tokens[i + 1].used = True  # type: ignore[union-attr]
            return int(t.value), i + 2  # type: ignore[union-attr,arg-type]  # "1,5 år" → 1
        if not _free_int(t, MAX_AGE_READ):
            return None, i
        nxt = _at(tokens, i + 1)
        if nxt and nxt.text.startswith(("tim", "h/")):
            return None, i  # "15 tim förskola": hours, not an age
        if nxt and (nxt.text in ("kr", "kronor", "sek", "tkr")
                    or (_is_target(nxt) and not _free_num(_at(tokens, i + 2)))
                    or _c(nxt, "day_unit", "persons", "earlier_this_year", "noise", "support",
                          "percent", "week_days")):
            verb = _c(nxt, "income") and nxt.text.endswith("ar")  # type: ignore[union-attr]
            if not (_is_target(nxt) and _c(_at(tokens, i - 1), "child") and (verb or any(
                    _free_num(x) and x.value >= 100  # type: ignore[operator]
                    for x in tokens[i + 2:i + 5] if x.part == nxt.part))):
                return None, i  # "barn 4, 450 el" is no age; "barn 6 o 11 hyra 7900" is
        value = int(t.value)  # type: ignore[arg-type]
        t.used = True
        if _c(nxt, "month_unit"):
            nxt.used = True  # type: ignore[union-attr]
            return (value // 12 if "veck" not in nxt.text else 0), i + 2  # type: ignore[union-attr]
        if _c(nxt, "year_unit"):
            nxt.used = True  # type: ignore[union-attr]
            more, unit = _at(tokens, i + 2), _at(tokens, i + 3)
            if _free_int(more, 11) and _c(unit, "month_unit"):  # "2 år 5 mån"
                more.used = unit.used = True  # type: ignore[union-attr]
                return value, i + 4
            return value, i + 2
        return value, i + 1

    def _new_child(self, age: int | None, sex: str | None = None) -> int:
        self.p.children.append(ChildMention(age=age, sex=sex))  # type: ignore[arg-type]
        return len(self.p.children) - 1

    def _bracket_end(self, i: int) -> int:
        """Index after the bracket group that starts at tokens[i] ("(")."""
        tokens = self.tokens
        b = tokens[i].bracket
        j = i
        while j < len(tokens) and tokens[j].bracket == b and tokens[j].depth:
            j += 1
        return j

    def _aside_months(self, start: int, end: int, child: int) -> None:
        """"0 år (fyra månader)": the months in the aside are a detail of the age."""
        tokens = self.tokens
        for k in range(start, end):
            if _free_int(tokens[k]) and _c(_at(tokens, k + 1), "month_unit"):
                tokens[k].used = tokens[k + 1].used = True
                if self.p.children[child].age is None:
                    self.p.children[child].age = int(tokens[k].value) // 12  # type: ignore[arg-type]

    def _list_continues(self, j: int) -> bool:
        """tokens[j] is a separator followed by an age."""
        tokens = self.tokens
        sep, nxt = _at(tokens, j), _at(tokens, j + 1)
        if not (sep and sep.text in lexicon.LIST_SEPARATORS):
            return False
        if _c(nxt, "child") and _free_int(_at(tokens, j + 2), MAX_AGE_READ):
            return False  # "och dottern 12": a mention of its own
        if nxt and nxt.kind == "aring":
            return False
        k = j + 1
        if _word(nxt, "en", "ett"):
            k += 1
        cand = _at(tokens, k)
        if not _free_int(cand, MAX_AGE_READ) and not (
                _free_num(cand, MAX_AGE_READ) and _c(_at(tokens, k + 1), "year_unit")):
            return False
        after = _at(tokens, k + 1)
        if after and (after.text in lexicon.COUNT_ADJECTIVES or _c(after, "sibling", "child")):
            return False  # "och två yngre syskon", "och två barn": a count, not an age
        return not (after and (after.text in ("kr", "kronor")
                               or (_is_target(after) and not _free_num(_at(tokens, k + 2)))
                               or _c(after, "day_unit", "persons", "earlier_this_year",
                                     "noise")))

    def _read_ages(self, j: int, sex: str | None, every: bool = False
                   ) -> tuple[list[int], int]:
        """The ages of a list from tokens[j] with its asides; the children's indices. The sex
        goes to the first age, or to every age after a plural word ("döttrarna 14 o 9")."""
        tokens = self.tokens
        kids: list[int] = []
        spans: list[tuple[int, int, int]] = []  # (start, end, child) of each child's words
        while True:
            age, k = self._age_of(j)
            if age is None:
                break
            child = self._new_child(age, sex if not kids or every else None)
            kids.append(child)
            start = j
            # asides: brackets and "som …" clauses up to the next age of the list
            while True:
                t = _at(tokens, k)
                if t is None:
                    break
                if t.kind == "punct" and t.text in "([":
                    end = self._bracket_end(k)
                    self._aside_months(k, end, child)
                    k = end
                    continue
                break
            if self._list_continues(k):
                spans.append((start, k, child))
                tokens[k].used = tokens[k].kind == "punct" or tokens[k].text in ("och", "samt")
                j = k + 1
                if _word(_at(tokens, j), "en", "ett"):
                    j += 1
                continue
            # a relative clause or verb phrase, then maybe more ages: "19 som går gymnasiet, 15"
            scan = k
            limit = min(len(tokens), k + 14)
            found = None
            while scan < limit:
                t = tokens[scan]
                if t.part != tokens[start].part or _is_target(t) or _c(
                        t, "child", "applicant", "partner", "couple", "single", "both",
                        "child_ref", "shared_household", "sibling") or t.kind == "aring" \
                        or (t.kind == "num" and t.used):
                    break
                if t.kind == "num":
                    break
                if self._list_continues(scan):
                    found = scan
                    break
                scan += 1
            if found is not None:
                spans.append((start, found, child))
                j = found + 1
                if _word(_at(tokens, j), "en", "ett"):
                    j += 1
                continue
            spans.append((start, k, child))
            end = k
            break
        else:  # pragma: no cover - the loop always breaks
            end = j
        if not kids:
            return [], j
        for start, stop, child in spans:
            for x in range(start, stop):
                self.owner[x] = ("child", (child,))
        return kids, end

    def children(self) -> None:
        tokens, p = self.tokens, self.p
        i = 0
        while i < len(tokens):
            t = tokens[i]
            if _c(t, "no_child"):
                p.no_children = True
                i += 1
                continue
            if (kids := self._the_younger_ones(i)) is not None:
                self.mentions.append((i + 1, "child", kids))  # "de två yngre är hos honom …"
                i += 3
                continue
            if t.kind == "aring" and not t.used:
                t.used = True
                age = int(t.value)  # type: ignore[arg-type]
                named_here = any(m.new and m.age == age for m in p.children)
                # "Felicia 10 …" (names.py: "10-åringen") answering "how old are the two?"
                unaged = None in self.known.child_ages and age not in self.known.child_ages \
                    and not any(_free_int(x, MAX_AGE_READ) for x in tokens)
                # "med två, 19 och 16, … bb för 16-åringen": the age was listed before
                listed = any(_free_int(x) and x.value == age for x in tokens[:i])
                known_ref = not unaged and (
                    age in self.known.child_ages
                    or (self.known.child_ages and not self._count_pending()))
                if t.text.endswith(("en", "arna", "ens")) and (named_here or listed or known_ref):
                    kid = self._ref_child(f"age:{age}", i)
                    self._age_change(kid, i + 1)
                    nxt = _at(tokens, i + 1)
                    if _c(nxt, "income:salary") or _word(nxt, "har", "jobbar", "får"):
                        self.subject_child.add(kid)  # "17-åringen sommarjobbade": a subject
                else:
                    kid = self._new_child(age)
                    self.subject_child.add(kid)
                self.mentions.append((i, "child", (kid,)))
                i += 1
                continue
            if _c(t, "child_ref"):
                kind = {"yngsta": "youngest", "yngste": "youngest", "minsta": "youngest",
                        "lillen": "youngest", "den lilla": "youngest", "minstingen": "youngest",
                        "äldsta": "oldest",
                        "äldste": "oldest", "den yngre": "youngest",
                        "den äldre": "oldest"}.get(t.text, "middle")
                j = i + 1
                sex = None
                if _c(_at(tokens, j), "child"):
                    sex = _sex_of_child_word(tokens[j].text)
                    j += 1
                kid = self._ref_child(kind, i, sex)
                self.mentions.append((i, "child", (kid,)))
                self._age_change(kid, j)
                i = j
                continue
            if _c(t, "newborn") and not (_c(_at(tokens, i + 1), "child")
                                         or _c(_at(tokens, i - 1), "child")):
                kid = self._new_child(0)
                self.mentions.append((i, "child", (kid,)))
                i += 1
                continue
            if _c(t, "others") and self.mentions:
                last = [kids for _, kind, kids in self.mentions if kind == "child"]
                named = set(last[-1]) if last else set()
                ref_ages = {int(p.children[c].ref[4:]) for c in named
                            if (p.children[c].ref or "").startswith("age:")}
                rest = tuple(c for c, m in enumerate(p.children)
                             if m.new and not m.placeholder and c not in named
                             and m.age not in ref_ages)
                if rest:
                    self.mentions.append((i, "child", rest))  # "de andra bor här jämt"
                i += 1
                continue
            if _c(t, "sibling") and not self.known.shared and not any(
                    _c(x, "shared_household", "applies_self") for x in tokens):
                kind = "youngest" if t.text.startswith(("lill", "små")) else "oldest"
                kid = self._ref_child(kind, i, "son" if "bror" in t.text else "dotter")
                self.mentions.append((i, "child", (kid,)))
                self._age_change(kid, i + 1)
                i += 1
                continue
            if _c(t, "child") and not t.used:
                self._child_word(i)
                i += 1  # words inside the list's asides are read too ("(4-åringen går …)")
                continue
            i += 1
        self._possessive_counts()
        self._counted_ages()
        self._fill_count()

    def _the_younger_ones(self, i: int) -> tuple[int, ...] | None:
        """"de två yngre", "de två äldsta": the youngest or oldest children named in the message
        before (by age)."""
        tokens, p = self.tokens, self.p
        n, which = _at(tokens, i + 1), _at(tokens, i + 2)
        if not (_word(tokens[i], "de") and _free_int(n, 5) and which is not None
                and which.text in ("yngre", "yngsta", "äldre", "äldsta", "små", "stora",
                                   "minsta", "största")):
            return None
        named = sorted((m.age, c) for c, m in enumerate(p.children)
                       if m.new and not m.placeholder and m.age is not None)
        if len(named) <= int(n.value):  # type: ignore[union-attr,arg-type]
            return None
        young = which.text in ("yngre", "yngsta", "små", "minsta")
        chosen = named[:int(n.value)] if young else named[-int(n.value):]  # type: ignore[union-attr,arg-type]
        n.used = which.used = True  # type: ignore[union-attr]
        p.group_sizes.append(int(n.value))  # type: ignore[union-attr,arg-type]
        return tuple(c for _, c in chosen)

    def _children_corrected_in_place(self) -> None:
        """"barn 12 o 9 – nej barn 12, 9 och 4": the list after the self-correction replaces
        the list before it."""
        tokens, p = self.tokens, self.p
        for k, t in enumerate(tokens):
            if not _c(t, "self_correction") or t.text in ("eller", "jo", "säg", "vi säger"):
                continue
            before = {c for idx, kind, kids in self.mentions if kind == "child" and idx < k
                      and tokens[idx].part == t.part for c in kids
                      if p.children[c].new and not p.children[c].placeholder}
            after = {c for idx, kind, kids in self.mentions if kind == "child" and idx > k
                     and tokens[idx].part == t.part for c in kids
                     if p.children[c].new and not p.children[c].placeholder}
            if before and len(after) >= len(before):
                for c in before:
                    p.children[c].placeholder = True

    def _grown_children_elsewhere(self) -> None:
        """"inga barn hemma, de har en son men han är vuxen och bor i Umeå": no child of the
        household (quoted, so the caseworker sees it was read)."""
        tokens, p = self.tokens, self.p
        for idx, kind, kids in list(self.mentions):
            if kind != "child" or len(kids) != 1:
                continue
            m = p.children[kids[0]]
            if not m.new or m.placeholder or m.age is not None:
                continue
            after = [x for x in tokens[idx + 1:idx + 12] if x.part == tokens[idx].part]
            if any(x.text in ("vuxen", "vuxna", "utflyttad", "utflyttade") for x in after):
                m.placeholder = True
                tokens[idx].used = True
                last = tokens.index(after[-1]) if after else idx
                p.unread.append(self.quote(idx, last))

    def _possessive_counts(self) -> None:
        """"hans två: 14 och 11 varannan vecka": children named by a count after his/her."""
        tokens = self.tokens
        for i, t in enumerate(tokens):
            n, colon = _at(tokens, i + 1), _at(tokens, i + 2)
            bare = _free_int(colon, MAX_AGE_READ)  # "hennes två 13 och 9"
            first = i + 2 if bare else i + 3
            if t.text in lexicon.POSSESSIVES and _free_int(n, 10) and n.value >= 2 \
                    and (_word(colon, ":", ",") or bare) \
                    and _free_int(_at(tokens, first), MAX_AGE_READ):  # type: ignore[union-attr,operator]
                probe = [x.used for x in tokens]
                start = len(self.p.children)
                kids, _ = self._read_ages(first, None)
                if len(kids) != int(n.value):  # type: ignore[union-attr,arg-type]
                    for x, used in zip(tokens, probe, strict=True):
                        x.used = used
                    del self.p.children[start:]
                    self.owner = [None if o and o[0] == "child" and any(c >= start for c in o[1])
                                  else o for o in self.owner]
                    continue
                n.used = True  # type: ignore[union-attr]
                if len(kids) > 1:
                    self.mentions.append((i, "child", tuple(kids)))
                    k = i + 3
                    while k < len(tokens) and tokens[k].part == t.part \
                            and tokens[k].kind != "aring" \
                            and not _c(tokens[k], "applicant", "partner", "child", "child_ref"):
                        if self.owner[k] is None or tokens[k].kind != "num":
                            self.owner[k] = ("child", tuple(kids))
                        k += 1

    def _counted_ages(self) -> None:
        """"mamma till två, 7 och 12 år": a count, then exactly that many ages."""
        tokens, p = self.tokens, self.p
        for i, t in enumerate(tokens):
            if any(idx < i and kind == "child" and any(p.children[c].new for c in kids)
                   for idx, kind, kids in self.mentions):
                return  # children were named before the count: it is no count of theirs
            j = i + 1
            if _at(tokens, j) is not None and tokens[j].text in lexicon.COUNT_ADJECTIVES:
                j += 1  # "hon har två egna, 9 och 6"
            if not (_free_int(t, 8) and t.value >= 2 and _word(_at(tokens, j), ",", ":")  # type: ignore[operator]
                    and _free_int(_at(tokens, j + 1), 20)):
                continue
            probe = [x.used for x in tokens]
            start = len(p.children)
            kids, _ = self._read_ages(j + 1, None)
            if len(kids) == int(t.value) and len(kids) >= 2:  # type: ignore[arg-type]
                t.used = True
                p.child_count = len(kids)
                self.mentions.append((i, "child", tuple(kids)))
                return
            for x, used in zip(tokens, probe, strict=True):
                x.used = used
            del p.children[start:]
            self.owner = [None if o and o[0] == "child" and any(c >= start for c in o[1])
                          else o for o in self.owner]

    def _colon_ages(self, i: int, kids: list[int]) -> None:
        """"3 barn som är hos honom varannan helg, ca 4 dygn i månaden: 12, 9 och 4", "två barn
        varannan vecka, 4 och 9 år": the ages after the words about the children."""
        tokens = self.tokens
        for k in range(i + 1, min(len(tokens), i + 20)):
            if tokens[k].part != tokens[i].part:
                return
            comma = _word(tokens[k], ",") and k > i + 1
            if (_word(tokens[k], ":") or comma) and _free_int(_at(tokens, k + 1), MAX_AGE_READ):
                probe = [x.used for x in tokens]
                ages_at = len(self.p.children)
                found, _ = self._read_ages(k + 1, None)
                if found and len(found) < len(kids) and _word(tokens[k], ":") and any(
                        _c(x, "child") or x.kind == "aring"
                        for x in tokens[k + 1:] if x.part == tokens[k].part and not x.used):
                    kids = kids[:len(found)]  # "fem barn: 17, 12, femåringen …, ettåringen …"
                if len(found) == len(kids):
                    for kid, new in zip(kids, found, strict=True):
                        self.p.children[kid].age = self.p.children[new].age
                        self.p.children[kid].placeholder = False
                    del self.p.children[ages_at:]
                    for x in range(k + 1, len(tokens)):
                        if self.owner[x] and self.owner[x][0] == "child" and any(  # type: ignore[index]
                                c >= ages_at for c in self.owner[x][1]):  # type: ignore[index]
                            self.owner[x] = None
                else:
                    for x, used in zip(tokens, probe, strict=True):
                        x.used = used
                    del self.p.children[ages_at:]
                    if comma:
                        continue
                return

    def _answer_ages(self) -> None:
        """The reply to "Hur gamla är barnen?": "4 och 9", "två: 4 år (förskola) och 7 mån"."""
        tokens, p = self.tokens, self.p
        if self.expecting != "calc_children" or any(m.new for m in p.children) \
                or p.child_count is not None:
            return
        free = [t for t in tokens if _free_int(t)]
        if not free or any(t.value > MAX_AGE_READ for t in free):  # type: ignore[operator]
            return
        start = count_at = tokens.index(free[0])
        count = None
        if len(free) > 1 and (_word(_at(tokens, start + 1), ":", "st", "stycken")
                              or free[0].value == len(free) - 1):
            free[0].used = True  # "två: 4 år och 7 mån", "två st, 3 och 6": the count
            count = int(free[0].value)  # type: ignore[arg-type]
            start = tokens.index(free[1])
        kids, _ = self._read_ages(start, None)
        if count is not None and len(kids) != count:
            p.unread.append(self.quote(count_at, count_at))  # "2 1 0": not two ages read
        if kids:
            self.mentions.append((start, "child", tuple(kids)))

    def _count_pending(self) -> bool:
        """A count of children was given ("tre barn") and not all of them are named yet."""
        return any(m.placeholder for m in self.p.children)

    def _fill_count(self) -> None:
        """"tre barn: sonen 19 …, dottern 16 och sonen 11": the named children are the three,
        the placeholders of the count are not more children."""
        p = self.p
        named = [m for m in p.children if m.new and not m.placeholder]
        holders = [m for m in p.children if m.placeholder]
        if p.child_count is not None and holders:
            extra = max(0, p.child_count - len(named))
            for k, m in enumerate(holders):
                m.placeholder = k >= extra


    def _count_attributes(self) -> None:
        """"två barn som bor hos honom ibland: dottern 10 och sonen 6": what was said of the
        count is said of the children it counts (when they are all named)."""
        p = self.p
        holders = [m for m in p.children if m.placeholder]
        named = [m for m in p.children if m.new and not m.placeholder]
        if not holders or p.child_count != len(named) \
                or len({(m.part_time, m.days, m.lunch) for m in holders}) != 1 \
                or any(m.days is not None or m.part_time for m in named):
            return  # "två barn: dottern 5 bor här heltid, sonen 11 … ibland": their own words
        h = holders[0]
        for m in named:
            m.part_time = m.part_time or h.part_time
            m.days = m.days if m.days is not None else h.days
            m.lunch = m.lunch if m.lunch is not None else h.lunch

    def _ref_child(self, ref: str, i: int, sex: str | None = None) -> int:
        self.p.children.append(ChildMention(ref=ref, new=False, sex=sex))  # type: ignore[arg-type]
        kid = len(self.p.children) - 1
        self.subject_child.add(kid)
        return kid

    def _age_change(self, kid: int, j: int) -> None:
        """"yngsta (barnet) är 2 år, inte 3": a new age for a child already known."""
        tokens = self.tokens
        k = j
        while _word(_at(tokens, k), "är", "blir", "ska", "vara", "egentligen", "bara", ":",
                    "har", "fyllt", "nu", "på", "(", "alltså", "faktiskt", "hunnit", "fylla"):
            k += 1
        if _word(_at(tokens, k), ",") and _word(_at(tokens, k + 1), "som") \
                and _word(_at(tokens, k + 2), "är"):
            k += 3  # "den yngsta, som är 3, …"
        elif _word(_at(tokens, k), "som") and _word(_at(tokens, k + 1), "är"):
            k += 2  # "den äldsta som är 15"
        if _word(_at(tokens, k), ",") and _free_int(_at(tokens, k + 1), MAX_AGE_READ) \
                and (_word(_at(tokens, k + 2), ",", ".", ")")
                     or _c(_at(tokens, k + 2), "year_unit")):
            k += 1  # "den äldsta, 14, varannan vecka"
        age, after = self._age_of(k) if _at(tokens, k) else (None, k)
        if age is None:
            return
        self.p.children[kid].age = age
        self._old_value(after)

    def _corrected_age_after(self, i: int) -> int | None:
        """"barnet är 7 inte 6": the known age that the new one replaces, when it is known."""
        tokens = self.tokens
        if tokens[i].text in lexicon.PLURAL_CHILD_WORDS or not self.known.child_ages:
            return None
        k = i + 1
        while _word(_at(tokens, k), "är", "ska", "vara", "egentligen", "bara", "nu", "alltså"):
            k += 1
        if not _free_int(_at(tokens, k), MAX_AGE_READ):
            return None
        k += 1 + int(_c(_at(tokens, k + 1), "year_unit"))
        k += int(_word(_at(tokens, k), ","))
        old = _at(tokens, k + 1)
        if _c(_at(tokens, k), "negation", "correction_old") and _free_int(old, MAX_AGE_READ) \
                and int(old.value) in self.known.child_ages:  # type: ignore[union-attr,arg-type]
            return int(old.value)  # type: ignore[union-attr,arg-type]
        return None

    def _old_value(self, k: int) -> None:
        """"… , inte 9 200": the value a correction replaces is read and quoted, not used;
        "sjukpenning 8 300, inte sjukersättning 7 900": that income is gone."""
        tokens = self.tokens
        while _word(_at(tokens, k), ",", "(", "kr", "kronor"):
            k += 1
        target, old = _at(tokens, k + 1), _at(tokens, k + 2)
        if _c(_at(tokens, k), "negation", "correction_old") and _c(target, "income") \
                and _free_num(old):
            key = (target.concept or "").partition(":")[2]  # type: ignore[union-attr]
            target.used = old.used = True  # type: ignore[union-attr]
            self.p.no_income_types.append((key, None))
            self.p.replaced.append(self.quote(k, k + 2))
            return
        if _c(_at(tokens, k), "negation", "correction_old") and _free_num(_at(tokens, k + 1)):
            tokens[k + 1].used = True
            self.p.replaced.append(self.quote(k, k + 1))
            self.p.replaced_values.append(to_kronor(tokens[k + 1].value))  # type: ignore[arg-type]
            if _c(_at(tokens, k + 2), "year_unit"):
                tokens[k + 2].used = True

    def _child_word(self, i: int) -> int:
        """CHILD at tokens[i]: a count before it, ages after it, or a reference."""
        tokens, p = self.tokens, self.p
        t = tokens[i]
        t.used = True
        before = _at(tokens, i - 1)
        if before is not None and before.text in lexicon.COUNT_ADJECTIVES:
            before = _at(tokens, i - 2)  # "två små barn"
        count = None
        article = False
        everyone = [c for c, m in enumerate(p.children) if m.new and not m.placeholder]
        if _free_int(before, 20) and _word(_at(tokens, i - 2), "alla", "de", "båda", "bägge") \
                and t.text.endswith(("en", "na")) and (everyone or self.known.child_ages):
            before.used = True  # type: ignore[union-attr]  # "för alla fyra barnen": those named
            self.mentions.append((i, "children", tuple(everyone)))
            return i + 1
        if _free_int(before, 20) and not _c(_at(tokens, i - 2), "noise"):
            count = int(before.value)  # type: ignore[union-attr,arg-type]
            before.used = True  # type: ignore[union-attr]
        elif _word(before, "ett", "en"):
            if _word(_at(tokens, i - 2), "åt", "till"):
                return i + 1  # "kontaktfamilj åt ett barn": not a child of the household
            count, article = 1, True
        if t.text in ("tvillingar", "tvillingarna"):
            count = 2
        old_age = self._corrected_age_after(i) if count is None else None
        if old_age is not None:  # "barnbarnet är 7 inte 6": the child known as 6
            kid = self._ref_child(f"age:{old_age}", i)
            self.mentions.append((i, "child", (kid,)))
            self._age_change(kid, i + 1)
            return i + 1
        sex = _sex_of_child_word(t.text)
        j = i + 1
        twins = t.text in ("tvillingar", "tvillingarna")
        while (nxt := _at(tokens, j)) and (nxt.text in lexicon.CHILD_AGE_FILLERS
                                           or nxt.text in (",", "(")
                                           or _c(nxt, "child", "month")
                                           or (nxt.kind == "num" and nxt.used)) and j - i <= 6:
            if _c(nxt, "child"):
                sex = sex or _sex_of_child_word(nxt.text)
                twins = twins or nxt.text in ("tvillingar", "tvillingarna")
                nxt.used = True
            j += 1
        kids, end = self._read_ages(j, sex, every=t.text in lexicon.PLURAL_CHILD_WORDS)
        plural = t.text in lexicon.PLURAL_CHILD_WORDS or (count or 0) > 1
        if kids and twins:  # "tvillingar 2 år": two children of that age, one in words
            twin = self._new_child(p.children[kids[0]].age)
            self.owner = [("child", (kids[0], twin)) if o == ("child", (kids[0],)) else o
                          for o in self.owner]
            kids.insert(1, twin)
        if kids:
            if count is not None and count > len(kids):
                for _ in range(count - len(kids)):
                    kids.append(self._new_child(None))
                    p.children[kids[-1]].placeholder = True
            if count is not None and not article and not (twins and p.child_count):
                p.child_count = (p.child_count or 0) + count  # ("5 barn: …, tvillingarna 4": 5)
            if len(kids) == 1 and not plural:
                self.subject_child.add(kids[0])
                m0 = p.children[kids[0]]
                ageless = [k for k, m in enumerate(p.children[:kids[0]])
                           if m.new and m.age is None and not m.placeholder
                           and m.sex in (None, m0.sex)]
                if len(ageless) == 1 and count is None:  # "sin son …. Sonen är 7 år."
                    p.children[ageless[0]].age, p.children[ageless[0]].sex = m0.age, m0.sex
                    m0.new, m0.ref = False, f"age:{m0.age}"
                same = [k for k, m in enumerate(p.children[:kids[0]])
                        if m.new and m.age == p.children[kids[0]].age]
                if same and count is None:  # "tre barn 16, 9 och 5 … sonen 16 har extrajobb"
                    m = p.children[kids[0]]
                    m.new, m.ref = False, f"age:{m.age}"
            self.mentions.append((i, "child", tuple(kids)))
            if len(kids) > 1:
                # the words after the list are about all of its children — or, when a child
                # before had its own days ("16 bor här hela tiden, 13 o 10 varannan vecka"),
                # about those after it
                own_days = [n for n, c in enumerate(kids) if any(
                    o == ("child", (c,)) and _c(x, "full_time", "alternate_week", "part_time",
                                                "day_unit")
                    for x, o in zip(tokens, self.owner, strict=True))]
                after = tuple(kids[own_days[-1] + 1:]) if own_days else tuple(kids)
                k = end
                while k < len(tokens) and tokens[k].part == t.part and self.owner[k] is None \
                        and not _c(tokens[k], "applicant", "partner", "both", "child",
                                   "child_ref", "cost", "income", "cap") \
                        and tokens[k].kind != "aring":
                    self.owner[k] = ("child", after or tuple(kids))
                    k += 1
            return max(end, i + 1)
        if twins:  # "tvillingarna går på förskola": the two of one age named before
            ages = [m.age for m in p.children if m.new] + [a for a in self.known.child_ages]
            pair = [a for a in ages if a is not None and ages.count(a) >= 2]
            if pair:
                kids = [k for k, m in enumerate(p.children) if m.new and m.age == pair[0]][:2]
                if len(kids) < 2:
                    kids = [self._ref_child(f"age:{pair[0]}", i) for _ in range(2)]
                self.mentions.append((i, "child", tuple(kids)))
                return i + 1
        if count is not None:
            if not article:
                p.child_count = (p.child_count or 0) + count
            if count == 1 or (count and not plural):
                kid = self._new_child(None, sex)
                self.subject_child.add(kid)
                self.mentions.append((i, "child", (kid,)))
            else:
                kids = [self._new_child(None) for _ in range(count)]
                for k in kids:
                    p.children[k].placeholder = True
                self.mentions.append((i, "child", tuple(kids)))
                self._colon_ages(i, kids)
            return i + 1
        if plural:
            self.mentions.append((i, "children", ()))
            if not _c(before, "negation") and not _word(before, "inga", "utan", "ingen"):
                p.children_mentioned = True  # "sambor med barn": their ages are asked
            return i + 1
        just_named = [kids for idx, kind, kids in self.mentions
                      if idx == i - 2 and kind == "child" and len(kids) == 1]
        if t.depth and _word(_at(tokens, i - 1), "(") and just_named and sex:
            p.children[just_named[0][0]].sex = sex  # type: ignore[assignment]  # "12-åringen (dotter)"
            return i + 1
        if not self.known.child_ages and not any(m.new for m in p.children) \
                and not _word(before, *PREPOSITIONS) and not self.known.shared \
                and not any(_c(x, "shared_household") for x in tokens):
            kid = self._new_child(None, sex)  # "pappa, sonen bor hos honom": one child
            self.subject_child.add(kid)
            self.mentions.append((i, "child", (kid,)))
            return i + 1
        # "sonen", "dottern", "barnet": a child already known
        ref = {"son": "son", "dotter": "daughter"}.get(sex or "", "only")
        kid = self._ref_child(ref, i, sex)
        self.mentions.append((i, "child", (kid,)))
        self._age_change(kid, i + 1)
        return i + 1

    # ------------------------------------------------------------------ persons

    def adults(self) -> None:
        """Adult mentions, their sexes, the number of adults and adult ages."""
        tokens, p, known = self.tokens, self.p, self.known
        a_sex, b_sex = known.applicant_sex, known.partner_sex
        # "pappan 42 och mamman 38, gifta", or "två" answering how many adults: a couple
        couple_said = known.adults == 2 or (self.expecting == "calc_adults" and any(
            _free_int(x) and x.value == 2 for x in tokens[:2])) or any(  # type: ignore[operator]
            _c(x, "couple") and not _neg_before(tokens, k)
            and not _c(_at(tokens, k - 1), "negation") and x.text != "föräldrarna"
            for k, x in enumerate(tokens))
        first_parent: str | None = None  # "mamman …" said as a person of the household
        for i, t in enumerate(tokens):
            prev = _at(tokens, i - 1)
            negated = _c(prev, "negation") or (
                _word(prev, "är", "var") and _c(_at(tokens, i - 2), "negation"))
            if _c(t, "adult_word") and _free_int(prev) and prev.value in (1, 2):  # type: ignore[union-attr]
                p.adults = int(prev.value)  # type: ignore[union-attr,arg-type]
                prev.used = True  # type: ignore[union-attr]
            if _c(t, "single") and t.text.startswith("bara") and (
                    t.depth or getattr(prev, "kind", "") == "num" or _is_target(prev)):
                continue  # "a-kassa 160 (bara hon)": whose the fee is, not a single adult
            if _c(t, "single"):
                p.adults = 1
            elif _c(t, "couple") and (self.known.shared or any(
                    _c(x, "shared_household") and not self._said_of_a_child(k)
                    for k, x in enumerate(tokens))):
                continue  # "hushållet är han, mamma och pappa": the parents, no partner
            elif _c(t, "couple"):
                if negated or _neg_before(tokens, i):
                    p.adults = 1
                elif not _word(prev, "hos", "med") and t.text not in ("föräldrarna",):
                    p.adults = 2
                    couple_said = True
                    self._couple_ages(i)
                elif t.text == "föräldrarna" and not _c(_at(tokens, i - 1), "shared_household"):
                    if not any(_c(x, "shared_household") for x in tokens):
                        p.adults = 2
                        couple_said = True
            elif _c(t, "partner") and self._parents_of_grown_child(i):
                continue  # "bor kvar hemma hos pappa, hans sambo …": the father's partner
            elif _c(t, "partner") and not _word(prev, "ingen", "utan") and not negated:
                p.adults = 2 if p.adults != 1 or couple_said else p.adults
                couple_said = True
                sex = _sex_of(t.text)
                if sex:
                    b_sex = b_sex or sex
                if not _word(prev, *PREPOSITIONS):
                    self.mentions.append((i, "partner", ()))
            elif _c(t, "applicant") and t.text in lexicon.POSSESSIVES:
                continue  # "hans dotter", "16-åringen är hans": whose, not who speaks
            elif _c(t, "applicant") and t.text in lexicon.PARENT_WORDS \
                    and self._parents_of_grown_child(i):
                continue  # "bor kvar hemma hos mamma o pappa": the applicant's parents
            elif _c(t, "applicant"):
                sex = _sex_of(t.text)
                role = "applicant"
                if t.text == "hen" and (kid := self._child_just_named(i)) is not None:
                    self.mentions.append((i, "child", (kid,)))  # "mellanbarnet 9 år, hen är …"
                    continue
                if sex and t.text in ("hon", "han"):
                    role = self._pronoun_role(i, sex, a_sex, b_sex)
                    if role == "applicant" and a_sex is None:
                        a_sex = sex
                    elif role == "partner" and b_sex is None:
                        b_sex = sex
                elif sex:
                    if a_sex is None or a_sex == sex:
                        a_sex = a_sex or sex
                        if t.text in lexicon.PARENT_WORDS and self._parent_as_subject(i):
                            first_parent = first_parent or t.text
                    elif b_sex in (None, sex) and (couple_said or p.adults == 2):
                        b_sex, role = sex, "partner"
                    elif b_sex is None and first_parent and t.text in lexicon.PARENT_WORDS \
                            and self._parent_as_subject(i) and p.adults != 1 \
                            and known.adults is None:
                        # "mamman (32) har a-kassa 9 600, pappan (35) sjukpenning": both parents
                        b_sex, role, p.adults, couple_said = sex, "partner", 2, True
                if role == "child":
                    continue
                if not _word(prev, *PREPOSITIONS):
                    self.mentions.append((i, role, ()))
                    if t.text in lexicon.PARENT_WORDS and role == "applicant" and not (
                            any(_word(x, "familj", "familjen") for x in tokens)
                            and not any(_c(x, "single") for x in tokens)):
                        p.parent_named = True  # not "familj …, pappan har sjukpenning": ask
                    if role == "applicant" and self._lives_with_own_children(i):
                        p.parent_named = True  # "hon bor med sina tre barn": a single parent
                self._adult_age(i, role)
            elif _c(t, "both") and t.depth and (kids := self._children_before_aside(i)):
                self.mentions.append((i, "child", kids))  # "tvillingar 4 år (båda på förskola"
            elif _c(t, "both"):
                self.mentions.append((i, "both", ()))
                if p.adults is None and known.adults is None:
                    p.adults = 2
        for i, t in enumerate(tokens):  # "hans lön 13 200, hennes lön 8 400": whose income
            if t.text in ("hans", "hennes") and _is_target(_at(tokens, i + 1)) \
                    and (p.adults == 2 or known.adults == 2 or (a_sex and b_sex)):
                sex = "m" if t.text == "hans" else "f"
                whose = "applicant" if a_sex == sex else "partner" if b_sex == sex else None
                if whose:
                    self.mentions.append((i, whose, ()))
        if p.adults is None and b_sex and known.partner_sex is None and known.adults != 1:
            p.adults = 2  # "han jobbar …, hon har föräldrapenning": two adults
        p.applicant_sex = a_sex if a_sex != known.applicant_sex else None
        p.partner_sex = b_sex if b_sex != known.partner_sex else None
        self.sexes = (a_sex, b_sex)

    def _children_before_aside(self, i: int) -> tuple[int, ...] | None:
        """The two or more children named right before the bracket that token i is in."""
        tokens = self.tokens
        opening = next((k for k in range(i, -1, -1) if _word(tokens[k], "(")), None)
        if opening is None:
            return None
        named = [kids for idx, kind, kids in self.mentions
                 if kind == "child" and opening - 4 <= idx < opening and len(kids) >= 2]
        return named[-1] if named else None

    def _parents_of_grown_child(self, i: int) -> bool:
        """"bor kvar hemma hos mamma o pappa", "hos föräldrarna (mamma, pappa + syskon)": the
        parent word names the home a grown child lives in, not an adult who applies."""
        tokens = self.tokens
        for k in range(i - 1, max(-1, i - 5), -1):
            x = tokens[k]
            if _c(x, "shared_household") or _word(x, "hos"):
                return True
            if not (_word(x, "o", "och", ",", "(", "+", "&") or x.text in lexicon.PARENT_WORDS
                    or _c(x, "couple")):
                return False
        return False

    def _parent_as_subject(self, i: int) -> bool:
        """"pappan har sjukpenning": a parent of the household, not the children's other parent
        ("hos pappan", "barnens pappa", "pappan betalar underhåll")."""
        tokens = self.tokens
        if _word(_at(tokens, i - 1), *PREPOSITIONS, "sin", "sina", "barnens", "deras",
                 "hennes", "hans"):
            return False
        return not any(_c(x, "income:maintenance_support") or _word(x, "betalar", "bor")
                       for x in tokens[i + 1:i + 4] if x.clause == tokens[i].clause)

    def _said_of_a_child(self, k: int) -> bool:
        """"13-åringen varannan vecka hos sin pappa": the words at k follow a child in their
        clause (read before the owners are known)."""
        young = self.lim.child_max_age
        before = [(j, x) for j, x in enumerate(self.tokens[:k])
                  if x.clause == self.tokens[k].clause]
        return any((x.kind == "aring" and x.value <= young)  # type: ignore[operator]
                   or (_c(x, "child", "child_ref") and not (  # "sonen 23 bor kvar hemma …"
                       getattr(_at(self.tokens, j + 1), "kind", "") == "num"
                       and self.tokens[j + 1].value > young))  # type: ignore[operator]
                   for j, x in before)

    def _couple_ages(self, i: int) -> None:
        """"sambor 31 o 29", "gifta, 44 och 41": the two adults' ages right after the word."""
        tokens, lim = self.tokens, self.lim
        j = i + 1 + int(_word(_at(self.tokens, i + 1), ","))
        a, sep, b = _at(tokens, j), _at(tokens, j + 1), _at(tokens, j + 2)
        if not (_free_int(a, MAX_AGE_READ) and _free_int(b, MAX_AGE_READ)
                and _word(sep, "och", "o", "&", ",")
                and min(a.value, b.value) > lim.child_max_age  # type: ignore[union-attr,type-var]
                and not _unit_after(tokens, j + 2)
                and not _c(_at(tokens, j + 3), "child", "aring", "year_unit")):
            return
        self.p.applicant_age, self.p.partner_age = int(a.value), int(b.value)  # type: ignore[union-attr,arg-type]
        a.used = b.used = True  # type: ignore[union-attr]

    def _lives_with_own_children(self, i: int) -> bool:
        words = [x.text for x in self.tokens[i + 1:i + 5]]
        if words[:2] != ["bor", "med"] or len(words) < 3:
            return False
        if _c(self.tokens[i + 3], "child"):  # "han bor med dottern 4"
            return True
        return words[2] in ("sina", "sin", "sitt") \
            and any(_c(x, "child") for x in self.tokens[i + 3:i + 6])

    def _child_just_named(self, i: int) -> int | None:
        """The one child named last in the sentence, as the subject, if no adult came after."""
        for idx, kind, kids in sorted(self.mentions, reverse=True):  # the nearest before
            if idx < i and self.tokens[idx].part == self.tokens[i].part:
                apposition = _word(_at(self.tokens, i - 1), ",") and \
                    self.p.children[kids[0]].ref is not None  # "mellanbarnet 9 år, hen"
                if kind == "child" and len(kids) == 1 and not self._adult_income_in_clause(i) \
                        and (apposition or self._child_is_subject(kids[0])):
                    return kids[0]
                return None
        return None

    def _pronoun_role(self, i: int, sex: Sex, a_sex: Sex | None, b_sex: Sex | None) -> str:
        """"han"/"hon": a son/daughter just named in the sentence, else the adult of that sex."""
        last = None
        for idx, kind, kids in sorted(self.mentions, reverse=True):  # the nearest before
            if idx < i and self.tokens[idx].part == self.tokens[i].part:
                if i - idx <= 16:  # a child named far back in a long sentence is no "han"
                    last = (kind, kids)
                break
        about = self._sentence_about_child(i)
        if last is None and about is not None and not self._adult_income_in_clause(i):
            child = self.p.children[about]
            if child.sex in (None, "son" if sex == "m" else "dotter"):
                self.mentions.append((i, "child", (about,)))  # "jag skrev fel om dottern. hon …"
                return "child"
        adult_income = self._adult_income_in_clause(i)
        apposition = bool(last and last[0] == "child" and len(last[1]) == 1
                          and _word(_at(self.tokens, i - 1), ",")
                          and getattr(_at(self.tokens, i - 2), "kind", "") in ("num", "aring")
                          # "dottern 4, hon": the age just before the comma
                          and self.p.children[last[1][0]].sex in (
                              "son" if sex == "m" else "dotter",
                              # "om 8-åringen, han bor …", not "en treåring, hon 30"
                              None if getattr(_at(self.tokens, i + 1), "kind", "") != "num"
                              else "-"))
        if last and last[0] == "child" and len(last[1]) == 1 and not adult_income \
                and (apposition or self._child_is_subject(last[1][0])):
            child = self.p.children[last[1][0]]
            if (child.sex == "son" and sex == "m") or (child.sex == "dotter" and sex == "f") \
                    or (child.sex is None and last[1][0] in self.subject_child
                        and a_sex != sex):  # "12-åringen: …, hon är där 11 dygn"
                self.mentions.append((i, "child", last[1]))
                self._age_change(last[1][0], i + 1)  # "lillebror …, han är 2"
                return "child"
        if self.expecting == "calc_in_school" and a_sex != sex and not adult_income:
            return "child"  # "ja, han går tredje året på gymnasiet": the youth asked about
        wanted = "son" if sex == "m" else "dotter"
        if a_sex is not None and a_sex != sex and b_sex is None and self.p.adults != 2 \
                and not adult_income \
                and self.known.adults != 2 and self.known.child_sexes.count(wanted) == 1:
            kid = self._ref_child("son" if sex == "m" else "daughter", i, wanted)
            self.mentions.append((i, "child", (kid,)))  # "mamma + son 19 …", then "han går …"
            return "child"
        if a_sex == sex:
            return "applicant"
        if b_sex == sex:
            return "partner"
        if a_sex is None:
            return "applicant"
        single = self.p.adults == 1 or (self.p.adults is None and self.known.adults == 1)
        salaried = {kids[0] for idx, kind, kids in self.mentions
                    if kind == "child" and len(kids) == 1 and idx < i and any(
                        _c(x, "income:salary") for x in self.tokens[idx + 1:idx + 5]
                        if x.clause == self.tokens[idx].clause)}
        if single and not adult_income and len(salaried) == 1:
            kid = salaried.pop()  # "16-åringen har extrajobb, 4 500 … han har tjänat 57 000"
            self.mentions.append((i, "child", (kid,)))  # type: ignore[arg-type]
            return "child"
        if single and not adult_income:  # "ensamstående mamma …, han har tjänat": her son
            child_sex = "son" if sex == "m" else "dotter"
            ref = ("son" if sex == "m" else "daughter") if self.known.child_with_salary is None \
                else f"index:{self.known.child_with_salary}"
            kid = self._ref_child(ref, i, child_sex)
            self.mentions.append((i, "child", (kid,)))
            return "child"
        return "partner"

    def _sentence_about_child(self, i: int) -> int | None:
        """"jag skrev fel om dottern. hon bor …": the sentence before the pronoun's ends with
        "om <child>"; the pronoun opens its own sentence."""
        tokens = self.tokens
        part = tokens[i].part
        if part == 0 or any(x.part == part and x.kind != "punct" for x in tokens[:i]):
            return None
        before = [k for k, x in enumerate(tokens[:i]) if x.part == part - 1 and x.kind != "punct"]
        if len(before) < 2 or not _word(tokens[before[-2]], "om"):
            return None
        found = [kids for idx, kind, kids in self.mentions
                 if idx == before[-1] and kind == "child" and len(kids) == 1]
        return found[0][0] if found else None

    def _adult_income_in_clause(self, i: int) -> bool:
        """An income only adults have (a-kassa, sjukpenning …) in the pronoun's clause."""
        for t in self.tokens[i + 1:i + 6]:
            if t.clause != self.tokens[i].clause:
                break
            if _c(t, "income") and (t.concept or "").partition(":")[2] \
                    not in lexicon.CHILD_INCOME_TYPES:
                return True
        return False

    def _child_is_subject(self, kid: int) -> bool:
        """"sonen 18 har extrajobb" (a verb follows): a pronoun after it may be the son;
        "sambor, sonen 14 och dottern 9, hon …" (a list): it is not."""
        for idx, kind, kids in self.mentions:
            if kind == "child" and kids == (kid,):
                k = idx + 1
                while k < len(self.tokens) and (
                        (self.tokens[k].kind in ("num", "aring") and self.tokens[k].used)
                        or _c(self.tokens[k], "year_unit") or _word(self.tokens[k], "(", ")")):
                    k += 1
                nxt = _at(self.tokens, k)
                return bool(nxt and (nxt.text in lexicon.SUBJECT_VERBS or _c(nxt, "income")
                                     or nxt.text == ":"))
        return False

    def _adult_age(self, i: int, role: str) -> None:
        tokens = self.tokens
        j = i + 1
        while _word(_at(tokens, j), "är", "på", ","):
            j += 1
        num, unit = _at(tokens, j), _at(tokens, j + 1)
        if _word(_at(tokens, i - 1), "betalar", "får", "har", "tjänar", "fick"):
            return  # "a-kassan betalar han 110": an amount, not his age
        if _free_int(num, lexicon.ADULT_AGE_READ_UP_TO) and num.value >= 18 and (  # type: ignore[union-attr,operator]
                _c(unit, "year_unit") or unit is None or unit.kind == "punct"
                or _c(unit, "applicant", "partner", "child", "couple", "single")
                or _word(unit, "med", "och", "som", "har", "utan", "resp")):
            if role == "partner":
                self.p.partner_age = int(num.value)  # type: ignore[union-attr,arg-type]
            else:
                self.p.applicant_age = int(num.value)  # type: ignore[union-attr,arg-type]
            num.used = True  # type: ignore[union-attr]
            if _c(unit, "year_unit"):
                unit.used = True  # type: ignore[union-attr]

    def fill_owners(self) -> None:
        """Each token's person: the last subject mention before it in its sentence part.
        Children joined by "och" ("sonen 12 och dottern 8 bor hos honom …") share the words
        after them."""
        current: tuple[str, tuple[int, ...]] | None = None
        part = 0
        starts = {idx: (kind, kids) for idx, kind, kids in self.mentions}
        for k, t in enumerate(self.tokens):
            if t.part != part:
                part, current = t.part, None
            if k in starts:
                new = starts[k]
                if new[0] == "child" and current and current[0] == "child" \
                        and self._joined(k):
                    new = ("child", tuple(dict.fromkeys(current[1] + new[1])))
                current = new
                if t.depth:  # "barn 4 och 6 (4-åringen på förskola)": the aside is the 4's
                    j = k
                    while j < len(self.tokens) and self.tokens[j].bracket == t.bracket:
                        self.owner[j] = new
                        j += 1
            own = self.owner[k]
            if own is None:
                self.owner[k] = current
            elif t.depth == 0 and not (current and own[0] == current[0]
                                       and set(own[1]) <= set(current[1])):
                current = own

    def _joined(self, k: int) -> bool:
        """The child mention at k follows another child and "och" / "," only."""
        j = k - 1
        if not _word(_at(self.tokens, j), "och", "&", "samt", "o", "+"):
            return False
        before = _at(self.tokens, j - 1)  # the other child's age or word, right before "och"
        return bool(before and ((before.kind in ("num", "aring") and before.used)
                                or _c(before, "year_unit", "child")))

    # ------------------------------------------------------------------ child attributes

    def _children_at(self, k: int) -> list[int] | None:
        """The child mentions the words at token k are about; None: no child named."""
        own = self.owner[k]
        if own is None:
            return None
        kind, kids = own
        if kind == "child":
            return list(kids)
        if kind == "children":
            return [c for c, m in enumerate(self.p.children) if m.new] or None
        return None

    def _days_spec(self, i: int) -> tuple[int, int] | None:
        """Days at tokens[i]: "varannan vecka" or "10 dagar"; (days, index after)."""
        tokens = self.tokens
        if _c(_at(tokens, i), "alternate_week"):
            return self.lim.alternate_week_days, i + 1
        if _free_int(_at(tokens, i), self.lim.full_month_days) and _c(_at(tokens, i + 1),
                                                                      "day_unit"):
            return int(tokens[i].value), i + 2  # type: ignore[arg-type]
        return None

    def _resp_days(self) -> None:
        """"döttrarna 11 och 6 är hos honom varannan vecka resp 10 dagar": in order."""
        tokens, p = self.tokens, self.p
        for i in range(len(tokens)):
            first = self._days_spec(i)
            if first is None or not _c(_at(tokens, first[1]), "resp"):
                continue
            second = self._days_spec(first[1] + 1)
            kids = self._children_at(i) or self._children_after(i)
            if second is None or not kids or len(kids) != 2:
                continue
            for kid, (days, _) in zip(kids, (first, second), strict=True):
                p.children[kid].days = days
                p.children[kid].part_time = days < self.lim.full_month_days
            for x in tokens[i:second[1]]:
                x.used = True

    def attributes(self) -> None:
        tokens, p = self.tokens, self.p
        lim = self.lim
        self._resp_days()
        weekly_days: list[tuple[int, int]] = []
        for i, t in enumerate(tokens):
            weekly = _c(t, "week_days") or (_c(t, "day_unit") and _free_int(_at(tokens, i - 1), 5)
                                            and any(_c(x, "lunch") for x in tokens[max(0, i - 4):i]
                                                    if x.part == t.part))
            if not weekly:
                continue
            t.used = True  # "förskola 5 dagar (i veckan)": how often, not days of the month
            before = _at(tokens, i - 1)
            if _free_int(before, 7):
                before.used = True  # type: ignore[union-attr]
                self.p.replaced.append(self.quote(i - 1, i))
                weekly_days.append((i, int(before.value)))  # type: ignore[union-attr,arg-type]
        for i, t in enumerate(tokens):
            if t.used and _c(t, "day_unit", "alternate_week"):
                continue
            days: int | None = None
            part_time = False
            if _c(t, "alternate_week", "full_time", "part_time") and _c(
                    _at(tokens, i - 1), "negation", "correction_old"):
                p.replaced.append(self.quote(i - 1, i))  # "…, inte varannan vecka"
                continue
            if _c(t, "alternate_week"):
                days, part_time = lim.alternate_week_days, True
            elif _c(t, "full_time") and any(
                    _c(x, "income") and x.clause == t.clause
                    for x in tokens[max(0, i - 6):i + 7]):
                continue  # "lön 16 800 netto (heltid lager)": the work, not a child's days
            elif _c(t, "full_time"):
                days = lim.full_month_days
            elif _c(t, "part_time"):
                part_time = True
            elif _c(t, "day_unit"):
                before = _at(tokens, i - 1)
                if _free_int(before) and _c(_at(tokens, i - 2), "negation", "correction_old"):
                    before.used = t.used = True  # type: ignore[union-attr]
                    p.replaced.append(self.quote(i - 2, i))  # "…, inte 10 dagar"
                    continue
                if _free_int(before):
                    days = int(before.value)  # type: ignore[union-attr,arg-type]
                    before.used = True  # type: ignore[union-attr]
                    part_time = days < lim.full_month_days
                    t.used = True
                    k = i + 1
                    self._old_days(k)
                else:
                    continue
            elif _c(t, "lunch") and any(_c(x, "income:salary") for x in tokens[max(0, i - 4):i]
                                        if x.clause == t.clause):
                continue  # "jobbar på förskola", "(timmar på en förskola)": a workplace
            elif _c(t, "lunch"):
                if not any(_c(x, "no_lunch") for x in tokens[max(0, i - 3):i]
                           if x.clause == t.clause):  # "äter inte lunch på förskolan"
                    self._flag(i, "lunch", not _negated(tokens, i))
                continue
            elif _c(t, "no_lunch"):  # "äter hemma"
                self._flag(i, "lunch", False)
                continue
            elif _c(t, "in_school"):
                self._flag(i, "in_school", not _negated(tokens, i))
                continue
            elif _c(t, "out_of_school"):
                self._flag(i, "in_school", False)
                continue
            elif _c(t, "remove") and any(k == i + 1 and kind == "child"
                                         for k, kind, _ in self.mentions):
                for k, kind, kids in self.mentions:
                    if k == i + 1 and kind == "child":
                        for c in kids:
                            p.children[c].removed = True  # "stryk 19-åringen"
                continue
            elif _c(t, "remove") and _word(_at(tokens, i + 1), "henne", "honom"):
                sex = "f" if tokens[i + 1].text == "henne" else "m"
                if p.adults == 1 and self.known.partner_sex == sex:
                    tokens[i + 1].used = True  # "sambon flyttade ut …, ta bort honom": him
                    continue
                kid = self._child_named_before(i, "dotter" if sex == "f" else "son")
                if kid is not None:  # "dottern 20 söker själv, räkna inte med henne"
                    p.children[kid].removed = tokens[i + 1].used = True
                continue
            elif _c(t, "moves_out"):
                kids = self._children_at(i)
                own = self.owner[i]
                if kids:
                    for c in kids:
                        p.children[c].removed = True
                elif own and own[0] in ("partner", "both") or "separer" in t.text \
                        or "isär" in t.text:
                    p.adults = 1  # "sambon har flyttat ut", "de har separerat"
                continue
            else:
                continue
            kids = self._children_at(i)
            if kids is None:
                kids = self._children_after(i)
            if kids is None and self._reason_clause(i):
                p.unread.append(self.quote(i, i))  # "… sen pappan fick växelvis boende"
                continue
            if kids is None:
                if days is not None:
                    self._set_once("days", days, i - 1 if _c(t, "day_unit") else i)
                p.part_time = p.part_time or part_time
                continue
            for c in kids:
                m = p.children[c]
                if days is not None:
                    earlier = self.stored.get(("days", c))
                    if earlier is not None and m.days != days:
                        p.replaced.append(self.quote(earlier, earlier))
                    self.stored[("days", c)] = i - 1 if _c(t, "day_unit") else i
                    m.days, m.part_time = days, days < lim.full_month_days
                elif part_time and m.days is None:
                    m.part_time = True
        self._weekly_lunch(weekly_days)

    def _child_named_before(self, i: int, sex: str) -> int | None:
        """The child the nearest mention before token i names, when its sex may be ``sex``."""
        for at, kind, kids in sorted((m for m in self.mentions if m[0] < i), reverse=True):
            if _word(_at(self.tokens, at - 1), *PREPOSITIONS):
                continue  # "hon bor ensam med sonen": not who is removed
            if kind in ("applicant", "partner", "both"):
                return None
            if kind == "child" and len(kids) == 1 \
                    and self.p.children[kids[0]].sex in (sex, None):
                return kids[0]
        return None

    def _weekly_lunch(self, weekly_days: list[tuple[int, int]]) -> None:
        """The lower amount is for lunch at förskola five days a week: "3 dagar/v" is none."""
        for i, days in weekly_days:
            self._flag(i, "lunch", days >= 5)

    def _old_days(self, k: int) -> None:
        tokens = self.tokens
        while _word(_at(tokens, k), ","):
            k += 1
        if _c(_at(tokens, k), "negation", "correction_old"):
            nxt = _at(tokens, k + 1)
            if _free_int(nxt) and _c(_at(tokens, k + 2), "day_unit"):
                nxt.used = True  # type: ignore[union-attr]
                tokens[k + 2].used = True
                self.p.replaced.append(self.quote(k, k + 2))

    def _children_after(self, i: int) -> list[int] | None:
        """"varannan vecka bor sonen här": a child named later in the same clause."""
        for idx, kind, kids in self.mentions:
            if idx > i and self.tokens[idx].clause == self.tokens[i].clause and kind == "child":
                return list(kids)
        return None

    def _flag(self, i: int, name: str, value: bool) -> None:
        kids = self._children_at(i)
        if kids is None:
            kids = self._children_after(i)
        if kids is None:
            setattr(self.p, name, value)
            return
        if name == "lunch" and value:
            # "Mira 10 och Sami 5 som går på förskola": the lunch is the one of förskola age
            young = [c for c in kids if (self.p.children[c].age or 0) <= self.lim.lunch_max_age]
            kids = young or kids
        for c in kids:
            setattr(self.p.children[c], name, value)

    # ------------------------------------------------------------------ months, household

    def months(self) -> None:
        tokens, p = self.tokens, self.p
        new_application = any(_c(t, "new_application") for t in tokens)
        # counts outside brackets first: "7 mån i rad, inte 5 (missade två mån i våras)" — an
        # aside does not replace a count said outside it, but may give one of its own
        # ("jobbstimulansen är redan förbrukad (24 mån)")
        order = sorted(range(len(tokens)), key=lambda k: tokens[k].depth > 0)
        for i in order:
            t = tokens[i]
            years = _c(t, "year_unit") and any(  # "bistånd i tre år i sträck": 36 months
                _c(x, "support") for x in tokens[max(0, i - 4):i + 4] if x.clause == t.clause)
            if not (_c(t, "month_unit") or years) or t.used:
                continue
            before = _at(tokens, i - 1)
            if not _free_int(before, 40 if years else None):
                continue
            topic = self._nearest_topic(i)
            same_clause = [k for k, x in enumerate(tokens) if x.clause == t.clause
                           and _c(x, "job_stimulus", "support")]
            if self.expecting == "calc_support_months" and not same_clause:
                topic = "support"  # the reply to "Hur många månader i följd …?"
            elif same_clause:  # the nearest before the number, else after it
                before_i = [k for k in same_clause if k < i]
                topic = tokens[before_i[-1] if before_i else same_clause[0]].concept
            if topic == "job_stimulus":
                name = "job_stimulus_months_used"
            elif topic == "support" or self.expecting == "calc_support_months":
                name = "consecutive_months_with_support"
            else:
                continue
            count = int(before.value) * (12 if years else 1)  # type: ignore[union-attr,arg-type]
            if t.depth and getattr(p, name) is not None:
                continue
            self._set_once(name, count, i - 1)
            before.used = t.used = True  # type: ignore[union-attr]
        if new_application and p.consecutive_months_with_support is None:
            p.consecutive_months_with_support = 0  # "nyansökan", unless months are given
        for i, t in enumerate(tokens):  # "har inte haft fbs tidigare", "aldrig haft bistånd"
            if _c(t, "support") and _neg_before(tokens, i) \
                    and p.consecutive_months_with_support is None:
                p.consecutive_months_with_support = 0
        # "jobbstimulans har inte använts", "aldrig haft jobbstimulans"
        for i, t in enumerate(tokens):
            if _c(t, "job_stimulus") and _negated(tokens, i) \
                    and p.job_stimulus_months_used is None:
                p.job_stimulus_months_used = 0

    def _names_the_month(self, i: int) -> bool:
        """A month name is the month computed when it leads its sentence part ("november 2024."),
        carries a year, or follows för / gäller / avser / inför / beräkning / månad."""
        tokens = self.tokens
        prev, nxt = _at(tokens, i - 1), _at(tokens, i + 1)
        if nxt is not None and nxt.kind == "num" and nxt.text.isdigit() and len(nxt.text) in (2, 4):
            return True
        if prev is None or prev.kind == "punct" or prev.part != tokens[i].part:
            return True
        triggers = ("för", "gäller", "avser", "inför", "beräkning", "beräkningen", "månad",
                    "ansökan gäller", "ansökan för",
                    "månaden", "ansökan", "ansöker", "söker", "period", "perioden", "avseende")
        if prev.text in triggers or _c(prev, "month_unit"):
            return True
        if prev.text == "i":  # "i december", but not "flyttade in i oktober", "kom i juni"
            clause = [t.text for t in tokens[:i] if t.clause == tokens[i].clause]
            past = any(w.endswith(("ade", "de", "te")) or w in ("kom", "fick", "var", "blev",
                                                                "gick", "in")
                       or (len(w) > 5 and w.endswith("at"))  # "har flyttat … i augusti"
                       for w in clause) or any(_c(t, "moves_out") for t in tokens[:i]
                                               if t.clause == tokens[i].clause)
            # "han fyller 3 i februari", "slutar i juni": another event, not the month computed
            other = any(w in ("fyller", "slutar", "börjar", "flyttar", "fyllde", "föds")
                        for w in clause)
            return not (past or other)
        return False

    def _since_month(self) -> None:
        """"haft försörjningsstöd sedan juni": the months from June up to the month computed."""
        tokens, p = self.tokens, self.p
        for i, t in enumerate(tokens):
            if not (_c(t, "month") and not t.used and _c(_at(tokens, i - 1), "since")):
                continue
            if self._nearest_topic(i) is None and self.expecting != "calc_support_months":
                continue  # "17-åringen har flyttat till sin pappa sen nov": not the support
            since = int((t.concept or "").split(":")[1])
            year = _at(tokens, i + 1)
            current = p.month or self.today.month
            months = (current - since) % 12
            if _free_int(year) and 1990 <= year.value <= 2100:  # type: ignore[union-attr,operator]
                calc_year = p.year or self.today.year
                months = (calc_year - int(year.value)) * 12 + current - since  # type: ignore[union-attr,arg-type]
                year.used = True  # type: ignore[union-attr]
            t.used = True
            name = ("job_stimulus_months_used" if self._nearest_topic(i) == "job_stimulus"
                    else "consecutive_months_with_support")
            if getattr(p, name) is None:  # "sedan november, sex månader i rad": the number
                self._set_once(name, max(0, months), i)
            elif year is not None and year.used:
                p.replaced.append(self.quote(i, i + 1))  # "sedan jan 2025, 23 mån": shown

    def _set_once(self, name: str, value: int, index: int) -> None:
        """Set a fact of the message; said twice, the last value counts and the first is
        quoted as replaced (never dropped silently)."""
        earlier = self.stored.get(("fact", name))
        if earlier is not None:
            self.p.replaced.append(self.quote(earlier, earlier))
        self.stored[("fact", name)] = index
        setattr(self.p, name, value)

    def _nearest_topic(self, i: int) -> str | None:
        tokens = self.tokens
        part = tokens[i].part
        before = [t for t in tokens[:i] if t.part == part][::-1]
        after = [t for t in tokens[i + 1:] if t.part == part]
        for t in [*before, *after]:
            if _c(t, "job_stimulus", "support"):
                return t.concept
        return None

    def household(self) -> None:
        tokens, p = self.tokens, self.p
        if any(_c(t, "applies_self") and not (  # "ansökan gäller februari" is a date
                _c(_at(tokens, i + 1), "month") or getattr(_at(tokens, i + 1), "kind", "") == "ym"
                or (_free_int(_at(tokens, i + 1)) and tokens[i + 1].value >= 2000))  # type: ignore[operator]
               for i, t in enumerate(tokens)):
            for m in p.children:  # "dottern 20 år söker själv": she is the applicant
                if self.known.adults is not None and (not m.new or (
                        m.age is not None and m.age in self.known.child_ages)):
                    m.removed = True  # a child of the household known: she leaves it
                    continue
                if not m.new and not self.known.child_ages and m.age is None:
                    m.new, m.ref = True, None  # "sonen söker själv, …": no child known yet
                if m.new and m.age is None:
                    m.age = self._grown_age_in_part(m)  # "sonen söker själv, 23 år, …"
                if m.new and m.age is not None and m.age >= self.lim.school_age_from - 1:
                    p.applicant_age, m.placeholder = m.age, True
                    if m.sex is not None:  # "… bor hos mamma o pappa": he applies, not she
                        p.applicant_sex = "m" if m.sex == "son" else "f"
                    self.owner = [None if o and o[0] == "child" else o for o in self.owner]
        said = any(_c(t, "shared_household") and not self._about_a_child(i)
                   for i, t in enumerate(tokens))
        if said and self.known.adults == 2 and p.adults != 1 and not any(
                _c(t, "moves_out") or (_c(t, "couple") and _neg_before(tokens, k))
                for k, t in enumerate(tokens)):
            said = False  # a couple: "han är där 20 dagar, resten hos sin pappa" is the son's
        p.lives_with_parents = any(_c(t, "shared_household") and self._about_a_child(i)
                                   for i, t in enumerate(tokens))
        shared = said or self.known.shared
        p.shared_household = said
        if said:
            # "dottern 22 bor kvar hos föräldrarna": the grown child is the applicant
            lim = self.lim
            for m in p.children:
                if m.new and m.age is not None and m.age > lim.child_max_age:
                    p.applicant_age, m.placeholder = m.age, True
        size = self._stated_size(shared)
        if not shared:
            p.household_size = size  # checked against the members named (facts.check)
        else:
            p.shared_household_members = size
            if p.shared_household_members is None:
                p.shared_household_members = self._listed_members()
            if p.shared_household_members is None:
                for i, t in enumerate(tokens):  # "de är fyra", "totalt 4", "det bor fyra där"
                    n = i + 2 if _word(_at(tokens, i + 1), "alltså", "totalt") else i + 1
                    if (_word(t, "är", "totalt") or (_word(t, "bor") and _word(
                            _at(tokens, n + 1), "där", "hemma", "i", "personer"))) \
                            and _free_int(_at(tokens, n), 20) \
                            and tokens[n].value >= 2 and not _unit_after(tokens, n) \
                            and not _c(_at(tokens, n + 1), "cost", "income"):  # type: ignore[operator]
                        p.shared_household_members = int(tokens[n].value)  # type: ignore[arg-type]
                        tokens[n].used = True  # "de är alltså 5 i lgh"
                        break
            if p.shared_household_members is None and said and (
                    any(_c(t, "applies_self") for t in tokens)
                    or any(m.placeholder and m.age for m in p.children)):
                p.shared_household_members = self._members_at_home()  # a grown child applies
            if said and p.adults is None:
                p.adults = 1
            if p.shared_household_members is not None and not any(
                    m.new and not m.placeholder for m in p.children):
                p.no_children = True

    # ------------------------------------------------------------------ amounts

    def _members_at_home(self) -> int | None:
        """"bor kvar hemma hos pappa, hans sambo och två småsyskon (7 och 4)": the applicant and
        everyone listed right after the shared-household words, said in the summary."""
        tokens = self.tokens
        start = next((k for k, t in enumerate(tokens) if _c(t, "shared_household")), None)
        if start is None:
            return None
        said = tokens[start].text.split()  # "hos sin mamma": the parent is in the phrase
        people = 1 + (2 if any(w.startswith("föräldr") for w in said)
                      else 1 if set(said) & lexicon.PARENT_WORDS else 0)
        in_phrase, count, k = people, None, start + 1
        while k < len(tokens) and tokens[k].part == tokens[start].part and k < start + 20:
            x = tokens[k]
            if _free_int(x, 9) and _c(_at(tokens, k + 1), "sibling", "child"):
                count = int(x.value)  # type: ignore[arg-type]  # "två småsyskon"
            elif _c(x, "sibling", "child"):
                ages = 0
                j = k + 1 + int(_word(_at(tokens, k + 1), "("))
                while _free_int(_at(tokens, j), 20) or _word(_at(tokens, j), "o", "och", ","):
                    ages += int(tokens[j].kind == "num")
                    j += 1
                people += count or ages or (2 if x.text in lexicon.PLURAL_CHILD_WORDS
                                            or x.text in ("syskon", "småsyskon") else 1)
                count = None
                k = max(k, j - 1)
            elif x.text in lexicon.PARENT_WORDS or _c(x, "partner"):
                people += 1
            elif _c(x, "couple"):
                people += 2 if x.text in ("föräldrarna", "mamma och pappa", "pappa och mamma",
                                          "båda föräldrarna") else 1  # "mammans sambo": 1
            elif not (x.kind == "punct" or x.text in lexicon.POSSESSIVES
                      or x.text in ("o", "och", "sin", "sina", "mammans", "pappans", "yngre",
                                    "äldre", "små", "också", "samt", "med")):
                break
            k += 1
        if people < 2 or people == in_phrase:
            return None  # "bor hos sin mamma": whether others live there is asked
        self.p.notes.append(f"Hushållsgemenskapen räknad till {people} personer: sökande och "
                            "de som nämndes.")
        return people

    def _grown_age_in_part(self, m: ChildMention) -> int | None:
        """"sonen söker själv, 23 år": a free age in years in the sentence of the child word."""
        at = next((idx for idx, kind, kids in self.mentions
                   if kind == "child" and self.p.children.index(m) in kids), None)
        if at is None:
            return None
        tokens = self.tokens
        for k in range(at + 1, min(len(tokens) - 1, at + 8)):
            t = tokens[k]
            if t.part != tokens[at].part:
                return None
            if _free_int(t, MAX_AGE_READ) and _c(tokens[k + 1], "year_unit") \
                    and t.value >= self.lim.school_age_from - 1:  # type: ignore[operator]
                t.used = tokens[k + 1].used = True
                return int(t.value)  # type: ignore[arg-type]
        return None

    def _about_a_child(self, i: int) -> bool:
        """"13-åringen bor hos pappan": words about a child (a grown child who applies is not)."""
        own = self.owner[i]
        if not own or own[0] not in ("child", "children"):
            return False
        ages = [self.p.children[c].age for c in own[1]]
        return not ages or any(a is None or a <= self.lim.child_max_age for a in ages)

    def _stated_size(self, shared: bool) -> int | None:
        """"4 personer i hushållet", "alltså 4 i hushållet", "hushållet är 3 personer"."""
        tokens = self.tokens
        for i, t in enumerate(tokens):
            before = _at(tokens, i - 1)
            if _c(t, "persons") and _free_int(before, 100) and (shared or any(
                    _c(x, "household_word") for x in tokens if x.part == t.part)):
                before.used = t.used = True  # type: ignore[union-attr]
                return int(before.value)  # type: ignore[union-attr,arg-type]
        for i, t in enumerate(tokens):
            if not _c(t, "household_word"):
                continue
            k = i - 1  # "de är fyra i hushållet"
            while _word(_at(tokens, k), "i", "totalt", "personer", "st"):
                k -= 1
            if _free_int(_at(tokens, k), 100) and tokens[k].value >= 2:  # type: ignore[operator]
                tokens[k].used = True
                return int(tokens[k].value)  # type: ignore[arg-type]
            j = i + 1
            while _word(_at(tokens, j), "är", "består", "av", "totalt", "på", "om"):
                j += 1
            if _free_int(_at(tokens, j), 100) and not _unit_after(tokens, j) \
                    and not _c(_at(tokens, j + 1), "cost", "income"):
                tokens[j].used = True
                return int(tokens[j].value)  # type: ignore[arg-type]
        return None

    def _listed_members(self) -> int | None:
        """"hushållet är han, mamma och pappa": the members listed after the household word."""
        tokens = self.tokens
        for i, t in enumerate(tokens):
            if not _c(t, "household_word") or not _word(_at(tokens, i + 1), "är", ":"):
                continue
            items, words = 1, 0
            for x in tokens[i + 2:]:
                if x.part != t.part or x.kind == "num":
                    break
                if x.text in (",", "och", "&", "+"):
                    items += 1
                    words = 0
                elif _c(x, "couple") and " och " in x.text:
                    items += 1  # "mamma och pappa": two
                else:
                    words += 1
                    if words > 3:
                        return None
            return items if items >= 2 else None
        return None

    def _owner_of(self, k: int) -> tuple[str, int | None]:
        """Whose income the words at token k are: a person named in the same clause (or the
        child whose aside it is), else the applicant."""
        own = self.owner[k]
        in_aside = self.tokens[k].depth and own and own[0] == "child"
        named_here = any(self.tokens[idx].clause == self.tokens[k].clause and idx <= k
                         for idx, _, _ in self.mentions)
        key = (self.tokens[k].concept or "").partition(":")[2]
        if own and own[0] == "child" and len(own[1]) == 1 and own[1][0] in self.subject_child \
                and key in lexicon.CHILD_INCOME_TYPES and self._child_near(own[1][0], k) \
                and not self._too_young_to_work(own[1][0], key):
            return "child", own[1][0]  # "sonen har extrajobb, lön 3 500": the son's
        if own is not None and not (named_here or in_aside):
            named_here = self._topic_clause_before(k, key)
        if own is None or not (named_here or in_aside):
            return "applicant", None
        kind, kids = own
        if kind in ("applicant", "partner"):
            return kind, None
        if kind == "both":
            return "both", None
        if kind == "child" and len(kids) == 1 and (kids[0] in self.subject_child
                                                    or self.tokens[k].depth):
            return "child", kids[0]
        return "applicant", None

    def _reason_clause(self, i: int) -> bool:
        """"ta bort underhållsstödet, … sen pappan fick växelvis boende": words in a clause of
        reason or time, about no child named, are no days of the children."""
        return any(x.text in ("sen", "sedan", "eftersom", "när", "då") or _c(x, "since")
                   for x in self.tokens[:i] if x.clause == self.tokens[i].clause)

    def _child_near(self, kid: int, k: int) -> bool:
        """The child was named in the clause of token k or within the eight tokens before."""
        return any(kind == "child" and kid in kids and (
            self.tokens[idx].clause == self.tokens[k].clause or 0 <= k - idx <= 8)
            for idx, kind, kids in self.mentions)

    def _too_young_to_work(self, kid: int, key: str) -> bool:
        """"lillen går inte på förskola än, … lönen är 11 200": no wage of a small child."""
        age = self.p.children[kid].age
        return key == "salary" and age is not None and age < lexicon.CHILD_WAGE_FROM_AGE

    def _topic_clause_before(self, k: int, key: str) -> bool:
        """"han jobbar, lön 11 600": the clause before names a person and the same income
        without an amount; the amount after the comma is that person's."""
        t = self.tokens[k]
        before = [x for x in self.tokens if x.part == t.part and x.clause == t.clause - 1]
        return bool(before) and not any(x.kind == "num" for x in before) \
            and any(x.concept == f"income:{key}" for x in before) \
            and any(self.tokens[idx].clause == t.clause - 1 and self.tokens[idx].part == t.part
                    for idx, _, _ in self.mentions)

    def _person_at(self, k: int) -> tuple[str, int | None] | None:
        for idx, kind, kids in self.mentions:
            if idx == k:
                if kind in ("applicant", "partner", "both"):
                    return kind, None
                if kind == "child" and len(kids) == 1:
                    return "child", kids[0]
        return None

    def _store(self, target: Token, num: Token, owner: tuple[str, int | None],
               add: bool = False) -> None:
        p = self.p
        num = self._total_of(num)
        kind, _, key = (target.concept or "").partition(":")
        ti = self.tokens.index(target)
        if kind == "income" and _c(_at(self.tokens, ti - 1), "includes") and any(
                ti - 7 <= k < ti and t.concept == target.concept
                for k, (t, _) in self.amount_at.items()):
            # "bb 2 650 (inkl flerbarnstillägg 150)": part of the amount before, not one more
            num.used = target.used = True
            p.replaced.append(self.quote(ti - 1, self.tokens.index(num)))
            return
        amount = to_kronor(num.value)  # type: ignore[arg-type]
        if kind == "cost" and key == "housing" and target.text.startswith("avg") and any(
                _names_akassa(x) for x in self.tokens[max(0, ti - 12):ti]
                if x.part == target.part):
            key = "unemployment_fund"  # "a-kassan är 8 700 (…, avgiften 150 stämmer)"
        if kind == "income" and key == "unemployment_benefit" and _names_akassa(target) \
                and amount < lexicon.AKASSA_FEE_BELOW:
            kind, key = "cost", "unemployment_fund"  # "fack 230 + a-kassa 150": the fee
        if owner[0] == "both":
            owner = ("applicant", None)
        slot = (kind, key, owner) if kind == "income" else (kind, key)
        earlier = self.stored.get(slot)
        person = self._person_between(earlier, self.tokens.index(num)) if earlier else None
        parts = self.summed.setdefault(slot, [])
        if kind == "cost" and earlier is not None and (person is not None or add) \
                and key in lexicon.PERSONAL_COSTS:
            amount += p.costs.get(key, 0)  # "han a-kassa 160, hon a-kassa 150": both fees
            parts.append(earlier)
        elif earlier is not None:  # the same fact twice in one message: the last value counts
            for k in [*parts, earlier]:  # every amount it replaces, also each part of a sum
                p.replaced.append(self.quote(k, k))
            parts.clear()
        self.stored[slot] = self.tokens.index(num)
        after = _at(self.tokens, self.tokens.index(num) + 1)
        ti = self.tokens.index(target)
        each_before = next((x for x in self.tokens[max(0, ti - 2):ti] if _c(x, "each_own")), None)
        if each_before is not None:
            after = each_before  # "de har var sitt sl-kort för 970"
        if kind == "cost" and key in lexicon.PERSONAL_COSTS and (
                _word(after, "var") or _c(after, "each", "each_own")) and (
                self.p.adults == 2 or self.known.adults == 2) and not _free_num(
                _at(self.tokens, self.tokens.index(num) + 2)):
            after.used = True  # type: ignore[union-attr]
            amount *= 2  # "sl-kort 1 060 var": both adults
        if kind == "cost":
            p.costs[key] = amount
        elif kind == "cap":
            p.housing_cap = amount
        else:
            member, child = owner
            k = self.tokens.index(num) + 1
            while _word(_at(self.tokens, k), "kr", "kronor", "i", "månaden", "netto"):
                k += 1
            if _c(_at(self.tokens, k), "each"):
                k += 1
            after = self._genitive_owner(k)
            if after is None and _word(_at(self.tokens, k), "(") \
                    and _word(_at(self.tokens, k + 2), ")"):
                after = self._person_at(k + 1)  # "studiebidrag 1 250 (19-åringens)"
            if after is None and key not in lexicon.CHILD_BENEFITS:
                after = self._possessive_after(max(self.tokens.index(num), ti))
            if after is not None and getattr(self, "moved_from", None):
                p.no_income_types.append((key, self.moved_from))
            if after is None and _word(_at(self.tokens, k), "för", "till", "åt"):
                after = self._person_at(k + 1)
                if after is None and _c(_at(self.tokens, k + 1), "partner"):
                    after = ("partner", None)
            if after is not None:  # "8 000 för maken", "1 250 för 19-åringen"
                member, child = after
            if member == "both":
                member = "applicant"
            other_word = earlier is not None and self.amount_at.get(earlier) is not None \
                and self.amount_at[earlier][0].text[:5] != target.text[:5]
            if not other_word:  # the same word twice: the last value counts
                before = to_kronor(self.tokens[earlier].value) if earlier is not None \
                    else None  # type: ignore[arg-type]
                same = [x for x in p.incomes if x.type == key and x.member == member
                        and x.child == child and (before is None or x.amount == before)]
                if same:
                    p.incomes.remove(same[-1])
                    if add and _word(_at(self.tokens, self.tokens.index(num) - 1), "+"):
                        amount += same[-1].amount  # "barnbidrag 1 250 + 625": one sum
                        if p.replaced and earlier is not None:
                            p.replaced.pop()
            elif p.replaced and earlier is not None:
                p.replaced.pop()  # "bb 1 250 + flerbarnstillägg 150": two amounts, both count
            clause = [x for x in self.tokens if x.clause == target.clause]
            for_child = member == "child" or any(
                _word(x, "för") and getattr(y, "text", "") in ("honom", "henne", "dem")
                for x, y in zip(clause, clause[1:], strict=False))
            also = key in lexicon.PAID_TO_PARENT and for_child and any(
                _word(x, "också", "även", "dessutom") for x in clause)
            p.incomes.append(IncomeFact(key, amount, member, child, also=also))
            after_num = _at(self.tokens, self.tokens.index(num) + 1)
            if _word(after_num, "kr", "kronor"):
                after_num = _at(self.tokens, self.tokens.index(num) + 2)  # "1 250 kr vardera"
            kids_here = [m for m in p.children if m.new and not m.placeholder]
            n_children = len(kids_here) or len(self.known.child_ages)
            if _c(after_num, "per_child") and n_children > 1:
                after_num.used = True  # type: ignore[union-attr]  # "1 673 per barn"
                for _ in range(n_children - 1):
                    p.incomes.append(IncomeFact(key, amount, member, child))
            two_children = len(kids_here) == 2 or (not kids_here
                                                   and len(self.known.child_ages) == 2)
            if (_word(after_num, "var") or _c(after_num, "each")) and (any(
                    x.text in ("båda", "bägge") or _c(x, "both")
                    for x in self.tokens if x.clause == target.clause)
                    or (two_children and key in lexicon.CHILD_BENEFITS
                        and (after_num.text in ("var", "vardera", "styck")  # type: ignore[union-attr]
                             or _c(after_num, "each")))):  # "för var och en av barnen"
                after_num.used = True  # type: ignore[union-attr]
                p.incomes.append(IncomeFact(key, amount, member, child))  # "1 250 var"
        num.used = True
        target.used = True
        self.amount_at[self.tokens.index(num)] = (target, (member, child) if kind == "income"
                                                  else owner)
        self._old_value(self.tokens.index(num) + 1)

    def _total_of(self, num: Token) -> Token:
        """"1 573 x 2 = 3 146": the total written after "=" is the amount."""
        tokens = self.tokens
        k = tokens.index(num)
        for d in range(1, 6):  # "2 x SL 970 = 1 940", "970 x 2 = 1 940"
            eq, total = _at(tokens, k + d), _at(tokens, k + d + 1)
            if eq is None or eq.part != num.part or (eq.text == "," and eq.kind == "punct"):
                break
            if _word(eq, "=") and _free_num(total) and any(
                    _word(x, "x", "*", "×", "gånger") for x in tokens[max(0, k - 2):k + d]):
                for x in tokens[k:k + d]:
                    x.used = True  # "2 x SL 970 =": read as the total, not as amounts
                self.p.replaced.append(self.quote(k, k + d - 1))
                return total  # type: ignore[return-value]
        per = 2 if _word(_at(tokens, k + 1), "/") and _c(_at(tokens, k + 2), "child") else \
            1 if _c(_at(tokens, k + 1), "per_child") else 0
        eq, total = _at(tokens, k + per + 1), _at(tokens, k + per + 2)
        if per and _word(eq, "=") and _free_num(total):
            for x in tokens[k:k + per + 1]:
                x.used = True  # "1 673/barn = 5 019 tot": the total is the amount
            self.p.replaced.append(self.quote(k, k + per))
            return total  # type: ignore[return-value]
        op, factor, eq, total = (_at(tokens, k + d) for d in (1, 2, 3, 4))
        if _word(op, "x", "*", "×", "gånger") and factor is not None and factor.kind == "num" \
                and _word(eq, "=", "blir") and _free_num(total):
            num.used = factor.used = True
            self.p.replaced.append(self.quote(k, k + 2))  # the product, read as its total
            return total  # type: ignore[return-value]
        return num

    def _possessive_after(self, k: int) -> tuple[str, int | None] | None:
        """"aks 11 450 efter skatt hans", "6 800 lön hennes (timanst)", "1 100 (hennes)": the
        adult whose amount it is, named by "hans"/"hennes" after it (not "hans fack 240")."""
        tokens = self.tokens
        j = k + 1
        while _word(_at(tokens, j), "kr", "kronor", "netto", "efter", "skatt", "i", "månaden",
                    "/", "mån", "("):
            j += 1
        t, nxt = _at(tokens, j), _at(tokens, j + 1)
        if t is None or t.text not in ("hans", "hennes") or (
                nxt is not None and nxt.kind not in ("punct", "num")):
            return None
        sex = "m" if t.text == "hans" else "f"
        a_sex = self.p.applicant_sex or self.known.applicant_sex
        b_sex = self.p.partner_sex or self.known.partner_sex
        role = "applicant" if a_sex == sex else "partner" if b_sex == sex else None
        couple = 2 in (self.p.adults, self.known.adults)
        if role is None and couple and a_sex is None:  # "sambor 33 o 30 … 12 400 lön hans"
            self.p.applicant_sex, role = sex, "applicant"  # type: ignore[assignment]
        elif role is None and couple and b_sex is None and a_sex != sex:
            self.p.partner_sex, role = sex, "partner"  # type: ignore[assignment]
        if role is None:
            return None
        t.used = True
        return role, None

    def _genitive_owner(self, k: int) -> tuple[str, int | None] | None:
        """"lönen 5 000 är sonens, inte hennes": whose the amount is, named after it."""
        tokens = self.tokens
        if not _word(_at(tokens, k), "är"):
            return None
        t = _at(tokens, k + 1)
        if t is None:
            return None
        if t.text in lexicon.GENITIVE_CHILD:
            sex = lexicon.GENITIVE_CHILD[t.text]
            ref = {"son": "son", "dotter": "daughter"}.get(sex or "", "only")
            kid = self._ref_child(ref, k + 1, sex)
            t.used = True
            nxt = _at(tokens, k + 2)
            k2 = k + 3 if _word(nxt, ",") else k + 2
            if _c(_at(tokens, k2), "negation") and _at(tokens, k2 + 1) is not None \
                    and tokens[k2 + 1].text in lexicon.GENITIVE_ADULT:  # "…, inte hennes"
                self.moved_from = "applicant"  # "…, inte hennes"
            return "child", kid
        return None

    def _skip_to_amount(self, i: int, max_words: int, cross_comma: bool
                        ) -> tuple[int | None, tuple[str, int | None] | None]:
        """From the keyword at i: the index of its amount, and a person named in between."""
        tokens = self.tokens
        j = i + 1
        person = None
        words = 0
        while j < len(tokens) and words <= max_words:
            t = tokens[j]
            if t.part != tokens[i].part:
                return None, None
            if t.kind == "punct" and t.text in "([" and t.depth:
                j = self._bracket_end(j)
                continue
            if _free_num(t):
                if _c(_at(tokens, j + 1), "percent", "persons"):  # "50 %", "för 3 personer"
                    j += 2
                    continue
                if t.value <= 12 and _word(_at(tokens, j - 1), "alla", "de", "båda"):  # type: ignore[operator]
                    j += 1  # "underhållsstöd för alla tre, det blir 4 500": a count
                    words += 1
                    continue
                if _unit_after(tokens, j):
                    return None, None
                return j, person
            if t.kind == "num" and ((t.concept == "earlier" and cross_comma)
                                    or t.concept == "gross"
                                    or (t.used and _word(_at(tokens, j - 1), "alla", "de",
                                                         "båda"))  # "för alla fyra barnen"
                                    or (t.used and _c(_at(tokens, j + 1), "noise"))):
                j += 1  # … and "vår nivå för 2 rok är 8 200"
                continue
            if t.kind == "aring" and cross_comma and self._person_at(j) \
                    and _word(_at(tokens, j - 1), "för", "till", "åt"):
                person = self._person_at(j)  # "underhållsstödet är bara för 9-åringen, 1 673"
                j += 1
                words += 1
                continue
            if t.kind == "num" or t.kind == "aring" or _is_target(t):
                return None, None
            if _c(t, "negation", "includes", "remove") or (t.kind == "word" and t.text in (
                    "nej",)):
                return None, None
            found = self._person_at(j)
            if found:
                person = found
            elif t.text == "," and not cross_comma:
                return None, None
            elif not cross_comma and not (t.text in lexicon.FILLERS_BEFORE_AMOUNT
                                          or _c(t, "month")):
                return None, None
            j += 1
            words += 1
        return None, None

    def _pays_home(self) -> None:
        """"betalar 2 500 till mamman", "betalar 1 800 hemma": what a grown child pays the home
        it shares is its housing cost (when no cost word says what the amount is for)."""
        tokens = self.tokens
        receivers = {"hemma", "hem", "mamman", "pappan", "mamma", "pappa", "föräldrarna",
                     "dem", "dom", "honom", "henne", "familjen", "sina"}
        for i, t in enumerate(tokens):
            if not _word(t, "betalar", "lämnar", "ger"):
                continue
            j = next((k for k in range(i + 1, min(len(tokens), i + 4))
                      if _free_num(tokens[k]) and tokens[k].value >= 100), None)  # type: ignore[operator]
            if j is None or any(tokens[k].kind in ("num", "punct") or _is_target(tokens[k])
                                for k in range(i + 1, j)):
                continue
            tail = [x for x in tokens[j + 1:j + 7] if x.part == t.part]
            if any(_is_target(x) for x in tail if x.clause == tokens[j].clause) \
                    or _is_target(_at(tokens, i - 1)):
                continue  # "betalar 2 000 i hyra": the cost word says it
            words = [x.text for x in tail]
            if "hemma" in words[:3] or "hem" in words[:2] or any(
                    w == "till" and k + 1 < len(words) and words[k + 1] in receivers
                    for k, w in enumerate(words)):
                target = Token("concept", t.text, concept="cost:housing", start=t.start,
                               end=t.end)
                self.tokens.append(target)
                self.owner.append(None)
                self._store(target, tokens[j], ("applicant", None))

    def amounts(self) -> None:
        tokens = self.tokens
        self._pays_home()
        # "pension 6 800 resp 5 900", "båda har a-kassa, 9 000 och 8 000"
        for i, t in enumerate(tokens):
            if _is_target(t) and not t.used:
                j, person = self._skip_to_amount(i, 6, cross_comma=False)
                if j is None:
                    continue
                sep = _at(tokens, j + 1)
                if _c(sep, "resp") or (self._owner_of(i)[0] == "both" and sep
                                       and sep.text in ("och", ",", "/")):
                    second = _at(tokens, j + 2)
                    if _free_num(second) and not _unit_after(tokens, j + 2):
                        first, other = self._resp_owners(i)
                        self._store(t, tokens[j], first)
                        t.used = False
                        self._store(t, second, other, add=True)  # type: ignore[arg-type]
                        sep.used = True  # type: ignore[union-attr]
        for i, t in enumerate(tokens):
            if not (_free_num(t) and _c(_at(tokens, i + 1), "resp")
                    and _free_num(_at(tokens, i + 2))):
                continue
            open_targets = [k for k in range(i - 1, -1, -1)
                            if tokens[k].part == t.part and _is_target(tokens[k])
                            and not tokens[k].used][:2][::-1]
            if len(open_targets) == 2:  # one word each, in order
                for k, num in zip(open_targets, (t, tokens[i + 2]), strict=True):
                    self._store(tokens[k], num, self._owner_of(k))
                tokens[i + 1].used = True
        # KEYWORD {filler | aside | person} AMOUNT
        for i, t in enumerate(tokens):
            if _is_target(t) and not t.used:
                j, person = self._skip_to_amount(i, 7, cross_comma=False)
                if j is not None:
                    self._store(t, tokens[j], person or self._owner_of(i))
        # AMOUNT {filler} KEYWORD
        for i, t in enumerate(tokens):
            if not _free_num(t) or _unit_after(tokens, i):
                continue
            j = i + 1
            while (nxt := _at(tokens, j)) and j - i <= 5 and (
                    (nxt.kind in ("word", "punct", "concept") and not _is_target(nxt)
                     and nxt.text in lexicon.FILLERS_AFTER_AMOUNT)
                    or ((_c(nxt, "applicant", "partner", "child", "couple")
                         or nxt.text in ("dem", "dom", "honom", "henne", "mamma", "pappa"))
                        and _word(_at(tokens, j - 1), "till"))):
                j += 1  # "1 500 till mamman för hyran"
            target = _at(tokens, j)
            if _is_target(target) and not target.used:  # type: ignore[union-attr]
                self._store(target, t, self._owner_of(j))  # type: ignore[arg-type]
        # PERSON AMOUNT: the last keyword of the sentence ("hon 9 400, han 12 100")
        for i in range(len(tokens)):
            person = self._person_at(i)
            if person is None:
                continue
            j = i + 1
            while _word(_at(tokens, j), "har", "får", "med", ":", "ca", "cirka", "runt",
                        "ungefär", "netto", "tjänar"):
                j += 1
            num = _at(tokens, j)
            if not _free_num(num) or _unit_after(tokens, j) or num.value < 100:  # type: ignore[union-attr,operator]
                continue
            topic = self._last_target(i) or self._next_free_target(i)
            if topic is None and _word(_at(tokens, j + 1), "netto", "efter"):
                topic = self._earlier_open_income(i)  # "båda jobbar. … han 12 800 netto"
            if topic is not None:
                self._store(topic, num, person)  # type: ignore[arg-type]
        # KEYWORD … AMOUNT later in the sentence ("hyran var fel, den är 6 900")
        for i, t in enumerate(tokens):
            if _is_target(t) and not t.used:
                j, person = self._skip_to_amount(i, 9, cross_comma=True)
                if j is not None:
                    self._store(t, tokens[j], person or self._owner_of(i))
        self._resp_after()
        self._self_corrections()
        self._income_corrected_in_place()
        self._carry()
        self._pending()
        self._earned_earlier()

    def _resp_after(self) -> None:
        """"pension …: 8 950 resp 6 120": the amount after "resp" is the same fact for the
        second person, when the first amount found its word by another rule."""
        tokens = self.tokens
        for i, t in enumerate(tokens):
            at = i - 2 if _word(_at(tokens, i - 1), "kr", "kronor") else i - 1  # "5 340 kr resp"
            if not (_c(t, "resp") and at in self.amount_at and _free_num(_at(tokens, i + 1))
                    and not _unit_after(tokens, i + 1)):
                continue
            target, _owner = self.amount_at[at]
            first, other = self._resp_owners(tokens.index(target))
            if first != _owner:
                continue
            t.used = True
            target.used = False
            self._store(target, tokens[i + 1], other, add=True)

    def _self_corrections(self) -> None:
        """"Hyran är 8 100, nej förlåt 8 150": the caseworker corrects herself mid-message."""
        tokens = self.tokens
        for i, t in enumerate(tokens):
            if not (_free_num(t) and t.value >= 10 and not _unit_after(tokens, i)):  # type: ignore[operator]
                continue
            k = i - 1
            while _word(_at(tokens, k), ",", "-", "nej", "ska", "vara"):
                k -= 1
            if not _c(_at(tokens, k), "self_correction"):
                continue
            for j in range(k - 1, max(-1, k - 7), -1):
                if _is_target(tokens[j]) or tokens[j].part != t.part:
                    break
                if j in self.amount_at:
                    target, owner = self.amount_at[j]
                    target.used = False
                    self._store(target, t, owner)
                    break

    def _income_corrected_in_place(self) -> None:
        """"hon föräldrapenning 6 400? nej vänta, det är sjukpenning, 6 400": the income said
        before the self-correction is replaced by the one after it."""
        tokens, p = self.tokens, self.p
        for k, t in enumerate(tokens):
            if not _c(t, "self_correction") or t.text in ("eller", "jo"):
                continue
            later = [(j, self.amount_at[j]) for j in range(k + 1, min(len(tokens), k + 8))
                     if j in self.amount_at and self.amount_at[j][0].concept
                     and self.amount_at[j][0].concept.startswith("income:")]
            earlier = [(j, self.amount_at[j]) for j in range(max(0, k - 5), k)
                       if j in self.amount_at and self.amount_at[j][0].concept
                       and self.amount_at[j][0].concept.startswith("income:")]
            if not later or not earlier:
                continue
            (j_old, (x, owner)), (_, (y, owner_new)) = earlier[-1], later[0]
            if x.concept == y.concept or owner != owner_new or any(
                    _c(z, "income") for z in tokens[j_old + 1:k]):
                continue  # "sjukersättning 12 900 + bostadstillägg.. nej bostadsbidrag, 1 600"
            key = (x.concept or "").partition(":")[2]
            amount = to_kronor(tokens[j_old].value)  # type: ignore[arg-type]
            gone = next((f for f in p.incomes if f.type == key and f.amount == amount
                         and (f.member, f.child) == owner), None)
            if gone is not None:
                p.incomes.remove(gone)
                p.replaced.append(self.quote(tokens.index(x), j_old))

    def _pending(self) -> None:
        """A fact named without its amount, the amount coming later: in the same message
        ("hyran är fel. jag skrev fel, den är 7 950", "skälig hyra. 7 500 är vad vi godtar") or
        in the next one ("hon har a-kassa" / "10 100 efter skatt", "nej, hyresbeloppet stämmer
        inte" / "8 150 ska det vara")."""
        tokens, p = self.tokens, self.p
        wrong = any(_c(t, "wrong") for t in tokens)
        free = [k for k, t in enumerate(tokens) if _free_num(t) and not _unit_after(tokens, k)]
        open_targets = [i for i, t in enumerate(tokens) if _is_target(t) and not t.used
                        and not self._said_none(i)]
        for i in open_targets:
            t = tokens[i]
            if t.used:
                continue
            after = [k for k in free if k > i and not tokens[k].used
                     and not _c(_at(tokens, k - 1), "negation", "correction_old")]
            if wrong and after:
                first = after[0]
                if len(after) > 1 and _word(_at(tokens, first + 1), "var", "gällde"):
                    tokens[first].used = True  # "5 800 var förra årets, nu är den 6 050"
                    p.replaced.append(self.quote(first, first + 1))
                    first = after[1]
                self._store(t, tokens[first], self._owner_of(i))
                continue
            if any(tokens[k].part == t.part for k in after):
                continue
            nxt = [k for k in after if tokens[k].part == t.part + 1]
            lead = [x for x in tokens if x.part == t.part + 1 and x.kind != "punct"][:4]
            if nxt and tokens[nxt[0]] in lead and all(
                    x.text in ("den", "det", "är", "ska", "vara", "blir")
                    for x in lead[:lead.index(tokens[nxt[0]])]):
                self._store(t, tokens[nxt[0]], self._owner_of(i))  # "skälig hyra. 7 500 är …"
        open_targets = [i for i in open_targets if not tokens[i].used]
        if len(open_targets) == 1 and not free and (wrong or len(tokens) <= 8):
            i = open_targets[0]
            kind, kid = self._owner_of(i)
            age = self.p.children[kid].age if kind == "child" and kid is not None else None
            ref = self.p.children[kid].ref or "" if kind == "child" and kid is not None else ""
            if age is None and ref.startswith("age:"):
                age = int(ref[4:])  # "17-åringen sommarjobbade" / "6 200 i aug"
            owner = f"age:{age}" if age is not None else kind if kind in ("applicant",
                                                                          "partner") else ""
            p.pending_target = f"{tokens[i].concept}|{owner}" if owner else tokens[i].concept
            return
        pending = self.known.pending_target
        if pending and len(free) == 1 and not any(_is_target(t) for t in tokens) \
                and not tokens[free[0]].used:
            concept, _, owner = pending.partition("|")
            target = Token("concept", concept.split(":")[-1], concept=concept)
            self.tokens.append(target)
            self.owner.append(None)
            who: tuple[str, int | None] = ("applicant", None)
            if owner == "partner":
                who = ("partner", None)
            elif owner.startswith("age:"):
                who = ("child", self._ref_child(owner, len(self.tokens) - 1))
            self._store(target, tokens[free[0]], who)

    def _said_none(self, i: int) -> bool:
        """"ingen el", "el ingår", "ta bort elen": a fact said to be none, not one waiting for
        its amount."""
        near = self.tokens[max(0, i - 3):i + 4]
        return any(_c(x, "negation", "includes", "remove", "no_income") for x in near)

    def _carry(self) -> None:
        """"1 250 för 19-åringen och 1 250 för 16-åringen": the next amount of a list is the same
        fact for the next person; "1 250 vardera för 19-åringen och 16-åringen": one each."""
        tokens = self.tokens
        for i, t in enumerate(tokens):
            if not (_free_num(t) and t.value >= 100 and not _unit_after(tokens, i)  # type: ignore[operator]
                    and _word(_at(tokens, i - 1), "och", ",", "+", "samt")):
                continue
            for k in range(i - 2, max(-1, i - 8), -1):
                if tokens[k].part != t.part or _is_target(tokens[k]):
                    break
                if k in self.amount_at:
                    target, _ = self.amount_at[k]
                    target.used = False
                    self._store(target, t, self._person_after(i) or ("applicant", None),
                                add=_word(_at(tokens, i - 1), "+", "och"))
                    break
        for k, (target, _owner) in list(self.amount_at.items()):
            if not _c(_at(tokens, k + 1), "each"):
                continue
            tokens[k + 1].used = True
            kind, _, key = (target.concept or "").partition(":")
            people = [self._person_at(j) for j in range(k + 2, min(len(tokens), k + 10))
                      if tokens[j].part == tokens[k].part]
            people = [x for x in people if x is not None]
            if kind != "income" or len(people) < 2:
                continue
            amount = to_kronor(tokens[k].value)  # type: ignore[arg-type]
            for member, child in people[1:]:
                self.p.incomes.append(IncomeFact(key, amount, member, child))

    def _person_after(self, i: int) -> tuple[str, int | None] | None:
        k = i + 1
        while _word(_at(self.tokens, k), "kr", "kronor"):
            k += 1
        if _word(_at(self.tokens, k), "för", "till", "åt"):
            return self._person_at(k + 1)
        return None

    def _person_between(self, a: int, b: int) -> str | None:
        """Another adult named between two amounts of the same cost."""
        for idx, kind, _ in self.mentions:
            if a < idx < b and kind in ("applicant", "partner"):
                return kind
        return None

    def _next_free_target(self, i: int) -> Token | None:
        """The income word later in the sentence that no amount follows ("båda har lön")."""
        tokens = self.tokens
        for k in range(i + 1, len(tokens)):
            if tokens[k].part != tokens[i].part:
                return None
            if _c(tokens[k], "income"):
                j, _ = self._skip_to_amount(k, 7, cross_comma=False)
                return tokens[k] if j is None else None
        return None

    def _earlier_open_income(self, i: int) -> Token | None:
        """The one income word said earlier in the message without an amount of its own."""
        stored = [id(target) for target, _ in self.amount_at.values()]
        found = []
        for k, t in enumerate(self.tokens[:i]):
            both = any(_c(x, "both") for x in self.tokens[max(0, k - 2):k])  # "båda jobbar"
            if _c(t, "income") and stored.count(id(t)) < (2 if both else 1) \
                    and not _negated(self.tokens, k):
                found.append(t)
        return found[0] if len(found) == 1 else None

    def _last_target(self, i: int) -> Token | None:
        """The income word before a person's amount in the sentence, or the one that closed
        the sentence before without an amount ("båda jobbar. han 9 200, hon 6 800")."""
        tokens = self.tokens
        for k in range(i - 1, -1, -1):
            if tokens[k].part != tokens[i].part:
                if tokens[k].part == tokens[i].part - 1:
                    prev = [x for x in tokens[:k + 1] if x.part == tokens[k].part]
                    last = [x for x in prev if x.kind != "punct"][-1:]
                    if last and _is_target(last[0]) and _c(last[0], "income"):
                        return last[0]
                return None
            if _is_target(tokens[k]):
                return tokens[k]
        return None

    def _resp_owners(self, i: int) -> tuple[tuple[str, int | None], tuple[str, int | None]]:
        """The two persons a "resp" list is about: the last two named before it, in order."""
        named: list[tuple[str, int | None]] = []
        for idx, kind, kids in sorted(self.mentions):
            if idx < i and kind in ("applicant", "partner"):
                if not named or named[-1][0] != kind:
                    named.append((kind, None))
            elif idx < i and kind == "child" and len(kids) == 1:
                named.append(("child", kids[0]))
        couple = self.p.adults == 2 or self.known.adults == 2
        key = (self.tokens[i].concept or "").partition(":")[2]
        part = self.tokens[i].part
        child_here = any(kind == "child" and idx < i and self.tokens[idx].part == part
                         for idx, kind, _ in self.mentions)
        if couple and (key not in lexicon.CHILD_INCOME_TYPES or not child_here):
            # "a-kassa 9 000 resp 7 000"; "… 4-åringen är hemma. lön 14 400 resp 6 200"
            return ("applicant", None), ("partner", None)
        if len(named) >= 2:
            return named[-2], named[-1]
        return ("applicant", None), ("partner", None)

    def _mark_earned_earlier(self) -> None:
        """"har tjänat 56 000 tidigare i år": a child's earnings before this month."""
        tokens, p = self.tokens, self.p
        for i, t in enumerate(tokens):
            if not _free_num(t):
                continue
            nxt = _at(tokens, i + 1)
            after = _at(tokens, i + 2)
            earlier = _c(nxt, "earlier_this_year") or (
                nxt and nxt.text in ("kr", "kronor") and _c(after, "earlier_this_year"))
            prev_words = {x.text for x in tokens[max(0, i - 3):i]}
            said_before = [k for k in range(max(0, i - 10), i)  # "jobbat tidigare i år …, 54 000"
                           if _c(tokens[k], "earlier_this_year") and tokens[k].part == t.part
                           and getattr(_at(tokens, k - 1), "kind", "") != "num"
                           and not _word(_at(tokens, k - 1), "kr", "kronor")]
            if said_before and t.value >= 100 and not any(  # type: ignore[operator]
                    _free_num(x) for x in tokens[said_before[-1] + 1:i]):
                earlier = True
            if not earlier and not ({"tjänat", "tjänade", "intjänat"} & prev_words):
                continue
            named = next((x for x in tokens[i + 1:i + 4] if _c(x, "month")), None)
            month = self._month_computed()
            before_month = named is not None and _word(
                _at(tokens, tokens.index(named) - 1), "före", "innan", "till", "t.o.m", "tom")
            if not earlier and named is not None and named.concept == f"month:{month}" \
                    and not before_month:
                continue  # "tjänade 1 400 i juli", the month computed: this month's pay
            own = self.owner[i]
            if own and own[0] == "child" and len(own[1]) == 1:
                child = own[1][0]
            else:
                subjects = [c for c in range(len(p.children)) if c in self.subject_child]
                salaried = [x.child for x in p.incomes if x.member == "child"]
                if len(set(salaried)) == 1:
                    child = salaried[0]  # type: ignore[assignment]
                elif len(subjects) == 1:
                    child = subjects[0]
                elif self.known.child_with_salary is not None:
                    child = self._ref_child(f"index:{self.known.child_with_salary}", i)
                else:
                    continue
            t.used = True
            t.concept = "earlier"  # passed over by "extrajobb, har tjänat … och får 5 000"
            self.pending_earlier.append((child, to_kronor(t.value)))  # type: ignore[arg-type]
            k = i + 1
            while _c(_at(tokens, k), "earlier_this_year") or _word(_at(tokens, k), "kr"):
                k += 1
            self._old_value(k)

    def _earned_earlier(self) -> None:
        p = self.p
        for child, amount in self.pending_earlier:
            for inc in p.incomes:
                if inc.member == "child" and inc.child == child and inc.type == "salary":
                    inc.earned_earlier_this_year = amount
                    break
            else:
                now = self._pay_this_month()  # "tjänat 57 000 fram t.o.m. nov och i dec 4 100"
                p.incomes.append(IncomeFact("salary", now or 0, "child", child, amount))

    def _month_computed(self) -> int:
        """The month of the calculation: said in this message, known, or today's."""
        return self.p.month or self.known.month or self.today.month

    def _pay_this_month(self) -> int | None:
        """"… och i dec 4 100 netto": a free amount right after the month computed."""
        tokens = self.tokens
        month = self._month_computed()
        for k, t in enumerate(tokens):
            nxt = _at(tokens, k + 1)
            if _c(t, "month") and t.concept == f"month:{month}" and _free_num(nxt) \
                    and nxt.value >= 100 and _word(_at(tokens, k - 1), "i"):  # type: ignore[union-attr,operator]
                nxt.used = True  # type: ignore[union-attr]
                return to_kronor(nxt.value)  # type: ignore[union-attr,arg-type]
        return None

    # ------------------------------------------------------------------ negations, removals

    def negations(self) -> None:
        tokens, p = self.tokens, self.p
        for i, t in enumerate(tokens):
            if _c(t, "no_cap"):  # "räkna på hela hyran", "rådrummet gäller till februari"
                p.no_housing_cap = True
            if _c(t, "no_income"):
                member, _child = self._owner_of(i)
                if any(_c(x, "couple", "partner") for x in tokens[max(0, i - 3):i]):
                    member = "partner"  # "hon har en sambo (utan inkomst)"
                if member == "partner":  # "hon har inga inkomster": hers only
                    p.no_income_types += [(key, "partner") for key in self.lim.income_types]
                else:
                    p.no_incomes = True
            if _is_target(t) and not t.used and (_word(_at(tokens, i - 1), "i")
                                                  or t.text.startswith("i ")) and any(
                    _c(x, "includes") for x in tokens[max(0, i - 4):i]):
                t.used = True  # "el 340 (ingår ej i hyran)": the rent is where, not what
                continue
            if _is_target(t) and not t.used:
                prev = _at(tokens, i - 1)
                nxt = _at(tokens, i + 1)
                negated = _c(prev, "negation")  # "ingen el", "utan el"
                removed = any(_c(x, "remove") for x in tokens[max(0, i - 5):i]
                              if x.clause == t.clause) or any(
                    _c(x, "remove") for x in tokens[i + 1:i + 5]
                    if x.clause == t.clause and x.part == t.part) or self._removed_in_list(i) \
                    or any(
                    # "skatteåterbäringen kom i januari, ta bort den"
                    _c(x, "remove") and _word(_at(tokens, k + 1), "den", "det", "dem", "dom")
                    for k, x in enumerate(tokens[i + 1:i + 9], start=i + 1)
                    if x.part == t.part)
                included = _c(nxt, "includes") or (_word(nxt, "är", ",", "(")
                                                   and _c(_at(tokens, i + 2), "includes"))
                if _c(prev, "includes") and _c(t, "cost:electricity"):
                    included = True
                if not (negated or removed or included):
                    continue
                kind, _, key = (t.concept or "").partition(":")
                rest = self._amount_now_after(i) if removed and kind == "income" else None
                if rest is not None:  # "underhållsstödet för honom har upphört, det är 1 673 nu"
                    self._store(t, rest, ("applicant", None) if key in lexicon.PAID_TO_PARENT
                                else self._owner_of(i))
                    continue
                if kind == "cost":
                    later = self.stored.get(("cost", key))
                    if later is not None and later > i and not removed:
                        t.used = True  # "ingen el ingår, el 300": the later amount counts
                        continue
                    if removed:
                        p.removed_costs.append(key)
                    earlier = self.stored.get(("cost", key))
                    if earlier is not None:  # "hyra 1 … ingen hyra": the amount is replaced
                        p.replaced.append(self.quote(earlier, earlier))
                    p.costs[key] = 0
                elif kind == "income" and removed and any(m.removed for m in p.children):
                    pass  # "räkna bort honom och hans studiebidrag": it goes with the child
                elif kind == "income":
                    member, child = self._owner_of(i)
                    p.no_income_types.append((key, None if member in ("applicant", "both")
                                              and not removed else member))
                elif kind == "cap":
                    p.no_housing_cap = True
                t.used = True

    def _amount_now_after(self, i: int) -> Token | None:
        """The amount a stopped income is now, said right after in its sentence ("…, det är
        1 673 nu", "…, nu blir det 1 673")."""
        tokens = self.tokens
        for k in range(i + 1, min(len(tokens), i + 12)):
            x = tokens[k]
            if x.part != tokens[i].part or _is_target(x):
                return None
            if _free_num(x) and not x.used and x.clause != tokens[i].clause \
                    and any(_word(y, "är", "blir", "nu") for y in tokens[k - 3:k]):
                return x
        return None

    def _removed_in_list(self, i: int) -> bool:
        """"hans a-kassa och hans fack + a-kasseavgift ska bort": each fact of the list."""
        tokens = self.tokens
        for x in tokens[i + 1:i + 10]:
            if _c(x, "remove"):
                return True
            if not (_is_target(x) or x.text in ("och", "o", "+", ",", "hans", "hennes", "också",
                                                 "även", "ska", "skall")):
                return False
        return False

    def _who_stays(self) -> None:
        """"räkna bara (på) henne (och barnen)" when the couple splits in this message: the adult
        who stays, by sex (the partner may be the one who stays)."""
        tokens, p = self.tokens, self.p
        if p.adults != 1 or self.known.adults != 2:
            return
        for k, t in enumerate(tokens):
            if _word(t, "bara") and _word(_at(tokens, k + 1), "henne", "honom") or (
                    _word(t, "bara") and _word(_at(tokens, k + 1), "på")
                    and _word(_at(tokens, k + 2), "henne", "honom")):
                word = tokens[k + 1] if tokens[k + 1].text != "på" else tokens[k + 2]
                p.stays = "f" if word.text == "henne" else "m"
                word.used = True
                return

    def _retyped(self) -> None:
        """"det är inte a-kassa, det är sjukpenning, samma belopp", "det är sjukersättning nu,
        samma belopp": an income keeps its amount and changes its type. Read only when the
        message gives no amount for the new type."""
        tokens, p = self.tokens, self.p
        open_incomes = [i for i, t in enumerate(tokens) if _c(t, "income") and not t.used
                        and not _negated(tokens, i) and not self._said_none(i)]
        same = [t for t in tokens if _c(t, "same_amount")]
        if len(open_incomes) != 1 or p.incomes:
            return
        i = open_incomes[0]
        new = (tokens[i].concept or "").partition(":")[2]
        negated = [(key, member) for key, member in p.no_income_types if key != new]
        member, _child = self._owner_of(i)
        if len(negated) == 1 and len(p.no_income_types) == 1:
            old, said = negated[0]
            p.no_income_types.clear()
            p.retyped.append((old, new, said or (member if member == "partner" else None)))
        elif same and not p.no_income_types:
            p.retyped.append((None, new, member if member in ("applicant", "partner") else None))
        else:
            return
        tokens[i].used = True
        for t in same:
            t.used = True
        p.pending_target = None

    # ------------------------------------------------------------------ answers

    def answers(self) -> None:
        tokens, p, exp = self.tokens, self.p, self.expecting
        words = {t.text for t in tokens if t.kind in ("word", "concept")}
        p.yes = bool(words & YES_WORDS)
        p.no = bool(words & {"nej", "nä"})
        free = [t for t in tokens if _free_int(t)]
        if exp == "calc_children" and not any(m.new for m in p.children) \
                and p.child_count is None:
            if words & NO_WORDS and not free:
                p.no_children = True
        elif exp == "calc_children_days" and p.days is None and free \
                and not any(m.days for m in p.children):
            p.days = int(free[0].value)  # type: ignore[arg-type]
            p.part_time = p.days < self.lim.full_month_days
            free[0].used = True
        elif exp == "calc_support_months" and p.consecutive_months_with_support is None:
            years = [k for k, t in enumerate(tokens) if _c(t, "year_unit")]
            if "halvår" in words or "halvåret" in words:
                p.consecutive_months_with_support = 6
            elif years and (_word(_at(tokens, years[0] - 1), "ett", "ett helt", "helt")
                            or (free and tokens.index(free[0]) == years[0] - 1)):
                n = int(free[0].value) if free and tokens.index(free[0]) == years[0] - 1 else 1  # type: ignore[arg-type]
                if free and tokens.index(free[0]) == years[0] - 1:
                    free[0].used = True
                p.consecutive_months_with_support = 12 * n  # "ett år", "2 år"
            elif free:
                p.consecutive_months_with_support = int(free[0].value)  # type: ignore[arg-type]
                free[0].used = True
            elif words & {"nej", "inga", "ingen", "ny", "nyansökan"}:
                p.consecutive_months_with_support = 0
        elif exp == "calc_adults" and p.adults is None and self.known.adults is None:
            if free and free[0].value in (1, 2):
                p.adults = int(free[0].value)  # type: ignore[arg-type]
                free[0].used = True
            elif words & {"en", "ett"}:
                p.adults = 1
        elif exp == "calc_household_size" and p.shared_household_members is None and free \
                and 2 <= free[0].value <= 100:  # type: ignore[operator]
            p.shared_household_members = int(free[0].value)  # type: ignore[arg-type]
            free[0].used = True
        elif exp == "calc_in_school" and p.in_school is None:
            if p.yes:
                p.in_school = True
            elif p.no:
                p.in_school = False

    def gross(self) -> None:
        """"lön 21 000 brutto", "bruttolön 21 000": an amount before tax is not an income the
        calculation can use; it is quoted as not read, with a note saying what is needed."""
        tokens, text = self.tokens, self.normalised
        for i, t in enumerate(tokens):
            if not _free_num(t, None) or t.value < lexicon.GROSS_WAGE_FROM:  # type: ignore[operator]
                continue
            near = [x for x in (_at(tokens, i - 1), _at(tokens, i + 1))
                    if x and x.clause == t.clause]
            after = _AFTER_KR.sub("", text[t.end:t.end + 25])  # "21 000 kr före skatt"
            if any(x.text in lexicon.GROSS_WORDS for x in near) \
                    or any(after.startswith(w) for w in lexicon.GROSS_WORDS):
                t.used, t.concept = True, "gross"
                self.p.unread.append(self.quote(i, i))
                self.p.notes.append(f"{kr(int(t.value))} är före skatt och räknas inte: "  # type: ignore[arg-type]
                                    "försörjningsstöd räknas på inkomst efter skatt. Skriv "
                                    "beloppet efter skatt.")

    # ------------------------------------------------------------------ unread

    def quote(self, first: int, last: int) -> str:
        tokens = self.tokens
        lo = first
        while lo > 0 and first - lo < 2 and tokens[lo - 1].kind not in ("punct", "num") \
                and tokens[lo - 1].clause == tokens[first].clause:
            lo -= 1
        hi = last
        while hi + 1 < len(tokens) and hi - last < 2 \
                and tokens[hi + 1].kind not in ("punct", "num") \
                and tokens[hi + 1].clause == tokens[last].clause:
            hi += 1
        return self.normalised[tokens[lo].start:tokens[hi].end].strip()

    def unread(self) -> None:
        for i, t in enumerate(self.tokens):
            if t.kind in ("num", "aring") and not t.used:
                self.p.unread.append(self.quote(i, i))
                t.used = True

    def run(self) -> ParsedFacts:
        self.dates()
        self.noise()
        self.children()
        self._children_corrected_in_place()
        self._grown_children_elsewhere()
        self._answer_ages()
        self.adults()
        self.fill_owners()
        self.attributes()
        self._count_attributes()
        self.months()
        self._since_month()
        self.household()
        self._mark_earned_earlier()
        self.gross()
        self.amounts()
        self.negations()
        self._retyped()
        self._who_stays()
        self.answers()
        self.unread()
        return self.p


def _sex_of(word: str) -> Sex | None:
    if word in lexicon.FEMALE:
        return "f"
    if word in lexicon.MALE:
        return "m"
    return None


def _sex_of_child_word(word: str) -> Literal["son", "dotter"] | None:
    if word.endswith("s") and word[:-1] in lexicon.SON_WORDS | lexicon.DAUGHTER_WORDS:
        word = word[:-1]  # "dotterns"
    if word in lexicon.SON_WORDS:
        return "son"
    if word in lexicon.DAUGHTER_WORDS:
        return "dotter"
    if word in ("söner", "sönerna", "pojkar", "pojkarna", "killar", "killarna"):
        return "son"
    if word in ("döttrar", "döttrarna", "flickor", "flickorna", "tjejer", "tjejerna"):
        return "dotter"
    return None


def _negated(tokens: list[Token], i: int) -> bool:
    """A negation just before the word ("inte på förskola", "går inte i skolan"), or leading
    its clause ("ingen av de små går på förskola")."""
    for k in range(i - 1, max(-1, i - 8), -1):
        t = tokens[k]
        if t.kind == "punct" or t.clause != tokens[i].clause:
            break
        if k < i - 2 and t.text in ("ingen", "inget", "inga") and _word(_at(tokens, k + 1), "av"):
            return True
        if t.text in ("ingen", "inga") and _word(_at(tokens, k + 1), "går", "äter", "är"):
            return True  # "ingen går på förskola"
    for k in (i - 1, i - 2):
        t = _at(tokens, k)
        if t and _c(t, "negation") and t.text != "utan":
            return True
        if t and t.kind == "punct":
            return False
    return False


def _neg_before(tokens: list[Token], i: int) -> bool:
    """"han är inte sambo med någon": a negation in the three words before."""
    for k in range(i - 1, max(-1, i - 4), -1):
        t = tokens[k]
        if t.kind == "punct":
            return False
        if _c(t, "negation") and t.text in ("inte", "ej", "ingen", "aldrig"):
            return True
    return False


def parse_message(text: str, expecting: Expecting = None, today: dt.date | None = None,
                  known: Known | None = None) -> ParsedFacts:
    """Read the facts one message states. Never raises on any text."""
    known = known or Known()
    today = today or dt.date.today()
    age_notes: list[str] = []
    if ages.has_age_phrase(text):  # "Noor född 2016", "Felix går i tvåan"
        said = frozenset({n.name for n in known.names}
                         | (set(ages.CHILD_WORDS) if known.child_ages else set()))
        text, age_notes = ages.spell_out(text, _year_month(text, known, today), could_be_name,
                                         said)
    text, names = put_roles(text, known.names)
    parsed = _Reader(text, expecting, today, known).run()
    parsed.names = list(names)
    parsed.notes += age_notes
    return parsed


def _year_month(text: str, known: Known, today: dt.date) -> tuple[int, int]:
    """The year and month the message computes (said in it, known, or today's)."""
    dates = _Reader(ages.BIRTH.sub(" ", text), None, today, known)
    dates.dates()
    return (dates.p.year or known.year or today.year, dates.p.month or known.month or today.month)


QUESTION_WORDS = frozenset({
    "vad", "hur", "när", "varför", "vem", "vilka", "vilken", "vilket", "får", "kan", "ska",
    "räknas", "ingår", "gäller", "finns", "måste", "bör", "är", "menas",
})


ADDITION_WORDS = re.compile(r"\b(" + "|".join(lexicon.ADDITION_WORDS) + r")\b")


def adds_to_the_household(text: str) -> bool:
    """"glömde ett barn: bebis 7 mån, hemma m sambon": a member added to the household said
    before, not a new household (which would start a new calculation)."""
    return bool(ADDITION_WORDS.search(text.lower()))


def looks_like_question(text: str) -> bool:
    """A question mark, or a first word that starts a Swedish question ("gäller mars 2024."
    states the month of a calculation: no question)."""
    words = [w.strip(",.:") for w in text.strip().lower().split()]
    if len(words) > 1 and words[0] in ("gäller", "avser") and (
            words[1] in lexicon.MONTHS or words[1][:1].isdigit()
            or words[1] in ("för", "innevarande", "denna", "den", "perioden")):
        return text.strip().endswith("?")
    return text.strip().endswith("?") or bool(words and words[0] in QUESTION_WORDS)
