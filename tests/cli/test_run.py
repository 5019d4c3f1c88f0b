"""`phiwarden run`: the start-up announcement names the workspace, the real port and its alerts
channel; Slack being unreachable is said, not fatal; a setting that stops the start is one line
and exit status 2."""

from __future__ import annotations

import argparse
from pathlib import Path
from unittest.mock import MagicMock

import pytest

from bot.cli.run import announce, run
from bot.config import Settings
from bot.web.server import start_server


async def test_run_announces_the_workspace_the_real_port_and_its_alerts_channel(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Against the stand-in: auth.test names the workspace, `/phi alerts` chose the channel."""
    from bot.scan_pool import ScanWorkers
    from bot.standin import StandIn, Workspace
    from tests.fakes import FakeEngine

    ws = Workspace(team_name="Lakeside General")
    admin = ws.add_user("ines", real_name="Ines Admin", is_admin=True)
    chosen = ws.add_channel("phi-alerts", members=[admin.id])
    slack = await StandIn.start(ws)
    settings = Settings(
        slack_api_url=slack.api_url,
        slack_bot_token=slack.bot_token,
        slack_signing_secret=slack.signing_secret,
        database_url=f"sqlite+aiosqlite:///{tmp_path}/p.sqlite3",
    )
    server = await start_server(
        settings, host="127.0.0.1", port=0, scanner=ScanWorkers(settings, engine=FakeEngine())
    )
    try:
        await server.services.store.update_workspace_settings(
            ws.team_id, admin.id, alert_channel=chosen.id
        )
        await announce(settings, server, host="127.0.0.1", socket_mode=False)
    finally:
        await server.stop()
        await slack.stop()
    out = capsys.readouterr().out
    assert f"workspace {ws.team_id} (Lakeside General)" in out
    assert f"listening on 127.0.0.1:{server.port} " in out
    assert f"phiwarden: admin alerts: channel {chosen.id}" in out
    assert "nowhere" not in out


async def test_an_unreachable_slack_is_announced_without_a_workspace_not_raised(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    settings = Settings(
        slack_api_url="http://127.0.0.1:1/api/",
        slack_bot_token="xoxb-1-2-3",
        slack_signing_secret="s",
        database_url=f"sqlite+aiosqlite:///{tmp_path}/p.sqlite3",
    )
    server = MagicMock(port=3999)
    server.services.gateway.can_delete_user_posts = False
    await announce(settings, server, host="0.0.0.0", socket_mode=False)
    out = capsys.readouterr().out
    assert "listening on 0.0.0.0:3999" in out
    server.services.alerts.targets.assert_not_called()  # no workspace, no alert look-up


def test_a_setting_that_stops_the_start_is_one_line_and_status_2(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)  # no .env here
    monkeypatch.setenv("DATABASE_URL", f"sqlite+aiosqlite:///{tmp_path}/p.sqlite3")
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-1-2-3")
    monkeypatch.delenv("SLACK_SIGNING_SECRET", raising=False)
    monkeypatch.delenv("SLACK_APP_TOKEN", raising=False)
    args = argparse.Namespace(host="127.0.0.1", port=0, socket_mode=True)
    assert run(args) == 2
    err = capsys.readouterr().err
    assert err.startswith("phiwarden: ") and "SLACK_APP_TOKEN" in err
    assert len(err.strip().splitlines()) == 1
