"""`SweepRepo`: one row per sweep, advanced only by the page job whose `seq` it still is."""

from __future__ import annotations

import asyncio

from bot.store import Store
from bot.store.api import Sweep


def _sweep(sweep_id: str = "SW1", channel: str = "C1") -> Sweep:
    return Sweep(sweep_id, "T1", channel, "UADMIN", "report", "0", "running", 0, {"scanned": 0})


async def test_when_a_sweep_is_created_twice_then_it_exists_once(store: Store) -> None:
    assert await store.create_sweep(_sweep()) is True
    assert await store.create_sweep(_sweep()) is False  # a repeated command
    assert await store.get_sweep("SW1") == _sweep()
    assert await store.get_sweep("SW9") is None


async def test_when_a_page_advances_then_only_the_job_at_that_seq_may(store: Store) -> None:
    await store.create_sweep(_sweep())
    assert await store.advance_sweep("SW1", 0, {"scanned": 200}) is True
    assert await store.advance_sweep("SW1", 0, {"scanned": 999}) is False  # a re-run: seq moved
    found = await store.get_sweep("SW1")
    assert found is not None and (found.seq, found.state) == (1, {"scanned": 200})


async def test_when_two_jobs_race_for_one_page_then_one_wins(store: Store) -> None:
    await store.create_sweep(_sweep())
    results = await asyncio.gather(
        *(store.advance_sweep("SW1", 0, {"scanned": n}) for n in range(5))
    )
    assert results.count(True) == 1


async def test_when_a_sweep_ends_then_its_channel_has_none_running(store: Store) -> None:
    await store.create_sweep(_sweep())
    await store.create_sweep(_sweep("SW2", channel="C2"))
    running = await store.running_sweep("T1", "C1")
    assert running is not None and running.sweep_id == "SW1"
    assert await store.advance_sweep("SW1", 0, {"scanned": 3}, status="done") is True
    assert await store.running_sweep("T1", "C1") is None
    assert await store.running_sweep("T1", "C2") is not None  # another channel's goes on
