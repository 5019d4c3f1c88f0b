"""Uploading once per key (`bot.slack.upload_once`), through the gateway on the stand-in: a
lost share answer, a share that never landed, and Slack's asynchronous shares."""

from __future__ import annotations

import pytest

from bot.config import Settings
from bot.errors import SlackGatewayError
from bot.slack.gateway import SlackGateway
from bot.standin import StandIn
from tests.slack.gateway_support import make_gateway as _gateway

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
