"""Workspace membership changes: drop the cached people directory, so the next scan asks again.

`team_join` (a member joined) and `user_change` (a member's profile, name or deleted flag
changed) carry the member's user object (https://docs.slack.dev/reference/events/team_join,
https://docs.slack.dev/reference/events/user_change; scope `users:read`). The listener reads
nothing of it but the team: names are never logged. Other replicas pick the change up when
their cache's TTL runs out (`bot.slack.people`).
"""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncApp, AsyncBoltContext

from bot.logging import log_event
from bot.services import Services

log = logging.getLogger(__name__)
EVENTS = ("team_join", "user_change")


async def handle_member_change(
    ack: AsyncAck, body: dict[str, Any], context: AsyncBoltContext, services: Services
) -> None:
    await ack()
    team = str(context.team_id or body.get("team_id") or "")
    if team and services.people is not None:
        services.people.invalidate(team)
    event = body.get("event") if isinstance(body.get("event"), dict) else {}
    log_event(
        log,
        logging.INFO,
        "workspace members changed; people directory will be read again",
        team_id=team or None,
        event_type=(event or {}).get("type"),
    )


def register(app: AsyncApp, services: Services) -> None:
    async def on_change(ack: AsyncAck, body: dict[str, Any], context: AsyncBoltContext) -> None:
        await handle_member_change(ack, body, context, services)

    for event_type in EVENTS:
        app.event(event_type)(on_change)
