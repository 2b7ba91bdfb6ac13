"""Gallring and deletion on request, on SQLite and on PostgreSQL, and the hash-chained audit
trail: verification passes after a legitimate retention run and names an altered or deleted
line."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text
from typer.testing import CliRunner

from web import audit_chain, db
from web.lifecycle import app

runner = CliRunner()
NOW = datetime.now(UTC)

# Rasa's SQLTrackerStore table (rasa/core/tracker_store.py), as Rasa creates it.
EVENTS_DDL = """CREATE TABLE events (id SERIAL PRIMARY KEY, sender_id VARCHAR(255) NOT NULL,
  type_name VARCHAR(255) NOT NULL, timestamp FLOAT, intent_name VARCHAR(255),
  action_name VARCHAR(255), data TEXT)"""


def _days_ago(days: float) -> float:
    return (NOW - timedelta(days=days)).timestamp()


def _fill_tracker(url: str) -> None:
    ddl = EVENTS_DDL if url.startswith("postgres") else EVENTS_DDL.replace(
        "id SERIAL PRIMARY KEY", "id INTEGER PRIMARY KEY")
    conversations = {
        "gammal-1": [100, 99, 95],      # last event 95 days ago: gallras
        "gammal-2": [91],               # 91 days: gallras
        "pågående": [120, 100, 2],      # began long ago, last event 2 days ago: kept whole
        "ny": [0.01],
    }
    with db.engine_for(url).begin() as conn:
        conn.execute(text(ddl))
        for sender, ages in conversations.items():
            for age in ages:
                conn.execute(text("INSERT INTO events (sender_id, type_name, timestamp, data) "
                                  "VALUES (:s, 'user', :t, '{}')"),
                             {"s": sender, "t": _days_ago(age)})


def _senders(url: str) -> dict[str, int]:
    with db.engine_for(url).connect() as conn:
        rows = conn.execute(text("SELECT sender_id, COUNT(*) FROM events GROUP BY sender_id"))
        return dict(rows.all())


def _run(args: list[str], env: dict[str, str]):
    return runner.invoke(app, args, env=env)


def _check_retention_and_deletion(url: str, tmp_path: Path) -> None:
    _fill_tracker(url)
    audit_file = tmp_path / "audit.jsonl"
    lines = [{"ts": (NOW - timedelta(days=d)).isoformat(), "kind": "search", "n": d}
             for d in (200, 91, 89, 1)]
    audit_file.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    env = {"BG_TRACKER_DB_URL": url, "BG_AUDIT_FILE": str(audit_file),
           "BG_RETENTION_DAYS": "90", "BG_AUDIT_DB_URL": ""}

    dry = _run(["retention", "--dry-run"], env)
    assert dry.exit_code == 0, dry.output
    assert "2 samtal skulle raderas" in dry.output
    assert _senders(url) == {"gammal-1": 3, "gammal-2": 1, "pågående": 3, "ny": 1}

    result = _run(["retention"], env)
    assert result.exit_code == 0, result.output
    assert "Gallring, lagringstid 90 dagar" in result.output
    assert "2 samtal raderade" in result.output and "2 revisionsposter raderade" in result.output
    assert _senders(url) == {"pågående": 3, "ny": 1}
    assert [json.loads(x)["n"] for x in audit_file.read_text().splitlines()] == [89, 1]

    deleted = _run(["delete-conversation", "pågående"], env)
    assert deleted.exit_code == 0, deleted.output
    assert "Samtalet 'pågående' är raderat (3 händelser)" in deleted.output
    assert _senders(url) == {"ny": 1}
    missing = _run(["delete-conversation", "pågående"], env)
    assert missing.exit_code == 1
    assert "Inget samtal med id 'pågående'" in missing.output


def test_retention_and_deletion_on_sqlite(tmp_path):
    _check_retention_and_deletion(f"sqlite:///{tmp_path / 'tracker.db'}", tmp_path)


@pytest.mark.e2e
def test_retention_and_deletion_on_postgresql(tmp_path, postgres):
    postgres.create_database("lifecycle_tracker")
    _check_retention_and_deletion(postgres.url("lifecycle_tracker"), tmp_path)


def test_a_bad_retention_period_is_named_in_swedish(tmp_path):
    env = {"BG_TRACKER_DB_URL": f"sqlite:///{tmp_path / 't.db'}", "BG_RETENTION_DAYS": "tre"}
    result = _run(["retention"], env)
    assert result.exit_code == 2
    assert "BG_RETENTION_DAYS ska vara ett heltal större än 0" in result.output
    assert "Invalid value for '--days'" in _run(["retention", "--days", "0"], env).output


def test_an_empty_tracker_store_has_nothing_to_delete(tmp_path):
    env = {"BG_TRACKER_DB_URL": f"sqlite:///{tmp_path / 'empty.db'}",
           "BG_AUDIT_FILE": str(tmp_path / "none.jsonl")}
    result = _run(["retention"], env)
    assert result.exit_code == 0 and "0 samtal raderade" in result.output


# --------------------------------------------------------------------------- audit chain

def _backdate(url: str, seqs: range, days: int) -> None:
    """Make rows look old (a test-only shortcut past the append-only trigger, then re-hash
    them so the chain is the one an old trail would have)."""
    with db.engine_for(url).begin() as conn:
        if url.startswith("postgres"):
            conn.execute(text("SET LOCAL session_replication_role = replica"))
        rows = conn.execute(text("SELECT seq, kind, record FROM audit_trail ORDER BY seq")).all()
        prev = audit_chain.GENESIS
        for seq, kind, record in rows:
            ts = ((NOW - timedelta(days=days, seconds=-seq)).isoformat(timespec="microseconds")
                  if seq in seqs else
                  conn.execute(text("SELECT ts FROM audit_trail WHERE seq=:s"),
                               {"s": seq}).scalar_one())
            digest = audit_chain.row_hash(seq, ts, kind, prev, record)
            conn.execute(text("UPDATE audit_trail SET ts=:ts, prev_hash=:p, hash=:h "
                              "WHERE seq=:s"), {"ts": ts, "p": prev, "h": digest, "s": seq})
            prev = digest


def _tamper(url: str, sql: str) -> None:
    with db.engine_for(url).begin() as conn:
        if url.startswith("postgres"):
            conn.execute(text("SET LOCAL session_replication_role = replica"))
        conn.execute(text(sql))


def _check_audit_chain(url: str, tmp_path: Path) -> None:
    log = audit_chain.ChainedAuditLog(url)
    for n in range(1, 7):
        log.write({"kind": "search", "question": f"fråga {n}"})
    assert [r["question"] for r in log.records()] == [f"fråga {n}" for n in range(1, 7)]
    env = {"BG_AUDIT_DB_URL": url}
    ok = _run(["verify-audit"], env)
    assert ok.exit_code == 0, ok.output
    assert "Revisionsloggen är hel: 6 rader (nr 1–6, 0 gallringar)" in ok.output

    # records 1-3 are 100 days old: retention deletes them from the oldest end and says so
    _backdate(url, range(1, 4), 100)
    env_retention = {**env, "BG_TRACKER_DB_URL": f"sqlite:///{tmp_path / 'tracker.db'}",
                     "BG_RETENTION_DAYS": "90"}
    gallrad = _run(["retention"], env_retention)
    assert gallrad.exit_code == 0, gallrad.output
    assert "3 revisionsposter raderade" in gallrad.output
    after = _run(["verify-audit"], env)
    assert after.exit_code == 0, after.output
    assert "4 rader (nr 4–7, 1 gallringar)" in after.output
    [marker] = [r for r in log.records() if r["kind"] == "retention"]
    assert (marker["deleted"], marker["first_seq"], marker["last_seq"]) == (3, 1, 3)

    _tamper(url, "UPDATE audit_trail SET record = replace(record, 'fråga 5', 'fråga 9') "
                 "WHERE seq = 5")
    altered = _run(["verify-audit"], env)
    assert altered.exit_code == 1
    assert "Rad 5 har ändrats (dess hash stämmer inte)." in altered.output

    _tamper(url, "DELETE FROM audit_trail WHERE seq = 5")
    deleted = _run(["verify-audit"], env)
    assert deleted.exit_code == 1
    assert "Rad 5–5 saknas (borttagna ur mitten)." in deleted.output

    _tamper(url, "DELETE FROM audit_trail WHERE seq = 4")
    head = _run(["verify-audit"], env)
    assert "Rad 1–5 saknas och ingen gallringspost säger att de gallrades." in head.output


def test_audit_chain_on_sqlite(tmp_path):
    _check_audit_chain(f"sqlite:///{tmp_path / 'audit.db'}", tmp_path)


@pytest.mark.e2e
def test_audit_chain_on_postgresql_is_append_only(postgres, tmp_path):
    postgres.create_database("lifecycle_audit")
    url = postgres.url("lifecycle_audit")
    _check_audit_chain(url, tmp_path)
    from sqlalchemy.exc import DBAPIError

    for sql in ("UPDATE audit_trail SET kind = 'x'", "DELETE FROM audit_trail",
                "TRUNCATE audit_trail"):
        with pytest.raises(DBAPIError, match="audit_trail is append-only"):
            with db.engine_for(url).begin() as conn:
                conn.execute(text(sql))
