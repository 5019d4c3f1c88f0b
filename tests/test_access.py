"""Who may change policy: configured admins, workspace admins and owners; a Slack error says no."""

from __future__ import annotations

from unittest.mock import AsyncMock, MagicMock

from bot.access import AdminCheck
from bot.config import Settings
from bot.errors import SlackGatewayError


async def test_configured_admins_workspace_admins_and_owners_may_change_policy() -> None:
    gateway = MagicMock()
    users = {"UADM": {"is_admin": True}, "UOWN": {"is_owner": True}, "UDOC": {}}
    gateway.user_info = AsyncMock(side_effect=lambda user, team_id=None: users[user])
    check = AdminCheck(Settings(admin_user_ids=["UCFG"]), gateway)
    assert await check.is_admin("T1", "UCFG")
    assert await check.is_admin("T1", "UADM")
    assert await check.is_admin("T1", "UOWN")
    assert not await check.is_admin("T1", "UDOC")


async def test_a_slack_error_means_not_an_admin() -> None:
    gateway = MagicMock()
    gateway.user_info = AsyncMock(side_effect=SlackGatewayError("users.info", "user_not_found"))
    assert not await AdminCheck(Settings(), gateway).is_admin("T1", "U1")


async def test_an_answer_is_cached_per_user_for_the_ttl_and_a_failure_is_not() -> None:
    clock = [0.0]
    gateway = MagicMock()
    gateway.user_info = AsyncMock(return_value={"is_primary_owner": True})
    check = AdminCheck(Settings(), gateway, ttl=60, monotonic=lambda: clock[0])
    assert await check.is_admin("T1", "U1") and await check.is_admin("T1", "U1")
    assert gateway.user_info.await_count == 1
    await check.is_admin("T2", "U1")  # another workspace is asked for itself
    assert gateway.user_info.await_count == 2
    clock[0] = 61.0
    await check.is_admin("T1", "U1")
    assert gateway.user_info.await_count == 3
    gateway.user_info.side_effect = SlackGatewayError("users.info", "ratelimited")
    assert not await check.is_admin("T1", "U9")
    gateway.user_info.side_effect = None
    assert await check.is_admin("T1", "U9")  # the failure was not remembered as "no"
