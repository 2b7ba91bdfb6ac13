"""The web app's settings: one object, a group per concern.

A deployment sets environment variables with the prefix ``BG_`` (the names in the README):
every field is named as its variable without the prefix (``security.api_token`` is
``BG_API_TOKEN``), so a grep finds both. ``get_settings()`` reads them once; tests and tools
build ``Settings(...)`` themselves and pass it to ``create_app`` (nothing read from the
environment then).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Self

from pydantic import BaseModel, ConfigDict, Field, SecretStr

ENV_PREFIX = "BG_"


class _Group(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Self:
        """The group from ``BG_<FIELD>`` variables (case-insensitive); others keep defaults."""
        env = {k.upper(): v for k, v in (os.environ if environ is None else environ).items()}
        return cls.model_validate({name: env[ENV_PREFIX + name.upper()]
                                   for name in cls.model_fields
                                   if ENV_PREFIX + name.upper() in env})


class RasaSettings(_Group):
    rasa_url: str = "http://127.0.0.1:5005"
    # Several Rasa replicas sharing one tracker store and one lock store: comma-separated base
    # URLs. Empty: the single server in rasa_url. See web/rasa_client.py for the routing.
    rasa_urls: str = ""
    # A replica that refused a connection is skipped for this long (then tried again).
    rasa_retry_seconds: float = 5.0
    # A calculation turn can run a search and a calculation in the action server.
    rasa_timeout_seconds: float = 60.0

    @property
    def replicas(self) -> list[str]:
        urls = [u.strip().rstrip("/") for u in self.rasa_urls.split(",") if u.strip()]
        return urls or [self.rasa_url.rstrip("/")]


class HealthSettings(_Group):
    action_server_url: str = "http://127.0.0.1:5055"
    health_timeout_seconds: float = 2.0


class ClusterSettings(_Group):
    # What the Rasa replicas share, checked by /health/ready and named in a 503 when it is
    # down: the lock store (redis://host:port/db) and the tracker store (an SQLAlchemy URL,
    # e.g. postgresql+psycopg://rasa@db/rasa). Unset: not checked (and web.lifecycle uses
    # endpoints.yml's SQLite file).
    redis_url: str | None = None
    tracker_db_url: str | None = None


class KnowledgeSettings(_Group):
    # None: the knowledge package's default index directory.
    index_dir: str | None = None


class SecuritySettings(_Group):
    """Access and limits (web/security.py)."""

    api_token: SecretStr | None = None
    trust_localhost: bool = True
    # Comma-separated origins allowed to call the API from another site; empty: CORS closed.
    cors_origins: str = ""
    # A chat message is at most 5 000 characters (≤ 20 000 bytes in UTF-8) plus JSON around it.
    max_body_bytes: int = 65_536

    @property
    def cors_origin_list(self) -> list[str]:
        return [o.strip() for o in self.cors_origins.split(",") if o.strip()]


class AuditSettings(_Group):
    """Where the audit trail goes (web/audit.py)."""

    audit_file: Path = Path("var/audit.jsonl")
    # When set (e.g. postgresql://audit@db/bistandsguiden): the shared, hash-chained table of
    # web.audit_chain instead of the file; every web replica writes to the same trail.
    audit_db_url: str | None = None


class LifecycleSettings(_Group):
    """Retention (web/lifecycle.py)."""

    retention_days: int = Field(90, ge=1)


class Settings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    rasa: RasaSettings = RasaSettings()
    health: HealthSettings = HealthSettings()
    cluster: ClusterSettings = ClusterSettings()
    knowledge: KnowledgeSettings = KnowledgeSettings()
    security: SecuritySettings = SecuritySettings()
    audit: AuditSettings = AuditSettings()
    lifecycle: LifecycleSettings = LifecycleSettings()

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        return cls(**{name: field.annotation.from_env(environ)  # type: ignore[union-attr]
                      for name, field in cls.model_fields.items()})

    def replace(self, **groups: dict[str, object]) -> Settings:
        """A copy with some fields of some groups changed: ``replace(audit={"audit_file": p})``."""
        return self.model_copy(update={
            name: getattr(self, name).model_copy(update=fields) for name, fields in groups.items()})


@lru_cache
def get_settings() -> Settings:
    return Settings.from_env()
