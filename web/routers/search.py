from __future__ import annotations

from typing import Any

from fastapi import APIRouter

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
def search(body: SearchRequest, searcher: SearcherDep) -> dict[str, Any]:
    """Samma objekt som en rad från `python -m knowledge search --json`. När källorna inte
    ger stöd för ett svar är `answered` falskt."""
    # A plain def: FastAPI runs it in its thread pool, so embedding does not block the loop.
    return searcher.search(body.question, top_k=body.top_k)
