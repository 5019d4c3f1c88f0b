"""Channel class lookup: cached `conversations.info` flags plus the admin's approval override.

Every scanned post needs its channel's class, so `conversations.info` is cached for a few
minutes per channel; the approval override comes from the store on each lookup so that
`/phi approve` takes effect at once. If Slack cannot be asked, the event's `channel_type`
decides im/mpim, and anything else counts as clinical (stricter than approved).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from bot.errors import SlackGatewayError
from bot.logging import log_event
from bot.policy import ChannelClass, approval_blocker, resolve_channel_class
from bot.slack.gateway import SlackGateway

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class ChannelFlags:
    """The `conversations.info` facts that decide a channel's class."""

    is_im: bool = False
    is_mpim: bool = False
    is_ext_shared: bool = False

    @classmethod
    def from_info(cls, info: dict[str, Any]) -> ChannelFlags:
        return cls(
            is_im=bool(info.get("is_im")),
            is_mpim=bool(info.get("is_mpim")),
            is_ext_shared=bool(info.get("is_ext_shared")),
        )

    @classmethod
    def from_channel_type(cls, channel_type: str | None) -> ChannelFlags:
        return cls(is_im=channel_type == "im", is_mpim=channel_type == "mpim")


class OverrideSource(Protocol):
    async def get_channel_class_override(
        self, team_id: str, channel_id: str
    ) -> ChannelClass | None: ...


class ChannelDirectory:
    """Resolves a channel's `ChannelClass`, caching Slack's flags for `ttl` seconds."""

    def __init__(
        self,
        gateway: SlackGateway,
        policies: OverrideSource,
        *,
        ttl: float = 300.0,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.gateway = gateway
        self.policies = policies
        self.ttl = ttl
        self._now = monotonic
        self._cache: dict[tuple[str, str], tuple[float, ChannelFlags]] = {}

    def forget(self, team_id: str, channel_id: str) -> None:
        self._cache.pop((team_id, channel_id), None)

    async def flags(
        self, team_id: str, channel_id: str, channel_type: str | None = None
    ) -> ChannelFlags:
        key = (team_id, channel_id)
        hit = self._cache.get(key)
        if hit is not None and self._now() - hit[0] < self.ttl:
            return hit[1]
        try:
            info = await self.gateway.conversation_info(channel_id, team_id=team_id)
        except SlackGatewayError as exc:
            log_event(
                log,
                logging.WARNING,
                "conversations.info failed; using the event's channel_type",
                channel_id=channel_id,
                error=exc.error,
            )
            return ChannelFlags.from_channel_type(channel_type)
        flags = ChannelFlags.from_info(info)
        self._cache[key] = (self._now(), flags)
        return flags

    async def channel_class(
        self, team_id: str, channel_id: str, channel_type: str | None = None
    ) -> ChannelClass:
        flags = await self.flags(team_id, channel_id, channel_type)
        override = await self.policies.get_channel_class_override(team_id, channel_id)
        return resolve_channel_class(flags.is_im, flags.is_mpim, flags.is_ext_shared, override)

    async def approval_blocker(
        self, team_id: str, channel_id: str, channel_type: str | None = None
    ) -> str | None:
        """Why `/phi approve` cannot apply here ("external", "dm"), or None."""
        self.forget(team_id, channel_id)
        flags = await self.flags(team_id, channel_id, channel_type)
        return approval_blocker(flags.is_im, flags.is_mpim, flags.is_ext_shared)
