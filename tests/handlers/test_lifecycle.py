"""Install lifecycle: an uninstall or a revocation drops tokens (and on uninstall the workspace's
settings); in single-workspace mode nothing can be dropped and the event is still acked."""

from __future__ import annotations

from typing import Any
from unittest.mock import AsyncMock, MagicMock

from handlers.lifecycle import handle_lifecycle_event
from tests import payloads


async def test_an_uninstall_drops_the_installation_and_the_workspace_settings() -> None:
    services, ack, revocations = MagicMock(), AsyncMock(), AsyncMock()
    services.store.delete_workspace_settings = AsyncMock()
    context = MagicMock(team_id="T111", enterprise_id="E111")
    await handle_lifecycle_event(
        ack, payloads.body("app_uninstalled"), context, services, revocations
    )
    revocations.handle_app_uninstalled_events.assert_awaited_once_with(context)
    services.store.delete_workspace_settings.assert_awaited_once_with("T111")
    body = payloads.body("tokens_revoked")
    await handle_lifecycle_event(ack, body, context, services, revocations)
    revocations.handle_tokens_revoked_events.assert_awaited_once_with(body["event"], context)
    assert ack.await_count == 2


async def test_uninstalled_and_revoked_installations_are_deleted_from_our_store(
    tmp_path: Any,
) -> None:
    """Bolt's revocation listeners against our encrypted installation store, end to end."""
    from cryptography.fernet import Fernet
    from slack_bolt.listener.async_builtins import AsyncTokenRevocationListeners
    from slack_sdk.oauth.installation_store import Installation

    from bot.config import Settings
    from bot.store import open_store

    settings = Settings(
        database_url=f"sqlite+aiosqlite:///{tmp_path}/x.sqlite3",
        slack_client_id="1.2",
        slack_client_secret="s",
        token_encryption_key=Fernet.generate_key().decode(),
    )
    store = await open_store(settings)
    try:
        installations = store.installation_store
        for team in ("T1", "T2"):
            await installations.async_save(
                Installation(
                    app_id="A1",
                    enterprise_id="E1",
                    team_id=team,
                    user_id="U1",
                    bot_token=f"xoxb-{team}",
                    bot_id="B1",
                    bot_user_id="UB",
                    user_token=f"xoxp-{team}",
                )
            )
        listeners = AsyncTokenRevocationListeners(installations)
        await listeners.handle_app_uninstalled_events(MagicMock(enterprise_id="E1", team_id="T1"))
        assert await installations.find_bot_by_team("T1") is None
        assert await installations.find_installation_by_team("T1") is None
        assert (await installations.find_bot_by_team("T2")) is not None
        await listeners.handle_tokens_revoked_events(
            {"tokens": {"bot": ["UB"]}}, MagicMock(enterprise_id="E1", team_id="T2")
        )
        assert await installations.find_bot_by_team("T2") is None
    finally:
        await store.close()


async def test_in_single_workspace_mode_an_uninstall_is_logged_and_acked_only(
    caplog: Any,
) -> None:
    services, ack = MagicMock(), AsyncMock()
    services.store.delete_workspace_settings = AsyncMock()
    context = MagicMock(team_id="T111")
    with caplog.at_level("ERROR", logger="handlers.lifecycle"):
        await handle_lifecycle_event(ack, payloads.body("app_uninstalled"), context, services, None)
    services.store.delete_workspace_settings.assert_not_awaited()
    ack.assert_awaited_once()
    assert any("SLACK_BOT_TOKEN no longer works" in r.getMessage() for r in caplog.records)
