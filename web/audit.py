"""The audit trail: one JSON line per answered question and per calculation.

Written by the web layer for ``POST /api/v1/search``, ``POST /api/v1/calculate`` and for chat
replies that carry citations or a calculation, so that a result can be explained later: what
was asked (with personal identity numbers removed), what was answered, which corpus version
(the index manifest's hashes) and which parameter files (year file and rules file, by SHA-256)
were used.

Never in the file: personal identity numbers (every text goes through :func:`web.pii.redact`),
the conversation id in clear (only a SHA-256 prefix, enough to find the Rasa tracker from it by
hashing the candidates), client addresses or tokens. Not detected: names typed into free text;
the chat page asks caseworkers not to write them.

The file is ``BG_AUDIT_FILE`` (default ``var/audit.jsonl``, git-ignored), appended to. With
several web replicas set ``BG_AUDIT_DB_URL`` instead: one shared, append-only, hash-chained
table (:mod:`web.audit_chain`). Retention (``python -m web.lifecycle retention``) deletes the
oldest records of either.
"""

from __future__ import annotations

import hashlib
import json
import logging
import threading
import uuid
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from fastapi import BackgroundTasks, FastAPI, Request
from fastapi.concurrency import run_in_threadpool

from calculator import params
from web.audit_chain import ChainedAuditLog
from web.pii import redact
from web.settings import AuditSettings

log = logging.getLogger(__name__)

CORPUS_KEYS = ("corpus_hash", "sources_hash", "embedder", "format", "built_at")


def conversation_ref(sender_id: str) -> str:
    return hashlib.sha256(sender_id.encode("utf-8")).hexdigest()[:16]


def scrub(value: Any) -> Any:
    """A copy of ``value`` with personal identity numbers removed from every string."""
    if isinstance(value, str):
        return redact(value).text
    if isinstance(value, dict):
        return {scrub(k): scrub(v) for k, v in value.items()}
    if isinstance(value, list):
        return [scrub(v) for v in value]
    return value


@lru_cache(maxsize=64)
def _file_sha256(path: Path, mtime_ns: int) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _sha256_of(path: Path) -> str | None:
    try:
        return _file_sha256(path, path.stat().st_mtime_ns)
    except OSError:
        return None


def parameter_versions(year: Any) -> dict[str, Any]:
    """Which parameter files a calculation for ``year`` used, identified by content hash."""
    year_path, rules_path = params.year_file(year), params.rules_file()
    return {
        "year": year,
        "file": _shown(year_path),
        "sha256": _sha256_of(year_path),
        "rules_file": _shown(rules_path),
        "rules_sha256": _sha256_of(rules_path),
    }


def _shown(path: Path) -> str:
    """A parameter file as the record names it: calculator/parameters/2024.yaml."""
    return f"calculator/{params.PARAMETER_DIR.name}/{path.name}"


def corpus_version(app: Any) -> dict[str, Any] | None:
    resources = getattr(getattr(app, "state", None), "resources", None)
    searcher = getattr(resources, "searcher", None)
    manifest = getattr(searcher, "manifest", None)
    if not isinstance(manifest, dict):
        return None
    version = {k: manifest.get(k) for k in CORPUS_KEYS}
    currency = getattr(searcher, "currency", None)  # data/sosfs_currency.yaml, read at load
    version["currency_notes"] = getattr(currency, "sha", None)
    return version


def _hit_ref(hit: dict[str, Any]) -> dict[str, Any]:
    keys = ("citation", "document", "document_status", "section", "page", "score")
    ref = {k: hit.get(k) for k in keys if k in hit}
    currency = hit.get("currency")
    if isinstance(currency, dict):  # what the caseworker was told about SOSFS 2013:1
        ref["currency"] = {k: currency.get(k) for k in ("status", "checked")}
    return ref


class AuditLog:
    """Appends JSON lines; one lock per process, one write call per line."""

    db_url: str | None = None

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()

    def write(self, record: dict[str, Any]) -> None:
        line = json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n"
        with self._lock:
            # created on the first record, not when the app is built (importing web.app
            # must not create folders)
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self.path.open("a", encoding="utf-8") as out:
                out.write(line)

    def records(self) -> list[dict[str, Any]]:
        if not self.path.exists():
            return []
        return [json.loads(line) for line in self.path.read_text(encoding="utf-8").splitlines()
                if line.strip()]

    def delete_older_than(self, cutoff: datetime) -> int:
        """Retention for the file: keep the lines from ``cutoff`` on (rewritten atomically)."""
        with self._lock:
            if not self.path.exists():
                return 0
            lines = self.path.read_text(encoding="utf-8").splitlines(keepends=True)
            keep = [line for line in lines
                    if line.strip() and datetime.fromisoformat(json.loads(line)["ts"]) >= cutoff]
            if len(keep) == len(lines):
                return 0
            fresh = self.path.with_name(self.path.name + ".tmp")
            fresh.write_text("".join(keep), encoding="utf-8")
            fresh.replace(self.path)
            return len(lines) - len(keep)


def build_record(kind: str, request: Any, response: Any, app: Any) -> dict[str, Any] | None:
    """The audit record for one successful call, or None when there is nothing to record."""
    base: dict[str, Any] = {
        "ts": datetime.now(UTC).isoformat(timespec="milliseconds"),
        "id": uuid.uuid4().hex,
        "kind": kind,
    }
    if not isinstance(request, dict) or not isinstance(response, dict):
        return None
    if kind == "search":
        return {
            **base,
            "question": scrub(request.get("question")),
            "top_k": request.get("top_k"),
            "answered": response.get("answered"),
            "hits": [_hit_ref(h) for h in response.get("hits", []) if isinstance(h, dict)],
            "corpus": corpus_version(app),
        }
    if kind == "calculate":
        return {
            **base,
            "input": scrub(request),
            "result": scrub(response),
            "parameters": parameter_versions(response.get("year")),
        }
    if kind == "chat":
        messages = [m for m in response.get("messages", []) if isinstance(m, dict)]
        citations = [c for m in messages for c in m.get("citations") or []
                     if isinstance(c, dict)]
        calculations = [m["calculation"] for m in messages
                        if isinstance(m.get("calculation"), dict)]
        # a what-if comparison: each scenario's input and result
        comparisons = [m["comparison"] for m in messages if isinstance(m.get("comparison"), dict)]
        if not citations and not calculations and not comparisons:
            return None
        message = request.get("message")
        redaction = redact(message) if isinstance(message, str) else None
        sender = request.get("sender_id")
        record = {
            **base,
            "conversation": conversation_ref(sender) if isinstance(sender, str) else None,
            "message": redaction.text if redaction else None,
            "personnummer_removed": redaction.removed if redaction else 0,
            "replies": [scrub(m.get("text")) for m in messages],
            "citations": [_hit_ref(c) for c in citations],
            "calculations": scrub(calculations),
        }
        if citations:
            record["corpus"] = corpus_version(app)
        if comparisons:
            record["comparisons"] = scrub(comparisons)
        years = [c.get("year") for c in calculations] + list(dict.fromkeys(
            s["result"].get("year") for comp in comparisons
            for s in comp.get("scenarier") or comp.get("tabell") or []
            if isinstance(s, dict) and isinstance(s.get("result"), dict)))
        if years:
            record["parameters"] = [parameter_versions(y) for y in years]
        return record
    return None


def record_after_answer(request: Request, background: BackgroundTasks, kind: str,
                        question: dict[str, Any], answer: dict[str, Any]) -> None:
    """Write the audit record of a 200 answer once it has been sent, from the data the route
    already holds (the input as read, the answer as sent): nothing is parsed again."""
    background.add_task(_write, request.app, kind, question, answer)


async def _write(app: Any, kind: str, question: dict[str, Any], answer: dict[str, Any]) -> None:
    try:
        record = build_record(kind, question, answer, app)
        if record is not None:
            # a thread: the database trail waits for its lock and a round trip
            await run_in_threadpool(app.state.audit.write, record)
    except Exception:  # the answer has been sent; a failed audit line must be visible
        log.exception("audit record for %s could not be written", kind)


def open_audit(settings: AuditSettings) -> AuditLog | ChainedAuditLog:
    if settings.audit_db_url:
        return ChainedAuditLog(settings.audit_db_url)
    return AuditLog(settings.audit_file)


def install(app: FastAPI, settings: AuditSettings) -> AuditLog | ChainedAuditLog:
    """The app's audit trail (``app.state.audit``), written by the audited routes."""
    audit = open_audit(settings)
    app.state.audit = audit
    return audit
