"""Practice cases (övningsfall): a household made up from onboarding/data/exercises.yaml with a
seeded RNG, as the calculator's JSON input contract (the body of POST /api/v1/calculate); the
trainee's amount checked with the calculator, and on a wrong answer the line(s) most likely
missed, found by recomputing the case with each typical mistake made."""

from __future__ import annotations

import copy
import datetime as dt
import functools
import random
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from calculator import ParameterError, available_years, compute, load_parameters, load_rules
from onboarding.amounts import kr

EXERCISE_FILE = Path(__file__).parent / "data" / "exercises.yaml"
LEVELS = ("lätt", "medel", "svårt")
MONTHS = ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
          "september", "oktober", "november", "december")
NUMBER_WORDS = ("inga", "ett", "två", "tre", "fyra")


@functools.cache
def settings() -> dict[str, Any]:
    return yaml.safe_load(EXERCISE_FILE.read_text(encoding="utf-8"))


def level_of(text: str) -> str | None:
    t = text.lower()
    if re.search(r"\b(?:svår|svårt|svåra|svårare|avancerat?)\b", t):
        return "svårt"
    if re.search(r"\b(?:medel|mellan|medelsvårt?|lagom|normal)\b", t):
        return "medel"
    if re.search(r"\b(?:lätt|lätta|lättare|enkelt?|enkla|enklare|nybörjare)\b", t):
        return "lätt"
    return None


def seed_named(text: str) -> int | None:
    """"övningsfall nr 17" / "fall nummer 17" / "#17": that case again (reproducible)."""
    m = re.search(r"(?:\bnr\.?|\bnummer|#)\s*(\d{1,9})\b", text.lower())
    return int(m.group(1)) if m else None


def exercise_year(today: dt.date) -> int:
    """The latest year (not after today's) whose parameters know every amount a case can need."""
    for year in sorted((y for y in available_years() if y <= today.year), reverse=True):
        try:
            p = load_parameters(year)
        except ParameterError:
            continue
        if all(x.known for x in p.all_params()):
            return year
    raise ParameterError("no parameter year knows every amount a practice case needs")


@dataclass
class Exercise:
    level: str
    seed: int
    input: dict[str, Any]
    description: str

    def payload(self) -> dict[str, Any]:
        return {"level": self.level, "seed": self.seed, "input": self.input,
                "description": self.description}

    @classmethod
    def from_payload(cls, data: dict[str, Any]) -> Exercise:
        return cls(data["level"], int(data["seed"]), data["input"], data["description"])


def _pick(rng: random.Random, spec: list[int]) -> int:
    low, high, step = spec
    return low + step * rng.randrange((high - low) // step + 1)


def generate(level: str, seed: int, today: dt.date) -> Exercise:
    if level not in LEVELS:
        raise ValueError(f"unknown level {level!r}")
    s = settings()
    lv = s["levels"][level]
    rng = random.Random(f"{level}:{seed}")
    year = exercise_year(today)
    month = today.month if year == today.year else 1
    n_adults = rng.randint(*lv["adults"])
    adults = [{"role": "applicant", "age": rng.randint(*s["adult_age"])}]
    if n_adults == 2:
        adults.append({"role": "partner", "age": rng.randint(*s["adult_age"])})
    n_children = rng.randint(*lv["children"])
    children: list[dict[str, Any]] = []
    for _ in range(n_children):
        children.append({"age": rng.randint(*s["child_age"]), "days": 30,
                         "lunch_at_preschool": False})
    children.sort(key=lambda c: c["age"])
    lunch_max = len(load_parameters(year).child_lunch_by_age) - 1
    if children and rng.random() < lv["preschool_lunch"]:
        young = [c for c in children if 1 <= c["age"] <= lunch_max]
        if not young:  # make the youngest a preschool child
            children[0]["age"] = rng.randint(1, lunch_max)
            young = [children[0]]
        young[0]["lunch_at_preschool"] = True
    if children and rng.random() < lv["shared_custody"]:
        candidates = [c for c in children if not c["lunch_at_preschool"]] or children
        rng.choice(candidates)["days"] = rng.choice(s["custody_days"])
    size = n_adults + len(children)
    housing = _pick(rng, s["housing_one_person"]) + (size - 1) * _pick(
        rng, s["housing_per_extra_person"])
    costs = {"housing": housing, "electricity": _pick(rng, s["electricity"]),
             "work_travel": 0, "home_insurance": _pick(rng, s["home_insurance"]),
             "union_fee": 0, "unemployment_fund": 0}
    incomes: list[dict[str, Any]] = []
    if children:
        incomes.append({"type": "child_allowance", "member": "applicant",
                        "amount": s["child_allowance_per_child"] * len(children)})
    months_support, used = 0, 0
    earner = "partner" if n_adults == 2 else "applicant"
    if rng.random() < lv["salary"]:
        incomes.append({"type": "salary", "member": earner, "amount": _pick(rng, s["salary"])})
        costs["work_travel"] = _pick(rng, s["work_travel"])
        if level == "svårt":
            months_support = _pick(rng, s["months_with_support_for_stimulus"])
            used = min(_pick(rng, s["stimulus_months_used"]),
                       load_rules().value("jobbstimulans_max_manader") - 1)
        else:
            months_support = _pick(rng, s["months_with_support_short"])
    if rng.random() < lv["unemployment_benefit"]:
        incomes.append({"type": "unemployment_benefit", "member": "applicant",
                        "amount": _pick(rng, s["unemployment_benefit"])})
    if rng.random() < lv["extra_costs"]:
        costs["union_fee"] = _pick(rng, s["union_fee"])
        costs["unemployment_fund"] = _pick(rng, s["unemployment_fund"])
    if rng.random() < lv["exempt_income"]:
        kind = rng.choice(sorted(s["exempt_incomes"]))
        incomes.append({"type": kind, "member": "applicant",
                        "amount": _pick(rng, s["exempt_incomes"][kind])})
    cap = None
    if rng.random() < lv["housing_cap"]:
        cap = {"amount": housing - _pick(rng, s["housing_cap_below_rent"])}
    inp = {
        "year": year, "month": month,
        "household": {"adults": adults, "children": children, "shared_household_members": None},
        "costs": costs, "housing_cap": cap, "incomes": incomes,
        "consecutive_months_with_support": months_support,
        "job_stimulus_months_used": used,
    }
    compute(inp)  # the calculator is the only validator: a made-up case must be valid input
    return Exercise(level, seed, inp, describe(inp, level, seed))


# --------------------------------------------------------------------------- the case in words

def _member(member: str, inp: dict[str, Any]) -> str:
    if member == "applicant":
        return "sökande"
    if member == "partner":
        return "partnern"
    i = int(member.split(":")[1])
    return f"barnet {inp['household']['children'][i]['age']} år"


def describe(inp: dict[str, Any], level: str, seed: int) -> str:
    rules = load_rules()
    divisor = rules.value("dagar_divisor")
    hh = inp["household"]
    adults = hh["adults"]
    if len(adults) == 2:
        who = f"sambor ({adults[0]['age']} och {adults[1]['age']} år)"
    else:
        who = f"ensamstående ({adults[0]['age']} år)"
    kids = []
    for c in hh["children"]:
        age = "under 1 år" if c["age"] == 0 else f"{c['age']} år"
        extra = []
        if c.get("lunch_at_preschool"):
            extra.append("äter lunch på förskolan fem dagar i veckan")
        if c.get("days", divisor) < divisor:
            extra.append(f"bor hos den sökande {c['days']} av {divisor} dagar")
        kids.append(age + (f" ({', '.join(extra)})" if extra else ""))
    if kids:
        n = len(kids)
        word = NUMBER_WORDS[n] if n < len(NUMBER_WORDS) else str(n)
        who += f", {'ett barn' if n == 1 else word + ' barn'}: " + "; ".join(kids)
    else:
        who += ", inga barn"
    labels = rules.cost_types
    costs = [f"{labels[k].split(' (')[0].lower()} {kr(v)}" for k, v in inp["costs"].items() if v]
    incomes = [f"{rules.income_types[i['type']].label.lower()} {kr(i['amount'])} "
               f"({_member(i['member'], inp)})" for i in inp["incomes"]]
    lines = [
        f"Övningsfall nr {seed} ({level}), {MONTHS[inp['month'] - 1]} {inp['year']}:",
        f"- Hushåll: {who}.",
        f"- Kostnader per månad: {', '.join(costs)}.",
        f"- Inkomster förra månaden (netto): {', '.join(incomes) if incomes else 'inga'}.",
    ]
    if any(i["type"] == "salary" for i in inp["incomes"]):
        months = inp["consecutive_months_with_support"]
        lines.append(f"- Hushållet har haft försörjningsstöd {months}"
                     f" månader i följd; jobbstimulansen har använts "
                     f"{inp['job_stimulus_months_used']} månader.")
    if inp.get("housing_cap"):
        lines.append(f"- Rådrummet har gått ut: kommunens skäliga boendekostnad för hushållet är "
                     f"{kr(inp['housing_cap']['amount'])}.")
    lines.append("Hur mycket försörjningsstöd blir det för månaden? Svara med beloppet i kronor.")
    return "\n".join(lines)


# --------------------------------------------------------------------------- the answer

_AMOUNT = re.compile(r"(?<![\d])(\d{1,3}(?:[ \u00a0.]\d{3})+|\d+)(?![\d])")


def parse_amount(text: str) -> int | None:
    """The amount in a trainee's answer ("12 345", "12345 kr", "12.345:-", "0"); None when the
    text holds no number or more than one."""
    found = {int(re.sub(r"[ \u00a0.]", "", m)) for m in _AMOUNT.findall(text)}
    return found.pop() if len(found) == 1 else None


@dataclass
class Feedback:
    right: bool
    answer: int
    correct: int
    result: dict[str, Any]
    missed: list[str] = field(default_factory=list)
    exact: bool = False  # the mistakes named give exactly the trainee's amount


def _support(inp: dict[str, Any]) -> int:
    return compute(inp).forsorjningsstod


def _mistakes(inp: dict[str, Any], result: Any) -> list[tuple[str, int]]:
    """(what was missed, the amount one gets by missing it) for each typical mistake."""
    rules = load_rules()
    out: list[tuple[str, int]] = []

    def variant(why: str, change: Callable[[dict[str, Any]], None]) -> None:
        wrong = copy.deepcopy(inp)
        change(wrong)
        out.append((why, _support(wrong)))

    divisor = rules.value("dagar_divisor")
    for i, c in enumerate(inp["household"]["children"]):
        if c.get("lunch_at_preschool"):
            variant(f"Barnet {c['age']} år äter lunch på förskolan fem dagar i veckan: det lägre "
                    "beloppet för personliga kostnader gäller.",
                    lambda w, i=i: w["household"]["children"][i].update(lunch_at_preschool=False))
        if c.get("days", divisor) < divisor:
            variant(f"Barnet {c['age']} år är hos den sökande {c['days']} av {divisor} dagar: "
                    f"barnets personliga kostnader räknas × {c['days']}/{divisor}.",
                    lambda w, i=i: w["household"]["children"][i].update(days=divisor))
    if inp.get("housing_cap"):
        variant("Rådrummet har gått ut: boendet räknas bara upp till den skäliga "
                "boendekostnaden.", lambda w: w.update(housing_cap=None))
    if any(r.orsak and "jobbstimulans" in r.orsak for r in result.rader):
        share = rules.value("jobbstimulans_andel_procent")
        variant(f"Jobbstimulansen: {share} % av lönen räknas inte som inkomst.",
                lambda w: w.update(consecutive_months_with_support=0))
    elif any(i["type"] == "salary" for i in inp["incomes"]):
        months = rules.value("jobbstimulans_manader_med_stod")
        variant(f"Jobbstimulansen gäller inte ännu (kräver {months} månader i följd med "
                "försörjningsstöd): hela lönen räknas.",
                lambda w: w.update(consecutive_months_with_support=months))
    for j, inc in enumerate(inp["incomes"]):
        it = rules.income_types[inc["type"]]
        if not it.counted:
            variant(f"{it.label} räknas inte som inkomst ({it.reason}).",
                    lambda w, j=j: w["incomes"][j].update(type="other"))
        else:
            variant(f"Inkomsten {it.label.lower()} ({kr(inc['amount'])}) ska räknas av.",
                    lambda w, j=j: w["incomes"].pop(j))
    for key, amount in inp["costs"].items():
        if amount:
            label = rules.cost_types[key].split(" (")[0]
            variant(f"Kostnaden {label.lower()} ({kr(amount)}) ingår i försörjningsstödet.",
                    lambda w, key=key: w["costs"].update({key: 0}))
    # riksnorm rows cannot be switched off in the input: leave the row out of the sum
    raw = result.behov - result.inkomster_beraknade
    for row in result.rader:
        if row.kategori == "riksnorm" and row.text.startswith("Gemensamma"):
            out.append((f"Riksnormen har också gemensamma hushållskostnader "
                        f"({row.text.split(', ')[-1]}: {kr(row.belopp)}).",
                        max(0, raw - row.belopp)))
    return out


def check_answer(exercise: Exercise, answer: int) -> Feedback:
    """Right or wrong; when wrong, the mistakes that give exactly the trainee's amount, or else
    the one that comes closest when it explains most of the difference."""
    result = compute(exercise.input)
    correct = result.forsorjningsstod
    dump = result.model_dump(mode="json")
    if answer == correct:
        return Feedback(True, answer, correct, dump)
    mistakes = [(why, alt) for why, alt in _mistakes(exercise.input, result) if alt != correct]
    exact = [why for why, alt in mistakes if alt == answer]
    if exact:
        return Feedback(False, answer, correct, dump, exact[:2], exact=True)
    near = sorted(mistakes, key=lambda m: abs(m[1] - answer))
    missed = [why for why, alt in near[:1] if 4 * abs(alt - answer) <= abs(correct - answer)]
    return Feedback(False, answer, correct, dump, missed)
