"""`handlers.settings` with `AsyncMock` collaborators: buttons open modals for admins only;
submissions are refused for non-admins before any value is read, and saved for admins."""

from __future__ import annotations

from typing import Any
from unittest.mock import AsyncMock, MagicMock

from bot.messages import ids
from bot.messages.settings import NOT_ADMIN
from handlers import settings as handler


def _services(admin: bool) -> MagicMock:
    services = MagicMock()
    services.is_admin = AsyncMock(return_value=admin)
    services.store.append = AsyncMock()
    services.store.get_workspace_settings = AsyncMock(return_value=MagicMock(alert_channel=None))
    services.store.update_workspace_settings = AsyncMock()
    services.gateway.open_modal = AsyncMock()
    return services


def _click(action_id: str) -> dict[str, Any]:
    return {
        "type": "block_actions",
        "user": {"id": "U1", "team_id": "T1"},
        "team": {"id": "T1"},
        "trigger_id": "1.2.3",
        "actions": [{"action_id": action_id, "type": "button", "value": "x"}],
    }


def _submission(callback_id: str) -> dict[str, Any]:
    return {
        "type": "view_submission",
        "user": {"id": "U1", "team_id": "T1"},
        "team": {"id": "T1"},
        "view": {
            "callback_id": callback_id,
            "blocks": [{"type": "input", "block_id": ids.BLOCK_SET_ALERT_CHANNEL}],
            "state": {"values": {}},
        },
    }


async def test_a_settings_button_opens_a_modal_for_an_admin_only() -> None:
    admin = _services(True)
    await handler.open_settings(_click(ids.ACTION_SETTINGS_ALERTS), None, admin)
    admin.gateway.open_modal.assert_awaited_once()
    member = _services(False)
    await handler.open_settings(_click(ids.ACTION_SETTINGS_ALERTS), None, member)
    member.gateway.open_modal.assert_not_awaited()
    member.store.append.assert_awaited_once()  # the refusal is audited


async def test_a_non_admins_submission_is_answered_with_an_error_and_saves_nothing() -> None:
    member, ack = _services(False), AsyncMock()
    await handler.submit_settings(ack, _submission(ids.VIEW_SETTINGS_ALERTS), None, member)
    ack.assert_awaited_once_with(
        response_action="errors", errors={ids.BLOCK_SET_ALERT_CHANNEL: NOT_ADMIN}
    )
    member.store.update_workspace_settings.assert_not_awaited()


async def test_an_admins_empty_alert_channel_goes_back_to_the_default() -> None:
    admin, ack = _services(True), AsyncMock()
    await handler.submit_settings(ack, _submission(ids.VIEW_SETTINGS_ALERTS), None, admin)
    ack.assert_awaited_once_with()
    admin.store.update_workspace_settings.assert_awaited_once_with("T1", "U1", alert_channel=None)
