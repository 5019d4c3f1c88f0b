"""Issue 13's targets checked against one `bench.text_bench` run over several splits.

    python -m bench.text_bench --split main,fresh,pii_after,harbor_after --n 300 --repeat 1

prints each split's own table and then one line per split with the figures the targets name,
ours beside vanilla Presidio from the same run, and whether each target holds. Chat splits
are held to the chat targets (recall 0.99, precision 0.95, clean flagged 2%, fully scrubbed
95%), the other voices to theirs (recall 0.90 and not below vanilla's, precision 0.90, no
planted direct identifier leaked). Throughput (3x vanilla per CPU-second) and one engine's
RSS (600 MB) are checked on every split.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from bench import text_bench

# the bench's own list, so a new chat split is judged by chat targets without a second edit
CHAT_SPLITS = frozenset(text_bench.CHAT_SPLITS)
THROUGHPUT_RATIO = 3.0
MAX_RSS_MB = 600.0


def _pct(x: float) -> str:
    return f"{100 * x:.1f}%"


def _pair(ours: dict[str, Any], vanilla: dict[str, Any] | None, get: Callable[..., str]) -> str:
    if "error" in ours:
        return "error"
    if vanilla is None or "error" in vanilla:
        return get(ours)
    return f"{get(ours)} / {get(vanilla)}"


def checks(split: str, ours: dict[str, Any], vanilla: dict[str, Any] | None) -> list[str]:
    """The targets this split misses, by name (an empty list: every target holds)."""
    s = ours["score"]
    missed = []
    if split in CHAT_SPLITS:
        if s["token_recall"] < 0.99:
            missed.append("recall")
        if s["token_precision"] < 0.95:
            missed.append("precision")
        if s["flagged"].get("clean", 0.0) > 0.02:
            missed.append("clean flagged")
        if s["fully_scrubbed"] < 0.95:
            missed.append("fully scrubbed")
    else:
        floor = 0.90
        if vanilla is not None and "score" in vanilla:
            floor = max(floor, vanilla["score"]["token_recall"])
        if s["token_recall"] < floor:
            missed.append("recall")
        if s["token_precision"] < 0.90:
            missed.append("precision")
        if "leaks" in ours and ours["leaks"]["direct_leaked"]:
            missed.append("leaks")
    base = vanilla.get("msgs_per_cpu_s") if vanilla is not None else None
    if base and ours["msgs_per_cpu_s"] / base < THROUGHPUT_RATIO:
        missed.append("throughput")
    if ours["peak_rss_mb"] > MAX_RSS_MB:
        missed.append("RSS")
    return missed


def summary(reports: list[dict[str, Any]]) -> str:
    """A markdown table: one row per split, `ours / vanilla` in each cell, targets missed."""
    header = (
        "split",
        "recall",
        "precision",
        "clean flagged",
        "PHI msgs fully scrubbed",
        "direct ids leaked",
        "all planted leaked",
        "per CPU-s vs vanilla",
        "peak RSS MB",
        "targets missed",
    )
    rows = [header]
    for rep in reports:
        ours = rep["engines"].get("ours")
        vanilla = rep["engines"].get("vanilla")
        if ours is None:
            continue
        if "error" in ours:
            rows.append((rep["split"], *["error"] * (len(header) - 1)))
            continue

        def leak(r: dict[str, Any], key: str, of: str) -> str:
            return f"{r['leaks'][key]}/{r['leaks'][of]}" if "leaks" in r else "-"

        ratio = "-"
        if vanilla is not None and vanilla.get("msgs_per_cpu_s"):
            ratio = f"{ours['msgs_per_cpu_s'] / vanilla['msgs_per_cpu_s']:.2f}x"
        missed = checks(rep["split"], ours, vanilla)
        rows.append(
            (
                rep["split"],
                _pair(ours, vanilla, lambda r: f"{r['score']['token_recall']:.3f}"),
                _pair(ours, vanilla, lambda r: f"{r['score']['token_precision']:.3f}"),
                _pair(ours, vanilla, lambda r: _pct(r["score"]["flagged"].get("clean", 0.0))),
                _pair(ours, vanilla, lambda r: _pct(r["score"]["fully_scrubbed"])),
                _pair(ours, vanilla, lambda r: leak(r, "direct_leaked", "direct_planted")),
                _pair(ours, vanilla, lambda r: leak(r, "leaked", "planted")),
                ratio,
                f"{ours['peak_rss_mb']:.0f}",
                ", ".join(missed) if missed else "none",
            )
        )
    widths = [max(len(r[i]) for r in rows) for i in range(len(header))]
    lines = [
        "| " + " | ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) + " |" for r in rows
    ]
    lines.insert(1, "|" + "|".join("-" * (w + 2) for w in widths) + "|")
    lines.append("")
    lines.append(
        "Cells are ours / vanilla Presidio from the same run. Chat targets: recall >= 0.99, "
        "precision >= 0.95, clean flagged <= 2%, fully scrubbed >= 95%; other voices: recall "
        ">= 0.90 and >= vanilla's, precision >= 0.90, no planted direct identifier leaked; "
        f"every split: >= {THROUGHPUT_RATIO:.0f}x vanilla per CPU-second, <= {MAX_RSS_MB:.0f} MB."
    )
    return "\n".join(lines)
