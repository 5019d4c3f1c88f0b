"""The start-up summary says the mode, the workspace, deletion, alerts and the bound address."""

from __future__ import annotations

from bot.config import Settings
from bot.web.startup import Startup, summary


def test_a_token_deployment_without_admin_token_or_alerts_is_warned_about() -> None:
    lines = summary(
        Settings(slack_bot_token="xoxb-1", slack_signing_secret="s"),
        Startup("0.0.0.0:3000", can_delete_user_posts=False, workspace="T1 (acme)"),
    )
    text = "\n".join(line for _, line in lines)
    assert "one workspace" in text and "T1 (acme)" in text and "0.0.0.0:3000" in text
    warnings = [line for level, line in lines if level == "warning"]
    assert any("SLACK_ADMIN_USER_TOKEN" in w for w in warnings)
    assert any("admin alerts: nowhere" in w for w in warnings)


def test_an_oauth_deployment_with_alerts_says_so() -> None:
    from cryptography.fernet import Fernet

    settings = Settings(
        slack_client_id="C1",
        slack_client_secret="s",
        token_encryption_key=Fernet.generate_key().decode(),
        admin_alert_channel="C0ALERTS",
    )
    lines = summary(settings, Startup("Socket Mode", can_delete_user_posts=True, workspace=None))
    assert [level for level, _ in lines] == ["info"] * 4
    text = "\n".join(line for _, line in lines)
    assert "OAuth" in text and "Socket Mode" in text and "C0ALERTS" in text
