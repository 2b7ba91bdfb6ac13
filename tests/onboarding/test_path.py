"""The introduction path: about ten steps, each cited with real passages, a check question, and
navigation that keeps the place."""

from __future__ import annotations

import pytest

from onboarding import path as pth
from onboarding.glossary import resolve_source

PATH = pth.load_path()
SOURCES = [(s.id, src) for s in PATH.steps for src in s.sources]


def test_about_ten_steps_in_the_order_of_the_issue():
    assert [s.id for s in PATH.steps] == [
        "stodet", "hushallet", "riksnormen", "skaliga-kostnader", "inkomster", "barn", "arbete",
        "boende", "kommunens-loften", "dokumentation"]


@pytest.mark.parametrize(("step_id", "source"), SOURCES,
                         ids=[f"{i}:{s.section}" for i, s in SOURCES])
def test_every_quote_resolves(lookup, step_id, source):
    assert resolve_source(lookup, source) is not None, step_id


def test_rule_amounts_are_filled_from_the_rules_file():
    work = next(s for s in PATH.steps if s.id == "arbete")
    text = pth.fill(work.text)
    assert "6 månader i följd" in text and "25 % av lönen" in text and "24 månader" in text
    assert "{" not in text


def test_answers_by_letter_number_or_text():
    step = PATH.steps[2]  # options: Hyran, Antalet personer i hushållet, Barnens ålder
    assert [step.chosen(x) for x in ("b", "B)", "2", "svar b", "antalet personer i hushållet",
                                     "Hyran")] == [1, 1, 1, 1, 1, 0]
    assert step.chosen("vad är riksnormen?") is None
    assert PATH.check(2, 1).right and PATH.check(2, 1).text.startswith("Rätt!")
    wrong = PATH.check(2, 0)
    assert not wrong.right and wrong.text.startswith(
        "Inte riktigt. Rätt svar är b) Antalet personer i hushållet.")


def test_navigation_keeps_the_place():
    assert [pth.command(x) for x in ("nästa", "Tillbaka", "hoppa över", "börja om",
                                     "fortsätt introduktionen", "pausa introduktionen",
                                     "vad är riksnormen")] == [
        pth.NEXT, pth.BACK, pth.SKIP, pth.RESTART, pth.RESUME, pth.LEAVE, None]
    s = pth.new_state()
    s, done = pth.navigate(s, pth.BACK)
    assert s["step"] == 0 and not done
    s, _ = pth.navigate(s, pth.SKIP)
    assert s["step"] == 1 and s["answered"] == {"0": "skipped"}
    for _ in range(len(PATH) - 2):
        s, done = pth.navigate(s, pth.NEXT)
    assert s["step"] == len(PATH) - 1 and not done
    s, done = pth.navigate(s, pth.NEXT)
    assert done and s["done"]
