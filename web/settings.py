"""Settings from environment variables (prefix BG_), read once."""

from __future__ import annotations

from functools import lru_cache

from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="BG_")

    rasa_url: str = "http://127.0.0.1:5005"
    # Several Rasa replicas sharing one tracker store and one lock store: comma-separated base
    # URLs. Empty: the single server in rasa_url. See web/rasa_client.py for the routing.
    rasa_urls: str = ""
    # A replica that refused a connection is skipped for this long (then tried again).
    rasa_retry_seconds: float = 5.0
    action_server_url: str = "http://127.0.0.1:5055"
    # None: the knowledge package's default index directory.
    index_dir: str | None = None
    health_timeout_seconds: float = 2.0
    # A calculation turn can run a search and a calculation in the action server.
    rasa_timeout_seconds: float = 60.0
    # What the Rasa replicas share, checked by /health/ready and named in a 503 when it is
    # down: the lock store (redis://host:port/db) and the tracker store (an SQLAlchemy URL,
    # e.g. postgresql+psycopg://rasa@db/rasa). Unset: not checked.
    redis_url: str | None = None
    tracker_db_url: str | None = None

    @property
    def rasa_replicas(self) -> list[str]:
        urls = [u.strip().rstrip("/") for u in self.rasa_urls.split(",") if u.strip()]
        return urls or [self.rasa_url.rstrip("/")]


@lru_cache
def get_settings() -> Settings:
    return Settings()
