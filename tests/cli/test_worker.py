"""`phiwarden worker` refuses to start without a Redis queue, with a message saying why."""

from __future__ import annotations

import pytest

from bot.cli import main


def test_worker_needs_a_redis_queue_url(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("QUEUE_URL", "embedded")
    assert main(["worker"]) == 2
    assert "QUEUE_URL=redis://" in capsys.readouterr().err


def test_worker_help_lists_its_options(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["worker", "--help"])
    out = capsys.readouterr().out
    assert "--concurrency" in out and "--metrics-port" in out
