"""`app_home_opened`: ack at once, then publish the Home tab in a lazy listener."""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncApp

from bot.errors import SlackGatewayError
from bot.home import publish_home
from bot.logging import log_event
from bot.services import Services

log = logging.getLogger(__name__)


async def ack_only(ack: AsyncAck) -> None:
    await ack()


async def publish_for(body: dict[str, Any], services: Services) -> None:
    event = body.get("event") or {}
    if event.get("tab") not in (None, "home"):
        return
    user = str(event.get("user") or "")
    team = str(body.get("team_id") or "")
    if not user:
        return
    try:
        await publish_home(services, team, user)
    except SlackGatewayError as exc:
        log_event(log, logging.ERROR, "home publish failed", user_id=user, error=exc.error)


def register(app: AsyncApp, services: Services) -> None:
    async def on_home(body: dict[str, Any]) -> None:
        await publish_for(body, services)

    app.event("app_home_opened")(ack=ack_only, lazy=[on_home])
