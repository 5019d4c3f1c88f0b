"""One workspace or OAuth installs: decided by our settings, never by Bolt reading the environment."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from cryptography.fernet import Fernet

from bot.app import build_app, oauth_routes
from bot.config import Settings, slack_mode
from bot.errors import ConfigError
from bot.web.server import start_server

KEY = Fernet.generate_key().decode()


class _Store:
    installation_store = None
    oauth_state_store = None


class _Services:
    """What `build_app` and the handlers' `register` read at wiring time."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.store = _Store()

    def __getattr__(self, name: str) -> Any:
        return None


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"SLACK_BOT_TOKEN": "xoxb-1"}, "token"),
        ({"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_CLIENT_ID": "", "SLACK_CLIENT_SECRET": ""}, "token"),
        (
            {"SLACK_CLIENT_ID": "C1", "SLACK_CLIENT_SECRET": "s", "TOKEN_ENCRYPTION_KEY": KEY},
            "oauth",
        ),
        (
            {
                "SLACK_BOT_TOKEN": "",
                "SLACK_CLIENT_ID": "C1",
                "SLACK_CLIENT_SECRET": "s",
                "TOKEN_ENCRYPTION_KEY": KEY,
            },
            "oauth",
        ),
    ],
)
def test_the_mode_comes_from_settings_and_empty_variables_count_as_unset(
    monkeypatch: pytest.MonkeyPatch, env: dict[str, str], expected: str
) -> None:
    for name in (
        "SLACK_BOT_TOKEN",
        "SLACK_CLIENT_ID",
        "SLACK_CLIENT_SECRET",
        "TOKEN_ENCRYPTION_KEY",
    ):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert slack_mode(Settings()) == expected


@pytest.mark.parametrize(
    ("settings", "names"),
    [
        (
            Settings(slack_bot_token="xoxb-1", slack_client_id="C1", slack_client_secret="s"),
            ("SLACK_BOT_TOKEN", "SLACK_CLIENT_ID", "not both"),
        ),
        (Settings(slack_client_id="C1"), ("SLACK_CLIENT_ID", "SLACK_CLIENT_SECRET")),
        (Settings(slack_client_secret="s"), ("SLACK_CLIENT_SECRET", "SLACK_CLIENT_ID")),
        (Settings(), ("SLACK_BOT_TOKEN", "SLACK_CLIENT_ID")),
        # OAuth without TOKEN_ENCRYPTION_KEY used to start and fail with a bare 500 on the
        # last install step (issue 11, item 14).
        (Settings(slack_client_id="C1", slack_client_secret="s"), ("TOKEN_ENCRYPTION_KEY",)),
    ],
)
def test_no_mode_or_two_modes_is_a_clear_error(settings: Settings, names: tuple[str, ...]) -> None:
    with pytest.raises(ConfigError) as raised:
        slack_mode(settings)
    for name in names:
        assert name in str(raised.value)


@pytest.mark.parametrize("value", ["", "C0BOLTENV"])
def test_bolt_never_switches_to_its_own_oauth_from_the_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, value: str
) -> None:
    """Issue 11, item 13: SLACK_CLIENT_ID/SECRET in the environment (empty as `${VAR:-}` sets
    them, or real) made Bolt build its own OAuth flow with a file store under $HOME, ignore the
    bot token and act on no event."""
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("SLACK_CLIENT_ID", value)
    monkeypatch.setenv("SLACK_CLIENT_SECRET", value)
    monkeypatch.setenv("SLACK_SIGNING_SECRET", "from-the-environment")
    settings = Settings(
        _env_file=None,
        slack_bot_token="xoxb-ours",
        slack_signing_secret="ours",
        slack_client_id=None,
        slack_client_secret=None,
    )
    app = build_app(settings, _Services(settings))  # type: ignore[arg-type]
    assert app.oauth_flow is None
    assert oauth_routes(app) == []  # no /slack/install
    assert app.installation_store is None
    assert app.client.token == "xoxb-ours"
    assert app._signing_secret == "ours"  # what Bolt verifies requests with
    assert os.environ["SLACK_CLIENT_ID"] == value  # the environment is left as it was
    assert list(tmp_path.iterdir()) == []  # no ~/.bolt-app-installation


async def test_oauth_without_an_encryption_key_refuses_to_start(tmp_path: Path) -> None:
    settings = Settings(
        slack_client_id="C1",
        slack_client_secret="s",
        slack_signing_secret="x",
        database_url=f"sqlite+aiosqlite:///{tmp_path}/db.sqlite3",
    )
    with pytest.raises(ConfigError, match="TOKEN_ENCRYPTION_KEY"):
        await start_server(settings, port=0)
    assert not (tmp_path / "db.sqlite3").exists()  # refused before anything opened
