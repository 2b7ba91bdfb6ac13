"""What-if over Rasa's REST channel: the real Rasa server and the real action server, and the
conversation read back from Rasa's tracker as the page reads it after a reload.

Hand-checked from calculator/parameters/2026.yaml (official, SFS 2025:1046): ensamstående
3 940, barn 4–6 år 3 060, 7–10 år 3 820, gemensamma hushållskostnader 3 personer 1 790 →
riksnorm 12 610; kostnader 7 200 + 400 + 150 = 7 750; behov 20 360; a-kassa 9 800 → 10 560.
B: lön 9 000 with 8 months of support, jobbstimulans 25 % (rules.yaml) = 2 250 not counted →
20 360 − (9 800 + 6 750) = 3 810. C: hyra 6 900 → 20 060 − 9 800 = 10 260.
"""

from __future__ import annotations

import httpx
import pytest

from web.rasa_client import history, merge_elements

pytestmark = pytest.mark.e2e

HOUSEHOLD = ("ensamstående mamma, son 4 och dotter 9 år, hyra 7 200, el 400, hemförsäkring 150, "
             "a-kassa 9 800 kr, mars 2026")


def _say(stack, sender: str, text: str) -> list[dict]:
    return merge_elements(stack.send(sender, text))


def test_two_scenarios_keep_b_and_the_tracker_gives_the_conversation_back(stack):
    sender = "e2e-whatif-1"
    _say(stack, sender, HOUSEHOLD)
    assert _say(stack, sender, "ja")[-1]["calculation"]["forsorjningsstod"] == 10_560

    reply = _say(stack, sender, "vad händer om hon får lön 9 000 och har haft stöd i 8 månader?")
    comp = reply[-1]["comparison"]
    assert comp["typ"] == "scenarier"
    a, b = comp["scenarier"]
    assert (a["result"]["forsorjningsstod"], b["result"]["forsorjningsstod"]) == (10_560, 3_810)
    assert b["input"]["incomes"][-1] == {"type": "salary", "amount": 9_000,
                                         "member": "applicant"}
    assert b["jobbstimulans"]["gäller"] and b["jobbstimulans"]["manader_kvar"] == 24
    assert b["skillnad"] == {"forsorjningsstod": -6_750, "hushallets_pengar": 2_250}

    reply = _say(stack, sender, "jämför med hyra 6 900")
    comp = reply[-1]["comparison"]
    assert [s["result"]["forsorjningsstod"] for s in comp["scenarier"]] == [10_560, 3_810, 10_260]

    reply = _say(stack, sender, "lönar det sig att jobba för 9 000?")
    table = reply[-1]["comparison"]["tabell"]
    assert [r["totalt"] for r in table] == [20_360, 20_360, 22_610, 20_360]

    reply = _say(stack, sender, "behåll B")
    assert reply[0]["text"].startswith("Jag behåller B (")
    assert reply[-1]["calculation"]["forsorjningsstod"] == 3_810
    # the current facts are B now: a correction recomputes from them
    reply = _say(stack, sender, "hyran är 6 900")
    assert reply[-1]["calculation"]["forsorjningsstod"] == 3_510  # 3 810 − 300

    tracker = httpx.get(f"{stack.rasa_url}/conversations/{sender}/tracker", timeout=30).json()
    messages = history(tracker)
    users = [m["text"] for m in messages if m["from"] == "user"]
    assert users == [HOUSEHOLD, "ja",
                     "vad händer om hon får lön 9 000 och har haft stöd i 8 månader?",
                     "jämför med hyra 6 900", "lönar det sig att jobba för 9 000?", "behåll B",
                     "hyran är 6 900"]
    calculations = [m["calculation"] for m in messages if m.get("calculation")]
    assert [c["forsorjningsstod"] for c in calculations] == [10_560, 3_810, 3_510]
    assert sum(1 for m in messages if m.get("comparison")) == 3
    assert messages[-1]["facts"]["rå"]["costs"]["housing"] == 6_900
