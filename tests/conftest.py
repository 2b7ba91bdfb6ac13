"""Shared test set-up: the audit trail of apps built in tests goes to a temporary file, and one
real Rasa + action server stack serves the end-to-end and browser tests of a session."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator

import pytest
from hypothesis import settings

from tests.support.services import Stack, start_stack

# CI runs the property tests on a fixed set of generated examples, so that a run passes or fails
# by the code, not by the draw; locally (no CI variable) every run explores new examples.
settings.register_profile("ci", derandomize=True)
if os.environ.get("CI"):
    settings.load_profile("ci")


def pytest_configure(config) -> None:
    # web.audit appends to BG_AUDIT_FILE (default var/audit.jsonl); tests must not write there.
    if "BG_AUDIT_FILE" not in os.environ:
        folder = tempfile.mkdtemp(prefix="bg-test-audit-")
        os.environ["BG_AUDIT_FILE"] = os.path.join(folder, "audit.jsonl")


@pytest.fixture(scope="session")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    """The real action server and the real Rasa server (started once, always stopped)."""
    running = start_stack(tmp_path_factory.mktemp("stack"))
    try:
        yield running
    finally:
        running.stop()
