"""The report over a real store: tallies, `gather`, and no PHI in the file."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta

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
