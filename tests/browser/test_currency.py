"""Currency badges in real headless Chromium against the real web app, Rasa and action server:
one SOSFS 2003:5 section of each status (hand-checked against shared/domain/sosfs-currency.md).
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import screenshot

pytestmark = pytest.mark.browser

CASES = [
    # (question, section, status, badge text, badge style)
    ("Vem räknas till hushållet?", "Medlemmar i hushållet", "kvar i sak",
     "Gäller i sak även enligt SOSFS 2013:1", "ok"),
    ("Får klienten flytta till en dyrare bostad?", "Byte till dyrare bostad", "ändrat",
     "Ändrat i SOSFS 2013:1", "warn"),
    ("Kan man få bistånd till hemutrustning vid bosättning?", "Hemutrustning vid bosättning",
     "borttaget", "Borttaget ur de allmänna råden 2021 (HSLF-FS 2021:31)", "bad"),
    ("Ingår hemförsäkring i försörjningsstödet?", "Hemförsäkring", "ej kontrollerat",
     "Inte kontrollerat mot gällande råd", "info"),
]


@pytest.mark.parametrize(("question", "section", "status", "badge_text", "kind"), CASES,
                         ids=[c[2] for c in CASES])
def test_a_sosfs_citation_shows_its_currency_badge_and_line(page, question, section, status,
                                                           badge_text, kind):
    page.get_by_label("Ditt meddelande").fill(question)
    with page.expect_response("**/api/v1/chat") as response_info:
        page.keyboard.press("Enter")
    payload = response_info.value.json()
    # the JSON API payload: the line is in the text and in the citation's currency object
    [message] = [m for m in payload["messages"] if m["citations"]]
    top = message["citations"][0]
    assert (top["section"], top["currency"]["status"]) == (section, status)
    assert top["currency"]["line"] in message["text"].splitlines()

    citation = page.locator("li.message.bot details.citation").first
    citation.wait_for(timeout=60_000)
    badge = citation.locator("summary .badge.currency")
    expect(badge).to_have_text(badge_text)
    assert badge.get_attribute("class") == f"badge currency {kind}"
    # the chat text has the line under the quote
    text = page.locator("li.message.bot .text").last.inner_text()
    assert top["currency"]["line"] in text
    citation.locator("summary").click()
    line = citation.locator(".currency-line")
    expect(line).to_have_text(top["currency"]["line"])
    history = citation.locator(".currency-history")
    if status == "borttaget":
        expect(history).to_have_text("Historisk text – inte gällande råd:")
        assert text.startswith(f"Obs! Avsnittet ”{section}” i SOSFS 2003:5 är borttaget")
    else:
        expect(history).to_have_count(0)
    screenshot(page, f"browser-currency-{status.replace(' ', '-')}")
    assert page.errors == []
