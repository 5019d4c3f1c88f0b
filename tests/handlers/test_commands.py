"""`/phi`: the listener answers with `run_phi`'s reply as an ephemeral ack."""

from __future__ import annotations

from typing import Any
from unittest.mock import AsyncMock, MagicMock

from handlers.commands import handle_phi


async def test_phi_answers_with_the_reply_as_an_ephemeral_ack(monkeypatch: Any) -> None:
    reply = {"text": "t", "blocks": [{"type": "section"}]}
    run = AsyncMock(return_value=reply)
    monkeypatch.setattr("handlers.commands.run_phi", run)
    ack = AsyncMock()
    await handle_phi(
        ack,
        {
            "team_id": "T1",
            "channel_id": "D1",
            "user_id": "U1",
            "text": "help",
            "channel_name": "directmessage",
        },
        MagicMock(),
    )
    assert run.call_args.kwargs["channel_type"] == "im"
    ack.assert_awaited_once_with(response_type="ephemeral", text="t", blocks=reply["blocks"])
