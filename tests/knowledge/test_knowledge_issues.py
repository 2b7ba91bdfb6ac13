"""Finding the issues of a question (knowledge/issues.py) and scoring mixed questions."""

import pytest

from knowledge.issues import sentences, split_question
from knowledge.lab.evaluate import question_rank, read_questions
from knowledge.model import CorpusError


def test_the_asking_sentence_is_found_after_the_situation():
    parts = split_question("Man 44 har fsd sedan i höstas och bor i en etta. Hans bror hjälper "
                           "honom ibland. Påverkar stugan han ärvt hans rätt till fsd?")
    assert parts.asking == "Påverkar stugan han ärvt hans rätt till fsd?"
    assert parts.situation == ["Man 44 har fsd sedan i höstas och bor i en etta.",
                               "Hans bror hjälper honom ibland."]
    assert parts.issues == []  # one issue: its friends and relatives are side details


@pytest.mark.parametrize(("question", "issues"), [
    ("Måste han sälja bilen, och kan vi räkna in bensinen i fsd?",
     ["Måste han sälja bilen", "kan vi räkna in bensinen i fsd?"]),
    ("Hur gör vi med hyran och med tandvården?", ["Hur gör vi med hyran", "med tandvården?"]),
    ("Har hon rätt till ekbist? Måste hon använda sparpengarna först?",
     ["Har hon rätt till ekbist?", "Måste hon använda sparpengarna först?"]),
])
def test_two_issues_in_the_asking_part(question, issues):
    assert split_question(question).issues == issues


def test_a_question_that_points_back_takes_its_issues_from_the_situation():
    parts = split_question("Klienten behöver nya glasögon, och hon vill också ha hjälp med "
                           "busskortet till jobbet. Vad gäller för de två sakerna?")
    # "också" marks the second issue; "hon vill" before it has too few content words to stand
    assert parts.issues == ["Klienten behöver nya glasögon",
                            "ha hjälp med busskortet till jobbet."]


@pytest.mark.parametrize("question", [
    "Räknas hot eller misshandel som skäl för en dyrare bostad?",  # "eller" between nouns
    "Vad gäller?",
])
def test_one_issue_is_not_split(question):
    assert split_question(question).issues == []


def test_och_between_nouns_splits_and_the_search_decides():
    # the parts are ranked apart; the search shows them only when their best sections differ
    # (test_knowledge_real_model: "barn och unga" stays one answer)
    assert split_question("Hur gör vi med tandläkarräkningen och medicinen?").issues == [
        "Hur gör vi med tandläkarräkningen", "medicinen?"]
    assert split_question("Godtar vi inneboendehyran, å kan vi räkna mä bilkostnader?").issues == [
        "Godtar vi inneboendehyran", "kan vi räkna mä bilkostnader?"]


def test_sentences_keep_abbreviations_and_split_after_a_colon_heading():
    assert sentences("Norrtälje: klienten har ingenting. När betalas fsd ut?") == [
        "Norrtälje:", "klienten har ingenting.", "När betalas fsd ut?"]


def _hit(section):
    return {"document": "d", "section": section, "heading_path": [section]}


def test_a_mixed_question_counts_when_every_issue_is_shown():
    item = {"q": "…", "gold": ["A", "B"], "topics": [["A"], ["B"]]}
    one_list = {"hits": [_hit("A"), _hit("C"), _hit("B")]}
    assert question_rank(one_list, item) == (3, [1, 3])  # both within the first three only
    per_topic = {"hits": [_hit("A"), _hit("C")],
                 "topics": [{"issue": "a", "hits": [_hit("A")]},
                            {"issue": "b", "hits": [_hit("B"), _hit("A")]}]}
    assert question_rank(per_topic, item) == (1, [1, 1])
    missing = {"hits": [_hit("A")], "topics": [{"issue": "a", "hits": [_hit("C")]}]}
    assert question_rank(missing, item) == (None, [1, None])
    single = {"q": "…", "gold": ["B"]}  # a single-issue question is judged on the main list
    assert question_rank(per_topic, single) == (None, [])


def test_topics_must_be_lists_of_gold_labels(tmp_path):
    path = tmp_path / "q.jsonl"
    path.write_text('{"q": "x", "gold": ["A", "B"], "topics": [["A"], ["C"]]}\n',
                    encoding="utf-8")
    with pytest.raises(CorpusError, match="rad 1: fältet 'topics'"):
        read_questions(path)
    path.write_text('{"q": "x", "gold": ["A", "B"], "topics": [["A"], ["B"]]}\n',
                    encoding="utf-8")
    assert read_questions(path)[0]["topics"] == [["A"], ["B"]]
