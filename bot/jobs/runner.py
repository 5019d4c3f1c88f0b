"""Durable scan jobs: recorded in the database before the ack, run at least once.

Two queues implement `JobQueue`:

- `EmbeddedJobQueue` (default): one process; a runner loop leases ready rows from the
  `scan_jobs` table and runs the handler with bounded concurrency. On start it puts back every
  job a killed predecessor left `running`, so kill -9 loses nothing.
- `RedisJobQueue` (`QUEUE_URL=redis://...`): the row is still written first (durability), then
  an arq job carries the id to any worker process (`phiwarden worker`, `bot.worker_arq`).

Retries use exponential backoff with full jitter up to `max_attempts`; then the job is marked
failed, its payload dropped, a `failure` audit event written and `on_failure` called so the app
can apply the policy's failure action and alert admins. Handlers must be idempotent per step
(the gateway's `ActionLog`), because a job whose worker died mid-way runs again.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
import os
import random
import socket
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING, Any, TypeVar

from bot import metrics
from bot.errors import InputError
from bot.logging import log_event
from bot.store.api import AuditEvent, EventDedupe, ScanJob

if TYPE_CHECKING:
    from bot.config import Settings
    from bot.store.store import Store

log = logging.getLogger(__name__)

JobHandler = Callable[[ScanJob], Awaitable[None]]
FailureHook = Callable[[ScanJob, str], Awaitable[None]]
RetryHook = Callable[[ScanJob, float], Awaitable[None]]
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """How often and how fast a failing job is tried again."""

    max_attempts: int = 5
    base_seconds: float = 1.0
    cap_seconds: float = 60.0

    def delay(self, attempt: int) -> float:
        """Full jitter: uniform in [0, min(cap, base * 2**(attempt-1))], at least 50 ms."""
        ceiling = min(self.cap_seconds, self.base_seconds * 2 ** max(0, attempt - 1))
        return max(0.05, random.uniform(0, ceiling))


def worker_id() -> str:
    return f"{socket.gethostname()[:40]}:{os.getpid()}"


async def with_store_retry(op: Callable[[], Awaitable[T]], what: str, deadline: float = 60.0) -> T:
    """Run a store operation, retrying while the database is briefly away (a restart)."""
    start = time.monotonic()
    attempt = 0
    while True:
        try:
            return await op()
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            attempt += 1
            if time.monotonic() - start > deadline:
                raise
            metrics.RETRIES.labels(stage="store").inc()
            log_event(
                log,
                logging.WARNING,
                "store operation failed; retrying",
                step=what,
                attempt=attempt,
                error_type=type(exc).__name__,
            )
            await asyncio.sleep(min(2.0, 0.1 * 2**attempt))


class CompletionBatcher:
    """Marks finished jobs done in batches: one write transaction per `window` seconds.

    On SQLite every write transaction queues on one lock, and the ack path's insert waits
    behind whichever one holds it; coalescing completions cuts the runner's writes per job.
    Callers still wait until their job's row is committed, so a crash before that only re-runs
    the job, which the gateway's action log makes harmless.
    """

    def __init__(self, store: Store, window: float = 0.02, max_batch: int = 256) -> None:
        self.store, self.window, self.max_batch = store, window, max_batch
        self._pending: dict[str, asyncio.Future[None]] = {}
        self._flusher: asyncio.Task[None] | None = None

    async def complete(self, job_id: str) -> None:
        waiter = self._pending.get(job_id)
        if waiter is None:
            waiter = self._pending[job_id] = asyncio.get_running_loop().create_future()
        if self._flusher is None or self._flusher.done():
            self._flusher = asyncio.create_task(self._flush_soon(), name="phiwarden-complete-batch")
        await asyncio.shield(waiter)

    async def _flush_soon(self) -> None:
        await asyncio.sleep(self.window)
        while self._pending:
            batch = dict(list(self._pending.items())[: self.max_batch])
            for job_id in batch:
                del self._pending[job_id]
            try:
                await with_store_retry(
                    functools.partial(self.store.complete_jobs, list(batch)), "complete_jobs"
                )
            except Exception as exc:
                for waiter in batch.values():
                    if not waiter.done():
                        waiter.set_exception(exc)
            else:
                for waiter in batch.values():
                    if not waiter.done():
                        waiter.set_result(None)

    async def close(self) -> None:
        """Wait for completions already handed in to be written."""
        if self._flusher is not None:
            with contextlib.suppress(Exception):
                await self._flusher


class JobRunner:
    """Runs one claimed job: heartbeat, handler, then done / retry / failed in the store."""

    def __init__(
        self,
        store: Store,
        handler: JobHandler,
        *,
        owner: str,
        lease: timedelta,
        retry: RetryPolicy,
        on_failure: FailureHook | None = None,
        on_retry: RetryHook | None = None,
        completions: CompletionBatcher | None = None,
    ) -> None:
        self.store, self.handler, self.owner = store, handler, owner
        self.lease, self.retry, self.on_failure = lease, retry, on_failure
        self.on_retry = on_retry
        self.completions = completions

    async def _complete(self, job_id: str) -> None:
        if self.completions is not None:
            await self.completions.complete(job_id)
        else:
            await with_store_retry(lambda: self.store.complete_job(job_id), "complete_job")

    async def run(self, job: ScanJob) -> None:
        started = time.monotonic()
        heartbeat = asyncio.create_task(self._heartbeat(job.job_id))
        try:
            await self.handler(job)
        except asyncio.CancelledError:
            raise  # left `running`; the lease expires or the next start releases it
        except Exception as exc:
            heartbeat.cancel()
            await self._failed(job, exc)
            return
        finally:
            heartbeat.cancel()
        await self._complete(job.job_id)
        metrics.JOBS.labels(outcome="done").inc()
        metrics.EVENT_TO_ACTION.observe(time.monotonic() - started)

    async def _heartbeat(self, job_id: str) -> None:
        interval = max(0.5, self.lease.total_seconds() / 3)
        with contextlib.suppress(Exception):
            while True:
                await asyncio.sleep(interval)
                await self.store.extend_lease(job_id, self.owner, self.lease)

    async def _failed(self, job: ScanJob, exc: Exception) -> None:
        error_type = type(exc).__name__
        permanent = isinstance(exc, InputError)
        if not permanent and job.attempts < self.retry.max_attempts:
            delay = self.retry.delay(job.attempts)
            metrics.JOBS.labels(outcome="retried").inc()
            metrics.RETRIES.labels(stage="job").inc()
            log_event(
                log,
                logging.WARNING,
                "scan job failed; will retry",
                job_id=job.job_id,
                attempts=job.attempts,
                error_type=error_type,
                delay_s=round(delay, 2),
            )
            await with_store_retry(
                lambda: self.store.retry_job(job.job_id, timedelta(seconds=delay), error_type),
                "retry_job",
            )
            if self.on_retry is not None:
                with contextlib.suppress(Exception):  # the sweeper re-dispatches otherwise
                    await self.on_retry(job, delay)
            return
        metrics.JOBS.labels(outcome="failed").inc()
        metrics.FAILURES.labels(stage="job").inc()
        log_event(
            log,
            logging.ERROR,
            "scan job failed for good",
            job_id=job.job_id,
            attempts=job.attempts,
            error_type=error_type,
        )
        if self.on_failure is not None:
            try:
                await self.on_failure(job, error_type)
            except Exception as hook_exc:  # the job is failed either way
                log_event(
                    log,
                    logging.ERROR,
                    "failure hook raised",
                    job_id=job.job_id,
                    error_type=type(hook_exc).__name__,
                )
        await with_store_retry(lambda: self.store.fail_job(job.job_id, error_type), "fail_job")
        await with_store_retry(
            lambda: self.store.append(
                AuditEvent(
                    team_id=job.team_id,
                    channel_id=job.channel_id,
                    user_id="",
                    event="failure",
                    detail={
                        "job_id": job.job_id,
                        "kind": job.kind,
                        "error_type": error_type,
                        "attempts": job.attempts,
                        "stage": "job",
                    },
                )
            ),
            "audit_failure",
        )


class LoopLag:
    """How late this event loop runs its callbacks (smoothed), sampled every `interval`.

    In the embedded shape the web handler and the job runner share one loop; when the loop
    falls behind, the runner takes fewer new jobs so that acks to Slack stay fast (a scan can
    wait a few seconds, an ack cannot).
    """

    def __init__(self, interval: float = 0.02) -> None:
        self.interval = interval
        self.lag = 0.0
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        if self._task is None:
            self._task = asyncio.create_task(self._sample(), name="phiwarden-loop-lag")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None

    async def _sample(self) -> None:
        loop = asyncio.get_running_loop()
        while True:
            before = loop.time()
            await asyncio.sleep(self.interval)
            late = max(0.0, loop.time() - before - self.interval)
            self.lag = 0.7 * self.lag + 0.3 * late
            metrics.LOOP_LAG.set(self.lag)


class EmbeddedJobQueue:
    """The default queue: jobs in the database, run in this process (see module docstring)."""

    def __init__(
        self,
        store: Store,
        handler: JobHandler,
        concurrency: int = 4,
        *,
        lease: timedelta = timedelta(seconds=60),
        poll_interval: float = 1.0,
        retry: RetryPolicy | None = None,
        on_failure: FailureHook | None = None,
        lag_target: float | None = 0.005,
    ) -> None:
        self.store = store
        self.concurrency = max(1, concurrency)
        # Loop lag above which the runner throttles itself (None: never throttle).
        self.lag_target = lag_target
        self.lag = LoopLag()
        self.poll_interval = poll_interval
        self.owner = worker_id()
        completions = (
            CompletionBatcher(store) if getattr(store, "dialect", "") == "sqlite" else None
        )
        self.runner = JobRunner(
            store,
            handler,
            owner=self.owner,
            lease=lease,
            retry=retry or RetryPolicy(),
            on_failure=on_failure,
            completions=completions,
        )
        self._wake = asyncio.Event()
        self._inflight: set[asyncio.Task[None]] = set()
        self._loop_task: asyncio.Task[None] | None = None
        self._stopping = False

    async def enqueue(self, job: ScanJob, delay_seconds: float = 0.0) -> bool:
        """Durably record `job` (False if its id exists) and wake the runner."""
        delay = timedelta(seconds=delay_seconds) if delay_seconds > 0 else None
        inserted = await self.store.insert_job(job, delay)
        metrics.JOBS.labels(outcome="enqueued" if inserted else "duplicate").inc()
        if inserted:
            self._wake.set()
        return inserted

    async def start(self) -> None:
        """Resume what a crashed predecessor left running, then start the runner loop."""
        if self._loop_task is not None:
            return
        released = await with_store_retry(self.store.release_running, "release_running")
        if released:
            log_event(log, logging.INFO, "resumed jobs left running", count=released)
        self._stopping = False
        if self.lag_target is not None:
            self.lag.start()
        self._loop_task = asyncio.create_task(self._loop(), name="phiwarden-job-runner")

    async def stop(self, timeout: float = 10.0) -> None:
        """Stop claiming, give in-flight jobs `timeout` seconds, cancel the rest (they resume)."""
        self._stopping = True
        self._wake.set()
        await self.lag.stop()
        if self._loop_task is not None:
            self._loop_task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._loop_task
            self._loop_task = None
        if self._inflight:
            _, pending = await asyncio.wait(self._inflight, timeout=timeout)
            for task in pending:
                task.cancel()
            await asyncio.gather(*pending, return_exceptions=True)
            if self.runner.completions is not None:
                await self.runner.completions.close()
            with contextlib.suppress(Exception):
                await self.store.release_running(self.owner)

    async def ping(self) -> bool:
        """True while the runner loop is alive (for `/healthz`)."""
        return self._loop_task is not None and not self._loop_task.done()

    def slots(self) -> int:
        """Jobs allowed in flight now: all of `concurrency`, fewer while the loop lags."""
        if self.lag_target is None or self.lag.lag <= self.lag_target:
            return self.concurrency
        return max(1, int(self.concurrency * self.lag_target / self.lag.lag))

    async def run_once(self) -> int:
        """Claim and run one batch to completion (tests and `drain`); returns jobs run."""
        jobs = await self.store.claim_jobs(self.owner, self.concurrency, self.runner.lease)
        await asyncio.gather(*(self.runner.run(job) for job in jobs))
        return len(jobs)

    async def _loop(self) -> None:
        last_depth = 0.0
        failures = 0
        while not self._stopping:
            try:
                free = self.slots() - len(self._inflight)
                jobs = await self.store.claim_jobs(self.owner, free, self.runner.lease)
                failures = 0
                for job in jobs:
                    task = asyncio.create_task(self._run(job))
                    self._inflight.add(task)
                    task.add_done_callback(self._inflight.discard)
                if time.monotonic() - last_depth > self.poll_interval:
                    metrics.QUEUE_DEPTH.set(await self.store.queue_depth())
                    last_depth = time.monotonic()
                if jobs and len(self._inflight) < self.slots():
                    continue  # more may be ready
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                failures += 1
                metrics.FAILURES.labels(stage="queue").inc()
                log_event(
                    log,
                    logging.WARNING,
                    "job runner cannot reach the store",
                    error_type=type(exc).__name__,
                    attempt=failures,
                )
                await asyncio.sleep(min(5.0, 0.2 * 2**failures))
                continue
            self._wake.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), self.poll_interval)

    async def _run(self, job: ScanJob) -> None:
        try:
            await self.runner.run(job)
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # the store stayed down; the lease will expire
            metrics.FAILURES.labels(stage="queue").inc()
            log_event(
                log,
                logging.ERROR,
                "could not record job outcome",
                job_id=job.job_id,
                error_type=type(exc).__name__,
            )
        finally:
            self._wake.set()  # a slot is free


def make_queue(
    settings: Settings,
    store: Store,
    handler: JobHandler,
    *,
    concurrency: int | None = None,
    on_failure: FailureHook | None = None,
    **kwargs: Any,
) -> EmbeddedJobQueue | RedisJobQueue:
    """The queue `settings.queue_url` asks for: "embedded" (default) or `redis://...`."""
    url = settings.queue_url.strip()
    # Jobs mostly wait on Slack and the database; CPU work is bounded by the scan pool.
    slots = concurrency or max(16, 8 * settings.worker_processes)
    if url in ("", "embedded"):
        return EmbeddedJobQueue(store, handler, slots, on_failure=on_failure, **kwargs)
    if url.startswith(("redis://", "rediss://", "unix://")):
        from bot.jobs.distributed import RedisJobQueue

        return RedisJobQueue(url, store, handler, on_failure=on_failure, **kwargs)
    from bot.errors import ConfigError

    raise ConfigError("QUEUE_URL must be 'embedded' or a redis:// URL")


def make_dedupe(settings: Settings, store: Store) -> EventDedupe:
    """Event dedupe across replicas: Redis SET NX EX when scaled out, else the database."""
    url = settings.queue_url.strip()
    if url.startswith(("redis://", "rediss://", "unix://")):
        from bot.jobs.distributed import RedisEventDedupe

        return RedisEventDedupe(url, fallback=store)
    return store


if TYPE_CHECKING:
    from bot.jobs.distributed import RedisJobQueue
