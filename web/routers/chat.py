from __future__ import annotations

from typing import Any

from fastapi import APIRouter, BackgroundTasks, Request
from fastapi.responses import JSONResponse

from calculator.errors import error_body
from web.audit import record_after_answer
from web.deps import RasaDep, SettingsDep
from web.errors import ServiceUnavailableError
from web.health import check_services, probe_database
from web.pii import notice, redact
from web.rasa_client import merge_elements
from web.schemas import ChatRequest, ChatResponse, ErrorResponse

router = APIRouter(prefix="/api/v1", tags=["chatt"])

ACTION_SERVER_UNAVAILABLE = (
    "Assistentens beräknings- och söktjänst (actionservern) svarar inte just nu, så frågan "
    "kunde inte besvaras. Försök igen om en stund."
)
LOCK_STORE_UNAVAILABLE = (
    "Låstjänsten (Redis) som håller ordning på samtalens meddelanden svarar inte just nu, så "
    "meddelandet kunde inte behandlas. Försök igen om en stund."
)
TRACKER_STORE_UNAVAILABLE = (
    "Samtalsdatabasen (PostgreSQL) där samtalen sparas svarar inte just nu, så meddelandet "
    "kunde inte behandlas. Försök igen om en stund."
)
# Rasa answers an empty list when handling the message failed: which shared part was down.
DOWN_MESSAGES = (("lock_store", LOCK_STORE_UNAVAILABLE),
                 ("tracker_store", TRACKER_STORE_UNAVAILABLE),
                 ("action_server", ACTION_SERVER_UNAVAILABLE))


@router.post(
    "/chat",
    response_model=ChatResponse,
    summary="Skicka ett meddelande till assistenten (vidarebefordras till Rasa)",
    responses={422: {"model": ErrorResponse, "description": "Ogiltigt meddelande"},
               503: {"model": ErrorResponse,
                     "description": "Rasa, actionservern, låstjänsten (Redis) eller "
                                    "samtalsdatabasen (PostgreSQL) svarar inte"}},
)
async def chat(body: ChatRequest, request: Request, background: BackgroundTasks, rasa: RasaDep,
               settings: SettingsDep) -> Any:
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
    if settings.cluster.tracker_db_url:
        # Rasa does not fail when its tracker store is down: it answers from an empty
        # conversation and keeps the turn in its own memory (FailSafeTrackerStore), an answer
        # that forgets what the caseworker said. So the message is not sent then.
        store = await probe_database(settings.cluster.tracker_db_url,
                                     settings.health.health_timeout_seconds)
        if not store["ok"]:
            raise ServiceUnavailableError(TRACKER_STORE_UNAVAILABLE)
    replica, elements = await rasa.send_routed(body.sender_id, redaction.text)
    if not elements:
        # Rasa answers an empty list when it could not handle the message: a custom action
        # could not reach the action server, or the lock store or tracker store was down.
        services = await check_services(settings)
        for name, message in DOWN_MESSAGES:
            if name in services and not services[name]["ok"]:
                raise ServiceUnavailableError(message)
    removed = notice(redaction)
    if removed:
        elements = [{"text": removed}, *elements]
    # serialized here as response_model would, so that the audit records the answer as sent
    answer = ChatResponse.model_validate({"messages": merge_elements(elements)}).model_dump(
        mode="json", by_alias=True)
    record_after_answer(request, background, "chat", body.model_dump(), answer)
    # Which Rasa replica answered (its position in BG_RASA_URLS), for operators and tests.
    return JSONResponse(answer, headers={"X-Rasa-Replica": str(replica)})
