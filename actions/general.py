"""Actions that need no backend: what the assistant can do."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

CAPABILITIES = (
    "Jag kan hjälpa dig med tre saker:\n"
    "1. Svara på frågor om riktlinjerna för ekonomiskt bistånd, med citat och källa "
    "(Socialstyrelsens allmänna råd, socialtjänstlagen och kommunens riktlinjer).\n"
    "2. Räkna ut ett hushålls försörjningsstöd för en månad, rad för rad med lagrum.\n"
    "3. Förklara begrepp som riksnormen och skäliga kostnader.\n"
    "Skriv till exempel \"ny beräkning\" eller ställ en fråga."
)


class ActionCapabilities(Action):
    def name(self) -> str:
        return "action_capabilities"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        dispatcher.utter_message(text=CAPABILITIES)
        return []
