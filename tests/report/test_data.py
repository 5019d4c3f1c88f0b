"""The report's figures: a pure fold over audit rows and day tallies."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from bot.report.data import percentile, summarize

SINCE = datetime(2026, 11, 1, tzinfo=UTC)
UNTIL = datetime(2026, 11, 4, tzinfo=UTC)


def row(event: str, at_day: int = 1, **fields: Any) -> dict[str, Any]:
    return {
        "event": event,
        "at": datetime(2026, 11, at_day, 9, tzinfo=UTC),
        "action": fields.pop("action", ""),
        "kinds": fields.pop("kinds", []),
        "detail": fields.pop("detail", {}),
        **fields,
    }


@pytest.mark.parametrize(
    ("values", "pct", "expected"),
    [
        ([], 50, None),
        ([7], 95, 7),
        ([1, 2, 3, 4], 50, 2),
        (list(range(1, 101)), 95, 95),
        (list(range(1, 101)), 50, 50),
        ([5, 1, 3], 100, 5),
    ],
)
def test_percentile_is_nearest_rank(values: list[int], pct: float, expected: int | None) -> None:
    assert percentile(values, pct) == expected


def test_when_rows_fold_then_every_figure_counts_its_own_events() -> None:
    rows = [
        row(
            "scan",
            1,
            action="block",
            kinds=["NAME", "ID"],
            detail={"channel_class": "external", "latency_ms": 900},
        ),
        row(
            "scan",
            2,
            action="confirm",
            kinds=["NAME"],
            detail={"channel_class": "clinical", "latency_ms": 1500},
        ),
        row(
            "scan",
            2,
            action="none",
            kinds=["DATE"],
            detail={"channel_class": "approved", "latency_ms": 50},
        ),
        row("confirm", 2, action="withdrawn"),
        row("consent", 2, action="attest", att_intended_use="teaching"),
        row("false_positive", 3, detail={"recognizers": ["NameRecognizer"]}),
        row("false_positive", 3, detail={"recognizers": ["NameRecognizer", "DateRecognizer"]}),
        row("override", 3),
        row("failure", 3),
        row("policy_change", 3),
    ]
    tallies = {date(2026, 11, 1): 100, date(2026, 11, 2): 50, date(2026, 10, 31): 999}
    data = summarize(rows, tallies, since=SINCE, until=UNTIL)
    assert data.posts_scanned == 150  # the day before the period is not counted
    assert data.scanned_by_day == (
        (date(2026, 11, 1), 100),
        (date(2026, 11, 2), 50),
        (date(2026, 11, 3), 0),
    )
    assert data.flagged_by_day[1] == (date(2026, 11, 2), 2)
    assert data.posts_with_findings == 3
    assert data.findings == {
        "DATE": {"approved": 1},
        "ID": {"external": 1},
        "NAME": {"external": 1, "clinical": 1},
    }
    assert data.actions == {"block": 1, "confirm": 1, "none": 1}
    assert data.confirm_outcomes == {"withdrawn": 1}
    assert data.attestations == 1 and data.attestations_by_use == {"teaching": 1}
    assert data.false_positives == {"NameRecognizer": 2, "DateRecognizer": 1}
    assert (data.overrides, data.failures) == (1, 1)
    # only posts acted on count for time to action: the allowed post's 50 ms is left out
    assert data.latencies_ms == (900, 1500)
    assert (data.p50_ms, data.p95_ms) == (900, 1500)


def test_when_a_detail_value_is_not_a_number_then_it_is_no_latency() -> None:
    rows = [
        row("scan", 1, action="block", kinds=["ID"], detail={"latency_ms": "[redacted]"}),
        row("scan", 1, action="block", kinds=["ID"], detail={"latency_ms": True}),
    ]
    data = summarize(rows, {}, since=SINCE, until=SINCE + timedelta(days=1))
    assert data.latencies_ms == () and data.p50_ms is None
    assert data.findings == {"ID": {"unknown": 2}}
