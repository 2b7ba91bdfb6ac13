"""Headless Chromium (Debian's package, driven by Playwright) against the real stack.

The web app runs under uvicorn on a free loopback port and talks to the real Rasa server and
the real action server (the ``stack`` fixture). Screenshots go to tests/artifacts/.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.services import (
    ROOT,
    VENV_PY,
    ManagedProcess,
    Stack,
    free_port,
)

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]
AXE = Path(__file__).resolve().parent / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = ROOT / "tests" / "artifacts"


@pytest.fixture(scope="session")
def web_url(stack: Stack, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The web app under uvicorn, pointed at the stack's Rasa and action server."""
    port = free_port()
    action_url = stack.actions.health_url.removesuffix("/health")
    web = ManagedProcess(
        name="web app",
        argv=[str(VENV_PY), "-m", "uvicorn", "web.app:app", "--host", "127.0.0.1",
              "--port", str(port)],
        log_path=tmp_path_factory.mktemp("web") / "web.log",
        health_url=f"http://127.0.0.1:{port}/health",
        env={"BG_RASA_URL": stack.rasa_url, "BG_ACTION_SERVER_URL": action_url},
    ).start()
    try:
        web.wait_healthy(120)
        yield f"http://127.0.0.1:{port}"
    finally:
        web.stop()


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"{CHROMIUM} saknas: kör `make browser-deps`.")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def open_page(browser, web_url: str):
    """Open the chat page in a fresh context; ``bypass_csp`` only where axe-core is injected
    (add_script_tag adds an inline script, which a strict Content-Security-Policy refuses)."""
    contexts = []

    def _open(bypass_csp: bool = False):
        context = browser.new_context(locale="sv-SE", viewport={"width": 1280, "height": 900},
                                      bypass_csp=bypass_csp)
        contexts.append(context)
        context.grant_permissions(["clipboard-read", "clipboard-write"], origin=web_url)
        page = context.new_page()
        page.errors = []  # type: ignore[attr-defined]
        page.on("pageerror", lambda exc: page.errors.append(str(exc)))
        page.on("console", lambda msg: msg.type == "error" and page.errors.append(msg.text))
        page.goto(web_url + "/")
        return page

    try:
        yield _open
    finally:
        for context in contexts:
            context.close()


@pytest.fixture
def page(open_page):
    return open_page()


def screenshot(page, name: str) -> Path:
    """Keep a full-page screenshot as a test artifact (tests/artifacts/ is git-ignored)."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def axe_scan(page) -> list[dict]:
    """Run axe-core (WCAG 2.0/2.1 A and AA rules) on the page; return its violations."""
    if not AXE.exists():
        pytest.fail(f"{AXE} saknas: kör `make browser-deps` (npm ci i tests/browser).")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        """async () => await axe.run(document, {
            runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa',
                                             'best-practice']}})"""
    )
    return result["violations"]
