"""Currency notes (knowledge/data/sosfs_currency.yaml): SOSFS 2003:5 against SOSFS 2013:1.

The expected statuses and lines are hand-checked against shared/domain/sosfs-currency.md
(section 2; its summary: 59 headings, kvar i sak 2 · ändrat 1 · borttaget 2 · ej kontrollerat
54, of which 5 are the page-21 headings that the corpus has no text for).
"""

from collections import Counter

import pytest
import yaml

from knowledge import IndexMismatchError, Searcher
from knowledge.currency import (
    CURRENCY_FILE,
    UNCHECKED,
    load_currency,
    unresolved,
)
from knowledge.embedders import HashEmbedder
from knowledge.loader import CORPUS_DIR
from knowledge.model import CorpusError
from knowledge.parsers.sosfs import flatten_outline

SOSFS = "SOSFS 2003:5"
PAGE_21 = {"ÖVRIGT", "Utbetalningsperiod och utbetalningssätt", "Dagsbelopp",
           "Bedömnings- och beräkningsunderlag", "Vistelsebegreppet vid resor"}


@pytest.fixture(scope="module")
def notes():
    return load_currency(CURRENCY_FILE)


def _sosfs_chunks(searcher):
    return [c for c in searcher.chunks if c["document"] == SOSFS]


def test_the_shipped_file_has_the_maps_rows_and_statuses(notes):
    assert notes.document == SOSFS and notes.current_advice == "SOSFS 2013:1"
    assert len(notes.sections) == 54  # the map's 59 rows less the five page-21 headings
    assert Counter(e.status for e in notes.sections.values()) == {
        "kvar i sak": 2, "ändrat": 1, "borttaget": 2, "ej kontrollerat": 49}
    kept = sorted(s for s, e in notes.sections.items() if e.status == "kvar i sak")
    assert kept == [
        "FÖRSÖRJNINGSSTÖD RIKSNORMEN ENLIGT 4 KAP. 3 FÖRSTA STYCKET 1 SOCIALTJÄNSTLAGEN OCH "
        "2 KAP. 1 SOCIALTJÄNSTFÖRORDNINGEN (2001:937)",
        "Medlemmar i hushållet"]
    assert [s for s, e in notes.sections.items() if e.status == "ändrat"] == [
        "Byte till dyrare bostad"]
    assert sorted(s for s, e in notes.sections.items() if e.status == "borttaget") == [
        "Genom arbete", "Hemutrustning vid bosättning"]
    for entry in notes.sections.values():
        assert entry.checked == "2026-12-04"


def test_every_heading_in_the_data_resolves_to_a_real_section_of_the_index(
        notes, hash_searcher):
    chunks = _sosfs_chunks(hash_searcher)
    assert unresolved(notes, chunks) == []
    # a row of a section with its own text has that section's page
    pages = {c["section"]: c["page"] for c in chunks}
    for section, entry in notes.sections.items():
        if section in pages:
            assert entry.page == pages[section], section
    # the data and the page-21 gap together are the whole printed outline of SOSFS 2003:5
    meta = yaml.safe_load((CORPUS_DIR / "sosfs-2003-5.yaml").read_text(encoding="utf-8"))
    outline = {e.heading for e in flatten_outline(meta["outline"])}
    assert len(outline) == 59
    assert set(notes.sections) | PAGE_21 == outline
    assert not set(notes.sections) & PAGE_21
    # every quotable section is named, except the preamble (which the map has no row for)
    assert {c["section"] for c in chunks} - set(notes.sections) == {
        "Socialstyrelsens allmänna råd om ekonomiskt bistånd"}


def test_the_line_of_each_status_is_hand_checked(notes):
    assert notes.line(notes.for_section("Medlemmar i hushållet")) == (
        "Gäller i sak även enligt SOSFS 2013:1. Bara formella skillnader: hänvisning till "
        "sambolagen (2003:376), och åldersgränsen skrivs ”under 21 år”. (Underlag: "
        "Socialstyrelsens konsoliderade SOSFS 2013:1 (lydelse 2021-06-01); kontrollerat "
        "2026-12-04.)")
    assert notes.line(notes.for_section("Byte till dyrare bostad")).startswith(
        "Ändrat i SOSFS 2013:1: ett stycke är struket och det femte exemplet (i 2003:5 "
        "brottsoffer) har fått ny lydelse;")
    removed = notes.for_section("Hemutrustning vid bosättning")
    assert notes.label(removed) == "Borttaget ur de allmänna råden 2021 (HSLF-FS 2021:31)"
    assert notes.line(removed) == (
        "Borttaget ur de allmänna råden 2021 (HSLF-FS 2021:31). Om något av innehållet finns "
        "kvar under en annan rubrik, t.ex. Hemutrustning, är inte kontrollerat. "
        "(Underlag: HSLF-FS 2021:31; kontrollerat 2026-12-04.)")
    assert notes.line(notes.for_section("Hemförsäkring")) == (
        "Inte kontrollerat mot gällande råd.")
    jobs = notes.for_section("Faktiska inkomster")
    assert jobs.status == UNCHECKED and "12 kap. 8 § SoL (2025:400)" in notes.line(jobs)


def test_a_section_the_data_does_not_name_is_not_checked(notes):
    entry = notes.for_section("Socialstyrelsens allmänna råd om ekonomiskt bistånd")
    assert (entry.status, entry.in_map, entry.sources) == (UNCHECKED, False, ())
    payload = notes.payload("Ett avsnitt som inte finns")
    assert payload["status"] == "ej kontrollerat"
    assert payload["line"] == "Inte kontrollerat mot gällande råd."
    assert payload["in_map"] is False and payload["checked"] is None


def _write(tmp_path, section_row, section="Hemförsäkring"):
    data = yaml.safe_load(CURRENCY_FILE.read_text(encoding="utf-8"))
    data["sections"] = {section: section_row}
    path = tmp_path / "currency.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


ROW = {"status": "kvar i sak", "differs": "Samma sak.", "sources": ["SoS-kons"],
       "checked": "2026-12-04", "page": 11}


@pytest.mark.parametrize(("change", "message"), [
    ({"status": "gäller"}, "okänd status 'gäller'"),
    ({"status": "Kvar i sak"}, "okänd status 'Kvar i sak'"),
    ({"status": None}, "okänd status None"),
    ({"status": "ändrat", "changed_by": "HSLF-FS 2021:31"}, "fältet 'note' saknas"),
    ({"status": "borttaget"}, "fältet 'changed_by' saknas"),
    ({"sources": []}, "status 'kvar i sak' kräver en källa"),
    ({"sources": ["okänd"]}, "källan ['okänd'] finns inte under sources"),
    ({"checked": "i våras"}, "fältet 'checked' ska vara ett datum"),
    ({"statsu": "kvar i sak"}, "okänt fält 'statsu'"),
])
def test_a_bad_row_is_refused_naming_the_section(tmp_path, change, message):
    path = _write(tmp_path, {**ROW, **change})
    with pytest.raises(CorpusError) as info:
        load_currency(path)
    assert "avsnittet 'Hemförsäkring'" in str(info.value)
    assert message in str(info.value)


def test_the_searcher_refuses_data_that_names_no_section(tmp_path, hash_index):
    path = _write(tmp_path, ROW, section="Hemförsäkringar")
    with pytest.raises(IndexMismatchError, match="Hemförsäkringar"):
        Searcher.load(hash_index, embedder=HashEmbedder(), currency_file=path)
    bad = _write(tmp_path, {**ROW, "status": "okänd"})
    with pytest.raises(IndexMismatchError, match="okänd status"):
        Searcher.load(hash_index, embedder=HashEmbedder(), currency_file=bad)


def test_hits_from_sosfs_carry_their_note_and_statute_hits_none(hash_searcher):
    result = hash_searcher.search("hemutrustning vid bosättning", top_k=20)
    by_section = {h["section"]: h for h in result["hits"]}
    removed = by_section["Hemutrustning vid bosättning"]["currency"]
    assert removed["status"] == "borttaget"
    assert removed["changed_by"] == "HSLF-FS 2021:31"
    assert removed["sources"][0].startswith("HSLF-FS 2021:31 Socialstyrelsens kungörelse")
    assert removed["checked"] == "2026-12-04"
    for hit in result["hits"]:
        assert ("currency" in hit) == (hit["document"] == SOSFS)
