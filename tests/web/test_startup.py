"""The start-up summary says the mode, the workspace, deletion, alerts, jobs and the bound
address, and alerts as `bot.slack.alerts` will really send them."""

from __future__ import annotations

from cryptography.fernet import Fernet

from bot.config import Settings
from bot.web.startup import Startup, summary


def _text(lines: list[tuple[str, str]]) -> str:
    return "\n".join(line for _, line in lines)


def test_a_token_deployment_without_admin_token_or_alerts_is_warned_about() -> None:
    lines = summary(
        Settings(slack_bot_token="xoxb-1", slack_signing_secret="s"),
        Startup("0.0.0.0:3000", can_delete_user_posts=False, workspace="T1 (acme)"),
    )
    text = _text(lines)
    assert "one workspace" in text and "T1 (acme)" in text and "0.0.0.0:3000" in text
    assert "jobs: embedded queue" in text
    warnings = [line for level, line in lines if level == "warning"]
    assert any("SLACK_ADMIN_USER_TOKEN" in w for w in warnings)
    assert any("admin alerts: nowhere" in w for w in warnings)


def test_a_workspace_s_own_alerts_channel_counts_though_no_variable_names_one() -> None:
    lines = summary(
        Settings(slack_bot_token="xoxb-1", slack_signing_secret="s"),
        Startup("0.0.0.0:3000", True, "T1 (acme)", alert_targets=["C0CHOSEN"]),
    )
    assert ("info", "admin alerts: channel C0CHOSEN") in lines
    assert [level for level, _ in lines] == ["info"] * 5


def test_an_oauth_deployment_says_where_alerts_go_and_that_the_channel_variable_is_unused() -> None:
    settings = Settings(
        slack_client_id="C1",
        slack_client_secret="s",
        token_encryption_key=Fernet.generate_key().decode(),
        admin_alert_channel="C0ALERTS",
        queue_url="redis://cache:6379/0",
    )
    lines = summary(settings, Startup("Socket Mode", can_delete_user_posts=True, workspace=None))
    text = _text(lines)
    assert "OAuth" in text and "Socket Mode" in text and "jobs: Redis" in text
    assert "a DM to the admin who installed phiwarden" in text
    warnings = [line for level, line in lines if level == "warning"]
    assert warnings == [
        "ADMIN_ALERT_CHANNEL is not used with OAuth installs: a channel id belongs to one workspace"
    ]
