"""The "Lär dig" entry in real headless Chromium against the real web app, Rasa and action
server: the introduction, the searchable glossary and practice cases, by keyboard, and the axe
scan with the panel open."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import axe_scan, screenshot
from tests.browser.test_page import _serious

pytestmark = pytest.mark.browser


def test_learn_panel_by_keyboard_glossary_path_and_practice_case(page):
    toggle = page.get_by_role("button", name="Lär dig")
    expect(toggle).to_have_attribute("aria-expanded", "false")
    toggle.focus()
    page.keyboard.press("Enter")
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(page.get_by_role("region", name="Lär dig")).to_be_visible()
    expect(page.get_by_role("button", name="Introduktionen (10 steg)")).to_be_focused()

    search = page.get_by_label("Sök bland begreppen")
    expect(page.locator("#begrepp-lista li").first).to_be_visible(timeout=10_000)
    search.fill("jobbstimulans")
    expect(page.locator("#begrepp-antal")).to_have_text("1 begrepp visas.")
    term = page.get_by_role("button", name="Fråga assistenten: vad betyder Jobbstimulans?")
    term.focus()
    page.keyboard.press("Enter")
    bot = page.locator("li.message.bot")
    expect(bot.first).to_contain_text("Begrepp: Jobbstimulans", timeout=60_000)
    expect(bot.first.locator("details.citation").first).to_be_visible()

    page.get_by_role("button", name="Introduktionen (10 steg)").click()
    expect(bot.last).to_contain_text("Steg 1 av 10", timeout=60_000)
    page.get_by_label("Nivå").select_option("svårt")
    page.get_by_role("button", name="Ge mig ett övningsfall").click()
    expect(page.locator("li.message.bot", has_text="(svårt)")).to_have_count(1, timeout=60_000)
    screenshot(page, "browser-06-learn")
    assert page.errors == []


def test_axe_with_the_learn_panel_open(open_page):
    page = open_page(bypass_csp=True)
    page.get_by_role("button", name="Lär dig").click()
    expect(page.locator("#begrepp-lista li").first).to_be_visible(timeout=10_000)
    assert _serious(axe_scan(page)) == []
