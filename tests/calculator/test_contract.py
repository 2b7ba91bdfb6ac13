"""The public interface other parts of the product code against."""

from __future__ import annotations

import copy

import pytest

from calculator import (
    CalculationInput,
    CalculationResult,
    InputError,
    compute,
    explain,
    load_parameters,
    parse_input,
)
from calculator.examples import documented_example

EXAMPLE = documented_example()  # the example of calculation-rules.md section 7


def test_the_documented_example_by_hand() -> None:
    # riksnorm 6 850 + 2 940 + 4 820 + 1 950 = 16 560; costs 7 830; behov 24 390.
    # counted: 2 650 + 9 000 × 75 % = 6 750 -> 9 400; the child's 3 000 is under a pbb.
    r = compute(EXAMPLE)
    d = r.model_dump(mode="json")
    assert (d["riksnorm"], d["skaliga_kostnader"], d["behov"]) == (16560, 7830, 24390)
    assert (d["inkomster_beraknade"], d["inkomster_ej_beraknade"]) == (9400, 5250)
    assert (d["forsorjningsstod"], d["overskott"]) == (14990, 0)
    assert (d["year"], d["month"]) == (2024, 3)
    for row in d["rader"]:
        assert {"kategori", "text", "belopp", "raknas", "lagrum", "kalla", "status"} <= set(row)
        assert isinstance(row["belopp"], int) and row["lagrum"] and row["kalla"]
        if row["kategori"] == "inkomst":
            assert isinstance(row["raknas"], bool)
    trace = {p["namn"]: p for p in d["parametrar"]}
    assert trace["riksnorm.sambor.2024"]["varde"] == 6850
    assert trace["riksnorm.sambor.2024"]["status"] == "unverified"
    assert trace["prisbasbelopp.2024"]["varde"] == 57300
    assert trace["jobbstimulans_andel_procent"]["varde"] == 25
    assert {"namn", "varde", "kalla", "status"} <= set(trace["prisbasbelopp.2024"])
    # 2024 table values used: sambor, 4-6, 19-20, 4 members (prisbasbelopp 2024 is official)
    assert len(d["varningar"]) == 4
    assert all("ej verifierad" in w for w in d["varningar"])


def test_compute_accepts_a_parsed_input_and_a_dict_alike() -> None:
    parsed = parse_input(EXAMPLE)
    assert isinstance(parsed, CalculationInput)
    assert compute(parsed).model_dump() == compute(EXAMPLE).model_dump()


def test_the_result_is_a_valid_pydantic_model() -> None:
    r = compute(EXAMPLE)
    assert isinstance(r, CalculationResult)
    again = CalculationResult.model_validate(r.model_dump())
    assert again == r
    assert CalculationResult.model_validate_json(r.model_dump_json()) == r


def test_input_error_carries_field_value_and_swedish_message() -> None:
    bad = copy.deepcopy(EXAMPLE)
    bad["household"]["children"][0]["days"] = 31
    with pytest.raises(InputError) as info:
        compute(bad)
    err = info.value
    assert isinstance(err, ValueError)
    assert err.field == "household.children[0].days"
    assert err.value == 31
    assert str(err) == err.message
    assert "household.children[0].days" in err.message and "31" in err.message
    assert err.errors == [{"field": err.field, "value": 31, "message": err.message}]


def test_parse_input_refuses_something_that_is_not_an_object() -> None:
    with pytest.raises(InputError) as info:
        parse_input([1, 2])
    assert info.value.field == "indata"
    assert "JSON-objekt" in info.value.message


def test_unknown_amount_raises_input_error_from_compute() -> None:
    inp = parse_input({"year": 2025, "month": 1, "household": {
        "adults": [{"role": "applicant", "age": 40}, {"role": "partner", "age": 40}]}})
    with pytest.raises(InputError) as info:
        compute(inp)
    assert info.value.field == "household.adults"
    assert "Riksnormen för sambor (två vuxna tillsammans) 2025 är okänd" in info.value.message


def test_load_parameters_is_public_and_cached() -> None:
    assert load_parameters(2026).couple.value == 7100
    assert load_parameters(2026) is load_parameters(2026)


def test_explain_reads_a_simple_case_aloud() -> None:
    r = compute({"year": 2021, "month": 5, "household": {"adults": [
        {"role": "applicant", "age": 40}]}, "costs": {"housing": 4000},
        "incomes": [{"type": "sickness_benefit", "amount": 6000, "member": "applicant"}]})
    assert explain(r) == (
        "Beräkning av försörjningsstöd för maj 2021 enligt SoL (2001:453) 4 kap. 1 § och 3 § "
        "(gällde t.o.m. 2025-06-30; motsvaras nu av SoL (2025:400) 12 kap. 1 § och 7 §). "
        "Riksnormen för hushållet (en vuxen) är 4 180 kr: personliga kostnader, ensamstående "
        "vuxen 3 160 kr och gemensamma hushållskostnader, 1 person 1 020 kr. "
        "Skäliga kostnader är 4 000 kr: boende (hyra/avgift inkl. uppvärmning) 4 000 kr. "
        "Behovet blir 8 180 kr. "
        "Inkomster som räknas är 6 000 kr: sjukpenning (sökande) 6 000 kr. "
        "Försörjningsstödet blir 8 180 kr − 6 000 kr = 2 180 kr för månaden."
    )


def test_explain_mentions_warnings_and_the_excluded_incomes() -> None:
    text = explain(compute(EXAMPLE))
    assert "Inkomster som inte räknas är 5 250 kr" in text
    assert "(jobbstimulans 25 %)" in text
    assert "(barns inkomst under ett prisbasbelopp)" in text
    assert "Försörjningsstödet blir 24 390 kr − 9 400 kr = 14 990 kr" in text
    assert "Observera: fyra belopp" in text


def test_the_calculator_knows_nothing_of_rasa_or_http() -> None:
    import ast
    from pathlib import Path

    import calculator

    imported = set()
    for path in Path(calculator.__file__).parent.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                imported |= {a.name.split(".")[0] for a in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                imported.add(node.module.split(".")[0])
    assert imported <= {"__future__", "dataclasses", "datetime", "functools", "json",
                        "pathlib", "re", "sys", "typing", "pydantic", "yaml", "typer", "tqdm"}
