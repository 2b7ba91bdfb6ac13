"""Answers that quote SOSFS 2003:5 carry the section's currency note (SOSFS 2013:1)."""

from __future__ import annotations

import asyncio

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions import backends
from actions.formatting import answer_text
from actions.search import ActionSearchGuidelines
from knowledge.currency import load_currency
from tests.actions.conftest import make_tracker

NOTES = load_currency()
SOURCE = "SOSFS 2003:5 (upphävd, ersatt av SOSFS 2013:1)"


def _hit(section: str, page: int, quote: str) -> dict:
    return {"document": "SOSFS 2003:5", "document_status": "upphävd, ersatt av SOSFS 2013:1",
            "heading_path": [section], "section": section, "page": page, "text": quote,
            "highlight": quote, "citation": f"{SOURCE}, {section}, s. {page}",
            "currency": NOTES.payload(section)}


def test_a_section_kept_in_substance_says_so_under_the_quote():
    text = answer_text({"answered": True, "hits": [_hit("Medlemmar i hushållet", 5, "Text.")]})
    assert text.splitlines() == [
        "”Text.”",
        "Gäller i sak även enligt SOSFS 2013:1. Bara formella skillnader: hänvisning till "
        "sambolagen (2003:376), och åldersgränsen skrivs ”under 21 år”. (Underlag: "
        "Socialstyrelsens konsoliderade SOSFS 2013:1 (lydelse 2021-06-01); kontrollerat "
        "2026-12-04.)",
        f"Källa: {SOURCE}, Medlemmar i hushållet, s. 5.",
    ]


def test_a_changed_section_says_what_changed():
    lines = answer_text({"answered": True,
                         "hits": [_hit("Byte till dyrare bostad", 9, "Text.")]}).splitlines()
    assert lines[0] == "”Text.”"
    assert lines[1].startswith("Ändrat i SOSFS 2013:1: ett stycke är struket")
    assert "Använd inte 2003:5:s sovrumsnorm för trångboddhet utan kontroll." in lines[1]
    assert lines[2].startswith("Källa: ")


def test_a_removed_section_is_announced_as_history_before_its_text():
    lines = answer_text({"answered": True,
                         "hits": [_hit("Genom arbete", 16, "Text.")]}).splitlines()
    assert lines[0] == ("Obs! Avsnittet ”Genom arbete” i SOSFS 2003:5 är borttaget ur de "
                        "allmänna råden och är inte gällande råd. Texten visas bara som historik:")
    assert lines[1] == "”Text.”"
    assert lines[2] == (
        "Borttaget ur de allmänna råden 2021 (HSLF-FS 2021:31). Lag: den som kan arbeta har "
        "rätt till försörjningsstöd bara om hen står till arbetsmarknadens förfogande, vid behov "
        "med sfi (12 kap. 3 § SoL (2025:400)); praktik regleras i 12 kap. 4–5 §§. (Underlag: "
        "HSLF-FS 2021:31; SoL (2025:400) 12 kap.; kontrollerat 2026-12-04.)")
    assert lines[3] == f"Källa: {SOURCE}, Genom arbete, s. 16."


def test_an_unchecked_section_says_so_and_related_sections_name_a_removal():
    related = _hit("Hemutrustning vid bosättning", 13, "Annan text.")
    text = answer_text({"answered": True, "hits": [_hit("Hemförsäkring", 11, "Text."),
                                                   related]})
    assert text.splitlines() == [
        "”Text.”",
        "Inte kontrollerat mot gällande råd.",
        f"Källa: {SOURCE}, Hemförsäkring, s. 11.",
        "Relaterade avsnitt: Hemutrustning vid bosättning (SOSFS 2003:5, s. 13; borttaget ur "
        "de allmänna råden 2021 (HSLF-FS 2021:31)).",
    ]


def _search(question: str) -> list[dict]:
    """The messages of the real search action on the real index (skipped without an index)."""
    try:
        backends.searcher()
    except backends.KnowledgeUnavailable:
        pytest.skip("knowledge index not built (make index)")
    dispatcher = CollectingDispatcher()
    asyncio.run(ActionSearchGuidelines().run(
        dispatcher, make_tracker(question, "ask_guideline"), {}))
    return dispatcher.messages


@pytest.mark.parametrize(("question", "section", "line_start"), [
    ("Vem räknas till hushållet?", "Medlemmar i hushållet",
     "Gäller i sak även enligt SOSFS 2013:1."),
    ("Får klienten flytta till en dyrare bostad?", "Byte till dyrare bostad",
     "Ändrat i SOSFS 2013:1: "),
    ("Kan man få bistånd till hemutrustning vid bosättning?", "Hemutrustning vid bosättning",
     "Borttaget ur de allmänna råden 2021 (HSLF-FS 2021:31)."),
    ("Ingår hemförsäkring i försörjningsstödet?", "Hemförsäkring",
     "Inte kontrollerat mot gällande råd."),
])
def test_the_search_action_against_the_real_index_gives_each_status(question, section,
                                                                    line_start):
    [message] = _search(question)
    top = message["custom"]["citations"][0]
    assert top["section"] == section
    assert top["currency"]["line"].startswith(line_start)
    assert top["currency"]["line"] in message["text"].splitlines()


STATUTE = {"document": "SFS 2025:400 12 kap.", "document_status": "gällande",
           "heading_path": ["12 kap.", "12 kap. 3 § SoL (2025:400)"],
           "section": "12 kap. 3 § SoL (2025:400)", "page": None,
           "text": "En enskild som kan arbeta ... förfogande.", "highlight": "En enskild ...",
           "citation": "12 kap. 3 § SoL (2025:400) [gällande]"}


def test_the_law_is_quoted_first_and_the_advice_after_it_with_its_note():
    advice = _hit("Faktiska inkomster", 20, "Råd.")
    statute = {**STATUTE, "section": "12 kap. 8 § SoL (2025:400)",
               "text": "Paragrafen.\n\nAndra stycket.",
               "citation": "12 kap. 8 § SoL (2025:400) [gällande]"}
    text = answer_text({"answered": True, "hits": [advice, statute],
                        "law_first": {"statute": 1, "advice": 0, "topic": "Jobbstimulans"}})
    lines = text.splitlines()
    assert "\n\n" not in text  # Rasa would split the message at a blank line
    assert lines[:5] == [
        "”Paragrafen.",  # the whole paragraph, not only its highlight
        "Andra stycket.”",
        "Källa: 12 kap. 8 § SoL (2025:400) [gällande].",
        "Allmänna råd om samma sak (SOSFS 2003:5):",
        "”Råd.”",
    ]
    assert lines[5].startswith("Inte kontrollerat mot gällande råd. Lag: för den som haft "
                               "försörjningsstöd sex månader i följd")
    assert lines[6] == f"Källa: {SOURCE}, Faktiska inkomster, s. 20."
    assert len(lines) == 7


def test_removed_advice_after_the_law_is_named_not_quoted():
    advice = _hit("Genom arbete", 16, "Historisk text.")
    other = _hit("Makar, registrerade partner och sambor", 18, "x")
    text = answer_text({"answered": True, "hits": [STATUTE, advice, other],
                        "law_first": {"statute": 0, "advice": 1, "topic": "Arbete"}})
    assert text.splitlines() == [
        "”En enskild som kan arbeta ... förfogande.”",
        "Källa: 12 kap. 3 § SoL (2025:400) [gällande].",
        "Allmänna råd: avsnittet ”Genom arbete” (SOSFS 2003:5, s. 16) citeras inte, eftersom "
        "det är borttaget ur de allmänna råden 2021 (HSLF-FS 2021:31).",
        "Relaterade avsnitt: Makar, registrerade partner och sambor (SOSFS 2003:5, s. 18).",
    ]
    assert "Historisk text" not in text


def test_the_search_action_leads_with_the_law_against_the_real_index():
    [message] = _search("Räknas barns inkomster av feriearbete?")
    citations = message["custom"]["citations"]
    # in the order the answer quotes them: the paragraph, then the advice
    assert [c["section"] for c in citations[:2]] == [
        "12 kap. 9 § SoL (2025:400)", "Barns inkomster och tillgångar"]
    lines = message["text"].splitlines()
    assert lines[0].startswith("”Vid bedömningen av rätten till ekonomiskt bistånd ska "
                               "socialnämnden inte räkna in")
    assert "Allmänna råd om samma sak (SOSFS 2003:5):" in lines
    assert citations[1]["currency"]["line"] in lines
