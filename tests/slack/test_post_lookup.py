"""Finding our own earlier post (`bot.slack.post_lookup`), through the gateway on the stand-in:
a post whose answer was lost, or made just before a crash, is found and not repeated."""

from __future__ import annotations

import time

import pytest

from bot.errors import SlackGatewayError
from bot.slack.gateway import MemoryActionLog
from bot.standin import StandIn
from tests.slack.gateway_support import CrashAfterSlack
from tests.slack.gateway_support import make_gateway as _gateway


def _channel_posts(slack: StandIn, channel_id: str, thread_ts: str | None = None) -> list[str]:
    return [
        m.ts
        for m in slack.workspace.channel_messages(channel_id)
        if m.user == slack.workspace.bot_user_id and (thread_ts is None or m.thread_ts == thread_ts)
    ]


async def test_a_post_whose_answer_was_lost_is_found_not_repeated(slack: StandIn) -> None:
    channel = slack.workspace.add_channel("ward")
    slack.lose_answer_next("chat.postMessage")
    gateway = _gateway(slack)
    ts = await gateway.post("job5:repost", channel.id, "hello")
    await gateway.close()
    assert _channel_posts(slack, channel.id) == [ts]
    assert slack.count("chat.postMessage") == 1
    assert slack.count("conversations.history", ok=True) >= 1


async def test_a_thread_reply_whose_answer_was_lost_is_found_in_the_thread(slack: StandIn) -> None:
    ws = slack.workspace
    maria = ws.add_user("maria")
    channel = ws.add_channel("ward", members=[maria.id])
    root = ws.post_as_user(maria.id, channel.id, "question")["ts"]
    slack.lose_answer_next("chat.postMessage")
    gateway = _gateway(slack)
    ts = await gateway.post("job6:repost", channel.id, "answer", thread_ts=root)
    await gateway.close()
    assert _channel_posts(slack, channel.id, thread_ts=root) == [ts]
    assert slack.count("conversations.replies", ok=True) >= 1


async def test_a_post_made_just_before_a_crash_is_not_made_again(slack: StandIn) -> None:
    channel = slack.workspace.add_channel("ward")
    actions = CrashAfterSlack()
    crashing = _gateway(slack)
    crashing.actions = actions
    with pytest.raises(RuntimeError):
        await crashing.post("job7:repost", channel.id, "hello")
    await crashing.close()
    restarted = _gateway(slack)
    restarted.actions = MemoryActionLog()
    restarted.actions._done.update(actions._done)  # what the database kept: the intent only
    ts = await restarted.post("job7:repost", channel.id, "hello")
    await restarted.close()
    assert _channel_posts(slack, channel.id) == [ts]
    assert slack.count("chat.postMessage") == 1


async def test_an_intent_without_a_post_posts(slack: StandIn) -> None:
    """Killed after the intent, before Slack saw the post: the retry must post, not skip."""
    channel = slack.workspace.add_channel("ward")
    gateway = _gateway(slack)
    await gateway.actions.record_action("job8:repost:intent", {"method": "intent", "at": "0"})
    ts = await gateway.post("job8:repost", channel.id, "hello")
    await gateway.close()
    assert ts and _channel_posts(slack, channel.id) == [ts]


async def test_a_failed_lookup_still_posts(slack: StandIn) -> None:
    channel = slack.workspace.add_channel("ward")
    slack.lose_answer_next("chat.postMessage")
    slack.fail_next("conversations.history", "missing_scope")
    gateway = _gateway(slack)
    await gateway.post("job9:repost", channel.id, "hello")
    await gateway.close()
    # at-least-once when Slack cannot tell us: two posts, never none
    assert len(_channel_posts(slack, channel.id)) == 2


async def test_ratelimited_posts_are_retried_without_a_lookup(slack: StandIn) -> None:
    channel = slack.workspace.add_channel("ward")
    slack.fail_next("chat.postMessage", "ratelimited", retry_after=1)
    gateway = _gateway(slack)
    await gateway.post("job10:repost", channel.id, "hello")
    await gateway.close()
    assert slack.count("conversations.history") == 0
    assert len(_channel_posts(slack, channel.id)) == 1


def _busy(slack: StandIn, channel_id: str, n: int) -> None:
    ws = slack.workspace
    nurse = ws.add_user("nurse")
    ws.channels[channel_id].members.append(nurse.id)
    for i in range(n):
        ws.post_as_user(nurse.id, channel_id, f"handover note {i}")


async def test_a_lookup_under_one_call_a_minute_goes_on_where_it_stopped(slack: StandIn) -> None:
    """15 messages a page and one history call a minute (Slack's 2025-05-29 caps): the look-up
    for a post made just before a crash gives the job back at the 429 and resumes at that page,
    so the post is found, not repeated, and no worker waits out the minute. The old look-up
    waited inside the call, stayed limited, gave up and posted a second copy."""
    channel = slack.workspace.add_channel("ward")
    assert slack.workspace.history_page_cap == 15
    actions = CrashAfterSlack()
    crashing = _gateway(slack)
    crashing.actions = actions
    with pytest.raises(RuntimeError):
        await crashing.post("job22:repost", channel.id, "hello")
    await crashing.close()
    _busy(slack, channel.id, 20)  # our post is now on page 2
    slack.rate_limit("conversations.history", 1)
    restarted = _gateway(slack)
    restarted.actions = MemoryActionLog()
    restarted.actions._done.update(actions._done)  # the intent only
    with pytest.raises(SlackGatewayError) as limited:
        await restarted.post("job22:repost", channel.id, "hello")
    assert limited.value.retry_after  # the job comes back after Retry-After
    slack.rate_limit("conversations.history", None)  # a minute later
    await restarted.post("job22:repost", channel.id, "hello")
    await restarted.close()
    assert slack.count("chat.postMessage") == 1
    resumed = slack.calls("conversations.history", ok=True)[-1]
    assert resumed.args.get("cursor")  # went on from page 2, not from the top
    # bounded below by the recorded intent (less the 300 s clock-skew margin)
    assert time.time() - 400 < float(resumed.args["oldest"]) < time.time()
