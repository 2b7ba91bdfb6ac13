from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from rasa_sdk import Tracker

from actions import backends


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch):
    """The actions read today's date for the default month: fix it to 10 March 2026."""
    monkeypatch.setattr(backends, "today", lambda: dt.date(2026, 3, 10))


def make_tracker(text: str, intent: str, slots: dict[str, Any] | None = None,
                 active_loop: str | None = None) -> Tracker:
    """A Tracker built from the JSON the Rasa server sends to the action server."""
    return Tracker.from_dict({
        "sender_id": "test",
        "slots": {"facts": None, "requested_slot": None, "calc_confirmed": None,
                  **(slots or {})},
        "latest_message": {"text": text, "intent": {"name": intent, "confidence": 0.99},
                           "entities": []},
        "events": [],
        "paused": False,
        "followup_action": None,
        "active_loop": {"name": active_loop} if active_loop else {},
        "latest_action_name": "action_listen",
    })
