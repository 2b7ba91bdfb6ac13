"""The parameters as a calculation uses them: checked, indexed by age and size, dated.

``load_year_file`` and ``load_rules_file`` read a file (see ``schema``), check what spans keys
(brackets in order, sources that exist, the amount over seven members) and build the runtime
objects; the calculation's hot path then only does tuple and dict look-ups.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ValidationError

from .schema import DatedText, RulesFile, SourceEntry, ValueEntry, YearFile
from .yamlfile import ParameterError, read_yaml

T = TypeVar("T")

CHILD_BRACKETS = ("0", "1-2", "3", "4-6", "7-10", "11-14", "15-18", "19-20")
LUNCH_BRACKETS = ("0", "1-2", "3", "4-6")
LUNCH_MAX_AGE = int(LUNCH_BRACKETS[-1].split("-")[-1])
COMMON_SIZES = tuple(str(n) for n in range(1, 8))


@dataclass(frozen=True, slots=True)
class Param:
    """One parameter value as used in a calculation (and shown in the trace)."""

    name: str
    value: int | None
    status: str
    source: str
    note: str | None = None
    # how a warning names it ("Riksnormen för barn 1-2 år 2024"); derived from the name
    label: str = field(default="", compare=False)

    @property
    def known(self) -> bool:
        return self.value is not None


# --------------------------------------------------------------------------- checking a file


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


def _walk_values(data: BaseModel, prefix: str = "") -> Iterator[tuple[str, ValueEntry]]:
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


def _param(name: str, entry: ValueEntry, sources: dict[str, SourceEntry],
           label: str | None = None) -> Param:
    src = sources[entry.source].title
    if entry.corroborated_by:
        src += "; bekräftat av: " + "; ".join(sources[s].title for s in entry.corroborated_by)
    return Param(name, entry.value, entry.status, src, entry.note, label or name)


# --------------------------------------------------------------------------- a year


@dataclass(frozen=True, slots=True)
class YearParameters:
    """The indexed parameters of one year (valid from 1 January to 31 December)."""

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
        """Every value of the year once, in the order of the fields above."""
        seen: dict[str, Param] = {}
        for f in fields(self):
            item = getattr(self, f.name)
            for p in item if isinstance(item, tuple) else (item,):
                if isinstance(p, Param):
                    seen.setdefault(p.name, p)
        return list(seen.values())


class _YearReader:
    """Builds the Params of one validated year file; names and labels follow the file's keys
    ("riksnorm.barn.2024.1-2", "Riksnormen för barn 1-2 år 2024")."""

    def __init__(self, path: Path, f: YearFile) -> None:
        self.path, self.f, self.y = path, f, f.year

    def _label(self, section: type[BaseModel], key: str, bracket: str = "") -> str:
        template = section.model_fields[key].description or key
        return template.format(bracket=bracket) + f" {self.y}"

    def scalar(self, section: type[BaseModel], key: str, entry: ValueEntry,
               prefix: str = "") -> Param:
        return _param(f"{prefix}{key}.{self.y}", entry, self.f.sources, self._label(section, key))

    def table(self, section: type[BaseModel], key: str, table: dict[str, ValueEntry],
              expected: tuple[str, ...], prefix: str = "", what: str = "brackets"
              ) -> list[Param]:
        """One Param per bracket (in the order the file must list them)."""
        if tuple(table) != expected:
            raise ParameterError(
                f"{self.path}: key {prefix}{key}: expected the {what} {list(expected)} in that "
                f"order, got {list(table)}"
            )
        return [_param(f"{prefix}{key}.{self.y}.{b}", e, self.f.sources,
                       self._label(section, key, b)) for b, e in table.items()]


_BRACKET_RE = re.compile(r"^(\d+)(?:-(\d+))?$")


def _by_age(params: list[Param]) -> tuple[Param, ...]:
    """Bracket Params spread over the ages they cover: index = age in whole years."""
    by_age: list[Param] = []
    for p in params:
        m = _BRACKET_RE.match(p.name.rsplit(".", 1)[-1])
        assert m is not None  # the brackets are fixed by the reader
        lo, hi = int(m.group(1)), int(m.group(2) or m.group(1))
        by_age.extend(p for _ in range(lo, hi + 1))
    return tuple(by_age)


def load_year_file(path: Path) -> YearParameters:
    """Load and check one year file (uncached; see calculator.params.load_parameters)."""
    f: YearFile = _validate(YearFile, read_yaml(path), path)
    if path.stem != str(f.year):
        raise ParameterError(f"{path}: key year: {f.year} does not match the file name")
    if f.valid_from != dt.date(f.year, 1, 1) or f.valid_to != dt.date(f.year, 12, 31):
        raise ParameterError(f"{path}: key valid_from/valid_to: must cover the calendar year")
    _check_sources(path, f.sources, _walk_values(f))
    r, rn = _YearReader(path, f), f.riksnorm
    R, Y = type(rn), YearFile  # noqa: N806 (the schema classes that describe each key)
    child = r.table(R, "barn", rn.barn, CHILD_BRACKETS, "riksnorm.")
    lunch = r.table(R, "barn_lunch_forskola", rn.barn_lunch_forskola, LUNCH_BRACKETS,
                    "riksnorm.")
    common = r.table(Y, "gemensamma_hushallskostnader", f.gemensamma_hushallskostnader,
                     COMMON_SIZES, what="sizes")
    extra = r.scalar(Y, "tillagg_per_medlem_over_7", f.tillagg_per_medlem_over_7)
    six, seven = common[5].value, common[6].value
    if None not in (six, seven, extra.value) and extra.value != seven - six:
        raise ParameterError(
            f"{path}: key tillagg_per_medlem_over_7: {extra.value} is not the difference "
            f"between 7 and 6 members ({seven} - {six})"
        )
    return YearParameters(
        year=f.year,
        path=path,
        child_by_age=_by_age(child),
        child_lunch_by_age=_by_age(lunch),
        single=r.scalar(R, "ensamstaende", rn.ensamstaende, "riksnorm."),
        couple=r.scalar(R, "sambor", rn.sambor, "riksnorm."),
        common_by_size=(common[0], *common),
        extra_over_7=extra,
        prisbasbelopp=r.scalar(Y, "prisbasbelopp", f.prisbasbelopp),
        forhojt_prisbasbelopp=r.scalar(Y, "forhojt_prisbasbelopp", f.forhojt_prisbasbelopp),
    )


# --------------------------------------------------------------------------- rules.yaml


@dataclass(frozen=True, slots=True)
class Dated(Generic[T]):
    """A value that changes on given dates (OpenFisca's dated values): each applies from its
    date until the next one. Before the first date there is none."""

    values: tuple[tuple[dt.date, T], ...]  # ascending by date, at least one

    @property
    def first(self) -> tuple[dt.date, T]:
        return self.values[0]

    def index_at(self, day: dt.date) -> int | None:
        found = None
        for i, (start, _) in enumerate(self.values):
            if start <= day:
                found = i
        return found

    def at(self, day: dt.date) -> T | None:
        i = self.index_at(day)
        return None if i is None else self.values[i][1]

    def cited(self: Dated[str], day: dt.date) -> str:
        """The text to cite for ``day``: the one in force (or, before the first date, the first
        one); an older text says when it ended and what replaced it."""
        i = self.index_at(day) or 0
        text = self.values[i][1]
        if i == len(self.values) - 1:
            return text
        ended = self.values[i + 1][0] - dt.timedelta(days=1)
        return f"{text} (gällde t.o.m. {ended.isoformat()}; motsvaras nu av {self.values[-1][1]})"


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
    law: Dated[str]  # which socialtjänstlag applies
    lagrum: dict[str, Dated[str]]  # the legal basis per topic
    income_types: dict[str, IncomeType]
    cost_types: dict[str, str]

    def value(self, name: str) -> int:
        v = self.params[name].value
        assert v is not None
        return v

    def lagrum_at(self, day: dt.date) -> dict[str, str]:
        """Every topic's legal basis as cited for a calculation month starting on ``day``."""
        return {topic: dated.cited(day) for topic, dated in self.lagrum.items()}


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


def _dated(path: Path, key: str, values: DatedText) -> Dated[str]:
    if not values:
        raise ParameterError(f"{path}: key {key}: needs at least one dated value")
    if list(values) != sorted(values):
        raise ParameterError(f"{path}: key {key}: the dates must be in ascending order")
    return Dated(tuple(values.items()))


def load_rules_file(path: Path) -> Rules:
    """Load and check rules.yaml (uncached; see calculator.params.load_rules)."""
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
    lagrum = {name: _dated(path, f"lagrum.{name}", v) for name, v in f.lagrum.items()}
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
    return Rules(path, params, _dated(path, "law", f.law), lagrum, income_types,
                 dict(f.cost_types))
