"""The FastAPI application: the chat page, the JSON API and the chat relay to Rasa.

``create_app(settings)`` builds an app; ``app`` (for ``uvicorn web.app:app``) uses the
settings from the environment (prefix ``BG_``). The calculator's parameters and the knowledge
index are loaded once at start-up (lifespan).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI
from fastapi.concurrency import run_in_threadpool
from fastapi.openapi.utils import get_openapi
from fastapi.staticfiles import StaticFiles

from calculator import CalculationInput, CalculationResult
from web import audit, errors, security
from web.resources import load_resources
from web.routers import calculate, chat, conversation, glossary, health, page, search
from web.routers.page import STATIC_DIR
from web.settings import Settings, get_settings

DESCRIPTION = """\
Biståndsguiden: citerade svar ur riktlinjerna för ekonomiskt bistånd, en exakt beräkning av
försörjningsstöd och en chatt som förenar dem.

Felaktig indata ger **422** med ett svenskt meddelande som namnger fältet (`detail`, `field`,
`value`, `errors`). En tjänst som inte är tillgänglig (Rasa, kunskapsindexet) ger **503**.
"""


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    app.state.resources = await run_in_threadpool(load_resources, app.state.settings)
    try:
        yield
    finally:
        await app.state.resources.rasa.aclose()


def _openapi(app: FastAPI) -> dict[str, Any]:
    """The generated schema, plus the calculator's own input and output models."""
    if app.openapi_schema:
        return app.openapi_schema
    schema = get_openapi(title=app.title, version=app.version, description=app.description,
                         routes=app.routes, tags=app.openapi_tags)
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    for model in (CalculationInput, CalculationResult):
        js = model.model_json_schema(ref_template="#/components/schemas/{model}")
        components.update(js.pop("$defs", {}))
        components[model.__name__] = js
    app.openapi_schema = schema
    return schema


def create_app(settings: Settings | None = None) -> FastAPI:
    app = FastAPI(
        title="Biståndsguiden",
        version="0.1.0",
        description=DESCRIPTION,
        lifespan=lifespan,
        openapi_tags=[
            {"name": "beräkning", "description": "Försörjningsstöd enligt riksnormen"},
            {"name": "riktlinjer", "description": "Citerade avsnitt ur riktlinjerna"},
            {"name": "chatt", "description": "Samtal med assistenten (Rasa)"},
            {"name": "drift", "description": "Hälsa"},
        ],
    )
    settings = settings or get_settings()
    app.state.settings = settings
    errors.install(app)
    # Outermost last: the guard (headers, access, size) wraps the audit, which wraps the app.
    audit.install(app, settings.audit)
    security.install(app, settings.security)
    for module in (calculate, search, chat, conversation, glossary, health, page):
        app.include_router(module.router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    app.openapi = lambda: _openapi(app)  # type: ignore[method-assign]
    return app


app = create_app()
