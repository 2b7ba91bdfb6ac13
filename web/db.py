"""SQLAlchemy engines for the databases the web app reads or writes: the shared audit trail,
and (for readiness and the lifecycle commands) Rasa's tracker store.

One engine per URL and process. ``postgresql://`` URLs use psycopg 3 (the driver SQLAlchemy
2 would otherwise look for is psycopg2, which is not installed in this runtime).
"""

from __future__ import annotations

from functools import lru_cache

from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url

CONNECT_TIMEOUT_S = 3


def normalise(url: str) -> str:
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url.removeprefix(prefix)
    return url


def shown(url: str) -> str:
    """The URL without its password, for health bodies and messages."""
    return make_url(normalise(url)).render_as_string(hide_password=True)


@lru_cache(maxsize=16)
def engine_for(url: str) -> Engine:
    url = normalise(url)
    connect_args = {"connect_timeout": CONNECT_TIMEOUT_S} if url.startswith("postgresql") else {}
    return create_engine(url, pool_pre_ping=True, connect_args=connect_args)


def ping(url: str) -> None:
    """Raise when the database cannot run ``SELECT 1``."""
    with engine_for(url).connect() as conn:
        conn.execute(text("SELECT 1"))
