"""YAML test cases in the OpenFisca style, with whitelisted keys (misspelt keys fail).

A case file is a list of cases:

    - name: A full sentence saying what the case shows.
      input: {...}                  # the calculation input (JSON contract)
      output: {forsorjningsstod: 4180, riksnorm: 4180}   # exact, zero margin
      rows:                         # optional: every row, in order, the given keys compared
        - {kategori: riksnorm, belopp: 3160}
      warnings: 0                   # optional: exact number of warnings
      warnings_contain: [text]      # optional
      notes_contain: [text]         # optional
      explain_contains: [text]      # optional
      error: {field: year, message_contains: [text]}   # instead of output: an InputError
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from calculator import InputError, compute, explain
from calculator.models import CalculationResult, Row
from calculator.params import read_yaml

CASE_KEYS = {"name", "input", "output", "rows", "warnings", "warnings_contain",
             "notes_contain", "explain_contains", "error"}
OUTPUT_KEYS = {name for name, f in CalculationResult.model_fields.items()
               if f.annotation in (int, str)}
ROW_KEYS = set(Row.model_fields)
ERROR_KEYS = {"field", "value", "message_contains", "fields"}


class CaseFormatError(Exception):
    pass


def _check_keys(where: str, data: Any, allowed: set[str]) -> None:
    if not isinstance(data, dict):
        raise CaseFormatError(f"{where}: expected a mapping, got {data!r}")
    unknown = set(data) - allowed
    if unknown:
        raise CaseFormatError(f"{where}: unknown key(s) {sorted(unknown)}; allowed: "
                              f"{sorted(allowed)}")


def validate_case(case: Any, where: str) -> dict[str, Any]:
    _check_keys(where, case, CASE_KEYS)
    for key in ("name", "input"):
        if key not in case:
            raise CaseFormatError(f"{where}: missing key {key!r}")
    if not isinstance(case["name"], str) or len(case["name"].split()) < 4:
        raise CaseFormatError(f"{where}: 'name' must be a full sentence")
    if ("output" in case) == ("error" in case):
        raise CaseFormatError(f"{where}: give exactly one of 'output' and 'error'")
    if "output" in case:
        _check_keys(f"{where}.output", case["output"], OUTPUT_KEYS)
    for i, row in enumerate(case.get("rows") or []):
        _check_keys(f"{where}.rows[{i}]", row, ROW_KEYS)
    if "error" in case:
        _check_keys(f"{where}.error", case["error"], ERROR_KEYS)
        if "rows" in case or "warnings" in case:
            raise CaseFormatError(f"{where}: an error case has no rows or warnings")
    return case


def load_cases(path: Path) -> list[dict[str, Any]]:
    data = read_yaml(path)
    if not isinstance(data, list):
        raise CaseFormatError(f"{path}: a case file is a list of cases")
    return [validate_case(c, f"{path.name}[{i}]") for i, c in enumerate(data)]


def run_case(case: dict[str, Any]) -> None:
    if "error" in case:
        exp = case["error"]
        with pytest.raises(InputError) as info:
            compute(case["input"])
        err = info.value
        if "field" in exp:
            assert err.field == exp["field"], err.message
        if "value" in exp:
            assert err.value == exp["value"], err.message
        for text in exp.get("message_contains", []):
            assert text in err.message, err.message
        if "fields" in exp:
            assert [e["field"] for e in err.errors] == exp["fields"]
        return
    result = compute(case["input"])
    got = result.model_dump(mode="json")
    for key, want in case["output"].items():
        assert got[key] == want, f"{key}: got {got[key]!r}, expected {want!r}"
    if "rows" in case:
        rows = got["rader"]
        summary = [(r["kategori"], r["text"], r["belopp"], r["raknas"]) for r in rows]
        assert len(rows) == len(case["rows"]), f"rows: got {summary}"
        for i, (row, want) in enumerate(zip(rows, case["rows"], strict=True)):
            for key, value in want.items():
                assert row[key] == value, f"rows[{i}].{key}: got {row[key]!r}, want {value!r}"
    if "warnings" in case:
        assert len(got["varningar"]) == case["warnings"], got["varningar"]
    for text in case.get("warnings_contain", []):
        assert any(text in w for w in got["varningar"]), got["varningar"]
    for text in case.get("notes_contain", []):
        assert any(text in n for n in got["noteringar"]), got["noteringar"]
    if "explain_contains" in case:
        text_out = explain(result)
        for text in case["explain_contains"]:
            assert text in text_out, text_out


class YamlCaseFile(pytest.File):
    def collect(self):
        for case in load_cases(self.path):
            yield YamlCase.from_parent(self, name=case["name"], case=case)


class YamlCase(pytest.Item):
    def __init__(self, *, case: dict[str, Any], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.case = case

    def runtest(self) -> None:
        run_case(self.case)

    def repr_failure(self, excinfo, style=None):
        if isinstance(excinfo.value, AssertionError):
            return f"{self.name}\n  {excinfo.value}"
        return super().repr_failure(excinfo, style=style)

    def reportinfo(self):
        return self.path, 0, f"case: {self.name}"
