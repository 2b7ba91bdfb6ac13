"""Onboarding over Rasa's REST channel, against the real Rasa server and the real action server:
practice cases with exact feedback, the introduction path's navigation, glossary answers.

Amounts hand-checked from calculator/parameters/2026.yaml (SFS 2025:1046, official):
ensamstående 3 940; barn 4–6 år med lunch på förskolan 2 720, 7–10 år 3 820; gemensamma
hushållskostnader 2 personer 1 410. (The cases are made for the latest year whose parameters
know every amount, 2026 from this year on.)
"""

from __future__ import annotations

from typing import Any

import httpx
import pytest

pytestmark = pytest.mark.e2e


def _texts(replies: list[dict[str, Any]]) -> list[str]:
    return [r["text"].replace("\u00a0", " ") for r in replies if "text" in r]


def _customs(replies: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [r["custom"] for r in replies if "custom" in r]


# Practice case "lätt" nr 2: ensamstående 45 år, barn 10 år; boende 6 400, el 350,
# hemförsäkring 260; barnbidrag 1 250.
#   riksnorm 3 940 + 3 820 + 1 410 = 9 170; kostnader 6 400 + 350 + 260 = 7 010;
#   behov 16 180 − barnbidrag 1 250 = 14 930.
EASY_2_INPUT_PARTS = {
    "household": {"adults": [{"role": "applicant", "age": 45}],
                  "children": [{"age": 10, "days": 30, "lunch_at_preschool": False}],
                  "shared_household_members": None},
    "costs": {"housing": 6400, "electricity": 350, "work_travel": 0, "home_insurance": 260,
              "union_fee": 0, "unemployment_fund": 0},
    "housing_cap": None,
    "incomes": [{"type": "child_allowance", "member": "applicant", "amount": 1250}],
    "consecutive_months_with_support": 0,
    "job_stimulus_months_used": 0,
}
# Practice case "medel" nr 2: ensamstående 29 år, barn 5 år som äter lunch på förskolan;
# boende 7 250, el 420, arbetsresor 940, hemförsäkring 120; barnbidrag 1 250, lön 14 800
# (2 månader med försörjningsstöd: ingen jobbstimulans), handikappersättning 1 100 (räknas inte).
#   riksnorm 3 940 + 2 720 + 1 410 = 8 070; kostnader 7 250 + 420 + 940 + 120 = 8 730;
#   behov 16 800 − (1 250 + 14 800) = 750.


def test_a_practice_case_answered_wrongly_then_a_new_one_answered_rightly(stack):
    sender = "e2e-learn-1"
    replies = stack.send(sender, "Ge mig ett lätt övningsfall nr 2")
    texts = _texts(replies)
    assert texts[0].startswith("Övningsfall nr 2 (lätt), ")
    assert "- Hushåll: ensamstående (45 år), ett barn: 10 år." in texts[0]
    assert texts[0].endswith("Svara med beloppet i kronor.")
    exercise = next(c["exercise"] for c in _customs(replies) if "exercise" in c)
    assert (exercise["level"], exercise["seed"]) == ("lätt", 2)
    inp = exercise["input"]
    assert {k: inp[k] for k in EASY_2_INPUT_PARTS} == EASY_2_INPUT_PARTS
    assert set(inp) == {"year", "month", *EASY_2_INPUT_PARTS}  # the calculator's contract

    # barnbidrag forgotten: 16 180
    replies = stack.send(sender, "16 180")
    text = _texts(replies)[0]
    lines = text.splitlines()
    assert lines[0] == ("Inte riktigt: du svarade 16 180 kr, rätt belopp är 14 930 kr "
                        "(+1 250 kr).")
    assert lines[1] == ("Troligen missat: Inkomsten barnbidrag (inkl. flerbarnstillägg) "
                        "(1 250 kr) ska räknas av.")
    assert any(line.startswith("- Personliga kostnader, ensamstående vuxen: 3 940 kr.")
               for line in lines)
    assert any(line.startswith("- Gemensamma hushållskostnader, 2 personer: 1 410 kr.")
               for line in lines)
    assert "Poäng: 0 av 1 rätt." in lines
    calc = next(c["calculation"] for c in _customs(replies) if "calculation" in c)
    assert (calc["riksnorm"], calc["skaliga_kostnader"], calc["forsorjningsstod"]) == (
        9_170, 7_010, 14_930)

    replies = stack.send(sender, "Ge mig ett övningsfall medel nr 2")
    assert _texts(replies)[0].startswith("Övningsfall nr 2 (medel), ")
    assert "5 år (äter lunch på förskolan fem dagar i veckan)" in _texts(replies)[0]
    replies = stack.send(sender, "det blir 750 kr")
    lines = _texts(replies)[0].splitlines()
    assert lines[0] == "Rätt! Försörjningsstödet blir 750 kr."
    assert "Poäng: 1 av 2 rätt." in lines
    custom = next(c for c in _customs(replies) if "exercise" in c)
    assert custom["exercise"]["right"] is True
    assert custom["exercise"]["score"] == {"right": 1, "answered": 2, "given": 2}


def test_the_answer_can_be_shown(stack):
    sender = "e2e-learn-2"
    stack.send(sender, "ge mig ett lätt övningsfall nr 2")
    lines = _texts(stack.send(sender, "visa svaret"))[0].splitlines()
    assert lines[0] == "Rätt belopp är 14 930 kr."
    assert "Poäng: 0 av 1 rätt." in lines
    assert _texts(stack.send(sender, "ge mig ett lätt övningsfall nr 2"))[0].startswith(
        "Övningsfall nr 2 (lätt)")
    assert _texts(stack.send(sender, "14930"))[0].startswith(
        "Rätt! Försörjningsstödet blir 14 930 kr.")


def test_the_path_navigates_and_keeps_its_place(stack):
    sender = "e2e-learn-3"
    replies = stack.send(sender, "Jag är ny, kan du lära mig grunderna?")
    texts = _texts(replies)
    step1 = next(t for t in texts if t.startswith("Steg 1 av 10: Vad stödet är och var det står"))
    assert "Källa: " in step1 and "Kontrollfråga: " in step1
    citations = next(c["citations"] for c in _customs(replies) if c.get("citations"))
    assert citations[0]["section"] == "12 kap. 1 § SoL (2025:400)"

    texts = _texts(stack.send(sender, "b"))
    assert texts[0].startswith("Rätt! Försörjningsstöd är den löpande delen")
    assert texts[-1] == 'Skriv "nästa" för steg 2, eller "tillbaka".'
    assert _texts(stack.send(sender, "nästa"))[-1].startswith("Steg 2 av 10: Hushållet")
    assert _texts(stack.send(sender, "tillbaka"))[-1].startswith("Steg 1 av 10:")
    assert _texts(stack.send(sender, "hoppa över"))[-1].startswith("Steg 2 av 10: Hushållet")

    # a question beside the path is answered, and the path asks its step again
    texts = _texts(stack.send(sender, "Vad betyder riksnorm?"))
    assert texts[0].startswith("Begrepp: Riksnorm")
    assert texts[-1].startswith("Steg 2 av 10: Hushållet")

    # leaving and coming back keep the place
    assert _texts(stack.send(sender, "avbryt")) == [
        'Introduktionen är pausad på steg 2. Skriv "fortsätt introduktionen" när du vill '
        'fortsätta där du var.']
    texts = _texts(stack.send(sender, "fortsätt introduktionen"))
    assert texts[-1].startswith("Välkommen tillbaka! Vi fortsätter där du var: steg 2.\n"
                                "Steg 2 av 10: Hushållet")
    texts = _texts(stack.send(sender, "Nej"))
    assert texts[0].startswith("Inte riktigt. Rätt svar är a) Ja.")


def test_a_definition_question_is_answered_from_the_glossary_with_citations(stack):
    replies = stack.send("e2e-learn-4", "Vad betyder skäliga kostnader?")
    text = _texts(replies)[0]
    assert text.startswith("Begrepp: Skäliga kostnader\nKostnader som ingår i försörjningsstödet")
    assert "Källa: " in text and "Närliggande begrepp: Skälig boendekostnad" in text
    custom = next(c for c in _customs(replies) if "glossary" in c)
    assert custom["glossary"]["id"] == "skaliga-kostnader"
    assert custom["citations"][0]["section"] == "12 kap. 7 § SoL (2025:400)"
    buttons = next(r["buttons"] for r in replies if r.get("buttons"))
    assert buttons == [{"title": "Sök i riktlinjerna",
                        "payload": "Vad säger riktlinjerna om skäliga kostnader?"}]
    # the offered search answers from the guidelines, not from the glossary again
    texts = _texts(stack.send("e2e-learn-4", buttons[0]["payload"]))
    assert not texts[0].startswith("Begrepp:") and "Källa: " in "\n".join(texts)


def test_riksnorm_definition_carries_the_amount_from_the_parameter_files(stack):
    text = _texts(stack.send("e2e-learn-5", "Vad är riksnormen?"))[0]
    assert text.startswith("Begrepp: Riksnorm")
    # 2026: 3 940 + 1 280 = 5 220 (SFS 2025:1046, official)
    assert ("Riksnormen 2026 för en ensamstående vuxen: 5 220 kr per månad (personliga "
            "kostnader 3 940 kr + gemensamma hushållskostnader 1 280 kr).") in text


def test_onboarding_words_during_a_calculation(stack):
    sender = "e2e-learn-6"
    stack.send(sender, "ny beräkning för mars 2026")
    texts = _texts(stack.send(sender, "nästa"))
    assert texts[-1].startswith("Är den sökande ensamstående")  # the form asks again
    texts = _texts(stack.send(sender, "övningsfall lätt"))
    case = next(t for t in texts if t.startswith("Övningsfall nr "))
    assert "(lätt)" in case
    assert not any(t.startswith("Är den sökande") for t in texts)  # the calculation is left
    assert _texts(stack.send(sender, "visa svaret"))[0].startswith("Rätt belopp är ")


def test_ge_mig_ett_ovningsfall_while_the_adults_are_asked_is_no_adult(stack):
    # "ett" was read as one adult: the form went on to the children and no case started
    sender = "e2e-learn-7"
    texts = _texts(stack.send(sender, "ny beräkning"))
    assert texts[-1].startswith("Är den sökande ensamstående")
    texts = _texts(stack.send(sender, "ge mig ett övningsfall"))
    assert any(t.startswith("Övningsfall nr ") for t in texts)
    assert not any(t.startswith("Finns det barn") for t in texts)
    tracker = httpx.get(f"{stack.rasa_url}/conversations/{sender}/tracker", timeout=10).json()
    assert (tracker["slots"].get("facts") or {}).get("adults") is None
