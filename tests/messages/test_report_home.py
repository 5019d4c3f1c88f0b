"""The App Home's compliance summary and vocabulary: figures and counts only."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from bot.messages.report_home import compliance_summary, vocabulary_section
from bot.report.data import ReportData

SINCE = datetime(2026, 11, 1, tzinfo=UTC)


def _text(payload: Any) -> str:
    return json.dumps(payload, ensure_ascii=False)


def test_the_summary_states_the_figures_of_the_data() -> None:
    data = ReportData(
        since=SINCE,
        until=SINCE,
        team_id="T1",
        posts_scanned=1200,
        posts_with_findings=40,
        findings={"NAME": {"clinical": 30}, "ID": {"external": 12}},
        actions={"none": 10, "redact": 20, "block": 5},
        attestations=7,
        overrides=2,
        failures=1,
        false_positives={"NameRecognizer": 3},
        latencies_ms=(1000, 3000),
    )
    text = _text(compliance_summary(data))
    assert "*Posts scanned* 1200 · *with findings* 40 · *acted on* 25" in text  # "none" is not
    assert "*Consent attestations* 7 · *overrides* 2 · *failed scans* 1" in text
    assert "*Kinds found* NAME 30, ID 12" in text  # most found first
    assert "*False-positive reports* 3 (`NameRecognizer` 3)" in text


def test_an_empty_period_says_none_and_na() -> None:
    text = _text(compliance_summary(ReportData(since=SINCE, until=SINCE, team_id=None)))
    assert "*Kinds found* none" in text and "p50 n/a, p95 n/a" in text
    assert '*False-positive reports* 0"' in text


def test_the_vocabulary_counts_words_and_institutions() -> None:
    blocks = vocabulary_section([("not_name", "Rose"), ("not_name", "May"), ("institution", "X")])
    assert "2 word(s) that are not names, 1 institution(s)" in _text(blocks)
