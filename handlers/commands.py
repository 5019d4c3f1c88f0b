"""`/phi`: acknowledge with the private answer computed by `bot.commands.phi`."""

from __future__ import annotations

from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncApp

from bot.commands.phi import run_phi
from bot.services import Services

COMMAND = "/phi"


async def handle_phi(ack: AsyncAck, command: dict[str, Any], services: Services) -> None:
    reply = await run_phi(
        services,
        team_id=str(command.get("team_id") or ""),
        channel_id=str(command.get("channel_id") or ""),
        user_id=str(command.get("user_id") or ""),
        text=command.get("text"),
        channel_type=_channel_type(command),
    )
    await ack(response_type="ephemeral", text=reply["text"], blocks=reply["blocks"])


def _channel_type(command: dict[str, Any]) -> str | None:
    """Slash commands carry `channel_name` "directmessage"/"privategroup" instead of a type."""
    name = command.get("channel_name")
    if name == "directmessage":
        return "im"
    if isinstance(name, str) and name.startswith("mpdm-"):
        return "mpim"
    return None


def register(app: AsyncApp, services: Services) -> None:
    async def on_phi(ack: AsyncAck, command: dict[str, Any]) -> None:
        await handle_phi(ack, command, services)

    app.command(COMMAND)(on_phi)
