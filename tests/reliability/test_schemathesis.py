"""Every operation of the OpenAPI schema, fed generated (also invalid) input by schemathesis:
no 5xx, and every response matches its documented schema.

The real app with its real calculator and a real index (hash embedder); Rasa is a fixed
reply (the relay is under test here, the real Rasa is in the end-to-end tests). The app is
built at import because schemathesis' fixture loader does not work with pytest 9.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from pydantic import SecretStr
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import positive_data_acceptance

from knowledge import build_index
from knowledge.embedders import HashEmbedder
from tests.support.services import free_port
from web.app import create_app
from web.deps import get_rasa_client
from web.rasa_client import RasaClient
from web.resources import load_resources
from web.settings import (
    AuditSettings,
    HealthSettings,
    KnowledgeSettings,
    RasaSettings,
    SecuritySettings,
    Settings,
)

TOKEN = "schemathesis-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
REPLY = [
    {"recipient_id": "x", "text": "Barnbidrag räknas som inkomst."},
    {"recipient_id": "x", "custom": {"citations": [
        {"document": "SOSFS 2003:5", "section": "Inkomster", "text": "Barnbidrag ...",
         "score": 0.5, "citation": "SOSFS 2003:5, s. 20"}]}},
]


def _app():
    work = Path(tempfile.mkdtemp(prefix="bg-schemathesis-"))
    build_index(work / "index", embedder=HashEmbedder(), progress=False)
    settings_ = Settings(
        knowledge=KnowledgeSettings(index_dir=str(work / "index")),
        rasa=RasaSettings(rasa_url=f"http://127.0.0.1:{free_port()}"),
        health=HealthSettings(action_server_url=f"http://127.0.0.1:{free_port()}",
                              health_timeout_seconds=0.5),
        security=SecuritySettings(api_token=SecretStr(TOKEN)),
        audit=AuditSettings(audit_file=work / "audit.jsonl"),
    )
    app = create_app(settings_)
    # What the lifespan does (schemathesis calls the app without running it).
    app.state.resources = load_resources(settings_)
    def fake_rasa(request: httpx.Request) -> httpx.Response:
        # the webhook answers a list of reply elements; a conversation's tracker an object
        if request.url.path.endswith("/tracker"):
            return httpx.Response(200, json={"events": [{"event": "user", "text": "hej"}]})
        return httpx.Response(200, json=REPLY)

    rasa = RasaClient("http://rasa.test", transport=httpx.MockTransport(fake_rasa))
    app.dependency_overrides[get_rasa_client] = lambda: rasa
    return app


schema = schemathesis.openapi.from_asgi("/openapi.json", _app(), headers=AUTH)


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
@schema.parametrize()
@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_never_fails_and_matches_its_schema(case):
    # Not checked: "schema-valid data is accepted". /calculate has rules across fields
    # (members refer to children by index, income types come from the rules file) that JSON
    # Schema cannot state; such input gets the documented 422 with a Swedish message.
    excluded = [positive_data_acceptance]
    if case.path == "/health/ready":
        # Rasa and the action server are not running here, so readiness is a documented 503
        # (its body is still checked against the schema); every other path: no 5xx.
        excluded.append(not_a_server_error)
    case.call_and_validate(headers=AUTH, excluded_checks=excluded)
