"""Compare calculations: what differs line by line, the household's money, jobbstimulans.

Pure, like the rest of the calculator: results in, numbers out; the Swedish sentences around
them are the caller's. The household's total money for a month is every income it has (counted
or not: the 25 % kept by jobbstimulans and a child's own salary under a prisbasbelopp are
money too) plus the försörjningsstöd.
"""

from __future__ import annotations

from typing import Any

from .engine import month_context
from .models import CalculationInput, CalculationResult, parse_input
from .params import load_rules


def total_money(r: CalculationResult) -> int:
    """Incomes (all of them) plus försörjningsstöd for the month."""
    return r.inkomster_beraknade + r.inkomster_ej_beraknade + r.forsorjningsstod


def _keyed(r: CalculationResult) -> dict[tuple[str, str, int], Any]:
    """Rows by (category, label, occurrence): two children of the same age are two rows."""
    seen: dict[tuple[str, str], int] = {}
    out = {}
    for row in r.rader:
        key = (row.kategori, row.text)
        n = seen.get(key, 0)
        out[(row.kategori, row.text, n)] = row
        seen[key] = n + 1
    return out


def row_differences(results: list[CalculationResult]) -> list[dict[str, Any]]:
    """Every line whose amount (or whether it counts) differs between the results, in the order
    the lines first appear: {"kategori", "text", "belopp": [amount or None per result],
    "raknas": [...], "lagrum": the legal basis of the line}."""
    keyed = [_keyed(r) for r in results]
    order: list[tuple[str, str, int]] = []
    for k in keyed:
        order += [key for key in k if key not in order]
    diffs = []
    for key in order:
        rows = [k.get(key) for k in keyed]
        amounts = [row.belopp if row else None for row in rows]
        counted = [row.raknas if row else None for row in rows]
        if len(set(amounts)) == 1 and len(set(counted)) == 1:
            continue
        first = next(row for row in rows if row is not None)
        diffs.append({"kategori": key[0], "text": key[1], "belopp": amounts, "raknas": counted,
                      "lagrum": first.lagrum})
    return diffs


def job_stimulus(inp: CalculationInput | dict[str, Any]) -> dict[str, Any]:
    """Whether jobbstimulans applies to an adult's salary in this input, and for how long:
    {"har_lon", "gäller", "manader_med_stod", "kravs_manader", "manader_kvar_till_start",
    "anvanda_manader", "max_manader", "manader_kvar", "andel_procent", "lagrum"}."""
    i = parse_input(inp)  # a parsed input is used as it is
    rules = load_rules()
    pct = rules.params["jobbstimulans_andel_procent"].value
    required = rules.params["jobbstimulans_manader_med_stod"].value
    maximum = rules.params["jobbstimulans_max_manader"].value
    assert pct is not None and required is not None and maximum is not None
    months, used = i.consecutive_months_with_support, i.job_stimulus_months_used
    salary = any(x.type == "salary" and x.amount > 0 and not x.member.startswith("child:")
                 for x in i.incomes)
    applies = months >= required and used < maximum
    lagrum = month_context(i.year, i.month).lagrum["jobbstimulans"]
    return {
        "har_lon": salary,
        "gäller": salary and applies,
        "manader_med_stod": months,
        "kravs_manader": required,
        "manader_kvar_till_start": max(0, required - months),
        "anvanda_manader": used,
        "max_manader": maximum,
        "manader_kvar": max(0, maximum - used) if applies else 0,
        "andel_procent": pct,
        "lagrum": lagrum,
    }


def without_job_stimulus(inp: dict[str, Any]) -> dict[str, Any]:
    """The same input after jobbstimulans has been used its longest time."""
    maximum = load_rules().params["jobbstimulans_max_manader"].value
    return {**inp, "job_stimulus_months_used": maximum}


def with_job_stimulus(inp: dict[str, Any]) -> dict[str, Any]:
    """The same input once the household has had support long enough for jobbstimulans (and
    has not used it yet)."""
    required = load_rules().params["jobbstimulans_manader_med_stod"].value
    return {**inp, "consecutive_months_with_support": max(
        required or 0, inp.get("consecutive_months_with_support") or 0),
        "job_stimulus_months_used": 0}
