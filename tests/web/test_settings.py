"""One settings object: every variable a deployment sets (prefix BG_) lands in its group."""

from __future__ import annotations

from pathlib import Path

from web.settings import Settings

ENVIRONMENT = {
    "BG_RASA_URL": "http://rasa:5005",
    "BG_RASA_URLS": "http://r1:5005,http://r2:5005/",
    "BG_RASA_RETRY_SECONDS": "2.5",
    "BG_RASA_TIMEOUT_SECONDS": "30",
    "BG_ACTION_SERVER_URL": "http://actions:5055",
    "BG_HEALTH_TIMEOUT_SECONDS": "1.5",
    "BG_INDEX_DIR": "/srv/index",
    "BG_REDIS_URL": "redis://redis:6379/0",
    "BG_TRACKER_DB_URL": "postgresql+psycopg://rasa@db/rasa",
    "BG_API_TOKEN": "hemlig",
    "BG_TRUST_LOCALHOST": "false",
    "BG_CORS_ORIGINS": "https://intranat.kommun.se",
    "BG_MAX_BODY_BYTES": "1000",
    "BG_AUDIT_FILE": "/var/log/bg/audit.jsonl",
    "BG_AUDIT_DB_URL": "postgresql://audit@db/bg",
    "BG_RETENTION_DAYS": "30",
    "HOME": "/root",  # not ours: ignored
}


def test_every_variable_reaches_its_group():
    s = Settings.from_env(ENVIRONMENT)
    assert s.rasa.replicas == ["http://r1:5005", "http://r2:5005"]
    assert (s.rasa.rasa_url, s.rasa.rasa_retry_seconds, s.rasa.rasa_timeout_seconds) == (
        "http://rasa:5005", 2.5, 30.0)
    assert (s.health.action_server_url, s.health.health_timeout_seconds) == (
        "http://actions:5055", 1.5)
    assert s.knowledge.index_dir == "/srv/index"
    assert (s.cluster.redis_url, s.cluster.tracker_db_url) == (
        "redis://redis:6379/0", "postgresql+psycopg://rasa@db/rasa")
    assert s.security.api_token is not None
    assert s.security.api_token.get_secret_value() == "hemlig"
    assert s.security.trust_localhost is False
    assert s.security.cors_origin_list == ["https://intranat.kommun.se"]
    assert s.security.max_body_bytes == 1000
    assert s.audit.audit_file == Path("/var/log/bg/audit.jsonl")
    assert s.audit.audit_db_url == "postgresql://audit@db/bg"
    assert s.lifecycle.retention_days == 30
    # every field of every group has its variable above (a new field needs a line here)
    fields = {f"BG_{name.upper()}" for group in Settings.model_fields
              for name in type(getattr(s, group)).model_fields}
    assert fields == set(ENVIRONMENT) - {"HOME"}


def test_no_environment_gives_the_defaults():
    s = Settings.from_env({})
    assert s == Settings()
    assert s.rasa.replicas == ["http://127.0.0.1:5005"]
    assert s.audit.audit_file == Path("var/audit.jsonl")
    assert s.security.api_token is None and s.security.trust_localhost is True
