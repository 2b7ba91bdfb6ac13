from __future__ import annotations

import json
from typing import Any

from fastapi import APIRouter, BackgroundTasks, Request
from fastapi.responses import JSONResponse

from calculator import InputError
from calculator.errors import MESSAGES, error_body
from calculator.examples import documented_example
from web.audit import record_after_answer
from web.deps import CalculateDep
from web.schemas import ErrorResponse

router = APIRouter(prefix="/api/v1", tags=["beräkning"])

EXAMPLE = documented_example()


def _invalid(message: str) -> JSONResponse:
    return JSONResponse(
        error_body([{"field": "indata", "value": None, "message": message}]), status_code=422
    )


@router.post(
    "/calculate",
    summary="Räkna ut försörjningsstöd för en månad",
    response_model=None,
    responses={
        200: {"description": "Beräkningen, rad för rad med lagrum och källa",
              "content": {"application/json": {
                  "schema": {"$ref": "#/components/schemas/CalculationResult"}}}},
        422: {"model": ErrorResponse,
              "description": "Ogiltig indata: ett svenskt meddelande som namnger fältet"},
    },
    openapi_extra={"requestBody": {"required": True, "content": {"application/json": {
        "schema": {"$ref": "#/components/schemas/CalculationInput"},
        "examples": {"familj": {"summary": "Sambor med två barn", "value": EXAMPLE}},
    }}}},
)
async def calculate(request: Request, background: BackgroundTasks,
                    compute: CalculateDep) -> Any:
    """Indata enligt beräkningsreglerna (calculation-rules.md avsnitt 7). Felaktig indata ger
    422 med ett svenskt meddelande som namnger fältet och värdet, aldrig ett halvt resultat."""
    # The body is validated by the calculator itself (parse_input), so that every message,
    # including those of rules spanning several fields, is the calculator's Swedish one.
    raw = await request.body()
    try:
        data = json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        return _invalid(MESSAGES["json_invalid"].format(error=exc))
    try:
        result = compute(data)
    except InputError as err:
        body = err.to_dict()
        return JSONResponse({"detail": err.message, **body}, status_code=422)
    answer = result.model_dump(mode="json")
    record_after_answer(request, background, "calculate", data, answer)
    return JSONResponse(answer)
