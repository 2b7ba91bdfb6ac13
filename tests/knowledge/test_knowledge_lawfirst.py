"""Answers that lead with the law (knowledge/data/law_first.yaml): only the order changes."""

import pytest

from knowledge.lawfirst import (
    LAW_FIRST_FILE,
    answer_order,
    law_first,
    load_law_first,
    unknown_sections,
)
from knowledge.model import CorpusError

RULES = load_law_first(LAW_FIRST_FILE)


def _hits(*sections):
    return [{"section": s} for s in sections]


def test_the_shipped_rules_name_real_sections_of_the_index(hash_searcher):
    assert [r.paragraph for r in RULES] == [
        "12 kap. 3 § SoL (2025:400)", "12 kap. 8 § SoL (2025:400)", "12 kap. 9 § SoL (2025:400)",
        "12 kap. 7 § SoL (2025:400)", "12 kap. 1 § SoF (2025:468)"]
    sections = {c["section"] for c in hash_searcher.chunks}
    assert unknown_sections(RULES, sections) == []


@pytest.mark.parametrize(("question", "hits", "expected"), [
    # the topic is asked and its paragraph is a hit: paragraph first, its advice after
    ("Räknas barns inkomster av feriearbete?",
     _hits("Barns inkomster och tillgångar", "12 kap. 9 § SoL (2025:400)", "Faktiska inkomster"),
     {"statute": 1, "advice": 0, "topic": "Hemmavarande barns och skolungdomars inkomster"}),
    ("Hur fungerar jobbstimulansen?",
     _hits("12 kap. 8 § SoL (2025:400)", "Boendekostnad vid kort- och långvarigt biståndsbehov",
           "Faktiska inkomster"),
     {"statute": 0, "advice": 2, "topic": "Jobbstimulans (särskild beräkningsregel)"}),
    # no advice section of the rule among the hits: no advice (an unrelated one is not taken)
    ("Hur fungerar jobbstimulans?",
     _hits("12 kap. 8 § SoL (2025:400)", "Boendekostnad vid kort- och långvarigt biståndsbehov"),
     {"statute": 0, "advice": None, "topic": "Jobbstimulans (särskild beräkningsregel)"}),
    # the best-ranked advice section of the rule
    ("Vad täcker riksnormen?",
     _hits("Särskilda skäl att beräkna kostnader till en lägre nivå", "12 kap. 7 § SoL (2025:400)",
           "Särskilda skäl att beräkna kostnader till en högre nivå"),
     {"statute": 1, "advice": 0, "topic": "Riksnormens innehåll (försörjningsstödets poster)"}),
])
def test_the_law_leads_when_the_question_is_about_its_topic(question, hits, expected):
    assert law_first(question, hits, RULES) == expected


@pytest.mark.parametrize(("question", "hits"), [
    # the topic is asked, but the search did not find the paragraph: nothing is added
    ("Räknas barns inkomster av feriearbete?",
     _hits("Barns inkomster och tillgångar", "Faktiska inkomster")),
    # the paragraph is a hit, but the question is about something else
    ("Vem räknas till hushållet?",
     _hits("Medlemmar i hushållet", "12 kap. 3 § SoF (2025:468)", "12 kap. 7 § SoL (2025:400)")),
])
def test_otherwise_the_answer_keeps_the_ranking(question, hits):
    assert law_first(question, hits, RULES) is None


def test_answer_order_puts_paragraph_then_advice_then_the_rest():
    hits = _hits("A", "B", "C", "D")
    assert answer_order({"hits": hits, "law_first": {"statute": 2, "advice": 0}}) == _hits(
        "C", "A", "B", "D")
    assert answer_order({"hits": hits, "law_first": {"statute": 1, "advice": None}}) == _hits(
        "B", "A", "C", "D")
    assert answer_order({"hits": hits}) == hits


def test_a_rule_without_phrasings_is_refused(tmp_path):
    path = tmp_path / "law_first.yaml"
    path.write_text('paragraphs:\n  "12 kap. 8 § SoL (2025:400)":\n    topic: x\n    asks: []\n',
                    encoding="utf-8")
    with pytest.raises(CorpusError, match="12 kap. 8 § SoL"):
        load_law_first(path)


def test_the_search_result_names_the_paragraph_to_lead_with(hash_searcher):
    result = hash_searcher.search("jobbstimulans särskild beräkningsregel 25 procent", top_k=5)
    sections = [h["section"] for h in result["hits"]]
    assert "12 kap. 8 § SoL (2025:400)" in sections
    assert result["law_first"]["statute"] == sections.index("12 kap. 8 § SoL (2025:400)")
