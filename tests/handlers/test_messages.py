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
    context.bot_id = "BOURS"
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
        {"user": "UBOT"},
        {"user": "UBOT", "bot_id": "BOURS"},
        {"subtype": "bot_message", "user": None, "bot_id": "BOURS"},
        {"subtype": "message_deleted"},
        {"subtype": "channel_join"},
        {"text": "   "},
    ],
)
async def test_our_posts_deletions_and_empty_posts_are_not_scanned(event: dict[str, Any]) -> None:
    services = _services()
    ack = AsyncMock()
    await handle_message_event(ack, _body(**event), _context(), None, services)
    services.queue.enqueue.assert_not_awaited()
    ack.assert_awaited_once()


@pytest.mark.parametrize(
    "event",
    [
        {"subtype": "bot_message", "user": None, "bot_id": "B2"},
        {"bot_id": "B2", "user": "UOTHERBOT"},
    ],
)
async def test_another_apps_post_is_scanned_with_our_bot_id_from_the_context(
    event: dict[str, Any],
) -> None:
    services = _services()
    await handle_message_event(AsyncMock(), _body(**event), _context(), None, services)
    job = services.queue.enqueue.call_args.args[0]
    assert job.payload["from_app"] is True


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
