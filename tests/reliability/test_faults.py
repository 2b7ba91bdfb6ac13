"""Faults in the data the web app loads at start-up: the app starts, /health names the fault
in Swedish, and the endpoints that need the broken part answer 503 with the same message,
while the others keep working. (The chat-side faults, with the real Rasa, are in
test_faults_e2e.py.)"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

import calculator.params as params
from tests.reliability.conftest import LOCAL
from web.app import create_app
from web.routers.calculate import EXAMPLE

REBUILD = " Bygg om indexet med: python -m knowledge build"
QUESTION = {"question": "Räknas barnbidrag som inkomst?", "top_k": 1}


def start(settings) -> TestClient:
    return TestClient(create_app(settings), client=LOCAL)


def index_copy(small_index: Path, tmp_path: Path) -> Path:
    target = tmp_path / "index"
    shutil.copytree(small_index, target)
    return target


def assert_index_fault(settings, expected_detail: str) -> None:
    with start(settings) as client:
        health = client.get("/health").json()
        assert health["ok"] is False
        assert health["components"]["index"] == {"ok": False, "detail": expected_detail}
        search = client.post("/api/v1/search", json=QUESTION)
        assert search.status_code == 503
        assert search.json()["detail"] == expected_detail
        assert client.post("/api/v1/calculate", json=EXAMPLE).status_code == 200


def test_missing_index(web_settings, tmp_path, audit_file):
    missing = tmp_path / "finns-inte"
    web_settings = web_settings.replace(knowledge={"index_dir": str(missing)})
    assert_index_fault(web_settings,
                       f"Kunskapsindexet saknas i {missing} (manifest.json finns inte).{REBUILD}")


def test_corrupt_index_manifest(web_settings, small_index, tmp_path, audit_file):
    index = index_copy(small_index, tmp_path)
    (index / "manifest.json").write_text('{"format": 1, "embedder": ', encoding="utf-8")
    web_settings = web_settings.replace(knowledge={"index_dir": str(index)})
    with start(web_settings) as client:
        detail = client.get("/health").json()["components"]["index"]["detail"]
    assert detail == (f"Kunskapsindexets manifest i {index} är skadat (Expecting value: "
                      f"line 1 column 27 (char 26)).{REBUILD}")


def test_truncated_index_chunks(web_settings, small_index, tmp_path, audit_file):
    index = index_copy(small_index, tmp_path)
    lines = (index / "chunks.jsonl").read_text(encoding="utf-8").splitlines()
    (index / "chunks.jsonl").write_text("\n".join(lines[:-3]) + "\n", encoding="utf-8")
    web_settings = web_settings.replace(knowledge={"index_dir": str(index)})
    manifest = json.loads((index / "manifest.json").read_text(encoding="utf-8"))
    assert_index_fault(
        web_settings,
        f"Kunskapsindexet i {index} stämmer inte med sitt manifest "
        f"({manifest['counts']['vectors']} vektorer, {manifest['counts']['chunks'] - 3} "
        f"avsnitt).{REBUILD}",
    )


def test_index_built_with_another_embedder(web_settings, small_index, tmp_path, audit_file):
    # The vectors are 256-dimensional; the manifest claims a 128-dimensional model.
    index = index_copy(small_index, tmp_path)
    manifest = json.loads((index / "manifest.json").read_text(encoding="utf-8"))
    manifest["embedder"] = "hash-bow-128"
    (index / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    web_settings = web_settings.replace(knowledge={"index_dir": str(index)})
    assert_index_fault(web_settings,
                       f"Indexets dimension 256 stämmer inte med modellens 128.{REBUILD}")


def test_index_from_a_model_this_installation_lacks(web_settings, small_index, tmp_path,
                                                    audit_file):
    index = index_copy(small_index, tmp_path)
    manifest = json.loads((index / "manifest.json").read_text(encoding="utf-8"))
    manifest["embedder"] = "kommunens-egen-modell"
    (index / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    web_settings = web_settings.replace(knowledge={"index_dir": str(index)})
    assert_index_fault(web_settings, "Indexet byggdes med inbäddningsmodellen "
                                     f"'kommunens-egen-modell', som inte kan laddas här.{REBUILD}")


@pytest.fixture
def parameter_dir(tmp_path, monkeypatch) -> Path:
    """A copy of the real parameter files that the calculator reads instead (caches cleared)."""
    target = tmp_path / "parameters"
    shutil.copytree(params.PARAMETER_DIR, target)
    monkeypatch.setattr(params, "PARAMETER_DIR", target)
    params.clear_caches()
    yield target
    params.clear_caches()


def test_malformed_parameter_file_names_the_file_and_key(web_settings, parameter_dir,
                                                         audit_file):
    year_file = parameter_dir / "2024.yaml"
    text = year_file.read_text(encoding="utf-8")
    assert "      value: 2640\n" in text
    year_file.write_text(text.replace("      value: 2640\n", "      value: tvåtusen\n", 1),
                         encoding="utf-8")
    expected = (f"Parametrarna kunde inte läsas: {year_file}: key riksnorm.barn.0.value: "
                "Input should be a valid integer")
    with start(web_settings) as client:
        health = client.get("/health").json()
        assert health["components"]["parameters"] == {"ok": False, "detail": expected}
        calc = client.post("/api/v1/calculate", json=EXAMPLE)
        assert calc.status_code == 503
        assert calc.json()["detail"] == expected
        assert client.post("/api/v1/search", json=QUESTION).status_code == 200
