"""`phiwarden report`: writes the HTML file (all workspaces by default) and refuses an empty period."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.cli import main


def test_cli_writes_the_report_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("DATABASE_URL", f"sqlite+aiosqlite:///{tmp_path}/db.sqlite3")
    out = tmp_path / "out" / "report.html"
    assert main(["report", "--since", "30d", "--out", str(out)]) == 0
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!doctype html>") and html.count("data:image/png;base64,") == 5
    assert "all workspaces" in html
    assert "wrote the compliance report" in capsys.readouterr().err


def test_cli_refuses_an_until_before_since(tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    assert (
        main(["report", "--since", "2026-11-02", "--until", "2026-11-01", "--out", str(out)]) == 2
    )
    assert not out.exists()
