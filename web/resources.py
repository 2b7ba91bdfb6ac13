"""Heavy objects loaded once at start-up (lifespan): calculator parameters and the index.

A part that fails to load does not stop the app: /health reports it with the Swedish reason
and the endpoints that need it answer 503, while the rest keeps working.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

from calculator import available_years, load_rules
from calculator import load_parameters as load_year
from web.rasa_client import RasaClient
from web.settings import Settings

if TYPE_CHECKING:
    from knowledge import Searcher

log = logging.getLogger(__name__)


@dataclass
class Resources:
    rasa: RasaClient
    searcher: Searcher | None = None
    index_error: str | None = None
    parameter_years: tuple[int, ...] = ()
    parameters_error: str | None = None


def load_parameters() -> tuple[tuple[int, ...], str | None]:
    """Load and check every year's parameter file and the rules file once (they are cached)."""
    try:
        years = available_years()
        load_rules()
        for year in years:
            load_year(year)
    except Exception as exc:  # any failure is reported by /health, with its reason
        log.exception("parameters failed to load")
        return (), f"Parametrarna kunde inte läsas: {exc}"
    if not years:
        return (), "Det finns inga parameterfiler."
    return years, None


def load_searcher(settings: Settings) -> tuple[Searcher | None, str | None]:
    try:
        from knowledge import IndexMismatchError, Searcher
    except ImportError as exc:
        log.exception("knowledge package failed to import")
        return None, f"Kunskapsbasen kunde inte läsas in: {exc}"
    try:
        return Searcher.load(index_dir=settings.knowledge.index_dir), None
    except IndexMismatchError as exc:  # a Swedish message that says what to do
        log.error("knowledge index not loaded: %s", exc)
        return None, str(exc)
    except Exception as exc:  # anything else is reported by /health too
        log.exception("knowledge index failed to load")
        return None, f"Kunskapsindexet kunde inte läsas: {exc}"


def load_resources(settings: Settings) -> Resources:
    years, parameters_error = load_parameters()
    searcher, index_error = load_searcher(settings)
    return Resources(
        rasa=RasaClient(settings.rasa.replicas, timeout_s=settings.rasa.rasa_timeout_seconds,
                        retry_s=settings.rasa.rasa_retry_seconds),
        searcher=searcher,
        index_error=index_error,
        parameter_years=years,
        parameters_error=parameters_error,
    )
