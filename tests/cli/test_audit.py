"""`phiwarden audit export` as an operator runs it: who, when, where, kinds, action and
attestation, as CSV or JSON lines, since a date or a duration."""

from __future__ import annotations

import asyncio
import csv
import io
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.cli import main
from bot.cli.audit import parse_since
from bot.config import Settings
from bot.store import open_store
from bot.store.api import AuditEvent, ConsentAttestation
from bot.store.models import utcnow


def seed(url: str) -> None:
    async def _seed() -> None:
        store = await open_store(Settings(database_url=url))
        await store.append(
            AuditEvent(
                team_id="T1",
                channel_id="C1",
                user_id="U1",
                event="action",
                action="block",
                verdict="phi",
                kinds=("NAME", "ID"),
                counts={"NAME": 1, "ID": 1},
                detail={"rule": "identifiers"},
                message_hash="h1",
                at=utcnow() - timedelta(days=3),
            )
        )
        await store.append(
            AuditEvent(
                team_id="T1",
                channel_id="C1",
                user_id="U2",
                event="action",
                action="redact",
                verdict="phi",
                kinds=("DATE",),
                at=utcnow() - timedelta(days=30),
            )
        )
        await store.record_attestation(
            ConsentAttestation(
                attestation_id="A1",
                team_id="T1",
                channel_id="C2",
                user_id="U3",
                confirm_id="CF1",
                points=("written", "purpose"),
                intended_use="treatment",
                channel_approved=True,
            )
        )
        await store.close()

    asyncio.run(_seed())


def test_export_csv_has_who_when_where_kinds_action_attestation(
    db_env: str, capsys: pytest.CaptureFixture[str]
) -> None:
    seed(db_env)
    assert main(["audit", "export", "--since", "7d", "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [(r["user_id"], r["event"], r["action"]) for r in rows] == [
        ("U1", "action", "block"),
        ("U3", "consent", "attest"),
    ]
    assert rows[0]["kinds"] == "NAME;ID" and rows[0]["channel_id"] == "C1"
    assert rows[0]["at"].endswith("Z") and json.loads(rows[0]["counts"]) == {"NAME": 1, "ID": 1}
    assert rows[1]["attestation_intended_use"] == "treatment"
    assert rows[1]["attestation_channel_approved"] == "yes"
    assert rows[1]["attestation_points"] == "written;purpose"
    assert rows[0]["attestation_intended_use"] == ""


def test_export_jsonl_to_file(db_env: str, tmp_path: Path) -> None:
    seed(db_env)
    since = (datetime.now(UTC) - timedelta(days=60)).date().isoformat()
    out = tmp_path / "exports" / "audit.jsonl"
    assert main(["audit", "export", "--since", since, "--format", "jsonl", "--out", str(out)]) == 0
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["action"] for r in records] == ["redact", "block", "attest"]
    assert records[1]["detail"] == {"rule": "identifiers"} and records[1]["kinds"] == ["NAME", "ID"]
    assert records[2]["attestation_channel_approved"] is True


@pytest.mark.parametrize("bad", ["last week", "7x", "2026-13-01", "tomorrow", "3000-01-01"])
def test_since_rejects_unclear_values_with_a_clear_message(
    bad: str, db_env: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["audit", "export", "--since", bad])
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert "--since" in err and ("duration" in err or "future" in err)


def test_parse_since_forms() -> None:
    now = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
    assert parse_since("7d", now) == now - timedelta(days=7)
    assert parse_since("24h", now) == now - timedelta(hours=24)
    assert parse_since("2026-11-01", now) == datetime(2026, 11, 1, tzinfo=UTC)
    assert parse_since("2026-11-01T08:00:00+01:00", now) == datetime(2026, 11, 1, 7, tzinfo=UTC)


def test_a_csv_cell_that_a_spreadsheet_would_run_as_a_formula_is_defused() -> None:
    from bot.cli.audit import _csv_cell

    for formula in ("=HYPERLINK(1)", "+1", "-1", "@SUM(A1)", "\tx", "\rx"):
        assert _csv_cell(formula) == "'" + formula
    assert _csv_cell("block") == "block"
    assert _csv_cell(None) == "" and _csv_cell(False) == "no"
    assert _csv_cell({"b": 1, "a": 2}) == '{"a":2,"b":1}'


def test_the_export_guards_detail_again_and_keeps_attestation_off_other_events() -> None:
    from bot.cli.audit import export_record

    row = {
        "at": datetime(2026, 11, 1, 9, tzinfo=UTC),
        "team_id": "T1",
        "channel_id": "C1",
        "user_id": "U1",
        "event": "action",
        "verdict": "phi",
        "action": "block",
        "kinds": ["NAME"],
        "counts": None,
        "att_intended_use": None,
        "att_points": ["written"],
        "message_hash": "h",
        "detail": {"text": "Jane Roe was seen", "rule": "identifiers"},
    }
    record = export_record(row)
    assert record["at"] == "2026-11-01T09:00:00Z" and record["counts"] == {}
    assert record["attestation_points"] is None  # no consent, so no attestation fields
    assert "Jane Roe" not in json.dumps(record)
    assert record["detail"]["rule"] == "identifiers"
