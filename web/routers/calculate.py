from __future__ import annotations

import json
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from calculator import InputError
from web.deps import CalculateDep
from web.errors import error_body
from web.schemas import ErrorResponse

router = APIRouter(prefix="/api/v1", tags=["beräkning"])

EXAMPLE = {
    "year": 2024, "month": 3,
    "household": {
        "adults": [{"role": "applicant", "age": 34}, {"role": "partner", "age": 31}],
        "children": [{"age": 4, "days": 30, "lunch_at_preschool": False},
                     {"age": 19, "days": 30, "in_school": True}],
        "shared_household_members": None,
    },
    "costs": {"housing": 7200, "electricity": 450, "work_travel": 0,
              "home_insurance": 180, "union_fee": 0, "unemployment_fund": 0},
    "housing_cap": None,
    "incomes": [{"type": "child_allowance", "amount": 2650, "member": "applicant"},
                {"type": "salary", "amount": 9000, "member": "partner"},
                {"type": "salary", "amount": 3000, "member": "child:1",
                 "earned_earlier_this_year": 20000}],
    "consecutive_months_with_support": 7,
    "job_stimulus_months_used": 0,
}


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
async def calculate(request: Request, compute: CalculateDep) -> Any:
    """Indata enligt beräkningsreglerna (calculation-rules.md avsnitt 7). Felaktig indata ger
    422 med ett svenskt meddelande som namnger fältet och värdet, aldrig ett halvt resultat."""
    # The body is validated by the calculator itself (parse_input), so that every message,
    # including those of rules spanning several fields, is the calculator's Swedish one.
    raw = await request.body()
    try:
        data = json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        return _invalid(f"Indata är inte giltig JSON ({exc}).")
    try:
        result = compute(data)
    except InputError as err:
        body = err.to_dict()
        return JSONResponse({"detail": err.message, **body}, status_code=422)
    return JSONResponse(result.model_dump(mode="json"))
