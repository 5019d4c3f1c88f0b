"""App Home, for admins: the compliance report's summary and the workspace vocabulary."""

from __future__ import annotations

from bot.messages.kit import Block, context, header, section
from bot.report.data import ReportData


def _seconds(ms: int | None) -> str:
    return "n/a" if ms is None else f"{ms / 1000:.1f} s"


def compliance_summary(data: ReportData) -> list[Block]:
    """Figures only (the same as `phiwarden report`), never content."""
    acted = sum(n for action, n in data.actions.items() if action != "none")
    kinds = ", ".join(f"{k} {n}" for k, n in sorted(data.kinds_total.items(), key=lambda i: -i[1]))
    reports = ", ".join(f"`{r}` {n}" for r, n in list(data.false_positives.items())[:5])
    lines = [
        f"*Posts scanned* {data.posts_scanned} · *with findings* {data.posts_with_findings}"
        f" · *acted on* {acted}",
        f"*Consent attestations* {data.attestations} · *overrides* {data.overrides}"
        f" · *failed scans* {data.failures}",
        f"*Post to action* p50 {_seconds(data.p50_ms)}, p95 {_seconds(data.p95_ms)}",
        f"*Kinds found* {kinds or 'none'}",
        f"*False-positive reports* {sum(data.false_positives.values())}"
        + (f" ({reports})" if reports else ""),
    ]
    return [
        header("Compliance, last 30 days"),
        section("\n".join(lines)),
        context("The full report with charts: `phiwarden report --since 30d --out report.html`."),
    ]


def vocabulary_section(terms: list[tuple[str, str]]) -> list[Block]:
    not_names = sum(1 for kind, _ in terms if kind == "not_name")
    institutions = len(terms) - not_names
    return [
        header("Workspace vocabulary"),
        section(
            f"{not_names} word(s) that are not names, {institutions} institution(s). "
            "`/phi terms list` shows them; `/phi terms add|remove` changes them."
        ),
    ]
