"""What-if scenarios, "lönar det sig att jobba?" and "behåll B" in the action server's code.

Hand-checked from calculator/parameters/2026.yaml (official, SFS 2025:1046) and rules.yaml:
ensamstående 3 940, barn 4–6 år 3 060, barn 7–10 år 3 820, gemensamma hushållskostnader
3 personer 1 790, 2 personer 1 410; jobbstimulans 25 % after 6 months, at most 24 months.
A: riksnorm 3 940 + 3 060 + 3 820 + 1 790 = 12 610; costs 7 200 + 400 + 150 = 7 750;
behov 20 360; a-kassa 9 800 → försörjningsstöd 10 560; the household's money 20 360.
"""

from __future__ import annotations

import asyncio
import datetime as dt

from rasa_sdk.executor import CollectingDispatcher

from actions.whatif import ActionKeepScenario, ActionWhatIf
from intake import Facts, merge, parse
from intake.whatif import change_words, hours_times_wage, is_work_question, keep_target
from tests.actions.conftest import make_tracker

HOUSEHOLD = ("ensamstående mamma, son 4 och dotter 9 år, hyra 7 200, el 400, hemförsäkring 150, "
             "a-kassa 9 800 kr, mars 2026")


def _facts() -> Facts:
    return merge(Facts(), parse(HOUSEHOLD, Facts(), today=dt.date(2026, 3, 10)))


def _run(action, text: str, slots: dict) -> tuple[list[dict], list[dict]]:
    dispatcher = CollectingDispatcher()
    events = asyncio.run(action.run(dispatcher, make_tracker(text, "what_if", slots), {}))
    return dispatcher.messages, events


def _slots(**extra) -> dict:
    return {"facts": _facts().to_slot(), "calc_confirmed": True, "scenarios": None, **extra}


def test_the_change_words_after_the_lead():
    assert change_words("vad händer om hon får lön 9 000?") == "hon får lön 9 000"
    assert change_words("jämför med hyra 6 900") == "hyra 6 900"
    assert change_words("om sonen flyttar ut") == "sonen flyttar ut"
    assert change_words("samma hushåll i april 2026") == "i april 2026"
    assert change_words("hyran är 6 900") is None  # a correction, not a what-if
    assert is_work_question("Lönar det sig att jobba för 9 000?")
    assert keep_target("behåll B") == "B" and keep_target("ok, behåll c") == "C"
    assert keep_target("behåll hyran") is None


def test_hours_times_wage_is_the_monthly_salary_and_weekly_hours_are_refused():
    text, notes = hours_times_wage("hon jobbar 80 timmar i månaden för 120 kr i timmen")
    assert text == "hon jobbar lön 9600" and notes[0].startswith("80 timmar × 120 kr = 9 600 kr")
    _, notes = hours_times_wage("20 timmar i veckan för 130 kr")
    assert notes[0].startswith("Ange timmar per månad")


def test_a_salary_with_jobbstimulans_and_a_lower_rent_side_by_side():
    messages, events = _run(ActionWhatIf(), "vad händer om hon får lön 9 000 och har haft stöd "
                            "i 8 månader?", _slots())
    comp = messages[-1]["custom"]["comparison"]
    a, b = comp["scenarier"]
    # B: 25 % of 9 000 = 2 250 not counted; counted 9 800 + 6 750 = 16 550;
    # 20 360 − 16 550 = 3 810; money 9 800 + 9 000 + 3 810 = 22 610
    assert (a["result"]["forsorjningsstod"], a["hushallets_pengar"]) == (10_560, 20_360)
    assert (b["result"]["forsorjningsstod"], b["hushallets_pengar"]) == (3_810, 22_610)
    assert b["skillnad"] == {"forsorjningsstod": -6_750, "hushallets_pengar": 2_250}
    assert b["input"]["consecutive_months_with_support"] == 8
    job = b["jobbstimulans"]
    assert job["gäller"] and job["manader_kvar"] == 24
    assert [(r["text"], r["belopp"]) for r in comp["rader"]] == [
        ("Lön (sökande)", [None, 6_750]),
        ("Lön (sökande), jobbstimulans 25 %", [None, 2_250])]
    text = messages[-1]["text"]
    assert "Skillnad B mot A: försörjningsstöd −6 750 kr, hushållets pengar +2 250 kr." in text
    assert "Jobbstimulans gäller: 25 % av lönen räknas inte (SoL (2025:400) 12 kap. 8 §)" in text
    scenarios = events[0]["value"]

    messages, events = _run(ActionWhatIf(), "jämför med hyra 6 900",
                            _slots(scenarios=scenarios))
    comp = messages[-1]["custom"]["comparison"]
    assert [s["namn"] for s in comp["scenarier"]] == ["A", "B", "C"]
    c = comp["scenarier"][2]
    # C: costs 6 900 + 400 + 150 = 7 450; behov 20 060; 20 060 − 9 800 = 10 260
    assert c["result"]["forsorjningsstod"] == 10_260
    assert c["skillnad"] == {"forsorjningsstod": -300, "hushallets_pengar": -300}
    housing = next(r for r in comp["rader"] if r["text"].startswith("Boende"))
    assert housing["belopp"] == [7_200, 7_200, 6_900]
    assert housing["lagrum"] == "SoL (2025:400) 12 kap. 7 §"
    # the current facts are not changed by a what-if
    assert all(e.get("name") != "facts" for e in events)

    # a fourth scenario drops the oldest one (at most A, B and C)
    messages, events = _run(ActionWhatIf(), "om sonen flyttar ut",
                            _slots(scenarios=events[0]["value"]))
    comp = messages[-1]["custom"]["comparison"]
    assert [s["ändring"] for s in comp["scenarier"]] == [None, "hyra 6 900", "sonen flyttar ut"]
    # sonen 4 leaves: 3 940 + 3 820 + 1 410 (2 personer) = 9 170; 9 170 + 7 750 − 9 800 = 7 120
    assert comp["scenarier"][2]["result"]["forsorjningsstod"] == 7_120
    assert "Högst tre scenarier" in messages[-1]["text"]


def test_keep_b_makes_b_the_current_facts_and_computes_it():
    _, events = _run(ActionWhatIf(), "jämför med hyra 6 900", _slots())
    facts = _facts().model_copy(update={"last_amount": 10_560})
    slots = _slots(scenarios=events[0]["value"], facts=facts.to_slot())
    messages, events = _run(ActionKeepScenario(), "behåll B", slots)
    assert messages[0]["text"] == "Jag behåller B (hyra 6 900) som aktuella uppgifter."
    calc = messages[-1]["custom"]["calculation"]
    assert calc["forsorjningsstod"] == 10_260
    assert "Försörjningsstödet ändras från 10 560 kr till 10 260 kr (−300 kr)." in (
        messages[-1]["text"])
    kept = next(e["value"] for e in events if e.get("name") == "facts")
    assert kept["costs"]["housing"] == 6_900
    assert events[-1] == {"event": "slot", "timestamp": None, "name": "scenarios", "value": None}


def test_keep_without_a_scenario_says_so():
    messages, events = _run(ActionKeepScenario(), "behåll B", _slots())
    assert messages[0]["text"].startswith("Det finns inget scenario B att behålla.")
    assert events == []


def test_scenarios_made_from_other_facts_are_not_kept():
    _, events = _run(ActionWhatIf(), "jämför med hyra 6 900", _slots())
    changed = merge(_facts(), parse("el 300", _facts(), today=dt.date(2026, 3, 10)))
    messages, _ = _run(ActionKeepScenario(), "behåll B",
                       _slots(scenarios=events[0]["value"], facts=changed.to_slot()))
    assert messages[0]["text"].startswith("Det finns inget scenario B")


def test_does_work_pay_now_once_jobbstimulans_applies_and_after_it_ends():
    messages, _ = _run(ActionWhatIf(), "lönar det sig att jobba för 9 000?", _slots())
    comp = messages[-1]["custom"]["comparison"]
    assert comp["typ"] == "lönar_det_sig"
    rows = [(r["lon"], r["forsorjningsstod"], r["totalt"], r["mer_an_utan_jobb"])
            for r in comp["tabell"]]
    # without: 10 560 + 9 800 = 20 360. Now (0 months: no jobbstimulans): 20 360 − 18 800 =
    # 1 560, total 20 360. Once it applies: 6 750 counted → 3 810, total 22 610 (+2 250).
    # After 24 months: as now.
    assert rows == [(0, 10_560, 20_360, None), (9_000, 1_560, 20_360, 0),
                    (9_000, 3_810, 22_610, 2_250), (9_000, 1_560, 20_360, 0)]
    assert "räknas som 0 (ingen jobbstimulans)" in messages[-1]["text"]


def test_no_calculation_yet_and_a_question_goes_to_the_guidelines():
    messages, events = _run(ActionWhatIf(), "om hon har sparpengar, måste hon använda dem?",
                            {"facts": None, "calc_confirmed": None})
    assert events == [{"event": "followup", "timestamp": None,
                       "name": "action_search_guidelines"}]
    messages, events = _run(ActionWhatIf(), "jämför med hyra 6 900", _slots(calc_confirmed=None))
    assert messages[0]["text"].startswith("Det finns ingen beräkning ännu.")


def test_a_fact_without_what_if_words_is_read_as_action_what_next_reads_it():
    # the intent classifier took a correction for a what-if: it is not made a scenario
    messages, events = _run(ActionWhatIf(), "lägg till fack 260 för honom", _slots())
    assert messages == []
    assert events == [{"event": "followup", "timestamp": None, "name": "action_what_next"}]
