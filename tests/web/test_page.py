"""The page: Swedish, served without a build step, no inline script or style (CSP 'self')."""

from __future__ import annotations

from html.parser import HTMLParser

from web.routers.page import STATIC_DIR


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.script_bodies: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script and data.strip():
            self.script_bodies.append(data)


def _page(client) -> _Collect:
    response = client.get("/")
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    parser = _Collect()
    parser.feed(response.text)
    return parser


def test_the_page_is_swedish_and_has_no_inline_script_or_style(client):
    page = _page(client)
    assert ("html", {"lang": "sv"}) in page.tags
    assert page.script_bodies == []
    assert not any(tag == "style" for tag, _ in page.tags)
    assert not any("style" in attrs for _, attrs in page.tags)
    assert not any(k.startswith("on") for _, attrs in page.tags for k in attrs)
    scripts = [attrs["src"] for tag, attrs in page.tags if tag == "script"]
    assert scripts == ["/static/app.js"]


def test_every_local_asset_the_page_names_is_served_and_nothing_is_remote(client):
    page = _page(client)
    urls = [attrs.get("src") or attrs.get("href") for _, attrs in page.tags
            if attrs.get("src") or (attrs.get("href") and not attrs["href"].startswith("#"))]
    assert sorted(urls) == ["/static/app.css", "/static/app.js", "/static/favicon.svg"]
    for url in urls:
        assert client.get(url).status_code == 200, url
    for path in STATIC_DIR.iterdir():
        text = path.read_text(encoding="utf-8").replace('xmlns="http://www.w3.org/2000/svg"', "")
        assert "http://" not in text and "https://" not in text, path.name


def test_every_form_control_has_a_label(client):
    page = _page(client)
    ids = {attrs.get("for") for tag, attrs in page.tags if tag == "label"}
    for tag, attrs in page.tags:
        if tag in ("textarea", "input", "select"):
            assert attrs.get("id") in ids or attrs.get("aria-label"), attrs


def test_the_message_list_is_a_live_region(client):
    page = _page(client)
    log = next(attrs for _, attrs in page.tags if attrs.get("id") == "meddelanden")
    assert log["role"] == "log"
    assert log["aria-live"] == "polite"
