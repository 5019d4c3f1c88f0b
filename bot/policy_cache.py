"""A short-lived cache of channel policies and approvals in front of the store.

Every scanned post needs its channel's policy, the workspace default and the approval flag;
reading them from the database for each post costs three round trips on the hot path. They
change rarely (an admin's `/phi` command), so each is cached for `ttl` seconds. A change made
through this process invalidates its entries at once; another replica sees it within `ttl`.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar, cast

from bot.policy import ChannelClass, ChannelPolicy
from bot.store.api import PolicyStore

_MISSING = object()
T = TypeVar("T")


class CachedPolicies:
    """The read side of `PolicyStore`, cached; writes go to the store and invalidate."""

    def __init__(
        self,
        store: PolicyStore,
        *,
        ttl: float = 5.0,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.store = store
        self.ttl = ttl
        self._now = monotonic
        self._entries: dict[tuple[str, str, str], tuple[float, Any]] = {}

    async def _cached(self, key: tuple[str, str, str], load: Callable[[], Awaitable[T]]) -> T:
        hit = self._entries.get(key, (0.0, _MISSING))
        if hit[1] is not _MISSING and self._now() - hit[0] < self.ttl:
            return cast(T, hit[1])  # stored by this method under the same key, so the same type
        value = await load()
        self._entries[key] = (self._now(), value)
        return value

    async def get_policy(self, team_id: str, channel_id: str) -> ChannelPolicy | None:
        value: ChannelPolicy | None = await self._cached(
            ("policy", team_id, channel_id), lambda: self.store.get_policy(team_id, channel_id)
        )
        return value

    async def get_default_policy(self, team_id: str) -> ChannelPolicy | None:
        value: ChannelPolicy | None = await self._cached(
            ("default", team_id, ""), lambda: self.store.get_default_policy(team_id)
        )
        return value

    async def get_channel_class_override(
        self, team_id: str, channel_id: str
    ) -> ChannelClass | None:
        value: ChannelClass | None = await self._cached(
            ("override", team_id, channel_id),
            lambda: self.store.get_channel_class_override(team_id, channel_id),
        )
        return value

    def invalidate(self, team_id: str, channel_id: str | None = None) -> None:
        """Forget what this process knows about a channel (or, with None, the workspace)."""
        for key in list(self._entries):
            if key[1] == team_id and (channel_id is None or key[2] in (channel_id, "")):
                del self._entries[key]
