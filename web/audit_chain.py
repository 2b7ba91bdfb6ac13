"""The audit trail in a database shared by every web replica: append-only, hash-chained.

One table, ``audit_trail``: a gapless sequence number, the time, the kind, the record (the same
JSON object that :mod:`web.audit` would write as a line) and two hashes. Each row's hash covers
its own fields and the previous row's hash::

    hash = sha256(f"{seq}\\n{ts}\\n{kind}\\n{prev_hash}\\n{record}")

so a row altered or deleted in the middle breaks the chain at that point, and
:func:`verify` names it. Writers from several replicas take a PostgreSQL advisory lock for the
one transaction that reads the last row and appends the next, so the chain stays linear.

Retention (:func:`delete_older_than`) deletes only from the oldest end and, in the same
transaction, appends a ``retention`` row that names the last deleted row and its hash: the
first remaining row then chains to a hash that the trail itself vouches for, so verification
still passes after a legitimate retention run, and rows removed from the start without such a
row are reported.

On PostgreSQL the table is append-only for the application: a trigger refuses UPDATE and
TRUNCATE, and DELETE unless the transaction has set ``bg.retention = on`` (only
:func:`delete_older_than` does). The chain has no secret key: someone with owner rights on the
database could rewrite the whole tail consistently. Keep the last hash that ``verify-audit``
prints somewhere else (e.g. in the operations log) to detect that too.
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Column,
    Connection,
    MetaData,
    String,
    Table,
    Text,
    delete,
    func,
    select,
    text,
)

from web import db

GENESIS = "0" * 64
RETENTION_KIND = "retention"
LOCK_KEY = 0x62672D61756474  # "bg-audt": the advisory lock of the writers

metadata = MetaData()
audit_table = Table(
    "audit_trail",
    metadata,
    Column("seq", BigInteger, primary_key=True, autoincrement=False),
    Column("ts", String(32), nullable=False, index=True),
    Column("kind", String(32), nullable=False),
    Column("record", Text, nullable=False),
    Column("prev_hash", String(64), nullable=False),
    Column("hash", String(64), nullable=False),
)

# PostgreSQL: the application may only append; retention may delete (see the module text).
# (%% is the driver's escape of a literal %.)
APPEND_ONLY_DDL = """
CREATE OR REPLACE FUNCTION bg_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND current_setting('bg.retention', true) = 'on' THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'audit_trail is append-only (%% refused)', TG_OP;
END $$;
DROP TRIGGER IF EXISTS bg_audit_append_only ON audit_trail;
CREATE TRIGGER bg_audit_append_only BEFORE UPDATE OR DELETE ON audit_trail
  FOR EACH ROW EXECUTE FUNCTION bg_audit_append_only();
DROP TRIGGER IF EXISTS bg_audit_no_truncate ON audit_trail;
CREATE TRIGGER bg_audit_no_truncate BEFORE TRUNCATE ON audit_trail
  FOR EACH STATEMENT EXECUTE FUNCTION bg_audit_append_only();
"""


def row_hash(seq: int, ts: str, kind: str, prev_hash: str, record: str) -> str:
    return hashlib.sha256(f"{seq}\n{ts}\n{kind}\n{prev_hash}\n{record}".encode()).hexdigest()


def canonical(record: dict[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def _is_postgres(conn: Connection) -> bool:
    return conn.dialect.name == "postgresql"


def _lock(conn: Connection) -> None:
    if _is_postgres(conn):
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": LOCK_KEY})


_schema_lock = threading.Lock()
_schema_ready: set[str] = set()


def ensure_schema(url: str) -> None:
    """Create the table (and on PostgreSQL its append-only triggers) once per process."""
    with _schema_lock:
        if url in _schema_ready:
            return
        with db.engine_for(url).begin() as conn:
            _lock(conn)
            metadata.create_all(conn, checkfirst=True)
            if _is_postgres(conn):
                conn.exec_driver_sql(APPEND_ONLY_DDL)
        _schema_ready.add(url)


def _append(conn: Connection, kind: str, record: dict[str, Any]) -> int:
    last = conn.execute(select(audit_table.c.seq, audit_table.c.hash)
                        .order_by(audit_table.c.seq.desc()).limit(1)).first()
    seq, prev = (last.seq + 1, last.hash) if last else (1, GENESIS)
    ts, body = _now(), canonical(record)
    conn.execute(audit_table.insert().values(
        seq=seq, ts=ts, kind=kind, record=body, prev_hash=prev,
        hash=row_hash(seq, ts, kind, prev, body)))
    return seq


class ChainedAuditLog:
    """The database audit trail with the interface of :class:`web.audit.AuditLog`."""

    def __init__(self, url: str) -> None:
        self.db_url = url
        self._local_lock = threading.Lock()  # SQLite has no advisory locks

    def write(self, record: dict[str, Any]) -> None:
        ensure_schema(self.db_url)
        with self._local_lock, db.engine_for(self.db_url).begin() as conn:
            _lock(conn)
            _append(conn, str(record.get("kind", "")), record)

    def records(self) -> list[dict[str, Any]]:
        return [json.loads(row.record) for row in rows(self.db_url)]


def rows(url: str) -> Iterator[Any]:
    ensure_schema(url)
    with db.engine_for(url).connect() as conn:
        result = conn.execution_options(yield_per=2000).execute(
            select(audit_table).order_by(audit_table.c.seq))
        yield from result


@dataclass
class Verification:
    rows: int = 0
    first_seq: int | None = None
    last_seq: int | None = None
    last_hash: str | None = None
    retention_runs: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def verify(url: str) -> Verification:
    """Walk the chain from the oldest row: every row's hash, every link, no gap."""
    report = Verification()
    previous_hash: str | None = None
    previous_seq: int | None = None
    # rows deleted by retention: {last deleted seq: its hash}, from the retention rows
    vouched: dict[int, str] = {}
    head: Any = None
    for row in rows(url):
        report.rows += 1
        if head is None:
            head = row
        if row.hash != row_hash(row.seq, row.ts, row.kind, row.prev_hash, row.record):
            report.problems.append(f"Rad {row.seq} har ändrats (dess hash stämmer inte).")
        if previous_seq is not None:
            if row.seq != previous_seq + 1:
                report.problems.append(
                    f"Rad {previous_seq + 1}–{row.seq - 1} saknas (borttagna ur mitten).")
            elif row.prev_hash != previous_hash:
                report.problems.append(
                    f"Rad {row.seq} pekar inte på rad {previous_seq} (kedjan är bruten).")
        if row.kind == RETENTION_KIND:
            report.retention_runs += 1
            try:
                data = json.loads(row.record)
                vouched[int(data["last_seq"])] = str(data["last_hash"])
            except (ValueError, KeyError, TypeError):
                report.problems.append(f"Rad {row.seq}: gallringsposten går inte att läsa.")
        previous_seq, previous_hash = row.seq, row.hash
    if head is not None:
        report.first_seq, report.last_seq, report.last_hash = head.seq, previous_seq, previous_hash
        if head.seq == 1:
            if head.prev_hash != GENESIS:
                report.problems.append("Rad 1 pekar inte på kedjans början.")
        elif vouched.get(head.seq - 1) != head.prev_hash:
            report.problems.append(
                f"Rad 1–{head.seq - 1} saknas och ingen gallringspost säger att de gallrades.")
    return report


def delete_older_than(url: str, cutoff: datetime, retention_days: int | None = None) -> int:
    """Delete the rows older than ``cutoff`` from the oldest end; record that it was done."""
    ensure_schema(url)
    cutoff_ts = cutoff.astimezone(UTC).isoformat(timespec="microseconds")
    with db.engine_for(url).begin() as conn:
        _lock(conn)
        last_old = conn.execute(select(func.max(audit_table.c.seq))
                                .where(audit_table.c.ts < cutoff_ts)).scalar()
        if last_old is None:
            return 0
        last_hash = conn.execute(select(audit_table.c.hash)
                                 .where(audit_table.c.seq == last_old)).scalar_one()
        first = conn.execute(select(func.min(audit_table.c.seq))).scalar_one()
        if _is_postgres(conn):
            conn.execute(text("SET LOCAL bg.retention = 'on'"))
        deleted = conn.execute(delete(audit_table).where(audit_table.c.seq <= last_old)).rowcount
        if _is_postgres(conn):
            conn.execute(text("SET LOCAL bg.retention = 'off'"))
        _append(conn, RETENTION_KIND, {
            "kind": RETENTION_KIND, "deleted": deleted, "first_seq": first,
            "last_seq": last_old, "last_hash": last_hash, "cutoff": cutoff_ts,
            "retention_days": retention_days,
        })
    return deleted
