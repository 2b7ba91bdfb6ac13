from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from web.deps import ResourcesDep, SettingsDep
from web.health import check_all
from web.schemas import HealthResponse

router = APIRouter(tags=["drift"])


def _audit_url(request: Request) -> str | None:
    return getattr(getattr(request.app.state, "audit", None), "db_url", None)


@router.get(
    "/health",
    response_model=HealthResponse,
    summary="Tillståndet för Rasa, actionservern, kunskapsindexet och parametrarna",
)
async def health(request: Request, settings: SettingsDep,
                 resources: ResourcesDep) -> dict[str, Any]:
    """`ok` är sant bara när varje komponent är frisk; varje komponent har en egen `ok`.
    Svarar alltid 200 (för människor och övervakning); en lastbalanserare använder
    `/health/ready`."""
    return await check_all(settings, resources, _audit_url(request))


@router.get("/health/live", summary="Processen lever (alltid 200 så länge den kör)")
async def live() -> dict[str, Any]:
    """För en orkestrerare: starta om processen när detta inte svarar."""
    return {"ok": True}


@router.get(
    "/health/ready",
    response_model=HealthResponse,
    summary="Redo att ta emot samtal: 200, annars 503 med samma innehåll som /health",
    responses={503: {"model": HealthResponse,
                     "description": "Någon del som den här repliken behöver är inte uppe"}},
)
async def ready(request: Request, settings: SettingsDep, resources: ResourcesDep) -> Any:
    """För en lastbalanserare: skicka bara trafik hit när svaret är 200."""
    body = await check_all(settings, resources, _audit_url(request))
    return JSONResponse(body, status_code=200 if body["ok"] else 503)
