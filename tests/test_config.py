"""Settings derive, in one place, what several modules used to compute for themselves."""

from __future__ import annotations

import pytest

from bot.config import Settings
from bot.errors import ConfigError


@pytest.mark.parametrize(
    ("url", "kind"),
    [
        ("embedded", "embedded"),
        ("", "embedded"),
        ("redis://cache:6379/0", "redis"),
        ("rediss://cache:6380/0", "redis"),
        ("unix:///run/redis.sock", "redis"),
        ("  redis://cache:6379/0\n", "redis"),  # as an env file or a secret mount leaves it
    ],
)
def test_queue_url_names_one_queue(url: str, kind: str) -> None:
    settings = Settings(queue_url=url)
    assert settings.queue_kind == kind
    assert settings.scaled_out is (kind == "redis")


@pytest.mark.parametrize("url", ["amqp://broker", "redis:/typo", "sqs://q", "Embedded"])
def test_any_other_queue_url_is_refused_with_a_config_error(url: str) -> None:
    settings = Settings(queue_url=url)
    assert settings.scaled_out is False
    with pytest.raises(ConfigError, match="QUEUE_URL"):
        _ = settings.queue_kind


@pytest.mark.parametrize(("processes", "slots"), [(1, 16), (2, 16), (3, 24), (8, 64)])
def test_jobs_in_flight_grow_with_the_scan_processes(processes: int, slots: int) -> None:
    assert Settings(worker_processes=processes).job_concurrency == slots
