"""The "This isn't patient information" button: recorded as a job before the ack, ids only."""

from __future__ import annotations

from typing import Any
from unittest.mock import AsyncMock, MagicMock

import pytest

from bot.flow.feedback import JOB_FALSE_POSITIVE
from bot.messages.feedback import ACTION_FALSE_POSITIVE
from handlers.feedback import handle_report


def _click(value: str = "Ev1", user: str = "U1", **extra: Any) -> dict[str, Any]:
    return {
        "type": "block_actions",
        "team": {"id": "TBODY"},
        "user": {"id": user},
        "channel": {"id": "C1"},
        "actions": [{"action_id": ACTION_FALSE_POSITIVE, "value": value}],
        **extra,
    }


def _services() -> MagicMock:
    services = MagicMock()
    services.queue.enqueue = AsyncMock(return_value=True)
    return services


async def test_a_report_is_enqueued_before_the_ack_in_the_workspace_of_the_click() -> None:
    order: list[str] = []
    services = _services()
    services.queue.enqueue.side_effect = lambda job: order.append("enqueue") or True
    ack = AsyncMock(side_effect=lambda *a, **k: order.append("ack"))
    await handle_report(ack, _click(), MagicMock(team_id="TCTX"), services)
    assert order == ["enqueue", "ack"]
    job = services.queue.enqueue.call_args.args[0]
    assert (job.kind, job.team_id, job.channel_id) == (JOB_FALSE_POSITIVE, "TCTX", "C1")
    assert job.payload == {"scan_job_id": "Ev1", "actor": "U1"}


async def test_the_channel_may_come_from_the_container_of_an_ephemeral_message() -> None:
    services = _services()
    body = _click(container={"channel_id": "C2"})
    del body["channel"]
    await handle_report(AsyncMock(), body, MagicMock(team_id=None), services)
    job = services.queue.enqueue.call_args.args[0]
    assert (job.team_id, job.channel_id) == ("TBODY", "C2")


@pytest.mark.parametrize("value, user", [("", "U1"), ("Ev1", ""), ("x" * 201, "U1")])
async def test_a_click_without_usable_ids_is_acked_without_a_job(value: str, user: str) -> None:
    services, ack = _services(), AsyncMock()
    await handle_report(ack, _click(value=value, user=user), MagicMock(team_id="T1"), services)
    services.queue.enqueue.assert_not_awaited()
    ack.assert_awaited_once()
