"""The embedded queue's loop-lag throttle: fewer jobs at a time while the event loop lags."""

from __future__ import annotations

import asyncio
import time

from bot.jobs.embedded import EmbeddedJobQueue
from bot.store import Store
from bot.store.api import ScanJob


async def test_runner_takes_fewer_jobs_while_the_loop_lags(store: Store) -> None:
    async def handler(j: ScanJob) -> None:
        return None

    queue = EmbeddedJobQueue(store, handler, concurrency=16, lag_target=0.005)
    assert queue.slots() == 16
    queue.lag.lag = 0.020
    assert queue.slots() == 4
    queue.lag.lag = 1.0
    assert queue.slots() == 1
    assert EmbeddedJobQueue(store, handler, concurrency=16, lag_target=None).slots() == 16


async def test_loop_lag_sampler_sees_a_blocked_loop() -> None:
    from bot.jobs.embedded import LoopLag

    lag = LoopLag(interval=0.01)
    lag.start()
    await asyncio.sleep(0.05)
    time.sleep(0.1)  # block the loop on purpose
    await asyncio.sleep(0.03)
    await lag.stop()
    assert lag.lag > 0.01
