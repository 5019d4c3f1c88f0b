"""`member_joined_channel`: only the bot's own join starts a report-only sweep, and only when
`SWEEP_ON_JOIN_DAYS` is above 0; every join is acknowledged."""

from __future__ import annotations

from typing import Any
from unittest.mock import AsyncMock, MagicMock

import pytest

from handlers.membership import handle_member_joined


def _services(days: int = 7) -> MagicMock:
    services = MagicMock()
    services.bot_user_id = "UBOT"
    services.settings.sweep_on_join_days = days
    services.pipeline.sweeps.start = AsyncMock()
    return services


def _event(**overrides: Any) -> dict[str, Any]:
    return {"type": "member_joined_channel", "user": "UBOT", "channel": "C1", **overrides}


async def test_the_bots_own_join_starts_a_report_only_sweep_of_the_configured_days() -> None:
    services, ack = _services(days=7), AsyncMock()
    await handle_member_joined(ack, _event(), MagicMock(team_id="T1", bot_user_id="UBOT"), services)
    services.pipeline.sweeps.start.assert_awaited_once_with("T1", "C1", "", days=7, mode="report")
    ack.assert_awaited_once()


async def test_the_bot_user_falls_back_to_the_services_one_and_the_team_to_the_event() -> None:
    services = _services()
    context = MagicMock(team_id=None, bot_user_id=None)
    await handle_member_joined(AsyncMock(), _event(team="T2"), context, services)
    services.pipeline.sweeps.start.assert_awaited_once_with("T2", "C1", "", days=7, mode="report")


@pytest.mark.parametrize(
    "days, event",
    [(7, {"user": "U1"}), (0, {}), (7, {"channel": ""})],
    ids=["someone else joined", "sweeps on join off", "no channel"],
)
async def test_no_sweep_otherwise_and_the_join_is_still_acked(
    days: int, event: dict[str, Any]
) -> None:
    services, ack = _services(days=days), AsyncMock()
    context = MagicMock(team_id="T1", bot_user_id="UBOT")
    await handle_member_joined(ack, _event(**event), context, services)
    services.pipeline.sweeps.start.assert_not_awaited()
    ack.assert_awaited_once()
