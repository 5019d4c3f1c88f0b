"""The job queues: at-least-once execution, retries with a cap, crash recovery, scale-out."""

from __future__ import annotations

import asyncio
import dataclasses
import time
from datetime import UTC, datetime, timedelta

import pytest

from bot.config import Settings
from bot.errors import ConfigError, InputError
from bot.jobs.embedded import EmbeddedJobQueue
from bot.jobs.factory import make_dedupe, make_queue
from bot.jobs.runner import RetryPolicy
from bot.store import Store
from bot.store.api import ScanJob
from tests.jobs.support import depth_is, job, wait_until

EPOCH = datetime(2000, 1, 1, tzinfo=UTC)
FAST = RetryPolicy(max_attempts=3, base_seconds=0.01, cap_seconds=0.02)


async def test_enqueued_jobs_run_once_and_payload_is_dropped(store: Store) -> None:
    seen: list[str] = []

    async def handler(j: ScanJob) -> None:
        assert j.payload == {"event": {"text": "synthetic"}}
        seen.append(j.job_id)

    queue = EmbeddedJobQueue(store, handler, concurrency=3, poll_interval=0.05)
    await queue.start()
    try:
        assert await queue.ping()
        results = [await queue.enqueue(job(f"E{i}")) for i in range(10)]
        assert await queue.enqueue(job("E3")) is False  # a Slack retry of the same event
        assert all(results)
        await wait_until(lambda: depth_is(store, 0))
    finally:
        await queue.stop()
    assert sorted(seen) == sorted(f"E{i}" for i in range(10))
    status = await store.job_status("E3")
    assert status is not None and status["status"] == "done" and not status["has_payload"]
    assert not await queue.ping()


async def test_concurrency_is_bounded(store: Store) -> None:
    running = 0
    peak = 0

    async def handler(j: ScanJob) -> None:
        nonlocal running, peak
        running += 1
        peak = max(peak, running)
        await asyncio.sleep(0.05)
        running -= 1

    # No loop-lag throttle here: on a loaded machine it rightly takes fewer jobs (peak 1), and
    # this test is about the bound; the throttle has its own test below.
    queue = EmbeddedJobQueue(store, handler, concurrency=2, poll_interval=0.05, lag_target=None)
    await queue.start()
    try:
        for i in range(8):
            await queue.enqueue(job(f"E{i}"))
        await wait_until(lambda: depth_is(store, 0))
    finally:
        await queue.stop()
    assert peak == 2


async def test_flaky_handler_is_retried_until_success(store: Store) -> None:
    calls = 0

    async def handler(j: ScanJob) -> None:
        nonlocal calls
        calls += 1
        if calls < 3:
            raise TimeoutError

    queue = EmbeddedJobQueue(store, handler, concurrency=1, poll_interval=0.02, retry=FAST)
    await queue.start()
    try:
        await queue.enqueue(job("E1"))
        await wait_until(lambda: depth_is(store, 0))
    finally:
        await queue.stop()
    status = await store.job_status("E1")
    assert calls == 3 and status is not None and status["status"] == "done"
    assert status["attempts"] == 3


async def test_when_retries_exhausted_then_failed_audited_and_hook_called(store: Store) -> None:
    failures: list[tuple[str, str]] = []

    async def handler(j: ScanJob) -> None:
        raise RuntimeError("boom with Patient Jane Roe")  # content must not leak anywhere

    async def on_failure(j: ScanJob, error_type: str) -> None:
        failures.append((j.job_id, error_type))

    queue = EmbeddedJobQueue(
        store, handler, concurrency=1, poll_interval=0.02, retry=FAST, on_failure=on_failure
    )
    await queue.start()
    try:
        await queue.enqueue(job("E1"))
        await wait_until(lambda: depth_is(store, 0))
    finally:
        await queue.stop()
    assert failures == [("E1", "RuntimeError")]
    status = await store.job_status("E1")
    assert status == {
        "status": "failed",
        "attempts": 3,
        "last_error": "RuntimeError",
        "has_payload": False,
    }
    (row,) = await store.audit_rows(EPOCH)
    assert row["event"] == "failure"
    assert row["detail"] == {
        "job_id": "E1",
        "kind": "message",
        "error_type": "RuntimeError",
        "attempts": 3,
        "stage": "job",
    }
    assert "Jane" not in repr(row)


async def test_input_error_is_not_retried(store: Store) -> None:
    calls = 0

    async def handler(j: ScanJob) -> None:
        nonlocal calls
        calls += 1
        raise InputError("unreadable")

    queue = EmbeddedJobQueue(store, handler, concurrency=1, poll_interval=0.02, retry=FAST)
    await queue.enqueue(job("E1"))
    assert await queue.run_once() == 1
    assert calls == 1
    status = await store.job_status("E1")
    assert status is not None and status["status"] == "failed"


async def test_after_crash_mid_job_the_next_start_resumes_it(store: Store) -> None:
    started = asyncio.Event()

    async def hangs(j: ScanJob) -> None:
        started.set()
        await asyncio.sleep(3600)

    crashed = EmbeddedJobQueue(store, hangs, concurrency=1, poll_interval=0.02)
    await crashed.start()
    await crashed.enqueue(job("E1"))
    await asyncio.wait_for(started.wait(), 5)
    # Simulate kill -9: the runner vanishes without releasing its lease.
    assert crashed._loop_task is not None
    crashed._loop_task.cancel()
    for task in list(crashed._inflight):
        task.cancel()
    await asyncio.sleep(0.05)
    status = await store.job_status("E1")
    assert status is not None and status["status"] == "running" and status["has_payload"]

    done: list[ScanJob] = []

    async def works(j: ScanJob) -> None:
        done.append(j)

    restarted = EmbeddedJobQueue(store, works, concurrency=1, poll_interval=0.02)
    await restarted.start()
    try:
        await wait_until(lambda: depth_is(store, 0))
    finally:
        await restarted.stop()
    assert [j.job_id for j in done] == ["E1"] and done[0].payload["event"]["text"] == "synthetic"
    assert done[0].attempts == 2


async def test_delayed_job_waits(store: Store) -> None:
    ran: list[float] = []

    async def handler(j: ScanJob) -> None:
        ran.append(time.monotonic())

    queue = EmbeddedJobQueue(store, handler, concurrency=1, poll_interval=0.05)
    await queue.start()
    try:
        t0 = time.monotonic()
        await queue.enqueue(job("E1"), delay_seconds=0.5)
        await wait_until(lambda: depth_is(store, 0))
    finally:
        await queue.stop()
    assert ran and ran[0] - t0 >= 0.45


def test_retry_policy_backoff_is_capped_and_jittered() -> None:
    policy = RetryPolicy(max_attempts=5, base_seconds=1, cap_seconds=8)
    delays = [policy.delay(10) for _ in range(200)]
    assert max(delays) <= 8 and min(delays) >= 0.05 and len(set(delays)) > 100


async def test_make_queue_picks_by_queue_url(store: Store) -> None:
    async def handler(j: ScanJob) -> None:
        return None

    assert isinstance(make_queue(Settings(), store, handler), EmbeddedJobQueue)
    assert make_dedupe(Settings(), store) is store
    with pytest.raises(ConfigError):
        make_queue(Settings.model_construct(queue_url="amqp://x"), store, handler)


async def test_completions_are_coalesced_into_few_transactions(store: Store) -> None:
    from bot.jobs.runner import CompletionBatcher

    calls: list[list[str]] = []
    real = store.complete_jobs

    async def spy(ids: list[str]) -> None:
        calls.append(list(ids))
        await real(ids)

    store.complete_jobs = spy  # type: ignore[method-assign]
    for i in range(20):
        await store.insert_job(job(f"C{i}"))
    await store.claim_jobs("w1", 20, timedelta(seconds=30))
    batcher = CompletionBatcher(store, window=0.05)
    await asyncio.gather(*(batcher.complete(f"C{i}") for i in range(20)))
    await batcher.close()
    assert sorted(i for batch in calls for i in batch) == sorted(f"C{i}" for i in range(20))
    assert len(calls) == 1
    assert await store.job_counts() == {"done": 20}


async def test_a_rate_limited_job_is_retried_no_sooner_than_slack_asked() -> None:
    from unittest.mock import AsyncMock

    from bot.errors import SlackGatewayError
    from bot.jobs.runner import JobRunner

    store = AsyncMock()
    runner = JobRunner(store, AsyncMock(), owner="w1", lease=timedelta(seconds=60), retry=FAST)
    limited = SlackGatewayError(
        "conversations.history", "ratelimited after 4 attempts", retry_after=45.0
    )
    await runner._failed(dataclasses.replace(job("j-429"), attempts=1), limited)
    (job_id, delay, error_type), _ = store.retry_job.call_args
    assert job_id == "j-429" and error_type == "SlackGatewayError"
    assert delay >= timedelta(seconds=45)  # FAST alone would retry within 20 ms
