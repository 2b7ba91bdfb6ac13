"""Rasa's SQL tracker store with a connection pool that tests a connection before using it.

Rasa 3.6 creates its SQLAlchemy engine without ``pool_pre_ping``. After the database restarts,
each pooled connection is dead; the first turn that uses one fails, and Rasa's fail-safe
wrapper then answers from an empty conversation and keeps the turn in its own memory (seen in
tests/cluster: the conversation forgotten after PostgreSQL came back). With the pre-ping, a
dead connection is replaced before use and the first turn after the restart reads the real
tracker.

Used by Rasa (Python 3.10 runtime), from endpoints.yml with the same keys as ``type: SQL``::

    tracker_store:
      type: "assistant.tracker_store.PrePingSQLTrackerStore"
      dialect: "postgresql"
      url: "db.kommun.internal"
      ...
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore, create_engine_kwargs


class PrePingSQLTrackerStore(SQLTrackerStore):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        url = self.engine.url
        self.engine.dispose()
        self.engine = sa.create_engine(url, pool_pre_ping=True, **create_engine_kwargs(url))
        self.sessionmaker = sa.orm.session.sessionmaker(bind=self.engine)
