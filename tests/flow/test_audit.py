"""`Auditor` with a fake `FlowDeps`: what one audit row holds, and what it never holds."""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import timedelta

import pytest

from bot.detect.types import Finding, Kind, ScanResult, Verdict
from bot.flow.audit import Auditor, post_latency_ms
from bot.flow.intake import message_hash
from bot.store.api import PendingConfirm
from tests.flow.fakes import NOW, MemoryStore, fake_deps, post_job

SECRET = "Jane Synthetic MRN 12345678"  # synthetic; must never reach a row
RESULT = ScanResult(
    Verdict.PHI,
    (
        Finding(0, 14, Kind.NAME, 0.9, recognizer="NameRecognizer"),
        Finding(19, 27, Kind.ID, 0.95, recognizer="MrnRecognizer"),
        Finding(30, 32, Kind.ID, 0.6, recognizer="MrnRecognizer"),
    ),
)


def _auditor() -> tuple[Auditor, MemoryStore]:
    deps = fake_deps()
    store = deps.store
    assert isinstance(store, MemoryStore)
    return Auditor(deps), store


async def test_when_a_scan_is_audited_then_the_row_counts_kinds_and_names_recognizers() -> None:
    auditor, store = _auditor()
    posted = (NOW - timedelta(seconds=2)).timestamp()
    job = post_job(SECRET, ts=f"{posted:.6f}")
    await auditor.job(job, "scan", action="block", verdict="phi", result=RESULT, detail={})
    (row,) = store.audit
    assert (row.team_id, row.channel_id, row.user_id) == ("T1", "C1", "U1")
    assert (row.event, row.action, row.verdict) == ("scan", "block", "phi")
    assert row.kinds == ("ID", "NAME") and row.counts == {"NAME": 1, "ID": 2}
    assert row.detail["recognizers"] == ["MrnRecognizer", "NameRecognizer"]
    assert row.detail["latency_ms"] == 2000
    assert row.detail["job_id"] == "Ev1" and row.at == NOW


async def test_when_a_scan_is_audited_then_no_text_reaches_the_row() -> None:
    auditor, store = _auditor()
    job = post_job(SECRET)
    await auditor.job(job, "scan", action="block", verdict="phi", result=RESULT, detail={})
    dumped = json.dumps(asdict(store.audit[0]), default=str)
    for word in ("Jane", "Synthetic", "12345678", job.payload["ts"]):
        assert word not in dumped


async def test_when_a_post_is_hashed_then_the_salt_is_the_install_s_secret() -> None:
    auditor, store = _auditor()
    job = post_job("x")
    await auditor.job(job, "scan", action="none", verdict="clean", result=RESULT, detail={})
    ts = job.payload["ts"]
    assert store.audit[0].message_hash == message_hash("T1", "C1", ts, "test-secret")
    assert store.audit[0].message_hash != message_hash("T1", "C1", ts, "")


async def test_when_an_edit_is_audited_then_it_has_no_latency() -> None:
    auditor, store = _auditor()
    job = post_job("x", edited=True)
    await auditor.job(job, "scan", action="none", verdict="clean", result=RESULT, detail={})
    assert "latency_ms" not in store.audit[0].detail


async def test_when_the_event_is_not_a_scan_then_only_the_detail_given_is_kept() -> None:
    auditor, store = _auditor()
    job = post_job("x")
    await auditor.job(
        job, "action", action="redact", verdict="phi", result=RESULT, detail={"step": "delete"},
        kinds=["FACE"],
    )  # fmt: skip
    (row,) = store.audit
    assert row.kinds == ("FACE",)  # the kinds given win over the text's
    assert row.detail == {"job_id": "Ev1", "step": "delete"}


async def test_when_a_confirm_ends_then_its_row_names_the_confirm_and_the_outcome() -> None:
    auditor, store = _auditor()
    pending = PendingConfirm(
        confirm_id="cf1",
        team_id="T1",
        channel_id="C1",
        user_id="U2",
        message_ts="1700000000.000200",
        thread_ts=None,
        expires_at=NOW,
        payload={"kinds": ["NAME"], "text": SECRET},
    )
    await auditor.pending(pending, "consent", "attested", {"by": "poster"})
    (row,) = store.audit
    assert (row.user_id, row.event, row.action, row.kinds) == (
        "U2",
        "consent",
        "attested",
        ("NAME",),
    )
    assert row.detail == {"confirm_id": "cf1", "outcome": "attested", "by": "poster"}
    assert row.message_hash == message_hash("T1", "C1", "1700000000.000200", "test-secret")
    assert "Jane" not in json.dumps(asdict(row), default=str)


@pytest.mark.parametrize(
    ("ts", "expected"),
    [
        (f"{(NOW - timedelta(milliseconds=1500)).timestamp():.6f}", 1500),
        (f"{(NOW + timedelta(seconds=5)).timestamp():.6f}", 0),  # clock skew: never negative
        ("", None),
        ("not-a-ts", None),
        ("0", None),
        ("-5", None),
    ],
)
def test_when_a_ts_is_given_then_the_latency_is_its_age_or_none(
    ts: str, expected: int | None
) -> None:
    assert post_latency_ms(ts, NOW) == expected
