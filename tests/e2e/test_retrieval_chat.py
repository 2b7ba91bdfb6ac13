"""Retrieval as the caseworker meets it: through the chat, over HTTP, against the real Rasa
server and the real action server (issue 15). The questions were written for this test, not
taken from an evaluation set; the expected sections are hand-checked against the corpus."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.e2e


def _answer(stack, conversation: str, question: str) -> tuple[str, list[dict]]:
    replies = stack.send(conversation, question)
    [text] = [r["text"] for r in replies if "text" in r]
    [custom] = [r["custom"] for r in replies if "custom" in r]
    return text, custom["citations"]


def test_a_long_situation_quotes_its_real_issue_not_a_side_detail(stack):
    # the cousin, the car and the children are side details; the dental bill is the question
    text, citations = _answer(
        stack, "e2e-retrieval-situation",
        "Klienten är 34 och bor i andrahand hos sin kusin. Han har en bil som han använder för "
        "att hämta sina barn varannan helg. Nu har han fått en faktura från tandläkaren på "
        "4 500 kr för en rotfyllning. Kan vi bevilja den?")
    assert (citations[0]["document"], citations[0]["section"]) == ("SOSFS 2003:5", "Tandvård")
    assert "Tandvård" in text.splitlines()[2]  # the source line under the quote and its note


def test_a_question_about_two_things_quotes_a_passage_for_each(stack):
    text, citations = _answer(stack, "e2e-retrieval-two",
                              "Hur gör vi med tandläkarräkningen och glasögonen?")
    assert text.splitlines()[0] == ("Frågan gäller 2 saker; här är det bästa avsnittet för var "
                                    "och en.")
    assert "Om ”Hur gör vi med tandläkarräkningen”:" in text
    assert "Om ”glasögonen”:" in text
    assert [c["section"] for c in citations[:2]] == ["Tandvård", "Glasögon"]
