"""The lifecycle of personal data (gallring): conversations and audit records are deleted after
a retention period, a conversation can be deleted on request, and the shared audit trail can be
verified.

    .venv/bin/python -m web.lifecycle retention              # BG_RETENTION_DAYS (default 90)
    .venv/bin/python -m web.lifecycle retention --dry-run    # only count
    .venv/bin/python -m web.lifecycle delete-conversation <samtals-id>
    .venv/bin/python -m web.lifecycle verify-audit           # exit 1 when the chain is broken

Conversations live in Rasa's SQL tracker store (table ``events``, one row per event with the
conversation id in ``sender_id`` and a Unix ``timestamp``); a conversation whose latest event is
older than the retention period is deleted whole. The audit trail is the file
``BG_AUDIT_FILE`` or, when ``BG_AUDIT_DB_URL`` is set, the hash-chained table of
:mod:`web.audit_chain`, from whose oldest end records are deleted.
"""

from __future__ import annotations

import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Annotated

import typer
from sqlalchemy import (
    Column,
    Float,
    Integer,
    MetaData,
    String,
    Table,
    delete,
    func,
    inspect,
    select,
)
from sqlalchemy.exc import SQLAlchemyError

from web import audit_chain, db
from web.audit import AuditLog
from web.settings import AuditSettings, ClusterSettings, LifecycleSettings

DEFAULT_TRACKER_DB = "sqlite:///var/tracker.db"  # assistant/endpoints.yml


# Rasa's table, only the columns used here (rasa/core/tracker_store.py, SQLTrackerStore).
_events = Table(
    "events", MetaData(),
    Column("id", Integer, primary_key=True),
    Column("sender_id", String(255)),
    Column("timestamp", Float),
)


def _has_events(url: str) -> bool:
    return inspect(db.engine_for(url)).has_table("events")


def delete_old_conversations(url: str, cutoff: datetime, dry_run: bool = False) -> int:
    """Delete every conversation whose latest event is older than ``cutoff``; return how many."""
    if not _has_events(url):
        return 0
    old = (select(_events.c.sender_id).group_by(_events.c.sender_id)
           .having(func.max(_events.c.timestamp) < cutoff.timestamp()))
    with db.engine_for(url).begin() as conn:
        senders = [row.sender_id for row in conn.execute(old)]
        if not dry_run:
            for start in range(0, len(senders), 500):
                conn.execute(delete(_events)
                             .where(_events.c.sender_id.in_(senders[start:start + 500])))
    return len(senders)


def delete_conversation(url: str, sender_id: str) -> int:
    """Delete one conversation by its id; return the number of events deleted."""
    if not _has_events(url):
        return 0
    with db.engine_for(url).begin() as conn:
        return conn.execute(delete(_events).where(_events.c.sender_id == sender_id)).rowcount


def delete_old_audit(audit: AuditSettings, cutoff: datetime, days: int) -> int:
    if audit.audit_db_url:
        return audit_chain.delete_older_than(audit.audit_db_url, cutoff, days)
    return AuditLog(audit.audit_file).delete_older_than(cutoff)


app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Gallring och radering av samtal och revisionslogg.")

TrackerOption = Annotated[str | None, typer.Option(
    "--tracker-db", help="Rasas samtalsdatabas (SQLAlchemy-URL); annars BG_TRACKER_DB_URL "
    f"eller {DEFAULT_TRACKER_DB}")]


def _tracker_url(given: str | None) -> str:
    return given or ClusterSettings.from_env().tracker_db_url or DEFAULT_TRACKER_DB


def _fail(message: str) -> None:
    typer.echo(message, err=True)
    raise typer.Exit(2)


@app.command()
def retention(
    days: Annotated[int | None, typer.Option(
        "--days", min=1, help="Lagringstid i dagar; annars BG_RETENTION_DAYS (90)")] = None,
    tracker_db: TrackerOption = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Räkna bara, radera inget")] = False,
) -> None:
    """Gallra: radera samtal och revisionsposter som är äldre än lagringstiden."""
    try:
        days = days or LifecycleSettings.from_env().retention_days
    except ValueError as exc:
        _fail(f"BG_RETENTION_DAYS ska vara ett heltal större än 0 ({exc.__class__.__name__}).")
    cutoff = datetime.now(UTC) - timedelta(days=days)
    started = time.perf_counter()
    url = _tracker_url(tracker_db)
    try:
        conversations = delete_old_conversations(url, cutoff, dry_run)
        audit = AuditSettings.from_env()
        if dry_run:
            audit_records = None
        else:
            audit_records = delete_old_audit(audit, cutoff, days)
    except SQLAlchemyError as exc:
        _fail(f"Databasen kunde inte nås eller ändras: {exc.__class__.__name__}: {exc}")
    verb = "skulle raderas" if dry_run else "raderade"
    typer.echo(f"Gallring, lagringstid {days} dagar (äldre än {cutoff:%Y-%m-%d %H:%M} UTC): "
               f"{conversations} samtal {verb} ur {db.shown(url)}"
               + ("" if audit_records is None else f", {audit_records} revisionsposter raderade")
               + f" ({time.perf_counter() - started:.2f} s).")


@app.command("delete-conversation")
def delete_conversation_command(
    sender_id: Annotated[str, typer.Argument(help="Samtalets id (sender_id)")],
    tracker_db: TrackerOption = None,
) -> None:
    """Radera ett samtal på begäran, med dess id."""
    if not sender_id.strip():
        _fail("Samtals-id får inte vara tomt.")
    url = _tracker_url(tracker_db)
    try:
        deleted = delete_conversation(url, sender_id)
    except SQLAlchemyError as exc:
        _fail(f"Databasen kunde inte nås eller ändras: {exc.__class__.__name__}: {exc}")
    if not deleted:
        typer.echo(f"Inget samtal med id {sender_id!r} finns i {db.shown(url)}.")
        raise typer.Exit(1)
    typer.echo(f"Samtalet {sender_id!r} är raderat ({deleted} händelser). Revisionsposterna om "
               "det (med samtals-id som hash) gallras med lagringstiden.")


@app.command("verify-audit")
def verify_audit(
    audit_db: Annotated[str | None, typer.Option(
        "--audit-db", help="Revisionsloggens databas; annars BG_AUDIT_DB_URL")] = None,
) -> None:
    """Kontrollera revisionsloggens hashkedja: en ändrad eller borttagen rad upptäcks."""
    url = audit_db or AuditSettings.from_env().audit_db_url
    if not url:
        _fail("Ingen databas för revisionsloggen: ange --audit-db eller BG_AUDIT_DB_URL.")
    started = time.perf_counter()
    try:
        report = audit_chain.verify(url)
    except SQLAlchemyError as exc:
        _fail(f"Databasen kunde inte nås: {exc.__class__.__name__}: {exc}")
    elapsed = time.perf_counter() - started
    if report.ok:
        typer.echo(f"Revisionsloggen är hel: {report.rows} rader (nr {report.first_seq}–"
                   f"{report.last_seq}, {report.retention_runs} gallringar), senaste hash "
                   f"{report.last_hash} ({elapsed:.2f} s).")
        return
    typer.echo(f"Revisionsloggen är INTE hel ({report.rows} rader kontrollerade):", err=True)
    for problem in report.problems:
        typer.echo(f"  {problem}", err=True)
    raise typer.Exit(1)


def main() -> None:
    app(prog_name=f"{Path(sys.executable).name} -m web.lifecycle")


if __name__ == "__main__":
    main()
