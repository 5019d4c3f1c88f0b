"""Idempotency keys (`bot.store.keys`): event dedupe and the gateway's action log answer
first-time-only, also under concurrency and after expiry."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from bot.store import Store


async def test_dedupe_claims_once_even_concurrently(store: Store) -> None:
    results = await asyncio.gather(*(store.claim("Ev1") for _ in range(8)))
    assert results.count(True) == 1
    assert await store.claim("Ev2") is True


async def test_dedupe_key_reclaimable_after_expiry(store: Store) -> None:
    store.dedupe_ttl = timedelta(seconds=-1)
    assert await store.claim("Ev1") is True
    assert await store.claim("Ev1") is True  # expired at once
    store.dedupe_ttl = timedelta(hours=1)
    assert await store.claim("Ev1") is True
    assert await store.claim("Ev1") is False


async def test_action_log_first_record_wins(store: Store) -> None:
    assert await store.get_action("job1:repost") is None
    await store.record_action("job1:repost", {"channel": "C1", "ts": "1700000000.000200"})
    await store.record_action("job1:repost", {"channel": "C1", "ts": "999"})
    assert await store.get_action("job1:repost") == {"channel": "C1", "ts": "1700000000.000200"}


async def test_an_intent_can_be_replaced_by_the_next_attempt(store: Store) -> None:
    await store.record_action("job1:upload:intent", {"method": "intent", "file_id": "F1"})
    await store.record_action(
        "job1:upload:intent", {"method": "intent", "file_id": "F2"}, replace=True
    )
    assert await store.get_action("job1:upload:intent") == {"method": "intent", "file_id": "F2"}
