"""The calculation actions call the real calculator."""

from __future__ import annotations

import asyncio

from rasa_sdk.executor import CollectingDispatcher

from actions.calculation import (
    NO_CALCULATION,
    ActionCalculate,
    ActionExplainCalculation,
    ActionShowRows,
)
from tests.actions.conftest import make_tracker
from tests.actions.test_form_actions import EXAMPLE_FACTS


def run(action, slots):
    dispatcher = CollectingDispatcher()
    events = asyncio.run(action.run(dispatcher, make_tracker("ja", "affirm", slots), {}))
    return events, dispatcher.messages


def test_calculate_sends_the_amount_the_rows_and_the_journal_text():
    # 2026: riksnorm 3 940 + 3 060 + 3 820 + 1 790 = 12 610; kostnader 7 750;
    # behov 20 360 − a-kassa 9 800 = 10 560
    events, messages = run(ActionCalculate(), {"facts": EXAMPLE_FACTS, "calc_confirmed": True})
    [event] = events  # the amount shown is kept, so that a correction can say what changed
    assert (event["name"], event["value"]["last_amount"]) == ("facts", 10_560)
    [message] = messages
    assert message["text"].splitlines()[:3] == [
        "Försörjningsstöd för mars 2026: 10 560 kr.",
        "Riksnorm 12 610 kr + skäliga kostnader 7 750 kr = behov 20 360 kr.",
        "Inkomster som räknas: 9 800 kr.",
    ]
    calc = message["custom"]["calculation"]
    assert (calc["riksnorm"], calc["forsorjningsstod"], len(calc["rader"])) == (12_610, 10_560, 8)
    assert message["custom"]["summary_text"].splitlines()[0] == (
        "Beräkning av försörjningsstöd, mars 2026")
    assert "Försörjningsstöd: 10 560 kr" in message["custom"]["summary_text"]
    assert message["custom"]["facts"]["rå"] == EXAMPLE_FACTS


def test_surplus_is_said_as_a_surplus():
    facts = {**EXAMPLE_FACTS, "incomes": [
        {"type": "salary", "amount": 25_000, "member": "applicant"}],
        "consecutive_months_with_support": 0}
    _, messages = run(ActionCalculate(), {"facts": facts, "calc_confirmed": True})
    # behov 20 360; lön 25 000 counted in full (no months with support) → överskott 4 640
    assert messages[0]["text"].splitlines()[0] == (
        "Inget försörjningsstöd för mars 2026: inkomsterna överstiger behovet med 4 640 kr.")


def test_rows_and_explanation_need_a_calculation():
    for action in (ActionShowRows(), ActionExplainCalculation()):
        _, messages = run(action, {"facts": None})
        assert [m["text"] for m in messages] == [NO_CALCULATION]


def test_rows_show_each_legal_basis():
    _, [message] = run(ActionShowRows(), {"facts": EXAMPLE_FACTS, "calc_confirmed": True})
    lines = message["text"].splitlines()
    assert lines[0] == "Alla rader, mars 2026:"
    assert lines[5] == ("- Boende (hyra/avgift inkl. uppvärmning): 7 200 kr. Lagrum: "
                        "SoL (2025:400) 12 kap. 7 §. Källa: Uppgift i ansökan (indata).")


def test_explanation_is_the_calculators_plain_words():
    _, [message] = run(ActionExplainCalculation(), {"facts": EXAMPLE_FACTS,
                                                   "calc_confirmed": True})
    assert message["text"].endswith(
        "Försörjningsstödet blir 20 360 kr − 9 800 kr = 10 560 kr för månaden.")


def test_a_household_with_no_adult_word_is_computed_as_one_adult_after_yes():
    # "man 38, inga barn, hyra 6 100, sjukpenning 8 800": no partner named → one adult (shown in
    # the summary). 2026: 3 940 + 1 280 = 5 220 + 6 100 − 8 800 = 2 520.
    facts = {"year": 2026, "month": 12, "children": [], "costs": {"housing": 6100},
             "incomes": [{"type": "sickness_benefit", "amount": 8800}]}
    events, messages = run(ActionCalculate(), {"facts": facts, "calc_confirmed": True})
    assert messages[0]["custom"]["calculation"]["forsorjningsstod"] == 2_520
