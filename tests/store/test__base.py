"""The SQLite write gate: one writer at a time, urgent writers first, cancellation safe."""

from __future__ import annotations

import asyncio

import pytest

from bot.store._base import WriteGate


async def test_urgent_waiters_go_before_normal_ones_in_order() -> None:
    gate = WriteGate()
    order: list[str] = []
    await gate.acquire()

    async def writer(name: str, urgent: bool) -> None:
        await gate.acquire(urgent)
        order.append(name)
        await asyncio.sleep(0)
        gate.release()

    tasks = [
        asyncio.create_task(writer(n, u))
        for n, u in [("n1", False), ("u1", True), ("n2", False), ("u2", True)]
    ]
    await asyncio.sleep(0.01)
    gate.release()
    await asyncio.gather(*tasks)
    assert order == ["u1", "u2", "n1", "n2"]


async def test_cancelled_waiter_does_not_wedge_the_gate() -> None:
    gate = WriteGate()
    await gate.acquire()
    waiting = asyncio.create_task(gate.acquire())
    await asyncio.sleep(0.01)
    waiting.cancel()
    with pytest.raises(asyncio.CancelledError):
        await waiting
    gate.release()
    await asyncio.wait_for(gate.acquire(urgent=True), 1)
    gate.release()
