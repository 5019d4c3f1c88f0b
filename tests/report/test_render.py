"""The report page: autoescaped, self-contained (a CSP that allows no fetch, every chart a
`data:` PNG with its size reserved), and the headline figures as the data states them."""

from __future__ import annotations

import base64
import io
import re
from datetime import UTC, date, datetime, timedelta

from PIL import Image

from bot.report import charts
from bot.report.data import ReportData, summarize
from bot.report.render import png_size, render_html

SINCE = datetime(2026, 11, 1, tzinfo=UTC)
UNTIL = SINCE + timedelta(days=2)


async def test_a_crafted_label_is_escaped_not_markup() -> None:
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


def test_png_size_reads_the_ihdr_chunk() -> None:
    png = charts.actions(ReportData(since=SINCE, until=UNTIL, team_id=None))
    assert png.startswith(b"\x89PNG\r\n\x1a\n")

    assert png_size(png) == Image.open(io.BytesIO(png)).size


def test_the_page_embeds_every_chart_with_its_size_and_allows_no_fetch() -> None:
    data = ReportData(
        since=SINCE,
        until=UNTIL,
        team_id="T1",
        posts_scanned=120,
        scanned_by_day=((date(2026, 11, 1), 70), (date(2026, 11, 2), 50)),
        flagged_by_day=((date(2026, 11, 1), 2), (date(2026, 11, 2), 1)),
        posts_with_findings=3,
        findings={"NAME": {"clinical": 2, "external": 1}},
        actions={"none": 5, "redact": 2, "block": 1},
        false_positives={"NameRecognizer": 4},
        latencies_ms=(1000, 2000, 3000),
    )
    html = render_html(data, generated=UNTIL)
    images = re.findall(r'<img[^>]*src="data:image/png;base64,([^"]+)"[^>]*>', html)
    assert len(images) == len(charts.CHARTS)
    for b64, tag in zip(images, re.findall(r"<img[^>]*>", html), strict=True):
        width, height = png_size(base64.b64decode(b64))
        assert f'width="{width}"' in tag and f'height="{height}"' in tag
    assert "default-src 'none'" in html and "<script" not in html
    assert "workspace T1" in html and "2026-11-01 00:00 UTC to 2026-11-03 00:00 UTC" in html
    assert "2026-11-03 00:00 UTC" in html  # generated
    assert "2.0 s" in html  # the median time to action


def test_without_a_team_the_scope_is_all_workspaces_and_latency_is_na() -> None:
    html = render_html(ReportData(since=SINCE, until=UNTIL, team_id=None), generated=UNTIL)
    assert "all workspaces" in html and "n/a" in html
