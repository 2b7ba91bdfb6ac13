"""Whole conversations over Rasa's REST channel: the real Rasa server and the real action server.

Rasa 3.6's REST channel answers with a list; a message sent with ``json_message`` becomes two
elements: ``{"recipient_id", "text"}`` and then ``{"recipient_id", "custom": {...}}``.

Expected amounts are computed by hand from /work/shared/domain/riksnorm.md, 2026 (official,
SFS 2025:1046):
    ensamstående 3 940; sambor 7 100; barn 4–6 år 3 060, 7–10 år 3 820, 11–14 år 4 390;
    gemensamma hushållskostnader 2 personer 1 410, 3 personer 1 790, 4 personer 2 030.
"""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.e2e

ALL_IN_ONE = ("ensamstående mamma, barn 4 och 9 år, hyra 7 200, el 400, hemförsäkring 150, "
              "a-kassa 9 800 kr, för mars 2026")
# riksnorm 3 940 + 3 060 + 3 820 + 1 790 = 12 610; kostnader 7 200 + 400 + 150 = 7 750;
# behov 20 360; inkomst (a-kassa) 9 800 → försörjningsstöd 20 360 − 9 800 = 10 560.
ALL_IN_ONE_AMOUNT = 10_560


def _texts(replies: list[dict[str, Any]]) -> list[str]:
    return [r["text"] for r in replies if "text" in r]


def _customs(replies: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [r["custom"] for r in replies if "custom" in r]


def _calculation(replies: list[dict[str, Any]]) -> dict[str, Any]:
    found = [c["calculation"] for c in _customs(replies) if "calculation" in c]
    assert found, f"no calculation in {replies}"
    return found[-1]


def test_all_facts_in_one_message(stack):
    replies = stack.send("e2e-dialogue-1", ALL_IN_ONE)
    summary = _texts(replies)[-1]
    assert summary.startswith("Stämmer detta?")
    assert "- Månad: mars 2026" in summary
    assert "- Hushåll: ensamstående, två barn (4 år; 9 år)" in summary
    assert ("- Kostnader: boende (hyra/avgift) 7 200 kr, hushållsel 400 kr, "
            "hemförsäkring 150 kr") in summary
    assert ("- Räknas som 0 kr (ej nämnt eller inget): arbetsresor, fackavgift, "
            "avgift till a-kassan") in summary
    facts = _customs(replies)[-1]["facts"]["rå"]
    assert facts["costs"] == {"housing": 7200, "electricity": 400, "home_insurance": 150}
    assert [c["age"] for c in facts["children"]] == [4, 9]

    replies = stack.send("e2e-dialogue-1", "ja")
    assert _texts(replies)[0].splitlines()[0] == "Försörjningsstöd för mars 2026: 10 560 kr."
    calc = _calculation(replies)
    assert (calc["riksnorm"], calc["skaliga_kostnader"], calc["forsorjningsstod"]) == (
        12_610, 7_750, ALL_IN_ONE_AMOUNT)
    custom = _customs(replies)[-1]
    assert "Försörjningsstöd: 10 560 kr" in custom["summary_text"]


def test_step_by_step_gives_the_same_amount(stack):
    sender = "e2e-dialogue-2"
    asked = stack.texts(sender, "ny beräkning för mars 2026")
    assert asked[-1].startswith("Är den sökande ensamstående")
    asked = stack.texts(sender, "ensamstående")
    assert asked[-1].startswith("Finns det barn i hushållet?")
    asked = stack.texts(sender, "4 och 9")
    assert asked[-1].startswith("Stämmer detta?")
    for fact in ("hyra 7 200", "el 400", "hemförsäkring 150", "a-kassa 9 800 kr"):
        asked = stack.texts(sender, fact)
        assert asked[-1].startswith("Stämmer detta?")
    calc = _calculation(stack.send(sender, "ja"))
    assert calc["forsorjningsstod"] == ALL_IN_ONE_AMOUNT


def test_a_correction_recomputes(stack):
    sender = "e2e-dialogue-3"
    stack.send(sender, ALL_IN_ONE)
    assert _calculation(stack.send(sender, "ja"))["forsorjningsstod"] == ALL_IN_ONE_AMOUNT
    # hyra 7 200 → 6 900: behov 300 lower → 10 560 − 300 = 10 260
    replies = stack.send(sender, "hyran är 6 900")
    assert _texts(replies)[0].splitlines()[0] == "Försörjningsstöd för mars 2026: 10 260 kr."
    assert _calculation(replies)["skaliga_kostnader"] == 7_450
    # a third child: its age is asked, then the household has 4 members:
    # + barn 12 år 4 390, gemensamma 2 030 instead of 1 790 (+240) → 10 260 + 4 630 = 14 890
    asked = stack.texts(sender, "det är tre barn")
    assert asked[-1] == 'Hur gamla är barnen? Jag behöver 3 åldrar, t.ex. "4, 9 och 12".'
    replies = stack.send(sender, "12")
    calc = _calculation(replies)
    assert (calc["riksnorm"], calc["forsorjningsstod"]) == (17_240, 14_890)


def test_guideline_question_mid_form_is_answered_and_the_form_resumes(stack):
    sender = "e2e-dialogue-4"
    stack.send(sender, "ny beräkning för mars 2026")
    replies = stack.send(sender, "Vad menas med skäligt rådrum?")
    texts = _texts(replies)
    assert texts[0].startswith("”")
    assert "Källa: " in texts[0]
    citations = next(c["citations"] for c in _customs(replies) if "citations" in c)
    assert citations and all("citation" in hit for hit in citations)
    assert texts[-1].startswith("Är den sökande ensamstående")  # the form asks again
    stack.send(sender, "sambor utan barn, hyra 6 000")
    # sambor 7 100 + gemensamma (2 personer) 1 410 = 8 510; + hyra 6 000 = 14 510, no income
    assert _calculation(stack.send(sender, "ja"))["forsorjningsstod"] == 14_510


def test_after_a_question_the_form_asks_the_next_missing_fact_not_the_first(stack):
    sender = "e2e-dialogue-4b"
    stack.send(sender, "ny beräkning för mars 2026")
    assert stack.texts(sender, "ensamstående pappa")[-1].startswith("Finns det barn i hushållet?")
    texts = stack.texts(sender, "Vad menas med skäligt rådrum?")
    assert "Källa: " in texts[0]
    assert texts[-1].startswith("Finns det barn i hushållet?")  # not the adults question again
    assert stack.texts(sender, "inga barn, hyra 5 000")[-1].startswith("Stämmer detta?")
    # ensamstående 3 940 + gemensamma (1 person) 1 280 = 5 220; + hyra 5 000 = 10 220
    assert _calculation(stack.send(sender, "ja"))["forsorjningsstod"] == 10_220


def test_out_of_scope_gets_a_polite_refusal(stack):
    assert stack.texts("e2e-dialogue-5", "vad blir det för väder i morgon") == [
        "Det kan jag tyvärr inte hjälpa till med. Jag svarar på frågor om riktlinjerna för "
        "ekonomiskt bistånd och räknar ut försörjningsstöd."
    ]


def test_salary_asks_for_months_with_support(stack):
    sender = "e2e-dialogue-6"
    asked = stack.texts(sender, "sambor utan barn, sambon har lön 10 000, hyra 6 000, "
                                "för mars 2026")
    assert asked[-1].startswith("Hur många månader i följd har hushållet haft försörjningsstöd?")
    assert stack.texts(sender, "7")[-1].startswith("Stämmer detta?")
    # 7 months ≥ 6: jobbstimulans, 25 % of the salary not counted: counted 7 500.
    # behov 8 510 + 6 000 = 14 510 → 14 510 − 7 500 = 7 010
    assert _calculation(stack.send(sender, "ja"))["forsorjningsstod"] == 7_010


def test_a_child_living_part_time_gets_the_days_question(stack):
    sender = "e2e-dialogue-7"
    asked = stack.texts(sender, "ensamstående pappa, barn 5 år som bor här delvis, hyra 6 000, "
                                "för mars 2026")
    assert asked[-1] == ('Hur många dagar per månad bor barnet (5 år) hos den sökande? '
                         'Svara 1–30, t.ex. "10 dagar" eller "varannan vecka".')
    assert stack.texts(sender, "varannan vecka")[-1].startswith("Stämmer detta?")
    # ensamstående 3 940 + barn 4–6 år 3 060 × 15/30 = 1 530 + gemensamma (2 personer) 1 410
    # = 6 880; + hyra 6 000 = 12 880
    calc = _calculation(stack.send(sender, "ja"))
    assert (calc["riksnorm"], calc["forsorjningsstod"]) == (6_880, 12_880)


def test_a_school_youth_and_a_preschool_child(stack):
    sender = "e2e-dialogue-8"
    asked = stack.texts(sender, "sambor, barn 19 och 3 år, 3-åringen går på förskola, "
                                "hyra 8 000, mars 2026")
    assert asked[-1] == "Bor ungdomen (19 år) hemma och går i skolan? Svara ja eller nej."
    summary = stack.texts(sender, "ja")[-1]
    assert "- Hushåll: sambor/makar, två barn (19 år, går i skolan; 3 år, lunch på förskola)" \
        in summary
    # sambor 7 100 + 19 år 5 000 + 3 år med lunch på förskola 2 500 + gemensamma (4) 2 030
    # = 16 630; + hyra 8 000 = 24 630
    calc = _calculation(stack.send(sender, "ja"))
    assert (calc["riksnorm"], calc["forsorjningsstod"]) == (16_630, 24_630)


def test_a_new_household_after_a_calculation_keeps_nothing_of_the_last(stack):
    sender = "e2e-dialogue-9"
    stack.send(sender, ALL_IN_ONE)
    stack.send(sender, "ja")
    texts = stack.texts(sender, "sambor utan barn, hyra 6 000, för mars 2026")
    assert texts[0].startswith("Ett nytt hushåll: jag börjar en ny beräkning")
    assert "- Kostnader: boende (hyra/avgift) 6 000 kr" in texts[-1]
    assert "- Inkomster: inga (ej nämnda)" in texts[-1]
    # sambor 7 100 + gemensamma (2) 1 410 + hyra 6 000 = 14 510 (no a-kassa from the last one)
    assert _calculation(stack.send(sender, "ja"))["forsorjningsstod"] == 14_510
