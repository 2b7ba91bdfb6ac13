"""Parameters as data: the dated, sourced YAML files in calculator/parameters/.

    yamlfile  the strict YAML reader (duplicate keys and bad YAML name the file)
    schema    the shape of a year file and of rules.yaml
    index     checked runtime objects: Param, YearParameters (by age and size), Rules
              (rule parameters, the law and the legal references by date, the catalogue)

This module owns the folder and loads every file once (cached).
"""

from __future__ import annotations

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
    "clear_caches", "load_year_file", "read_yaml", "rules_file", "year_file",
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


def clear_caches() -> None:
    """Forget every loaded file (for tests that point PARAMETER_DIR elsewhere)."""
    for cached in (_available_years, load_parameters, load_rules):
        cached.cache_clear()
