from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from knowledge import build_index
from knowledge.embedders import HashEmbedder
from tests.support.services import free_port
from web.app import create_app
from web.settings import AuditSettings, HealthSettings, KnowledgeSettings, RasaSettings, Settings


@pytest.fixture(scope="session")
def small_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A real index of the real corpus, embedded with the fast deterministic hash embedder."""
    index_dir = tmp_path_factory.mktemp("index")
    build_index(index_dir, embedder=HashEmbedder(), progress=False)
    return index_dir


def dead_url() -> str:
    """A loopback address where nothing listens."""
    return f"http://127.0.0.1:{free_port()}"


@pytest.fixture
def settings(small_index: Path, tmp_path: Path) -> Settings:
    return Settings(
        knowledge=KnowledgeSettings(index_dir=str(small_index)),
        rasa=RasaSettings(rasa_url=dead_url(), rasa_timeout_seconds=5.0),
        health=HealthSettings(action_server_url=dead_url(), health_timeout_seconds=1.0),
        audit=AuditSettings(audit_file=tmp_path / "audit.jsonl"),
    )


@pytest.fixture
def client(settings: Settings) -> Iterator[TestClient]:
    # From this machine: the security guard lets loopback clients in without a token.
    with TestClient(create_app(settings), client=("127.0.0.1", 50000)) as test_client:
        yield test_client
