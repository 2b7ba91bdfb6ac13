"""Property tests (hypothesis) over generated households with known parameters."""

from __future__ import annotations

import copy

from hypothesis import given, settings
from hypothesis import strategies as st

from calculator import CalculationResult, compute, explain, load_parameters, load_rules

RULES = load_rules()
COUNTED = sorted(k for k, t in RULES.income_types.items() if t.counted)
NOT_COUNTED = sorted(k for k, t in RULES.income_types.items()
                     if not t.counted and k != "leisure_card")  # leisure_card needs 2025-09+
COSTS = list(RULES.cost_types)
amounts = st.integers(min_value=0, max_value=40_000)


@st.composite
def households(draw) -> dict:
    year = draw(st.sampled_from([2021, 2022, 2023, 2024, 2025, 2026]))
    params = load_parameters(year)
    partner = year != 2025 and draw(st.booleans())
    adults = [{"role": "applicant", "age": draw(st.integers(18, 120))}]
    if partner:
        adults.append({"role": "partner", "age": draw(st.integers(18, 120))})
    shared = None
    children = []
    if not partner and draw(st.integers(0, 4)) == 0:
        shared = draw(st.integers(2, 12))
    else:
        for _ in range(draw(st.integers(0, 9))):
            age = draw(st.integers(0, 20))
            child = {"age": age, "days": draw(st.integers(1, 30))}
            if age >= 19:
                child["in_school"] = True
            if age <= 6 and params.child_lunch_by_age[age].value is not None:
                child["lunch_at_preschool"] = draw(st.booleans())
            children.append(child)
    members = ["applicant"] + (["partner"] if partner else [])
    if params.prisbasbelopp.value is not None:
        members += [f"child:{i}" for i in range(len(children))]
    incomes = []
    for _ in range(draw(st.integers(0, 6))):
        member = draw(st.sampled_from(members))
        kind = draw(st.sampled_from(COUNTED + NOT_COUNTED))
        if member.startswith("child:") and kind == "salary":
            incomes.append({"type": kind, "amount": draw(amounts), "member": member,
                            "earned_earlier_this_year": draw(st.integers(0, 80_000))})
        else:
            incomes.append({"type": kind, "amount": draw(amounts), "member": member})
    costs = {k: draw(st.integers(0, 15_000)) for k in COSTS if draw(st.booleans())}
    data = {
        "year": year, "month": draw(st.integers(1, 12)),
        "household": {"adults": adults, "children": children,
                      "shared_household_members": shared},
        "costs": costs,
        "incomes": incomes,
        "consecutive_months_with_support": draw(st.integers(0, 40)),
        "job_stimulus_months_used": draw(st.integers(0, 30)),
    }
    if draw(st.booleans()):
        data["housing_cap"] = {"amount": draw(st.integers(0, 12_000))}
    return data


@settings(max_examples=300, deadline=None)
@given(households())
def test_result_is_never_negative_and_balances(data: dict) -> None:
    r = compute(data)
    assert r.forsorjningsstod >= 0 and r.overskott >= 0
    assert r.forsorjningsstod * r.overskott == 0
    assert r.forsorjningsstod - r.overskott == r.behov - r.inkomster_beraknade
    assert all(row.belopp >= 0 for row in r.rader)


@settings(max_examples=300, deadline=None)
@given(households())
def test_rows_sum_to_the_totals(data: dict) -> None:
    r = compute(data)
    rows = r.rader
    assert sum(x.belopp for x in rows if x.kategori == "riksnorm") == r.riksnorm
    assert sum(x.belopp for x in rows if x.kategori == "kostnad") == r.skaliga_kostnader
    assert sum(x.belopp for x in rows if x.kategori == "inkomst" and x.raknas) == \
        r.inkomster_beraknade
    assert sum(x.belopp for x in rows if x.kategori == "inkomst" and not x.raknas) == \
        r.inkomster_ej_beraknade
    assert r.behov == r.riksnorm + r.skaliga_kostnader
    # every income entered appears in full, split into counted and not counted parts
    assert r.inkomster_beraknade + r.inkomster_ej_beraknade == \
        sum(i["amount"] for i in data["incomes"])
    # the result is a valid model, and the explanation quotes the support
    assert CalculationResult.model_validate(r.model_dump()) == r
    assert f"{r.forsorjningsstod:,}".replace(",", " ") in explain(r) or r.forsorjningsstod == 0


@settings(max_examples=300, deadline=None)
@given(households(), st.integers(1, 20_000), st.sampled_from(COUNTED),
       st.sampled_from(["applicant", "partner", "child:0"]))
def test_more_counted_income_never_raises_support(data: dict, extra: int, kind: str,
                                                  member: str) -> None:
    before = compute(data)
    more = copy.deepcopy(data)
    if member == "partner" and len(more["household"]["adults"]) < 2:
        member = "applicant"
    if member == "child:0" and (not more["household"]["children"]
                                or load_parameters(more["year"]).prisbasbelopp.value is None):
        member = "applicant"
    more["incomes"].append({"type": kind, "amount": extra, "member": member})
    after = compute(more)
    assert after.forsorjningsstod <= before.forsorjningsstod
    # raising an existing income never raises the support either
    if data["incomes"]:
        bigger = copy.deepcopy(data)
        bigger["incomes"][0]["amount"] += extra
        assert compute(bigger).forsorjningsstod <= before.forsorjningsstod


@settings(max_examples=300, deadline=None)
@given(households(), st.integers(1, 20_000), st.sampled_from(COSTS))
def test_adding_a_cost_never_lowers_support(data: dict, extra: int, cost: str) -> None:
    before = compute(data)
    more = copy.deepcopy(data)
    more["costs"][cost] = more["costs"].get(cost, 0) + extra
    after = compute(more)
    assert after.forsorjningsstod >= before.forsorjningsstod
    assert after.skaliga_kostnader >= before.skaliga_kostnader


@settings(max_examples=200, deadline=None)
@given(households(), st.integers(0, 20))
def test_adding_a_child_never_lowers_the_riksnorm(data: dict, age: int) -> None:
    if data["household"]["shared_household_members"] is not None:
        return
    before = compute(data)
    more = copy.deepcopy(data)
    more["household"]["children"].append({"age": age, "in_school": age >= 19})
    assert compute(more).riksnorm > before.riksnorm
