"""`build_services`, the one composition root: everything built once, in order, and shared.

Token mode on SQLite, with the scan pool left cold (`warm_scanner=False`) and the queue not
started, so nothing here talks to Slack or loads spaCy.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.config import Settings
from bot.errors import ConfigError
from bot.jobs.embedded import EmbeddedJobQueue
from bot.services import Services, build_services
from tests.flow.fakes import NOW, post_job


def _settings(tmp_path: Path, **extra: object) -> Settings:
    return Settings(
        slack_bot_token="xoxb-synthetic",
        slack_signing_secret="test-secret",
        database_url=f"sqlite+aiosqlite:///{tmp_path}/services.sqlite3",
        **extra,  # type: ignore[arg-type]
    )


@pytest.fixture
async def services(tmp_path: Path) -> AsyncIterator[Services]:
    built = await build_services(_settings(tmp_path), start_queue=False, warm_scanner=False)
    try:
        yield built
    finally:
        await built.close()


async def test_when_services_are_built_then_the_flow_shares_every_collaborator(
    services: Services,
) -> None:
    deps = services.pipeline.deps
    assert deps.store is services.store
    assert deps.gateway is services.gateway
    assert deps.scanner is services.scanner
    assert deps.policies is services.policies
    assert deps.channels is services.channels
    assert deps.vocabularies is services.vocabularies and deps.people is services.people
    deps.clock = lambda: NOW  # one clock: a test that moves the flow's moves the listeners'
    assert services.clock() == NOW


async def test_when_the_queue_is_built_then_it_runs_the_pipeline(services: Services) -> None:
    queue = services.queue
    assert isinstance(queue, EmbeddedJobQueue)
    assert queue.runner.handler == services.pipeline.handle
    assert queue.runner.on_failure == services.pipeline.on_job_failed
    assert queue.concurrency == services.settings.job_concurrency


async def test_when_the_flow_records_a_job_then_it_lands_in_the_queue_s_table(
    services: Services,
) -> None:
    assert await services.pipeline.deps.record(post_job("x", job_id="EvRecorded")) is True
    assert await services.pipeline.deps.record(post_job("x", job_id="EvRecorded")) is False
    assert await services.store.queue_depth() == 1


async def test_when_services_close_then_their_closers_run_last_first(tmp_path: Path) -> None:
    built = await build_services(_settings(tmp_path), start_queue=False, warm_scanner=False)
    order: list[str] = []

    async def first() -> None:
        order.append("first")

    async def second() -> None:
        order.append("second")

    built.closers = [first, second]
    await built.close()
    assert order == ["second", "first"]


async def test_when_two_slack_modes_are_set_then_nothing_is_opened(tmp_path: Path) -> None:
    settings = _settings(tmp_path, slack_client_id="1.2", slack_client_secret="s")
    with pytest.raises(ConfigError, match="both set"):
        await build_services(settings, start_queue=False, warm_scanner=False)
    assert not (tmp_path / "services.sqlite3").exists()
