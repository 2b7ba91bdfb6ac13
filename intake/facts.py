"""The facts of one calculation, per household member, and how a message changes them.

``merge(facts, parsed)`` applies what one message says: a value replaces the old one, a
child named again is the same child (by age, by "sonen"/"dottern", by "yngsta"/"äldsta",
by "16-åringen"), a new list of children replaces the old one only when it is complete, and
nothing is dropped unless the message says so ("inga barn", "sonen flyttar ut", "ta bort
hemförsäkringen", "han är inte sambo"). ``missing`` says what must still be asked;
``to_calculation_input`` builds the calculator's input contract; ``check`` refuses values the
calculator would refuse, keeping the old value and asking again.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, Field

from intake import lexicon
from intake.grammar import ChildMention, Expecting, Known, ParsedFacts, parse_message
from intake.limits import income_label, limits
from intake.names import Name


class ChildFacts(BaseModel):
    age: int | None = None
    days: int | None = None  # None = the whole month unless part_time
    part_time: bool = False
    lunch_at_preschool: bool | None = None
    in_school: bool | None = None
    sex: str | None = None  # "son" / "dotter", to resolve "sonen", "dottern"


class IncomeEntry(BaseModel):
    type: str
    amount: int
    member: str = "applicant"  # "applicant", "partner", "child:<index in children>"
    earned_earlier_this_year: int | None = None


class Facts(BaseModel):
    """Everything collected so far in one calculation (the slot ``facts``)."""

    year: int | None = None
    month: int | None = None
    adults: int | None = None
    applicant_age: int | None = None
    partner_age: int | None = None
    applicant_sex: str | None = None
    partner_sex: str | None = None
    children: list[ChildFacts] | None = None  # None = not yet known; [] = no children
    children_expected: bool = False  # "ja" to "Finns det barn?": ask for their ages
    costs: dict[str, int] = Field(default_factory=dict)
    incomes: list[IncomeEntry] = Field(default_factory=list)
    no_incomes: bool = False
    housing_cap: int | None = None
    consecutive_months_with_support: int | None = None
    job_stimulus_months_used: int | None = None
    shared_household_members: int | None = None
    shared_household: bool = False  # the rule is named; the number of members may be asked
    household_size: int | None = None  # "alltså 4 i hushållet", said outside that rule
    lives_with_parents: bool = False  # "sonen 20 bor hemma hos mamma": said of a grown child
    parent_named: bool = False  # "pappa, son 6": a single parent unless a partner is named
    pending_target: str | None = None  # a fact said to be wrong; its amount comes next
    unread: list[str] = Field(default_factory=list)  # "inte tolkat": quoted words
    notes: list[str] = Field(default_factory=list)  # what the intake concluded, said aloud
    # first names typed in the call → the role each stands for ("Sara" → "mamman")
    names: dict[str, str] = Field(default_factory=dict)
    # the last result shown: its amount and summary, to say what a correction changed
    last_amount: int | None = None
    last_summary: list[str] = Field(default_factory=list)

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

    def known(self) -> Known:
        salaried = {int(i.member[6:]) for i in self.incomes
                    if i.member.startswith("child:") and i.type == "salary"}
        # "mamma 46, söner 18 och 15" names a single parent: a later "han" is a son
        adults = self.adults if self.adults is not None else (1 if self.parent_named else None)
        return Known(applicant_sex=self.applicant_sex, partner_sex=self.partner_sex,  # type: ignore[arg-type]
                     adults=adults,
                     child_sexes=tuple(c.sex for c in self.children or []),
                     child_ages=tuple(c.age for c in self.children or []),
                     child_with_salary=salaried.pop() if len(salaried) == 1 else None,
                     shared=self.shared_household, pending_target=self.pending_target,
                     names=tuple(Name(n, role) for n, role in self.names.items()),
                     year=self.year, month=self.month)

    def told_anything_but_adults(self) -> bool:
        """Costs, incomes or a household rule were given: what is not said about the household
        (a partner, children) counts as none, as costs and incomes do, and the summary says so."""
        return bool(self.costs or self.incomes or self.no_incomes or self.children
                    or self.shared_household or self.housing_cap is not None)

    def size_mismatch(self) -> str | None:
        """"alltså 4 i hushållet" while fewer or more members are named: said, never resolved
        by guessing who is missing."""
        named = (self.adults or 0) + len(self.children or [])
        if self.household_size and not self.shared_household and self.adults is not None \
                and self.children is not None and named != self.household_size:
            return (f"Hushållet sades vara {self.household_size} personer, men {named} är "
                    "angivna (vuxna och barn). Kontrollera hushållet.")
        return None

    def has_salary(self) -> bool:
        return any(i.type == "salary" and i.amount > 0 and i.member in ("applicant", "partner")
                   for i in self.incomes)

    def is_blank(self) -> bool:
        return self.model_copy(update={"unread": [], "notes": [], "last_amount": None,
                                       "last_summary": []}) == Facts()


def parse(text: str, facts: Facts | None = None, expecting: Expecting = None,
          today: dt.date | None = None) -> ParsedFacts:
    """Read one message in the light of the facts known so far."""
    return parse_message(text, expecting, today, (facts or Facts()).known())


def merge(facts: Facts, p: ParsedFacts) -> Facts:
    """The facts after a message: what it says replaces what was known."""
    f = facts.model_copy(deep=True)
    for name in ("year", "month", "applicant_age", "partner_age", "applicant_sex",
                 "partner_sex", "consecutive_months_with_support", "job_stimulus_months_used"):
        value = getattr(p, name)
        if value is not None:
            setattr(f, name, value)
    if p.adults is not None:
        f.adults = p.adults
    if p.partner_age is not None:
        f.adults = 2
    if p.no_housing_cap:
        f.housing_cap = None
    if p.housing_cap is not None:
        f.housing_cap = p.housing_cap
    if p.shared_household or p.shared_household_members is not None:
        f.shared_household, f.adults = True, 1
    if p.household_size is not None:
        f.household_size = p.household_size
    f.lives_with_parents = f.lives_with_parents or p.lives_with_parents
    if p.shared_household_members is not None:
        f.shared_household_members = p.shared_household_members
    elif f.shared_household and f.shared_household_members is None and f.household_size:
        f.shared_household_members = f.household_size  # the size said before the rule was
    elif p.adults == 2:
        f.shared_household_members, f.shared_household = None, False
    f.parent_named = f.parent_named or p.parent_named
    f.pending_target = p.pending_target
    if p.children_mentioned and f.children is None:
        f.children_expected = True  # "sambor med barn": ask for the ages
    if p.stays is not None and f.partner_sex == p.stays and f.applicant_sex != p.stays:
        # "räkna bara henne och barnen" and she was the partner: she is the applicant now
        f.incomes = [i.model_copy(update={"member": "applicant"}) if i.member == "partner"
                     else i for i in f.incomes  # his own incomes leave with him, not the bb
                     if i.member != "applicant" or i.type in lexicon.PAID_TO_PARENT]
        f.applicant_sex, f.partner_sex = p.stays, None
        f.applicant_age, f.partner_age = f.partner_age, None
        f.notes.append("Den som var sökande har flyttat ut: den som bor kvar räknas nu som "
                       "sökande.")
    mapping = _merge_children(f, p)
    for key in p.removed_costs:
        f.costs.pop(key, None)
    f.costs.update({k: v for k, v in p.costs.items() if k not in p.removed_costs})
    if p.no_incomes:
        f.incomes, f.no_incomes = [], True
    for key, member in p.no_income_types:
        f.incomes = [i for i in f.incomes
                     if not (i.type == key and (member is None or i.member == member
                                                or (member == "child"
                                                    and i.member.startswith("child"))))]
    for old_type, new_type, member in p.retyped:
        _retype(f, old_type, new_type, member)
    added: set[tuple[str, str]] = set()  # (type, member) this message gave: all of them count
    for inc in p.incomes:
        if inc.member == "child":
            index = mapping.get(inc.child) if inc.child is not None else None
            if index is None and inc.type in lexicon.PAID_TO_PARENT:
                member = "applicant"  # "underhållsbidrag 1 500 för bebisen": the parent's
            elif index is None:
                f.unread.append(f"{income_label(inc.type).lower()} {inc.amount} kr "
                                "(oklart vilket barn)")
                continue
            else:
                member = f"child:{index}"
        else:
            member = inc.member
        if inc.type in lexicon.PAID_TO_PARENT and member.startswith("child:") \
                and (inc.type, "applicant") not in added \
                and any(i.type == inc.type and i.member == "applicant" for i in f.incomes) \
                and not any(i.type == inc.type and i.member.startswith("child")
                            for i in f.incomes):
            member = "applicant"  # "underhållsstödet är bara för Felix, 1 673": the parent's
        corrected = next((i for i in f.incomes if i.type == inc.type and i.member != member
                          and i.amount in p.replaced_values), None)
        if corrected is not None and not any(i.type == inc.type and i.member == member
                                             for i in f.incomes):
            member = corrected.member  # "a-kassan är 8 700 inte 9 200": his, as 9 200 was
        old = None if (inc.type, member) in added else next(
            (i for i in f.incomes if i.type == inc.type and i.member == member), None)
        added.add((inc.type, member))
        earlier = inc.earned_earlier_this_year
        if old is not None and earlier is None:
            earlier = old.earned_earlier_this_year
        amount = inc.amount if inc.amount or old is None else old.amount
        if inc.also and old is not None and old.amount != inc.amount:
            amount = old.amount + inc.amount  # "för honom kommer också underhållsstöd 787"
        f.incomes = [i for i in f.incomes if i is not old]
        f.incomes.append(IncomeEntry(type=inc.type, amount=amount, member=member,
                                     earned_earlier_this_year=earlier))
        f.no_incomes = False
    if f.adults == 1:
        for i in f.incomes:  # said in this message of a partner the household does not have
            if i.member == "partner" and any(n.member == "partner" and n.amount == i.amount
                                             for n in p.incomes):
                f.unread.append(f"{income_label(i.type).lower()} {i.amount} kr (en sambos, men "
                                "hushållet har en vuxen)")
        f.incomes = [i for i in f.incomes if i.member != "partner"]
    for quote in p.unread:
        if quote not in f.unread:
            f.unread.append(quote)
    f.notes += [n for n in p.notes if n not in f.notes]
    f.names.update({n.name: n.stands_for for n in p.names})
    return f


def _retype(f: Facts, old: str | None, new: str, member: str | None) -> None:
    """An income said to be of another type keeps its amount; when it is not clear which
    income is meant, it is never guessed: the summary quotes it as not read, and the new type
    takes the amount said next."""
    if old is None:
        found = [i for i in f.incomes if i.type not in lexicon.PAID_TO_PARENT
                 and not i.member.startswith("child")]
    else:
        found = [i for i in f.incomes if i.type == old]
    if member is not None and any(i.member == member for i in found):
        found = [i for i in found if i.member == member]
    if len(found) == 1:
        found[0].type = new
    else:
        f.pending_target = f"income:{new}|{member}" if member else f"income:{new}"
        f.unread.append(f"{income_label(new).lower()}, samma belopp (oklart vilken inkomst)")


def _find(children: list[ChildFacts], m: ChildMention, taken: set[int],
          salaried: frozenset[int] = frozenset()) -> int | None:
    """The known child a reference is about, or None when it is not clear ("sonen" of two
    sons is the one who has a salary, when only one has)."""
    ages = [(c.age, i) for i, c in enumerate(children) if c.age is not None]
    ref = m.ref or ""
    if ref in ("youngest", "oldest") and ages:
        pick = min(ages) if ref == "youngest" else max(ages)
        return pick[1]
    if ref == "middle" and len(ages) == 3:
        return sorted(ages)[1][1]
    if ref.startswith("age:"):
        age = int(ref[4:])
        hits = [i for i, c in enumerate(children) if c.age == age and i not in taken]
        return hits[0] if hits else None
    if ref in ("son", "daughter"):
        sex = "son" if ref == "son" else "dotter"
        same = [i for i, c in enumerate(children) if c.sex == sex]
        if len(same) == 1:
            return same[0]
        unknown = [i for i, c in enumerate(children) if c.sex is None]
        if not same and len(unknown) == 1:
            return unknown[0]
        if not same and m.age is not None:
            hits = [i for i in unknown if children[i].age == m.age]
            return hits[0] if hits else None
        paid = [i for i in (same or unknown) if i in salaried]
        return paid[0] if len(paid) == 1 else None
    if ref == "only" and len(children) == 1:
        return 0
    if ref.startswith("index:") and int(ref[6:]) < len(children):
        return int(ref[6:])
    return None


def _apply(child: ChildFacts, m: ChildMention, full: int) -> None:
    if m.days is not None:
        child.days, child.part_time = m.days, m.days < full
    elif m.part_time and child.days is None:
        child.part_time = True
    if m.lunch is not None:
        child.lunch_at_preschool = m.lunch
    if m.in_school is not None:
        child.in_school = m.in_school
    if m.sex is not None:
        child.sex = m.sex


def _new_child(m: ChildMention, full: int) -> ChildFacts:
    child = ChildFacts(age=m.age)
    _apply(child, m, full)
    return child


def _merge_children(f: Facts, p: ParsedFacts) -> dict[int, int]:
    """Apply the message's children; returns mention index → index in f.children."""
    full = limits().full_month_days
    mapping: dict[int, int] = {}
    new = [(k, m) for k, m in enumerate(p.children) if m.new and not m.placeholder]
    refs = [(k, m) for k, m in enumerate(p.children) if not m.new]
    old = list(f.children or [])
    if p.no_children and not new:
        f.children = []
        old = []
    touched: list[int] = []
    if new:
        listed = len(new) > 1 or p.child_count is not None
        if not old:
            f.children = [_new_child(m, full) for _, m in new]
            mapping = {k: i for i, (k, _) in enumerate(new)}
            touched = list(mapping.values())
        elif p.child_count is not None and all(m.age is None for _, m in new):
            # "det är tre barn": add children without ages, or keep the first ones
            count = p.child_count
            children = list(old)
            if count >= len(children):
                children += [ChildFacts() for _ in range(count - len(children))]
            else:
                known = [c for c in children if c.age is not None]
                unknown = [c for c in children if c.age is None]
                children = (known + unknown)[:count]
                _remap_incomes(f, {old.index(c): i for i, c in enumerate(children)})
            f.children = children
        elif p.child_count is not None and old and any(m.age is None for _, m in new) \
                and p.child_count > len(old):
            # "de har tre barn, det finns en bebis på 3 mån också": the known ones stay
            children = list(old)
            for k, m in new:
                if m.age is not None and m.age not in [c.age for c in children]:
                    children.append(_new_child(m, full))
                    mapping[k] = len(children) - 1
            while len(children) < p.child_count:
                children.append(ChildFacts())
            f.children = children
        elif listed and (len(new) >= len(old) or p.child_count == len(new)):
            # a complete list: it replaces the old one; a child of the same age keeps its facts
            children: list[ChildFacts] = []
            free = list(range(len(old)))
            remap: dict[int, int] = {}
            for k, m in new:
                same = next((i for i in free if old[i].age == m.age and m.age is not None), None)
                if same is not None:
                    free.remove(same)
                    child = old[same].model_copy()
                    _apply(child, m, full)
                    remap[same] = len(children)
                else:
                    child = _new_child(m, full)
                mapping[k] = len(children)
                children.append(child)
            f.children = children
            _remap_incomes(f, remap)
            touched = list(mapping.values())
        else:
            # children named again, or one more: match each by age or sex, else add it
            children = list(old)
            taken: set[int] = set()
            unknown_age = [i for i, c in enumerate(children) if c.age is None]
            for k, m in new:
                hit = next((i for i, c in enumerate(children)
                            if i not in taken and c.age == m.age and m.age is not None
                            and (m.sex is None or c.sex in (None, m.sex))), None)
                if hit is None and m.sex is not None:
                    same = [i for i, c in enumerate(children) if c.sex == m.sex
                            and i not in taken]
                    hit = same[0] if len(same) == 1 else None
                if hit is None and unknown_age:
                    hit = unknown_age.pop(0)
                if hit is None:
                    children.append(_new_child(m, full))
                    hit = len(children) - 1
                else:
                    if m.age is not None:
                        children[hit].age = m.age
                    _apply(children[hit], m, full)
                taken.add(hit)
                mapping[k] = hit
            f.children = children
            touched = list(taken)
    elif p.child_count is not None:
        count = p.child_count
        children = list(old)
        if count >= len(children):
            children += [ChildFacts() for _ in range(count - len(children))]
        f.children = children
    children = f.children or []
    for k, m in refs:
        unknown_age = [i for i, c in enumerate(children) if c.age is None]
        same_age = [i for i, c in enumerate(children) if m.age is not None and c.age == m.age]
        if m.age is not None and unknown_age and (m.ref or "") in ("youngest", "oldest",
                                                                   "middle"):
            hit: int | None = unknown_age[0]  # "tre barn … minsta (4 år)": the child not aged
        elif m.age is not None and not old and not same_age:
            # "äldsta dottern 16 …, sonen 11 och yngsta 5" in one message: three children
            children.append(ChildFacts())
            f.children = children
            hit = len(children) - 1
        else:
            hit = _find(children, m, set(), frozenset(
                int(i.member[6:]) for i in f.incomes
                if i.member.startswith("child:") and i.type == "salary"))
        if hit is None and m.age is not None and (m.ref or "").startswith(
                ("youngest", "oldest", "middle", "son", "daughter", "only")):
            # "minsta (4 år)" while the ages are still unknown: that child, or one more
            unknown = [i for i, c in enumerate(children) if c.age is None]
            if unknown:
                hit = unknown[0]
            elif not old and not new:  # "äldsta dottern 16 …" in the first message
                children.append(ChildFacts())
                f.children = children
                hit = len(children) - 1
        if hit is None:
            if m.age is not None or m.days is not None or m.lunch is not None \
                    or m.in_school is not None or m.removed:
                f.unread.append(_unresolved(m))
            continue
        mapping[k] = hit
        if m.age is not None:
            children[hit].age = m.age
        _apply(children[hit], m, full)
        touched.append(hit)
    # attributes said without naming a child: part-time children first, else all children
    if p.days is not None or p.part_time:
        targets = [c for c in children if c.part_time and c.days is None] or children
        for c in targets:
            if p.days is not None:
                c.days = p.days
                c.part_time = p.days < full
            elif c.days is None or c.days >= full:  # "umgängesbarn: … 8 dygn": days kept
                c.part_time, c.days = True, None
    lim = limits()
    if p.lunch is not None:
        for c in children:
            if c.age is not None and c.age <= lim.lunch_max_age:
                c.lunch_at_preschool = p.lunch
    if p.in_school is not None:
        for c in children:
            if c.age is not None and c.age >= lim.school_age_from:
                c.in_school = p.in_school
    removed = {mapping[k] for k, m in enumerate(p.children) if m.removed and k in mapping}
    # "sonen har flyttat till pappan. han är hos henne varannan helg, 4 dygn": he stays, part time
    removed -= {mapping[k] for k, m in enumerate(p.children)
                if k in mapping and not m.removed and m.days}
    # a 19–20-year-old who is not in school is no child of the household: applies as an adult
    for i, c in enumerate(f.children or []):
        if c.in_school is False and c.age is not None and c.age >= lim.school_age_from:
            removed.add(i)
            if len(f.children or []) == 1 and not f.parent_named and f.adults != 2 \
                    and (f.lives_with_parents or f.household_size):
                # "killen är 20, bor hos sin mamma …, går inte i skolan": he is the applicant,
                # in a household he shares with his parent (hushållsgemenskap)
                f.applicant_age, f.adults, f.shared_household = c.age, 1, True
                f.shared_household_members = f.shared_household_members or f.household_size
                f.notes.append(f"{c.age}-åringen går inte i skolan: hen söker själv och bor i "
                               "hushållsgemenskap med sina föräldrar.")
                continue
            f.notes.append(f"{c.age}-åringen går inte i skolan och räknas inte som barn i "
                           "hushållet (söker själv som vuxen).")
    if removed and f.children is not None:
        keep = drop_children(f, removed)
        mapping = {k: keep.index(v) for k, v in mapping.items() if v in keep}
    return mapping


def drop_children(f: Facts, indices: set[int]) -> list[int]:
    """Remove these children; their incomes go with them, the others' follow their child.
    Returns the old indices of the children kept, in order."""
    keep = [i for i in range(len(f.children or [])) if i not in indices]
    _remap_incomes(f, {old_i: new_i for new_i, old_i in enumerate(keep)})
    f.children = [(f.children or [])[i] for i in keep]
    return keep


def _unresolved(m: ChildMention) -> str:
    what = {"youngest": "yngsta barnet", "oldest": "äldsta barnet", "son": "sonen",
            "daughter": "dottern", "only": "barnet", "middle": "mellersta barnet"}
    name = what.get(m.ref or "", (m.ref or "").replace("age:", "") + "-åringen")
    return f"{name} (oklart vilket barn)"


def _remap_incomes(f: Facts, remap: dict[int, int]) -> None:
    """Children were replaced or removed: child incomes follow their child (or go with it)."""
    incomes = []
    for inc in f.incomes:
        if inc.member.startswith("child:"):
            old = int(inc.member.split(":")[1])
            if old not in remap:
                continue
            inc = inc.model_copy(update={"member": f"child:{remap[old]}"})
        incomes.append(inc)
    f.incomes = incomes


def missing(facts: Facts) -> list[str]:
    """The facts still to ask for, in the order they are asked."""
    lim = limits()
    out: list[str] = []
    told = facts.told_anything_but_adults()
    if facts.adults is None and (not told or (facts.children and not facts.parent_named)):
        out.append("calc_adults")  # "kvinna 33 med son 5": is there a partner? "pappa, son 6": no
    # a benefit paid for children (barnbidrag, underhållsstöd …) while no child was said
    for_children = any(i.type in lexicon.PAID_FOR_CHILDREN for i in facts.incomes)
    if (facts.children is None and (facts.children_expected or not told or facts.parent_named
                                    or for_children)) \
            or any(c.age is None for c in facts.children or []):
        out.append("calc_children")
    children = facts.children or []
    if any(c.part_time and c.days is None for c in children):
        out.append("calc_children_days")
    if any(c.age is not None and lim.school_age_from <= c.age <= lim.child_max_age
           and c.in_school is None for c in children):
        out.append("calc_in_school")
    if facts.shared_household and facts.shared_household_members is None:
        out.append("calc_household_size")
    if facts.has_salary() and facts.consecutive_months_with_support is None:
        out.append("calc_support_months")
    return out


def calculation_month(facts: Facts, today: dt.date) -> tuple[int, int]:
    return (facts.year or today.year, facts.month or today.month)


# Stands in for an adult's age when the caseworker did not give it: the calculator's input
# contract requires one, and the riksnorm amounts for adults do not depend on it (an adult is
# anyone in the household who is not a child). The summary says the age was not given.
ADULT_AGE_NOT_GIVEN = 21


def to_calculation_input(facts: Facts, today: dt.date,
                         adult_age: int = ADULT_AGE_NOT_GIVEN) -> dict[str, Any]:
    """The calculator's input contract. ``adult_age`` stands in for an adult age not given."""
    lim = limits()
    year, month = calculation_month(facts, today)
    adults = [{"role": "applicant", "age": facts.applicant_age or adult_age}]
    if (facts.adults or 1) >= 2:
        adults.append({"role": "partner", "age": facts.partner_age or adult_age})
    children = []
    for c in facts.children or []:
        child: dict[str, Any] = {"age": c.age, "days": c.days or lim.full_month_days}
        if c.lunch_at_preschool is not None:
            child["lunch_at_preschool"] = c.lunch_at_preschool
        if c.in_school is not None:
            child["in_school"] = c.in_school
        children.append(child)
    incomes = []
    for i in facts.incomes:
        if i.amount <= 0:
            continue
        entry: dict[str, Any] = {"type": i.type, "amount": i.amount, "member": i.member}
        if i.member.startswith("child:") and i.earned_earlier_this_year is not None:
            entry["earned_earlier_this_year"] = i.earned_earlier_this_year
        incomes.append(entry)
    return {
        "year": year,
        "month": month,
        "household": {"adults": adults, "children": children,
                      "shared_household_members": facts.shared_household_members},
        "costs": {k: facts.costs.get(k, 0) for k in lim.cost_keys},
        "housing_cap": {"amount": facts.housing_cap} if facts.housing_cap is not None else None,
        "incomes": incomes,
        "consecutive_months_with_support": facts.consecutive_months_with_support or 0,
        "job_stimulus_months_used": facts.job_stimulus_months_used or 0,
    }


def check(new: Facts, old: Facts, years: tuple[int, ...]) -> tuple[Facts, list[str]]:
    """Refuse impossible values: keep the old value and say why, with a clear question."""
    lim = limits()
    fixed = new.model_copy(deep=True)
    problems: list[str] = []
    too_old = [c.age for c in fixed.children or []
               if c.age is not None and c.age > lim.child_max_age]
    if too_old:
        fixed.children = old.children
        fixed.incomes = old.incomes
        problems.append(
            f"Barn räknas i hushållet till och med {lim.child_max_age} år, men jag fick "
            f"{', '.join(str(a) for a in too_old)} år. En äldre person söker själv som vuxen. "
            "Hur gamla är barnen?")
    full = lim.full_month_days
    bad_days = [c.days for c in fixed.children or []
                if c.days is not None and not 1 <= c.days <= full]
    if bad_days:
        fixed.children = old.children
        fixed.incomes = old.incomes
        problems.append(
            f"Antal dagar måste vara mellan 1 och {full}, men jag fick {bad_days[0]}. "
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
