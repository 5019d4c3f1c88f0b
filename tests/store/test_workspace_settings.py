"""Per-installation settings: defaults, validated audited updates, isolation between teams."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.store import Store
from bot.store.api import WorkspaceSettings


async def test_a_workspace_that_set_nothing_gets_the_defaults(store: Store) -> None:
    assert await store.get_workspace_settings("T1") == WorkspaceSettings()
    assert await store.list_workspace_settings() == {}


async def test_an_update_is_kept_per_team_and_audited(store: Store) -> None:
    updated = await store.update_workspace_settings("T1", "U_ADMIN", alert_channel="C0ALERTS")
    assert updated.alert_channel == "C0ALERTS"
    assert (await store.get_workspace_settings("T1")).alert_channel == "C0ALERTS"
    assert (await store.get_workspace_settings("T2")).alert_channel is None
    assert await store.list_workspace_settings() == {"T1": updated}
    counts = await store.recent_counts("T1", datetime.now(UTC) - timedelta(minutes=1))
    assert counts.get("settings_change") == 1


async def test_an_update_can_clear_a_setting(store: Store) -> None:
    await store.update_workspace_settings("T1", "U_ADMIN", alert_channel="C0ALERTS")
    cleared = await store.update_workspace_settings("T1", "U_ADMIN", alert_channel=None)
    assert cleared.alert_channel is None
    assert (await store.get_workspace_settings("T1")).alert_channel is None


@pytest.mark.parametrize(
    "changes",
    [{"alert_channel": "#phi-alerts"}, {"alert_channel": "U123"}, {"no_such_setting": True}],
)
async def test_a_bad_update_is_refused_and_nothing_stored(
    store: Store, changes: dict[str, object]
) -> None:
    with pytest.raises(ValueError):
        await store.update_workspace_settings("T1", "U_ADMIN", **changes)
    assert await store.list_workspace_settings() == {}


async def test_an_uninstalled_workspace_forgets_its_settings(store: Store) -> None:
    await store.update_workspace_settings("T1", "U_ADMIN", alert_channel="C0ALERTS")
    await store.delete_workspace_settings("T1")
    assert await store.get_workspace_settings("T1") == WorkspaceSettings()
