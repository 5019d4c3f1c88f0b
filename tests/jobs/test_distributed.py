"""The Redis job queue and event dedupe: scale-out runs each job once and the sweeper finds
jobs whose message Redis lost; the dedupe falls back to the database when Redis is down."""

from __future__ import annotations

import asyncio
import time
from datetime import timedelta

import pytest

from bot.config import Settings
from bot.jobs.factory import make_dedupe, make_queue
from bot.store import Store
from bot.store.api import ScanJob
from tests.jobs.support import depth_is, job, wait_until


@pytest.mark.services
async def test_redis_scale_out_runs_each_job_once_and_survives_lost_messages(
    store: Store,
    redis_url: str,
) -> None:
    from redis.asyncio import Redis

    from bot.jobs.distributed import QUEUE_NAME, RedisEventDedupe, RedisJobQueue, run_worker

    flush = Redis.from_url(redis_url)
    await flush.delete(QUEUE_NAME)
    seen: list[str] = []

    async def handler(j: ScanJob) -> None:
        seen.append(j.job_id)

    queue = make_queue(Settings(queue_url=redis_url), store, handler)
    assert isinstance(queue, RedisJobQueue)
    assert await queue.ping()
    for i in range(20):
        assert await queue.enqueue(job(f"R{i}")) is True
    assert await queue.enqueue(job("R1")) is False
    # A job recorded while Redis "lost" its message: only the sweeper can find it.
    await store.insert_job(job("LOST"))

    stop = asyncio.Event()
    worker = asyncio.create_task(
        run_worker(
            redis_url,
            store,
            handler,
            concurrency=4,
            sweep_grace=timedelta(0),
            sweep_interval=0.2,
            stop=stop,
        )
    )
    try:
        await wait_until(lambda: depth_is(store, 0), timeout=20)
    finally:
        stop.set()
        await asyncio.wait_for(worker, 10)
        await queue.stop()
    assert sorted(seen) == sorted([f"R{i}" for i in range(20)] + ["LOST"])

    dedupe = make_dedupe(Settings(queue_url=redis_url), store)
    assert isinstance(dedupe, RedisEventDedupe)
    key = f"test-{time.time_ns()}"
    claims = await asyncio.gather(*(dedupe.claim(key) for _ in range(5)))
    assert claims.count(True) == 1 and await dedupe.claim(key) is False
    await dedupe.close()
    await flush.aclose()


async def test_redis_dedupe_falls_back_to_database_when_redis_is_down(store: Store) -> None:
    from bot.jobs.distributed import RedisEventDedupe

    dedupe = RedisEventDedupe("redis://127.0.0.1:1/0", fallback=store)
    assert await dedupe.claim("Ev1") is True
    assert await dedupe.claim("Ev1") is False
    await dedupe.close()


class _Pool:
    """Enough of arq's Redis pool for `Worker.close()` (no Redis needed)."""

    default_queue_name = "phiwarden:test"

    def __init__(self) -> None:
        self.closed = False

    async def delete(self, *keys: str) -> int:
        return 0

    async def close(self, close_connection_pool: bool = False) -> None:
        self.closed = True


async def test_closing_an_arq_worker_with_a_job_running_ends_quietly_and_closes_its_pool() -> None:
    """arq's `Worker.close()` cancels its running jobs and then awaits them, so it raises
    `CancelledError` (not an `Exception`) before it closes its Redis pool. `run_worker` must
    neither end its loop on it nor leave a pool open on every reconnect and at stop."""
    from arq.worker import Worker, func

    from bot.jobs.distributed import _close_quietly

    async def slow(ctx: dict[str, object]) -> None:
        await asyncio.sleep(60)

    def worker_with_a_running_job() -> tuple[Worker, _Pool]:
        pool = _Pool()
        worker = Worker(
            functions=[func(slow, name="slow")],
            redis_pool=pool,
            handle_signals=False,
        )
        worker.tasks["j1"] = asyncio.create_task(slow({}))
        return worker, pool

    plain, _ = worker_with_a_running_job()
    with pytest.raises(asyncio.CancelledError):  # arq's own behaviour, which we work around
        await plain.close()
    worker, pool = worker_with_a_running_job()
    await _close_quietly(worker)  # returns: our task is not being cancelled
    assert pool.closed
