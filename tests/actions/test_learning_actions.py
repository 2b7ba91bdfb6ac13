"""The learning actions on trackers built from the JSON Rasa sends (no server)."""

from __future__ import annotations

import asyncio
import datetime as dt

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.learning import ValidateExerciseForm, ValidateOnboardingForm
from onboarding.exercises import generate


def _tracker(text: str, intent: str, form: str, slots: dict, after_user: list[str]) -> Tracker:
    events = [{"event": "user", "text": text}] + [
        {"event": "action", "name": name} for name in after_user]
    return Tracker.from_dict({
        "sender_id": "t", "slots": slots,
        "latest_message": {"text": text, "intent": {"name": intent, "confidence": 0.9}},
        "events": events, "paused": False, "followup_action": None,
        "active_loop": {"name": form}, "latest_action_name": form})


def _run(action, tracker):
    dispatcher = CollectingDispatcher()
    events = asyncio.run(action.run(dispatcher, tracker, {}))
    return dispatcher.messages, events


EXERCISE = generate("lätt", 2, dt.date(2026, 3, 10)).payload()


def test_an_amount_is_the_answer_whatever_the_intent():
    _, events = _run(ValidateExerciseForm(), _tracker(
        "det blir 14 930", "inform_facts", "exercise_form", {"exercise": EXERCISE},
        ["exercise_form"]))
    assert events == [{"event": "slot", "timestamp": None, "name": "exercise_answer",
                       "value": 14930}]


def test_no_amount_is_asked_again_and_a_question_goes_to_the_rules():
    messages, events = _run(ValidateExerciseForm(), _tracker(
        "hmm", "affirm", "exercise_form", {"exercise": EXERCISE}, ["exercise_form"]))
    assert messages[0]["text"].startswith("Jag hittar inget belopp i svaret.")
    assert any(e["name"] == "exercise" for e in events)  # kept: the form is not rejected
    _, events = _run(ValidateExerciseForm(), _tracker(
        "vad betyder riksnorm", "ask_definition", "exercise_form", {"exercise": EXERCISE},
        ["exercise_form"]))
    assert events == []  # rejected: the rule answers, then the form resumes


def test_after_a_rule_answered_the_form_only_resumes():
    _, events = _run(ValidateOnboardingForm(), _tracker(
        "vad betyder riksnorm", "ask_definition", "onboarding_form",
        {"onboarding": {"step": 1}}, ["action_define_term", "onboarding_form"]))
    assert events == [{"event": "slot", "timestamp": None, "name": "requested_slot",
                       "value": "onboarding_reply"}]


def test_a_check_answer_is_graded_and_kept():
    messages, events = _run(ValidateOnboardingForm(), _tracker(
        "ja", "affirm", "onboarding_form", {"onboarding": {"step": 1}}, ["onboarding_form"]))
    assert messages[0]["text"].startswith("Rätt! Ja: hen bor hemma och går i skolan")
    state = next(e["value"] for e in events if e["name"] == "onboarding")
    assert state["answered"] == {"1": "right"} and state["awaiting_next"]
