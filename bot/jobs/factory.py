"""The queue and the event dedupe that `Settings.queue_url` asks for.

The one place that chooses between the embedded queue and Redis, so neither queue module
imports the other.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from bot.jobs.embedded import EmbeddedJobQueue
from bot.jobs.runner import FailureHook, JobHandler
from bot.store.api import EventDedupe, JobStore

if TYPE_CHECKING:
    from bot.config import Settings
    from bot.jobs.distributed import RedisJobQueue


def make_queue(
    settings: Settings,
    store: JobStore,
    handler: JobHandler,
    *,
    concurrency: int | None = None,
    on_failure: FailureHook | None = None,
    **kwargs: Any,
) -> EmbeddedJobQueue | RedisJobQueue:
    """ "embedded" (default): jobs run in this process; `redis://...`: in `phiwarden worker`s."""
    if settings.queue_kind == "embedded":
        slots = concurrency or settings.job_concurrency
        return EmbeddedJobQueue(store, handler, slots, on_failure=on_failure, **kwargs)
    from bot.jobs.distributed import RedisJobQueue  # arq and redis load only when asked for

    return RedisJobQueue(settings.queue_url, store, handler, on_failure=on_failure, **kwargs)


def make_dedupe(settings: Settings, store: EventDedupe) -> EventDedupe:
    """Event dedupe across replicas: Redis SET NX EX when scaled out, else the database."""
    if settings.scaled_out:
        from bot.jobs.distributed import RedisEventDedupe

        return RedisEventDedupe(settings.queue_url, fallback=store)
    return store
