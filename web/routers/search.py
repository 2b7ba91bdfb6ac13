from __future__ import annotations

from typing import Any

from fastapi import APIRouter, BackgroundTasks, Request
from fastapi.responses import JSONResponse

from web.audit import record_after_answer
from web.deps import SearcherDep
from web.schemas import ErrorResponse, SearchRequest, SearchResponse

router = APIRouter(prefix="/api/v1", tags=["riktlinjer"])


@router.post(
    "/search",
    response_model=SearchResponse,
    response_model_exclude_unset=True,  # `topics` only when the question has several issues
    summary="Sök i riktlinjerna och få citerade avsnitt",
    responses={422: {"model": ErrorResponse, "description": "Ogiltig fråga"},
               503: {"model": ErrorResponse, "description": "Kunskapsindexet är inte laddat"}},
)
def search(body: SearchRequest, request: Request, background: BackgroundTasks,
           searcher: SearcherDep) -> Any:
    """Samma objekt som en rad från `python -m knowledge search --json`. När källorna inte
    ger stöd för ett svar är `answered` falskt."""
    # A plain def: FastAPI runs it in its thread pool, so embedding does not block the loop.
    hits: dict[str, Any] = searcher.search(body.question, top_k=body.top_k)
    # serialized here as response_model would, so that the audit records the answer as sent
    answer = SearchResponse.model_validate(hits).model_dump(
        mode="json", by_alias=True, exclude_unset=True)
    record_after_answer(request, background, "search", body.model_dump(exclude_unset=True),
                        answer)
    return JSONResponse(answer)
