"""What-if during the call: scenarios next to the current calculation, "behåll B", and
"lönar det sig att jobba?". Thin: intake.whatif reads the change, calculator.compare compares,
actions.comparison words it.

The slot ``scenarios`` holds {"bas": the current facts they were made from, "lista": [{"namn",
"ändring", "facts"}]}; a scenario is always the current facts (A) with one change. When the
current facts change (a correction, a new household), the scenarios are dropped.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import backends
from actions.calculation import NO_CALCULATION, _calculate_and_reply, _complete
from actions.comparison import LETTERS, NO_CHANGE_READ, NO_SALARY, scenarios_text, work_text
from actions.formatting import facts_payload
from intake import Facts, missing, to_calculation_input
from intake.grammar import looks_like_question
from intake.whatif import change_words, is_work_question, keep_target, scenario, work_words

if TYPE_CHECKING:
    from calculator import CalculationResult

MAX_SCENARIOS = len(LETTERS)


def _years() -> tuple[int, ...]:
    from calculator import available_years

    return available_years()


def _base(facts: Facts) -> dict[str, Any]:
    """The facts a scenario was made from, without what only the display keeps."""
    return facts.model_copy(update={"last_amount": None, "last_summary": []}).to_slot()


def _stored(tracker: Tracker, facts: Facts) -> list[dict[str, Any]]:
    value = tracker.get_slot("scenarios") or {}
    if not isinstance(value, dict) or value.get("bas") != _base(facts):
        return []
    return [s for s in value.get("lista") or [] if isinstance(s, dict)]


def _entry(name: str, description: str, change: str | None,
           facts: Facts) -> tuple[dict[str, Any], CalculationResult]:
    """A scenario as the chat shows it, and its result (the input validated once)."""
    from calculator import compute, parse_input
    from calculator.compare import job_stimulus, total_money

    inp = to_calculation_input(facts, backends.today())
    parsed = parse_input(inp)
    result = compute(parsed)
    return {"namn": name, "beskrivning": description, "ändring": change, "input": inp,
            "result": result.model_dump(mode="json"), "hushallets_pengar": total_money(result),
            "jobbstimulans": job_stimulus(parsed),
            "facts": facts_payload(facts, backends.today())}, result


def _months_note(facts: Facts) -> list[str]:
    if facts.has_salary() and facts.consecutive_months_with_support is None:
        return ["Obs: antal månader i följd med försörjningsstöd är inte angivet och räknas som "
                '0 (ingen jobbstimulans). Lägg till t.ex. "och har haft stöd i 8 månader".']
    return []


def _refused(dispatcher: CollectingDispatcher, err: Any) -> list[dict[str, Any]]:
    dispatcher.utter_message(text=f"Jag kan inte räkna ut scenariot: {err.message}",
                             json_message={"error": err.to_dict()})
    return []


class ActionWhatIf(Action):
    """"vad händer om …", "jämför med …", "om …", "samma hushåll i …", "lönar det sig …"."""

    def name(self) -> str:
        return "action_what_if"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        text = tracker.latest_message.get("text") or ""
        facts = Facts.from_slot(tracker.get_slot("facts"))
        if change_words(text) is None and not is_work_question(text):
            # no what-if words: a fact or a correction the intent classifier took for a what-if
            # ("lägg till fack 260 för honom"): read it as action_what_next reads one
            if looks_like_question(text):
                return [FollowupAction("action_search_guidelines")]
            return [FollowupAction("action_what_next")]
        if not tracker.get_slot("calc_confirmed") or not _complete(facts):
            # no calculation to compare with: a question ("om hon har sparpengar, måste hon
            # använda dem?") goes to the guidelines
            if looks_like_question(text):
                return [FollowupAction("action_search_guidelines")]
            dispatcher.utter_message(text=NO_CALCULATION)
            return []
        if is_work_question(text):
            return work_pays(dispatcher, facts, work_words(text))
        return what_if(dispatcher, tracker, facts, change_words(text) or "")


def what_if(dispatcher: CollectingDispatcher, tracker: Tracker, facts: Facts,
            words: str) -> list[dict[str, Any]]:
    from calculator import InputError
    from calculator.compare import row_differences

    w = scenario(words, facts, backends.today(), _years())
    if w is None:
        text = tracker.latest_message.get("text") or ""
        if looks_like_question(text):  # "om hon har sparpengar, måste hon använda dem?"
            return [FollowupAction("action_search_guidelines")]
        dispatcher.utter_message(text=NO_CHANGE_READ)
        return []
    if w.problems:
        for problem in w.problems:
            dispatcher.utter_message(text=problem)
        return []
    if _base(w.facts) == _base(facts):
        dispatcher.utter_message(text=f"”{w.change}” ändrar inget i uppgifterna, så det blir "
                                      "samma beräkning som nu.")
        return []
    stored = _stored(tracker, facts)
    notes = []
    if len(stored) >= MAX_SCENARIOS - 1:
        notes.append(f"Högst tre scenarier: {stored[0]['namn']} ({stored[0]['ändring']}) "
                     "är borttaget.")
        stored = stored[1:]
    # the earlier scenarios come back from the slot; this one's facts are at hand
    scenarios = [*((s, Facts.from_slot(s["facts"])) for s in stored),
                 ({"ändring": w.change, "facts": w.facts.to_slot()}, w.facts)]
    for letter, (s, _) in zip(LETTERS[1:], scenarios, strict=False):
        s["namn"] = letter
    stored = [s for s, _ in scenarios]
    try:
        computed = [_entry("A", "nuvarande uppgifter", None, facts)]
        for s, scenario_facts in scenarios:
            computed.append(_entry(s["namn"], s["ändring"], s["ändring"], scenario_facts))
    except InputError as err:
        return _refused(dispatcher, err)
    entries = [entry for entry, _ in computed]
    a = entries[0]
    for e in entries[1:]:
        e["skillnad"] = {
            "forsorjningsstod": e["result"]["forsorjningsstod"] - a["result"]["forsorjningsstod"],
            "hushallets_pengar": e["hushallets_pengar"] - a["hushallets_pengar"]}
    rows = row_differences([result for _, result in computed])
    notes += w.notes + _months_note(w.facts)
    if w.facts.unread:
        notes.append("Inte tolkat: " + "; ".join(f"”{q}”" for q in w.facts.unread))
    dispatcher.utter_message(
        text=scenarios_text(entries, rows, notes),
        json_message={"comparison": {"typ": "scenarier", "scenarier": entries, "rader": rows,
                                     "noteringar": notes}},
    )
    return [SlotSet("scenarios", {"bas": _base(facts), "lista": stored})]


def _without_adult_salary(facts: Facts) -> Facts:
    return facts.model_copy(deep=True, update={"incomes": [
        i for i in facts.incomes
        if not (i.type == "salary" and i.member in ("applicant", "partner"))]})


def _salary_added(before: Facts, after: Facts) -> bool:
    def salaries(f: Facts) -> list[tuple[str, int]]:
        return sorted((i.member, i.amount) for i in f.incomes if i.type == "salary")
    return after.has_salary() and salaries(after) != salaries(before)


def _salary(inp: dict[str, Any]) -> int:
    return sum(i["amount"] for i in inp["incomes"]
               if i["type"] == "salary" and not i["member"].startswith("child:"))


def work_pays(dispatcher: CollectingDispatcher, facts: Facts,
              words: str) -> list[dict[str, Any]]:
    """The household's money without the job, with it now, (once jobbstimulans applies,) and
    after jobbstimulans has ended."""
    from calculator import InputError, compute, parse_input
    from calculator.compare import (
        job_stimulus,
        total_money,
        with_job_stimulus,
        without_job_stimulus,
    )

    notes: list[str] = []
    with_job = facts
    if words:
        w = scenario(words, facts, backends.today(), _years())
        if w is None or not _salary_added(facts, w.facts):
            # "för 9 000", "9 000 efter skatt": the amount of the job's salary
            bare = re.sub(r"^(?:för|med|på|till)\s+", "", words, flags=re.IGNORECASE)
            w = scenario(f"lön {bare}", facts, backends.today(), _years()) or w
        if w is not None and w.problems:
            for problem in w.problems:
                dispatcher.utter_message(text=problem)
            return []
        if w is not None:
            with_job, notes = w.facts, list(w.notes)
    if not with_job.has_salary():
        dispatcher.utter_message(text=NO_SALARY)
        return []
    without = _without_adult_salary(facts)
    today = backends.today()
    inp_now = to_calculation_input(with_job, today)
    try:
        parsed_now = parse_input(inp_now)  # validated once: for jobbstimulans and the result
    except InputError as err:
        return _refused(dispatcher, err)
    job = job_stimulus(parsed_now)
    cases = [("Utan jobbet", to_calculation_input(without, today)),
             ("Med jobbet nu" + (" (med jobbstimulans)" if job["gäller"] else ""), inp_now)]
    if not job["gäller"] and job["manader_kvar_till_start"]:
        cases.append((f"Med jobbet när jobbstimulansen gäller (efter "
                      f"{job['manader_kvar_till_start']} månader till med stöd)",
                      with_job_stimulus(inp_now)))
    cases.append((f"Med jobbet när jobbstimulansen har upphört (efter högst "
                  f"{job['max_manader']} månader)", without_job_stimulus(inp_now)))
    try:
        results = [(name, inp, compute(parsed_now if inp is inp_now else inp))
                   for name, inp in cases]
    except InputError as err:
        return _refused(dispatcher, err)
    base = total_money(results[0][2])
    table = []
    for n, (name, inp, result) in enumerate(results):
        salary = _salary(inp)
        total = total_money(result)
        table.append({"fall": name, "lon": salary,
                      "andra_inkomster": result.inkomster_beraknade
                      + result.inkomster_ej_beraknade - salary,
                      "forsorjningsstod": result.forsorjningsstod, "totalt": total,
                      "mer_an_utan_jobb": None if n == 0 else total - base,
                      "input": inp, "result": result.model_dump(mode="json")})
    notes += _months_note(with_job)
    dispatcher.utter_message(
        text=work_text(table, job, notes),
        json_message={"comparison": {"typ": "lönar_det_sig", "tabell": table,
                                     "jobbstimulans": job, "noteringar": notes}},
    )
    return []


class ActionKeepScenario(Action):
    """"behåll B": B's facts become the current facts and are computed as usual."""

    def name(self) -> str:
        return "action_keep_scenario"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        text = tracker.latest_message.get("text") or ""
        facts = Facts.from_slot(tracker.get_slot("facts"))
        letter = keep_target(text) or "B"
        chosen = next((s for s in _stored(tracker, facts) if s.get("namn") == letter), None)
        if chosen is None:
            dispatcher.utter_message(
                text=f'Det finns inget scenario {letter} att behålla. Fråga först till exempel '
                     '"vad händer om hon får lön 9 000?" efter en beräkning.')
            return []
        new = Facts.from_slot(chosen["facts"]).model_copy(
            update={"last_amount": facts.last_amount, "last_summary": facts.last_summary})
        dispatcher.utter_message(text=f"Jag behåller {letter} ({chosen['ändring']}) som "
                                      "aktuella uppgifter.")
        if missing(new):
            return [SlotSet("facts", new.to_slot()), SlotSet("calc_confirmed", None),
                    SlotSet("scenarios", None), FollowupAction("calculation_form")]
        return [*_calculate_and_reply(dispatcher, new), SlotSet("scenarios", None)]
