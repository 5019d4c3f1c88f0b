"""The message listener records a job and acks after it, and skips what must not be scanned."""

from __future__ import annotations

from typing import Any
from unittest.mock import AsyncMock, MagicMock

import pytest

from handlers.messages import handle_message_event


def _body(**event: Any) -> dict[str, Any]:
    inner = {
        "type": "message",
        "channel": "C1",
        "user": "U1",
        "ts": "1.1",
        "text": "hello",
        "channel_type": "channel",
        **event,
    }
    return {"type": "event_callback", "team_id": "T1", "event_id": "Ev1", "event": inner}


def _services(enqueue_result: bool = True) -> MagicMock:
    services = MagicMock()
    services.bot_user_id = "UBOT"
    services.queue.enqueue = AsyncMock(return_value=enqueue_result)
    services.pipeline.prescreen_clean = AsyncMock(return_value=False)
    return services


def _context() -> MagicMock:
    context = MagicMock()
    context.bot_user_id = "UBOT"
    return context


async def test_a_post_is_enqueued_before_the_ack() -> None:
    order: list[str] = []
    services = _services()
    services.queue.enqueue.side_effect = lambda job: order.append("enqueue") or True
    ack = AsyncMock(side_effect=lambda *a, **k: order.append("ack"))
    await handle_message_event(ack, _body(), _context(), None, services)
    assert order == ["enqueue", "ack"]
    job = services.queue.enqueue.call_args.args[0]
    assert (job.job_id, job.channel_id, job.kind) == ("Ev1", "C1", "message")


async def test_a_duplicate_is_acknowledged_without_a_second_job() -> None:
    services = _services(enqueue_result=False)
    ack = AsyncMock()
    await handle_message_event(ack, _body(), _context(), None, services)
    ack.assert_awaited_once()


@pytest.mark.parametrize(
    "event",
    [
        {"subtype": "bot_message", "bot_id": "B2"},
        {"bot_id": "B2"},
        {"user": "UBOT"},
        {"subtype": "message_deleted"},
        {"subtype": "channel_join"},
        {"text": "   "},
    ],
)
async def test_bots_deletions_and_empty_posts_are_not_scanned(event: dict[str, Any]) -> None:
    services = _services()
    ack = AsyncMock()
    await handle_message_event(ack, _body(**event), _context(), None, services)
    services.queue.enqueue.assert_not_awaited()
    ack.assert_awaited_once()


async def test_an_edit_is_scanned_with_its_new_text_only_when_the_text_changed() -> None:
    services = _services()
    changed = _body(
        subtype="message_changed",
        message={"user": "U1", "ts": "1.1", "text": "new"},
        previous_message={"user": "U1", "ts": "1.1", "text": "old"},
    )
    await handle_message_event(AsyncMock(), changed, _context(), None, services)
    job = services.queue.enqueue.call_args.args[0]
    assert job.payload["text"] == "new" and job.payload["edited"] is True
    services.queue.enqueue.reset_mock()
    unfurl = _body(
        subtype="message_changed",
        message={"user": "U1", "ts": "1.1", "text": "same"},
        previous_message={"user": "U1", "ts": "1.1", "text": "same"},
    )
    await handle_message_event(AsyncMock(), unfurl, _context(), None, services)
    services.queue.enqueue.assert_not_awaited()


async def test_an_enqueue_failure_is_not_acknowledged_so_slack_retries() -> None:
    services = _services()
    services.queue.enqueue.side_effect = RuntimeError("database away")
    ack = AsyncMock()
    with pytest.raises(RuntimeError):
        await handle_message_event(ack, _body(), _context(), None, services)
    ack.assert_not_awaited()


async def test_a_thread_reply_keeps_its_thread_and_a_file_share_is_a_file_job() -> None:
    services = _services()
    await handle_message_event(
        AsyncMock(),
        _body(
            thread_ts="0.9",
            subtype="file_share",
            files=[{"id": "F1", "name": "x.png", "url_private": "u"}],
        ),
        _context(),
        None,
        services,
    )
    job = services.queue.enqueue.call_args.args[0]
    assert job.kind == "file" and job.payload["thread_ts"] == "0.9"
    assert job.payload["files"][0]["id"] == "F1"


async def test_with_the_opt_in_prescreen_a_clean_post_is_acked_without_a_job() -> None:
    services = _services()
    services.pipeline.prescreen_clean = AsyncMock(return_value=True)
    ack = AsyncMock()
    await handle_message_event(ack, _body(), _context(), None, services)
    services.queue.enqueue.assert_not_awaited()
    ack.assert_awaited_once()


async def test_a_sharing_change_drops_the_cached_class_of_that_channel() -> None:
    from handlers.channels import handle_sharing_change
    from tests import payloads

    services, ack = MagicMock(), AsyncMock()
    context = MagicMock(team_id="T123ABC456")
    for name in ("channel_shared", "channel_unshared"):
        await handle_sharing_change(ack, payloads.body(name), context, services)
    assert [c.args for c in services.channels.forget.call_args_list] == [
        ("T123ABC456", "C123ABC456"),
        ("T123ABC456", "C123ABC456"),
    ]
    assert ack.await_count == 2


async def test_an_uninstall_drops_the_installation_and_the_workspace_settings() -> None:
    from handlers.lifecycle import handle_lifecycle_event
    from tests import payloads

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
