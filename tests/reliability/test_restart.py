"""A conversation survives a restart of the Rasa server, with SQLite and with PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from tests.support.services import Stack, rasa_server, start_stack

pytestmark = pytest.mark.e2e


def _user_texts(stack: Stack, sender: str) -> list[str]:
    response = httpx.get(f"{stack.rasa_url}/conversations/{sender}/tracker", timeout=30.0)
    response.raise_for_status()
    return [e["text"] for e in response.json()["events"] if e["event"] == "user"]


def _restart_rasa(stack: Stack) -> None:
    stack.rasa.stop()
    stack.rasa.start()
    stack.rasa.wait_healthy(300)


def _run_restart_scenario(stack: Stack, sender: str) -> None:
    greeting = stack.texts(sender, "hej")
    assert greeting and greeting[0].startswith("Hej! Jag är Biståndsguiden.")
    before = stack.texts(sender, "vad kan du hjälpa till med?")

    _restart_rasa(stack)

    assert _user_texts(stack, sender) == ["hej", "vad kan du hjälpa till med?"]
    assert stack.texts(sender, "vad kan du hjälpa till med?") == before
    assert _user_texts(stack, sender) == [
        "hej", "vad kan du hjälpa till med?", "vad kan du hjälpa till med?",
    ]


def _stack_with(tmp_path: Path, tracker_store: dict) -> Stack:
    return start_stack(
        tmp_path,
        lambda workdir, action_port: rasa_server(workdir, action_port, tracker_store=tracker_store),
    )


def test_conversation_survives_restart_with_sqlite(tmp_path):
    db = tmp_path / "tracker.db"
    stack = _stack_with(tmp_path, {"type": "SQL", "dialect": "sqlite", "db": str(db)})
    try:
        _run_restart_scenario(stack, "restart-sqlite-1")
    finally:
        stack.stop()
    assert db.stat().st_size > 0


def test_conversation_survives_restart_with_postgresql(tmp_path, postgres):
    stack = _stack_with(tmp_path, postgres.tracker_store("rasa_trackers"))
    try:
        _run_restart_scenario(stack, "restart-postgres-1")
    finally:
        stack.stop()
