"""Swedish error responses: 422 for bad input (naming the field), 503 for a missing service."""

from __future__ import annotations

from http import HTTPStatus

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from calculator.errors import REQUEST, error_body, jsonable, translate
from web.rasa_client import RasaUnavailableError


class ServiceUnavailableError(RuntimeError):
    """A part the endpoint needs (index, parameters) did not load; message in Swedish."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


async def _validation_error(_: Request, exc: RequestValidationError) -> JSONResponse:
    errors = [{**e, "value": jsonable(e["value"])}
              for e in (translate(err, REQUEST) for err in exc.errors())] or [
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
