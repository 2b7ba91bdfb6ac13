"""One voice for errors: bad input as a Swedish message that names the field.

The calculator owns the message table, the translation of pydantic's errors and the error
shape; the web layer imports them for its own requests (search, chat), so that a caseworker
reads the same sentences whichever endpoint refused the input.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
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
        return {"field": self.field, "value": jsonable(self.value), "message": self.message,
                "errors": [{**e, "value": jsonable(e["value"])} for e in self.errors]}

    @classmethod
    def many(cls, errors: list[dict[str, Any]]) -> InputError:
        first = errors[0]
        return cls(first["field"], first["value"], first["message"], errors)


def error_body(errors: list[dict[str, Any]]) -> dict[str, Any]:
    """The body of a 422 answer: the first error's message as ``detail``, its field and value,
    and every error ({field, value, message})."""
    first = errors[0]
    return {"detail": first["message"], "field": first["field"], "value": first["value"],
            "errors": errors}


def jsonable(value: Any) -> Any:
    """``value`` as something JSON can hold (anything else by its repr)."""
    if value is None or isinstance(value, str | int | float | bool):
        return value
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    return repr(value)


def show(value: Any) -> str:
    """A value as it is quoted in a message (JSON, so a text is in quotes)."""
    try:
        return json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        return repr(value)


def field_path(loc: tuple[Any, ...]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out or "indata"


# --------------------------------------------------------------------------- the messages

# What a field of the calculation input means, said after its path.
HINTS = {
    "year": "beräkningsår",
    "month": "beräkningsmånad (1–12)",
    "days": "antal dagar barnet vistas i hushållet under månaden (1–30)",
    "shared_household_members": "antal personer i hushållsgemenskapen",
    "amount": "belopp i kronor per månad",
    "earned_earlier_this_year": "barnets tidigare inkomst i år",
    "consecutive_months_with_support": "sammanhängande månader med försörjningsstöd",
    "job_stimulus_months_used": "månader som jobbstimulansen redan använts",
}

# pydantic's error types that share a message.
_KIND = {
    "int_type": "int", "int_parsing": "int", "int_from_float": "int",
    "bool_type": "bool", "bool_parsing": "bool",
    "model_type": "object", "dict_type": "object", "model_attributes_type": "object",
}

# One sentence per kind of error. {subject} names the field as the voice does (below), {field}
# is its bare path, {name} the path with its hint, {shown} the value as JSON.
MESSAGES = {
    "missing": "Fältet {name} saknas.",
    "extra_forbidden": "Fältet {field} är okänt (värde {shown}); kontrollera stavningen.",
    "int": "{subject} ska vara ett heltal, men värdet är {shown}.",
    "greater_than_equal": "{subject} får inte vara mindre än {ge}, men värdet är {shown}.",
    "less_than_equal": "{subject} får inte vara större än {le}, men värdet är {shown}.",
    "literal_error": "{subject} har det okända värdet {shown}; tillåtna värden: {expected}.",
    "bool": "{subject} ska vara true eller false, men värdet är {shown}.",
    "object": "{subject} ska vara ett objekt, men värdet är {shown}.",
    "list_type": "{subject} ska vara en lista, men värdet är {shown}.",
    "string_type": "{subject} ska vara en text, men värdet är {shown}.",
    "string_too_short": "{subject} får inte vara tomt.",
    "string_too_long": "{subject} får vara högst {max_length} tecken, men är {length} tecken.",
    "string_pattern_mismatch": ("{subject} får bara innehålla bokstäverna a–z, siffror och "
                                ". _ : -, men värdet är {shown}."),
    "json_invalid": "Indata är inte giltig JSON ({error}).",
    "not_an_object": "Indata ska vara ett JSON-objekt, men värdet är {shown}.",
}


@dataclass(frozen=True)
class Voice:
    """How the messages name a field: the calculation input says what the field means
    ("month (beräkningsmånad (1–12)) får inte …"), the other requests say "Fältet top_k …"."""

    subject: str
    hints: bool
    fallback: str


INPUT = Voice("{name}", True, "{field} har ett ogiltigt värde {shown} ({msg}).")
REQUEST = Voice("Fältet {field}", False, "Fältet {field} har ett ogiltigt värde {shown}.")


def _hint(loc: tuple[Any, ...]) -> str | None:
    last = loc[-1] if loc else None
    if last == "age":
        return "barnets ålder (0–20 år)" if "children" in loc else "ålder (0–120 år)"
    return HINTS.get(str(last))


def translate(err: dict[str, Any], voice: Voice = INPUT) -> dict[str, Any]:
    """One pydantic error → {field, value, message} in Swedish (the value as given)."""
    loc = tuple(p for p in err.get("loc", ()) if not (isinstance(p, str) and "[" in p))
    if loc and loc[0] == "body":  # FastAPI's request body
        loc = loc[1:]
    kind = err.get("type", "")
    value = err.get("input")
    ctx = err.get("ctx") or {}
    if kind == "json_invalid":
        return {"field": "indata", "value": None,
                "message": MESSAGES["json_invalid"].format(error=ctx.get("error", ""))}
    if not loc:
        return {"field": "indata", "value": value,
                "message": MESSAGES["not_an_object"].format(shown=show(value))}
    field = field_path(loc)
    hint = _hint(loc) if voice.hints else None
    name = f"{field} ({hint})" if hint else field
    if kind == "value_error" and "heltal" in str(ctx.get("error", "")):
        kind = "int"  # the calculator's refusal of true/false as a number
    kind = _KIND.get(kind, kind)
    if kind == "missing":
        value = None
    words = {
        "field": field, "name": name, "shown": show(value), "msg": err.get("msg"),
        "ge": ctx.get("ge"), "le": ctx.get("le"), "max_length": ctx.get("max_length"),
        "expected": str(ctx.get("expected", "")).replace(" or ", " eller "),
        "length": len(value) if isinstance(value, str) else "?",
    }
    words["subject"] = voice.subject.format(**words)
    template = MESSAGES.get(kind, voice.fallback)
    return {"field": field, "value": value, "message": template.format(**words)}
