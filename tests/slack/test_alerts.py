"""`AlertDestinations`: each workspace's alerts go to its own admins, in the documented order."""

from __future__ import annotations

import pytest

from bot.config import Settings
from bot.slack.alerts import AlertDestinations
from bot.store.api import WorkspaceSettings


class Chosen:
    """Workspace settings with an alert channel chosen per team (`/phi alerts #channel`)."""

    def __init__(self, **channels: str) -> None:
        self.channels = channels

    async def get_workspace_settings(self, team_id: str) -> WorkspaceSettings:
        return WorkspaceSettings(alert_channel=self.channels.get(team_id))


async def _installer(team_id: str | None) -> str | None:
    return {"T1": "UINSTALLER1"}.get(team_id or "")


def _alerts(*, multi: bool, chosen: Chosen | None = None, **settings: object) -> AlertDestinations:
    return AlertDestinations(
        Settings(**settings),  # type: ignore[arg-type]
        chosen or Chosen(),  # type: ignore[arg-type]
        multi_workspace=multi,
        installer=_installer if multi else None,
    )


async def test_when_a_workspace_chose_a_channel_then_its_alerts_go_there_first() -> None:
    alerts = _alerts(multi=False, chosen=Chosen(T1="C0CHOSEN1"), admin_alert_channel="C0ENV0001")
    assert await alerts.targets("T1") == ["C0CHOSEN1"]
    assert await alerts.targets("T2") == ["C0ENV0001"]  # the others fall back


@pytest.mark.parametrize(
    ("settings", "targets", "label"),
    [
        ({"admin_alert_channel": "C0ENV0001"}, ["C0ENV0001"], "<#C0ENV0001>"),
        (
            {"admin_user_ids": ["U0ADMIN01", "U0ADMIN02"]},
            ["U0ADMIN01", "U0ADMIN02"],
            "<@U0ADMIN01>, <@U0ADMIN02>",
        ),
        ({}, [], None),
    ],
)
async def test_when_one_workspace_is_installed_then_the_environment_s_destination_is_used(
    settings: dict[str, object], targets: list[str], label: str | None
) -> None:
    alerts = _alerts(multi=False, **settings)
    assert await alerts.targets("T1") == targets
    assert alerts.fallback_label() == label


async def test_when_many_workspaces_are_installed_then_the_environment_is_never_used() -> None:
    alerts = _alerts(multi=True, admin_alert_channel="C0ENV0001", admin_user_ids=["U0ADMIN01"])
    assert await alerts.targets("T1") == ["UINSTALLER1"]  # a DM to whoever installed it there
    assert await alerts.targets("T2") == []  # nobody known: nowhere, never another's channel
    assert alerts.fallback_label() == "a DM to the admin who installed phiwarden"


async def test_when_alerts_would_go_nowhere_then_start_up_names_those_workspaces() -> None:
    assert await _alerts(multi=True).warn_if_none(["T1", "T2"]) == ["T2"]
    assert await _alerts(multi=False).warn_if_none([]) == ["(single workspace)"]
    assert await _alerts(multi=False, admin_alert_channel="C0ENV0001").warn_if_none([]) == []
