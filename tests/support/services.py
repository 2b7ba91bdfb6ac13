"""Start and stop the real Rasa server and the real action server on free loopback ports.

Used by the end-to-end tests. Every process is started in its own process group and is always
stopped, with its log kept for the failure message.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import yaml

ROOT = Path(__file__).resolve().parents[2]
VENV_PY = ROOT / ".venv" / "bin" / "python"
RASA = ROOT / ".venv-rasa" / "bin" / "rasa"
MODEL = ROOT / "models" / "bistandsguiden.tar.gz"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class ManagedProcess:
    name: str
    argv: list[str]
    log_path: Path
    health_url: str
    env: dict[str, str] = field(default_factory=dict)
    process: subprocess.Popen | None = None

    def start(self) -> ManagedProcess:
        env = {**os.environ, "RASA_TELEMETRY_ENABLED": "false", **self.env}
        log = self.log_path.open("ab")
        self.process = subprocess.Popen(
            self.argv, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL, start_new_session=True,
        )
        log.close()
        return self

    def log_tail(self, chars: int = 3000) -> str:
        try:
            return self.log_path.read_text(errors="replace")[-chars:]
        except OSError:
            return ""

    def wait_healthy(self, timeout_s: float = 240.0) -> None:
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if self.process is not None and self.process.poll() is not None:
                raise RuntimeError(f"{self.name} exited early:\n{self.log_tail()}")
            try:
                if httpx.get(self.health_url, timeout=2.0).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.5)
        raise TimeoutError(f"{self.name} not healthy after {timeout_s} s:\n{self.log_tail()}")

    def kill(self) -> None:
        """SIGKILL, as a crash or an out-of-memory kill would."""
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        try:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=5)
        except ProcessLookupError:
            pass


def action_server(workdir: Path, port: int | None = None) -> ManagedProcess:
    port = port or free_port()
    return ManagedProcess(
        name="action server",
        argv=[str(VENV_PY), "-m", "rasa_sdk", "--actions", "actions", "--port", str(port)],
        log_path=workdir / f"actions-{port}.log",
        health_url=f"http://127.0.0.1:{port}/health",
        env={"SANIC_HOST": "127.0.0.1"},
    )


def rasa_server(
    workdir: Path,
    action_port: int,
    port: int | None = None,
    tracker_store: dict | None = None,
    lock_store: dict | None = None,
) -> ManagedProcess:
    port = port or free_port()
    endpoints: dict = {"action_endpoint": {"url": f"http://127.0.0.1:{action_port}/webhook"}}
    if tracker_store:
        endpoints["tracker_store"] = tracker_store
    if lock_store:
        endpoints["lock_store"] = lock_store
    endpoints_path = workdir / f"endpoints-{port}.yml"
    endpoints_path.write_text(yaml.safe_dump(endpoints))
    return ManagedProcess(
        name="Rasa server",
        argv=[
            str(RASA), "run", "--enable-api", "--interface", "127.0.0.1", "--port", str(port),
            "--model", str(MODEL), "--endpoints", str(endpoints_path),
            "--credentials", str(ROOT / "assistant" / "credentials.yml"),
        ],
        log_path=workdir / f"rasa-{port}.log",
        health_url=f"http://127.0.0.1:{port}/status",
    )


@dataclass
class Stack:
    actions: ManagedProcess
    rasa: ManagedProcess

    @property
    def rasa_url(self) -> str:
        return self.rasa.health_url.removesuffix("/status")

    def send(self, sender: str, message: str) -> list[dict]:
        response = httpx.post(
            f"{self.rasa_url}/webhooks/rest/webhook",
            json={"sender": sender, "message": message},
            timeout=60.0,
        )
        response.raise_for_status()
        return response.json()

    def texts(self, sender: str, message: str) -> list[str]:
        return [m["text"] for m in self.send(sender, message) if "text" in m]

    def stop(self) -> None:
        for proc in (self.rasa, self.actions):
            proc.stop()


def start_stack(workdir: Path, make_rasa: Callable[..., ManagedProcess] = rasa_server) -> Stack:
    if not MODEL.exists():
        raise RuntimeError(f"No trained model at {MODEL}: run `make model` first.")
    actions = action_server(workdir).start()
    action_port = int(actions.health_url.rsplit(":", 1)[1].split("/")[0])
    rasa = make_rasa(workdir, action_port).start()
    stack = Stack(actions=actions, rasa=rasa)
    try:
        actions.wait_healthy(60)
        rasa.wait_healthy(300)
    except BaseException:
        stack.stop()
        raise
    return stack
