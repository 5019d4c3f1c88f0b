"""`phiwarden audit export`: the audit trail for compliance officers, as CSV or JSON lines.

Each row says who, when, where, what kinds were found (never the values), which action was
taken and, for consent events, what was attested. The trail holds no PHI by construction; the
export passes `detail` through the same guard again, and defuses spreadsheet formulas.
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import json
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import IO, Any

FIELDS = [
    "at",
    "team_id",
    "channel_id",
    "user_id",
    "event",
    "verdict",
    "action",
    "kinds",
    "counts",
    "attestation_intended_use",
    "attestation_channel_approved",
    "attestation_points",
    "message_hash",
    "detail",
]
_RELATIVE = re.compile(r"^(\d{1,5})([dhm])$")


def parse_since(value: str, now: datetime | None = None) -> datetime:
    """`7d`, `12h`, `30m`, or an ISO date/datetime (naive means UTC); never in the future."""
    now = now or datetime.now(UTC)
    text = value.strip()
    match = _RELATIVE.match(text)
    if match:
        amount, unit = int(match.group(1)), match.group(2)
        delta = {
            "d": timedelta(days=amount),
            "h": timedelta(hours=amount),
            "m": timedelta(minutes=amount),
        }[unit]
        return now - delta
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"--since {value!r} is neither a duration like 7d, 24h, 30m nor an ISO date like "
            "2026-01-31 or 2026-01-31T08:00:00Z"
        ) from None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    if parsed > now:
        raise argparse.ArgumentTypeError(f"--since {value!r} is in the future")
    return parsed


def configure(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    export = sub.add_parser("export", help="write audit events since a date as CSV or JSONL")
    export.add_argument(
        "--since",
        required=True,
        type=parse_since,
        help="ISO date/datetime (UTC unless given) or a duration: 7d, 24h, 30m",
    )
    export.add_argument(
        "--until",
        type=parse_since,
        default=None,
        help="end (exclusive), same forms as --since; default: now",
    )
    export.add_argument(
        "--format",
        choices=["csv", "jsonl"],
        default="csv",
        help="csv (a header row, then one row per event) or jsonl (one object per line)",
    )
    export.add_argument("--team", default=None, help="only this workspace (team id)")
    export.add_argument("--out", type=Path, default=None, help="file to write; default stdout")


def _defuse(cell: str) -> str:
    """Keep a spreadsheet from executing a cell as a formula."""
    return "'" + cell if cell[:1] in ("=", "+", "-", "@", "\t", "\r") else cell


def export_record(row: dict[str, Any]) -> dict[str, Any]:
    """One audit row as the export shows it (JSON types; the CSV writer flattens them)."""
    from bot.logging import safe_value

    at: datetime = row["at"]
    consent = row.get("att_intended_use") is not None
    return {
        "at": at.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z"),
        "team_id": row["team_id"],
        "channel_id": row["channel_id"],
        "user_id": row["user_id"],
        "event": row["event"],
        "verdict": row["verdict"],
        "action": row["action"],
        "kinds": list(row["kinds"] or []),
        "counts": dict(row["counts"] or {}),
        "attestation_intended_use": row.get("att_intended_use") if consent else None,
        "attestation_channel_approved": row.get("att_channel_approved") if consent else None,
        "attestation_points": list(row.get("att_points") or []) if consent else None,
        "message_hash": row["message_hash"],
        "detail": safe_value(row["detail"] or {}),
    }


def _csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return ";".join(str(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, sort_keys=True, separators=(",", ":"))
    return _defuse(str(value))


@contextmanager
def _output(path: Path | None) -> Iterator[IO[str]]:
    if path is None:
        yield sys.stdout
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        yield handle


async def export(args: argparse.Namespace, out: IO[str]) -> int:
    """Write the rows; returns how many."""
    from bot.config import load_settings
    from bot.store import open_store

    store = await open_store(load_settings())
    count = 0
    try:
        rows = aiter(store.iter_audit_rows(args.since, args.until, args.team))
        # The first page is read before a byte is written: a database that cannot be reached
        # fails with one line on stderr, never after a CSV header on stdout.
        row = await anext(rows, None)
        writer = None
        if args.format == "csv":
            writer = csv.DictWriter(out, fieldnames=FIELDS)
            writer.writeheader()
        while row is not None:
            record = export_record(row)
            if writer is not None:
                writer.writerow({k: _csv_cell(v) for k, v in record.items()})
            else:
                out.write(json.dumps(record, sort_keys=True) + "\n")
            count += 1
            row = await anext(rows, None)
    finally:
        await store.close()
    return count


def run(args: argparse.Namespace) -> int:
    """Errors (settings, the database) are `bot.cli.main`'s to report, as for every command."""
    if args.until is not None and args.until <= args.since:
        print("phiwarden audit: --until must be after --since", file=sys.stderr)
        return 2
    with _output(args.out) as out:
        count = asyncio.run(export(args, out))
    if args.out is not None:
        print(f"wrote {count} audit events to {args.out}", file=sys.stderr)
    return 0
