"""Out-of-scope concepts (knowledge/data/other_domains.yaml) turn a question away."""

import numpy as np

from knowledge.lab.tune import _threshold, cross_validate
from knowledge.scope import ALWAYS_GROUP, Municipalities, OtherDomains, mentions, stems, topic


def test_terms_match_whole_stemmed_words_and_phrases(tmp_path):
    path = tmp_path / "terms.yaml"
    path.write_text("a:\n  - hemtjänst\n  - god man\nb:\n  - LVU\n", encoding="utf-8")
    scope = OtherDomains(corpus_stems=["hemutrustning"], path=path)
    assert scope.found("Kan hon få hemtjänsten utökad?") == ["hemtjänst"]
    assert scope.found("Behöver han en god man?") == ["god man"]
    assert scope.found("Är mannen god?") == []  # the words must follow each other
    assert scope.found("Placering enligt LVU") == ["LVU"]
    assert scope.found("Får hon hemutrustning?") == []


def test_terms_the_corpus_uses_are_dropped(tmp_path):
    path = tmp_path / "terms.yaml"
    path.write_text("a:\n  - familjehem\n  - jourhem\n", encoding="utf-8")
    scope = OtherDomains(corpus_stems=stems("familjehem"), path=path)
    assert [t for t, _ in scope.terms] == ["jourhem"]
    assert scope.found("Barnet bor i familjehem") == []
    # the head of a compound the corpus uses counts as used; a short stem does not
    path.write_text("a:\n  - familjehem\n  - LSS\n", encoding="utf-8")
    scope = OtherDomains([], corpus_words=["familjehemsersättningens", "underhållsskyldiga"],
                         path=path)
    assert [t for t, _ in scope.terms] == ["LSS"]


def test_searcher_abstains_on_another_domain_but_still_returns_hits(hash_searcher):
    # "familjehem(sersättningens)" and "sjukpenning" occur in SOSFS 2003:5, these do not
    found = {t for t, _ in hash_searcher.other_domains.terms}
    assert {"hemtjänst", "orosanmälan", "LSS"} <= found
    assert not {"familjehem", "sjukpenning"} & found
    result = hash_searcher.search("Hur ansöker en äldre person om hemtjänst?", top_k=2)
    assert result["answered"] is False
    assert len(result["hits"]) == 2
    assert set(result) == {"question", "answered", "confidence", "hits", "outside_scope"}
    assert result["outside_scope"] == ["hemtjänst"]
    assert "outside_scope" not in hash_searcher.search("Får hon hemutrustning?", top_k=2)


def test_threshold_keeps_the_target_share_answered():
    scores = np.arange(100, dtype=float)  # 0..99: 99 % answered -> threshold at the 2nd value
    assert _threshold(scores) == 1.0
    assert _threshold(np.array([0.5])) == 0.5


def test_cross_validation_counts_refused_out_of_scope_questions():
    inside = np.linspace(1.0, 2.0, 50)
    outside = np.array([0.0, 0.1, 5.0, 5.0, 5.0])  # three score above every threshold
    refused = np.array([False, False, True, False, False])  # one of them names another domain
    cv = cross_validate(inside, outside, refused, folds=5, repeats=2)
    assert cv["cv_out_of_scope_abstained"] == 0.6
    assert 0.9 <= cv["cv_answered"] <= 1.0


def test_municipalities_are_found_by_name_genitive_and_phrase(tmp_path):
    path = tmp_path / "kommuner.yaml"
    path.write_text("a:\n  - Göteborg\n  - Upplands Väsby\n  - Mark\n  - Vara\n  - Norrtälje\n",
                    encoding="utf-8")
    towns = Municipalities(corpus_words=["norrtälje", "vara"], path=path)
    assert towns.count == 3  # Norrtälje and Vara are words of the corpus itself
    assert towns.found("Vilka belopp har Göteborg för hemutrustning?") == ["Göteborg"]
    assert towns.found("hur gör göteborgs stad?") == ["göteborg"]
    assert towns.found("Hur gör Upplands  Väsby och Mark?") == ["Upplands  Väsby", "Mark"]
    # a place in the client's life is not a question about that municipality's rules
    assert towns.found("Dottern bor i Göteborg, kan han få bistånd till umgängesresor?") == []
    assert towns.found("Han har fått jobb i Mark, kan vi räkna med bilen?") == []
    # short names are ordinary words too: only a capital letter makes them a place
    assert towns.found("Klienten äger mark, måste han sälja?") == []
    assert towns.found("Hur gör Norrtälje med hemutrustning?") == []
    assert towns.found("Göteborgsvarvet") == []


def test_searcher_abstains_on_another_municipality(hash_searcher):
    assert "Norrtälje" not in hash_searcher.municipalities.found("Hur gör Norrtälje?")
    result = hash_searcher.search("Vad har Malmö för riktlinjer om hemutrustning?", top_k=2)
    assert result["answered"] is False
    assert len(result["hits"]) == 2


def test_question_forms_are_kept_although_the_corpus_uses_their_words(tmp_path):
    path = tmp_path / "terms.yaml"
    path.write_text(f"a:\n  - vad kostar\n{ALWAYS_GROUP}:\n  - vad kostar\n", encoding="utf-8")
    scope = OtherDomains(corpus_stems=stems("vad kostar det"), path=path)
    assert [t for t, _ in scope.terms] == ["vad kostar"]  # only the ALWAYS_GROUP entry
    assert scope.found("Vad kostar ett busskort?") == ["vad kostar"]
    assert scope.found("Förrådet kostar 600 kr, kan vi betala det?") == []


def test_a_topic_with_plus_needs_every_part_in_any_order():
    trip = topic("utomlands + åka")
    assert trip == (("utomland",), ("åka",))
    assert mentions(stems("Hon ska åka och hälsa på familjen utomlands"), trip)
    assert not mentions(stems("Hon äger ett hus utomlands"), trip)
    assert not mentions(stems("anything"), ())


def test_a_question_about_another_year_than_the_passage_is_not_answered():
    from knowledge.search import other_year

    assert other_year("Vad var riksnormen 2025?", "Riksnormen under 2026 utgör") == {
        "asked": ["2025"], "passage": ["2026"]}
    assert other_year("Vad är riksnormen 2026?", "Riksnormen under 2026 utgör") is None
    # SFS numbers are no years; a passage without years fits any year
    assert other_year("Jobbstimulans 2025?", "Lag (2025:762). För den som") is None
    assert other_year("Vad gällde 2019?", "Nämnden bör beakta") is None
