"""Channel sharing changes: drop the cached class at once, so the next post is judged afresh.

`channel_shared` arrives when a channel is shared with another workspace or organisation (or
one more joins), `channel_unshared` when one leaves
(https://docs.slack.dev/reference/events/channel_shared,
https://docs.slack.dev/reference/events/channel_unshared). Each post's own envelope also says
whether its channel is shared (`bot.slack.channels`), which covers replicas whose cache this
listener cannot reach.
"""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncApp, AsyncBoltContext

from bot.logging import log_event
from bot.services import Services

log = logging.getLogger(__name__)


async def handle_sharing_change(
    ack: AsyncAck, body: dict[str, Any], context: AsyncBoltContext, services: Services
) -> None:
    event = body.get("event") if isinstance(body.get("event"), dict) else {}
    channel = str((event or {}).get("channel") or "")
    # Bolt's context.team_id is the installation's team (authorizations[0]), not the sender's.
    team = str(context.team_id or body.get("team_id") or "")
    if channel and team:
        services.channels.forget(team, channel)
    log_event(
        log,
        logging.INFO,
        "channel sharing changed; class will be looked up again",
        channel_id=channel or None,
        event_type=(event or {}).get("type"),
    )
    await ack()


def register(app: AsyncApp, services: Services) -> None:
    async def on_change(ack: AsyncAck, body: dict[str, Any], context: AsyncBoltContext) -> None:
        await handle_sharing_change(ack, body, context, services)

    for event_type in ("channel_shared", "channel_unshared"):
        app.event(event_type)(on_change)
