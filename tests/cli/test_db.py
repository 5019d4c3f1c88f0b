"""`phiwarden db upgrade` and `db current` as an operator runs them."""

from __future__ import annotations

import pytest

from bot.cli import main


def test_db_upgrade_creates_schema_and_is_repeatable(
    db_env: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["db", "current"]) == 0
    assert "empty" in capsys.readouterr().out
    assert main(["db", "upgrade"]) == 0
    assert main(["db", "upgrade"]) == 0
    assert main(["db", "current"]) == 0
    assert capsys.readouterr().out.strip().endswith("0004")  # the newest migration


def test_db_upgrade_reports_a_bad_url_without_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("DATABASE_URL", "mysql://x/y")
    assert main(["db", "upgrade"]) == 2  # a bad setting (issue 12)
    err = capsys.readouterr().err
    assert err.startswith("phiwarden: DATABASE_URL is not valid: wants sqlite+aiosqlite")
    assert len(err.splitlines()) == 1
