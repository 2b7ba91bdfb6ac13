"""Swedish error responses: 422 for bad input (naming the field), 503 for a missing service."""

from __future__ import annotations

import json
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from calculator.models import field_path
from calculator.models import show as _show
from web.rasa_client import RasaUnavailableError


class ServiceUnavailableError(RuntimeError):
    """A part the endpoint needs (index, parameters) did not load; message in Swedish."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _jsonable(value: Any) -> Any:
    try:
        json.dumps(value)
    except (TypeError, ValueError):
        return repr(value)
    return value


def translate(err: dict[str, Any]) -> dict[str, Any]:
    """One pydantic/FastAPI validation error → {field, value, message} in Swedish."""
    loc = tuple(err.get("loc", ()))
    if loc and loc[0] == "body":
        loc = loc[1:]
    field = field_path(loc) if loc else ""
    kind = err.get("type", "")
    value = err.get("input")
    ctx = err.get("ctx") or {}
    if kind == "json_invalid":
        return {"field": "indata", "value": None,
                "message": "Indata är inte giltig JSON (" + str(ctx.get("error", "")) + ")."}
    if not field:
        return {"field": "indata", "value": _jsonable(value),
                "message": f"Indata ska vara ett JSON-objekt, men värdet är {_show(value)}."}
    if kind == "missing":
        message, value = f"Fältet {field} saknas.", None
    elif kind == "extra_forbidden":
        message = f"Fältet {field} är okänt (värde {_show(value)}); kontrollera stavningen."
    elif kind == "string_too_short":
        message = f"Fältet {field} får inte vara tomt."
    elif kind == "string_too_long":
        message = (f"Fältet {field} får vara högst {ctx.get('max_length')} tecken, men är "
                   f"{len(value) if isinstance(value, str) else '?'} tecken.")
    elif kind == "string_pattern_mismatch":
        message = (f"Fältet {field} får bara innehålla bokstäverna a–z, siffror och . _ : -, "
                   f"men värdet är {_show(value)}.")
    elif kind == "string_type":
        message = f"Fältet {field} ska vara en text, men värdet är {_show(value)}."
    elif kind in ("int_type", "int_parsing", "int_from_float"):
        message = f"Fältet {field} ska vara ett heltal, men värdet är {_show(value)}."
    elif kind == "greater_than_equal":
        message = (f"Fältet {field} får inte vara mindre än {ctx.get('ge')}, men värdet är "
                   f"{_show(value)}.")
    elif kind == "less_than_equal":
        message = (f"Fältet {field} får inte vara större än {ctx.get('le')}, men värdet är "
                   f"{_show(value)}.")
    elif kind in ("model_attributes_type", "dict_type"):
        message = f"Fältet {field} ska vara ett objekt, men värdet är {_show(value)}."
    else:
        message = f"Fältet {field} har ett ogiltigt värde {_show(value)}."
    return {"field": field, "value": _jsonable(value), "message": message}


def error_body(errors: list[dict[str, Any]]) -> dict[str, Any]:
    first = errors[0]
    return {"detail": first["message"], "field": first["field"], "value": first["value"],
            "errors": errors}


async def _validation_error(_: Request, exc: RequestValidationError) -> JSONResponse:
    errors = [translate(e) for e in exc.errors()] or [
        {"field": "indata", "value": None, "message": "Indata är ogiltiga."}
    ]
    return JSONResponse(error_body(errors), status_code=422)


async def _rasa_unavailable(_: Request, exc: RasaUnavailableError) -> JSONResponse:
    return JSONResponse({"detail": exc.message}, status_code=503)


async def _service_unavailable(_: Request, exc: ServiceUnavailableError) -> JSONResponse:
    return JSONResponse({"detail": exc.message}, status_code=503)


_HTTP_SV = {404: "Sidan eller resursen finns inte.", 405: "Metoden är inte tillåten här."}


# FastAPI's own 400 for a body it cannot decode (not UTF-8 / not JSON).
_BODY_PARSE_ERROR = "There was an error parsing the body"


async def _http_error(_: Request, exc: StarletteHTTPException) -> JSONResponse:
    detail = exc.detail
    if exc.status_code == 400 and detail == _BODY_PARSE_ERROR:
        return JSONResponse(error_body([{
            "field": "indata", "value": None,
            "message": "Indata kunde inte läsas: det är inte giltig JSON i UTF-8."}]),
            status_code=422)
    if detail == HTTPStatus(exc.status_code).phrase:  # Starlette's English default
        detail = _HTTP_SV.get(exc.status_code, detail)
    return JSONResponse({"detail": detail}, status_code=exc.status_code,
                        headers=getattr(exc, "headers", None))


def install(app: FastAPI) -> None:
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(RasaUnavailableError, _rasa_unavailable)
    app.add_exception_handler(ServiceUnavailableError, _service_unavailable)
    app.add_exception_handler(StarletteHTTPException, _http_error)
