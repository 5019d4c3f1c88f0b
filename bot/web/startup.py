"""What `phiwarden run` tells the operator at start-up: what it will do, in a few lines.

A deployment that acts on nothing looks exactly like one that works until the first PHI
post; these lines say the mode, the workspace, whether users' posts can be removed, where
alerts go and the address really bound, so a wrong setting shows at once.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.config import Settings, slack_mode


@dataclass(frozen=True)
class Startup:
    """What the running server knows about itself."""

    bound: str  # "0.0.0.0:3000" or "Socket Mode"
    can_delete_user_posts: bool
    workspace: str | None  # "T0123 (acme)" from auth.test, None when Slack did not answer
    # One workspace: where its alerts go as `bot.slack.alerts` resolves them (its `/phi alerts`
    # channel, else ADMIN_ALERT_CHANNEL, else ADMIN_USER_IDS); None when not known.
    alert_targets: list[str] | None = None


def summary(settings: Settings, startup: Startup) -> list[tuple[str, str]]:
    """(level, line) pairs; level "warning" for a setting that leaves the guard weaker."""
    lines: list[tuple[str, str]] = []
    if slack_mode(settings) == "token":
        workspace = startup.workspace or "not confirmed (auth.test did not answer)"
        lines.append(("info", f"mode: one workspace (SLACK_BOT_TOKEN), workspace {workspace}"))
    else:
        lines.append(("info", "mode: OAuth installs (SLACK_CLIENT_ID), install at /slack/install"))
    if startup.bound == "Socket Mode":
        lines.append(("info", "receives events over Socket Mode (SLACK_APP_TOKEN)"))
    else:
        lines.append(("info", f"listening on {startup.bound} (POST /slack/events, GET /healthz)"))
    if startup.can_delete_user_posts:
        lines.append(("info", "removes users' posts: yes (with the admin user token)"))
    else:
        lines.append(
            (
                "warning",
                "removes users' posts: no (SLACK_ADMIN_USER_TOKEN unset): it warns the poster "
                "and alerts admins instead",
            )
        )
    lines += _alerts(settings, startup)
    if settings.scaled_out:
        lines.append(("info", "jobs: Redis (QUEUE_URL); `phiwarden worker` processes scan"))
    else:
        lines.append(("info", "jobs: embedded queue, scanned in this process"))
    return lines


def _alerts(settings: Settings, startup: Startup) -> list[tuple[str, str]]:
    """Where admin alerts go, as `bot.slack.alerts.AlertDestinations` will send them."""
    if slack_mode(settings) == "oauth":
        lines = [
            (
                "info",
                "admin alerts: each workspace's `/phi alerts` channel, else a DM to the admin "
                "who installed phiwarden there",
            )
        ]
        if settings.admin_alert_channel:  # AlertDestinations ignores it with several workspaces
            lines.append(
                (
                    "warning",
                    "ADMIN_ALERT_CHANNEL is not used with OAuth installs: a channel id belongs "
                    "to one workspace",
                )
            )
        return lines
    targets = startup.alert_targets
    if targets is None:  # auth.test did not answer: what the settings alone say
        targets = (
            [settings.admin_alert_channel]
            if settings.admin_alert_channel
            else list(settings.admin_user_ids)
        )
    if not targets:
        return [
            (
                "warning",
                "admin alerts: nowhere (run `/phi alerts #channel`, or set ADMIN_ALERT_CHANNEL "
                "or ADMIN_USER_IDS); they are only logged",
            )
        ]
    channels = [t for t in targets if t[:1] in ("C", "G")]
    if channels:
        return [("info", f"admin alerts: channel {channels[0]}")]
    return [("info", f"admin alerts: DMs to {len(targets)} admin(s)")]
