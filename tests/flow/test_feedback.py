"""False-positive reports with a fake `FlowDeps`: only the poster of the audited scan may report,
once; the report is audited with kinds and recognizers (no text), alerted and thanked; a click
that beats the scan's audit row is retried, then dropped."""

from __future__ import annotations

from dataclasses import replace
from typing import Any
from unittest.mock import AsyncMock

import pytest

from bot import metrics
from bot.flow.feedback import LOOKUP_ATTEMPTS, FeedbackFlow, ScanNotAuditedYet, report_job
from tests.flow.fakes import MemoryStore, RecordingGateway, fake_deps

SCAN_ROW = {
    "user_id": "U1",
    "channel_id": "C1",
    "verdict": "phi",
    "kinds": ["NAME"],
    "message_hash": "h1",
    "detail": {"recognizers": ["NameRecognizer"], "text": "Jane Roe"},
}


def _flow(row: dict[str, Any] | None) -> tuple[FeedbackFlow, MemoryStore, RecordingGateway]:
    deps = fake_deps()
    store, gateway = deps.store, deps.gateway
    assert isinstance(store, MemoryStore) and isinstance(gateway, RecordingGateway)
    store.find_scan_event = AsyncMock(return_value=row)  # type: ignore[attr-defined]
    return FeedbackFlow(deps), store, gateway


async def test_the_posters_report_is_audited_alerted_counted_and_thanked() -> None:
    flow, store, gateway = _flow(SCAN_ROW)
    before = metrics.REGISTRY.get_sample_value(
        "phiwarden_false_positive_reports_total", {"recognizer": "NameRecognizer"}
    )
    await flow.report(report_job("T1", "C1", "U1", "Ev1"))
    (event,) = store.audit
    assert (event.event, event.action, event.user_id, event.kinds) == (
        "false_positive",
        "report",
        "U1",
        ("NAME",),
    )
    assert event.detail == {"job_id": "Ev1", "recognizers": ["NameRecognizer"]}
    assert gateway.methods() == ["alert", "chat.postEphemeral"]
    assert gateway.of("chat.postEphemeral")[0]["user"] == "U1"
    assert "Jane Roe" not in repr(gateway.calls) and "Jane Roe" not in repr(store.audit)
    after = metrics.REGISTRY.get_sample_value(
        "phiwarden_false_positive_reports_total", {"recognizer": "NameRecognizer"}
    )
    assert after == (before or 0) + 1


async def test_someone_else_cannot_report_the_post() -> None:
    flow, store, gateway = _flow(SCAN_ROW)
    await flow.report(report_job("T1", "C1", "U2", "Ev1"))
    assert store.audit == [] and gateway.calls == []


async def test_a_second_report_of_the_same_post_by_the_same_person_does_nothing() -> None:
    flow, store, gateway = _flow(SCAN_ROW)
    job = report_job("T1", "C1", "U1", "Ev1")
    await flow.report(job)
    await flow.report(job)
    assert len(store.audit) == 1 and gateway.methods().count("alert") == 1


async def test_a_click_before_the_audit_row_is_retried_then_dropped() -> None:
    flow, store, gateway = _flow(None)
    job = report_job("T1", "C1", "U1", "Ev1")
    with pytest.raises(ScanNotAuditedYet):
        await flow.report(job)
    await flow.report(replace(job, attempts=LOOKUP_ATTEMPTS))  # gives up quietly
    assert store.audit == [] and gateway.calls == []


async def test_a_failed_thanks_does_not_undo_the_report() -> None:
    flow, store, gateway = _flow(SCAN_ROW)
    gateway.refuse["chat.postEphemeral"] = "channel_not_found"
    await flow.report(report_job("T1", "C1", "U1", "Ev1"))
    assert len(store.audit) == 1 and "alert" in gateway.methods()


def test_the_job_carries_ids_only_and_a_bounded_key() -> None:
    job = report_job("T1", "C1", "U1", "E" * 400)
    assert job.payload == {"scan_job_id": "E" * 400, "actor": "U1"}
    assert len(job.job_id) == 255
