"""The audit trail: append-only, counts, attestations, retention, and the free-text guard."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa

from bot.store import Store
from bot.store.api import AuditEvent, ConsentAttestation
from bot.store.models import audit_events, utcnow

EPOCH = datetime(2000, 1, 1, tzinfo=UTC)


def event(**overrides: object) -> AuditEvent:
    fields: dict[str, object] = {
        "team_id": "T1",
        "channel_id": "C1",
        "user_id": "U1",
        "event": "action",
        "action": "block",
        "verdict": "phi",
        "kinds": ("NAME", "ID"),
        "counts": {"NAME": 1, "ID": 2},
    }
    fields.update(overrides)
    return AuditEvent(**fields)  # type: ignore[arg-type]


async def test_when_appended_then_exported_in_order_with_fields(store: Store) -> None:
    await store.append(event(at=utcnow() - timedelta(minutes=2), action="redact"))
    await store.append(event(detail={"rule": "identifiers", "job_id": "Ev1"}))
    rows = await store.audit_rows(EPOCH)
    assert [r["action"] for r in rows] == ["redact", "block"]
    assert rows[1]["kinds"] == ["NAME", "ID"]
    assert rows[1]["counts"] == {"NAME": 1, "ID": 2}
    assert rows[1]["detail"] == {"rule": "identifiers", "job_id": "Ev1"}
    assert rows[1]["at"].tzinfo is not None


async def test_when_detail_holds_free_text_then_it_is_redacted(store: Store) -> None:
    await store.append(event(detail={"rule": "Patient Jane Roe DOB 01/02/1950", "n": 3}))
    (row,) = await store.audit_rows(EPOCH)
    assert row["detail"] == {"rule": "[redacted]", "n": 3}


async def test_when_update_attempted_then_database_refuses(store: Store) -> None:
    await store.append(event())
    with pytest.raises(Exception, match="append-only"):
        async with store.engine.begin() as conn:
            await conn.execute(sa.update(audit_events).values(action="allow"))
    (row,) = await store.audit_rows(EPOCH)
    assert row["action"] == "block"


async def test_recent_counts_group_by_event_action_and_verdict(store: Store) -> None:
    await store.append(event(event="scan", action="", verdict="phi"))
    await store.append(event(event="scan", action="", verdict="clean"))
    await store.append(event())
    await store.append(event(team_id="T2"))
    await store.append(event(at=utcnow() - timedelta(days=2)))
    counts = await store.recent_counts("T1", utcnow() - timedelta(days=1))
    assert counts == {
        "scan": 2,
        "verdict:phi": 2,
        "verdict:clean": 1,
        "action": 1,
        "action:block": 1,
    }


async def test_when_attested_then_row_and_consent_event_once(store: Store) -> None:
    attestation = ConsentAttestation(
        attestation_id="A1",
        team_id="T1",
        channel_id="C1",
        user_id="U1",
        confirm_id="CF1",
        points=("written", "purpose", "minimum", "storage", "withdraw", "identifiable"),
        intended_use="treatment",
        channel_approved=True,
    )
    await store.record_attestation(attestation)
    await store.record_attestation(attestation)  # a double-submitted modal
    (row,) = await store.audit_rows(EPOCH)
    assert row["event"] == "consent" and row["user_id"] == "U1"
    assert row["att_intended_use"] == "treatment" and row["att_channel_approved"] is True
    assert len(row["att_points"]) == 6
    (saved,) = await store.get_attestations("CF1")
    assert saved.points == attestation.points and saved.at is not None


async def test_purge_deletes_only_rows_older_than_retention(store: Store) -> None:
    store.retention_days = 30
    await store.append(event(at=utcnow() - timedelta(days=31), action="old"))
    await store.append(event(action="new"))
    result = await store.purge()
    assert result["audit"] == 1
    assert [r["action"] for r in await store.audit_rows(EPOCH)] == ["new"]


async def test_export_filters_by_since_until_and_team(store: Store) -> None:
    now = utcnow()
    await store.append(event(at=now - timedelta(days=10), action="a"))
    await store.append(event(at=now - timedelta(days=1), action="b"))
    await store.append(event(at=now - timedelta(days=1), action="c", team_id="T2"))
    since = now - timedelta(days=2)
    assert [r["action"] for r in await store.audit_rows(since)] == ["b", "c"]
    assert [r["action"] for r in await store.audit_rows(since, team_id="T2")] == ["c"]
    assert await store.audit_rows(EPOCH, until=now - timedelta(days=5)) != []
