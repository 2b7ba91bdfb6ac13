"""Currency notes over the real Rasa server and the real action server: an answer that quotes
SOSFS 2003:5 says whether the section still holds in SOSFS 2013:1, one section of each status.

The expected statuses are hand-checked against shared/domain/sosfs-currency.md, section 2:
Medlemmar i hushållet `kvar i sak`, Byte till dyrare bostad `ändrat` (HSLF-FS 2021:31),
Hemutrustning vid bosättning `borttaget` (HSLF-FS 2021:31), Hemförsäkring `ej kontrollerat`.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.e2e

SOURCE = "Källa: SOSFS 2003:5 (upphävd, ersatt av SOSFS 2013:1)"
CASES = [
    # (question, section, status, the line under the quote, hand-checked)
    ("Vem räknas till hushållet?", "Medlemmar i hushållet", "kvar i sak",
     "Gäller i sak även enligt SOSFS 2013:1. Bara formella skillnader: hänvisning till "
     "sambolagen (2003:376), och åldersgränsen skrivs ”under 21 år”. (Underlag: "
     "Socialstyrelsens konsoliderade SOSFS 2013:1 (lydelse 2021-06-01); kontrollerat "
     "2026-12-04.)"),
    ("Får klienten flytta till en dyrare bostad?", "Byte till dyrare bostad", "ändrat",
     "Ändrat i SOSFS 2013:1: ett stycke är struket och det femte exemplet (i 2003:5 "
     "brottsoffer) har fått ny lydelse; grundregeln och de fyra första exemplen finns kvar i "
     "sak. Använd inte 2003:5:s sovrumsnorm för trångboddhet utan kontroll. (Underlag: "
     "HSLF-FS 2021:31; kontrollerat 2026-12-04.)"),
    ("Kan man få bistånd till hemutrustning vid bosättning?", "Hemutrustning vid bosättning",
     "borttaget",
     "Borttaget ur de allmänna råden 2021 (HSLF-FS 2021:31). Om något av innehållet finns "
     "kvar under en annan rubrik, t.ex. Hemutrustning, är inte kontrollerat. (Underlag: "
     "HSLF-FS 2021:31; kontrollerat 2026-12-04.)"),
    ("Ingår hemförsäkring i försörjningsstödet?", "Hemförsäkring", "ej kontrollerat",
     "Inte kontrollerat mot gällande råd."),
]


@pytest.mark.parametrize(("question", "section", "status", "line"), CASES,
                         ids=[c[2] for c in CASES])
def test_an_answer_quoting_sosfs_carries_its_currency_note(stack, question, section, status,
                                                          line):
    replies = stack.send(f"e2e-currency-{status.replace(' ', '-')}", question)
    [text] = [r["text"] for r in replies if "text" in r]
    [custom] = [r["custom"] for r in replies if "custom" in r]
    top = custom["citations"][0]
    assert (top["document"], top["section"]) == ("SOSFS 2003:5", section)
    assert top["currency"]["status"] == status
    assert top["currency"]["line"] == line
    assert top["currency"]["checked"] == "2026-12-04"
    lines = text.splitlines()
    if status == "borttaget":
        # never presented as current advice: said before the quote, which is history
        assert lines[0] == (f"Obs! Avsnittet ”{section}” i SOSFS 2003:5 är borttaget ur de "
                            "allmänna råden och är inte gällande råd. Texten visas bara som "
                            "historik:")
        lines = lines[1:]
    assert lines[0].startswith("”") and lines[0].endswith("”")
    assert lines[1] == line  # the note directly under the quote
    assert lines[2].startswith(f"{SOURCE}, ")
    assert section in lines[2]


def test_the_statute_paragraph_leads_and_a_removed_related_section_is_named_so(stack):
    # 12 kap. 3 § SoL (2025:400) answers; "Genom arbete" (borttaget) follows as a related
    # section, named as removed, and its citation still gives the SoL (2025:400) paragraph of
    # the chapter heading's 4 kap. 1 § SoL (2001:453).
    replies = stack.send("e2e-currency-statute",
                         "Måste den sökande stå till arbetsmarknadens förfogande?")
    [text] = [r["text"] for r in replies if "text" in r]
    [custom] = [r["custom"] for r in replies if "custom" in r]
    hits = custom["citations"]
    assert hits[0]["section"] == "12 kap. 3 § SoL (2025:400)"
    assert "currency" not in hits[0]  # a statute paragraph has no currency note
    [work] = [h for h in hits if h["section"] == "Genom arbete"]
    assert work["currency"]["status"] == "borttaget"
    assert "4 kap. 1 § SoL (2001:453) motsvaras av 12 kap. 1 § SoL (2025:400)" in work["citation"]
    assert ("Genom arbete (SOSFS 2003:5, s. 16; borttaget ur de allmänna råden 2021 "
            "(HSLF-FS 2021:31))") in text
