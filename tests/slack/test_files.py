"""Slack files against the stand-in: capped streamed download, v2 upload into the thread."""

from __future__ import annotations

from collections.abc import AsyncIterator

import aiohttp
import pytest
from faker import Faker
from slack_sdk.web.async_client import AsyncWebClient

from bot.errors import FileTooLargeError, SlackGatewayError, UnscannableError
from bot.slack.files import download_file, upload_file_v2
from bot.standin import StandIn

PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 64


@pytest.fixture
async def slack() -> AsyncIterator[StandIn]:
    async with StandIn.start() as standin:
        yield standin


@pytest.fixture
def shared(slack: StandIn) -> dict[str, object]:
    fake = Faker()
    Faker.seed(11)
    ws = slack.workspace
    nurse = ws.add_user(fake.user_name(), real_name=fake.name())
    channel = ws.add_channel("ward-7", members=[nurse.id])
    event = ws.share_file(nurse.id, channel.id, "monitor.png", PNG, text="bed 4 overnight")
    return {
        "nurse": nurse,
        "channel": channel,
        "event": event,
        "url": event["files"][0]["url_private"],
    }


@pytest.fixture
def bot(slack: StandIn) -> AsyncWebClient:
    return AsyncWebClient(base_url=slack.api_url, token=slack.bot_token)


async def test_when_file_shared_then_bot_downloads_its_bytes(
    slack: StandIn, shared: dict[str, object], bot: AsyncWebClient
) -> None:
    data = await download_file(bot, str(shared["url"]), slack.bot_token, max_bytes=1024 * 1024)
    assert data == PNG
    assert [(c.ok, c.status) for c in slack.calls("files.download")] == [(True, 200)]


async def test_when_file_exceeds_cap_then_too_large_and_stream_abandoned(
    slack: StandIn, shared: dict[str, object], bot: AsyncWebClient
) -> None:
    with pytest.raises(FileTooLargeError) as caught:
        await download_file(bot, str(shared["url"]), slack.bot_token, max_bytes=1000)
    assert isinstance(caught.value, UnscannableError) and "too large" in str(caught.value)


async def test_when_token_rejected_then_gateway_error_not_sign_in_page(
    slack: StandIn, shared: dict[str, object], bot: AsyncWebClient
) -> None:
    with pytest.raises(SlackGatewayError) as caught:
        await download_file(bot, str(shared["url"]), "xoxb-not-a-token", max_bytes=1024 * 1024)
    assert caught.value.error == "not_authed"


async def test_when_file_host_fails_once_then_retried(
    slack: StandIn, shared: dict[str, object]
) -> None:
    slack.fail_next("files.download", status=503)
    async with aiohttp.ClientSession() as session:
        data = await download_file(
            session, str(shared["url"]), slack.bot_token, 1024 * 1024, allowed_hosts={"127.0.0.1"}
        )
    assert data == PNG
    assert [c.status for c in slack.calls("files.download")] == [503, 200]


async def test_when_file_host_keeps_failing_then_gateway_error(
    slack: StandIn, shared: dict[str, object], bot: AsyncWebClient
) -> None:
    slack.http_error_next("files.download", 500, times=3)
    slack.fail_next("files.download", status=500)
    with pytest.raises(SlackGatewayError) as caught:
        await download_file(bot, str(shared["url"]), slack.bot_token, 1024 * 1024, attempts=2)
    assert caught.value.error == "http_500"


@pytest.mark.parametrize(
    "url",
    [
        "https://attacker.example/files/x.png",
        "http://files.slack.com/x.png",
        "file:///etc/passwd",
        "https://slack.com.evil.io/x",
    ],
)
async def test_when_url_is_not_a_slack_file_host_then_token_never_sent(
    url: str, slack: StandIn, bot: AsyncWebClient
) -> None:
    with pytest.raises(SlackGatewayError) as caught:
        await download_file(bot, url, slack.bot_token, 1024)
    assert caught.value.error == "url_not_a_slack_file_host"


async def test_when_redacted_copy_uploaded_then_it_lands_in_the_thread(
    slack: StandIn, shared: dict[str, object], bot: AsyncWebClient
) -> None:
    channel = shared["channel"]
    thread = str(shared["event"]["ts"])  # type: ignore[index]
    file = await upload_file_v2(
        bot,
        channel.id,
        thread,
        "monitor.png",
        PNG,
        "Posted by a colleague; identifiers removed by phiwarden",  # type: ignore[attr-defined]
        title="monitor (identifiers removed)",
    )
    assert [
        c.method
        for c in slack.calls()
        if c.method.startswith("files.") and c.method != "files.download"
    ] == [
        "files.getUploadURLExternal",
        "files.upload",
        "files.completeUploadExternal",
    ]
    message = slack.workspace.channel_messages(channel.id)[-1]  # type: ignore[attr-defined]
    assert message.files == [file["id"]] and message.thread_ts == thread
    assert message.text.startswith("Posted by a colleague")
    assert slack.workspace.files[file["id"]].content == PNG


async def test_when_upload_post_fails_then_gateway_error_and_nothing_shared(
    slack: StandIn, shared: dict[str, object], bot: AsyncWebClient
) -> None:
    slack.fail_next("files.upload", status=500)
    channel = shared["channel"]
    before = len(slack.workspace.channel_messages(channel.id))  # type: ignore[attr-defined]
    with pytest.raises(SlackGatewayError) as caught:
        await upload_file_v2(bot, channel.id, None, "a.png", PNG, None)  # type: ignore[attr-defined]
    assert caught.value.method == "files.upload"
    assert len(slack.workspace.channel_messages(channel.id)) == before  # type: ignore[attr-defined]
