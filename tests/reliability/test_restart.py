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


BEFORE = ["ny beräkning", "ensamstående", "4 och 9"]
AFTER = ["hyra 7 200", "stämmer"]


def _custom(elements: list[dict], key: str) -> list:
    return [e["custom"][key] for e in elements if isinstance(e.get("custom"), dict)
            and e["custom"].get(key) is not None]


def _run_restart_scenario(stack: Stack, sender: str) -> None:
    """A calculation started before the restart is finished after it, with the same facts
    and the same amount as the same conversation held without a restart."""
    control = f"{sender}-control"
    for message in BEFORE + AFTER[:-1]:
        stack.send(control, message)
    [expected] = _custom(stack.send(control, AFTER[-1]), "calculation")

    for message in BEFORE:
        facts_before = _custom(stack.send(sender, message), "facts")
    assert facts_before[-1]["hushåll"] == "ensamstående, två barn (4 år; 9 år)"

    _restart_rasa(stack)

    assert _user_texts(stack, sender) == BEFORE
    facts_after = _custom(stack.send(sender, AFTER[0]), "facts")
    assert facts_after[-1]["hushåll"] == "ensamstående, två barn (4 år; 9 år)"
    assert facts_after[-1]["kostnader"]["boende (hyra/avgift)"] == 7200
    final = stack.send(sender, AFTER[1])
    [calculation] = _custom(final, "calculation")
    assert calculation == expected
    assert calculation["antal_vuxna"] == 1 and calculation["antal_barn"] == 2
    assert calculation["skaliga_kostnader"] == 7200
    assert calculation["forsorjningsstod"] == calculation["riksnorm"] + 7200
    assert _user_texts(stack, sender) == BEFORE + AFTER


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
