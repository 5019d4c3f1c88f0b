"""The consent modal's submission: an incomplete form is answered with errors, no job."""

from __future__ import annotations

from unittest.mock import AsyncMock, MagicMock

from bot.messages import ids
from handlers.views import handle_consent_submission


def _services() -> MagicMock:
    services = MagicMock()
    services.queue.enqueue = AsyncMock(return_value=True)
    services.gateway.open_modal = AsyncMock()
    services.store.get_pending = AsyncMock(return_value=None)
    return services


async def test_an_incomplete_consent_form_gets_errors_and_no_job() -> None:
    services = _services()
    ack = AsyncMock()
    body = {
        "user": {"id": "U1"},
        "team": {"id": "T1"},
        "view": {"private_metadata": "c123", "state": {"values": {}}},
    }
    await handle_consent_submission(ack, body, services)
    assert ack.call_args.kwargs["response_action"] == "errors"
    assert ids.BLOCK_CHANNEL_APPROVED in ack.call_args.kwargs["errors"]
    services.queue.enqueue.assert_not_awaited()
