from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from web.deps import RasaDep
from web.errors import error_body
from web.pii import notice, redact
from web.rasa_client import merge_elements
from web.schemas import ChatRequest, ChatResponse, ErrorResponse

router = APIRouter(prefix="/api/v1", tags=["chatt"])


@router.post(
    "/chat",
    response_model=ChatResponse,
    summary="Skicka ett meddelande till assistenten (vidarebefordras till Rasa)",
    responses={422: {"model": ErrorResponse, "description": "Ogiltigt meddelande"},
               503: {"model": ErrorResponse, "description": "Rasa svarar inte"}},
)
async def chat(body: ChatRequest, rasa: RasaDep) -> dict[str, Any]:
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
    removed = notice(redaction)
    if removed:
        elements = [{"text": removed}, *elements]
    return {"messages": merge_elements(elements)}
