"""Rasa's Redis lock store, with its ticket updates made atomic across Rasa replicas.

Rasa 3.6's ``RedisLockStore`` issues a ticket by reading the conversation's lock from Redis,
adding a ticket and writing it back (GET, then SET). When two replicas receive a message of the
same conversation at the same moment, both read "no lock", both write a lock holding ticket 0
and both go ahead: the two turns run at once and one of them overwrites the other's events in
the tracker store (seen in tests/cluster: a user message lost). Here every read-modify-write of
a lock (issue a ticket, drop expired tickets, finish serving, clean up) runs under a short Redis
mutex (redis-py's ``Lock``: SET NX PX with a token, released by a Lua script), so tickets are
unique and the turns of a conversation run one after the other, whichever replica takes them.

Used by Rasa (Python 3.10 runtime), from endpoints.yml::

    lock_store:
      type: "assistant.lock_store.AtomicRedisLockStore"
      url: "redis.kommun.internal"
      port: 6379
      db: 0
"""

from __future__ import annotations

from typing import Any

from rasa.core.lock_store import LOCK_LIFETIME, LockError, RedisLockStore
from rasa.utils.endpoints import EndpointConfig

MUTEX_TIMEOUT_S = 10.0  # longest a ticket update may hold the mutex (a few Redis round trips)


class AtomicRedisLockStore(RedisLockStore):
    def __init__(self, endpoint_config: EndpointConfig) -> None:
        kwargs: dict[str, Any] = dict(endpoint_config.kwargs)
        super().__init__(host=endpoint_config.url or "localhost", **kwargs)

    def _mutex(self, conversation_id: str) -> Any:
        return self.red.lock(f"{self.key_prefix}{conversation_id}:mutex",
                             timeout=MUTEX_TIMEOUT_S, blocking_timeout=MUTEX_TIMEOUT_S)

    def issue_ticket(self, conversation_id: str, lock_lifetime: float = LOCK_LIFETIME) -> int:
        try:
            with self._mutex(conversation_id):
                lock = self.get_or_create_lock(conversation_id)
                ticket = lock.issue_ticket(lock_lifetime)
                self.save_lock(lock)
                return ticket
        except Exception as e:  # as the parent does: Rasa expects a LockError
            raise LockError(f"Error while acquiring lock. Error:\n{e}") from e

    def update_lock(self, conversation_id: str) -> None:
        with self._mutex(conversation_id):
            super().update_lock(conversation_id)

    def cleanup(self, conversation_id: str, ticket_number: int) -> None:
        with self._mutex(conversation_id):
            self.finish_serving(conversation_id, ticket_number)
            if not self.is_someone_waiting(conversation_id):
                self.delete_lock(conversation_id)
