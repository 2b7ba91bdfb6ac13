"""Guideline questions: a knowledge search turned into a cited answer."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import backends
from actions.formatting import answer_text, riksnorm_text

EMPTY_QUESTION = 'Jag fick ingen fråga. Skriv frågan, eller "ny beräkning".'
UNAVAILABLE = ("Kunskapsbasen är inte tillgänglig just nu, så jag kan inte svara med källa. "
               "Försök igen om en stund.")


def riksnorm_addition(question: str) -> str | None:
    """For "Vad är riksnormen?": this year's amounts from the calculator's sourced parameters."""
    if "riksnorm" not in question.lower():
        return None
    from calculator import ParameterError, available_years, load_parameters

    year = backends.today().year
    years = [y for y in available_years() if y <= year]
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
        """The knowledge base has no answer: say so and suggest how to rephrase."""
        dispatcher.utter_message(text=answer_text(result), json_message={"citations": []})

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        question = (tracker.latest_message.get("text") or "").strip()
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
        dispatcher.utter_message(text=text, json_message={"citations": result["hits"][:3]})
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
