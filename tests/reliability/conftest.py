"""Fixtures for the reliability tests: a real PostgreSQL server on a free loopback port."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.databases import PostgresServer, postgres_bin
from tests.support.services import free_port


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresServer]:
    """initdb + pg_ctl in a temporary folder on a free port; always stopped and removed."""
    bindir = postgres_bin()
    if bindir is None:
        message = (
            "PostgreSQL SKIPPED: no initdb/pg_ctl found (install Debian's `postgresql` "
            "package, e.g. `make postgres-deps` as root). The PostgreSQL tracker store was "
            "NOT tested."
        )
        print(f"\n*** {message} ***")
        pytest.skip(message)
    server = PostgresServer(bindir).start()
    try:
        yield server
    finally:
        server.remove()


# --------------------------------------------------------------------------- web app

LOCAL = ("127.0.0.1", 50000)
REMOTE = ("203.0.113.7", 40000)  # TEST-NET-3: never a real client


@pytest.fixture(scope="session")
def small_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A real index of the real corpus, embedded with the fast deterministic hash embedder."""
    from knowledge import build_index
    from knowledge.embedders import HashEmbedder

    index_dir = tmp_path_factory.mktemp("index")
    build_index(index_dir, embedder=HashEmbedder(), progress=False)
    return index_dir


@pytest.fixture
def audit_file(tmp_path: Path) -> Path:
    return tmp_path / "audit.jsonl"


@pytest.fixture
def web_settings(small_index: Path, audit_file: Path):
    from web.settings import (
        AuditSettings,
        HealthSettings,
        KnowledgeSettings,
        RasaSettings,
        Settings,
    )

    return Settings(
        knowledge=KnowledgeSettings(index_dir=str(small_index)),
        rasa=RasaSettings(rasa_url=f"http://127.0.0.1:{free_port()}", rasa_timeout_seconds=5.0),
        health=HealthSettings(action_server_url=f"http://127.0.0.1:{free_port()}",
                              health_timeout_seconds=1.0),
        audit=AuditSettings(audit_file=audit_file),
    )
