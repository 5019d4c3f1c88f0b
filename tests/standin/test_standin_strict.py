"""The stand-in behaves as Slack does where it is strict: JSON bodies to read methods, files
shared after the answer (each check names its doc page in the code). The Block Kit limits are
in tests/standin/test_blocks.py, history pages in tests/standin/test_api_conversations.py."""

from __future__ import annotations

import asyncio

import aiohttp
import pytest
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.standin import StandIn
from tests.standin.conftest import Ward


async def _error(call: object) -> str:
    with pytest.raises(SlackApiError) as caught:
        await call  # type: ignore[misc]
    return str(caught.value.response["error"])


async def test_when_a_read_method_gets_json_then_its_arguments_are_not_read(
    slack: StandIn, ward: Ward, bot: AsyncWebClient
) -> None:
    slack.workspace.post_as_user(ward.nurse.id, ward.public.id, "bed 4 needs a review")
    as_form = await bot.api_call("conversations.history", data={"channel": ward.public.id})
    assert len(as_form["messages"]) == 1
    error = await _error(bot.api_call("conversations.history", json={"channel": ward.public.id}))
    assert error == "channel_not_found"


async def test_when_a_write_method_gets_json_then_it_is_read(
    slack: StandIn, ward: Ward, bot: AsyncWebClient
) -> None:
    posted = await bot.api_call("chat.postMessage", json={"channel": ward.public.id, "text": "hi"})
    assert posted["ok"]


async def test_an_upload_is_shared_after_the_answer_when_sharing_is_late(
    slack: StandIn, ward: Ward, bot: AsyncWebClient
) -> None:
    slack.workspace.share_delay = 0.2
    slot = await bot.files_getUploadURLExternal(filename="a.png", length=4)
    async with aiohttp.ClientSession() as session:
        await session.post(str(slot["upload_url"]), data=b"\x89PNG")
    await bot.files_completeUploadExternal(
        files=[{"id": slot["file_id"], "title": "a"}], channel_id=ward.public.id
    )
    info = await bot.files_info(file=slot["file_id"])
    assert info["file"]["channels"] == []  # answered, not shared yet
    await asyncio.sleep(0.4)
    info = await bot.files_info(file=slot["file_id"])
    assert info["file"]["channels"] == [ward.public.id]
    assert any(slot["file_id"] in m.files for m in slack.workspace.channel_messages(ward.public.id))
