"""Slack files against the stand-in: capped streamed download (redirects followed, the token
only to Slack), v2 upload into the thread."""

from __future__ import annotations

import aiohttp
import pytest
from faker import Faker
from slack_sdk.web.async_client import AsyncWebClient

from bot.errors import FileTooLargeError, SlackGatewayError, UnscannableError
from bot.slack.files import FileHosts, download_file, hosts_for, upload_file_v2
from bot.standin import StandIn

PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 64


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
    # Slack's host redirects to its CDN; the bytes come from there, fetched without the token.
    assert [(c.ok, c.status) for c in slack.calls("files.download")] == [(True, 302)]
    assert [(c.ok, c.status) for c in slack.calls("files.cdn")] == [(True, 200)]


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
            session,
            str(shared["url"]),
            slack.bot_token,
            1024 * 1024,
            hosts=FileHosts.for_api_url(slack.api_url),
        )
    assert data == PNG
    assert [c.status for c in slack.calls("files.download")] == [503, 302]


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


async def test_when_a_client_follows_the_redirect_with_the_token_then_the_cdn_refuses_it(
    slack: StandIn, shared: dict[str, object]
) -> None:
    """The stand-in's CDN behaves like a pre-signed object store: no Authorization header."""
    headers = {"Authorization": f"Bearer {slack.bot_token}"}
    async with aiohttp.ClientSession() as session:
        async with session.get(str(shared["url"]), headers=headers, allow_redirects=False) as hop:
            assert hop.status == 302
            location = hop.headers["Location"]
        async with session.get(location, headers=headers) as response:
            assert response.status == 400
    assert [c.error for c in slack.calls("files.cdn")] == ["authorization_header_refused"]


async def test_when_a_redirect_leads_off_slack_then_it_is_not_followed(
    slack: StandIn, shared: dict[str, object], bot: AsyncWebClient
) -> None:
    hosts = FileHosts(token_origins=FileHosts.for_api_url(slack.api_url).token_origins)
    with pytest.raises(SlackGatewayError) as caught:  # the CDN's loopback origin is not allowed
        await download_file(bot, str(shared["url"]), slack.bot_token, 1024 * 1024, hosts=hosts)
    assert caught.value.error == "redirect_off_slack"
    assert slack.calls("files.cdn") == []


SLACK = FileHosts.for_api_url("https://slack.com/api/")
GOV = FileHosts.for_api_url("https://slack-gov.com/api/")


@pytest.mark.parametrize(
    ("hosts", "url", "token", "followed"),
    [
        (SLACK, "https://files.slack.com/files-pri/T1-F1/a.png", True, True),
        (SLACK, "https://files-origin.slack.com/files-pri/T1-F1/a.png", True, True),
        (SLACK, "https://files-edge.slack-edge.com/T1-F1/a.png?sig=x", False, True),
        (SLACK, "https://slack-files.com/T1-F1-abc", False, True),
        (SLACK, "http://files.slack.com/x.png", False, False),
        (SLACK, "https://slack.com.evil.io/x", False, False),
        (SLACK, "https://evilslack.com/x", False, False),
        (SLACK, "https://files.slack-gov.com/files-pri/T1-F1/a.png", False, False),
        (GOV, "https://files.slack-gov.com/files-pri/T1-F1/a.png", True, True),
        (GOV, "https://files.slack.com/files-pri/T1-F1/a.png", False, False),
    ],
)
def test_the_token_goes_only_to_slacks_own_hosts_and_never_to_the_cdn(
    hosts: FileHosts, url: str, token: bool, followed: bool
) -> None:
    assert hosts.token_allowed(url) is token
    assert (hosts.token_allowed(url) or hosts.tokenless_allowed(url)) is followed


async def test_when_hosts_come_from_a_client_then_its_web_api_origin_gets_the_token() -> None:
    local = AsyncWebClient(base_url="http://127.0.0.1:9/api/")
    assert hosts_for(local).token_allowed("http://127.0.0.1:9/files/x.png")
    assert not hosts_for(AsyncWebClient()).token_allowed("http://127.0.0.1:9/files/x.png")
    async with aiohttp.ClientSession() as session:  # a bare session knows no API: slack.com only
        assert hosts_for(session) == FileHosts()
