"""Channel sharing changes drop that channel's cached class, and are always acknowledged."""

from __future__ import annotations

from unittest.mock import AsyncMock, MagicMock

from handlers.channels import handle_sharing_change
from tests import payloads


async def test_a_sharing_change_drops_the_cached_class_of_that_channel() -> None:
    services, ack = MagicMock(), AsyncMock()
    context = MagicMock(team_id="T123ABC456")
    for name in ("channel_shared", "channel_unshared"):
        await handle_sharing_change(ack, payloads.body(name), context, services)
    assert [c.args for c in services.channels.forget.call_args_list] == [
        ("T123ABC456", "C123ABC456"),
        ("T123ABC456", "C123ABC456"),
    ]
    assert ack.await_count == 2


async def test_without_a_team_or_channel_nothing_is_forgotten_but_the_event_is_acked() -> None:
    services, ack = MagicMock(), AsyncMock()
    body = {"team_id": "", "event": {"type": "channel_shared"}}
    await handle_sharing_change(ack, body, MagicMock(team_id=None), services)
    services.channels.forget.assert_not_called()
    ack.assert_awaited_once()


async def test_the_installation_team_of_the_context_wins_over_the_envelope() -> None:
    services, ack = MagicMock(), AsyncMock()
    body = {"team_id": "TSENDER", "event": {"type": "channel_shared", "channel": "C9"}}
    await handle_sharing_change(ack, body, MagicMock(team_id="TINSTALL"), services)
    services.channels.forget.assert_called_once_with("TINSTALL", "C9")
