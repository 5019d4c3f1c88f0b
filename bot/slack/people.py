"""Each workspace's people, from `users.list`, as the detector's `StaffDirectory`.

A name typed without a title counts as a patient's unless it is a member's
(`bot.detect.staff`), so every scan needs its workspace's directory. `users.list`
(https://docs.slack.dev/reference/methods/users.list, scope `users:read`, Tier 2) pages with
an opaque `cursor` and `response_metadata.next_cursor`, empty on the last page ("specify a
limit value under 1000. We recommend no more than 200"); it lists "deleted/deactivated
users" too. Read methods go form-encoded, as slack_sdk's
`users_list` sends them. Deleted users, bots and Slackbot are skipped: a former employee's
name is as likely a patient's as anyone's.

The directory is cached per installation (team) for `ttl` seconds and dropped at once on
`team_join` / `user_change` (https://docs.slack.dev/reference/events/team_join,
https://docs.slack.dev/reference/events/user_change). Concurrent scans of one workspace share
one fetch. If Slack refuses (no `users:read`, revoked token, outage) the directory is empty,
so every untitled name stays a patient's (fail closed); one line logs the error code, and the
failure is cached for `retry_after` seconds so a burst of posts does not hammer Slack.
Names are never logged: only counts.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable, Iterator
from typing import Any, Protocol

from bot.detect.staff import EMPTY, StaffDirectory
from bot.errors import SlackGatewayError
from bot.logging import log_event

log = logging.getLogger(__name__)

PAGE_LIMIT = 200
MAX_PAGES = 500  # 100,000 members: a cursor that never ends must not loop forever
SLACKBOT = "USLACKBOT"


class WebApi(Protocol):
    async def call(self, method: str, *, team_id: str | None = None, **kwargs: Any) -> Any: ...


def member_names(member: dict[str, Any]) -> Iterator[str]:
    """The names one `users.list` member goes by; nothing for deleted users and bots."""
    if member.get("deleted") or member.get("is_bot") or member.get("id") == SLACKBOT:
        return
    profile = member.get("profile")
    profile = profile if isinstance(profile, dict) else {}
    for value in (
        member.get("real_name"),
        profile.get("real_name"),
        profile.get("real_name_normalized"),
        profile.get("display_name"),
        profile.get("display_name_normalized"),
        profile.get("first_name"),
        profile.get("last_name"),
    ):
        if isinstance(value, str) and value.strip():
            yield value


class PeopleDirectory:
    """`StaffDirectory` per workspace, fetched from `users.list` and cached for `ttl` s."""

    def __init__(
        self,
        gateway: WebApi,
        *,
        ttl: float = 3600.0,
        retry_after: float = 300.0,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.gateway = gateway
        self.ttl = ttl
        self.retry_after = retry_after
        self._now = monotonic
        self._entries: dict[str, tuple[float, StaffDirectory]] = {}
        self._locks: dict[str, asyncio.Lock] = {}

    async def for_team(self, team_id: str) -> StaffDirectory:
        """The workspace's directory; empty (names stay patients') when Slack cannot say."""
        hit = self._fresh(team_id)
        if hit is not None:
            return hit
        lock = self._locks.setdefault(team_id, asyncio.Lock())
        async with lock:
            hit = self._fresh(team_id)  # another scan fetched it meanwhile
            if hit is not None:
                return hit
            try:
                directory = StaffDirectory(await self._names(team_id))
                expires = self._now() + self.ttl
            except SlackGatewayError as exc:
                log_event(
                    log,
                    logging.WARNING,
                    "users.list failed; names count as patients' until it works",
                    team_id=team_id,
                    error=exc.error,
                )
                directory, expires = EMPTY, self._now() + self.retry_after
            self._entries[team_id] = (expires, directory)
            return directory

    def invalidate(self, team_id: str) -> None:
        """Drop the cached directory (a member joined or changed their name)."""
        self._entries.pop(team_id, None)

    def _fresh(self, team_id: str) -> StaffDirectory | None:
        hit = self._entries.get(team_id)
        return hit[1] if hit is not None and self._now() < hit[0] else None

    async def _names(self, team_id: str) -> list[str]:
        names: list[str] = []
        cursor = ""
        for _ in range(MAX_PAGES):
            args: dict[str, Any] = {"limit": PAGE_LIMIT}
            if cursor:
                args["cursor"] = cursor
            data = await self.gateway.call("users.list", team_id=team_id, **args)
            members = data.get("members") if isinstance(data, dict) else None
            for member in members if isinstance(members, list) else []:
                if isinstance(member, dict):
                    names.extend(member_names(member))
            meta = data.get("response_metadata") if isinstance(data, dict) else None
            cursor = str(meta.get("next_cursor") or "") if isinstance(meta, dict) else ""
            if not cursor:
                break
        log_event(log, logging.INFO, "people directory loaded", team_id=team_id, names=len(names))
        return names
