"""Parameters as data: a strict loader for calculator/parameters/*.yaml.

One file per year holds the riksnorm tables, gemensamma hushållskostnader, the >7-members
amount and prisbasbelopp; rules.yaml holds the rule parameters, the legal references and the
income/cost catalogue. Every value carries its source and status. The loader rejects
malformed files (unknown or missing keys, duplicate keys, bad statuses, dangling source
references) with the file and the key in the message. Files are parsed and indexed once and
cached, so the calculation's hot path only does tuple and dict look-ups.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

PARAMETER_DIR = Path(__file__).parent / "parameters"

Status = Literal["official", "municipal", "unverified", "unknown", "convention"]

CHILD_BRACKETS = ("0", "1-2", "3", "4-6", "7-10", "11-14", "15-18", "19-20")
LUNCH_BRACKETS = ("0", "1-2", "3", "4-6")
LUNCH_MAX_AGE = int(LUNCH_BRACKETS[-1].split("-")[-1])
COMMON_SIZES = tuple(str(n) for n in range(1, 8))

STATUS_SV = {
    "official": "officiell",
    "municipal": "kommunal",
    "unverified": "ej verifierad",
    "unknown": "okänd",
    "convention": "beräkningskonvention",
}


class ParameterError(ValueError):
    """A parameter file is malformed; the message names the file and the key."""


# --------------------------------------------------------------------------- strict YAML


class _StrictLoader(yaml.SafeLoader):
    """SafeLoader that rejects duplicate mapping keys."""


def _construct_mapping(loader: _StrictLoader, node: yaml.MappingNode, deep: bool = False):
    loader.flatten_mapping(node)
    seen: dict[Any, int] = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=True)
        line = key_node.start_mark.line + 1
        if key in seen:
            raise ParameterError(
                f"duplicate key {key!r} on line {line} (first on line {seen[key]})"
            )
        seen[key] = line
    return yaml.SafeLoader.construct_mapping(loader, node, deep=deep)


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def read_yaml(path: Path) -> Any:
    """Parse a YAML file strictly; errors name the file."""
    try:
        with path.open(encoding="utf-8") as fh:
            return yaml.load(fh, Loader=_StrictLoader)  # noqa: S506 (strict SafeLoader)
    except ParameterError as err:
        raise ParameterError(f"{path}: {err}") from None
    except yaml.YAMLError as err:
        raise ParameterError(f"{path}: invalid YAML: {err}") from None


# --------------------------------------------------------------------------- file schemas


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


class RuleEntry(ValueEntry):
    description: str = Field(min_length=5)
    unit: str


class RiksnormSection(_Strict):
    barn: dict[str, ValueEntry]
    barn_lunch_forskola: dict[str, ValueEntry]
    ensamstaende: ValueEntry
    sambor: ValueEntry


class YearFile(_Strict):
    year: int
    valid_from: dt.date
    valid_to: dt.date
    sources: dict[str, SourceEntry]
    riksnorm: RiksnormSection
    gemensamma_hushallskostnader: dict[str, ValueEntry]
    tillagg_per_medlem_over_7: ValueEntry
    prisbasbelopp: ValueEntry
    forhojt_prisbasbelopp: ValueEntry


class LagrumEntry(_Strict):
    old: str | None = None
    new: str
    from_: dt.date | None = Field(default=None, alias="from")


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
    new_law_from: dt.date
    lagrum: dict[str, LagrumEntry]
    income_types: dict[str, IncomeTypeEntry]
    cost_types: dict[str, str]


def _loc(loc: tuple[Any, ...]) -> str:
    return ".".join(str(p) for p in loc)


def _validate(model: type[BaseModel], data: Any, path: Path) -> Any:
    try:
        return model.model_validate(data)
    except ValidationError as err:
        first = err.errors()[0]
        raise ParameterError(
            f"{path}: key {_loc(first['loc']) or '(top level)'}: {first['msg']}"
            + (f" ({len(err.errors())} errors in all)" if len(err.errors()) > 1 else "")
        ) from None


def _walk_values(data: BaseModel, prefix: str = ""):
    """Yield (key path, ValueEntry) for every value entry of a validated file."""
    for name in type(data).model_fields:
        item = getattr(data, name)
        key = f"{prefix}{name}"
        if isinstance(item, ValueEntry):
            yield key, item
        elif isinstance(item, BaseModel):
            yield from _walk_values(item, key + ".")
        elif isinstance(item, dict):
            for k, v in item.items():
                if isinstance(v, ValueEntry):
                    yield f"{key}.{k}", v


def _check_sources(path: Path, sources: dict[str, SourceEntry], entries) -> None:
    for key, entry in entries:
        for ref in (entry.source, *entry.corroborated_by):
            if ref not in sources:
                raise ParameterError(f"{path}: key {key}.source: unknown source {ref!r}")


# --------------------------------------------------------------------------- runtime objects


@dataclass(frozen=True, slots=True)
class Param:
    """One parameter value as used in a calculation (and shown in the trace)."""

    name: str
    value: int | None
    status: str
    source: str
    note: str | None = None

    @property
    def known(self) -> bool:
        return self.value is not None


def _param(name: str, entry: ValueEntry, sources: dict[str, SourceEntry]) -> Param:
    src = sources[entry.source].title
    if entry.corroborated_by:
        src += "; bekräftat av: " + "; ".join(sources[s].title for s in entry.corroborated_by)
    return Param(name, entry.value, entry.status, src, entry.note)


_BRACKET_RE = re.compile(r"^(\d+)(?:-(\d+))?$")


def _by_age(path: Path, key: str, table: dict[str, ValueEntry], expected: tuple[str, ...],
            sources, name: str) -> tuple[Param, ...]:
    if tuple(table) != expected:
        raise ParameterError(
            f"{path}: key {key}: expected the brackets {list(expected)} in that order, "
            f"got {list(table)}"
        )
    by_age: list[Param] = []
    for bracket, entry in table.items():
        m = _BRACKET_RE.match(bracket)
        assert m is not None  # the key set is fixed above
        lo, hi = int(m.group(1)), int(m.group(2) or m.group(1))
        p = _param(f"{name}.{bracket}", entry, sources)
        by_age.extend(p for _ in range(lo, hi + 1))
    return tuple(by_age)


@dataclass(frozen=True, slots=True)
class YearParameters:
    """The indexed parameters of one year."""

    year: int
    path: Path
    child_by_age: tuple[Param, ...]  # index = age in whole years, 0..20
    child_lunch_by_age: tuple[Param, ...]  # index = age, 0..6
    single: Param
    couple: Param
    common_by_size: tuple[Param, ...]  # index = household size, 1..7 (index 0 unused)
    extra_over_7: Param
    prisbasbelopp: Param
    forhojt_prisbasbelopp: Param

    def all_params(self) -> list[Param]:
        seen: dict[str, Param] = {}
        for p in (*self.child_by_age, *self.child_lunch_by_age, self.single, self.couple,
                  *self.common_by_size[1:], self.extra_over_7, self.prisbasbelopp,
                  self.forhojt_prisbasbelopp):
            seen.setdefault(p.name, p)
        return list(seen.values())


def load_year_file(path: Path) -> YearParameters:
    """Load and check one year file (uncached; see load_parameters)."""
    f: YearFile = _validate(YearFile, read_yaml(path), path)
    if path.stem != str(f.year):
        raise ParameterError(f"{path}: key year: {f.year} does not match the file name")
    if f.valid_from != dt.date(f.year, 1, 1) or f.valid_to != dt.date(f.year, 12, 31):
        raise ParameterError(f"{path}: key valid_from/valid_to: must cover the calendar year")
    _check_sources(path, f.sources, _walk_values(f))
    y = f.year
    child = _by_age(path, "riksnorm.barn", f.riksnorm.barn, CHILD_BRACKETS, f.sources,
                    f"riksnorm.barn.{y}")
    lunch = _by_age(path, "riksnorm.barn_lunch_forskola", f.riksnorm.barn_lunch_forskola,
                    LUNCH_BRACKETS, f.sources, f"riksnorm.barn_lunch_forskola.{y}")
    if tuple(f.gemensamma_hushallskostnader) != COMMON_SIZES:
        raise ParameterError(
            f"{path}: key gemensamma_hushallskostnader: expected the sizes "
            f"{list(COMMON_SIZES)} in that order, got {list(f.gemensamma_hushallskostnader)}"
        )
    common = [_param(f"gemensamma_hushallskostnader.{y}.{k}", e, f.sources)
              for k, e in f.gemensamma_hushallskostnader.items()]
    extra = _param(f"tillagg_per_medlem_over_7.{y}", f.tillagg_per_medlem_over_7, f.sources)
    six, seven = common[5].value, common[6].value
    if None not in (six, seven, extra.value) and extra.value != seven - six:
        raise ParameterError(
            f"{path}: key tillagg_per_medlem_over_7: {extra.value} is not the difference "
            f"between 7 and 6 members ({seven} - {six})"
        )
    return YearParameters(
        year=y,
        path=path,
        child_by_age=child,
        child_lunch_by_age=lunch,
        single=_param(f"riksnorm.ensamstaende.{y}", f.riksnorm.ensamstaende, f.sources),
        couple=_param(f"riksnorm.sambor.{y}", f.riksnorm.sambor, f.sources),
        common_by_size=(common[0], *common),
        extra_over_7=extra,
        prisbasbelopp=_param(f"prisbasbelopp.{y}", f.prisbasbelopp, f.sources),
        forhojt_prisbasbelopp=_param(f"forhojt_prisbasbelopp.{y}", f.forhojt_prisbasbelopp,
                                     f.sources),
    )


@dataclass(frozen=True, slots=True)
class IncomeType:
    key: str
    label: str
    counted: bool
    reason: str | None
    source: str
    topic: str


@dataclass(frozen=True, slots=True)
class Rules:
    path: Path
    params: dict[str, Param]
    new_law_from: dt.date
    lagrum: dict[str, LagrumEntry]
    income_types: dict[str, IncomeType]
    cost_types: dict[str, str]

    def value(self, name: str) -> int:
        v = self.params[name].value
        assert v is not None
        return v


REQUIRED_RULES = (
    "jobbstimulans_andel_procent",
    "jobbstimulans_manader_med_stod",
    "jobbstimulans_max_manader",
    "dagar_divisor",
    "skolungdom_fran_alder",
)
REQUIRED_LAGRUM = (
    "forsorjningsstod", "riksnorm", "riksnorm_over_7", "hushallsgemenskap",
    "skaliga_kostnader", "inkomst", "barns_inkomst", "jobbstimulans",
)
REQUIRED_COSTS = ("housing", "electricity", "work_travel", "home_insurance", "union_fee",
                  "unemployment_fund")


def load_rules_file(path: Path) -> Rules:
    """Load and check rules.yaml (uncached; see load_rules)."""
    f: RulesFile = _validate(RulesFile, read_yaml(path), path)
    _check_sources(path, f.sources, ((f"parameters.{k}", e) for k, e in f.parameters.items()))
    for name in REQUIRED_RULES:
        if name not in f.parameters:
            raise ParameterError(f"{path}: key parameters.{name}: missing")
        if f.parameters[name].value is None:
            raise ParameterError(
                f"{path}: key parameters.{name}: a rule parameter cannot be unknown")
    for name in REQUIRED_LAGRUM:
        if name not in f.lagrum:
            raise ParameterError(f"{path}: key lagrum.{name}: missing")
    for name, lr in f.lagrum.items():
        if lr.old is None and lr.from_ is None:
            raise ParameterError(f"{path}: key lagrum.{name}: without 'old' it needs 'from'")
    if tuple(f.cost_types) != REQUIRED_COSTS:
        raise ParameterError(f"{path}: key cost_types: expected {list(REQUIRED_COSTS)}")
    income_types = {}
    for key, it in f.income_types.items():
        if it.source not in f.sources:
            raise ParameterError(f"{path}: key income_types.{key}.source: unknown {it.source!r}")
        topic = it.topic or "inkomst"
        if topic not in f.lagrum:
            raise ParameterError(f"{path}: key income_types.{key}.topic: unknown {topic!r}")
        income_types[key] = IncomeType(key, it.label, it.counted, it.reason,
                                       f.sources[it.source].title, topic)
    if "salary" not in income_types:
        raise ParameterError(f"{path}: key income_types.salary: missing")
    params = {k: _param(k, e, f.sources) for k, e in f.parameters.items()}
    return Rules(path, params, f.new_law_from, dict(f.lagrum), income_types, dict(f.cost_types))


def available_years() -> tuple[int, ...]:
    return _available_years()


@cache
def _available_years() -> tuple[int, ...]:
    return tuple(sorted(int(p.stem) for p in PARAMETER_DIR.glob("[0-9][0-9][0-9][0-9].yaml")))


@cache
def load_parameters(year: int) -> YearParameters:
    """The parameters of one year, loaded, checked and indexed once (cached)."""
    path = PARAMETER_DIR / f"{year}.yaml"
    if not path.exists():
        raise ParameterError(f"{path}: no parameter file for {year}")
    return load_year_file(path)


@cache
def load_rules() -> Rules:
    return load_rules_file(PARAMETER_DIR / "rules.yaml")
