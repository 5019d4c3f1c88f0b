"""The short policy cache in front of the store: reads are cached, a change drops the entry."""

from __future__ import annotations

from unittest.mock import AsyncMock, MagicMock

from bot.policy import ChannelPolicy, PolicyAction
from bot.policy_cache import CachedPolicies


async def test_policy_reads_are_cached_and_invalidated_by_a_change() -> None:
    store = MagicMock()
    store.get_policy = AsyncMock(return_value=ChannelPolicy(text_action=PolicyAction.BLOCK))
    cache = CachedPolicies(store, ttl=60)
    for _ in range(3):
        assert (await cache.get_policy("T1", "C1")).text_action is PolicyAction.BLOCK  # type: ignore[union-attr]
    assert store.get_policy.await_count == 1
    cache.invalidate("T1", "C1")
    await cache.get_policy("T1", "C1")
    assert store.get_policy.await_count == 2


async def test_an_entry_expires_after_the_ttl_and_a_missing_policy_is_cached_too() -> None:
    clock = [0.0]
    store = MagicMock()
    store.get_policy = AsyncMock(return_value=None)
    cache = CachedPolicies(store, ttl=5, monotonic=lambda: clock[0])
    assert await cache.get_policy("T1", "C1") is None
    assert await cache.get_policy("T1", "C1") is None
    assert store.get_policy.await_count == 1
    clock[0] = 5.0
    await cache.get_policy("T1", "C1")
    assert store.get_policy.await_count == 2


async def test_invalidating_a_channel_keeps_other_channels_and_workspaces() -> None:
    store = MagicMock()
    store.get_policy = AsyncMock(return_value=None)
    store.get_default_policy = AsyncMock(return_value=None)
    store.get_channel_class_override = AsyncMock(return_value=None)
    cache = CachedPolicies(store, ttl=60)

    async def read_all() -> None:
        for team, channel in (("T1", "C1"), ("T1", "C2"), ("T2", "C1")):
            await cache.get_policy(team, channel)
            await cache.get_channel_class_override(team, channel)
        await cache.get_default_policy("T1")

    await read_all()
    cache.invalidate("T1", "C1")
    await read_all()
    # T1/C1 read again, and T1's default (a channel change may be a default change); no others.
    assert store.get_policy.await_count == 4
    assert store.get_channel_class_override.await_count == 4
    assert store.get_default_policy.await_count == 2
    cache.invalidate("T1")
    await read_all()
    assert store.get_policy.await_count == 6  # both T1 channels, not T2's
    assert store.get_default_policy.await_count == 3
