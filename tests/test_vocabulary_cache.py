"""`CachedVocabularies`: one store read per workspace per `ttl`, dropped at once on a change."""

from __future__ import annotations

from bot.detect.vocabulary import Vocabulary
from bot.vocabulary_cache import CachedVocabularies


class CountingTerms:
    def __init__(self) -> None:
        self.reads: list[str] = []

    async def get_vocabulary(self, team_id: str) -> Vocabulary:
        self.reads.append(team_id)
        return Vocabulary()


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


async def test_when_a_team_asks_again_within_the_ttl_then_the_store_is_read_once() -> None:
    store, clock = CountingTerms(), Clock()
    cache = CachedVocabularies(store, ttl=5.0, monotonic=clock)  # type: ignore[arg-type]
    await cache.for_team("T1")
    clock.now += 4.9
    await cache.for_team("T1")
    await cache.for_team("T2")  # another workspace has its own entry
    assert store.reads == ["T1", "T2"]


async def test_when_the_ttl_passes_then_another_replica_s_change_is_read() -> None:
    store, clock = CountingTerms(), Clock()
    cache = CachedVocabularies(store, ttl=5.0, monotonic=clock)  # type: ignore[arg-type]
    await cache.for_team("T1")
    clock.now += 5.0
    await cache.for_team("T1")
    assert store.reads == ["T1", "T1"]


async def test_when_a_team_s_terms_change_here_then_the_next_scan_reads_them_at_once() -> None:
    store, clock = CountingTerms(), Clock()
    cache = CachedVocabularies(store, ttl=60.0, monotonic=clock)  # type: ignore[arg-type]
    await cache.for_team("T1")
    cache.invalidate("T1")
    cache.invalidate("T9")  # nothing cached: no error
    await cache.for_team("T1")
    assert store.reads == ["T1", "T1"]
