"""The calculation itself: facts → calculator → Swedish result, rows and explanation."""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import TYPE_CHECKING, Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import backends
from actions.formatting import (
    changes_text,
    facts_payload,
    journal_text,
    result_text,
    rows_text,
    summary_lines,
)
from intake import Facts, check, merge, missing, parse, to_calculation_input
from intake.grammar import looks_like_question

if TYPE_CHECKING:
    from calculator import CalculationResult

NO_CALCULATION = ('Det finns ingen beräkning ännu. Skriv "ny beräkning" eller beskriv hushållet, '
                  't.ex. "ensamstående, barn 4 år, hyra 7 200".')


def calculate(facts: Facts) -> CalculationResult:
    """The calculator's result (raises calculator.InputError on bad input)."""
    from calculator import compute

    return compute(to_calculation_input(facts, backends.today()))


def _with_changes(text: str, changed: str | None) -> str:
    """The amount first (read aloud on the phone), then what the correction changed."""
    if not changed:
        return text
    head, _, rest = text.partition("\n")
    return "\n".join([head, changed, rest])


def _complete(facts: Facts) -> bool:
    """Nothing left to ask (adults not named count as one when other facts were given)."""
    return not facts.is_blank() and not missing(facts)


def household_taken_for_something_else(tracker: Tracker) -> list[dict[str, Any]] | None:
    """A message outside the calculation that names a household or an amount, but that the
    intent classifier took for a question or small talk ("Sambopar som båda läser på komvux, och
    de har en bebis …", "ensamst mamma", "hyran är 6 550, el 360"): start the calculation with
    it instead of losing its facts. None when it is no such message (or is phrased as a
    question)."""
    from rasa_sdk.events import FollowupAction

    text = tracker.latest_message.get("text") or ""
    if (tracker.active_loop or {}).get("name") or looks_like_question(text):
        return None
    if tracker.get_slot("calc_confirmed"):
        return None  # after a result: correction_after_result decides
    p = parse(text, Facts(), today=backends.today())
    household = p.adults is not None or p.shared_household or any(c.new for c in p.children)
    amounts = any(p.costs.values()) or bool(p.incomes)
    # "ensamst mamma", "kvinna 61 år, bor ensam, inga barn", "hyran är 6 550, el 360": facts
    if not (household or amounts):
        return None
    return [FollowupAction("calculation_form")]


def correction_after_result(dispatcher: CollectingDispatcher,
                            tracker: Tracker) -> list[dict[str, Any]] | None:
    """A correction the intent classifier took for a question ("ta bort elen") after a result:
    read it as facts and recompute. None when the message is no such correction."""
    text = tracker.latest_message.get("text") or ""
    facts = Facts.from_slot(tracker.get_slot("facts"))
    if not tracker.get_slot("calc_confirmed") or not _complete(facts) \
            or looks_like_question(text):
        return None
    parsed = parse(text, facts, today=backends.today())
    if parsed.is_empty():
        return None
    from calculator import available_years

    new, problems = check(merge(facts, parsed), facts, available_years())
    for problem in problems:
        dispatcher.utter_message(text=problem)
    if not _complete(new):
        return None
    return _calculate_and_reply(dispatcher, new)


def _calculate_and_reply(dispatcher: CollectingDispatcher, facts: Facts) -> list[dict[str, Any]]:
    from calculator import InputError

    try:
        result = calculate(facts).model_dump(mode="json")  # the chat's JSON, made once
    except InputError as err:
        dispatcher.utter_message(
            text=f"Jag kan inte räkna ut det: {err.message} Rätta uppgiften så räknar jag om.",
            json_message={"facts": facts_payload(facts, backends.today()),
                          "error": err.to_dict()},
        )
        return [SlotSet("facts", facts.to_slot()), SlotSet("calc_confirmed", None)]
    lines = summary_lines(facts, backends.today())
    changed = changes_text(facts.last_summary, lines, facts.last_amount, result)
    dispatcher.utter_message(
        text=_with_changes(result_text(result), changed),
        json_message={
            "calculation": result,
            "facts": facts_payload(facts, backends.today()),
            "summary_text": journal_text(lines, result),
        },
    )
    shown = facts.model_copy(update={"last_amount": result["forsorjningsstod"],
                                     "last_summary": lines})
    return [SlotSet("facts", shown.to_slot())]


class ActionCalculate(Action):
    def name(self) -> str:
        return "action_calculate"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        facts = Facts.from_slot(tracker.get_slot("facts"))
        if not _complete(facts):
            dispatcher.utter_message(text=NO_CALCULATION)
            return []
        events = _calculate_and_reply(dispatcher, facts)
        if events[-1].get("name") == "calc_confirmed":
            return events[-1:]  # refused: the facts stay as they were
        return events


class _ResultAction(Action, ABC):
    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        from calculator import InputError

        facts = Facts.from_slot(tracker.get_slot("facts"))
        if not tracker.get_slot("calc_confirmed") or not _complete(facts):
            dispatcher.utter_message(text=NO_CALCULATION)
            return []
        try:
            result = calculate(facts)
        except InputError as err:
            dispatcher.utter_message(text=f"Jag kan inte räkna ut det: {err.message}")
            return []
        payload = result.model_dump(mode="json")
        dispatcher.utter_message(text=self.render(result, payload),
                                 json_message={"calculation": payload})
        return []

    @abstractmethod
    def render(self, result: CalculationResult, payload: dict[str, Any]) -> str:
        """The reply's text from the result (or the JSON the chat also receives)."""


class ActionShowRows(_ResultAction):
    def name(self) -> str:
        return "action_show_rows"

    def render(self, result: CalculationResult, payload: dict[str, Any]) -> str:
        return rows_text(payload)


class ActionExplainCalculation(_ResultAction):
    def name(self) -> str:
        return "action_explain_calculation"

    def render(self, result: CalculationResult, payload: dict[str, Any]) -> str:
        from calculator import explain

        return explain(result)


class ActionWhatNext(Action):
    """A yes, no or stop outside the form. After a result it may be a correction the intent
    classifier took for one ("underhållsstödet har upphört, ta bort det"): then recompute."""

    def name(self) -> str:
        return "action_what_next"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        corrected = correction_after_result(dispatcher, tracker) \
            or household_taken_for_something_else(tracker)
        if corrected is not None:
            return corrected
        dispatcher.utter_message(response="utter_what_next")
        return []


# A stop said as a command ("avbryt", "sluta räkna", "glöm det"), not a fact that happens to
# contain a stop word ("ja hon går trean på gymnasiet, slutar i juni").
STOP_WORDS = ("avbryt", "stopp", "stoppa", "sluta", "glöm", "strunta", "skippa", "avsluta",
              "lägg ner", "hoppa över", "vi tar det", "vi struntar", "vi skippar", "vi avbryter",
              "jag vill avbryta")


def is_stop_command(text: str) -> bool:
    text = text.strip().lower()
    return text.startswith(STOP_WORDS) or text in ("nej tack", "det räcker")


class ActionStopCalculation(Action):
    """"Stop" during the calculation: stop, unless the message answers the question or gives
    facts and its stop word belongs to them ("slutar i juni", "har slutat på förskolan")."""

    def name(self) -> str:
        return "action_stop_calculation"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        from rasa_sdk.events import ActiveLoop, FollowupAction, SlotSet

        text = tracker.latest_message.get("text") or ""
        facts = Facts.from_slot(tracker.get_slot("facts"))
        parsed = parse(text, facts, today=backends.today())
        if not is_stop_command(text) and (not parsed.is_empty() or parsed.yes or parsed.no):
            return [FollowupAction("calculation_form")]
        dispatcher.utter_message(response="utter_calculation_stopped")
        return [ActiveLoop(None), SlotSet("requested_slot", None)]
