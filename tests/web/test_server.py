"""`start_server` and `Server`: settings that cannot work stop the start before anything opens;
stopping runs every stopper in reverse (one failing does not keep the rest from running) and
closes the services last; the confirm sweeper keeps going after a failed round."""

from __future__ import annotations

import asyncio
from pathlib import Path
from unittest.mock import AsyncMock, MagicMock

import pytest

from bot.config import Settings
from bot.errors import ConfigError
from bot.web.server import Server, start_server, sweep_forever


@pytest.mark.parametrize(
    "overrides, socket_mode, message",
    [
        ({"slack_signing_secret": None}, False, "SLACK_SIGNING_SECRET"),
        ({"slack_signing_secret": "s", "slack_app_token": None}, True, "SLACK_APP_TOKEN"),
    ],
)
async def test_settings_that_cannot_work_stop_the_start_before_the_database_opens(
    tmp_path: Path, overrides: dict[str, object], socket_mode: bool, message: str
) -> None:
    db = tmp_path / "p.sqlite3"
    settings = Settings(
        _env_file=None,
        slack_bot_token="xoxb-1-2-3",
        database_url=f"sqlite+aiosqlite:///{db}",
        **overrides,  # type: ignore[arg-type]
    )
    with pytest.raises(ConfigError, match=message):
        await start_server(settings, port=0, socket_mode=socket_mode)
    assert not db.exists()


async def test_stop_runs_the_stoppers_in_reverse_despite_a_failure_then_closes_services() -> None:
    order: list[str] = []
    services = MagicMock()
    services.close = AsyncMock(side_effect=lambda: order.append("services"))

    def stopper(name: str, fails: bool = False) -> AsyncMock:
        def record() -> None:
            order.append(name)
            if fails:
                raise RuntimeError(name)

        return AsyncMock(side_effect=record)

    server = Server(services=services, url=None, port=None)
    server._stoppers += [stopper("first"), stopper("second", fails=True), stopper("third")]
    await server.stop()
    assert order == ["third", "second", "first", "services"]


async def test_the_sweeper_queues_expired_confirms_and_survives_a_failed_round() -> None:
    services = MagicMock()
    services.settings.confirm_sweep_seconds = 0.0  # floored at 50 ms
    rounds: list[int] = []

    async def sweep(enqueue: object) -> int:
        assert enqueue is services.queue.enqueue
        rounds.append(1)
        if len(rounds) == 1:
            raise RuntimeError("database locked")
        return 2

    services.pipeline.confirms.sweep = sweep
    task = asyncio.create_task(sweep_forever(services))
    try:
        for _ in range(100):
            if len(rounds) >= 3:
                break
            await asyncio.sleep(0.02)
    finally:
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
    assert len(rounds) >= 3  # the failure in round one did not end the loop
