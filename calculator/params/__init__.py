"""Parameters as data: the dated, sourced YAML files in calculator/parameters/.

    yamlfile  the strict YAML reader (duplicate keys and bad YAML name the file)
    schema    the shape of a year file and of rules.yaml
    index     checked runtime objects: Param, YearParameters (by age and size), Rules
              (rule parameters, the law and the legal references by date, the catalogue)

This module owns the folder and loads every file once (cached). A year file holds one year's
amounts side by side, as the annual table is published; ``history(key)`` reads one amount
across the years by date (``python -m calculator history riksnorm.sambor``).
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path

from .index import (
    CHILD_BRACKETS,
    COMMON_SIZES,
    LUNCH_BRACKETS,
    LUNCH_MAX_AGE,
    Dated,
    IncomeType,
    Param,
    Rules,
    YearParameters,
    load_rules_file,
    load_year_file,
)
from .schema import STATUS_SV, Status
from .yamlfile import ParameterError, read_yaml

PARAMETER_DIR = Path(__file__).parent.parent / "parameters"

__all__ = [
    "CHILD_BRACKETS", "COMMON_SIZES", "LUNCH_BRACKETS", "LUNCH_MAX_AGE", "PARAMETER_DIR",
    "STATUS_SV", "Dated", "IncomeType", "Param", "ParameterError", "Rules", "Status",
    "YearParameters", "available_years", "load_parameters", "load_rules", "load_rules_file",
    "clear_caches", "history", "key_of", "keys", "load_year_file", "read_yaml", "rules_file",
    "year_file",
]


def year_file(year: int) -> Path:
    """The parameter file of one year (it may not exist)."""
    return PARAMETER_DIR / f"{year}.yaml"


def rules_file() -> Path:
    return PARAMETER_DIR / "rules.yaml"


def available_years() -> tuple[int, ...]:
    return _available_years()


@cache
def _available_years() -> tuple[int, ...]:
    return tuple(sorted(int(p.stem) for p in PARAMETER_DIR.glob("[0-9][0-9][0-9][0-9].yaml")))


@cache
def load_parameters(year: int) -> YearParameters:
    """The parameters of one year, loaded, checked and indexed once (cached)."""
    path = year_file(year)
    if not path.exists():
        raise ParameterError(f"{path}: no parameter file for {year}")
    return load_year_file(path)


@cache
def load_rules() -> Rules:
    return load_rules_file(rules_file())


def key_of(p: Param) -> str:
    """A year's parameter without its year: "riksnorm.barn.2024.1-2" → "riksnorm.barn.1-2"."""
    parts = p.name.split(".")
    return ".".join(part for part in parts if not (len(part) == 4 and part.isdigit()))


@cache
def history(key: str) -> Dated[Param]:
    """One amount of the year files read by date: its value, source and status from the first
    day of each year that has it ("riksnorm.ensamstaende", "gemensamma_hushallskostnader.3")."""
    dated = tuple((dt.date(year, 1, 1), p) for year in available_years()
                  for p in load_parameters(year).all_params() if key_of(p) == key)
    if not dated:
        raise KeyError(f"no parameter {key!r} in the year files")
    return Dated(dated)


def keys() -> list[str]:
    """Every amount of the year files, as history() names it."""
    return list(dict.fromkeys(key_of(p) for year in available_years()
                              for p in load_parameters(year).all_params()))


def clear_caches() -> None:
    """Forget every loaded file (for tests that point PARAMETER_DIR elsewhere)."""
    for cached in (_available_years, load_parameters, load_rules, history):
        cached.cache_clear()
