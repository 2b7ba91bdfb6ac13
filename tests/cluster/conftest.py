"""One cluster for the module: PostgreSQL, Redis, the action server, two Rasa replicas and the
web app (tests/support/cluster.py), all on free loopback ports."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.support.cluster import Cluster, start_cluster


@pytest.fixture(scope="session")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Cluster]:
    running = start_cluster(tmp_path_factory.mktemp("cluster"), replicas=2)
    try:
        yield running
    finally:
        running.stop()
