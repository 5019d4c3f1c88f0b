"""The gateway against the stand-in: retries, caps, idempotency keys, the admin-token rule."""

from __future__ import annotations

import pytest

from bot.errors import SlackGatewayError
from bot.slack.gateway import Removal
from bot.standin import StandIn
from tests.slack.gateway_support import make_gateway as _gateway


async def test_429_waits_for_retry_after_then_succeeds(slack: StandIn) -> None:
    channel = slack.workspace.add_channel("ward")
    slack.fail_next("chat.postMessage", "ratelimited", times=2, retry_after=3)
    sleeps: list[float] = []
    gateway = _gateway(slack, sleeps=sleeps)
    ts = await gateway.post("job1:repost", channel.id, "hello")
    await gateway.close()
    assert ts and len(sleeps) == 2 and all(3.0 <= s <= 4.0 for s in sleeps)
    assert slack.count("chat.postMessage", ok=True) == 1


async def test_a_tier_1_retry_after_of_a_minute_is_waited_in_full(slack: StandIn) -> None:
    channel = slack.workspace.add_channel("ward")
    slack.fail_next("conversations.history", "ratelimited", retry_after=60)
    sleeps: list[float] = []
    gateway = _gateway(slack, sleeps=sleeps)
    await gateway.call("conversations.history", channel=channel.id)
    await gateway.close()
    assert len(sleeps) == 1 and 60.0 <= sleeps[0] <= 61.0  # was capped at 20 s


async def test_when_still_rate_limited_then_the_error_says_when_to_ask_again(
    slack: StandIn,
) -> None:
    channel = slack.workspace.add_channel("ward")
    slack.fail_next("conversations.history", "ratelimited", times=10, retry_after=45)
    sleeps: list[float] = []
    gateway = _gateway(slack, sleeps=sleeps)
    with pytest.raises(SlackGatewayError) as failed:
        await gateway.call("conversations.history", channel=channel.id)
    await gateway.close()
    assert failed.value.retry_after == 45.0
    assert slack.count("conversations.history") == gateway.rate_limit_retries + 1


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
    assert await without.delete_user_message(channel.id, event["ts"]) == Removal(
        False, "no_admin_token"
    )
    assert not without.can_delete_user_posts
    with_admin = _gateway(slack)
    assert await with_admin.delete_user_message(channel.id, event["ts"]) == Removal(True)
    gone = await with_admin.delete_user_message(channel.id, event["ts"])
    assert gone == Removal(True)  # already gone
    await without.close()
    await with_admin.close()
    assert slack.last("chat.delete").token_kind == "user"


@pytest.mark.parametrize(
    "refusal",
    [
        "compliance_exports_prevent_deletion",
        "access_denied",
        "ekm_access_denied",
        "enterprise_is_restricted",
        "cant_delete_message",
    ],
)
async def test_when_slack_refuses_a_delete_then_the_refusal_is_named_and_not_retried(
    slack: StandIn, refusal: str
) -> None:
    ws = slack.workspace
    maria = ws.add_user("maria")
    channel = ws.add_channel("ward", members=[maria.id])
    event = ws.post_as_user(maria.id, channel.id, "hello")
    ws.delete_refusal = refusal
    gateway = _gateway(slack)
    removal = await gateway.delete_user_message(channel.id, event["ts"])
    await gateway.close()
    assert removal == Removal(False, refusal)
    assert slack.count("chat.delete") == 1
    assert ws.find_message(channel.id, event["ts"]) is not None
