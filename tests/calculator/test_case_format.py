"""The YAML case collector whitelists keys: a misspelt key fails loudly."""

import pytest
from calc_yaml_cases import CaseFormatError, validate_case

GOOD = {"name": "En ensamstående vuxen får riksnormen.",
        "input": {"year": 2021, "month": 1}, "output": {"riksnorm": 4180}}


def test_a_good_case_passes() -> None:
    assert validate_case(dict(GOOD), "x") == GOOD


@pytest.mark.parametrize(
    "case, message",
    [
        ({**GOOD, "ouptut": {}}, "unknown key(s) ['ouptut']"),
        ({**GOOD, "output": {"forsorjingsstod": 1}}, "x.output: unknown key(s)"),
        ({**GOOD, "rows": [{"belop": 1}]}, "x.rows[0]: unknown key(s) ['belop']"),
        ({k: v for k, v in GOOD.items() if k != "output"}, "exactly one of"),
        ({**GOOD, "error": {"field": "year"}}, "exactly one of"),
        ({**GOOD, "name": "Kort namn"}, "full sentence"),
        ({"name": "En mening utan indata här.", "output": {}}, "missing key 'input'"),
    ],
)
def test_bad_cases_are_rejected(case, message) -> None:
    with pytest.raises(CaseFormatError) as info:
        validate_case(case, "x")
    assert message in str(info.value)
