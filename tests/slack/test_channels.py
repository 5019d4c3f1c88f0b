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


FAILED = SlackGatewayError("conversations.info", "ratelimited after 5 attempts")


@pytest.mark.parametrize(
    ("channel_type", "ext_shared", "override", "expected"),
    [
        ("im", False, None, ChannelClass.DM),
        ("channel", False, None, ChannelClass.CLINICAL),
        ("group", False, ChannelClass.APPROVED, ChannelClass.APPROVED),
        # The envelope says Slack Connect: external, whatever an admin approved.
        ("channel", True, None, ChannelClass.EXTERNAL),
        ("channel", True, ChannelClass.APPROVED, ChannelClass.EXTERNAL),
        # Not told: fail toward external, never clinical or approved.
        ("channel", None, None, ChannelClass.EXTERNAL),
        ("channel", None, ChannelClass.APPROVED, ChannelClass.EXTERNAL),
        (None, None, None, ChannelClass.EXTERNAL),
        ("im", None, None, ChannelClass.EXTERNAL),
    ],
)
async def test_when_slack_cannot_answer_then_the_event_decides_and_unknown_is_external(
    channel_type: str | None,
    ext_shared: bool | None,
    override: ChannelClass | None,
    expected: ChannelClass,
) -> None:
    directory, _, _ = _directory(FAILED, override)
    got = await directory.channel_class("T1", "C1", channel_type, ext_shared=ext_shared)
    assert got is expected


async def test_when_slack_cannot_answer_then_approve_is_refused_as_external() -> None:
    directory, _, _ = _directory(FAILED)
    assert await directory.approval_blocker("T1", "C1", "channel") == "external"


async def test_when_the_event_says_shared_then_a_cached_not_shared_is_asked_again() -> None:
    directory, gateway, _ = _directory({}, ChannelClass.APPROVED)
    assert await directory.channel_class("T1", "C1", "channel", False) is ChannelClass.APPROVED
    gateway.conversation_info.return_value = {"is_ext_shared": True}
    assert await directory.channel_class("T1", "C1", "channel", True) is ChannelClass.EXTERNAL
    assert gateway.conversation_info.await_count == 2
    assert await directory.channel_class("T1", "C1", "channel") is ChannelClass.EXTERNAL


async def test_when_the_event_says_shared_and_slack_not_yet_then_external_uncached() -> None:
    directory, gateway, _ = _directory({}, ChannelClass.APPROVED)
    assert await directory.channel_class("T1", "C1", "channel", True) is ChannelClass.EXTERNAL
    assert await directory.channel_class("T1", "C1", "channel", True) is ChannelClass.EXTERNAL
    assert gateway.conversation_info.await_count == 2


async def test_when_forgotten_then_slack_is_asked_at_once() -> None:
    directory, gateway, _ = _directory({}, ChannelClass.APPROVED)
    assert await directory.channel_class("T1", "C1") is ChannelClass.APPROVED
    gateway.conversation_info.return_value = {"is_ext_shared": True}
    directory.forget("T1", "C1")
    assert await directory.channel_class("T1", "C1") is ChannelClass.EXTERNAL
