"""The report as one self-contained HTML file: Jinja2 (autoescaped) around matplotlib PNGs.

One file a compliance officer can mail or archive: no scripts, no external requests (a
Content-Security-Policy says so to the browser), every image a `data:` URI.
"""

from __future__ import annotations

import base64
import struct
from datetime import UTC, datetime
from typing import Any

from bot.report import charts
from bot.report.data import CHANNEL_CLASSES, ReportData


def _stamp(at: datetime) -> str:
    return at.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")


def _seconds(ms: int | None) -> str:
    return "n/a" if ms is None else f"{ms / 1000:.1f} s"


def png_size(png: bytes) -> tuple[int, int]:
    """Width and height from a PNG's IHDR chunk (so the page reserves the chart's space)."""
    width, height = struct.unpack(">II", png[16:24])
    return int(width), int(height)


def render_html(data: ReportData, generated: datetime | None = None) -> str:
    from jinja2 import Environment, PackageLoader, select_autoescape

    env = Environment(
        loader=PackageLoader("bot.report", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        keep_trailing_newline=True,
    )
    drawn: list[dict[str, Any]] = []
    for key, (title, draw) in charts.CHARTS.items():
        png = draw(data)
        width, height = png_size(png)
        drawn.append(
            {
                "key": key,
                "title": title,
                "b64": base64.b64encode(png).decode("ascii"),
                "width": width,
                "height": height,
            }
        )
    classes = [
        c for c in (*CHANNEL_CLASSES, "unknown") if any(c in v for v in data.findings.values())
    ]
    return env.get_template("report.html.j2").render(
        d=data,
        charts=drawn,
        classes=classes,
        scope=f"workspace {data.team_id}" if data.team_id else "all workspaces",
        period=f"{_stamp(data.since)} to {_stamp(data.until)}",
        generated=_stamp(generated or datetime.now(UTC)),
        acted=sum(n for a, n in data.actions.items() if a != "none"),
        fp_total=sum(data.false_positives.values()),
        p50=_seconds(data.p50_ms),
        p95=_seconds(data.p95_ms),
    )
