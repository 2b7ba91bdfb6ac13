"""The real Rasa server and the real action server answer over the REST channel."""

from __future__ import annotations

import pytest

from actions.general import CAPABILITIES

pytestmark = pytest.mark.e2e


def test_greeting_gets_the_swedish_greeting(stack):
    assert stack.texts("e2e-foundation-1", "hej") == [
        "Hej! Jag är Biståndsguiden. Jag kan svara på frågor om riktlinjerna för ekonomiskt "
        "bistånd och räkna ut försörjningsstöd."
    ]


def test_capabilities_question_runs_the_custom_action(stack):
    assert stack.texts("e2e-foundation-2", "vad kan du hjälpa till med?") == [CAPABILITIES]
