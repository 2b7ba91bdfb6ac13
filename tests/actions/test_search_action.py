"""The search action: a cited quote, at most two related sections, or a clear abstention."""

from __future__ import annotations

import asyncio

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions import backends
from actions.formatting import answer_text
from actions.search import ActionSearchGuidelines
from tests.actions.conftest import make_tracker

HIT = {"document": "SOSFS 2013:1", "document_status": "gällande",
       "heading_path": ["Boende", "Skäligt rådrum"], "section": "Skäligt rådrum", "page": 9,
       "text": "Med skäligt rådrum avses ...", "highlight": "Med skäligt rådrum avses en tid.",
       "citation": "SOSFS 2013:1, Boende › Skäligt rådrum, s. 9"}


def test_answer_quotes_cites_and_offers_two_related_sections():
    related = [{**HIT, "heading_path": [f"Avsnitt {n}"], "page": n} for n in (1, 2, 3)]
    text = answer_text({"answered": True, "hits": [HIT, *related]})
    assert text.splitlines() == [
        "”Med skäligt rådrum avses en tid.”",
        "Källa: SOSFS 2013:1, Boende › Skäligt rådrum, s. 9 (status: gällande).",
        "Relaterade avsnitt: Avsnitt 1 (SOSFS 2013:1, s. 1); Avsnitt 2 (SOSFS 2013:1, s. 2).",
    ]


def test_abstention_says_so_and_suggests_a_rephrasing():
    text = answer_text({"answered": False, "hits": [HIT]})
    assert text.startswith("Jag hittar inget säkert svar på det i riktlinjerna")
    assert "Formulera gärna om frågan" in text


def test_search_action_against_the_real_index():
    try:
        backends.searcher()
    except backends.KnowledgeUnavailable:
        pytest.skip("knowledge index not built (make index)")
    dispatcher = CollectingDispatcher()
    tracker = make_tracker("Vad menas med skäligt rådrum?", "ask_guideline")
    assert asyncio.run(ActionSearchGuidelines().run(dispatcher, tracker, {})) == []
    [message] = dispatcher.messages
    hits = message["custom"]["citations"]
    assert 1 <= len(hits) <= 3
    assert message["text"].splitlines()[1] == (
        f"Källa: {hits[0]['citation']} (status: {hits[0]['document_status']}).")
    assert "rådrum" in message["text"].splitlines()[0].lower()


@pytest.mark.parametrize("text", ["", "   ", "\u001f"])
def test_an_empty_question_gets_a_clear_reply(text):
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(text, "nlu_fallback")
    assert asyncio.run(ActionSearchGuidelines().run(dispatcher, tracker, {})) == []
    assert [m["text"] for m in dispatcher.messages] == [
        'Jag fick ingen fråga. Skriv frågan, eller "ny beräkning".']


def test_riksnorm_question_adds_the_calculators_sourced_amounts():
    from actions.search import riksnorm_addition

    text = riksnorm_addition("Vad är riksnormen?")
    # riksnorm.md, 2026 (official, SFS 2025:1046): ensamstående 3 940, sambor 7 100,
    # gemensamma hushållskostnader 1 person 1 280
    assert text.startswith(
        "Riksnormen 2026 för personliga kostnader: ensamstående 3 940 kr, sambor tillsammans "
        "7 100 kr; gemensamma hushållskostnader för en person 1 280 kr. Källa: SFS 2025:1046")
    assert "(officiell)" in text
    assert riksnorm_addition("Vad menas med skäligt rådrum?") is None
