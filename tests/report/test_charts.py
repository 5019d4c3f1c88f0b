"""The report's charts: PNGs that paint the data in the palette's colours (a class's colour only
when that class has findings), an empty period drawn as a message, no metadata stamp."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta

import pytest
from PIL import Image

from bot.report import charts
from bot.report.data import ReportData

SINCE = datetime(2026, 11, 1, tzinfo=UTC)
EMPTY = ReportData(since=SINCE, until=SINCE + timedelta(days=2), team_id=None)
FULL = ReportData(
    since=SINCE,
    until=SINCE + timedelta(days=2),
    team_id=None,
    scanned_by_day=((date(2026, 11, 1), 70), (date(2026, 11, 2), 50)),
    flagged_by_day=((date(2026, 11, 1), 20), (date(2026, 11, 2), 30)),
    findings={"NAME": {"clinical": 2}, "MRN": {"clinical": 1}},
    actions={"redact": 2, "block": 1},
    false_positives={"NameRecognizer": 4},
    latencies_ms=(1000, 2000, 3000, 4000, 5000),
)


def _colours(png: bytes) -> set[tuple[int, int, int]]:
    image = Image.open(io.BytesIO(png)).convert("RGB")
    return {rgb for _, rgb in image.getcolors(maxcolors=1 << 20) or []}


def _rgb(hex_colour: str) -> tuple[int, int, int]:
    value = int(hex_colour.lstrip("#"), 16)
    return (value >> 16) & 255, (value >> 8) & 255, value & 255


@pytest.mark.parametrize("key", sorted(charts.CHARTS))
def test_every_chart_is_a_png_without_a_software_stamp(key: str) -> None:
    _, draw = charts.CHARTS[key]
    for data in (EMPTY, FULL):
        png = draw(data)
        assert png.startswith(b"\x89PNG\r\n\x1a\n")
        assert b"matplotlib" not in png.lower()


@pytest.mark.parametrize(
    "draw", [charts.findings_by_kind, charts.actions, charts.false_positives, charts.time_to_action]
)
def test_data_is_painted_in_the_bar_colours_and_an_empty_period_is_not(
    draw: Callable[[ReportData], bytes],
) -> None:
    painted = _colours(draw(FULL))
    bar = _rgb(
        charts.CLASS_COLOURS["clinical"] if draw is charts.findings_by_kind else charts.BAR_COLOUR
    )
    assert bar in painted
    assert bar not in _colours(draw(EMPTY))


def test_only_the_classes_with_findings_get_their_colour() -> None:
    painted = _colours(charts.findings_by_kind(FULL))
    assert _rgb(charts.CLASS_COLOURS["clinical"]) in painted
    assert _rgb(charts.CLASS_COLOURS["external"]) not in painted


def test_posts_per_day_draws_bars_and_the_trend_line() -> None:
    painted = _colours(charts.posts_per_day(FULL))
    assert {_rgb(charts.BAR_COLOUR), _rgb(charts.LINE_COLOUR)} <= painted


def test_a_bar_chart_grows_with_its_labels() -> None:
    many = ReportData(
        since=SINCE,
        until=SINCE,
        team_id=None,
        false_positives={f"Recognizer{i}": i + 1 for i in range(12)},
    )
    few_height = Image.open(io.BytesIO(charts.false_positives(FULL))).size[1]
    many_height = Image.open(io.BytesIO(charts.false_positives(many))).size[1]
    assert many_height > few_height
