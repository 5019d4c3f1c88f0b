"""`phiwarden report --since 30d --out report.html`: the compliance report as one HTML file.

Figures come from the audit trail and the daily scan tallies (`bot.report.data`), charts from
matplotlib; nothing in the file can hold PHI because nothing it reads does.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from datetime import UTC, datetime
from pathlib import Path

from bot.cli.audit import parse_since


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--since",
        required=True,
        type=parse_since,
        help="ISO date/datetime (UTC unless given) or a duration: 30d, 24h",
    )
    parser.add_argument(
        "--until", type=parse_since, default=None, help="end (exclusive); default: now"
    )
    parser.add_argument("--team", default=None, help="only this workspace (team id)")
    parser.add_argument("--out", type=Path, required=True, help="the HTML file to write")


async def build(args: argparse.Namespace) -> str:
    from bot.config import load_settings
    from bot.report import render_html
    from bot.report.data import gather
    from bot.store import open_store

    until = args.until or datetime.now(UTC)
    store = await open_store(load_settings())
    try:
        data = await gather(store, args.since, until, args.team)
    finally:
        await store.close()
    return render_html(data)


def run(args: argparse.Namespace) -> int:
    """Errors (settings, the database) are `bot.cli.main`'s to report, as for every command."""
    if args.until is not None and args.until <= args.since:
        print("phiwarden report: --until must be after --since", file=sys.stderr)
        return 2
    html = asyncio.run(build(args))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    tmp = args.out.with_name(args.out.name + ".tmp")
    tmp.write_text(html, encoding="utf-8")
    tmp.replace(args.out)  # a reader never sees half a report
    print(f"wrote the compliance report to {args.out}", file=sys.stderr)
    return 0
