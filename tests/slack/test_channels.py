"""Channel classes from cached `conversations.info` plus the approval override."""

from __future__ import annotations

from typing import Any
from unittest.mock import AsyncMock, MagicMock

import pytest

from bot.errors import SlackGatewayError
from bot.policy import ChannelClass
from bot.slack.channels import ChannelDirectory


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def _directory(
    info: dict[str, Any] | Exception, override: ChannelClass | None = None
) -> tuple[ChannelDirectory, MagicMock, Clock]:
    gateway = MagicMock()
    gateway.conversation_info = (
        AsyncMock(side_effect=info) if isinstance(info, Exception) else AsyncMock(return_value=info)
    )
    policies = MagicMock()
    policies.get_channel_class_override = AsyncMock(return_value=override)
    clock = Clock()
    return ChannelDirectory(gateway, policies, ttl=300, monotonic=clock), gateway, clock


@pytest.mark.parametrize(
    ("info", "override", "expected"),
    [
        ({}, None, ChannelClass.CLINICAL),
        ({"is_ext_shared": True}, None, ChannelClass.EXTERNAL),
        (
            {"is_ext_shared": True},
            ChannelClass.APPROVED,
            ChannelClass.EXTERNAL,
        ),  # Slack's facts win
        ({"is_im": True}, None, ChannelClass.DM),
        ({"is_mpim": True}, ChannelClass.APPROVED, ChannelClass.DM),
        ({"is_private": True}, ChannelClass.APPROVED, ChannelClass.APPROVED),
    ],
)
async def test_when_flags_and_override_then_class(
    info: dict[str, Any], override: ChannelClass | None, expected: ChannelClass
) -> None:
    directory, _, _ = _directory(info, override)
    assert await directory.channel_class("T1", "C1") is expected


async def test_conversations_info_is_cached_until_the_ttl() -> None:
    directory, gateway, clock = _directory({"is_ext_shared": True})
    for _ in range(3):
        await directory.channel_class("T1", "C1")
    assert gateway.conversation_info.await_count == 1
    clock.now = 301
    await directory.channel_class("T1", "C1")
    assert gateway.conversation_info.await_count == 2


async def test_when_slack_cannot_answer_the_event_channel_type_decides() -> None:
    directory, _, _ = _directory(
        SlackGatewayError("conversations.info", "ratelimited after 5 attempts")
    )
    assert await directory.channel_class("T1", "D1", "im") is ChannelClass.DM
    assert await directory.channel_class("T1", "C1", "channel") is ChannelClass.CLINICAL
