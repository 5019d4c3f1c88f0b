"""Programmed failures: rate limits with Retry-After, outages, slow answers; and wait_for."""

from __future__ import annotations

import asyncio

import aiohttp
import pytest
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_async_handlers import AsyncRateLimitErrorRetryHandler
from slack_sdk.web.async_client import AsyncWebClient

from bot.standin import StandIn
from tests.standin.conftest import Ward


async def test_when_rate_limited_then_429_with_retry_after_and_nothing_happens(
    slack: StandIn, ward: Ward, bot: AsyncWebClient
) -> None:
    slack.fail_next("chat.postMessage", "ratelimited", retry_after=7)
    with pytest.raises(SlackApiError) as caught:
        await bot.chat_postMessage(channel=ward.public.id, text="hello")
    assert caught.value.response.status_code == 429
    assert caught.value.response.headers["Retry-After"] == "7"
    assert caught.value.response["error"] == "ratelimited"
    assert slack.workspace.channel_messages(ward.public.id) == []
    await bot.chat_postMessage(channel=ward.public.id, text="hello")  # the fault was used up
    assert [c.status for c in slack.calls("chat.postMessage")] == [429, 200]


async def test_when_a_retry_handler_honours_retry_after_then_the_call_succeeds(
    slack: StandIn, ward: Ward
) -> None:
    client = AsyncWebClient(base_url=slack.api_url, token=slack.bot_token)
    client.retry_handlers.append(AsyncRateLimitErrorRetryHandler(max_retry_count=2))
    slack.fail_next("chat.postMessage", retry_after=1)
    loop = asyncio.get_running_loop()
    started = loop.time()
    await client.chat_postMessage(channel=ward.public.id, text="hello")
    assert loop.time() - started >= 1.0
    assert (
        slack.count("chat.postMessage", ok=False) == 1
        and slack.count("chat.postMessage", ok=True) == 1
    )


async def test_when_slack_has_an_outage_then_a_bare_http_500_comes_back(
    slack: StandIn, ward: Ward, bot: AsyncWebClient
) -> None:
    slack.http_error_next("chat.delete", 500, times=2)
    event = slack.workspace.post_as_user(ward.nurse.id, ward.public.id, "hi")
    for _ in range(2):
        with pytest.raises(SlackApiError) as caught:
            await bot.chat_delete(channel=ward.public.id, ts=event["ts"])
        assert caught.value.response.status_code == 500
    with pytest.raises(SlackApiError) as caught:
        await bot.chat_delete(channel=ward.public.id, ts=event["ts"])
    assert caught.value.response["error"] == "cant_delete_message"  # back to normal checks


async def test_when_a_fault_names_an_error_then_it_is_answered_with_http_200(
    slack: StandIn, bot: AsyncWebClient
) -> None:
    slack.fail_next("users.info", "internal_error")
    with pytest.raises(SlackApiError) as caught:
        await bot.users_info(user=slack.workspace.bot_user_id)
    assert caught.value.response.status_code == 200
    assert caught.value.response["error"] == "internal_error"


async def test_when_slack_is_slow_then_the_client_times_out(slack: StandIn) -> None:
    client = AsyncWebClient(base_url=slack.api_url, token=slack.bot_token, timeout=1)
    slack.delay_next("auth.test", 2.0)
    with pytest.raises((asyncio.TimeoutError, aiohttp.ServerTimeoutError)):
        await client.auth_test()


async def test_when_the_file_host_fails_then_downloads_see_it(slack: StandIn, ward: Ward) -> None:
    event = slack.workspace.share_file(ward.nurse.id, ward.public.id, "a.png", b"png")
    slack.fail_next("files.download", status=503)
    async with aiohttp.ClientSession() as session:
        headers = {"Authorization": f"Bearer {slack.bot_token}"}
        async with session.get(event["files"][0]["url_private"], headers=headers) as response:
            assert response.status == 503
        async with session.get(event["files"][0]["url_private"], headers=headers) as response:
            assert response.status == 200


async def test_when_waiting_for_a_call_then_it_returns_once_it_happens(
    slack: StandIn, ward: Ward, bot: AsyncWebClient
) -> None:
    async def later() -> None:
        await asyncio.sleep(0.05)
        await bot.chat_postMessage(channel=ward.public.id, text="done")

    task = asyncio.create_task(later())
    calls = await slack.wait_for("chat.postMessage", timeout=2)
    assert calls[0].args["text"] == "done"
    await task
    with pytest.raises(TimeoutError, match=r"chat\.delete called 0 times"):
        await slack.wait_for("chat.delete", timeout=0.05)
    slack.clear()
    assert slack.count() == 0


async def test_when_a_rate_limit_is_set_then_calls_beyond_it_are_refused_until_the_window_passes(
    slack: StandIn, ward: Ward, bot: AsyncWebClient
) -> None:
    slack.rate_limit("chat.postEphemeral", 2, window=0.3)
    for _ in range(2):
        await bot.chat_postEphemeral(channel=ward.public.id, user=ward.nurse.id, text="hi")
    with pytest.raises(SlackApiError) as caught:
        await bot.chat_postEphemeral(channel=ward.public.id, user=ward.nurse.id, text="hi")
    assert (
        caught.value.response.status_code == 429
        and int(caught.value.response.headers["Retry-After"]) >= 1
    )
    await asyncio.sleep(0.35)
    await bot.chat_postEphemeral(channel=ward.public.id, user=ward.nurse.id, text="hi")
    assert len(slack.workspace.ephemerals_for(ward.nurse.id)) == 3


async def test_when_a_bare_429_is_programmed_then_it_still_carries_retry_after(
    slack: StandIn, bot: AsyncWebClient
) -> None:
    slack.fail_next("auth.test", status=429, retry_after=3)
    with pytest.raises(SlackApiError) as caught:
        await bot.auth_test()
    assert caught.value.response.status_code == 429
    assert caught.value.response.headers["Retry-After"] == "3"
