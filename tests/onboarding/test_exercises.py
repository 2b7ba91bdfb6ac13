"""Practice cases: made up from the rules and parameter files with a seeded RNG, valid input of
the calculator's contract, and checked with exact feedback (amounts hand-checked from
calculator/parameters/2026.yaml, SFS 2025:1046)."""

from __future__ import annotations

import datetime as dt

import pytest

from calculator import compute, parse_input
from onboarding.exercises import LEVELS, check_answer, generate, level_of, parse_amount, seed_named

TODAY = dt.date(2026, 3, 10)


@pytest.mark.parametrize("level", LEVELS)
def test_cases_are_reproducible_and_valid_calculator_input(level):
    for seed in range(60):
        case = generate(level, seed, TODAY)
        assert case.input == generate(level, seed, TODAY).input
        parse_input(case.input)  # exactly the calculator's JSON input contract
        assert set(case.input) == {"year", "month", "household", "costs", "housing_cap",
                                   "incomes", "consecutive_months_with_support",
                                   "job_stimulus_months_used"}


def test_hard_cases_have_every_complication():
    for seed in range(40):
        case = generate("svårt", seed, TODAY)
        inp, result = case.input, compute(case.input)
        children = inp["household"]["children"]
        assert any(c["lunch_at_preschool"] for c in children)
        assert any(c["days"] < 30 for c in children)
        assert inp["housing_cap"]["amount"] < inp["costs"]["housing"]
        assert any(not r.raknas for r in result.rader if r.kategori == "inkomst")
        assert any(r.orsak and "jobbstimulans" in r.orsak for r in result.rader)


def test_easy_cases_are_plain():
    for seed in range(40):
        inp = generate("lätt", seed, TODAY).input
        assert inp["housing_cap"] is None and inp["consecutive_months_with_support"] == 0
        assert all(c["days"] == 30 and not c["lunch_at_preschool"]
                   for c in inp["household"]["children"])


HARD_1 = generate("svårt", 1, TODAY)
# ensamstående 27 år; barn 5 år (lunch på förskolan), barn 11 år 20 av 30 dagar; boende 5 950
# with a cap of 4 450; el 550, arbetsresor 980, hemförsäkring 200, fack 360, a-kassa 150;
# barnbidrag 2 500, lön 9 300 (11 months with support, jobbstimulans used 14 months),
# handikappersättning 3 000.
#   riksnorm 3 940 + 2 720 (4–6 år, lunch) + round(4 390 × 20/30) = 2 927 + gemensamma 3 pers.
#   1 790 = 11 377; kostnader 4 450 + 550 + 980 + 200 + 360 + 150 = 6 690; behov 18 067;
#   inkomster 2 500 + 75 % × 9 300 = 6 975 → 9 475 (handikappersättning not counted);
#   försörjningsstöd 18 067 − 9 475 = 8 592.
HARD_1_AMOUNT = 8_592


def test_hand_checked_hard_case():
    assert "bor hos den sökande 20 av 30 dagar" in HARD_1.description
    assert compute(HARD_1.input).forsorjningsstod == HARD_1_AMOUNT
    assert check_answer(HARD_1, HARD_1_AMOUNT).right


@pytest.mark.parametrize(("answer", "missed"), [
    (HARD_1_AMOUNT + 1_500, "Rådrummet har gått ut"),  # rent 5 950 instead of the cap 4 450
    (HARD_1_AMOUNT + 340, "lunch på förskolan"),  # 3 060 instead of 2 720
    (HARD_1_AMOUNT + 1_463, "20 av 30 dagar"),  # 4 390 instead of 2 927
    (HARD_1_AMOUNT - 2_325, "Jobbstimulansen"),  # 25 % of 9 300 counted after all
    (HARD_1_AMOUNT - 3_000, "Handikappersättning"),  # counted although it is not
    (HARD_1_AMOUNT - 1_790, "gemensamma hushållskostnader"),
])
def test_a_wrong_answer_names_the_line_missed(answer, missed):
    feedback = check_answer(HARD_1, answer)
    assert not feedback.right and feedback.correct == HARD_1_AMOUNT
    assert feedback.missed and missed in feedback.missed[0]


def test_an_answer_far_from_any_mistake_names_none():
    assert check_answer(HARD_1, 1).missed == []


def test_reading_the_request_and_the_answer():
    assert [level_of(x) for x in ("ge mig ett svårt övningsfall", "övningsfall medel",
                                  "ett lätt fall", "ge mig ett övningsfall")] == [
        "svårt", "medel", "lätt", None]
    assert seed_named("övningsfall nr 17") == 17 and seed_named("ett fall") is None
    assert [parse_amount(x) for x in ("12 345", "12345 kr", "12.345:-", "0", "det blir 8\u00a0592",
                                      "ingen aning", "8 000 eller 9 000")] == [
        12345, 12345, 12345, 0, 8592, None, None]
