"""The FastAPI application."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Depends, FastAPI

from web.health import check_services
from web.settings import Settings, get_settings

app = FastAPI(title="Biståndsguiden", version="0.1.0")


@app.get("/health")
async def health(settings: Annotated[Settings, Depends(get_settings)]) -> dict[str, Any]:
    components = await check_services(settings)
    return {"ok": all(c["ok"] for c in components.values()), "components": components}
