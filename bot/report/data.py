"""What the compliance report says, computed from audit rows and the daily scan tallies.

`summarize` is a pure function over the rows `AuditRepo.iter_audit_rows` yields, so the figures
can be tested without a database and the HTML and App Home summaries read one source. It reads
only ids, enums, kinds, counts and numbers: the audit trail holds no PHI, and nothing here
copies a `detail` value that is not on an allow-list of enum-like fields.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from bot.store.api import ReportSource

CHANNEL_CLASSES = ("approved", "clinical", "external", "dm")
ACTIONS = ("none", "remind", "redact", "block", "confirm")


@dataclass(frozen=True, slots=True)
class ReportData:
    """The report's figures for one period and one workspace (or all of them)."""

    since: datetime
    until: datetime
    team_id: str | None
    posts_scanned: int = 0
    scanned_by_day: tuple[tuple[date, int], ...] = ()
    flagged_by_day: tuple[tuple[date, int], ...] = ()
    posts_with_findings: int = 0
    # kind -> channel class -> posts where that kind was found
    findings: dict[str, dict[str, int]] = field(default_factory=dict)
    actions: dict[str, int] = field(default_factory=dict)
    confirm_outcomes: dict[str, int] = field(default_factory=dict)
    attestations: int = 0
    attestations_by_use: dict[str, int] = field(default_factory=dict)
    false_positives: dict[str, int] = field(default_factory=dict)  # recognizer -> reports
    overrides: int = 0
    failures: int = 0
    latencies_ms: tuple[int, ...] = ()

    @property
    def p50_ms(self) -> int | None:
        return percentile(self.latencies_ms, 50)

    @property
    def p95_ms(self) -> int | None:
        return percentile(self.latencies_ms, 95)

    @property
    def kinds_total(self) -> dict[str, int]:
        return {kind: sum(by_class.values()) for kind, by_class in self.findings.items()}


def percentile(values: Iterable[int], pct: float) -> int | None:
    """Nearest-rank percentile (the smallest value with at least `pct`% at or below it)."""
    ordered = sorted(values)
    if not ordered:
        return None
    rank = max(1, math.ceil(pct / 100 * len(ordered)))
    return ordered[rank - 1]


def _days(since: datetime, until: datetime) -> list[date]:
    first, last = since.date(), (until - timedelta(microseconds=1)).date()
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]


def _names(value: Any) -> list[str]:
    return [str(v) for v in value] if isinstance(value, list) else []


def summarize(
    rows: Iterable[Mapping[str, Any]],
    scanned_by_day: Mapping[date, int],
    *,
    since: datetime,
    until: datetime,
    team_id: str | None = None,
) -> ReportData:
    """Fold audit rows (in any order) and the day tallies into the report's figures."""
    findings: dict[str, Counter[str]] = {}
    actions: Counter[str] = Counter()
    outcomes: Counter[str] = Counter()
    uses: Counter[str] = Counter()
    false_positives: Counter[str] = Counter()
    flagged: Counter[date] = Counter()
    latencies: list[int] = []
    attestations = overrides = failures = with_findings = 0
    for row in rows:
        event, detail = row["event"], row.get("detail") or {}
        if event == "scan":
            kinds = _names(row.get("kinds"))
            channel_class = str(detail.get("channel_class") or "unknown")
            if kinds:
                with_findings += 1
                flagged[row["at"].date()] += 1
            for kind in kinds:
                findings.setdefault(kind, Counter())[channel_class] += 1
            action = str(row.get("action") or "none")
            actions[action] += 1
            latency = detail.get("latency_ms")
            if action != "none" and isinstance(latency, int) and not isinstance(latency, bool):
                latencies.append(latency)
        elif event == "confirm":
            outcomes[str(row.get("action") or "unknown")] += 1
        elif event == "consent":
            attestations += 1
            use = row.get("att_intended_use") or detail.get("intended_use") or "unknown"
            uses[str(use)] += 1
        elif event == "false_positive":
            for recognizer in _names(detail.get("recognizers")) or ["unknown"]:
                false_positives[recognizer] += 1
        elif event == "override":
            overrides += 1
        elif event == "failure":
            failures += 1
    days = _days(since, until)
    return ReportData(
        since=since,
        until=until,
        team_id=team_id,
        posts_scanned=sum(scanned_by_day.get(d, 0) for d in days),
        scanned_by_day=tuple((d, scanned_by_day.get(d, 0)) for d in days),
        flagged_by_day=tuple((d, flagged.get(d, 0)) for d in days),
        posts_with_findings=with_findings,
        findings={kind: dict(by_class) for kind, by_class in sorted(findings.items())},
        actions=dict(actions),
        confirm_outcomes=dict(outcomes),
        attestations=attestations,
        attestations_by_use=dict(uses),
        false_positives=dict(false_positives.most_common()),
        overrides=overrides,
        failures=failures,
        latencies_ms=tuple(sorted(latencies)),
    )


async def gather(
    store: ReportSource, since: datetime, until: datetime, team_id: str | None = None
) -> ReportData:
    """Read the period from the store (`iter_audit_rows`, `scanned_by_day`) and summarize."""
    rows = [row async for row in store.iter_audit_rows(since, until, team_id)]
    tallies = await store.scanned_by_day(since.date(), (until + timedelta(days=1)).date(), team_id)
    return summarize(rows, tallies, since=since, until=until, team_id=team_id)
