"""A conversation read back from Rasa's tracker store (the page after a reload), and the
versions a printed beräkningsunderlag names."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import JSONResponse

from calculator.errors import error_body
from web.audit import corpus_version, parameter_versions
from web.deps import RasaDep, ResourcesDep, SettingsDep
from web.errors import ServiceUnavailableError
from web.health import probe_database
from web.pii import redact
from web.rasa_client import history
from web.routers.chat import TRACKER_STORE_UNAVAILABLE
from web.schemas import ErrorResponse, HistoryResponse, SenderId

router = APIRouter(prefix="/api/v1", tags=["chatt"])


@router.get(
    "/chat/{sender_id}",
    response_model=HistoryResponse,
    response_model_by_alias=True,
    summary="Ett samtal som det sparats i Rasas samtalsdatabas (sidan efter en omladdning)",
    responses={422: {"model": ErrorResponse}, 503: {"model": ErrorResponse}},
)
async def conversation(sender_id: Annotated[SenderId, Path()], rasa: RasaDep,
                       settings: SettingsDep) -> Any:
    """Handläggarens och assistentens meddelanden sedan den senaste omstarten, med
    beräkningar, jämförelser och uppgifter som de skickades. Ingenting sparas i webbläsaren
    utöver samtalets id."""
    if redact(sender_id).changed:
        return JSONResponse(error_body([{
            "field": "sender_id", "value": None,
            "message": "Fältet sender_id får inte innehålla ett personnummer."}]),
            status_code=422)
    if settings.cluster.tracker_db_url:
        # with its store down Rasa answers an empty conversation: say so instead
        store = await probe_database(settings.cluster.tracker_db_url,
                                     settings.health.health_timeout_seconds)
        if not store["ok"]:
            raise ServiceUnavailableError(TRACKER_STORE_UNAVAILABLE)
    tracker = await rasa.tracker(sender_id)
    return {"sender_id": sender_id, "messages": history(tracker)}


@router.get(
    "/versions",
    summary="Versioner av parameterfilerna och korpusen (för beräkningsunderlaget)",
    responses={422: {"model": ErrorResponse}},
)
async def versions(request: Request, resources: ResourcesDep,
                   year: Annotated[int, Query(description="Beräkningsåret")]) -> Any:
    """Parameterfilerna som en beräkning för året använder (SHA-256) och korpusens version."""
    if year not in resources.parameter_years:
        years = ", ".join(str(y) for y in resources.parameter_years)
        return JSONResponse(error_body([{
            "field": "year", "value": year,
            "message": f"year: det finns inga parametrar för år {year} (finns: {years})."}]),
            status_code=422)
    return {"parametrar": parameter_versions(year), "korpus": corpus_version(request.app)}
