"""Helpers the job tests share: a synthetic job, waiting for a condition, the queue depth."""

from __future__ import annotations

import asyncio
import time

from bot.store import Store
from bot.store.api import ScanJob


def job(job_id: str) -> ScanJob:
    return ScanJob(
        job_id=job_id,
        team_id="T1",
        channel_id="C1",
        kind="message",
        payload={"event": {"text": "synthetic"}},
    )


async def wait_until(predicate: object, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if await predicate():  # type: ignore[operator]
            return
        await asyncio.sleep(0.02)
    raise AssertionError("condition not reached in time")


async def depth_is(store: Store, n: int) -> bool:
    return await store.queue_depth() == n
