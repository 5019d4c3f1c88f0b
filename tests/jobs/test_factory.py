"""`bot.jobs.factory`: `QUEUE_URL` picks the queue and the dedupe, in one place."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.config import Settings
from bot.jobs.embedded import EmbeddedJobQueue
from bot.jobs.factory import make_dedupe, make_queue
from bot.store import Store, open_store
from bot.store.api import ScanJob


async def _handle(job: ScanJob) -> None:
    return None


@pytest.fixture
async def store(tmp_path: Path) -> AsyncIterator[Store]:
    opened = await open_store(Settings(database_url=f"sqlite+aiosqlite:///{tmp_path}/q.sqlite3"))
    try:
        yield opened
    finally:
        await opened.close()


async def test_when_the_queue_is_embedded_then_it_runs_here_with_the_settings_concurrency(
    store: Store,
) -> None:
    settings = Settings(worker_processes=3)
    queue = make_queue(settings, store, _handle)
    assert isinstance(queue, EmbeddedJobQueue)
    assert queue.concurrency == settings.job_concurrency == 24
    assert make_queue(settings, store, _handle, concurrency=2).concurrency == 2


async def test_when_the_queue_is_embedded_then_the_database_dedupes_events(store: Store) -> None:
    assert make_dedupe(Settings(), store) is store


@pytest.mark.parametrize("url", ["redis://127.0.0.1:6379/15", "rediss://cache:6380/0"])
async def test_when_the_queue_is_redis_then_jobs_go_to_workers_and_redis_dedupes(
    store: Store, url: str
) -> None:
    from bot.jobs.distributed import RedisEventDedupe, RedisJobQueue

    settings = Settings(queue_url=url)
    queue = make_queue(settings, store, _handle)
    assert isinstance(queue, RedisJobQueue) and queue.url == url
    dedupe = make_dedupe(settings, store)  # built without connecting
    assert isinstance(dedupe, RedisEventDedupe) and dedupe.fallback is store
