"""The one error type callers need: bad input, with the field and a Swedish message."""

from __future__ import annotations

from typing import Any


class InputError(ValueError):
    """Bad calculation input, or input that needs a value the parameter files do not hold.

    ``field`` is a path such as ``household.children[0].days``; ``value`` the offending value;
    ``message`` a Swedish sentence naming both (``str(err) == err.message``). When several
    problems were found, ``errors`` lists them all (dicts with field, value, message) and the
    attributes describe the first.
    """

    def __init__(self, field: str, value: Any, message: str,
                 errors: list[dict[str, Any]] | None = None) -> None:
        super().__init__(message)
        self.field = field
        self.value = value
        self.message = message
        self.errors = errors or [{"field": field, "value": value, "message": message}]

    def __str__(self) -> str:
        return self.message

    def to_dict(self) -> dict[str, Any]:
        return {"field": self.field, "value": _jsonable(self.value), "message": self.message,
                "errors": [{**e, "value": _jsonable(e["value"])} for e in self.errors]}

    @classmethod
    def many(cls, errors: list[dict[str, Any]]) -> InputError:
        first = errors[0]
        return cls(first["field"], first["value"], first["message"], errors)


def _jsonable(value: Any) -> Any:
    if value is None or isinstance(value, str | int | float | bool):
        return value
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    return repr(value)
