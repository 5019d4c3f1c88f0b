"""Each workspace's vocabulary, cached in front of the store for `ttl` seconds.

Every scan needs it, and it changes only when an admin runs `/phi terms`; a change made in this
process invalidates the entry at once, another replica picks it up within `ttl`. The scan
processes hold nothing: the vocabulary travels with each scan call.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from bot.detect.vocabulary import Vocabulary
from bot.store.api import TermStore


class CachedVocabularies:
    def __init__(
        self, store: TermStore, *, ttl: float = 5.0, monotonic: Callable[[], float] = time.monotonic
    ) -> None:
        self.store = store
        self.ttl = ttl
        self._now = monotonic
        self._entries: dict[str, tuple[float, Vocabulary]] = {}

    async def for_team(self, team_id: str) -> Vocabulary:
        hit = self._entries.get(team_id)
        if hit is not None and self._now() - hit[0] < self.ttl:
            return hit[1]
        vocabulary = await self.store.get_vocabulary(team_id)
        self._entries[team_id] = (self._now(), vocabulary)
        return vocabulary

    def invalidate(self, team_id: str) -> None:
        self._entries.pop(team_id, None)
