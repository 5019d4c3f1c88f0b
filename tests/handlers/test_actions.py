"""Confirm buttons: thin listeners that record a choice job or open the consent modal, then ack."""

from __future__ import annotations

from typing import Any
from unittest.mock import AsyncMock, MagicMock

from bot.messages import ids
from handlers.actions import handle_choice, open_consent_modal


def _click(action_id: str, value: str = "c123", user: str = "U1") -> dict[str, Any]:
    return {
        "type": "block_actions",
        "team": {"id": "T1"},
        "user": {"id": user},
        "channel": {"id": "C1"},
        "trigger_id": "trig",
        "actions": [{"action_id": action_id, "value": value}],
    }


def _services() -> MagicMock:
    services = MagicMock()
    services.queue.enqueue = AsyncMock(return_value=True)
    services.gateway.open_modal = AsyncMock()
    services.store.get_pending = AsyncMock(return_value=None)
    return services


async def test_withdraw_is_recorded_as_a_choice_job_then_acked() -> None:
    services = _services()
    ack = AsyncMock()
    await handle_choice(ack, _click(ids.ACTION_WITHDRAW), services)
    job = services.queue.enqueue.call_args.args[0]
    assert job.kind == "confirm_choice"
    assert job.payload == {"confirm_id": "c123", "actor": "U1", "choice": "withdrawn"}
    ack.assert_awaited_once()


async def test_attest_opens_the_consent_modal_for_that_confirm() -> None:
    services = _services()
    await open_consent_modal(_click(ids.ACTION_ATTEST), services)
    trigger, view = services.gateway.open_modal.call_args.args
    assert trigger == "trig"
    assert view["callback_id"] == ids.VIEW_CONSENT and view["private_metadata"] == "c123"
