"""Channel policies, workspace default and approvals, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.policy import ChannelClass, ChannelPolicy, PolicyAction
from bot.store import Store

EPOCH = datetime(2000, 1, 1, tzinfo=UTC)


async def test_when_no_policy_then_none_and_builtin_default(store: Store) -> None:
    assert await store.get_policy("T1", "C1") is None
    assert await store.get_default_policy("T1") is None
    assert await store.effective_policy("T1", "C1") == ChannelPolicy()


async def test_when_channel_policy_set_then_round_trips(store: Store) -> None:
    policy = ChannelPolicy(text_action=PolicyAction.REDACT, confirm_timeout_seconds=120)
    await store.set_policy("T1", "C1", policy, actor="UADMIN")
    assert await store.get_policy("T1", "C1") == policy
    assert await store.get_policy("T1", "C2") is None
    assert await store.get_policy("T2", "C1") is None


async def test_when_default_set_with_none_or_star_then_same_row(store: Store) -> None:
    await store.set_policy("T1", None, ChannelPolicy(text_action=PolicyAction.BLOCK), "UADMIN")
    await store.set_policy("T1", "*", ChannelPolicy(text_action=PolicyAction.ALLOW), "UADMIN")
    default = await store.get_default_policy("T1")
    assert default is not None and default.text_action is PolicyAction.ALLOW
    assert (await store.effective_policy("T1", "CX")).text_action is PolicyAction.ALLOW
    assert await store.list_policies("T1") == {"*": default}


async def test_when_policy_replaced_then_latest_wins_and_each_change_audited(store: Store) -> None:
    await store.set_policy("T1", "C1", ChannelPolicy(text_action=PolicyAction.BLOCK), "UA")
    await store.set_policy("T1", "C1", ChannelPolicy(text_action=PolicyAction.REDACT), "UB")
    policy = await store.get_policy("T1", "C1")
    assert policy is not None and policy.text_action is PolicyAction.REDACT
    rows = [r for r in await store.audit_rows(EPOCH) if r["event"] == "policy_change"]
    assert [r["user_id"] for r in rows] == ["UA", "UB"]
    assert rows[1]["detail"]["policy"]["text_action"] == "redact"


async def test_when_channel_approved_then_override_until_unapproved(store: Store) -> None:
    assert await store.get_channel_class_override("T1", "C1") is None
    await store.set_approved("T1", "C1", True, actor="UADMIN")
    assert await store.get_channel_class_override("T1", "C1") is ChannelClass.APPROVED
    assert await store.list_approved("T1") == ["C1"]
    await store.set_approved("T1", "C1", False, actor="UADMIN2")
    assert await store.get_channel_class_override("T1", "C1") is None
    events = [(r["event"], r["user_id"]) for r in await store.audit_rows(EPOCH)]
    assert events == [("approve", "UADMIN"), ("unapprove", "UADMIN2")]
