"""The stand-in refuses what Slack refuses: JSON bodies to read methods, long option text, too many
options, too much text over a message's blocks (each check names its doc page in the code)."""

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


def _section(n: int) -> dict[str, object]:
    return {"type": "section", "text": {"type": "mrkdwn", "text": "x" * n}}


def _group(kind: str, options: int, text: str = "a") -> dict[str, object]:
    return {
        "type": "actions",
        "elements": [
            {
                "type": kind,
                "action_id": "pick",
                "options": [
                    {"text": {"type": "plain_text", "text": text}, "value": f"v{i}"}
                    for i in range(options)
                ],
            }
        ],
    }


@pytest.mark.parametrize(
    ("blocks", "error"),
    [
        ([_section(3000)] * 4 + [_section(1)], "msg_blocks_too_long"),
        ([_group("checkboxes", 11)], "invalid_blocks"),
        ([_group("radio_buttons", 11)], "invalid_blocks"),
        ([_group("static_select", 10, "x" * 76)], "invalid_blocks"),
    ],
)
async def test_when_blocks_break_a_limit_then_slack_refuses(
    slack: StandIn, ward: Ward, bot: AsyncWebClient, blocks: list[object], error: str
) -> None:
    call = bot.chat_postMessage(channel=ward.public.id, text="fallback", blocks=blocks)
    assert await _error(call) == error
    assert slack.workspace.channel_messages(ward.public.id) == []


@pytest.mark.parametrize(
    "blocks",
    [[_section(3000)] * 4, [_group("checkboxes", 10)], [_group("static_select", 10, "x" * 75)]],
)
async def test_when_blocks_are_within_the_limits_then_the_post_goes_through(
    slack: StandIn, ward: Ward, bot: AsyncWebClient, blocks: list[object]
) -> None:
    posted = await bot.chat_postMessage(channel=ward.public.id, text="fallback", blocks=blocks)
    assert posted["ok"]


async def test_history_pages_hold_at_most_15_messages_as_for_apps_outside_the_marketplace(
    slack: StandIn, ward: Ward, bot: AsyncWebClient
) -> None:
    for i in range(20):
        slack.workspace.post_as_user(ward.nurse.id, ward.public.id, f"note {i}")
    first = await bot.conversations_history(channel=ward.public.id, limit=200)
    assert len(first["messages"]) == 15 and first["has_more"]
    cursor = first["response_metadata"]["next_cursor"]
    second = await bot.conversations_history(channel=ward.public.id, limit=200, cursor=cursor)
    assert len(second["messages"]) == 5
    slack.workspace.history_page_cap = None  # a Marketplace app
    assert len((await bot.conversations_history(channel=ward.public.id))["messages"]) == 20


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
