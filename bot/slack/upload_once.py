"""Uploading a file once per idempotency key, even when Slack's answer to the share was lost.

The file id is recorded (as an intent) before the file is shared, and a retry first asks Slack
(`files.info`) whether that file already reached the channel. The share is asynchronous
(`files.completeUploadExternal`; python-slack-sdk#1277), so "not shared yet" is waited for and
then handed back to the queue, never read as "not shared". Split out of `bot.slack.gateway` so
the upload's recovery rules read on their own.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

from slack_sdk.web.async_client import AsyncWebClient

from bot.errors import SlackGatewayError
from bot.logging import log_event
from bot.slack.files import upload_file_v2
from bot.store.api import ActionLog

log = logging.getLogger(__name__)

# Waits for a completed upload that files.info does not show shared yet: the share is
# asynchronous (files.completeUploadExternal), so a retry waits for it instead of uploading again.
SHARE_WAITS_S = (1.0, 2.0, 4.0, 8.0)
SHARE_RECHECK_S = 30.0  # past the waits, the job comes back this much later

Call = Callable[..., Awaitable[dict[str, Any]]]
Sleep = Callable[[float], Awaitable[None]]
ClientFor = Callable[[str | None], Awaitable[AsyncWebClient]]


async def share_state(call: Call, file_id: str, channel: str, *, team_id: str | None) -> str:
    """ "shared" in `channel`, "pending" (Slack has the file, no share in it yet), or "absent"
    (no such file, or the look-up failed: the caller uploads again)."""
    try:
        info = (await call("files.info", team_id=team_id, file=file_id)).get("file") or {}
    except SlackGatewayError as exc:
        log_event(log, logging.WARNING, "could not look for an earlier upload", error=exc.error)
        return "absent"
    shares = info.get("shares") or {}
    shared_in = {
        *info.get("channels", []),
        *info.get("groups", []),
        *info.get("ims", []),
        *(shares.get("public") or {}),
        *(shares.get("private") or {}),
    }  # shares: {channel: [...]}
    if channel in shared_in:
        log_event(log, logging.INFO, "slack upload found, not repeated", channel_id=channel)
        return "shared"
    return "pending" if info.get("id") else "absent"


async def wait_for_share(
    call: Call, sleep: Sleep, file_id: str, channel: str, *, team_id: str | None
) -> bool:
    """Whether an earlier upload of `file_id` reached `channel`, waiting while Slack has the
    file but has not shared it yet; False when Slack has no such file (upload again).

    "Not shared yet" is never "not shared": past `SHARE_WAITS_S` a transient
    `SlackGatewayError` (with `retry_after`) sends the job back to the queue, so the file is
    not uploaded a second time.
    """
    for wait in (*SHARE_WAITS_S, None):
        state = await share_state(call, file_id, channel, team_id=team_id)
        if state != "pending":
            return state == "shared"
        if wait is None:
            break
        await sleep(wait)
    log_event(log, logging.WARNING, "upload not shared yet; job comes back", channel_id=channel)
    raise SlackGatewayError(
        "files.completeUploadExternal", "file_share_pending", retry_after=SHARE_RECHECK_S
    )


async def upload_once(
    actions: ActionLog,
    call: Call,
    sleep: Sleep,
    client_for: ClientFor,
    key: str,
    channel: str,
    thread_ts: str | None,
    filename: str,
    data: bytes,
    comment: str,
    *,
    team_id: str | None = None,
) -> str | None:
    """Upload a file into the channel/thread once per key; returns the file id."""
    done = await actions.get_action(key)
    if done is not None:
        return str(done.get("file_id") or "") or None
    # As with posts: the file id is recorded before it is shared, and a retry first asks
    # Slack whether that file already reached the channel (the share's answer lost, or
    # the process killed before the record).
    intent_key = f"{key}:intent"
    intent = await actions.get_action(intent_key)
    earlier = str((intent or {}).get("file_id") or "")
    if earlier and await wait_for_share(call, sleep, earlier, channel, team_id=team_id):
        file_id = earlier
    else:

        async def remember(slot_file_id: str) -> None:
            await actions.record_action(
                intent_key, {"method": "intent", "file_id": slot_file_id}, replace=True
            )

        uploaded = await upload_file_v2(
            await client_for(team_id), channel, thread_ts, filename, data, comment, on_slot=remember
        )
        file_id = str(uploaded.get("id") or "")
    await actions.record_action(key, {"method": "files.completeUploadExternal", "file_id": file_id})
    return file_id or None
