"""The cluster topology on one machine: PostgreSQL (Rasa's tracker store and the shared audit
trail), Redis (Rasa's lock store), one action server, N Rasa replicas and the web app spreading
conversations over them. Every server on its own free 127.0.0.1 port, data in a temporary
folder. Used by the cluster tests (tests/cluster), the load benchmark and `make cluster`:

    .venv/bin/python -m tests.support.cluster --replicas 2     # prints the address; Ctrl-C stops

In production the same parts run on separate machines or containers (README, "Several Rasa
servers").
"""

from __future__ import annotations

import shutil
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import typer

from tests.support.databases import PostgresServer, RedisServer, postgres_bin, redis_bin
from tests.support.services import (
    MODEL,
    ROOT,
    ManagedProcess,
    action_server,
    free_port,
    rasa_server,
)

TRACKER_DB = "rasa"
AUDIT_DB = "audit"


@dataclass
class Cluster:
    workdir: Path
    postgres: PostgresServer
    redis: RedisServer
    actions: ManagedProcess
    replicas: list[ManagedProcess]
    web: ManagedProcess | None = None
    extra_env: dict[str, str] = field(default_factory=dict)

    @property
    def rasa_urls(self) -> list[str]:
        return [r.health_url.removesuffix("/status") for r in self.replicas]

    @property
    def action_url(self) -> str:
        return self.actions.health_url.removesuffix("/health")

    @property
    def web_url(self) -> str:
        assert self.web is not None
        return self.web.health_url.removesuffix("/health/ready")

    @property
    def tracker_db_url(self) -> str:
        return self.postgres.url(TRACKER_DB)

    @property
    def audit_db_url(self) -> str:
        return self.postgres.url(AUDIT_DB)

    def web_env(self) -> dict[str, str]:
        """The web app's settings for this cluster (the same variables as in production)."""
        return {
            "BG_RASA_URLS": ",".join(self.rasa_urls),
            "BG_ACTION_SERVER_URL": self.action_url,
            "BG_REDIS_URL": self.redis.url,
            "BG_TRACKER_DB_URL": self.tracker_db_url,
            "BG_AUDIT_DB_URL": self.audit_db_url,
            "BG_AUDIT_FILE": str(self.workdir / "audit-unused.jsonl"),
            **self.extra_env,
        }

    def start_web(self, workers: int = 1) -> ManagedProcess:
        port = free_port()
        self.web = ManagedProcess(
            name="web app",
            argv=[str(ROOT / ".venv" / "bin" / "uvicorn"), "web.app:app", "--host", "127.0.0.1",
                  "--port", str(port), "--log-level", "warning", "--workers", str(workers)],
            log_path=self.workdir / "web.log",
            health_url=f"http://127.0.0.1:{port}/health/ready",
            env=self.web_env(),
        ).start()
        self.web.wait_healthy(180)
        return self.web

    def stop(self) -> None:
        for process in [self.web, *self.replicas, self.actions]:
            if process is not None:
                process.stop()
        self.redis.remove()
        self.postgres.remove()


def start_cluster(workdir: Path, replicas: int = 2, web: bool = True,
                  web_workers: int = 1) -> Cluster:
    """Start everything and wait until the web app is ready; stop what started on failure."""
    if not MODEL.exists():
        raise RuntimeError(f"No trained model at {MODEL}: run `make model` first.")
    bindir, redis_binary = postgres_bin(), redis_bin()
    if bindir is None or redis_binary is None:
        raise RuntimeError("The cluster needs Debian's postgresql and redis-server: run "
                           "`make postgres-deps redis-deps` as root.")
    postgres = PostgresServer(bindir).start()
    redis = RedisServer(redis_binary)
    cluster = Cluster(workdir, postgres, redis.start(), action_server(workdir).start(), [])
    try:
        # Created before any replica starts: two replicas creating it at once would race.
        postgres.create_database(TRACKER_DB)
        postgres.create_database(AUDIT_DB)
        action_port = int(cluster.action_url.rsplit(":", 1)[1])
        for _ in range(replicas):
            cluster.replicas.append(rasa_server(
                workdir, action_port, tracker_store=postgres.tracker_store(TRACKER_DB, None),
                lock_store=redis.lock_store()))
        cluster.actions.wait_healthy(60)
        # The first replica creates the tracker store's tables; the others start together.
        cluster.replicas[0].start().wait_healthy(300)
        for replica in cluster.replicas[1:]:
            replica.start()
        for replica in cluster.replicas[1:]:
            replica.wait_healthy(300)
        if web:
            cluster.start_web(web_workers)
    except BaseException:
        cluster.stop()
        raise
    return cluster


def main(replicas: int = typer.Option(2, help="Rasa replicas"),
         web_workers: int = typer.Option(1, help="uvicorn workers of the web app")) -> None:
    workdir = Path(tempfile.mkdtemp(prefix="bg-cluster-"))
    started = time.monotonic()
    print(f"Startar PostgreSQL, Redis, actionservern, {replicas} Rasa-repliker och webbappen "
          f"(loggar i {workdir}) …", flush=True)
    cluster = start_cluster(workdir, replicas, web_workers=web_workers)
    try:
        print(f"Klustret är redo efter {time.monotonic() - started:.0f} s: öppna "
              f"{cluster.web_url}/  (Ctrl-C stoppar)", flush=True)
        for name, value in cluster.web_env().items():
            print(f"  {name}={value}")
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
    finally:
        cluster.stop()
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    typer.run(main)
