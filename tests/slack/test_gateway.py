"""The gateway against the stand-in: retries, caps, idempotency keys, the admin-token rule."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from bot.config import Settings
from bot.errors import SlackGatewayError
from bot.slack.gateway import SlackGateway
from bot.standin import StandIn, Workspace


@pytest.fixture
async def slack() -> AsyncIterator[StandIn]:
    async with StandIn.start(Workspace()) as stand_in:
        yield stand_in


def _gateway(slack: StandIn, *, admin: bool = True, sleeps: list[float] | None = None,
             max_attempts: int = 4) -> SlackGateway:
    settings = Settings(slack_api_url=slack.api_url, slack_bot_token=slack.bot_token,
                        slack_admin_user_token=slack.admin_token if admin else None)

    async def sleep(seconds: float) -> None:
        if sleeps is not None:
            sleeps.append(seconds)

    return SlackGateway(settings, sleep=sleep, max_attempts=max_attempts, base_delay=0.5, max_delay=8)


async def test_429_waits_for_retry_after_then_succeeds(slack: StandIn) -> None:
    channel = slack.workspace.add_channel("ward")
    slack.fail_next("chat.postMessage", "ratelimited", times=2, retry_after=3)
    sleeps: list[float] = []
    gateway = _gateway(slack, sleeps=sleeps)
    ts = await gateway.post("job1:repost", channel.id, "hello")
    await gateway.close()
    assert ts and sleeps == [3.0, 3.0]
    assert slack.count("chat.postMessage", ok=True) == 1


async def test_5xx_backs_off_exponentially_with_jitter_up_to_the_cap(slack: StandIn) -> None:
    channel = slack.workspace.add_channel("ward")
    slack.http_error_next("chat.postMessage", 503, times=10)
    sleeps: list[float] = []
    gateway = _gateway(slack, sleeps=sleeps, max_attempts=6)
    with pytest.raises(SlackGatewayError) as failed:
        await gateway.post("job2:repost", channel.id, "hello")
    await gateway.close()
    assert failed.value.method == "chat.postMessage"
    assert len(sleeps) == 5
    for attempt, delay in enumerate(sleeps):
        ceiling = min(8, 0.5 * 2**attempt)
        assert ceiling / 2 <= delay <= ceiling


async def test_client_errors_are_not_retried(slack: StandIn) -> None:
    sleeps: list[float] = []
    gateway = _gateway(slack, sleeps=sleeps)
    with pytest.raises(SlackGatewayError) as failed:
        await gateway.post("job3:repost", "C_DOES_NOT_EXIST", "hello")
    await gateway.close()
    assert failed.value.error == "channel_not_found" and sleeps == []


async def test_a_step_done_once_is_never_repeated(slack: StandIn) -> None:
    channel = slack.workspace.add_channel("ward")
    gateway = _gateway(slack)
    first = await gateway.post("job4:repost", channel.id, "hello")
    second = await gateway.post("job4:repost", channel.id, "hello")
    await gateway.close()
    assert first == second
    assert slack.count("chat.postMessage") == 1


async def test_deleting_a_users_post_needs_the_admin_token(slack: StandIn) -> None:
    ws = slack.workspace
    maria = ws.add_user("maria")
    channel = ws.add_channel("ward", members=[maria.id])
    event = ws.post_as_user(maria.id, channel.id, "hello")
    without = _gateway(slack, admin=False)
    assert await without.delete_user_message(channel.id, event["ts"]) is False
    assert not without.can_delete_user_posts
    with_admin = _gateway(slack)
    assert await with_admin.delete_user_message(channel.id, event["ts"]) is True
    assert await with_admin.delete_user_message(channel.id, event["ts"]) is True  # already gone
    await without.close()
    await with_admin.close()
    assert slack.last("chat.delete").token_kind == "user"
