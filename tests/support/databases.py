"""A real PostgreSQL (initdb/pg_ctl) and a real Redis (redis-server) in a temporary folder on a
free loopback port, each with start() and stop() so that tests can take them away and bring
them back. Debian's packages, installed by `make postgres-deps` and `make redis-deps`."""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from tests.support.services import free_port


def postgres_bin() -> Path | None:
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), reverse=True)
    if candidates:
        return Path(candidates[0]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).resolve().parent if initdb else None


def redis_bin() -> str | None:
    return shutil.which("redis-server") or (
        "/usr/bin/redis-server" if os.path.exists("/usr/bin/redis-server") else None)


def _as_postgres_user(argv: list[str]) -> list[str]:
    # PostgreSQL refuses to run as root: run it as the `postgres` system user then.
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *argv]
    return argv


@dataclass
class PostgresServer:
    """initdb once in a temporary folder; start() and stop() as often as needed."""

    bindir: Path
    host: str = "127.0.0.1"
    user: str = "postgres"
    port: int = field(default_factory=free_port)
    base: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="bg-postgres-")))

    def __post_init__(self) -> None:
        if os.geteuid() == 0:
            shutil.chown(self.base, user="postgres", group="postgres")
        subprocess.run(
            _as_postgres_user([
                str(self.bindir / "initdb"), "-D", str(self.data), "-U", self.user,
                "--auth=trust", "-E", "UTF8", "--locale=C",
            ]),
            check=True, capture_output=True,
        )

    @property
    def data(self) -> Path:
        return self.base / "data"

    def start(self) -> PostgresServer:
        subprocess.run(
            _as_postgres_user([
                str(self.bindir / "pg_ctl"), "-D", str(self.data), "-l",
                str(self.base / "postgres.log"), "-w", "-t", "60", "start",
                "-o", f"-p {self.port} -k {self.base} -c listen_addresses={self.host}",
            ]),
            check=True, capture_output=True,
        )
        return self

    def stop(self) -> None:
        subprocess.run(
            _as_postgres_user([str(self.bindir / "pg_ctl"), "-D", str(self.data), "-m", "fast",
                               "-w", "stop"]),
            capture_output=True,
        )

    def remove(self) -> None:
        self.stop()
        time.sleep(0.2)
        shutil.rmtree(self.base, ignore_errors=True)

    def url(self, db: str = "postgres") -> str:
        return f"postgresql://{self.user}@{self.host}:{self.port}/{db}"

    def create_database(self, db: str) -> None:
        import psycopg

        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{db}"')

    def tracker_store(self, db: str, login_db: str | None = "postgres") -> dict:
        """The endpoints.yml `tracker_store` entry for Rasa: Rasa's own SQL store, which
        creates `db` via login_db; without login_db (the cluster, where the database is created
        first) the pre-pinging one of assistant/tracker_store.py."""
        entry = {
            "type": "SQL" if login_db else "assistant.tracker_store.PrePingSQLTrackerStore",
            "dialect": "postgresql", "url": self.host, "port": self.port,
            "username": self.user, "password": "", "db": db,
        }
        if login_db:
            entry["login_db"] = login_db
        return entry


@dataclass
class RedisServer:
    """redis-server without persistence in a temporary folder, on loopback only."""

    binary: str
    host: str = "127.0.0.1"
    port: int = field(default_factory=free_port)
    base: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="bg-redis-")))
    process: subprocess.Popen | None = None

    def start(self, timeout_s: float = 20.0) -> RedisServer:
        import redis

        log = (self.base / "redis.log").open("ab")
        self.process = subprocess.Popen(
            [self.binary, "--port", str(self.port), "--bind", self.host, "--dir",
             str(self.base), "--save", "", "--appendonly", "no", "--protected-mode", "yes"],
            stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
        log.close()
        deadline = time.monotonic() + timeout_s
        client = redis.Redis(host=self.host, port=self.port, socket_connect_timeout=1)
        while True:
            try:
                client.ping()
                return self
            except redis.RedisError:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("redis-server did not start:\n"
                                       + (self.base / "redis.log").read_text()[-2000:]) from None
                time.sleep(0.1)
            finally:
                client.close()

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)

    def remove(self) -> None:
        self.stop()
        shutil.rmtree(self.base, ignore_errors=True)

    @property
    def url(self) -> str:
        return f"redis://{self.host}:{self.port}/0"

    def lock_store(self) -> dict:
        """The endpoints.yml `lock_store` entry for Rasa (Rasa's Redis lock store with atomic
        ticket updates: assistant/lock_store.py)."""
        return {"type": "assistant.lock_store.AtomicRedisLockStore", "url": self.host,
                "port": self.port, "db": 0}
