"""Annotated dependencies of the routers (override them in tests with dependency_overrides)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

from fastapi import Depends, Request

from calculator import compute
from web.errors import ServiceUnavailableError
from web.rasa_client import RasaClient
from web.resources import Resources
from web.settings import Settings


def get_app_settings(request: Request) -> Settings:
    return request.app.state.settings


def get_resources(request: Request) -> Resources:
    resources = getattr(request.app.state, "resources", None)
    if resources is None:
        raise RuntimeError("web app started without its lifespan (use `with TestClient(app)`)")
    return resources


SettingsDep = Annotated[Settings, Depends(get_app_settings)]
ResourcesDep = Annotated[Resources, Depends(get_resources)]


def get_searcher(resources: ResourcesDep) -> Any:
    if resources.searcher is None:
        raise ServiceUnavailableError(
            resources.index_error or "Kunskapsindexet är inte laddat."
        )
    return resources.searcher


def get_calculate(resources: ResourcesDep) -> Callable[[dict[str, Any]], Any]:
    if resources.parameters_error:
        raise ServiceUnavailableError(resources.parameters_error)
    return compute


def get_rasa_client(resources: ResourcesDep) -> RasaClient:
    return resources.rasa


SearcherDep = Annotated[Any, Depends(get_searcher)]
CalculateDep = Annotated[Callable[[dict[str, Any]], Any], Depends(get_calculate)]
RasaDep = Annotated[RasaClient, Depends(get_rasa_client)]
