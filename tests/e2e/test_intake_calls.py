"""Phone calls as caseworkers type them, over Rasa's REST channel (real Rasa + action server).

Several messages, asides in brackets, per-child days, "resp", a "nej" at the summary and
corrections in ordinary words after the result. Amounts by hand from riksnorm.md, 2026
(official, SFS 2025:1046): ensamstående 3 940, sambor 7 100; barn 4–6 år 3 060, 11–14 år
4 390, 15–18 år 4 960, 19–20 år 5 000; gemensamma 2 personer 1 410, 3 personer 1 790,
5 personer 2 330; prisbasbelopp 2026 59 200.
"""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.e2e


def _texts(replies: list[dict[str, Any]]) -> list[str]:
    return [r["text"] for r in replies if "text" in r]


def _amount(replies: list[dict[str, Any]]) -> int:
    found = [r["custom"]["calculation"] for r in replies
             if "custom" in r and "calculation" in r["custom"]]
    assert found, f"no calculation in {replies}"
    return found[-1]["forsorjningsstod"]


def test_per_child_days_an_aside_and_three_corrections(stack):
    sender = "e2e-intake-1"
    replies = stack.send(sender, (
        "ensamstående mamma, sonen 4 bor hos henne hela tiden, dottern 12 är hos henne 10 dagar "
        "i månaden (ringde kl 10.15), hyra 7 200, el 450, barnbidrag 1 250 för mars 2026"))
    summary = _texts(replies)[-1]
    assert "- Hushåll: ensamstående, två barn (son 4 år; dotter 12 år, 10 dagar/mån)" in summary
    # the time of the call is no fact, and it is said so, not dropped silently
    assert "Inte tolkat" in summary and "”ringde kl 10.15”" in summary
    # 3 940 + 3 060 + round(4 390 × 10 / 30) = 1 463 + 1 790 = 10 253; + 7 650 − 1 250
    assert _amount(stack.send(sender, "ja")) == 16_653

    replies = stack.send(sender, "hyran var fel, den är 6 900")  # − 300
    assert _amount(replies) == 16_353
    text = _texts(replies)[0]
    assert text.splitlines()[0] == "Försörjningsstöd för mars 2026: 16 353 kr."
    assert "Försörjningsstödet ändras från 16 653 kr till 16 353 kr (−300 kr)." in text

    # the daughter alone: 15 days → round(4 390 × 15 / 30) = 2 195, + 732
    replies = stack.send(sender, "dottern är där varannan vecka, inte 10 dagar")
    assert _amount(replies) == 17_085
    assert "dotter 12 år, 15 dagar/mån" in _texts(replies)[0]
    assert "son 4 år" in _texts(replies)[0]

    assert _amount(stack.send(sender, "ta bort elen")) == 16_635  # − 450


def test_resp_a_no_at_the_summary_and_a_correction_before_the_result(stack):
    sender = "e2e-intake-2"
    stack.send(sender, "sambor, barn 19 (går sista året på gymnasiet, bor hemma), 15 och 6, "
                       "för mars 2026")
    stack.send(sender, "hyra 8 100, el 520, hemförs 189")
    summary = _texts(stack.send(sender, "a-kassa 9 200 resp 8 100"))[-1]
    assert ("arbetslöshetsersättning/aktivitetsstöd 9 200 kr (sökande), "
            "arbetslöshetsersättning/aktivitetsstöd 8 100 kr (make/maka/sambo)") in summary
    asked = _texts(stack.send(sender, "nej"))
    assert asked[0].startswith("Vad ska ändras? Jag behåller uppgifterna.")
    summary = _texts(stack.send(sender, "elen var fel, det är 480"))[-1]
    assert "Hushåll: sambor/makar, tre barn (19 år, går i skolan; 15 år; 6 år)" in summary
    assert "hushållsel 480 kr" in summary
    # 7 100 + 5 000 + 4 960 + 3 060 + 2 330 = 22 450; + 8 769 − 17 300
    assert _amount(stack.send(sender, "ja")) == 13_919


def test_a_childs_own_earnings_and_a_forgotten_income(stack):
    sender = "e2e-intake-3"
    stack.send(sender, "ensamstående pappa, sonen 18 har extrajobb, har tjänat 56 000 tidigare "
                       "i år och får 5 000 i december, hyra 6 500, december 2026")
    # 59 200 − 56 000 = 3 200 still exempt → 1 800 counted; 3 940 + 4 960 + 1 410 + 6 500
    assert _amount(stack.send(sender, "ja")) == 15_010
    replies = stack.send(sender, "glömde: han får även bostadsbidrag 1 900")
    assert _amount(replies) == 13_110
    assert "Försörjningsstödet ändras från 15 010 kr till 13 110 kr (−1 900 kr)." in \
        _texts(replies)[0]
    # a removal the intent classifier may take for "nej"/"avbryt" is still a correction
    replies = stack.send(sender, "bostadsbidraget har upphört, ta bort det")
    assert _amount(replies) == 15_010


def test_a_household_taken_for_a_question_still_starts_the_calculation(stack):
    # phrased like a story, the first message may not be classified as facts: it is read all the
    # same. 2026: sambor 7 100 + barn 0 år 2 740 + gemensamma 3 personer 1 790 = 11 630;
    # + hyra 7 400 − studiemedel 12 300 − föräldrapenning 4 600 − barnbidrag 1 250 = 880
    sender = "e2e-intake-4"
    replies = stack.send(sender, "Sambopar som båda läser på komvux, och de har en bebis på 4 "
                                 "månader. Hyra 7 400 för mars 2026.")
    summary = _texts(replies)[-1]
    assert "sambor/makar, ett barn (0 år)" in summary
    stack.send(sender, "Han har studiemedel 12 300. Hon har föräldrapenning 4 600. Bb 1 250.")
    assert _amount(stack.send(sender, "ja")) == 880


def test_a_month_first_names_and_a_stop_word_inside_an_answer(stack):
    # "gäller …" opens a statement, not a question; first names stand for their roles; "slutar i
    # juni" in the answer about school is no stop. January 2026: ensamstående 3 940 + barn 19 år
    # 5 000 + gemensamma 2 personer 1 410 = 10 350; + hyra 7 800 + el 430 + hemförsäkring 185
    # = 18 765; − a-kassa 11 900 = 6 865
    sender = "e2e-intake-5"
    replies = stack.send(sender, "gäller januari 2026. pappan Kenneth 50, ensamst, dottern Moa 19 "
                                 "bor hemma, hon har inga egna inkomster. hyra 7 800 inkl värme, "
                                 "el 430, hemförs 185. Kenneth a-kassa 11 900")
    assert _texts(replies)[-1].startswith("Bor ungdomen (19 år) hemma och går i skolan?")
    replies = stack.send(sender, "ja hon går trean på gymnasiet, slutar i juni")
    summary = _texts(replies)[-1]
    assert "Kenneth" not in summary and "Moa" not in summary
    assert "- Hushåll: ensamstående, ett barn (dotter 19 år, går i skolan)" in summary
    assert _amount(stack.send(sender, "ja")) == 6_865
    # after the result "avbryt" is no correction: nothing is recomputed, the next step is asked
    assert _texts(stack.send(sender, "avbryt")) == [
        'Vad vill du göra? Skriv "ny beräkning" eller ställ en fråga om riktlinjerna.']


def test_ages_from_a_school_class_and_a_birth_year_and_an_income_of_another_type(stack):
    """March 2026: Elias "i sjuan" is 14 (grade 7 + 7 in a spring term), Alva "född 2021" is 5;
    3 940 + 4 390 + 2 720 (4–6 år, lunch at förskola) + 1 790 (3 persons) = 12 840, + 7 650 +
    380 = 20 870. Wage 9 200 after 8 months in a row: jobbstimulans, 6 900 counted; + bb 2 650."""
    sender = "e2e-intake-6"
    replies = stack.send(sender, (
        "gäller mars 2026. Jasmin, ensam, två barn: Elias i sjuan och Alva född 2021, förskola "
        "heltid med lunch. hyra 7 650, el 380. lön 9 200 hennes, fsd 8 mån i rad, jobbstim "
        "aldrig använd. bb 2 650"))
    summary = _texts(replies)[-1]
    assert "14-åringen: åldern är räknad från skolklassen (sjuan i grundskolan, " \
           "beräkningsmånaden 2026-03)." in summary
    assert "5-åringen: åldern är räknad från födelseåret 2021 (beräkningsåret 2026)." in summary
    assert "Jasmin" not in summary and "Elias" not in summary  # no name is echoed
    assert _amount(stack.send(sender, "ja")) == 11_320  # 20 870 − 6 900 − 2 650

    # the wage was a-kassa: counted in full, no jobbstimulans (− 2 300)
    replies = stack.send(sender, "förlåt, det är inte lön, det är a-kassa. samma belopp")
    assert _amount(replies) == 9_020
    assert "Försörjningsstödet ändras från 11 320 kr till 9 020 kr (−2 300 kr)." in \
        _texts(replies)[0]
