"""Pending confirms resolve exactly once (`bot.store.confirms`)."""

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
