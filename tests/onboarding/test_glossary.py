"""The glossary: ≥ 40 reviewed terms, every citation a real passage of the index, and the lookup
of a newcomer's definition questions (right entry, or nothing for other questions)."""

from __future__ import annotations

import datetime as dt

import pytest

from onboarding.amounts import AMOUNT_KEYS, amount_line
from onboarding.glossary import definition_phrase, load_glossary, read_glossary, resolve_source

GLOSSARY = load_glossary()
SOURCES = [(t.id, s) for t in GLOSSARY.terms for s in t.sources]


def test_at_least_forty_terms_each_defined_and_cited():
    assert len(GLOSSARY.terms) >= 40
    for term in GLOSSARY.terms:
        assert term.sources or term.outside, term.id
        assert len(term.definition.split()) <= 80, f"{term.id}: keep the definition short"


@pytest.mark.parametrize(("term_id", "source"), SOURCES,
                         ids=[f"{t}:{s.section}" for t, s in SOURCES])
def test_every_citation_resolves_to_a_real_passage(lookup, term_id, source):
    hit = resolve_source(lookup, source)
    assert hit is not None, f"{term_id}: {source.document} / {source.section}: no such quote"
    assert hit["document_status"]  # the status is shown with every quote
    assert hit["highlight"] == source.quote


def test_a_wrong_quote_does_not_resolve(lookup):
    source = GLOSSARY.get("riksnorm").sources[0].model_copy(
        update={"quote": "Riksnormen gäller bara i Stockholms stad och sätts av kommunen."})
    assert resolve_source(lookup, source) is None


def test_a_related_term_that_does_not_exist_is_refused(tmp_path):
    bad = tmp_path / "g.yaml"
    bad.write_text(
        "terms:\n  - id: a\n    term: A\n    aliases: [a]\n"
        "    definition: En definition som är lång nog för att godtas av laddaren.\n"
        "    sources: []\n    outside: [x]\n    related: [finns-inte]\n", encoding="utf-8")
    with pytest.raises(ValueError, match="finns-inte"):
        read_glossary(bad)


@pytest.mark.parametrize(("question", "term_id"), [
    ("Vad betyder skäliga kostnader?", "skaliga-kostnader"),
    ("Vad är riksnormen?", "riksnorm"),
    ("Förklara jobbstimulans", "jobbstimulans"),
    ("Vad menas med skäligt rådrum?", "radrum"),
    ("Kan du förklara vad hushållsgemenskap är?", "hushallsgemenskap"),
    ("vad e fsd", "forsorjningsstod"),
    ("Rådrum, vad är det?", "radrum"),
    ("Vad innebär jobbstimulansen egentligen?", "jobbstimulans"),
    ("Vad är ett umgängesbarn?", "umgangesbarn"),
    ("Vad betyder inkomster som inte räknas?", "inkomster-som-inte-raknas"),
    ("Vad är inkomster?", "faktiska-inkomster"),
    ("Vad betyder överklagande?", "overklagande"),
    ("Definition av prisbasbelopp", "prisbasbelopp"),
    ("Vad är riksnormne?", "riksnorm"),  # a typo
])
def test_definition_questions_find_their_entry(question, term_id):
    term = GLOSSARY.lookup(question)
    assert term is not None and term.id == term_id


@pytest.mark.parametrize("question", [
    "Vad är klockan?",
    "Vad betyder LSS?",  # not a term of this field's glossary: the search says so
    "Förklara beräkningen",  # "Varför?" of a calculation, not a term
    "Vad är skillnaden mellan sambo och make?",
    "Hur mycket är riksnormen för två vuxna?",
    "Räknas barnbidrag som inkomst?",
    "ny beräkning",
    "Vad säger riktlinjerna om skäligt rådrum?",  # the glossary's own search button
])
def test_other_questions_are_not_answered_from_the_glossary(question):
    assert GLOSSARY.lookup(question) is None


def test_definition_phrase():
    assert definition_phrase("Vad betyder ordet livsföring?") == "livsföring"
    assert definition_phrase("Hej") is None


def test_amounts_come_from_the_parameter_files():
    # 2026 (SFS 2025:1046): ensamstående 3 940 + gemensamma 1 person 1 280 = 5 220
    line = amount_line("riksnorm_en_vuxen", dt.date(2026, 3, 10))
    assert "5\u00a0220\u00a0kr" in line.text and "3\u00a0940\u00a0kr" in line.text
    assert line.status == "official" and "SFS 2025:1046" in line.source
    assert "59\u00a0200\u00a0kr" in amount_line("prisbasbelopp", dt.date(2026, 3, 10)).text
    assert amount_line("jobbstimulans", dt.date(2026, 3, 10)).text.startswith("25 % av lönen")
    # 2025: sambor unknown in the parameter files → nothing said rather than another year's
    assert amount_line("sambor", dt.date(2025, 8, 1)) is None
    for key in AMOUNT_KEYS:
        amount_line(key, dt.date(2026, 3, 10))


def test_the_page_gets_the_glossary():
    from fastapi.testclient import TestClient

    from web.app import create_app

    with TestClient(create_app(), client=("127.0.0.1", 50000)) as client:
        body = client.get("/api/v1/glossary").json()
    assert len(body["terms"]) == len(GLOSSARY.terms)
    entry = next(t for t in body["terms"] if t["id"] == "radrum")
    assert entry["term"] == "Skäligt rådrum" and "rådrum" in entry["aliases"]
