"""Settings from environment variables (prefix BG_), read once."""

from __future__ import annotations

from functools import lru_cache

from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="BG_")

    rasa_url: str = "http://127.0.0.1:5005"
    action_server_url: str = "http://127.0.0.1:5055"
    # None: the knowledge package's default index directory.
    index_dir: str | None = None
    health_timeout_seconds: float = 2.0
    # A calculation turn can run a search and a calculation in the action server.
    rasa_timeout_seconds: float = 60.0


@lru_cache
def get_settings() -> Settings:
    return Settings()
