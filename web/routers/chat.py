from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from web.deps import RasaDep, SettingsDep
from web.errors import ServiceUnavailableError, error_body
from web.health import check_services
from web.pii import notice, redact
from web.rasa_client import merge_elements
from web.schemas import ChatRequest, ChatResponse, ErrorResponse

router = APIRouter(prefix="/api/v1", tags=["chatt"])

ACTION_SERVER_UNAVAILABLE = (
    "Assistentens beräknings- och söktjänst (actionservern) svarar inte just nu, så frågan "
    "kunde inte besvaras. Försök igen om en stund."
)


@router.post(
    "/chat",
    response_model=ChatResponse,
    summary="Skicka ett meddelande till assistenten (vidarebefordras till Rasa)",
    responses={422: {"model": ErrorResponse, "description": "Ogiltigt meddelande"},
               503: {"model": ErrorResponse,
                     "description": "Rasa eller actionservern svarar inte"}},
)
async def chat(body: ChatRequest, rasa: RasaDep, settings: SettingsDep) -> dict[str, Any]:
    """Svaret är assistentens meddelanden i ordning. Källor (`citations`), en beräkning
    (`calculation`), de insamlade uppgifterna (`facts`) och en sammanfattning för journalen
    (`summary_text`) följer med det meddelande de hör till."""
    if redact(body.sender_id).changed:
        return JSONResponse(error_body([{
            "field": "sender_id", "value": None,
            "message": "Fältet sender_id får inte innehålla ett personnummer; använd ett "
                       "slumpat samtals-id.",
        }]), status_code=422)
    # Personal identity numbers never reach Rasa, its tracker store or the logs.
    redaction = redact(body.message)
    elements = await rasa.send(body.sender_id, redaction.text)
    if not elements:
        # Rasa answers an empty list when a custom action could not reach the action server.
        services = await check_services(settings)
        if not services["action_server"]["ok"]:
            raise ServiceUnavailableError(ACTION_SERVER_UNAVAILABLE)
    removed = notice(redaction)
    if removed:
        elements = [{"text": removed}, *elements]
    return {"messages": merge_elements(elements)}
