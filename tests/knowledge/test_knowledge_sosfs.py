"""The parse of the SOSFS 2003:5 transcript, checked against its own table of contents."""

import re
from pathlib import Path

import pytest

from knowledge.loader import CORPUS_DIR
from knowledge.parsers.sosfs import parse_sosfs


@pytest.fixture(scope="module")
def parsed():
    return parse_sosfs(CORPUS_DIR / "sosfs-2003-5.yaml")


def test_every_section_of_the_table_of_contents_is_found_on_its_printed_page(parsed):
    missing = {"ÖVRIGT", "Utbetalningsperiod och utbetalningssätt", "Dagsbelopp",
               "Bedömnings- och beräkningsunderlag", "Vistelsebegreppet vid resor"}
    present = [(h, p) for h, p in parsed.toc if h not in missing]
    assert len(parsed.toc) == 52  # every heading the table of contents lists
    assert len(present) == 47
    assert [(h, parsed.heading_pages[h]) for h, _ in present] == present
    # spot checks read by hand from the transcript's table of contents
    toc = dict(parsed.toc)
    assert toc["Faktisk boendekostnad"] == 7
    assert toc["Genom studiestödsformer"] == 19
    assert toc["Dagsbelopp"] == 21


def test_the_missing_page_is_recorded_and_not_filled(parsed):
    (gap,) = parsed.document.gaps
    assert gap["missing_pages"] == [21]
    assert gap["after_section"] == "Inkomst- och beräkningsperiod"
    assert gap["missing_headings"] == [
        "ÖVRIGT", "Utbetalningsperiod och utbetalningssätt", "Dagsbelopp",
        "Bedömnings- och beräkningsunderlag", "Vistelsebegreppet vid resor",
    ]
    assert sorted(gap["missing_topics"]) == sorted(gap["missing_headings"][1:])
    assert "rekvisition" in gap["missing_topics"]["Utbetalningsperiod och utbetalningssätt"]
    last = parsed.chunks[-1]
    assert last.section == "Inkomst- och beräkningsperiod"
    assert last.truncated is True
    assert last.text.endswith("Inkomster som hushållet har fått tidigare bör i regel inte")
    sections = {c.section for c in parsed.chunks}
    assert "Dagsbelopp" not in sections and "ÖVRIGT" not in sections


def test_split_words_are_repaired(parsed):
    chapter = parsed.chunks[1].heading_path[0]
    assert chapter == ("FÖRSÖRJNINGSSTÖD RIKSNORMEN ENLIGT 4 KAP. 3 FÖRSTA STYCKET 1 "
                       "SOCIALTJÄNSTLAGEN OCH 2 KAP. 1 SOCIALTJÄNSTFÖRORDNINGEN (2001:937)")
    text = parsed.document.text
    assert "SOCIALTJÄNST- LAGEN" not in text and "FÖRORD- NINGEN" not in text
    assert "ansökningsoch" not in text and "hälsooch" not in text
    assert "ansöknings- och förmedlingsavgifter" in text
    assert "behörig hälso- och sjukvårdspersonal" in text
    assert "kort- och långvarigt" in text  # a real suspended hyphen stays


def test_running_headers_page_numbers_and_trailing_list_are_removed(parsed):
    for chunk in parsed.chunks:
        assert "SOSFS" not in chunk.text, chunk.section
        assert not re.search(r"\s\d{1,2}$", chunk.text), chunk.section
    by_section = {c.section: c for c in parsed.chunks}
    assert by_section["Skälig boendekostnad"].text.endswith(
        "Med ett kvarboende vuxet barn avses ett barn som efter fyllda 18 år bor kvar i "
        "föräldrahemmet.")
    # page 6 -> 7 inside a sentence: "... normalt har möjlighet att 6 / 7 kosta på sig."
    assert "möjlighet att kosta på sig" in by_section["Skälig boendekostnad"].text
    assert "Finspång" not in parsed.document.text and "Läs mer" not in parsed.document.text


def test_structure_pages_and_offsets(parsed):
    by_section = {c.section: c for c in parsed.chunks}
    rights = by_section["Bostadsrätt"]
    assert rights.heading_path == [
        "FÖRSÖRJNINGSSTÖD SKÄLIGA KOSTNADER FÖR POSTER UTANFÖR RIKSNORMEN ENLIGT 4 KAP. 3 "
        "FÖRSTA STYCKET 2 SOCIALTJÄNSTLAGEN",
        "Boende", "Faktisk boendekostnad", "Bostadsrätt",
    ]
    assert rights.page == 7 and rights.page_end == 7
    assert rights.text.startswith("Socialnämnden bör vid beräkningen av den faktiska "
                                  "boendekostnaden för en bostadsrättslägenhet")
    makar = by_section["Makar, registrerade partner och sambor"]
    assert (makar.page, makar.page_end) == (18, 19)
    assert len(parsed.chunks) == 47
    for chunk in parsed.chunks:
        assert parsed.document.text[chunk.start:chunk.end] == chunk.text
    assert len({c.id for c in parsed.chunks}) == len(parsed.chunks)


def test_metadata():
    doc = parse_sosfs(Path(CORPUS_DIR / "sosfs-2003-5.yaml")).document
    assert doc.id == "SOSFS 2003:5"
    assert doc.status == "upphävd, ersatt av SOSFS 2013:1"
    assert doc.valid_from == "2003-04-15"
    assert doc.title == "Socialstyrelsens allmänna råd om ekonomiskt bistånd"
