"""`member_joined_channel`: when the bot itself is added to a channel, sweep its history.

Slack sends the event for every member who joins a channel the bot is in, the bot included
(docs.slack.dev/reference/events/member_joined_channel); only the bot's own join starts a
report-only sweep of the last `SWEEP_ON_JOIN_DAYS` days. The sweep is recorded before the ack.
"""

from __future__ import annotations

from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncApp, AsyncBoltContext

from bot.services import Services


async def handle_member_joined(
    ack: AsyncAck, event: dict[str, Any], context: AsyncBoltContext, services: Services
) -> None:
    bot_user = context.bot_user_id or services.bot_user_id
    days = services.settings.sweep_on_join_days
    channel = str(event.get("channel") or "")
    team = str(context.team_id or event.get("team") or "")
    if bot_user and event.get("user") == bot_user and days > 0 and channel and team:
        await services.pipeline.sweeps.start(team, channel, "", days=days, mode="report")
    await ack()


def register(app: AsyncApp, services: Services) -> None:
    async def on_member_joined(
        ack: AsyncAck, event: dict[str, Any], context: AsyncBoltContext
    ) -> None:
        await handle_member_joined(ack, event, context, services)

    app.event("member_joined_channel")(on_member_joined)
