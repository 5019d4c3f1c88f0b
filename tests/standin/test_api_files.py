"""Files: upload v2 shares into a channel, files.info and files.delete answer as Slack does
(downloads from `url_private` are in tests/standin/test_files.py)."""

from __future__ import annotations

import aiohttp
import pytest
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.standin import StandIn
from tests.standin.conftest import Ward

PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4


async def test_when_the_bot_uploads_with_v2_then_the_file_appears_in_the_thread(
    slack: StandIn, ward: Ward, bot: AsyncWebClient
) -> None:
    root = slack.workspace.post_as_user(ward.nurse.id, ward.public.id, "x-ray attached")
    result = await bot.files_upload_v2(
        channel=ward.public.id,
        content=PNG,
        filename="xray-redacted.png",
        title="X-ray (identifiers removed)",
        initial_comment="posted by a colleague, identifiers removed by phiwarden",
        thread_ts=root["ts"],
    )
    file_id = result["file"]["id"]
    assert [c.method for c in slack.calls()] == [
        "files.getUploadURLExternal",
        "files.upload",
        "files.completeUploadExternal",
    ]
    message = slack.workspace.channel_messages(ward.public.id)[-1]
    assert message.files == [file_id] and message.thread_ts == root["ts"]
    assert (
        message.text.startswith("posted by a colleague")
        and message.bot_id == slack.workspace.bot_id
    )
    info = await bot.files_info(file=file_id)
    assert info["file"]["size"] == len(PNG) and info["file"]["mimetype"] == "image/png"
    assert info["file"]["channels"] == [ward.public.id]


async def test_when_the_bot_cannot_see_the_file_then_it_is_not_found(
    slack: StandIn, ward: Ward, bot: AsyncWebClient
) -> None:
    ws = slack.workspace
    hidden = ws.add_channel("hr", kind="private", members=[ward.nurse.id], bot_member=False)
    event = ws.share_file(ward.nurse.id, hidden.id, "scan.png", PNG)
    with pytest.raises(SlackApiError) as caught:
        await bot.files_info(file=event["files"][0]["id"])
    assert caught.value.response["error"] == "file_not_found"
    async with aiohttp.ClientSession() as session:
        headers = {"Authorization": f"Bearer {slack.bot_token}"}
        async with session.get(event["files"][0]["url_private"], headers=headers) as response:
            assert response.status == 404


async def test_when_the_bot_deletes_files_then_only_its_own_go(
    slack: StandIn, ward: Ward, bot: AsyncWebClient
) -> None:
    event = slack.workspace.share_file(ward.nurse.id, ward.public.id, "wound.png", PNG)
    with pytest.raises(SlackApiError) as caught:
        await bot.files_delete(file=event["files"][0]["id"])
    assert caught.value.response["error"] == "cant_delete_file"
    own = await bot.files_upload_v2(channel=ward.public.id, content=b"report", filename="r.txt")
    await bot.files_delete(file=own["file"]["id"])
    assert own["file"]["id"] not in slack.workspace.files


async def test_when_upload_is_not_completed_then_completion_fails(
    slack: StandIn, ward: Ward, bot: AsyncWebClient
) -> None:
    slot = await bot.files_getUploadURLExternal(filename="a.png", length=10)
    with pytest.raises(SlackApiError) as caught:
        await bot.files_completeUploadExternal(
            files=[{"id": slot["file_id"]}], channel_id=ward.public.id
        )
    assert caught.value.response["error"] == "file_not_found"
    with pytest.raises(SlackApiError) as caught:
        await bot.files_getUploadURLExternal(filename="a.png", length=0)
    assert caught.value.response["error"] == "invalid_arguments"
