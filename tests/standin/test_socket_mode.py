"""Socket Mode: a Bolt app connects with the app token and acks envelopes over the socket."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from slack_bolt.adapter.socket_mode.aiohttp import AsyncSocketModeHandler
from slack_bolt.async_app import AsyncApp
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.standin import StandIn
from tests.standin.conftest import Ward


async def test_when_a_bot_token_opens_a_socket_then_its_type_is_refused(
    slack: StandIn, bot: AsyncWebClient
) -> None:
    with pytest.raises(SlackApiError) as caught:
        await bot.apps_connections_open(app_token=slack.bot_token)
    assert caught.value.response["error"] == "not_allowed_token_type"


async def test_when_the_app_runs_in_socket_mode_then_events_and_commands_arrive(
    slack: StandIn, ward: Ward
) -> None:
    client = AsyncWebClient(base_url=slack.api_url, token=slack.bot_token)
    bolt = AsyncApp(client=client, signing_secret=slack.signing_secret)
    seen: list[str] = []

    @bolt.event("message")
    async def on_message(event: dict[str, Any]) -> None:
        seen.append(event["text"])

    @bolt.command("/phi")
    async def on_phi(ack: Any) -> None:
        await ack(text="Rules: ...")

    handler = AsyncSocketModeHandler(bolt, app_token=slack.app_token)
    await handler.connect_async()
    try:
        await slack.socket.wait_connected()
        sender = slack.socket_sender()
        event = slack.workspace.post_as_user(ward.nurse.id, ward.public.id, "hello over the socket")
        assert (await sender.event(event)).status == 200
        reply = await sender.command(ward.nurse.id, ward.public.id, "rules")
        assert reply.status == 200 and reply.json()["text"] == "Rules: ..."
        for _ in range(100):  # the listener runs after the ack
            if seen:
                break
            await asyncio.sleep(0.02)
        assert seen == ["hello over the socket"]
        assert (
            slack.count("apps.connections.open") == 1
            and slack.last("apps.connections.open").token_kind == "app"
        )
    finally:
        await handler.close_async()
