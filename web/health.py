"""Health of the two services the app talks to and of the data it loaded at start-up."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx

from web.resources import Resources
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


def index_health(resources: Resources) -> dict[str, Any]:
    if resources.searcher is None:
        return {"ok": False, "detail": resources.index_error or "inte laddat"}
    manifest = getattr(resources.searcher, "manifest", None) or {}
    keep = ("embedder", "corpus_hash", "dimension", "chunks", "documents")
    return {"ok": True, **{k: manifest[k] for k in keep if k in manifest}}


def parameters_health(resources: Resources) -> dict[str, Any]:
    if resources.parameters_error:
        return {"ok": False, "detail": resources.parameters_error}
    return {"ok": True, "years": list(resources.parameter_years)}


async def check_all(settings: Settings, resources: Resources) -> dict[str, Any]:
    components = await check_services(settings)
    components["index"] = index_health(resources)
    components["parameters"] = parameters_health(resources)
    return {"ok": all(c["ok"] for c in components.values()), "components": components}
