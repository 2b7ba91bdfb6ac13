from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from web.deps import ResourcesDep, SettingsDep
from web.health import check_all
from web.schemas import HealthResponse

router = APIRouter(tags=["drift"])


@router.get(
    "/health",
    response_model=HealthResponse,
    summary="Tillståndet för Rasa, actionservern, kunskapsindexet och parametrarna",
)
async def health(settings: SettingsDep, resources: ResourcesDep) -> dict[str, Any]:
    """`ok` är sant bara när varje komponent är frisk; varje komponent har en egen `ok`."""
    return await check_all(settings, resources)
