"""Tokens and scopes are checked on every call, with Slack's error codes."""

from __future__ import annotations

import aiohttp
import pytest
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.standin import StandIn
from tests.standin.conftest import Ward


async def test_when_the_bot_token_calls_auth_test_then_it_learns_its_ids(
    slack: StandIn, bot: AsyncWebClient
) -> None:
    result = await bot.auth_test()
    assert result["user_id"] == slack.workspace.bot_user_id
    assert result["bot_id"] == slack.workspace.bot_id
    assert result["team_id"] == slack.workspace.team_id
    assert slack.last("auth.test").token_kind == "bot"


@pytest.mark.parametrize(
    ("token", "error"),
    [(None, "not_authed"), ("xoxb-0-unknown", "invalid_auth")],
)
async def test_when_the_token_is_missing_or_unknown_then_the_call_is_refused(
    slack: StandIn, ward: Ward, token: str | None, error: str
) -> None:
    client = AsyncWebClient(base_url=slack.api_url, token=token)
    with pytest.raises(SlackApiError) as caught:
        await client.chat_postMessage(channel=ward.public.id, text="shift starts at 7")
    assert caught.value.response.status_code == 200
    assert caught.value.response["error"] == error
    assert slack.workspace.channel_messages(ward.public.id) == []


async def test_when_an_app_level_token_calls_the_web_api_then_its_type_is_refused(
    slack: StandIn,
) -> None:
    client = AsyncWebClient(base_url=slack.api_url, token=slack.app_token)
    with pytest.raises(SlackApiError) as caught:
        await client.auth_test()
    assert caught.value.response["error"] == "not_allowed_token_type"


async def test_when_a_scope_is_missing_then_needed_and_provided_are_named(
    slack: StandIn, ward: Ward
) -> None:
    narrow = slack.workspace.add_token("bot", slack.workspace.bot_user_id, ["users:read"])
    client = AsyncWebClient(base_url=slack.api_url, token=narrow.token)
    with pytest.raises(SlackApiError) as caught:
        await client.chat_postMessage(channel=ward.public.id, text="hello")
    assert caught.value.response["error"] == "missing_scope"
    assert caught.value.response["needed"] == "chat:write"
    assert caught.value.response["provided"] == "users:read"
    assert (await client.users_info(user=ward.nurse.id))["user"]["id"] == ward.nurse.id


async def test_when_the_conversation_is_a_dm_then_im_read_is_needed(
    slack: StandIn, ward: Ward
) -> None:
    ws = slack.workspace
    dm = ws.add_im(ward.nurse.id)
    token = ws.add_token("bot", ws.bot_user_id, ["channels:read"])
    client = AsyncWebClient(base_url=slack.api_url, token=token.token)
    assert (await client.conversations_info(channel=ward.public.id))["channel"]["is_channel"]
    with pytest.raises(SlackApiError) as caught:
        await client.conversations_info(channel=dm.id)
    assert caught.value.response["needed"] == "im:read"


async def test_when_a_form_body_carries_the_token_then_it_is_accepted(
    slack: StandIn, ward: Ward
) -> None:
    async with aiohttp.ClientSession() as session:
        form = {"token": slack.bot_token, "channel": ward.public.id, "text": "form post"}
        async with session.post(slack.api_url + "chat.postMessage", data=form) as response:
            assert (await response.json())["ok"] is True
        body = {"token": slack.bot_token, "channel": ward.public.id, "text": "json post"}
        async with session.post(slack.api_url + "chat.postMessage", json=body) as response:
            assert (await response.json())["error"] == "not_authed"  # JSON needs the header
        async with session.post(slack.api_url + "no.suchMethod", data=form) as response:
            assert (await response.json())["error"] == "unknown_method"
        async with session.post(
            slack.api_url + "chat.postMessage",
            data=b"{not json",
            headers={
                "Content-Type": "application/json",
                "Authorization": f"Bearer {slack.bot_token}",
            },
        ) as response:
            assert (await response.json())["error"] == "invalid_json"
    assert [m.text for m in slack.workspace.channel_messages(ward.public.id)] == ["form post"]


async def test_when_a_revoked_token_is_used_then_slack_says_token_revoked(
    slack: StandIn, bot: AsyncWebClient
) -> None:
    slack.workspace.tokens[slack.bot_token].revoked = True
    with pytest.raises(SlackApiError) as caught:
        await bot.auth_test()
    assert caught.value.response["error"] == "token_revoked"
