"""The shape of the parameter files (checked strictly: unknown, missing or mistyped keys fail).

A year file (``2024.yaml``) holds that calendar year's riksnorm tables, gemensamma
hushållskostnader, the amount per member over seven and the prisbasbelopp; ``rules.yaml`` holds
the rule parameters, the law and the legal references by date, and the income and cost
catalogue. Every value carries a source (a key of the file's ``sources``) and a status.

The ``description`` of a year-file field is how a warning names that amount
("Riksnormen för barn {bracket} år" + the year).
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

Status = Literal["official", "municipal", "unverified", "unknown", "convention"]

STATUS_SV = {
    "official": "officiell",
    "municipal": "kommunal",
    "unverified": "ej verifierad",
    "unknown": "okänd",
    "convention": "beräkningskonvention",
}


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class SourceEntry(_Strict):
    title: str = Field(min_length=5)
    url: str | None = None


class ValueEntry(_Strict):
    value: int | None
    status: Status
    source: str = Field(min_length=1)
    note: str | None = None
    corroborated_by: list[str] = []

    @model_validator(mode="after")
    def _unknown_iff_null(self) -> ValueEntry:
        if (self.status == "unknown") != (self.value is None):
            raise ValueError("value must be null exactly when status is 'unknown'")
        if self.value is not None and self.value < 0:
            raise ValueError("value must not be negative")
        return self


# --------------------------------------------------------------------------- a year file


class RiksnormSection(_Strict):
    barn: dict[str, ValueEntry] = Field(description="Riksnormen för barn {bracket} år")
    barn_lunch_forskola: dict[str, ValueEntry] = Field(
        description="Riksnormen för barn {bracket} år med lunch på förskola")
    ensamstaende: ValueEntry = Field(description="Riksnormen för ensamstående")
    sambor: ValueEntry = Field(description="Riksnormen för sambor")


class YearFile(_Strict):
    year: int
    valid_from: dt.date
    valid_to: dt.date
    sources: dict[str, SourceEntry]
    riksnorm: RiksnormSection
    gemensamma_hushallskostnader: dict[str, ValueEntry] = Field(
        description="Gemensamma hushållskostnader för {bracket} personer")
    tillagg_per_medlem_over_7: ValueEntry = Field(description="Tillägg per person utöver sju")
    prisbasbelopp: ValueEntry = Field(description="Prisbasbeloppet")
    forhojt_prisbasbelopp: ValueEntry = Field(description="Förhöjt prisbasbelopp")


# --------------------------------------------------------------------------- rules.yaml


class RuleEntry(ValueEntry):
    description: str = Field(min_length=5)
    unit: str


# A text that changes on given dates: each applies from its date until the next one.
DatedText = dict[dt.date, str]


class IncomeTypeEntry(_Strict):
    label: str
    counted: bool
    reason: str | None = None
    source: str
    topic: str | None = None

    @model_validator(mode="after")
    def _reason_when_not_counted(self) -> IncomeTypeEntry:
        if not self.counted and not self.reason:
            raise ValueError("an income type that is not counted needs a 'reason'")
        return self


class RulesFile(_Strict):
    sources: dict[str, SourceEntry]
    parameters: dict[str, RuleEntry]
    law: DatedText
    lagrum: dict[str, DatedText]
    income_types: dict[str, IncomeTypeEntry]
    cost_types: dict[str, str]
