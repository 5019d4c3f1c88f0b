"""Pending confirms resolve exactly once; dedupe and gateway keys answer first-time-only."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from bot.store import Store
from bot.store.api import PendingConfirm
from bot.store.models import utcnow


def pending(confirm_id: str = "CF1", minutes: int = 10) -> PendingConfirm:
    return PendingConfirm(
        confirm_id=confirm_id,
        team_id="T1",
        channel_id="C1",
        user_id="U1",
        message_ts="1700000000.000100",
        thread_ts=None,
        expires_at=utcnow() + timedelta(minutes=minutes),
        payload={"text": "synthetic"},
    )


async def test_when_saved_then_get_returns_payload(store: Store) -> None:
    await store.save_pending(pending())
    await store.save_pending(pending())  # retried job: no error, no second row
    got = await store.get_pending("CF1")
    assert got is not None and got.payload == {"text": "synthetic"}
    assert got.expires_at.tzinfo is not None


async def test_when_resolved_concurrently_then_one_winner_and_payload_dropped(
    store: Store,
) -> None:
    await store.save_pending(pending())
    results = await asyncio.gather(
        *(store.resolve_pending("CF1", "attested", f"U{i}") for i in range(5))
    )
    winners = [r for r in results if r is not None]
    assert len(winners) == 1 and winners[0].payload == {"text": "synthetic"}
    assert await store.get_pending("CF1") is None
    assert await store.resolve_pending("CF1", "timeout", "system") is None
    async with store.engine.connect() as conn:
        payload = (await conn.exec_driver_sql("SELECT payload FROM pending_confirms")).scalar()
    assert payload is None


async def test_expired_lists_only_due_pending(store: Store) -> None:
    await store.save_pending(pending("due", minutes=-1))
    await store.save_pending(pending("later", minutes=10))
    await store.save_pending(pending("done", minutes=-1))
    await store.resolve_pending("done", "withdrawn", "U1")
    assert [p.confirm_id for p in await store.expired(utcnow())] == ["due"]


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
