"""Detection runs off the event loop: warm worker processes, or one thread in tests."""

from __future__ import annotations

import asyncio
import time

import pytest

from bot.config import Settings
from bot.detect.types import Verdict
from bot.errors import DetectionError
from bot.workers import ScanWorkers
from tests.fakes import FakeEngine


@pytest.mark.slow
async def test_a_process_pool_loads_the_engine_once_per_worker_and_scans() -> None:
    workers = ScanWorkers(Settings(worker_processes=2), factory_path="tests.fakes:FakeEngine")
    try:
        await workers.start()
        outcomes = await asyncio.gather(*(workers.scan_text(f"Mrs Ada Moss MRN 12345{i}") for i in range(8)))
        assert all(o.result.verdict is Verdict.PHI for o in outcomes)
        assert all(o.redacted and "12345" not in o.redacted for o in outcomes)
        clean = await workers.scan_text("lunch at noon")
        assert clean.result.verdict is Verdict.CLEAN and clean.redacted is None
        with pytest.raises(DetectionError):
            await workers.scan_text("EXPLODE")
    finally:
        await workers.close()


async def test_in_process_mode_keeps_the_event_loop_free() -> None:
    class SlowEngine(FakeEngine):
        def scan(self, text: str):  # type: ignore[no-untyped-def]
            time.sleep(0.3)
            return super().scan(text)

    workers = ScanWorkers(Settings(), engine=SlowEngine())
    ticks = 0

    async def ticker() -> None:
        nonlocal ticks
        while True:
            await asyncio.sleep(0.01)
            ticks += 1

    task = asyncio.create_task(ticker())
    try:
        await workers.scan_text("Mrs Ada Moss")
    finally:
        task.cancel()
        await workers.close()
    assert ticks >= 10  # the loop kept running while the scan slept in its thread
