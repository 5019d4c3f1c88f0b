"""Channel class lookup: cached `conversations.info` flags plus the admin's approval override.

Every scanned post needs its channel's class, so `conversations.info` is cached for a few
minutes per channel; the approval override comes from the store on each lookup so that
`/phi approve` takes effect at once.

Where the facts are uncertain the class fails toward `external`, never `clinical` or
`approved`: an approved channel's PHI must not reach another organisation. Each event's
envelope says whether it happened in a Slack Connect channel (`is_ext_shared_channel`,
https://docs.slack.dev/apis/events-api/#callback-field), and that fresh fact beats a cached
"not shared", so a channel shared a moment ago is external from its next post on, in every
process. If Slack cannot be asked, the envelope's flag decides, and without one the channel
counts as external; `channel_type` still marks DMs. `channel_shared` / `channel_unshared`
(https://docs.slack.dev/reference/events/channel_shared) drop the cached entry at once.
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
    def from_event(cls, channel_type: str | None, ext_shared: bool | None) -> ChannelFlags:
        """What the event alone tells; an unknown sharing state counts as shared (fail closed)."""
        return cls(
            is_im=channel_type == "im",
            is_mpim=channel_type == "mpim",
            is_ext_shared=ext_shared is not False,
        )


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
        self,
        team_id: str,
        channel_id: str,
        channel_type: str | None = None,
        ext_shared: bool | None = None,
    ) -> ChannelFlags:
        """Slack's facts about the channel; `ext_shared` is the event's `is_ext_shared_channel`."""
        key = (team_id, channel_id)
        hit = self._cache.get(key)
        if hit is not None and self._now() - hit[0] < self.ttl:
            if ext_shared and not hit[1].is_ext_shared:
                self.forget(team_id, channel_id)  # shared since we asked: ask again below
            else:
                return hit[1]
        try:
            info = await self.gateway.conversation_info(channel_id, team_id=team_id)
        except SlackGatewayError as exc:
            log_event(
                log,
                logging.WARNING,
                "conversations.info failed; the event's flags decide, unknown counts as external",
                channel_id=channel_id,
                error=exc.error,
            )
            return ChannelFlags.from_event(channel_type, ext_shared)
        flags = ChannelFlags.from_info(info)
        if ext_shared and not flags.is_ext_shared:
            # The event says shared, Slack's answer not (yet): the stricter fact wins, uncached.
            return ChannelFlags(flags.is_im, flags.is_mpim, is_ext_shared=True)
        self._cache[key] = (self._now(), flags)
        return flags

    async def channel_class(
        self,
        team_id: str,
        channel_id: str,
        channel_type: str | None = None,
        ext_shared: bool | None = None,
    ) -> ChannelClass:
        flags = await self.flags(team_id, channel_id, channel_type, ext_shared)
        override = await self.policies.get_channel_class_override(team_id, channel_id)
        return resolve_channel_class(flags.is_im, flags.is_mpim, flags.is_ext_shared, override)

    async def approval_blocker(
        self,
        team_id: str,
        channel_id: str,
        channel_type: str | None = None,
        ext_shared: bool | None = None,
    ) -> str | None:
        """Why `/phi approve` cannot apply here ("external", "dm"), or None."""
        self.forget(team_id, channel_id)
        flags = await self.flags(team_id, channel_id, channel_type, ext_shared)
        return approval_blocker(flags.is_im, flags.is_mpim, flags.is_ext_shared)
