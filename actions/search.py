"""Guideline questions: a knowledge search turned into a cited answer."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import backends
from actions.calculation import correction_after_result, household_taken_for_something_else
from actions.formatting import answer_text, riksnorm_text
from knowledge.lawfirst import answer_order

EMPTY_QUESTION = 'Jag fick ingen fråga. Skriv frågan, eller "ny beräkning".'
UNAVAILABLE = ("Kunskapsbasen är inte tillgänglig just nu, så jag kan inte svara med källa. "
               "Försök igen om en stund.")


def riksnorm_addition(question: str) -> str | None:
    """For "Vad är riksnormen?": the amounts from the calculator's sourced parameters, for the
    year the question names ("riksnormen 2024") or else this year."""
    if "riksnorm" not in question.lower():
        return None
    from calculator import ParameterError, available_years, load_parameters
    from knowledge.search import years_named

    named = [int(y) for y in years_named(question)]
    year = named[0] if named else backends.today().year
    years = [y for y in available_years() if y <= year]
    if named and year not in years:
        return None  # no parameters for that year: say nothing rather than another year's
    if not years:
        return None
    try:
        return riksnorm_text(years[-1], load_parameters(years[-1]))
    except ParameterError:
        return None


class ActionSearchGuidelines(Action):
    def name(self) -> str:
        return "action_search_guidelines"

    def not_answered(self, dispatcher: CollectingDispatcher, result: dict[str, Any]) -> None:
        """The knowledge base has no answer: say so and suggest how to rephrase. When only the
        year is wrong (riksnormen 2024, the corpus has the 2026 table), the calculator's
        sourced amounts for that year follow."""
        text = answer_text(result)
        addition = riksnorm_addition(result["question"]) if result.get("other_year") else None
        if addition:
            text += "\n" + addition
        dispatcher.utter_message(text=text, json_message={"citations": []})

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        question = (tracker.latest_message.get("text") or "").strip()
        corrected = correction_after_result(dispatcher, tracker) \
            or household_taken_for_something_else(tracker)
        if corrected is not None:
            return corrected
        if not question:
            dispatcher.utter_message(text=EMPTY_QUESTION)
            return []
        try:
            result = backends.search(question)
        except backends.KnowledgeUnavailable:
            dispatcher.utter_message(text=UNAVAILABLE)
            return []
        except ValueError:  # the search refuses a question with nothing to search for
            dispatcher.utter_message(text=EMPTY_QUESTION)
            return []
        if not result.get("answered"):
            self.not_answered(dispatcher, result)
            return []
        text = answer_text(result)
        addition = riksnorm_addition(question)
        if addition:
            text += "\n" + addition
        # in the order the answer quotes them (the law first when it settles the question)
        dispatcher.utter_message(text=text, json_message={"citations": answer_order(result)[:3]})
        return []


class ActionOutOfScope(ActionSearchGuidelines):
    """A message the intent classifier calls out of scope still gets a cited answer when the
    knowledge base has one: the classifier can take a real guideline question ("Får klienten ha
    kvar sin bil?") for small talk, and the knowledge base, which abstains on weak evidence, is
    the better judge. Otherwise: the polite refusal."""

    def name(self) -> str:
        return "action_out_of_scope"

    def not_answered(self, dispatcher: CollectingDispatcher, result: dict[str, Any]) -> None:
        dispatcher.utter_message(response="utter_out_of_scope")
