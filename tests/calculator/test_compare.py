"""calculator.compare: differing lines, the household's money, jobbstimulans (hand-checked from
calculator/parameters/2026.yaml: barn 4–6 år 3 060, gemensamma hushållskostnader 3 personer
1 790, 2 personer 1 410; rules.yaml: jobbstimulans 25 % after 6 months, at most 24)."""

from __future__ import annotations

from calculator import compute
from calculator.compare import (
    job_stimulus,
    row_differences,
    total_money,
    with_job_stimulus,
    without_job_stimulus,
)

BASE = {"year": 2026, "month": 3,
        "household": {"adults": [{"role": "applicant", "age": 30}],
                      "children": [{"age": 5}, {"age": 5}]},
        "costs": {"housing": 6000},
        "incomes": [{"type": "salary", "amount": 8000, "member": "applicant"},
                    {"type": "disability_compensation", "amount": 500, "member": "applicant"}],
        "consecutive_months_with_support": 6, "job_stimulus_months_used": 23}


def test_two_children_of_the_same_age_are_two_lines():
    one_child = {**BASE, "household": {**BASE["household"], "children": [{"age": 5}]}}
    diffs = row_differences([compute(BASE), compute(one_child)])
    texts = [(d["text"], d["belopp"]) for d in diffs]
    assert ("Personliga kostnader, barn 2 (5 år)", [3_060, None]) in texts
    assert ("Gemensamma hushållskostnader, 3 personer", [1_790, None]) in texts
    assert ("Gemensamma hushållskostnader, 2 personer", [None, 1_410]) in texts
    assert all(d["lagrum"] for d in diffs)
    assert row_differences([compute(BASE), compute(BASE)]) == []


def test_the_households_money_counts_every_income_and_the_support():
    r = compute(BASE)
    # salary 8 000 (2 000 kept by jobbstimulans) + 500 not counted + support
    assert total_money(r) == 8_000 + 500 + r.forsorjningsstod
    assert r.inkomster_ej_beraknade == 2_000 + 500


def test_jobbstimulans_status_now_before_and_after():
    job = job_stimulus(BASE)
    assert (job["gäller"], job["manader_kvar"], job["lagrum"]) == (
        True, 1, "SoL (2025:400) 12 kap. 8 §")
    ended = without_job_stimulus(BASE)
    assert ended["job_stimulus_months_used"] == 24 and not job_stimulus(ended)["gäller"]
    early = {**BASE, "consecutive_months_with_support": 2, "job_stimulus_months_used": 0}
    assert job_stimulus(early)["manader_kvar_till_start"] == 4
    assert job_stimulus(with_job_stimulus(early))["gäller"]
    old_law = {**BASE, "year": 2025, "month": 3}
    assert job_stimulus(old_law)["lagrum"].startswith("SoL (2001:453) 4 kap. 1 b §")
