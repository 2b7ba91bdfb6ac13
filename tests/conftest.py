"""Shared test set-up: the audit trail of apps built in tests goes to a temporary file."""

from __future__ import annotations

import os
import tempfile


def pytest_configure(config) -> None:
    # web.audit appends to BG_AUDIT_FILE (default var/audit.jsonl); tests must not write there.
    if "BG_AUDIT_FILE" not in os.environ:
        folder = tempfile.mkdtemp(prefix="bg-test-audit-")
        os.environ["BG_AUDIT_FILE"] = os.path.join(folder, "audit.jsonl")
