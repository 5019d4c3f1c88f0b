"""Settings: derived values, and every bad setting is one line on stderr naming the variable
and what it wants, status 2."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli import main
from bot.config import DICOM_OPTIONS, Settings, load_settings
from bot.errors import ConfigError

ROOT = Path(__file__).resolve().parents[1]

# One bad value per setting (every field of Settings is here or in FREE_FORM).
BAD: dict[str, str] = {
    "SLACK_BOT_TOKEN": "xoxp-not-a-bot-token",
    "SLACK_APP_TOKEN": "xoxb-not-an-app-token",
    "SLACK_ADMIN_USER_TOKEN": "xoxb-not-a-user-token",
    "SLACK_API_URL": "slack.com/api",
    "DATABASE_URL": "mysql://db/phiwarden",
    "QUEUE_URL": "amqp://broker",
    "PORT": "abc",
    "SPACY_MODEL": "nope",
    "INSTITUTIONS": '["Lakeside Clinic"',
    "OCR_ENGINE": "abbyy",
    "ADMIN_USER_IDS": "U123,not-a-user",
    "ADMIN_ALERT_CHANNEL": "#phi-alerts",
    "CONFIRM_SWEEP_SECONDS": "0",
    "ACK_PRESCREEN_MS": "5000",
    "TOKEN_ENCRYPTION_KEY": "secret",
    "RETENTION_DAYS": "forever",
    "WORKER_PROCESSES": "0",
    "SCAN_NICE": "40",
    "DICOM_SHIFT_DATES": "maybe",
    "MAX_FILE_BYTES": "-1",
    "LOG_LEVEL": "loud",
    "RULES_URL": "intranet/rules",
    "SWEEP_PAGE_SIZE": "0",
    "SCAN_TIMEOUT_SECONDS": "0",
    "FILE_SCAN_TIMEOUT_SECONDS": "soon",
    "SWEEP_INTERVAL_SECONDS": "-1",
    "SWEEP_ON_JOIN_DAYS": "a month",
    "DICOM_UID_KEY": "short-secret",
    "DICOM_OPTIONS": "retain_uids,retain_everything",
}
# Opaque strings Slack issues: any value is taken as it is (a wrong one fails at Slack).
FREE_FORM = {"SLACK_SIGNING_SECRET", "SLACK_CLIENT_ID", "SLACK_CLIENT_SECRET"}


def test_the_table_covers_every_setting() -> None:
    assert set(BAD) | FREE_FORM == {name.upper() for name in Settings.model_fields}


@pytest.mark.parametrize("name", sorted(BAD))
def test_a_bad_setting_is_one_line_naming_it(
    name: str,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    for other in BAD:
        monkeypatch.delenv(other, raising=False)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv(name, BAD[name])
    assert main(["db", "current"]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith(f"phiwarden: {name} is not valid: wants ")
    assert "another value" not in lines[0]  # every setting says what it wants
    if name.endswith(("_TOKEN", "_KEY")):  # secrets are never echoed
        assert BAD[name] not in err


def test_admin_user_ids_take_a_comma_separated_list_or_json(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("ADMIN_USER_IDS", "U123, W456")
    assert load_settings().admin_user_ids == ["U123", "W456"]
    monkeypatch.setenv("ADMIN_USER_IDS", '["U123"]')
    assert load_settings().admin_user_ids == ["U123"]


def test_empty_variables_count_as_unset(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("PORT", "SLACK_BOT_TOKEN", "SLACK_CLIENT_ID", "ADMIN_USER_IDS", "LOG_LEVEL"):
        monkeypatch.setenv(name, "")
    settings = load_settings()
    assert (settings.port, settings.slack_bot_token, settings.slack_client_id) == (3000, None, None)
    assert (settings.admin_user_ids, settings.log_level) == ([], "INFO")


@pytest.mark.parametrize(
    ("env", "argv", "says"),
    [
        ({"PORT": "abc"}, ["run"], "PORT is not valid"),
        (
            {"DATABASE_URL": "postgresql+asyncpg://u:hunter2@127.0.0.1:1/db"},
            ["db", "upgrade"],
            "DATABASE_URL: cannot reach",
        ),
        (
            {"DATABASE_URL": "postgresql+asyncpg://u:hunter2@127.0.0.1:1/db"},
            ["audit", "export", "--since", "1d"],
            "DATABASE_URL: cannot reach",
        ),
        (
            {"DATABASE_URL": "sqlite+aiosqlite:////proc/phiwarden/db.sqlite3"},
            ["db", "current"],
            "DATABASE_URL: cannot",
        ),
        (
            {"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_SIGNING_SECRET": "s"},
            ["run", "--socket-mode"],
            "SLACK_APP_TOKEN",
        ),
        (
            {"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_CLIENT_ID": "C1", "SLACK_CLIENT_SECRET": "s"},
            ["run"],
            "not both",
        ),
    ],
)
def test_the_process_exits_2_with_one_line_and_no_traceback(
    env: dict[str, str], argv: list[str], says: str, tmp_path: Path
) -> None:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "DATABASE_"))}
    done = subprocess.run(
        [sys.executable, "-m", "bot.cli", *argv],
        env={**clean, "PYTHONPATH": str(ROOT), **env},
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 2, done.stderr
    lines = done.stderr.splitlines()
    assert len(lines) == 1, done.stderr
    assert says in lines[0]
    assert "Traceback" not in done.stderr and "hunter2" not in done.stderr


@pytest.mark.parametrize(
    ("url", "kind"),
    [
        ("embedded", "embedded"),
        ("", "embedded"),
        ("redis://cache:6379/0", "redis"),
        ("rediss://cache:6380/0", "redis"),
        ("unix:///run/redis.sock", "redis"),
        ("  redis://cache:6379/0\n", "redis"),  # as an env file or a secret mount leaves it
    ],
)
def test_queue_url_names_one_queue(url: str, kind: str) -> None:
    settings = Settings(queue_url=url)
    assert settings.queue_kind == kind
    assert settings.scaled_out is (kind == "redis")


@pytest.mark.parametrize("url", ["amqp://broker", "redis:/typo", "sqs://q", "Embedded"])
def test_any_other_queue_url_is_refused_with_a_config_error(url: str) -> None:
    settings = Settings(queue_url=url)
    assert settings.scaled_out is False
    with pytest.raises(ConfigError, match="QUEUE_URL"):
        _ = settings.queue_kind


@pytest.mark.parametrize(("processes", "slots"), [(1, 16), (2, 16), (3, 24), (8, 64)])
def test_jobs_in_flight_grow_with_the_scan_processes(processes: int, slots: int) -> None:
    assert Settings(worker_processes=processes).job_concurrency == slots


def test_a_dicom_uid_key_shorter_than_16_bytes_stops_start_up_with_a_clear_error() -> None:
    with pytest.raises(ConfigError, match="DICOM_UID_KEY is not valid: wants a secret of 16 bytes"):
        load_settings(dicom_uid_key="short-secret")
    assert load_settings(dicom_uid_key="x" * 16).dicom_key() == b"x" * 16


def test_without_dicom_uid_key_the_key_comes_from_the_deployment_secret_alone() -> None:
    """So every worker and every restart of one deployment maps a study's UIDs the same way,
    and another deployment (another secret) differently; no secret at all: no shared key."""
    one = Settings(slack_signing_secret="s" * 32).dicom_key()
    again = Settings(slack_signing_secret="s" * 32).dicom_key()
    other = Settings(slack_signing_secret="t" * 32).dicom_key()
    assert one is not None and one == again != other and len(one) >= 16
    assert b"s" * 32 not in one  # derived (HMAC), not the secret itself
    assert Settings().dicom_key() is None


def test_dicom_options_are_named_as_the_table_names_its_columns() -> None:
    from bot.detect import dicom_profile

    assert load_settings(dicom_options="Retain UIDs, clean-descriptors").dicom_options == [
        "retain_uids",
        "clean_descriptors",
    ]
    assert set(DICOM_OPTIONS) <= set(dicom_profile.table().option_names)
    with pytest.raises(ConfigError, match="DICOM_OPTIONS"):
        load_settings(
            dicom_options="retain_longitudinal_full_dates,retain_longitudinal_modified_dates"
        )


def test_token_encryption_key_takes_a_rotation_list_and_checks_every_key() -> None:
    from cryptography.fernet import Fernet

    new, old = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    assert load_settings(token_encryption_key=f"{new}, {old}").token_encryption_key == (
        f"{new},{old}"
    )
    with pytest.raises(ConfigError, match="TOKEN_ENCRYPTION_KEY is not valid"):
        load_settings(token_encryption_key=f"{new},not-a-key")


def test_the_compose_stack_takes_every_setting_and_sets_none_empty() -> None:
    """A deployment configures the stack from .env alone, so docker-compose.yml passes every
    setting through (DATABASE_URL and QUEUE_URL it sets; PORT is what nginx expects)."""
    import yaml

    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    env = compose["x-phiwarden"]["environment"]
    assert set(env) | {"PORT"} == {name.upper() for name in Settings.model_fields}
    set_here = {name for name, value in env.items() if value is not None}
    assert set_here == {"DATABASE_URL", "QUEUE_URL"}  # the rest: passed through, never ""
