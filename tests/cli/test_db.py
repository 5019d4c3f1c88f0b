"""`phiwarden db upgrade` and `phiwarden audit export` as an operator runs them."""

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


@pytest.fixture
def db_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    url = f"sqlite+aiosqlite:///{tmp_path}/cli/phiwarden.sqlite3"
    monkeypatch.setenv("DATABASE_URL", url)
    return url


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


def test_db_upgrade_creates_schema_and_is_repeatable(
    db_env: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["db", "current"]) == 0
    assert "empty" in capsys.readouterr().out
    assert main(["db", "upgrade"]) == 0
    assert main(["db", "upgrade"]) == 0
    assert main(["db", "current"]) == 0
    assert capsys.readouterr().out.strip().endswith("0004")  # the newest migration


def test_db_upgrade_reports_a_bad_url_without_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("DATABASE_URL", "mysql://x/y")
    assert main(["db", "upgrade"]) == 2  # a bad setting (issue 12)
    err = capsys.readouterr().err
    assert err.startswith("phiwarden: DATABASE_URL is not valid: wants sqlite+aiosqlite")
    assert len(err.splitlines()) == 1


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
