"""Issue 12 in real headless Chromium against the real web app, Rasa and action server: a
calculation, two what-if scenarios (one a salary with jobbstimulans), "Behåll B", a reload that
restores the conversation, the facts panel and the last calculation from the tracker store, and
the printed beräkningsunderlag read back from a PDF line by line against the calculation.

Hand-checked from calculator/parameters/2026.yaml (official, SFS 2025:1046) and rules.yaml:
ensamstående 3 940, barn 4–6 år 3 060, barn 7–10 år 3 820, gemensamma hushållskostnader för
3 personer 1 790 → riksnorm 12 610; hyra 7 200 + el 400 + hemförsäkring 150 = 7 750; behov
20 360; a-kassa 9 800 → A: försörjningsstöd 10 560, the household's money 20 360.
B (lön 9 000, 8 months with support: jobbstimulans 25 % = 2 250 not counted): counted 9 800 +
6 750 = 16 550 → 3 810; money 9 800 + 9 000 + 3 810 = 22 610 (+2 250), stöd −6 750.
C (hyra 6 900): behov 20 060 → 10 260 (−300), money 20 060 (−300).
"""

from __future__ import annotations

import io
import re
import shutil
import unicodedata

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import ARTIFACTS, screenshot

pytestmark = pytest.mark.browser

NBSP = "\u00a0"
HOUSEHOLD = ("ensamstående mamma, son 4 och dotter 9 år, hyra 7 200, el 400, hemförsäkring 150, "
             "a-kassa 9 800 kr, mars 2026")
STATUS = {"official": "officiell källa", "indata": "indata från handläggaren",
          "municipal": "kommunal riktlinje", "convention": "vald beräkningsregel",
          "unverified": "ej verifierad källa", "unknown": "okänd källa"}


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)  # the PDF's "ﬃ" ligature is "ffi"
    return re.sub(r"\s+", " ", text.replace(NBSP, " ").replace("\u202f", " ")).strip()


def _kr(amount: int) -> str:
    return f"{amount:,}".replace(",", " ") + " kr"


def _say(page, text: str, bot_count: int) -> None:
    page.get_by_label("Ditt meddelande").fill(text)
    page.keyboard.press("Enter")
    expect(page.locator("li.message.bot")).to_have_count(bot_count, timeout=60_000)


def test_what_if_keep_b_reload_and_print(page, tmp_path):
    bot = page.locator("li.message.bot")
    page.get_by_role("button", name="Ny beräkning").click()
    expect(bot).to_have_count(1, timeout=60_000)
    _say(page, HOUSEHOLD, 2)
    _say(page, "ja", 3)
    expect(bot.nth(2).locator("table.calc tfoot tr.total td")).to_have_text(
        re.compile(r"10\s560\skr"))

    _say(page, "vad händer om hon får lön 9 000 och har haft stöd i 8 månader?", 4)
    table = bot.nth(3).locator("table.comparison")
    rows = {_norm(r.locator("th").inner_text()):
            [_norm(t) for t in r.locator("td").all_inner_texts()]
            for r in table.locator("tbody tr").all() if r.locator("td").count()}
    assert rows["Försörjningsstöd"] == ["10 560 kr", "3 810 kr"]
    assert rows["Hushållets pengar (inkomster + stöd)"] == ["20 360 kr", "22 610 kr"]
    assert rows["Skillnad i försörjningsstöd mot A"] == ["", "−6 750 kr"]
    assert rows["Skillnad i hushållets pengar mot A"] == ["", "+2 250 kr"]
    assert rows["Lön (sökande), jobbstimulans 25 % SoL (2025:400) 12 kap. 8 §"] == [
        "–", "2 250 kr (räknas inte)"]
    assert "B: jobbstimulans gäller (25 % av lönen räknas inte), 24 månader kvar" in _norm(
        bot.nth(3).locator(".warnings").inner_text())

    _say(page, "jämför med hyra 6 900", 5)
    table = bot.nth(4).locator("table.comparison")
    assert "cols-3" in table.get_attribute("class")
    head = [_norm(t) for t in table.locator("thead th").all_inner_texts()]
    assert head == ["Post", "A nuvarande uppgifter, mars 2026",
                    "B hon får lön 9 000 och har haft stöd i 8 månader, mars 2026",
                    "C hyra 6 900, mars 2026"]
    support = table.locator("tbody tr", has_text="Försörjningsstöd").first
    assert [_norm(t) for t in support.locator("td").all_inner_texts()] == [
        "10 560 kr", "3 810 kr", "10 260 kr"]
    page.set_viewport_size({"width": 1280, "height": 1700})
    bot.nth(4).evaluate("e => e.scrollIntoView({block: 'start'})")
    comparison_png = ARTIFACTS / "issue12-comparison.png"
    page.screenshot(path=str(comparison_png))
    page.set_viewport_size({"width": 1280, "height": 900})

    bot.nth(4).get_by_role("button", name="Behåll B").click()
    expect(bot).to_have_count(7, timeout=60_000)  # "Jag behåller B …" and the result
    assert _norm(bot.nth(5).inner_text()).endswith(
        "Jag behåller B (hon får lön 9 000 och har haft stöd i 8 månader) som aktuella uppgifter.")
    total = bot.nth(6).locator("table.calc tfoot tr.total td")
    expect(total).to_have_text(re.compile(r"3\s810\skr"))
    assert "Försörjningsstödet ändras från 10 560 kr till 3 810 kr (−6 750 kr)." in _norm(
        bot.nth(6).inner_text())
    before = [_norm(t) for t in page.locator("#meddelandelista li").all_inner_texts()]
    facts_before = _norm(page.locator("#uppgifter").inner_text())
    summary_before = page.locator("#sammanfattning").inner_text()
    assert "Månader i följd med stöd 8" in facts_before

    # Reload: the same tab keeps only the conversation id; everything else is read back.
    stored = page.evaluate("Object.keys(sessionStorage)")
    assert stored == ["bistandsguiden-samtal"]
    assert page.evaluate("localStorage.length") == 0
    page.reload()
    expect(page.locator("#status")).to_have_text("Samtalet är återställt.", timeout=30_000)
    after = [_norm(t) for t in page.locator("#meddelandelista li").all_inner_texts()]
    assert after == before
    assert _norm(page.locator("#uppgifter").inner_text()) == facts_before
    assert page.locator("#sammanfattning").inner_text() == summary_before
    expect(page.locator("li.message.bot table.calc tfoot tr.total td").last).to_have_text(
        re.compile(r"3\s810\skr"))

    # Beräkningsunderlag: print to PDF (print stylesheet) and read it back.
    expect(page.locator("#underlag-versioner")).to_have_attribute("data-loaded", "true",
                                                                   timeout=30_000)
    calc = page.evaluate("""async () => {
        const id = sessionStorage.getItem('bistandsguiden-samtal');
        const body = await (await fetch('/api/v1/chat/' + id)).json();
        return body.messages.filter((m) => m.calculation).at(-1).calculation; }""")
    assert calc["forsorjningsstod"] == 3_810
    pdf_path = tmp_path / "underlag.pdf"
    page.pdf(path=str(pdf_path), format="A4", print_background=True)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    shutil.copy(pdf_path, ARTIFACTS / "issue12-underlag.pdf")
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(pdf_path.read_bytes()))
    assert 1 <= len(reader.pages) <= 2
    text = _norm(" ".join(p.extract_text() for p in reader.pages))
    expected = ["Beräkningsunderlag – försörjningsstöd", "Månad mars 2026",
                "Hushåll ensamstående, två barn (son 4 år; dotter 9 år)",
                "Hushållets storlek 1 vuxen, 2 barn",
                "Tillämplig lag SoL (2025:400); SoL (2025:400) 12 kap. 1 § och 7 §"]
    for row in calc["rader"]:
        counted = "" if row["kategori"] != "inkomst" else (
            " (räknas inte)" if row["raknas"] is False else " (räknas)")
        expected.append(f"{row['text']}: {_kr(row['belopp'])}{counted}")
        expected.append(f"Lagrum: {row['lagrum']} · Källa: {row['kalla']} · "
                        f"Status: {STATUS.get(row['status'], row['status'])}")
    expected += [f"Riksnorm {_kr(12_610)}", f"Skäliga kostnader {_kr(7_750)}",
                 f"Behov {_kr(20_360)}", f"Beräknade inkomster {_kr(16_550)}",
                 f"Försörjningsstöd {_kr(3_810)}"]
    expected += [_norm(n) for n in calc["varningar"] + calc["noteringar"]]
    expected += ["Antaganden", "Räknas som 0 kr (ej nämnt eller inget): arbetsresor, "
                 "fackavgift, avgift till a-kassan",
                 "Versioner: Parameterfil calculator/parameters/2026.yaml (SHA-256",
                 "regelfil calculator/parameters/rules.yaml"]
    position = 0
    for line in expected:  # every line, in the order of the document
        found = text.find(_norm(line), position)
        assert found >= 0, f"not in the printed document after position {position}: {line!r}"
        position = found
    assert re.search(r"Utskrivet \d{4}-\d{2}-\d{2}", text)
    assert not re.search(r"\d{6,8}[-+ ]?\d{4}", text)  # no personal identity number shape
    # the printed page as an image, for the closing note
    page.emulate_media(media="print")
    printed_png = screenshot(page, "issue12-printed")
    page.emulate_media(media="screen")
    for src, name in ((comparison_png, "comparison"), (printed_png, "printed")):
        try:
            shutil.copy(src, f"/tmp/issue12_{name}.png")
        except OSError:
            pass
    assert page.errors == []


def test_new_calculation_starts_a_new_conversation(page):
    bot = page.locator("li.message.bot")
    page.get_by_role("button", name="Ny beräkning").click()
    expect(bot).to_have_count(1, timeout=60_000)
    first = page.evaluate("sessionStorage.getItem('bistandsguiden-samtal')")
    _say(page, "ensamstående utan barn, mars 2026, hyra 7 200", 2)
    page.get_by_role("button", name="Ny beräkning").click()
    expect(bot).to_have_count(1, timeout=60_000)
    second = page.evaluate("sessionStorage.getItem('bistandsguiden-samtal')")
    assert second != first
    page.reload()
    expect(page.locator("#status")).to_have_text("Samtalet är återställt.", timeout=30_000)
    texts = page.locator("#meddelandelista li").all_inner_texts()
    assert len(texts) == 2 and "hyra 7 200" not in " ".join(texts)
    assert page.errors == []
