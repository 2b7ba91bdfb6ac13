"""Fixtures for the reliability tests: a real PostgreSQL server on a free loopback port."""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.support.services import free_port


@dataclass(frozen=True)
class Postgres:
    host: str
    port: int
    user: str

    def tracker_store(self, db: str) -> dict:
        """The endpoints.yml `tracker_store` entry for Rasa (it creates `db` via login_db)."""
        return {
            "type": "SQL",
            "dialect": "postgresql",
            "url": self.host,
            "port": self.port,
            "username": self.user,
            "password": "",
            "db": db,
            "login_db": "postgres",
        }


def _postgres_bin() -> Path | None:
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), reverse=True)
    if candidates:
        return Path(candidates[0]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).resolve().parent if initdb else None


def _as_postgres_user(argv: list[str]) -> list[str]:
    # PostgreSQL refuses to run as root: run it as the `postgres` system user then.
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *argv]
    return argv


@pytest.fixture(scope="session")
def postgres() -> Iterator[Postgres]:
    """initdb + pg_ctl in a temporary folder on a free port; always stopped and removed."""
    bindir = _postgres_bin()
    if bindir is None:
        message = (
            "PostgreSQL SKIPPED: no initdb/pg_ctl found (install Debian's `postgresql` "
            "package, e.g. `make postgres-deps` as root). The PostgreSQL tracker store was "
            "NOT tested."
        )
        print(f"\n*** {message} ***")
        pytest.skip(message)
    base = Path(tempfile.mkdtemp(prefix="bg-postgres-"))
    if os.geteuid() == 0:
        shutil.chown(base, user="postgres", group="postgres")
    data, log = base / "data", base / "postgres.log"
    port = free_port()
    pg_ctl = str(bindir / "pg_ctl")
    subprocess.run(
        _as_postgres_user([
            str(bindir / "initdb"), "-D", str(data), "-U", "postgres", "--auth=trust",
            "-E", "UTF8", "--locale=C",
        ]),
        check=True, capture_output=True,
    )
    subprocess.run(
        _as_postgres_user([
            pg_ctl, "-D", str(data), "-l", str(log), "-w", "-t", "60", "start",
            "-o", f"-p {port} -k {base} -c listen_addresses=127.0.0.1",
        ]),
        check=True, capture_output=True,
    )
    try:
        yield Postgres(host="127.0.0.1", port=port, user="postgres")
    finally:
        subprocess.run(
            _as_postgres_user([pg_ctl, "-D", str(data), "-m", "fast", "-w", "stop"]),
            capture_output=True,
        )
        time.sleep(0.2)
        shutil.rmtree(base, ignore_errors=True)


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
def web_settings(small_index: Path):
    from web.settings import Settings

    return Settings(
        index_dir=str(small_index),
        rasa_url=f"http://127.0.0.1:{free_port()}",
        action_server_url=f"http://127.0.0.1:{free_port()}",
        health_timeout_seconds=1.0,
        rasa_timeout_seconds=5.0,
    )


@pytest.fixture
def audit_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "audit.jsonl"
    monkeypatch.setenv("BG_AUDIT_FILE", str(path))
    return path
