"""The report's charts, drawn with matplotlib into PNG bytes that the HTML embeds as data URIs.

matplotlib's Agg backend draws without a display or a browser, ships its own fonts (DejaVu),
and needs nothing from the network; each figure is built, saved and closed here so a long-lived
process does not keep figures alive. Every label is a kind, a channel class, an action, a
recognizer name or a date: the charts can no more carry PHI than the figures they draw.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import TYPE_CHECKING

from bot.report.data import ACTIONS, CHANNEL_CLASSES, ReportData

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

# One palette (colour-blind safe: Okabe and Ito); the browser test looks for BAR_COLOUR.
BAR_COLOUR = "#0072B2"
CLASS_COLOURS = {
    "approved": "#009E73",
    "clinical": "#0072B2",
    "external": "#D55E00",
    "dm": "#CC79A7",
    "unknown": "#999999",
}
LINE_COLOUR = "#E69F00"
DPI = 100


def _figure(width: float, height: float) -> tuple[Figure, Axes]:
    from matplotlib.figure import Figure

    # A bare Figure (not pyplot): no global state, no GUI backend, safe in any thread.
    fig = Figure(figsize=(width, height), dpi=DPI, layout="constrained")
    ax = fig.add_subplot()
    ax.spines[["top", "right"]].set_visible(False)
    return fig, ax


def _png(fig: Figure) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=DPI, metadata={"Software": None})
    return buffer.getvalue()


def _empty(ax: Axes, message: str) -> None:
    ax.text(0.5, 0.5, message, ha="center", va="center", transform=ax.transAxes, color="#555555")
    ax.set_xticks([])
    ax.set_yticks([])


def posts_per_day(data: ReportData) -> bytes:
    from matplotlib import dates

    fig, ax = _figure(8, 3)
    days = dates.date2num([d for d, _ in data.scanned_by_day])
    ax.xaxis_date()
    ax.bar(days, [n for _, n in data.scanned_by_day], color=BAR_COLOUR, label="posts scanned")
    ax.plot(
        days,
        [n for _, n in data.flagged_by_day],
        color=LINE_COLOUR,
        marker="o",
        markersize=3,
        label="posts with findings",
    )
    ax.set_ylabel("posts")
    ax.legend(loc="lower left", bbox_to_anchor=(0, 1.0), ncols=2, frameon=False)
    fig.autofmt_xdate()
    return _png(fig)


def findings_by_kind(data: ReportData) -> bytes:
    fig, ax = _figure(8, 3.2)
    kinds = list(data.findings)
    if not kinds:
        _empty(ax, "no findings in this period")
        return _png(fig)
    classes = [
        c for c in (*CHANNEL_CLASSES, "unknown") if any(c in v for v in data.findings.values())
    ]
    left = [0] * len(kinds)
    for channel_class in classes:
        counts = [data.findings[k].get(channel_class, 0) for k in kinds]
        ax.barh(kinds, counts, left=left, color=CLASS_COLOURS[channel_class], label=channel_class)
        left = [a + b for a, b in zip(left, counts, strict=True)]
    ax.invert_yaxis()
    ax.set_xlabel("posts where the kind was found")
    ax.legend(title="channel class", frameon=False, loc="upper left", bbox_to_anchor=(1.01, 1))
    return _png(fig)


def _bars(labels: Sequence[str], values: Sequence[int], xlabel: str, empty: str) -> bytes:
    fig, ax = _figure(8, max(1.8, 0.45 * len(labels) + 0.9))
    if not labels:
        _empty(ax, empty)
        return _png(fig)
    ax.barh(list(labels), list(values), color=BAR_COLOUR)
    ax.invert_yaxis()
    ax.set_xlabel(xlabel)
    for y, value in enumerate(values):
        ax.annotate(str(value), (value, y), xytext=(3, 0), textcoords="offset points", va="center")
    return _png(fig)


def actions(data: ReportData) -> bytes:
    order = [*ACTIONS, *sorted(set(data.actions) - set(ACTIONS))]
    labels = [a for a in order if data.actions.get(a)]
    return _bars(
        labels, [data.actions[a] for a in labels], "posts", "no posts acted on in this period"
    )


def false_positives(data: ReportData) -> bytes:
    labels = list(data.false_positives)
    return _bars(
        labels,
        [data.false_positives[r] for r in labels],
        "false-positive reports",
        "no false-positive reports in this period",
    )


def time_to_action(data: ReportData) -> bytes:
    fig, ax = _figure(8, 3)
    if not data.latencies_ms:
        _empty(ax, "no actions with a recorded time in this period")
        return _png(fig)
    seconds = [ms / 1000 for ms in data.latencies_ms]
    ax.hist(seconds, bins=min(30, max(5, len(seconds) // 3)), color=BAR_COLOUR)
    for pct, value, style in (("p50", data.p50_ms, "--"), ("p95", data.p95_ms, ":")):
        if value is not None:
            ax.axvline(
                value / 1000,
                color=LINE_COLOUR,
                linestyle=style,
                label=f"{pct} {value / 1000:.1f} s",
            )
    ax.set_xlabel("seconds from post to action")
    ax.set_ylabel("posts")
    ax.legend(frameon=False)
    return _png(fig)


CHARTS = {
    "posts_per_day": ("Posts scanned per day", posts_per_day),
    "findings_by_kind": ("Findings by kind and channel class", findings_by_kind),
    "actions": ("Actions taken", actions),
    "false_positives": ("False-positive reports per recognizer", false_positives),
    "time_to_action": ("Time from post to action", time_to_action),
}
