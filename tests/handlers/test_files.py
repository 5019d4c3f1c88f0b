"""File events are acknowledged and nothing more: the `file_share` message is what gets scanned,
so one share never produces two actions."""

from __future__ import annotations

from unittest.mock import AsyncMock, MagicMock

from handlers import files


def test_every_file_event_is_registered_with_the_ack_only_listener() -> None:
    app, services = MagicMock(), MagicMock()
    files.register(app, services)
    registered = [c.args[0] for c in app.event.call_args_list]
    assert set(registered) == {
        "file_shared",
        "file_created",
        "file_change",
        "file_public",
        "file_deleted",
    }
    listeners = {c.args[0] for c in app.event.return_value.call_args_list}
    assert listeners == {files.ack_file_event}
    assert services.mock_calls == []  # nothing of the services is touched


async def test_the_listener_acks() -> None:
    ack = AsyncMock()
    await files.ack_file_event(ack)
    ack.assert_awaited_once_with()
