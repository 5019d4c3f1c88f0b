"""The "This isn't patient information" button: recorded as a job before the ack.

Like the confirm buttons, the click is kept durably first; `bot.flow.feedback` then checks that
the clicker is the poster, in the workspace the click came from (Bolt's `context.team_id`).
"""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncApp, AsyncBoltContext

from bot.flow.feedback import report_job
from bot.logging import log_event
from bot.messages.feedback import ACTION_FALSE_POSITIVE
from bot.services import Services

log = logging.getLogger(__name__)


async def handle_report(
    ack: AsyncAck, body: dict[str, Any], context: AsyncBoltContext, services: Services
) -> None:
    action = (body.get("actions") or [{}])[0]
    scan_job_id = str(action.get("value") or "")
    team = str(context.team_id or (body.get("team") or {}).get("id") or "")
    channel = str(
        (body.get("channel") or {}).get("id")
        or (body.get("container") or {}).get("channel_id")
        or ""
    )
    actor = str((body.get("user") or {}).get("id") or "")
    if not scan_job_id or not actor or not team or len(scan_job_id) > 200:
        log_event(log, logging.WARNING, "report button without ids", reason="bad_payload")
        await ack()
        return
    await services.queue.enqueue(report_job(team, channel, actor, scan_job_id))
    log_event(log, logging.INFO, "false-positive report recorded", user_id=actor)
    await ack()


def register(app: AsyncApp, services: Services) -> None:
    async def on_report(ack: AsyncAck, body: dict[str, Any], context: AsyncBoltContext) -> None:
        await handle_report(ack, body, context, services)

    app.action(ACTION_FALSE_POSITIVE)(on_report)
