"""The form's validation and question actions: exact events and messages."""

from __future__ import annotations

import asyncio

from rasa_sdk.executor import CollectingDispatcher

from actions.forms import AskChildren, AskConfirmed, ValidateCalculationForm
from intake import Facts
from tests.actions.conftest import make_tracker

DOMAIN: dict = {}


def run(action, tracker):
    dispatcher = CollectingDispatcher()
    events = asyncio.run(action.run(dispatcher, tracker, DOMAIN))
    return events, dispatcher.messages


def slot(name, value):
    return {"event": "slot", "timestamp": None, "name": name, "value": value}


EXAMPLE_FACTS = Facts.model_validate({
    "year": 2026, "month": 3, "adults": 1, "applicant_age": None, "partner_age": None,
    "children_expected": False,
    "children": [
        {"age": 4, "days": None, "part_time": False, "lunch_at_preschool": None,
         "in_school": None},
        {"age": 9, "days": None, "part_time": False, "lunch_at_preschool": None,
         "in_school": None},
    ],
    "costs": {"housing": 7200, "electricity": 400, "home_insurance": 150},
    "incomes": [{"type": "unemployment_benefit", "amount": 9800, "member": "applicant"}],
    "no_incomes": False, "housing_cap": None, "consecutive_months_with_support": None,
    "job_stimulus_months_used": None, "shared_household_members": None,
}).to_slot()


def test_all_facts_at_activation_ask_only_for_confirmation():
    tracker = make_tracker(
        "ensamstående mamma, barn 4 och 9 år, hyra 7 200, el 400, hemförsäkring 150, "
        "a-kassa 9 800 kr, för mars 2026", "inform_facts")
    events, messages = run(ValidateCalculationForm(), tracker)
    # "mamma": the applicant is a woman, so that "hon" and "han" can be told apart later
    assert events == [slot("facts", {**EXAMPLE_FACTS, "applicant_sex": "f", "parent_named": True}),
                      slot("requested_slot", "calc_confirmed")]
    assert messages == []


def test_yes_confirms_and_ends_the_form():
    tracker = make_tracker("ja", "affirm", {"facts": EXAMPLE_FACTS,
                                            "requested_slot": "calc_confirmed"},
                           active_loop="calculation_form")
    events, messages = run(ValidateCalculationForm(), tracker)
    assert events == [slot("calc_confirmed", True), slot("facts", EXAMPLE_FACTS),
                      slot("requested_slot", None)]
    assert messages == []


def test_no_asks_what_to_change_and_keeps_asking():
    tracker = make_tracker("nej", "deny", {"facts": EXAMPLE_FACTS,
                                           "requested_slot": "calc_confirmed"},
                           active_loop="calculation_form")
    events, messages = run(ValidateCalculationForm(), tracker)
    assert events == [slot("facts", EXAMPLE_FACTS), slot("requested_slot", "calc_confirmed")]
    assert [m["text"] for m in messages] == [
        'Vad ska ändras? Jag behåller uppgifterna. Skriv den rätta uppgiften, t.ex. '
        '"hyran är 6 900" eller "yngsta är 2 år, inte 3".']


def test_a_question_is_rejected_so_the_rules_answer_it():
    # Only requested_slot is set: Rasa rejects the form for this message (no fact slot filled).
    tracker = make_tracker("räknas barnbidrag som inkomst?", "ask_guideline",
                           {"requested_slot": "calc_adults"}, active_loop="calculation_form")
    assert run(ValidateCalculationForm(), tracker) == ([slot("requested_slot", "calc_adults")], [])


def test_after_a_question_the_form_resumes_at_the_next_missing_fact():
    # "ensamstående pappa" was read, then a guideline question was answered: the form must ask
    # about children next, not again whether the applicant lives alone.
    facts = Facts(year=2026, month=3, adults=1).to_slot()
    tracker = make_tracker("vad menas med skäligt rådrum?", "ask_guideline",
                           {"facts": facts, "requested_slot": "calc_children"},
                           active_loop="calculation_form")
    assert run(ValidateCalculationForm(), tracker) == (
        [slot("requested_slot", "calc_children")], [])


def test_an_impossible_age_is_refused_with_a_question():
    tracker = make_tracker("barn 25 år", "inform_facts",
                           {"facts": EXAMPLE_FACTS, "requested_slot": "calc_confirmed"},
                           active_loop="calculation_form")
    events, messages = run(ValidateCalculationForm(), tracker)
    assert events == [slot("facts", EXAMPLE_FACTS), slot("requested_slot", "calc_confirmed")]
    assert [m["text"] for m in messages] == [
        "Barn räknas i hushållet till och med 20 år, men jag fick 25 år. En äldre person söker "
        "själv som vuxen. Hur gamla är barnen?"]


def test_new_calculation_forgets_the_old_facts():
    tracker = make_tracker("ny beräkning", "start_calculation",
                           {"facts": EXAMPLE_FACTS, "calc_confirmed": True})
    events, _ = run(ValidateCalculationForm(), tracker)
    assert events[0] == slot("calc_confirmed", None)
    assert events[1]["value"]["children"] is None and events[1]["value"]["costs"] == {}
    assert events[2] == slot("requested_slot", "calc_adults")


def test_correction_after_the_calculation_needs_no_new_confirmation():
    tracker = make_tracker("hyran är 6 900", "inform_facts",
                           {"facts": EXAMPLE_FACTS, "calc_confirmed": True})
    events, _ = run(ValidateCalculationForm(), tracker)
    assert events[0]["value"]["costs"] == {"housing": 6900, "electricity": 400,
                                           "home_insurance": 150}
    assert events[1] == slot("requested_slot", None)


def test_children_question_counts_the_missing_ages():
    facts = {**EXAMPLE_FACTS, "children": [*EXAMPLE_FACTS["children"], {"age": None}]}
    _, messages = run(AskChildren(), make_tracker("det är tre barn", "inform_facts",
                                                  {"facts": facts}))
    assert messages[0]["text"] == 'Hur gamla är barnen? Jag behöver 3 åldrar, t.ex. "4, 9 och 12".'
    assert messages[0]["custom"]["facts"]["hushåll"] == (
        "ensamstående, tre barn (4 år; 9 år; ålder ej angiven)")


def test_confirmation_shows_the_summary_with_what_is_assumed():
    _, messages = run(AskConfirmed(), make_tracker("x", "inform_facts", {"facts": EXAMPLE_FACTS}))
    assert messages[0]["text"] == (
        "Stämmer detta?\n"
        "- Månad: mars 2026\n"
        "- Hushåll: ensamstående, två barn (4 år; 9 år)\n"
        "- Kostnader: boende (hyra/avgift) 7 200 kr, hushållsel 400 kr, hemförsäkring 150 kr\n"
        "- Räknas som 0 kr (ej nämnt eller inget): arbetsresor, fackavgift, avgift till a-kassan\n"
        "- Inkomster: arbetslöshetsersättning/aktivitetsstöd 9 800 kr (sökande)\n"
        "- Andra inkomster: inga (ej nämnda)\n"
        "- Barn 0–6 år antas äta alla måltider hemma (ingen lunch på förskola).\n"
        "- Vuxnas ålder: ej angiven (påverkar inte normbeloppet för vuxna).\n"
        'Svara "ja" så räknar jag, eller skriv vad som ska ändras.')
    assert messages[0]["custom"]["facts"]["kostnader"]["boende (hyra/avgift)"] == 7200


def test_a_fact_taken_for_a_question_by_the_nlu_is_still_read():
    tracker = make_tracker("barnbidrag 2 650", "ask_guideline",
                           {"facts": EXAMPLE_FACTS, "requested_slot": "calc_confirmed"},
                           active_loop="calculation_form")
    events, _ = run(ValidateCalculationForm(), tracker)
    assert events[0]["value"]["incomes"][-1] == {"type": "child_allowance", "amount": 2650,
                                                 "member": "applicant",
                                                 "earned_earlier_this_year": None}


def test_a_real_question_with_numbers_is_left_to_the_search():
    tracker = make_tracker("räknas barnbidrag på 2 650 som inkomst?", "ask_guideline",
                           {"facts": EXAMPLE_FACTS, "requested_slot": "calc_confirmed"},
                           active_loop="calculation_form")
    # no fact read (only requested_slot is set), so Rasa rejects the form and the search answers
    assert run(ValidateCalculationForm(), tracker) == (
        [slot("requested_slot", "calc_confirmed")], [])


def test_an_unsure_yes_still_confirms():
    tracker = make_tracker("japp", "nlu_fallback", {"facts": EXAMPLE_FACTS,
                                                    "requested_slot": "calc_confirmed"},
                           active_loop="calculation_form")
    tracker.latest_message["intent_ranking"] = [
        {"name": "nlu_fallback", "confidence": 0.4}, {"name": "affirm", "confidence": 0.35},
        {"name": "thank", "confidence": 0.2}]
    events, _ = run(ValidateCalculationForm(), tracker)
    assert events[0] == slot("calc_confirmed", True)


def test_yes_to_children_asks_for_their_ages():
    facts = {**EXAMPLE_FACTS, "children": None}
    tracker = make_tracker("ja", "affirm", {"facts": facts, "requested_slot": "calc_children"},
                           active_loop="calculation_form")
    events, messages = run(ValidateCalculationForm(), tracker)
    assert events == [slot("facts", {**facts, "children_expected": True}),
                      slot("requested_slot", "calc_children")]
    assert messages == []
    _, asked = run(AskChildren(), make_tracker("ja", "affirm", {"facts": events[0]["value"]}))
    assert asked[0]["text"] == 'Hur gamla är barnen? Skriv allas åldrar, t.ex. "4 och 9 år".'


def test_a_new_household_after_a_calculation_starts_afresh():
    tracker = make_tracker("sambor utan barn, hyra 6 000", "inform_facts",
                           {"facts": EXAMPLE_FACTS, "calc_confirmed": True})
    events, messages = run(ValidateCalculationForm(), tracker)
    assert events[0] == slot("calc_confirmed", None)
    facts = events[1]["value"]
    assert (facts["adults"], facts["children"], facts["costs"], facts["incomes"]) == (
        2, [], {"housing": 6000}, [])
    assert facts["year"] is None  # the old month is not kept either
    assert events[2] == slot("requested_slot", "calc_confirmed")
    assert [m["text"] for m in messages] == [
        "Ett nytt hushåll: jag börjar en ny beräkning och tar inte med några uppgifter från "
        "den förra."]


def test_a_forgotten_child_after_a_calculation_is_added_not_a_new_household():
    tracker = make_tracker("glömde ett barn: bebis 7 mån, hemma m sambon", "inform_facts",
                           {"facts": EXAMPLE_FACTS, "calc_confirmed": True})
    events, messages = run(ValidateCalculationForm(), tracker)
    facts = next(e["value"] for e in events if e.get("name") == "facts")
    assert facts["costs"] == EXAMPLE_FACTS["costs"]  # the household said before is kept
    assert [c["age"] for c in facts["children"]][-1] == 0
    assert not any("Ett nytt hushåll" in m["text"] for m in messages)


def test_the_household_named_again_inside_the_form_is_a_correction():
    tracker = make_tracker("ensamstående, barn 4 och 9 år, hemförsäkring 120", "inform_facts",
                           {"facts": EXAMPLE_FACTS, "requested_slot": "calc_confirmed"},
                           active_loop="calculation_form")
    events, messages = run(ValidateCalculationForm(), tracker)
    assert events[0]["value"]["costs"] == {"housing": 7200, "electricity": 400,
                                           "home_insurance": 120}
    assert messages == []


def test_a_stop_word_inside_an_answer_is_no_stop():
    from actions.calculation import ActionStopCalculation

    facts = Facts.model_validate({"adults": 1, "children": [{"age": 19}]}).to_slot()
    answer = make_tracker("ja hon går trean på gymnasiet, slutar i juni", "stop",
                          {"facts": facts, "requested_slot": "calc_in_school"},
                          active_loop="calculation_form")
    assert run(ActionStopCalculation(), answer)[0] == [
        {"event": "followup", "timestamp": None, "name": "calculation_form"}]
    events, _ = run(ValidateCalculationForm(), answer)
    assert events[0]["value"]["children"][0]["in_school"] is True
    stop = make_tracker("avbryt", "stop", {"facts": facts, "requested_slot": "calc_in_school"},
                        active_loop="calculation_form")
    events, messages = run(ActionStopCalculation(), stop)
    assert [e["event"] for e in events] == ["active_loop", "slot"]
    assert messages[0]["response"] == "utter_calculation_stopped"


def test_a_household_alone_taken_for_a_question_starts_the_calculation():
    from actions.calculation import household_taken_for_something_else

    assert household_taken_for_something_else(make_tracker("ensamst mamma", "ask_guideline")) \
        == [{"event": "followup", "timestamp": None, "name": "calculation_form"}]
    assert household_taken_for_something_else(
        make_tracker("kvinna sextioett år, bor ensam, inga barn, gäller juni tjugotjugotvå",
                     "out_of_scope")) is not None
    assert household_taken_for_something_else(
        make_tracker("gäller riksnormen även för ensamstående?", "ask_guideline")) is None
