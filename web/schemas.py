"""Input and output schemas of the JSON API (the calculator's own models document /calculate)."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints
from pydantic_core import PydanticCustomError


def _not_blank(text: str) -> str:
    """Strip as Python does (it also counts control separators such as U+001F as white space,
    which pydantic's own stripping keeps), and refuse what is left empty."""
    text = text.strip()
    if not text:
        raise PydanticCustomError("string_too_short", "empty after stripping white space")
    return text


Question = Annotated[
    str, StringConstraints(min_length=1, max_length=2000), AfterValidator(_not_blank)
]
ChatText = Annotated[
    str, StringConstraints(min_length=1, max_length=5000), AfterValidator(_not_blank)
]
SenderId = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=128,
                      pattern=r"^[A-Za-z0-9_.:\-]+$"),
]


class _In(BaseModel):
    model_config = ConfigDict(extra="forbid")


# --------------------------------------------------------------------------- errors


class FieldError(BaseModel):
    field: str = Field(description="Fältets sökväg, t.ex. household.children[0].days")
    value: Any = Field(None, description="Det felaktiga värdet")
    message: str = Field(description="Felet på svenska")


class ErrorResponse(BaseModel):
    detail: str = Field(description="Felet på svenska (det första om det finns flera)")
    field: str | None = None
    value: Any = None
    errors: list[FieldError] = []


# --------------------------------------------------------------------------- search


class SearchRequest(_In):
    question: Question = Field(description="Frågan på svenska")
    top_k: int = Field(3, ge=1, le=20, description="Högst så många träffar")

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [
            {"question": "Vilka inkomster räknas vid prövningen av försörjningsstöd?",
             "top_k": 3}
        ]},
    )


class Hit(BaseModel):
    """One cited passage (more fields from the knowledge package are passed on as they are)."""

    model_config = ConfigDict(extra="allow")

    document: str
    document_status: str | None = None
    heading_path: list[str] = []
    section: str | None = None
    page: int | None = None
    text: str
    highlight: Any = None
    score: float
    citation: str
    currency: dict[str, Any] | None = Field(
        None, description="Bara SOSFS 2003:5: avsnittets status i gällande råd (SOSFS 2013:1): "
        "status (kvar i sak, ändrat, borttaget, ej kontrollerat), label (kort text), line "
        "(raden under citatet), vad som skiljer, källor och datum för kontrollen")


class Topic(BaseModel):
    """One issue of a question that asks about several things, with its own ranking."""

    model_config = ConfigDict(extra="allow")

    issue: str = Field(description="Den del av frågan som gäller den här frågeställningen")
    hits: list[Hit]


class SearchResponse(BaseModel):
    """The same object as one line of ``python -m knowledge search --json``."""

    model_config = ConfigDict(extra="allow")

    question: str
    answered: bool = Field(description="false: inget stöd i källorna (inget svar ges)")
    hits: list[Hit]
    topics: list[Topic] | None = Field(
        None, description="Bara när frågan gäller flera saker: bästa avsnitten per "
        "frågeställning (det första är svaret på just den delen)")


# --------------------------------------------------------------------------- chat


class ChatRequest(_In):
    sender_id: SenderId = Field(description="Samtalets id (en webbläsarflik = ett samtal)")
    message: ChatText = Field(description="Handläggarens meddelande")

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [
            {"sender_id": "flik-3f2a", "message": "Vad räknas som skäliga boendekostnader?"}
        ]},
    )


class QuickReply(BaseModel):
    title: str
    payload: str


class ChatMessage(BaseModel):
    text: str
    buttons: list[QuickReply] = []
    citations: list[dict[str, Any]] = Field(
        [], description="Källor till svaret (samma fält som en träff i /api/v1/search)")
    calculation: dict[str, Any] | None = Field(
        None, description="En beräkning (samma objekt som /api/v1/calculate svarar med)")
    facts: dict[str, Any] | None = Field(
        None, description="Uppgifterna som hittills samlats in för den pågående beräkningen")
    summary_text: str | None = Field(
        None, description="Beräkningen som ren text för journalanteckningen")
    comparison: dict[str, Any] | None = Field(
        None, description="En jämförelse: scenarier (typ \"scenarier\": varje scenarios indata "
        "och resultat, raderna som skiljer) eller \"lönar det sig att jobba\" "
        "(typ \"lönar_det_sig\": en tabell)")
    exercise: dict[str, Any] | None = Field(
        None, description="Ett övningsfall: nivå, seed, beskrivning och `input` (samma indata "
                          "som /api/v1/calculate tar emot); efter svaret även rättningen")
    lesson: dict[str, Any] | None = Field(
        None, description="Var i introduktionen samtalet är (steg, antal steg, poäng)")
    glossary: dict[str, Any] | None = Field(
        None, description="Begreppet som besvarades ur ordlistan (id, definition, närliggande)")


class ChatResponse(BaseModel):
    messages: list[ChatMessage]


class HistoryMessage(ChatMessage):
    from_: str = Field(alias="from", description="\"user\" (handläggaren) eller \"bot\"")

    model_config = ConfigDict(populate_by_name=True)


class HistoryResponse(BaseModel):
    sender_id: str
    messages: list[HistoryMessage]


# --------------------------------------------------------------------------- health


class ComponentHealth(BaseModel):
    model_config = ConfigDict(extra="allow")

    ok: bool


class HealthResponse(BaseModel):
    ok: bool
    components: dict[str, ComponentHealth]
