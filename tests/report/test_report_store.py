"""The report over a real store: tallies, `gather`, the CLI, and no PHI in the file."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from bot.cli import main
from bot.demo import report_sample as sample
from bot.report import render_html
from bot.report.data import gather
from bot.store import Store
from bot.store.api import AuditEvent


async def test_tallies_add_up_per_team_and_day(store: Store) -> None:
    day = datetime(2026, 11, 2, 23, 59, tzinfo=UTC)
    await store.tally_scanned("T1", day)
    await store.tally_scanned("T1", day, posts=4)
    await store.tally_scanned("T1", day + timedelta(minutes=2))  # next UTC day
    await store.tally_scanned("T2", day)
    assert await store.scanned_by_day(date(2026, 11, 1), team_id="T1") == {
        date(2026, 11, 2): 5,
        date(2026, 11, 3): 1,
    }
    assert await store.scanned_by_day(date(2026, 11, 1), date(2026, 11, 3)) == {
        date(2026, 11, 2): 6
    }


async def test_gather_reads_one_workspace_and_the_html_holds_figures_only(store: Store) -> None:
    until = sample.now()
    await sample.seed(store, until, days=10)
    await store.append(
        AuditEvent(
            team_id="T0OTHER",
            channel_id="C9",
            user_id="U9",
            event="scan",
            action="block",
            kinds=("NAME",),
            detail={"channel_class": "external"},
            at=until - timedelta(days=1),
        )
    )
    data = await gather(store, until - timedelta(days=10), until, sample.TEAM)
    everyone = await gather(store, until - timedelta(days=10), until)
    assert data.posts_scanned > 1000
    assert everyone.posts_with_findings == data.posts_with_findings + 1
    assert data.attestations > 0 and sum(data.false_positives.values()) > 0
    assert data.p50_ms is not None and data.p95_ms is not None and data.p50_ms <= data.p95_ms
    html = render_html(data, generated=until)
    assert html.count('src="data:image/png;base64,') == 5
    assert f"workspace {sample.TEAM}" in html
    assert re.search(r"https?://", html) is None  # nothing to fetch
    assert "<script" not in html


async def test_a_crafted_label_is_escaped_not_markup() -> None:
    from bot.report.data import summarize

    since = datetime(2026, 11, 1, tzinfo=UTC)
    rows = [
        {
            "event": "false_positive",
            "at": since,
            "action": "",
            "kinds": [],
            "detail": {"recognizers": ["<img src=x onerror=alert(1)>"]},
        }
    ]
    html = render_html(summarize(rows, {}, since=since, until=since + timedelta(days=1)))
    assert "<img src=x" not in html and "&lt;img src=x" in html


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
