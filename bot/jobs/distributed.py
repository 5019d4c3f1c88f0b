"""Scale-out over Redis with arq: many web replicas enqueue, `phiwarden worker` processes run.

The database stays the source of truth: `RedisJobQueue.enqueue` inserts the `scan_jobs` row
first (that is what makes the ack safe), then pushes only the job id to arq, so no message text
ever reaches Redis. A worker leases the row by id before running it, which makes duplicate arq
deliveries harmless. A sweeper in every worker re-dispatches rows that are ready but have
waited longer than `sweep_grace` (Redis restarted and forgot its queue, an enqueue failed while
Redis was down, a worker died holding a lease), so losing Redis loses no event.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from arq.connections import ArqRedis, RedisSettings, create_pool
from redis.asyncio import Redis
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import RedisError

from bot import metrics
from bot.jobs.runner import FailureHook, JobHandler, JobRunner, RetryPolicy, worker_id
from bot.logging import log_event
from bot.store.api import EventDedupe, JobStore, ScanJob

if TYPE_CHECKING:
    from arq.worker import Worker


log = logging.getLogger(__name__)

QUEUE_NAME = "phiwarden:scan"
FUNCTION = "run_scan"
# Seconds an ack may wait on Redis; a Redis that is away refuses at once, this bounds a hang.
REDIS_TIMEOUT = 2.0


def redis_settings(url: str) -> RedisSettings:
    settings = RedisSettings.from_dsn(url)
    settings.conn_timeout = 1
    settings.conn_retries = 1
    settings.conn_retry_delay = 0
    return settings


class RedisJobQueue:
    """`JobQueue` for web replicas: database row first, then an arq message with the id."""

    def __init__(
        self,
        url: str,
        store: JobStore,
        handler: JobHandler | None = None,
        *,
        on_failure: FailureHook | None = None,
        queue_name: str = QUEUE_NAME,
        **_: Any,
    ) -> None:
        self.url, self.store, self.queue_name = url, store, queue_name
        self.handler, self.on_failure = handler, on_failure
        self._pool: ArqRedis | None = None
        self._lock = asyncio.Lock()

    async def _arq(self) -> ArqRedis:
        async with self._lock:
            if self._pool is None:
                self._pool = await create_pool(
                    redis_settings(self.url), default_queue_name=self.queue_name
                )
            return self._pool

    async def enqueue(self, job: ScanJob, delay_seconds: float = 0.0) -> bool:
        """Record the job (False if its id exists), then dispatch it; a Redis failure is logged
        and left to the workers' sweeper, because the row is already durable."""
        delay = timedelta(seconds=delay_seconds) if delay_seconds > 0 else None
        if not await self.store.insert_job(job, delay):
            metrics.JOBS.labels(outcome="duplicate").inc()
            return False
        metrics.JOBS.labels(outcome="enqueued").inc()
        await self.dispatch(job.job_id, job.job_id, delay_seconds)
        return True

    async def dispatch(self, job_id: str, arq_id: str, delay_seconds: float = 0.0) -> bool:
        try:
            pool = await asyncio.wait_for(self._arq(), 2 * REDIS_TIMEOUT)
            await asyncio.wait_for(
                pool.enqueue_job(
                    FUNCTION,
                    job_id,
                    _job_id=arq_id,
                    _queue_name=self.queue_name,
                    _defer_by=delay_seconds or None,
                ),
                REDIS_TIMEOUT,
            )
        except (RedisError, OSError, TimeoutError) as exc:
            metrics.FAILURES.labels(stage="queue").inc()
            log_event(
                log,
                logging.WARNING,
                "job recorded but not dispatched; sweeper will",
                job_id=job_id,
                error_type=type(exc).__name__,
            )
            if isinstance(exc, RedisConnectionError | OSError):
                await self._reset()  # the pool is dead; a slow or raced call is not a reason
            return False
        return True

    async def _reset(self) -> None:
        pool, self._pool = self._pool, None
        if pool is not None:
            with contextlib.suppress(Exception):
                await pool.aclose()

    async def start(self) -> None:
        """Nothing to resume here: workers own recovery (the sweeper)."""

    async def stop(self, timeout: float = 10.0) -> None:
        await self._reset()

    async def ping(self) -> bool:
        try:
            pool = await asyncio.wait_for(self._arq(), 2 * REDIS_TIMEOUT)
            return bool(await asyncio.wait_for(pool.ping(), REDIS_TIMEOUT))
        except (RedisError, OSError, TimeoutError):
            await self._reset()
            return False


class RedisEventDedupe:
    """`EventDedupe` shared by every replica: `SET key 1 NX EX ttl` in Redis.

    If Redis is unreachable the database dedupe answers instead; a duplicate that slips
    through then is still stopped by the job id primary key.
    """

    def __init__(self, url: str, fallback: EventDedupe, ttl_seconds: int = 24 * 3600) -> None:
        self.redis: Redis = Redis.from_url(
            url, socket_timeout=REDIS_TIMEOUT, socket_connect_timeout=REDIS_TIMEOUT
        )
        self.fallback = fallback
        self.ttl = ttl_seconds

    async def claim(self, key: str) -> bool:
        try:
            return bool(await self.redis.set(f"phiwarden:dedupe:{key}", b"1", nx=True, ex=self.ttl))
        except (RedisError, OSError, TimeoutError):
            metrics.FAILURES.labels(stage="dedupe").inc()
            return await self.fallback.claim(key)

    async def close(self) -> None:
        await self.redis.aclose()


class Sweeper:
    """Re-dispatches database jobs that are ready but were not picked up within `grace`."""

    def __init__(self, queue: RedisJobQueue, grace: timedelta, interval: float) -> None:
        self.queue, self.grace, self.interval = queue, grace, interval

    async def sweep_once(self) -> int:
        ids = await self.queue.store.ready_job_ids(limit=1000, older_than=self.grace)
        window = int(time.time() // max(1.0, self.grace.total_seconds()))
        sent = 0
        for job_id in ids:
            if await self.queue.dispatch(job_id, f"{job_id}:sweep{window}"):
                sent += 1
            else:
                break
        if sent:
            log_event(log, logging.INFO, "re-dispatched waiting jobs", count=sent)
        return sent

    async def run_forever(self) -> None:
        while True:
            try:
                metrics.QUEUE_DEPTH.set(await self.queue.store.queue_depth())
                await self.sweep_once()
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # store or Redis away: try again later
                log_event(log, logging.WARNING, "sweep failed", error_type=type(exc).__name__)
            await asyncio.sleep(self.interval)


async def run_worker(
    url: str,
    store: JobStore,
    handler: JobHandler,
    *,
    concurrency: int = 8,
    lease: timedelta = timedelta(seconds=10),
    retry: RetryPolicy | None = None,
    on_failure: FailureHook | None = None,
    sweep_grace: timedelta = timedelta(seconds=10),
    sweep_interval: float = 2.0,
    stop: asyncio.Event | None = None,
) -> None:
    """Run an arq worker (restarted while Redis is away) plus the sweeper until `stop` is set."""
    from arq.worker import Worker, func

    queue = RedisJobQueue(url, store)
    owner = worker_id()

    async def _retry_later(job: ScanJob, delay: float) -> None:
        await queue.dispatch(job.job_id, f"{job.job_id}:try{job.attempts + 1}", delay)

    runner = JobRunner(
        store,
        handler,
        owner=owner,
        lease=lease,
        retry=retry or RetryPolicy(),
        on_failure=on_failure,
        on_retry=_retry_later,
    )

    async def run_scan(ctx: dict[str, Any], job_id: str) -> str:
        job = await store.claim_job(job_id, owner, lease)
        if job is None:
            return "skipped"  # done already, or another worker holds it
        await runner.run(job)
        return "ran"

    stop = stop or asyncio.Event()
    sweeper = asyncio.create_task(Sweeper(queue, sweep_grace, sweep_interval).run_forever())
    try:
        while not stop.is_set():
            worker = Worker(
                functions=[func(run_scan, name=FUNCTION, timeout=lease.total_seconds() * 30)],
                queue_name=QUEUE_NAME,
                redis_settings=redis_settings(url),
                max_jobs=concurrency,
                keep_result=0,
                handle_signals=False,
                max_tries=3,
                poll_delay=0.05,
                log_results=False,
            )
            main = asyncio.create_task(worker.main())
            stopper = asyncio.create_task(stop.wait())
            done, _ = await asyncio.wait({main, stopper}, return_when=asyncio.FIRST_COMPLETED)
            if main in done and main.exception() is not None:
                log_event(
                    log,
                    logging.WARNING,
                    "worker lost Redis; reconnecting",
                    error_type=type(main.exception()).__name__,
                )
            stopper.cancel()
            await _close_quietly(worker)
            if main not in done:
                main.cancel()
                with contextlib.suppress(BaseException):
                    await main
            if not stop.is_set():
                await asyncio.sleep(1.0)
    finally:
        sweeper.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await sweeper
        await queue.stop()


async def _close_quietly(worker: Worker) -> None:
    """Close an arq worker. `Worker.close()` cancels its running jobs and then awaits them, so
    it raises `CancelledError` (not an `Exception`) and stops before closing its Redis pool;
    that must not end our loop unless we are being cancelled, and the pool is closed here."""
    try:
        await worker.close()
    except asyncio.CancelledError:
        task = asyncio.current_task()
        if task is not None and task.cancelling():
            raise
        with contextlib.suppress(Exception):  # else each reconnect would leave one open
            await worker.pool.close(close_connection_pool=True)
    except Exception:  # a worker that lost Redis cannot close cleanly; we reconnect anyway
        pass
