"""Health of the three processes and of the data the app depends on."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx

from web.settings import Settings


async def _probe(client: httpx.AsyncClient, url: str) -> dict[str, Any]:
    try:
        response = await client.get(url)
    except httpx.HTTPError as exc:
        return {"ok": False, "url": url, "detail": f"svarar inte ({type(exc).__name__})"}
    if response.status_code != 200:
        return {"ok": False, "url": url, "detail": f"HTTP {response.status_code}"}
    return {"ok": True, "url": url}


async def check_services(settings: Settings) -> dict[str, dict[str, Any]]:
    async with httpx.AsyncClient(timeout=settings.health_timeout_seconds) as client:
        rasa, actions = await asyncio.gather(
            _probe(client, f"{settings.rasa_url}/status"),
            _probe(client, f"{settings.action_server_url}/health"),
        )
    return {"rasa": rasa, "action_server": actions}
