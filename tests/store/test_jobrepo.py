"""The scan_jobs table: insert-once, leases, crash takeover, payload dropped when finished."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest

from bot.store import Store
from bot.store.api import ScanJob

LEASE = timedelta(seconds=30)


def job(job_id: str) -> ScanJob:
    return ScanJob(
        job_id=job_id,
        team_id="T1",
        channel_id="C1",
        kind="message",
        payload={"event": {"text": "synthetic"}},
    )


async def test_insert_is_idempotent(store: Store) -> None:
    assert await store.insert_job(job("E1")) is True
    assert await store.insert_job(job("E1")) is False
    assert await store.queue_depth() == 1


async def test_concurrent_claims_never_share_a_job(store: Store) -> None:
    for i in range(20):
        await store.insert_job(job(f"E{i:02d}"))
    batches = await asyncio.gather(*(store.claim_jobs(f"w{n}", 5, LEASE) for n in range(6)))
    ids = [j.job_id for batch in batches for j in batch]
    assert sorted(ids) == [f"E{i:02d}" for i in range(20)]
    assert all(j.attempts == 1 for batch in batches for j in batch)


async def test_when_done_then_payload_dropped_and_not_claimable(store: Store) -> None:
    await store.insert_job(job("E1"))
    (claimed,) = await store.claim_jobs("w1", 10, LEASE)
    assert claimed.payload == {"event": {"text": "synthetic"}}
    await store.complete_job("E1")
    assert await store.job_status("E1") == {
        "status": "done",
        "attempts": 1,
        "last_error": None,
        "has_payload": False,
    }
    assert await store.claim_jobs("w2", 10, LEASE) == []
    assert await store.claim_job("E1", "w2", LEASE) is None


async def test_when_lease_expires_then_another_worker_takes_over(store: Store) -> None:
    await store.insert_job(job("E1"))
    await store.claim_jobs("dead", 1, timedelta(seconds=-1))  # lease already over
    (taken,) = await store.claim_jobs("alive", 1, LEASE)
    assert taken.job_id == "E1" and taken.attempts == 2
    assert await store.extend_lease("E1", "dead", LEASE) is False
    assert await store.extend_lease("E1", "alive", LEASE) is True


async def test_running_job_with_live_lease_is_not_claimed(store: Store) -> None:
    await store.insert_job(job("E1"))
    await store.claim_jobs("w1", 1, LEASE)
    assert await store.claim_jobs("w2", 1, LEASE) == []
    assert await store.claim_job("E1", "w2", LEASE) is None


async def test_retry_waits_for_delay_and_release_resumes(store: Store) -> None:
    await store.insert_job(job("E1"))
    await store.claim_jobs("w1", 1, LEASE)
    await store.retry_job("E1", timedelta(hours=1), "TimeoutError")
    assert await store.claim_jobs("w1", 1, LEASE) == []
    await store.insert_job(job("E2"))
    await store.claim_jobs("w1", 1, LEASE)
    assert await store.release_running() == 1
    (again,) = await store.claim_jobs("w1", 5, LEASE)
    assert again.job_id == "E2" and again.attempts == 2


async def test_failed_job_drops_payload_and_records_error_type(store: Store) -> None:
    await store.insert_job(job("E1"))
    await store.claim_jobs("w1", 1, LEASE)
    await store.fail_job("E1", "DetectionError")
    status = await store.job_status("E1")
    assert status is not None
    assert (status["status"], status["has_payload"], status["last_error"]) == (
        "failed",
        False,
        "DetectionError",
    )


async def test_ready_job_ids_respects_grace(store: Store) -> None:
    await store.insert_job(job("E1"))
    assert await store.ready_job_ids(10, older_than=timedelta(minutes=5)) == []
    assert await store.ready_job_ids(10, older_than=timedelta(0)) == ["E1"]


async def test_complete_jobs_finishes_a_batch_and_drops_every_payload(store: Store) -> None:
    for i in range(3):
        await store.insert_job(job(f"B{i}"))
    assert len(await store.claim_jobs("w1", 10, LEASE)) == 3
    await store.complete_jobs(["B0", "B2"])
    await store.complete_jobs([])
    assert (await store.job_status("B0") or {})["status"] == "done"
    assert not (await store.job_status("B2") or {})["has_payload"]
    assert (await store.job_status("B1") or {})["status"] == "running"  # not in the batch


async def test_sqlite_write_connection_survives_a_failed_transaction(store: Store) -> None:
    if store.dialect != "sqlite":
        pytest.skip("the kept write connection is SQLite only")
    with pytest.raises(RuntimeError):
        async with store._write() as conn:
            await conn.exec_driver_sql("SELECT 1")
            raise RuntimeError("boom")
    assert await store.insert_job(job("W1")) is True  # the write lock was not left held
    assert await store.queue_depth() == 1
