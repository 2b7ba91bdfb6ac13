"""The calculation itself: facts → calculator → Swedish result, rows and explanation."""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any

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
from intake import Facts, missing, to_calculation_input

NO_CALCULATION = ('Det finns ingen beräkning ännu. Skriv "ny beräkning" eller beskriv hushållet, '
                  't.ex. "ensamstående, barn 4 år, hyra 7 200".')


def calculate(facts: Facts) -> dict[str, Any]:
    """The calculator's result as JSON (raises calculator.InputError on bad input)."""
    from calculator import compute

    inp = to_calculation_input(facts, backends.today(), backends.ADULT_AGE_NOT_GIVEN)
    return compute(inp).model_dump(mode="json")


def _complete(facts: Facts) -> bool:
    return facts.adults is not None and not missing(facts)


class ActionCalculate(Action):
    def name(self) -> str:
        return "action_calculate"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        from calculator import InputError

        facts = Facts.from_slot(tracker.get_slot("facts"))
        if not _complete(facts):
            dispatcher.utter_message(text=NO_CALCULATION)
            return []
        try:
            result = calculate(facts)
        except InputError as err:
            dispatcher.utter_message(
                text=f"Jag kan inte räkna ut det: {err.message} Rätta uppgiften så räknar jag om.",
                json_message={"facts": facts_payload(facts, backends.today()),
                              "error": err.to_dict()},
            )
            return [SlotSet("calc_confirmed", None)]
        lines = summary_lines(facts, backends.today())
        changed = changes_text(facts.last_summary, lines, facts.last_amount, result)
        dispatcher.utter_message(
            text=(changed + "\n" if changed else "") + result_text(result),
            json_message={
                "calculation": result,
                "facts": facts_payload(facts, backends.today()),
                "summary_text": journal_text(lines, result),
            },
        )
        shown = facts.model_copy(update={"last_amount": result["forsorjningsstod"],
                                         "last_summary": lines})
        return [SlotSet("facts", shown.to_slot())]


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
        dispatcher.utter_message(text=self.render(result), json_message={"calculation": result})
        return []

    @abstractmethod
    def render(self, result: dict[str, Any]) -> str: ...


class ActionShowRows(_ResultAction):
    def name(self) -> str:
        return "action_show_rows"

    def render(self, result: dict[str, Any]) -> str:
        return rows_text(result)


class ActionExplainCalculation(_ResultAction):
    def name(self) -> str:
        return "action_explain_calculation"

    def render(self, result: dict[str, Any]) -> str:
        from calculator import CalculationResult, explain

        return explain(CalculationResult.model_validate(result))
