"""The default queue: jobs in the database, run by a loop in this same process.

A runner loop leases ready rows from the `scan_jobs` table and runs the handler with bounded
concurrency, fewer while the event loop lags (the ack path shares it). On start it puts back
every job a killed predecessor left `running`, so kill -9 loses nothing.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from datetime import timedelta

from bot import metrics
from bot.jobs.runner import (
    CompletionBatcher,
    FailureHook,
    JobHandler,
    JobRunner,
    RetryPolicy,
    with_store_retry,
    worker_id,
)
from bot.logging import log_event
from bot.store.api import JobStore, ScanJob

log = logging.getLogger(__name__)


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
    """`JobQueue` for one process (see the module docstring)."""

    def __init__(
        self,
        store: JobStore,
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
        completions = CompletionBatcher(store) if store.dialect == "sqlite" else None
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
