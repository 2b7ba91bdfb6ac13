from __future__ import annotations

import pytest

from tests.support.services import Stack, start_stack


@pytest.fixture(scope="session")
def stack(tmp_path_factory: pytest.TempPathFactory):
    """The real action server and the real Rasa server, shared by the end-to-end tests."""
    running: Stack = start_stack(tmp_path_factory.mktemp("stack"))
    try:
        yield running
    finally:
        running.stop()
