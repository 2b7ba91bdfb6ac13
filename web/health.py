"""Health of the services the app talks to and of the data it loaded at start-up.

``check_all`` is the readiness of this web replica: Rasa (at least one replica), the action
server, the lock store and tracker store when configured, the shared audit trail when it is a
database, the index and the parameters.
"""

from __future__ import annotations

import asyncio
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import httpx
from sqlalchemy.exc import SQLAlchemyError

from web import db
from web.rasa_client import RasaClient
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


def _without_credentials(url: str) -> str:
    parts = urlsplit(url)
    host = parts.hostname or ""
    netloc = f"{host}:{parts.port}" if parts.port else host
    return urlunsplit((parts.scheme, netloc, parts.path, "", ""))


async def probe_redis(url: str, timeout_s: float) -> dict[str, Any]:
    """The Rasa replicas' lock store answers PING."""
    import redis.asyncio as aioredis
    from redis.exceptions import RedisError

    shown_url = _without_credentials(url)
    client = aioredis.from_url(url, socket_connect_timeout=timeout_s, socket_timeout=timeout_s)
    try:
        await client.ping()
    except (RedisError, OSError) as exc:
        return {"ok": False, "url": shown_url, "detail": f"svarar inte ({type(exc).__name__})"}
    finally:
        await client.aclose()
    return {"ok": True, "url": shown_url}


async def probe_database(url: str, timeout_s: float) -> dict[str, Any]:
    """A database answers ``SELECT 1`` (in a thread: the drivers are blocking)."""
    shown_url = db.shown(url)
    try:
        await asyncio.wait_for(asyncio.to_thread(db.ping, url), timeout_s + 1.0)
    except (TimeoutError, SQLAlchemyError, OSError) as exc:
        return {"ok": False, "url": shown_url, "detail": f"svarar inte ({type(exc).__name__})"}
    return {"ok": True, "url": shown_url}


async def check_rasa(client: httpx.AsyncClient, settings: Settings,
                     rasa: RasaClient | None = None) -> dict[str, Any]:
    """One replica: its own probe. Several: ok when at least one is ready (the routing skips
    the others), with each replica's probe. Feeds the result to the routing."""
    replicas = settings.rasa.replicas
    probes = await asyncio.gather(*(_probe(client, f"{url}/status") for url in replicas))
    if rasa is not None and rasa.replicas == replicas:
        for index, probe in enumerate(probes):
            rasa.mark(index, probe["ok"])
    if len(probes) == 1:
        return probes[0]
    ready = sum(p["ok"] for p in probes)
    return {"ok": ready > 0, "ready": f"{ready} av {len(probes)}", "replicas": probes}


async def check_services(settings: Settings,
                         rasa: RasaClient | None = None) -> dict[str, dict[str, Any]]:
    """Rasa, the action server and, when configured, what the Rasa replicas share."""
    timeout = settings.health.health_timeout_seconds
    async with httpx.AsyncClient(timeout=timeout) as client:
        checks = {
            "rasa": check_rasa(client, settings, rasa),
            "action_server": _probe(client, f"{settings.health.action_server_url}/health"),
        }
        if settings.cluster.redis_url:
            checks["lock_store"] = probe_redis(settings.cluster.redis_url, timeout)
        if settings.cluster.tracker_db_url:
            checks["tracker_store"] = probe_database(settings.cluster.tracker_db_url, timeout)
        results = await asyncio.gather(*checks.values())
    return dict(zip(checks, results, strict=True))


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


async def check_all(settings: Settings, resources: Resources,
                    audit_url: str | None = None) -> dict[str, Any]:
    """Every part this replica needs: ``ok`` is the readiness of the replica."""
    components = await check_services(settings, resources.rasa)
    components["index"] = index_health(resources)
    components["parameters"] = parameters_health(resources)
    if audit_url:
        components["audit_trail"] = await probe_database(audit_url,
                                                         settings.health.health_timeout_seconds)
    return {"ok": all(c["ok"] for c in components.values()), "components": components}
