"""Block Kit as Slack checks it: unknown or malformed blocks, and the limits on options and text,
are refused before anything is posted (each check names its doc page in bot/standin/blocks.py)."""

from __future__ import annotations

from collections.abc import Awaitable

import pytest
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.standin import StandIn
from tests.standin.conftest import Ward


async def _error(call: Awaitable[object]) -> str:
    with pytest.raises(SlackApiError) as caught:
        await call
    return str(caught.value.response["error"])


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


async def test_when_blocks_are_invalid_then_the_error_points_at_the_block(
    ward: Ward, bot: AsyncWebClient
) -> None:
    with pytest.raises(SlackApiError) as caught:
        await bot.chat_postMessage(
            channel=ward.public.id, text="x", blocks=[{"type": "divider"}, {"type": "nope"}]
        )
    assert "json-pointer:/1/type" in caught.value.response["response_metadata"]["messages"][0]
