"""The quick-calculation form: read facts from every message, ask only for what is missing.

The form ``calculation_form`` lists every slot it may ask for; ``required_slots`` is dynamic
(``intake.missing``). The slots ``calc_*`` are questions, not storage: the facts live
in the slot ``facts`` (the dict of ``intake.Facts``), and a question is asked while its
slot is empty. ``calc_confirmed`` is set when the caseworker confirms the summary.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import backends
from actions.calculation import is_stop_command
from actions.formatting import facts_payload, summary_lines
from intake import Facts, ParsedFacts, check, drop_children, limits, merge, missing, parse
from intake.grammar import adds_to_the_household, looks_like_question

FORM = "calculation_form"
FACT_INTENTS = {"inform_facts", "start_calculation", "nlu_fallback"}
YES_NO_INTENTS = {"affirm", "deny"}
# Intents whose rules leave the form (assistant/data/rules/onboarding.yml): their message is
# never read as facts, though "ge mig ett övningsfall" holds "ett" while the adults are asked.
LEAVING_INTENTS = {"request_exercise", "start_onboarding"}
NOTHING_READ = ("Jag kunde inte läsa ut några uppgifter ur det. Skriv till exempel "
                '"hyra 7 200", "barn 4 och 9 år" eller "a-kassa 9 800 kr".')


NEW_HOUSEHOLD = ("Ett nytt hushåll: jag börjar en ny beräkning och tar inte med några uppgifter "
                 "från den förra.")


def _names_a_household(parsed: ParsedFacts) -> bool:
    return parsed.adults is not None and (
        any(c.new for c in parsed.children) or parsed.no_children)


def required_slots(facts: Facts, confirmed: bool | None) -> list[str]:
    return missing(facts) + ([] if confirmed else ["calc_confirmed"])


def _intent(tracker: Tracker) -> str | None:
    """The intent; for an unsure "ja"/"nej" (nlu_fallback), the yes/no intent it ranked first."""
    name = (tracker.latest_message.get("intent") or {}).get("name")
    if name == "nlu_fallback":
        ranked = [i.get("name") for i in tracker.latest_message.get("intent_ranking") or []
                  if i.get("name") != "nlu_fallback"]
        if ranked and ranked[0] in YES_NO_INTENTS:
            return ranked[0]
    return name


def _years() -> tuple[int, ...]:
    from calculator import available_years

    return available_years()


class ValidateCalculationForm(Action):
    """Reads each message of the form with the facts parser; rejects what is not for it."""

    def name(self) -> str:
        return "validate_calculation_form"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        intent = _intent(tracker)
        text = tracker.latest_message.get("text") or ""
        requested = tracker.get_slot("requested_slot")
        facts = Facts.from_slot(tracker.get_slot("facts"))
        confirmed = tracker.get_slot("calc_confirmed")
        events: list[dict[str, Any]] = []
        if intent == "start_calculation":
            facts, confirmed = Facts(), None
            events.append(SlotSet("calc_confirmed", None))
        parsed = parse(text, facts, expecting=requested, today=backends.today())
        active = (tracker.active_loop or {}).get("name") == FORM
        if (intent != "start_calculation" and (confirmed or not active)
                and _names_a_household(parsed) and not facts.is_blank()
                and not adds_to_the_household(text)):
            # a whole new household after a calculation: never mix in the last one's facts
            facts, confirmed = Facts(), None
            parsed = parse(text, facts, expecting=None, today=backends.today())
            events.append(SlotSet("calc_confirmed", None))
            dispatcher.utter_message(text=NEW_HOUSEHOLD)

        if intent in YES_NO_INTENTS and parsed.is_empty():
            if requested == "calc_confirmed":
                if intent == "affirm":
                    confirmed = True
                    events.append(SlotSet("calc_confirmed", True))
                else:
                    dispatcher.utter_message(
                        text="Vad ska ändras? Jag behåller uppgifterna. Skriv den rätta uppgiften, "
                             't.ex. "hyran är 6 900" eller "yngsta är 2 år, inte 3".')
            elif requested == "calc_in_school":
                facts = _answer_in_school(facts, intent == "affirm", dispatcher)
            elif requested == "calc_children":
                facts = facts.model_copy(update={"children_expected": intent == "affirm"})
                if intent == "deny":
                    facts.children = []
            else:
                dispatcher.utter_message(text=NOTHING_READ)
        elif intent in FACT_INTENTS or intent in YES_NO_INTENTS or (
                intent not in LEAVING_INTENTS
                and not (intent == "stop" and is_stop_command(text)) and not parsed.is_empty()
                and not looks_like_question(text)):
            # the last case: a fact the NLU took for something else ("barnbidrag 2 650")
            if parsed.is_empty() and intent != "start_calculation":
                if intent == "nlu_fallback":
                    # not a fact: let the rules answer it, then the form resumes
                    return _resume_at(facts, confirmed)
                dispatcher.utter_message(text=NOTHING_READ)
            else:
                new, problems = check(merge(facts, parsed), facts, _years())
                for problem in problems:
                    dispatcher.utter_message(text=problem)
                facts = new
        else:
            return _resume_at(facts, confirmed)  # a question or small talk: the rules take it

        nxt = next(iter(required_slots(facts, confirmed)), None)
        return [*events, SlotSet("facts", facts.to_slot()), SlotSet("requested_slot", nxt)]


def _resume_at(facts: Facts, confirmed: bool | None) -> list[dict[str, Any]]:
    """Events for a message the form does not read (a question, small talk).

    Rasa rejects the form for this message either way (no fact slot is set), so the rules answer
    it. When the form then resumes, Rasa calls this action again with the same message and asks
    for the requested_slot returned here: it must be the next missing fact, else Rasa takes the
    first empty slot of the form's static list (the calc_* slots are never filled), calc_adults.
    """
    return [SlotSet("requested_slot", next(iter(required_slots(facts, confirmed)), None))]


def _answer_in_school(facts: Facts, yes: bool, dispatcher: CollectingDispatcher) -> Facts:
    f = facts.model_copy(deep=True)
    youth = [c for c in f.children or []
             if c.age is not None and c.age >= limits().school_age_from and c.in_school is None]
    if yes:
        for c in youth:
            c.in_school = True
    else:
        drop_children(f, {i for i, c in enumerate(f.children or []) if c in youth})
        dispatcher.utter_message(
            text="Då räknas ungdomen inte som barn i hushållet: en ungdom över 18 som inte går "
                 "i skolan söker själv som vuxen. Jag tar bort "
                 + ", ".join(f"{c.age}-åringen" for c in youth) + " ur beräkningen.")
    return f


class AskSlot(Action, ABC):
    """Asks one question of the form and sends the facts for the side panel."""

    slot = ""

    def name(self) -> str:
        return f"action_ask_{self.slot}"

    @abstractmethod
    def question(self, facts: Facts) -> str: ...

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        facts = Facts.from_slot(tracker.get_slot("facts"))
        dispatcher.utter_message(
            text=self.question(facts),
            json_message={"facts": facts_payload(facts, backends.today())},
        )
        return []


class AskAdults(AskSlot):
    slot = "calc_adults"

    def question(self, facts: Facts) -> str:
        return ("Är den sökande ensamstående, eller gift/sambo? Skriv gärna hela hushållet, "
                't.ex. "sambor, barn 3 och 7 år".')


class AskChildren(AskSlot):
    slot = "calc_children"

    def question(self, facts: Facts) -> str:
        if facts.children and len(facts.children) == 1:
            return 'Hur gammalt är barnet? Skriv åldern, t.ex. "4 år" eller "5 månader".'
        if facts.children:
            return (f"Hur gamla är barnen? Jag behöver {len(facts.children)} åldrar, "
                    't.ex. "4, 9 och 12".')
        if facts.children_expected:
            return 'Hur gamla är barnen? Skriv allas åldrar, t.ex. "4 och 9 år".'

        return ('Finns det barn i hushållet? Ange i så fall deras åldrar, t.ex. "4 och 9 år", '
                'eller svara "inga barn".')


class AskChildrenDays(AskSlot):
    slot = "calc_children_days"

    def question(self, facts: Facts) -> str:
        ages = [str(c.age) for c in facts.children or [] if c.part_time and c.days is None]
        who = "barnet" if len(ages) == 1 else "barnen"
        return (f"Hur många dagar per månad bor {who} ({' och '.join(ages)} år) hos den "
                'sökande? Svara 1–30, t.ex. "10 dagar" eller "varannan vecka".')


class AskInSchool(AskSlot):
    slot = "calc_in_school"

    def question(self, facts: Facts) -> str:
        ages = [str(c.age) for c in facts.children or []
                if c.age is not None and c.age >= limits().school_age_from
                and c.in_school is None]
        return (f"Bor ungdomen ({' och '.join(ages)} år) hemma och går i skolan? "
                "Svara ja eller nej.")


class AskHouseholdSize(AskSlot):
    slot = "calc_household_size"

    def question(self, facts: Facts) -> str:
        return ("Hur många personer bor i hushållsgemenskapen, den sökande medräknad? "
                'Svara med ett tal, t.ex. "3".')


class AskSupportMonths(AskSlot):
    slot = "calc_support_months"

    def question(self, facts: Facts) -> str:
        return ("Hur många månader i följd har hushållet haft försörjningsstöd? Det behövs "
                "eftersom någon har lön (jobbstimulans efter 6 månader).")


class AskConfirmed(AskSlot):
    slot = "calc_confirmed"

    def question(self, facts: Facts) -> str:
        lines = summary_lines(facts, backends.today())
        return ("Stämmer detta?\n" + "\n".join(f"- {line}" for line in lines)
                + '\nSvara "ja" så räknar jag, eller skriv vad som ska ändras.')
