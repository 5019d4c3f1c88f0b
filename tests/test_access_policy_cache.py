"""Who may change policy, and the short policy cache in front of the store."""

from __future__ import annotations

from unittest.mock import AsyncMock, MagicMock

from bot.access import AdminCheck
from bot.config import Settings
from bot.errors import SlackGatewayError
from bot.policy import ChannelPolicy, PolicyAction
from bot.policy_cache import CachedPolicies


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


async def test_policy_reads_are_cached_and_invalidated_by_a_change() -> None:
    store = MagicMock()
    store.get_policy = AsyncMock(return_value=ChannelPolicy(text_action=PolicyAction.BLOCK))
    cache = CachedPolicies(store, ttl=60)
    for _ in range(3):
        assert (await cache.get_policy("T1", "C1")).text_action is PolicyAction.BLOCK  # type: ignore[union-attr]
    assert store.get_policy.await_count == 1
    cache.invalidate("T1", "C1")
    await cache.get_policy("T1", "C1")
    assert store.get_policy.await_count == 2
