"""`team_join` / `user_change`: the workspace's cached people directory is dropped; the event is
acknowledged first, and a deployment without a directory only acknowledges."""

from __future__ import annotations

from unittest.mock import AsyncMock, MagicMock

import pytest

from handlers.people import EVENTS, handle_member_change, register


def test_both_membership_events_are_listened_to() -> None:
    app = MagicMock()
    register(app, MagicMock())
    assert (
        {c.args[0] for c in app.event.call_args_list}
        == set(EVENTS)
        == {
            "team_join",
            "user_change",
        }
    )


@pytest.mark.parametrize("event_type", EVENTS)
async def test_a_change_drops_that_workspaces_directory_after_the_ack(event_type: str) -> None:
    order: list[str] = []
    services = MagicMock()
    services.people.invalidate.side_effect = lambda team: order.append(f"invalidate {team}")
    ack = AsyncMock(side_effect=lambda: order.append("ack"))
    body = {"team_id": "TBODY", "event": {"type": event_type, "user": {"id": "U1"}}}
    await handle_member_change(ack, body, MagicMock(team_id="TCTX"), services)
    assert order == ["ack", "invalidate TCTX"]


async def test_without_a_directory_or_a_team_only_the_ack_happens() -> None:
    services = MagicMock()
    services.people = None
    ack = AsyncMock()
    await handle_member_change(ack, {"event": {"type": "team_join"}}, MagicMock(), services)
    ack.assert_awaited_once()
    services = MagicMock()
    await handle_member_change(ack, {"event": {}}, MagicMock(team_id=None), services)
    services.people.invalidate.assert_not_called()
