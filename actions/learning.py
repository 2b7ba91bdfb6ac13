"""Onboarding in the chat: glossary answers, the introduction path (onboarding_form) and
practice cases (exercise_form). Thin: the glossary, the path, the case generator and the checking
live in onboarding/; the amounts come from the calculator, the citations from knowledge."""

from __future__ import annotations

import hashlib
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActiveLoop, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import backends
from actions.formatting import kr, quote_lines, rows_text
from actions.search import ActionSearchGuidelines
from onboarding import exercises as ex
from onboarding import path as pth
from onboarding.amounts import amount_line
from onboarding.glossary import Term, load_glossary, resolve_source

PATH_FORM, EXERCISE_FORM = "onboarding_form", "exercise_form"
# Intents a learning form hands to the rules (assistant/data/rules/onboarding.yml): answered
# beside the form (which then resumes) or leaving it.
ASIDE_INTENTS = {"ask_definition", "ask_guideline", "nlu_fallback", "out_of_scope",
                 "ask_capabilities", "greet", "thank"}
LEAVE_INTENTS = {"stop", "start_calculation", "inform_facts", "request_exercise",
                 "start_onboarding"}
SEARCH_BUTTON = "Sök i riktlinjerna"


def _intent(tracker: Tracker) -> str | None:
    return (tracker.latest_message.get("intent") or {}).get("name")


def _text(tracker: Tracker) -> str:
    return (tracker.latest_message.get("text") or "").strip()


def _resuming(tracker: Tracker, form: str) -> bool:
    """The form is being activated, or resumes after a rule answered a message beside it: the
    message is not for the form. (Rasa calls the validation action with the form itself as the
    latest action, so what ran since the user's message tells the two apart.)"""
    if (tracker.active_loop or {}).get("name") != form:
        return True
    since_user: list[str] = []
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            break
        if event.get("event") == "action":
            since_user.append(event.get("name") or "")
    return any(name not in (form, "action_listen") for name in since_user)


# --------------------------------------------------------------------------- glossary

def glossary_answer(term: Term) -> tuple[str, list[dict[str, Any]], dict[str, Any]]:
    """The text, the resolved citations and the payload of a glossary answer."""
    glossary = load_glossary()
    hits = [h for h in (resolve_source(backends.passage, s) for s in term.sources) if h is not None]
    lines = [f"Begrepp: {term.term}", term.definition.strip()]
    for hit in hits:
        lines.extend(quote_lines(hit))
    if term.outside:
        lines.append("Lagrum (finns inte i kunskapsbasen, så jag kan inte citera det): "
                     + "; ".join(term.outside) + ".")
    amount = amount_line(term.amount, backends.today()) if term.amount else None
    if amount:
        lines.append(amount.sentence())
    related = glossary.related(term)
    if related:
        lines.append("Närliggande begrepp: " + ", ".join(r.term for r in related) + ".")
    lines.append(f'Vill du läsa mer? Välj "{SEARCH_BUTTON}" så söker jag i riktlinjerna.')
    payload = {"id": term.id, "term": term.term, "definition": term.definition.strip(),
               "related": [{"id": r.id, "term": r.term} for r in related],
               "amount": amount.to_dict() if amount else None, "outside": term.outside}
    return "\n".join(lines), hits, payload


class ActionDefineTerm(ActionSearchGuidelines):
    """ "Vad betyder X?", "Vad är X?", "Förklara X": the glossary entry first, then the search
    is offered (a button). A term the glossary does not hold, or no definition question at all,
    goes to the guideline search as before."""

    def name(self) -> str:
        return "action_define_term"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[dict[str, Any]]:
        question = _text(tracker)
        term = load_glossary().lookup(question)
        if term is None:
            return await super().run(dispatcher, tracker, domain)
        try:
            text, hits, payload = glossary_answer(term)
        except backends.KnowledgeUnavailable:
            dispatcher.utter_message(text=f"Begrepp: {term.term}\n{term.definition.strip()}\n"
                                          "(Kunskapsbasen svarar inte just nu, så citaten saknas.)")
            return []
        dispatcher.utter_message(
            text=text,
            buttons=[{"title": SEARCH_BUTTON,
                      "payload": f"Vad säger riktlinjerna om {term.term.lower()}?"}],
            json_message={"citations": hits, "glossary": payload})
        return []


# --------------------------------------------------------------------------- the path

def _step_text(state: dict[str, Any], resumed: bool) -> tuple[str, list[dict[str, Any]],
                                                                list[dict[str, str]]]:
    path = pth.load_path()
    i = state["step"]
    step = path.steps[i]
    lines = []
    if resumed:
        lines.append(f"Välkommen tillbaka! Vi fortsätter där du var: steg {i + 1}.")
    lines += [f"Steg {i + 1} av {len(path)}: {step.title}", pth.fill(step.text).strip()]
    hits = []
    try:
        hits = [h for h in (resolve_source(backends.passage, s) for s in step.sources)
                if h is not None]
    except backends.KnowledgeUnavailable:
        lines.append("(Kunskapsbasen svarar inte just nu, så citaten saknas.)")
    for hit in hits:
        lines.extend(quote_lines(hit))
    lines.append("Kontrollfråga: " + pth.fill(step.question))
    lines.extend(step.option_label(k) for k in range(len(step.options)))
    lines.append('Svara i chatten. Skriv "nästa", "tillbaka" eller "hoppa över" för att gå i '
                 'introduktionen, eller ställ en fråga när som helst.')
    buttons = [{"title": pth.fill(o), "payload": pth.fill(o)} for o in step.options]
    return "\n".join(lines), hits, buttons


def _lesson(state: dict[str, Any]) -> dict[str, Any]:
    step = pth.load_path().steps[state["step"]]
    right, answered = pth.score(state)
    return {"step": state["step"] + 1, "of": len(pth.load_path()), "id": step.id,
            "title": step.title, "right": right, "answered": answered}


class ActionAskOnboardingReply(Action):
    """Shows the current step (or, after its check question was answered, how to go on)."""

    def name(self) -> str:
        return "action_ask_onboarding_reply"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[dict[str, Any]]:
        state = pth.state_from_slot(tracker.get_slot("onboarding"))
        if state["awaiting_next"]:
            last = state["step"] >= len(pth.load_path()) - 1
            dispatcher.utter_message(
                text='Skriv "nästa" för att avsluta introduktionen.' if last else
                f'Skriv "nästa" för steg {state["step"] + 2}, eller "tillbaka".',
                buttons=[{"title": "Nästa", "payload": "nästa"},
                         {"title": "Tillbaka", "payload": "tillbaka"}],
                json_message={"lesson": _lesson(state)})
            return []
        resumed = bool(tracker.get_slot("onboarding_paused"))
        text, hits, buttons = _step_text(state, resumed)
        dispatcher.utter_message(text=text, buttons=buttons,
                                 json_message={"citations": hits, "lesson": _lesson(state)})
        return [SlotSet("onboarding_paused", None)] if resumed else []


class ActionOnboardingNavigate(Action):
    """Before the path form starts: "nästa"/"tillbaka"/"börja om" outside the path move the
    place; "Jag är ny" / "Lär mig grunderna" keep it (a paused path resumes where it was)."""

    def name(self) -> str:
        return "action_onboarding_navigate"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[dict[str, Any]]:
        raw = tracker.get_slot("onboarding")
        state = pth.state_from_slot(raw)
        cmd = pth.command(_text(tracker))
        events: list[dict[str, Any]] = [SlotSet("onboarding_reply", None)]
        if raw is None or state["done"]:
            if state["done"]:
                dispatcher.utter_message(text="Du har gått igenom introduktionen förut; vi börjar "
                                              'om från steg 1. Skriv "nästa" för att gå framåt.')
            else:
                dispatcher.utter_message(
                    text=f"Välkommen! Introduktionen har {len(pth.load_path())} korta steg. Varje "
                         "steg har en kort förklaring, citat ur källorna och en kontrollfråga.")
            state = pth.new_state()
            events.append(SlotSet("onboarding_paused", None))
        elif cmd in (pth.NEXT, pth.SKIP, pth.BACK, pth.RESTART):
            state, _ = pth.navigate(state, cmd)
            state["done"] = False
            events.append(SlotSet("onboarding_paused", None))
        return [*events, SlotSet("onboarding", state)]


class ValidateOnboardingForm(Action):
    """Reads each message of the path: a navigation command, an answer to the check question,
    or something else (handed to the rules, or asked again)."""

    def name(self) -> str:
        return "validate_onboarding_form"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[dict[str, Any]]:
        if _resuming(tracker, PATH_FORM):
            return [SlotSet("requested_slot", "onboarding_reply")]
        text, intent = _text(tracker), _intent(tracker)
        state = pth.state_from_slot(tracker.get_slot("onboarding"))
        path = pth.load_path()
        step = path.steps[state["step"]]
        cmd = pth.command(text)
        if cmd == pth.LEAVE:
            return []  # handed to the stop rule: the path pauses
        if cmd == pth.RESUME or intent == "start_onboarding":
            state["awaiting_next"] = False
            return [SlotSet("onboarding", state), SlotSet("onboarding_reply", None)]
        if cmd is not None:
            state, finished = pth.navigate(state, cmd)
            if finished:
                return [SlotSet("onboarding", state), SlotSet("onboarding_reply", "klar")]
            return [SlotSet("onboarding", state), SlotSet("onboarding_reply", None)]
        option = step.chosen(text)
        if option is not None:
            result = path.check(state["step"], option)
            key = str(state["step"])
            if key not in state["answered"] or state["answered"][key] == "skipped":
                state["answered"][key] = "right" if result.right else "wrong"
            state["awaiting_next"] = True
            dispatcher.utter_message(text=result.text, json_message={"lesson": _lesson(state)})
            return [SlotSet("onboarding", state), SlotSet("onboarding_reply", None)]
        if intent in ASIDE_INTENTS or intent in LEAVE_INTENTS:
            return []  # rejected: a rule answers (and the path resumes) or leaves the path
        letters = ", ".join(pth.LETTERS[k] for k in range(len(step.options)))
        dispatcher.utter_message(text=f"Svara på kontrollfrågan med {letters} (eller "
                                      'alternativets text), eller skriv "nästa", "tillbaka" '
                                      'eller "hoppa över".')
        return [SlotSet("onboarding", state), SlotSet("onboarding_reply", None)]


class ActionOnboardingFinished(Action):
    def name(self) -> str:
        return "action_onboarding_finished"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[dict[str, Any]]:
        state = pth.state_from_slot(tracker.get_slot("onboarding"))
        state["done"] = True
        right, answered = pth.score(state)
        dispatcher.utter_message(
            text=f"Bra jobbat, du har gått igenom introduktionens {len(pth.load_path())} steg "
                 f"({right} av {answered} kontrollfrågor rätt). Öva vidare med ett övningsfall: "
                 'skriv "Ge mig ett övningsfall" (lätt, medel eller svårt), eller fråga '
                 '"Vad betyder …?" om ett begrepp.',
            buttons=[{"title": "Ge mig ett övningsfall", "payload": "Ge mig ett övningsfall"}])
        return [SlotSet("onboarding", state), SlotSet("onboarding_reply", None)]


class ActionLeaveLearning(Action):
    """Leaves the path, the practice case, or a calculation for them; the place (and the facts
    of the calculation) are kept for later."""

    def name(self) -> str:
        return "action_leave_learning"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[dict[str, Any]]:
        active = (tracker.active_loop or {}).get("name")
        events: list[dict[str, Any]] = [ActiveLoop(None), SlotSet("requested_slot", None)]
        if active == PATH_FORM:
            state = pth.state_from_slot(tracker.get_slot("onboarding"))
            if _intent(tracker) == "stop" or pth.command(_text(tracker)) == pth.LEAVE:
                dispatcher.utter_message(
                    text=f"Introduktionen är pausad på steg {state['step'] + 1}. Skriv "
                         '"fortsätt introduktionen" när du vill fortsätta där du var.')
            events.append(SlotSet("onboarding_paused", True))
        elif active == EXERCISE_FORM and _intent(tracker) == "stop":
            dispatcher.utter_message(text='Okej, vi lämnar övningsfallet. Skriv "Ge mig ett '
                                          'övningsfall" när du vill öva igen.')
        return events


# --------------------------------------------------------------------------- practice cases

def _score(tracker: Tracker) -> dict[str, int]:
    score = tracker.get_slot("exercise_score") or {}
    return {"right": int(score.get("right", 0)), "answered": int(score.get("answered", 0)),
            "given": int(score.get("given", 0))}


def _score_text(score: dict[str, int]) -> str:
    return f"Poäng: {score['right']} av {score['answered']} rätt."


class ActionNewExercise(Action):
    def name(self) -> str:
        return "action_new_exercise"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[dict[str, Any]]:
        text = _text(tracker)
        old = tracker.get_slot("exercise") or {}
        level = ex.level_of(text) or old.get("level") or "lätt"
        score = _score(tracker)
        seed = ex.seed_named(text)
        if seed is None:  # reproducible per conversation: its id and the number of the case
            digest = hashlib.sha256(f"{tracker.sender_id}:{score['given']}".encode()).digest()
            seed = int.from_bytes(digest[:3], "big")
        exercise = ex.generate(level, seed, backends.today())
        score["given"] += 1
        dispatcher.utter_message(text=exercise.description,
                                 json_message={"exercise": exercise.payload()})
        return [SlotSet("exercise", exercise.payload()), SlotSet("exercise_answer", None),
                SlotSet("exercise_score", score)]


class AskExerciseAnswer(Action):
    def name(self) -> str:
        return "action_ask_exercise_answer"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[dict[str, Any]]:
        if tracker.latest_action_name == "action_new_exercise":
            return []  # the case itself ends with the question
        dispatcher.utter_message(text='Svara med försörjningsstödet i kronor, t.ex. "8 450", '
                                      'eller skriv "visa svaret".')
        return []


_REVEAL = ("visa svaret", "visa svar", "ge upp", "jag ger upp", "facit", "visa facit",
           "hoppa över", "vet inte", "jag vet inte")


class ValidateExerciseForm(Action):
    def name(self) -> str:
        return "validate_exercise_form"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[dict[str, Any]]:
        if _resuming(tracker, EXERCISE_FORM):
            return [SlotSet("requested_slot", "exercise_answer")]
        text, intent = _text(tracker), _intent(tracker)
        if intent in ("stop", "start_calculation", "request_exercise", "start_onboarding"):
            return []  # rejected: the rules leave the case or give a new one
        amount = ex.parse_amount(text)
        if amount is not None:
            return [SlotSet("exercise_answer", amount)]
        if text.lower().strip(" .!") in _REVEAL:
            return [SlotSet("exercise_answer", "visa")]
        if intent in ASIDE_INTENTS:
            return []
        dispatcher.utter_message(text='Jag hittar inget belopp i svaret. Svara med '
                                      'försörjningsstödet i kronor, t.ex. "8 450", eller skriv '
                                      '"visa svaret".')
        return [SlotSet("exercise_answer", None), SlotSet("exercise", tracker.get_slot("exercise"))]


class ActionCheckExercise(Action):
    """The trainee's amount checked with the calculator: right, or the right amount, the full
    calculation and the line(s) most likely missed; the running score."""

    def name(self) -> str:
        return "action_check_exercise"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[dict[str, Any]]:
        exercise = ex.Exercise.from_payload(tracker.get_slot("exercise"))
        answer = tracker.get_slot("exercise_answer")
        score = _score(tracker)
        score["answered"] += 1
        more = 'Skriv "Ge mig ett övningsfall" för ett nytt (lätt, medel eller svårt).'
        if answer == "visa":
            from calculator import compute

            result = compute(exercise.input).model_dump(mode="json")
            lines = [f"Rätt belopp är {kr(result['forsorjningsstod'])}.", rows_text(result)]
            right = False
        else:
            fb = ex.check_answer(exercise, int(answer))
            result, right = fb.result, fb.right
            if fb.right:
                lines = [f"Rätt! Försörjningsstödet blir {kr(fb.correct)}."]
            else:
                diff = fb.answer - fb.correct
                lines = [f"Inte riktigt: du svarade {kr(fb.answer)}, rätt belopp är "
                         f"{kr(fb.correct)} ({'+' if diff > 0 else '−'}{kr(abs(diff))})."]
                if fb.missed:
                    lines.append(("Troligen missat: " if fb.exact else "Kanske missat: ")
                                 + " ".join(fb.missed))
                lines.append(rows_text(result))
        if right:
            score["right"] += 1
        lines += [_score_text(score), more]
        dispatcher.utter_message(
            text="\n".join(lines),
            buttons=[{"title": "Nytt övningsfall", "payload": "Ge mig ett övningsfall"}],
            json_message={"calculation": result,
                          "exercise": {**exercise.payload(), "answer": answer,
                                       "right": right, "score": score}})
        return [SlotSet("exercise_answer", None), SlotSet("exercise_score", score)]
