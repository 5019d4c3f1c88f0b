"""Where one workspace's admin alerts go, so a multi-workspace install alerts each its own admins.

In order: the channel the workspace's admins chose (`/phi alerts #channel`, kept per
installation in `WorkspaceSettingsStore`); in a single-workspace install, the deployment's
`ADMIN_ALERT_CHANNEL`, else a DM to each of `ADMIN_USER_IDS`; in an OAuth (multi-workspace)
install, a DM to the admin who installed the app there, since the environment's channel and
user ids belong to one workspace only and must not receive another's alerts.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable

from bot.config import Settings
from bot.logging import log_event
from bot.store.api import WorkspaceSettingsStore

log = logging.getLogger(__name__)

InstallerLookup = Callable[[str | None], Awaitable[str | None]]


class AlertDestinations:
    """Resolves the alert targets (channel or user ids) of one team."""

    def __init__(
        self,
        settings: Settings,
        workspaces: WorkspaceSettingsStore,
        *,
        multi_workspace: bool,
        installer: InstallerLookup | None = None,
    ) -> None:
        self.settings = settings
        self.workspaces = workspaces
        self.multi_workspace = multi_workspace
        self._installer = installer

    def environment_targets(self) -> list[str]:
        """The deployment's own destination; only a single-workspace install uses it."""
        if self.multi_workspace:
            return []
        if self.settings.admin_alert_channel:
            return [self.settings.admin_alert_channel]
        return list(self.settings.admin_user_ids)

    def fallback_label(self) -> str | None:
        """How `/phi alerts` describes the default when a workspace set none."""
        env = self.environment_targets()
        if env:
            return ", ".join(f"<#{t}>" if t[0] in "CG" else f"<@{t}>" for t in env)
        return "a DM to the admin who installed phiwarden" if self.multi_workspace else None

    async def targets(self, team_id: str | None) -> list[str]:
        if team_id:
            chosen = (await self.workspaces.get_workspace_settings(team_id)).alert_channel
            if chosen:
                return [chosen]
        env = self.environment_targets()
        if env:
            return env
        installer = await self._installer(team_id) if self._installer else None
        return [installer] if installer else []

    async def warn_if_none(self, team_ids: list[str]) -> list[str]:
        """Log a start-up warning for each workspace whose alerts would go nowhere."""
        missing = [team for team in team_ids if not await self.targets(team)]
        if not team_ids and not self.environment_targets():
            missing = ["(single workspace)"]
        for team in missing:
            log_event(
                log,
                logging.WARNING,
                "no admin alert destination: set one with /phi alerts #channel, "
                "or ADMIN_ALERT_CHANNEL / ADMIN_USER_IDS for a single workspace",
                team_id=team,
                reason="no_alert_destination",
            )
        return missing
