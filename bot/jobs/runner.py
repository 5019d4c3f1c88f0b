"""Running durable scan jobs: recorded in the database before the ack, run at least once.

`JobRunner` runs one claimed job for either queue (`bot.jobs.embedded`, the default, or
`bot.jobs.distributed` over Redis; `bot.jobs.factory` picks one). Retries use exponential
backoff with full jitter up to `max_attempts`; then the job is marked failed, its payload
dropped, a `failure` audit event written and `on_failure` called so the app can apply the
policy's failure action and alert admins. Handlers must be idempotent per step (the gateway's
`ActionLog`), because a job whose worker died mid-way runs again.
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
from typing import TypeVar

from bot import metrics
from bot.errors import InputError, SlackGatewayError
from bot.logging import log_event
from bot.store.api import AuditEvent, JobStore, ScanJob

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

    def __init__(self, store: JobStore, window: float = 0.02, max_batch: int = 256) -> None:
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
        store: JobStore,
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
            if isinstance(exc, SlackGatewayError) and exc.retry_after:
                delay = max(delay, exc.retry_after)  # Slack said when to ask again
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
