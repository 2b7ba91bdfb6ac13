"""Typed input and output of a calculation (the JSON contract, calculation-rules.md section 7).

``parse_input`` validates a dict and turns every problem into an ``InputError`` with the field
path and a Swedish message (section 8). Nothing is computed from half-valid input.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError

from .errors import INPUT, InputError, show, translate
from .params import LUNCH_MAX_AGE, available_years, load_rules


def _no_bool(v: Any) -> Any:
    # pydantic's lax int accepts true/false as 1/0: refuse that, a flag is not an amount.
    if isinstance(v, bool):
        raise ValueError("heltal")
    return v


Int = Annotated[int, BeforeValidator(_no_bool)]
Kronor = Annotated[int, BeforeValidator(_no_bool), Field(ge=0)]
Flag = Annotated[bool, Field(strict=True)]


class _Input(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Adult(_Input):
    role: Literal["applicant", "partner"]
    age: Annotated[Int, Field(ge=0, le=120)]


class Child(_Input):
    age: Annotated[Int, Field(ge=0, le=20)]
    days: Annotated[Int, Field(ge=1, le=30)] = 30
    lunch_at_preschool: Flag | None = None
    in_school: Flag | None = None


class Household(_Input):
    adults: list[Adult]
    children: list[Child] = []
    shared_household_members: Annotated[Int, Field(ge=2, le=100)] | None = None


class Costs(_Input):
    housing: Kronor = 0
    electricity: Kronor = 0
    work_travel: Kronor = 0
    home_insurance: Kronor = 0
    union_fee: Kronor = 0
    unemployment_fund: Kronor = 0


class HousingCap(_Input):
    amount: Kronor


class Income(_Input):
    type: str
    amount: Kronor
    member: str
    earned_earlier_this_year: Kronor | None = None


class CalculationInput(_Input):
    year: Int
    month: Annotated[Int, Field(ge=1, le=12)]
    household: Household
    costs: Costs = Costs()
    housing_cap: HousingCap | None = None
    incomes: list[Income] = []
    consecutive_months_with_support: Annotated[Int, Field(ge=0, le=1200)] = 0
    job_stimulus_months_used: Annotated[Int, Field(ge=0, le=1200)] = 0


# --------------------------------------------------------------------------- output


class Row(BaseModel):
    """One line item of the result."""

    kategori: Literal["riksnorm", "kostnad", "inkomst"]
    text: str
    belopp: int
    raknas: bool | None = None  # incomes: counted or not; None for other rows
    orsak: str | None = None  # why (part of) an income is not counted
    berakning: str | None = None  # how the amount was computed, in Swedish
    medlem: str | None = None  # "applicant", "partner", "child:0", ...
    lagrum: str
    kalla: str
    status: str
    parametrar: list[str] = []


class TraceParam(BaseModel):
    namn: str
    varde: int | None
    kalla: str
    status: str
    anmarkning: str | None = None


class CalculationResult(BaseModel):
    year: int
    month: int
    tillamplig_lag: str
    lagrum: str
    antal_vuxna: int
    antal_barn: int
    hushall_storlek: int
    riksnorm: int
    skaliga_kostnader: int
    behov: int
    inkomster_beraknade: int
    inkomster_ej_beraknade: int
    forsorjningsstod: int
    overskott: int
    rader: list[Row]
    varningar: list[str]
    noteringar: list[str]
    parametrar: list[TraceParam]


# --------------------------------------------------------------------------- validation

def _member_index(member: str) -> int | None:
    if member.startswith("child:"):
        tail = member[6:]
        if tail.isdigit() and (tail == "0" or not tail.startswith("0")):
            return int(tail)
    return None


def _semantic_errors(inp: CalculationInput) -> list[dict[str, Any]]:
    """Rules that span fields (roles, members, ages, dates)."""
    errs: list[dict[str, Any]] = []

    def add(field: str, value: Any, message: str) -> None:
        errs.append({"field": field, "value": value, "message": message})

    years = available_years()
    if inp.year not in years:
        add("year", inp.year,
            f"year: det finns inga parametrar för år {inp.year} (parameterfiler finns för "
            f"{years[0]}–{years[-1]}).")
    rules = load_rules()
    hh = inp.household
    if not hh.adults:
        add("household.adults", [], "household.adults: hushållet måste ha en sökande "
            "(role \"applicant\"), men listan över vuxna är tom.")
    seen: dict[str, int] = {}
    for i, a in enumerate(hh.adults):
        if a.role in seen:
            what = "sökande" if a.role == "applicant" else "partner"
            add(f"household.adults[{i}].role", a.role,
                f"household.adults[{i}].role: en {what} ({show(a.role)}) är angiven två gånger "
                f"(första gången i household.adults[{seen[a.role]}]).")
        else:
            seen[a.role] = i
    if hh.adults and "applicant" not in seen:
        add("household.adults", [a.role for a in hh.adults],
            "household.adults: ingen vuxen har rollen \"applicant\" (sökande).")
    has_partner = "partner" in seen
    if hh.shared_household_members is not None:
        if has_partner:
            add("household.shared_household_members", hh.shared_household_members,
                "household.shared_household_members gäller en sökande utan partner, men "
                "hushållet har en partner.")
        elif hh.children:
            add("household.shared_household_members", hh.shared_household_members,
                "household.shared_household_members: hushållsgemenskap med egna barn beräknas "
                "inte av kalkylatorn (regeln gäller en ensam vuxen), värde "
                f"{hh.shared_household_members}.")
    school_age = rules.value("skolungdom_fran_alder")
    for i, c in enumerate(hh.children):
        if c.age >= school_age and not c.in_school:
            add(f"household.children[{i}].in_school", c.in_school,
                f"household.children[{i}].in_school: en ungdom på {c.age} år räknas som barn "
                "bara om den bor hemma och går i skolan (in_school: true); annars söker den "
                f"själv som vuxen. Värdet är {show(c.in_school)}.")
        if c.lunch_at_preschool and c.age > LUNCH_MAX_AGE:
            add(f"household.children[{i}].lunch_at_preschool", c.lunch_at_preschool,
                f"household.children[{i}].lunch_at_preschool: normen för lunch på förskola "
                f"gäller barn 0–{LUNCH_MAX_AGE} år, men barnet är {c.age} år.")
    month_start = dt.date(inp.year, inp.month, 1) if inp.year in years else None
    for j, inc in enumerate(inp.incomes):
        f = f"incomes[{j}]"
        it = rules.income_types.get(inc.type)
        if it is None:
            add(f"{f}.type", inc.type,
                f"{f}.type: okänd inkomsttyp {show(inc.type)}; tillåtna: "
                f"{', '.join(rules.income_types)}.")
        idx = _member_index(inc.member)
        if inc.member == "partner" and not has_partner:
            add(f"{f}.member", inc.member,
                f"{f}.member: inkomsten gäller \"partner\", men hushållet har ingen partner.")
        elif inc.member not in ("applicant", "partner") and (
            idx is None or idx >= len(hh.children)
        ):
            add(f"{f}.member", inc.member,
                f"{f}.member: okänd medlem {show(inc.member)}; ange \"applicant\", \"partner\" "
                f"eller \"child:N\" där N är barnets plats i household.children (0–"
                f"{len(hh.children) - 1})." if hh.children else
                f"{f}.member: okänd medlem {show(inc.member)}; ange \"applicant\" eller "
                "\"partner\" (hushållet har inga barn).")
        if inc.earned_earlier_this_year and not (idx is not None and inc.type == "salary"):
            add(f"{f}.earned_earlier_this_year", inc.earned_earlier_this_year,
                f"{f}.earned_earlier_this_year gäller bara lön för ett barn (member "
                f"\"child:N\"), men inkomsten är {show(inc.type)} för {show(inc.member)}.")
        if it is not None and month_start is not None:
            # a rule that starts after the month (its first dated text) does not apply to it
            starts, text = rules.lagrum[it.topic].first
            next_month = dt.date(inp.year + inp.month // 12, inp.month % 12 + 1, 1)
            if next_month <= starts:
                add(f"{f}.type", inc.type,
                    f"{f}.type: {it.label.lower()} undantas enligt {text}, som gäller "
                    f"från {starts.isoformat()}; för {inp.year}-{inp.month:02d} finns "
                    "ingen sådan regel.")
    return errs


def parse_input(data: Any) -> CalculationInput:
    """Validate a calculation input; raise InputError (Swedish, naming the field) if bad."""
    if isinstance(data, CalculationInput):
        return data
    if not isinstance(data, dict):
        raise InputError("indata", data,
                         f"Indata ska vara ett JSON-objekt, men värdet är {show(data)}.")
    try:
        inp = CalculationInput.model_validate(data)
    except ValidationError as err:
        raise InputError.many([translate(e, INPUT) for e in err.errors()]) from None
    errs = _semantic_errors(inp)
    if errs:
        raise InputError.many(errs)
    return inp
