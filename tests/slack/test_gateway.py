"""The gateway against the stand-in: retries, caps, idempotency keys, the admin-token rule."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from typing import Any

import pytest

from bot.config import Settings
from bot.errors import SlackGatewayError
from bot.slack.gateway import MemoryActionLog, Removal, SlackGateway
from bot.standin import StandIn, Workspace


@pytest.fixture
async def slack() -> AsyncIterator[StandIn]:
    async with StandIn.start(Workspace()) as stand_in:
        yield stand_in


def _gateway(
    slack: StandIn, *, admin: bool = True, sleeps: list[float] | None = None, max_attempts: int = 4
) -> SlackGateway:
    settings = Settings(
        slack_api_url=slack.api_url,
        slack_bot_token=slack.bot_token,
        slack_admin_user_token=slack.admin_token if admin else None,
    )

    async def sleep(seconds: float) -> None:
        if sleeps is not None:
            sleeps.append(seconds)

    return SlackGateway(
        settings, sleep=sleep, max_attempts=max_attempts, base_delay=0.5, max_delay=8
    )


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


class CrashAfterSlack(MemoryActionLog):
    """An action log whose process "dies" after Slack answered but before the step was recorded."""

    async def record_action(self, key: str, result: dict[str, Any]) -> None:
        if not key.endswith(":intent"):
            raise RuntimeError("killed before the record")
        await super().record_action(key, result)


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


PNG_BYTES = b"\x89PNG\r\n\x1a\n" + b"\0" * 64


def _files_in(slack: StandIn, channel_id: str) -> list[str]:
    return [f for m in slack.workspace.channel_messages(channel_id) for f in m.files]


async def test_an_upload_whose_share_answer_was_lost_is_not_shared_again(slack: StandIn) -> None:
    channel = slack.workspace.add_channel("ward")
    slack.lose_answer_next("files.completeUploadExternal")
    gateway = _gateway(slack)
    with pytest.raises(SlackGatewayError):  # the job fails this time; the queue runs it again
        await gateway.upload("job11:upload", channel.id, None, "x.png", PNG_BYTES, "redacted copy")
    file_id = await gateway.upload(
        "job11:upload", channel.id, None, "x.png", PNG_BYTES, "redacted copy"
    )
    await gateway.close()
    assert file_id and _files_in(slack, channel.id) == [file_id]
    assert slack.count("files.getUploadURLExternal") == 1


async def test_an_upload_that_never_reached_the_channel_is_redone(slack: StandIn) -> None:
    channel = slack.workspace.add_channel("ward")
    slack.fail_next("files.completeUploadExternal", "internal_error")
    gateway = _gateway(slack)
    with pytest.raises(SlackGatewayError):
        await gateway.upload("job12:upload", channel.id, None, "x.png", PNG_BYTES, "redacted copy")
    file_id = await gateway.upload(
        "job12:upload", channel.id, None, "x.png", PNG_BYTES, "redacted copy"
    )
    await gateway.close()
    assert file_id and _files_in(slack, channel.id) == [file_id]
    assert slack.count("files.getUploadURLExternal") == 2


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


# Slack's caps and asynchronous shares (issue 10 item 8) -------------------------------------


async def test_a_retry_that_finds_the_upload_not_shared_yet_waits_instead_of_uploading_again(
    slack: StandIn,
) -> None:
    """files.completeUploadExternal shares asynchronously (python-slack-sdk#1277): the old
    retry read "no share yet" as "never shared" and uploaded a second copy."""
    channel = slack.workspace.add_channel("ward")
    slack.workspace.share_delay = 0.3
    slack.lose_answer_next("files.completeUploadExternal")
    settings = Settings(slack_api_url=slack.api_url, slack_bot_token=slack.bot_token)
    gateway = SlackGateway(settings, max_attempts=2, base_delay=0.01)  # real sleeps
    with pytest.raises(SlackGatewayError):
        await gateway.upload("job20:upload", channel.id, None, "x.png", PNG_BYTES, "copy")
    file_id = await gateway.upload("job20:upload", channel.id, None, "x.png", PNG_BYTES, "copy")
    await gateway.close()
    assert file_id and _files_in(slack, channel.id) == [file_id]
    assert slack.count("files.getUploadURLExternal") == 1


async def test_when_a_share_does_not_land_the_job_comes_back_and_never_uploads_twice(
    slack: StandIn,
) -> None:
    channel = slack.workspace.add_channel("ward")
    slack.workspace.share_delay = 3600
    slack.lose_answer_next("files.completeUploadExternal")
    sleeps: list[float] = []
    gateway = _gateway(slack, sleeps=sleeps, max_attempts=2)
    with pytest.raises(SlackGatewayError):
        await gateway.upload("job21:upload", channel.id, None, "x.png", PNG_BYTES, "copy")
    with pytest.raises(SlackGatewayError) as pending:
        await gateway.upload("job21:upload", channel.id, None, "x.png", PNG_BYTES, "copy")
    await gateway.close()
    assert pending.value.error == "file_share_pending" and pending.value.retry_after
    assert sum(sleeps) >= 15  # waited for the share before giving the job back
    assert slack.count("files.getUploadURLExternal") == 1


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
