"""The report in a real browser (Debian's headless chromium): the charts must paint.

A screenshot of the report must show the charts' own colours, which nothing but the embedded
PNGs carries (the page's own styles use none of them): so what is counted is what chromium
decoded and painted from the images.
"""

from __future__ import annotations

import os
import re
from datetime import timedelta
from pathlib import Path

import pytest
from PIL import Image

from bot.demo import report_sample as sample
from bot.report import charts, render_html
from bot.report.data import gather
from bot.store import Store
from tests.report.browser import find_chromium, screenshot


def _rgb(hex_colour: str) -> tuple[int, int, int]:
    value = int(hex_colour.lstrip("#"), 16)
    return (value >> 16) & 255, (value >> 8) & 255, value & 255


def _count(png: Path, colour: str, tolerance: int = 4) -> int:
    target = _rgb(colour)
    image = Image.open(png).convert("RGB")
    return sum(
        n
        for n, pixel in image.getcolors(maxcolors=1 << 24) or []
        if all(abs(a - b) <= tolerance for a, b in zip(pixel, target, strict=True))
    )


@pytest.fixture
def chromium() -> str:
    binary = find_chromium()
    if binary is None:
        reason = "chromium is not installed (bash scripts/setup_chromium.sh, as root)"
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI=true and {reason}")
        pytest.skip(reason)
    return binary


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
async def test_the_report_charts_draw_in_headless_chromium(
    chromium: str, store: Store, tmp_path: Path
) -> None:
    until = sample.now()
    await sample.seed(store, until, days=14)
    html = render_html(await gather(store, until - timedelta(days=14), until, sample.TEAM))
    page, shot = tmp_path / "report.html", tmp_path / "report.png"
    page.write_text(html, encoding="utf-8")
    screenshot(page, shot)
    colours = {
        "bars": charts.BAR_COLOUR,
        "trend line": charts.LINE_COLOUR,
        "approved": charts.CLASS_COLOURS["approved"],
        "external": charts.CLASS_COLOURS["external"],
    }
    painted = {name: _count(shot, colour) for name, colour in colours.items()}
    assert all(n > 500 for n in painted.values()), painted
    without_images = re.sub(r"data:image/png;base64,[A-Za-z0-9+/=]+", "", html).lower()
    assert not any(colour.lower() in without_images for colour in colours.values())
