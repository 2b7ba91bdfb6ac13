"""Statutes, the Norrtälje web page, local Markdown and PDF guidelines, law references."""

from pathlib import Path

import pytest
import yaml
from fpdf import FPDF

from knowledge.lawrefs import find_law_refs
from knowledge.loader import CORPUS_DIR, load_corpus
from knowledge.model import CorpusError
from knowledge.parsers.markdown import parse_markdown
from knowledge.parsers.pdf import pdf_document
from knowledge.parsers.webpage import parse_webpage
from knowledge.text import repair_split_words, sentence_spans

SOURCES = CORPUS_DIR / "sources"


def test_statute_paragraphs_are_cited_by_chapter_and_paragraph():
    doc, chunks = parse_markdown(SOURCES / "sol-2025-400-kap12.md")
    assert doc.citation_name == "SoL (2025:400)"
    assert [c.section for c in chunks] == [
        f"12 kap. {p} § SoL (2025:400)"
        for p in ["1", "2", "3", "4", "5", "6", "7", "7 a", "8", "9"]
    ]
    eight = chunks[8]
    assert eight.heading_path == [
        "12 kap. Insatser för ekonomiska behov",
        "Särskild beräkningsregel för den som börjat arbeta",
        "12 kap. 8 § SoL (2025:400)",
    ]
    assert eight.text.startswith("För den som har fått försörjningsstöd under sex månader")
    assert doc.text[eight.start:eight.end] == eight.text


def test_riksnorm_tables_stay_inside_their_paragraph():
    _, chunks = parse_markdown(SOURCES / "sof-2025-468-kap12.md")
    assert [c.section for c in chunks] == [
        "12 kap. 1 § SoF (2025:468)", "12 kap. 2 § SoF (2025:468)", "12 kap. 3 § SoF (2025:468)"
    ]
    two = chunks[1].text
    assert "| Ensamstående | 3 940 |" in two and "| 7 | 2 830 |" in two
    assert "### Gemensamma hushållskostnader, kronor per månad" in two


def test_norrtalje_page_without_navigation_or_feedback_form():
    registry = yaml.safe_load((CORPUS_DIR / "documents.yaml").read_text(encoding="utf-8"))
    entry = next(e for e in registry["documents"] if e["parser"] == "webpage")
    doc, chunks = parse_webpage(CORPUS_DIR / entry["file"], entry)
    assert doc.valid_from == "2023-01-23"
    assert doc.issuer == "Norrtälje kommun"
    assert [c.heading_path for c in chunks] == [
        ["Tjänstegaranti för försörjningsstöd"],
        ["Tjänstegaranti för försörjningsstöd", "Beskrivning"],
        ["Tjänstegaranti för försörjningsstöd", "Uppföljning"],
        ["Tjänstegaranti för försörjningsstöd", "Kontakt"],
    ]
    for banned in ("Gå till innehåll", "Google", "Tyck till", "formuläret", "Till Stöd och hjälp"):
        assert banned not in doc.text
    assert "den 27:e i månaden" in chunks[1].text


def test_law_references_map_old_paragraphs_to_the_new_law():
    refs = find_law_refs(
        "FÖRSÖRJNINGSSTÖD SKÄLIGA KOSTNADER FÖR POSTER UTANFÖR RIKSNORMEN ENLIGT 4 KAP. 3 "
        "FÖRSTA STYCKET 2 SOCIALTJÄNSTLAGEN; enligt 4 kap. 1 § andra stycket socialtjänstlagen"
    )
    assert [(r["old"], r["new"]) for r in refs] == [
        ("4 kap. 3 § första stycket 2 SoL (2001:453)",
         "12 kap. 7 § första stycket 2 SoL (2025:400)"),
        ("4 kap. 1 § andra stycket SoL (2001:453)", "12 kap. 3 § SoL (2025:400)"),
    ]
    # a reference to the new law is not an old reference
    assert find_law_refs("12 kap. 7 § första stycket 1 socialtjänstlagen (2025:400)") == []
    assert find_law_refs("4 kap. 1 b § socialtjänstlagen")[0]["new"] == "12 kap. 8 § SoL (2025:400)"


def test_text_helpers():
    assert repair_split_words("SOCIALTJÄNST- LAGEN, hälsooch sjukvård, kort- och lång") == (
        "SOCIALTJÄNSTLAGEN, hälso- och sjukvård, kort- och lång"
    )
    text = "Det gäller t.ex. bilar. Nämnden bör pröva. Se avsnittet s. 7. Klart"
    assert [text[s:e] for s, e in sentence_spans(text)] == [
        "Det gäller t.ex. bilar.", "Nämnden bör pröva.", "Se avsnittet s. 7.", "Klart"
    ]


GUIDELINE_MD = """---
id: "Exempelby riktlinje 2026"
title: "Riktlinjer för ekonomiskt bistånd, Exempelby kommun"
issuer: Exempelby kommun
valid_from: 2026-01-01
status: gällande
url: https://exempelby.se/riktlinjer
---

# Boende

## Hyresskulder

Nämnden kan ge bistånd till hyresskuld om det förhindrar vräkning.
"""


def test_local_markdown_is_added_to_the_corpus(tmp_path):
    (tmp_path / "README.md").write_text("# Läs mig\n\nInte ett dokument.\n", encoding="utf-8")
    (tmp_path / "exempelby.md").write_text(GUIDELINE_MD, encoding="utf-8")
    corpus = load_corpus(CORPUS_DIR, tmp_path)
    local = [c for c in corpus.chunks if c.document == "Exempelby riktlinje 2026"]
    assert [(c.heading_path, c.text) for c in local] == [
        (["Boende", "Hyresskulder"],
         "Nämnden kan ge bistånd till hyresskuld om det förhindrar vräkning.")
    ]
    assert len(corpus.documents) == 5


def test_local_markdown_without_a_status_is_refused_naming_the_field(tmp_path):
    (tmp_path / "trasig.md").write_text(GUIDELINE_MD.replace("status: gällande\n", ""),
                                        encoding="utf-8")
    with pytest.raises(CorpusError, match=r"trasig.md: fältet 'status' saknas"):
        load_corpus(CORPUS_DIR, tmp_path)


def _write_pdf(path: Path) -> None:
    pdf = FPDF()
    pdf.set_auto_page_break(auto=False)
    pages = [
        [("h", "1 ALLMÄNT"), ("p", "Riktlinjerna gäller handläggning av försörjningsstöd i "
                                   "kommunen och ska läsas tillsammans med lagen.")],
        [("h", "2 Boende"), ("p", "Nämnden godtar hyra upp till kommunens skälighetsnivå för "
                                  "hushållets storlek."),
         ("h", "2.1 Elkostnader"), ("p", "Faktisk kostnad för hushållsel godtas om den är "
                                         "skälig för bostadens storlek.")],
    ]
    for number, blocks in enumerate(pages, start=1):
        pdf.add_page()
        pdf.set_font("helvetica", size=9)
        pdf.cell(0, 8, "Exempelby kommun - riktlinje", new_x="LMARGIN", new_y="NEXT")
        for kind, text in blocks:
            pdf.set_font("helvetica", "B" if kind == "h" else "", 14 if kind == "h" else 11)
            pdf.multi_cell(0, 7, text, new_x="LMARGIN", new_y="NEXT")
        pdf.set_y(-20)
        pdf.set_font("helvetica", size=9)
        pdf.cell(0, 8, str(number))
    pdf.output(str(path))


def test_local_pdf_keeps_pages_and_headings(tmp_path):
    pdf_path = tmp_path / "riktlinje.pdf"
    _write_pdf(pdf_path)
    (tmp_path / "riktlinje.pdf.yaml").write_text(
        "id: Exempelby PDF\ntitle: Riktlinje Exempelby\nissuer: Exempelby kommun\n"
        "valid_from: 2025-05-01\nstatus: gällande\nurl: null\n", encoding="utf-8")
    doc, chunks = pdf_document(pdf_path)
    assert doc.status == "gällande"
    got = [(c.heading_path, c.page) for c in chunks]
    assert got == [
        (["1 ALLMÄNT"], 1),
        (["2 Boende"], 2),
        (["2 Boende", "2.1 Elkostnader"], 2),
    ]
    assert chunks[2].text == ("Faktisk kostnad för hushållsel godtas om den är skälig för "
                              "bostadens storlek.")
    assert "Exempelby kommun - riktlinje" not in doc.text  # the running header
    for chunk in chunks:
        assert doc.text[chunk.start:chunk.end] == chunk.text


def test_pdf_without_metadata_file_is_refused(tmp_path):
    pdf_path = tmp_path / "utan.pdf"
    _write_pdf(pdf_path)
    with pytest.raises(CorpusError, match=r"utan.pdf: metadatafilen utan.pdf.yaml saknas"):
        pdf_document(pdf_path)


def test_compounds_are_split_into_parts_the_corpus_knows():
    from knowledge.lexical import LexicalIndex

    index = LexicalIndex.build(["Säng med sängkläder.", "Hemutrustning och inkomster.",
                                "Bostadsrätt: avgiften."])
    parts = index.decompounder.parts
    assert parts("spjälsängen") == ["säng"]  # unknown head, known tail
    assert parts("arbetsinkomster") == ["inkomst"]
    assert parts("hemutrustningen") == []  # "utrustning" alone is not a corpus word
    assert parts("kort") == [] and parts("lägenhet") == []
    glasses = index.scores("Barnet behöver en ny spjälsäng")
    assert glasses.argmax() == 0 and glasses[1] == glasses[2] == 0


def test_vocabulary_expansion_and_law_intent():
    from knowledge.vocabulary import asks_for_law, expand

    assert expand("Ingår busskort i fsd?") == (
        "Ingår busskort i fsd? (arbetsresor allmänna kommunikationer, försörjningsstöd)"
    )
    assert expand("Hur räknar vi hyran?") == "Hur räknar vi hyran?"
    assert asks_for_law("Vilken paragraf i nya SoL gäller?")
    assert asks_for_law("Vad säger 12 kap. 8 §?")
    assert not asks_for_law("Hur räknar vi solceller?")
