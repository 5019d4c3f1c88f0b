"""Message events (new posts, thread replies, broadcasts, edits, file shares): record, then ack.

The listener only turns the event into a scan job (`bot.flow.intake`) and records it durably; the
ack (HTTP 200) goes out after the enqueue returns, and the app runs with
`process_before_response`, so Slack never hears "received" for a job we did not keep. A retry or
duplicate delivery finds the job already recorded and is simply acknowledged.
"""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncApp, AsyncBoltContext
from slack_bolt.request.async_request import AsyncBoltRequest

from bot import metrics
from bot.flow.intake import Skip, job_from_event
from bot.logging import log_event
from bot.services import Services

log = logging.getLogger(__name__)


async def handle_message_event(
    ack: AsyncAck,
    body: dict[str, Any],
    context: AsyncBoltContext,
    request: AsyncBoltRequest | None,
    services: Services,
) -> None:
    retry_values = request.headers.get("x-slack-retry-num") if request is not None else None
    retry = retry_values[0] if retry_values else None
    job = job_from_event(body, context.bot_user_id or services.bot_user_id, context.bot_id)
    if isinstance(job, Skip):
        log_event(
            log,
            logging.DEBUG,
            "event not scanned",
            event_id=body.get("event_id"),
            reason=job.reason,
        )
        await ack()
        return
    if await services.pipeline.prescreen_clean(job):  # opt-in: clean text needs no job
        log_event(log, logging.DEBUG, "event clean at intake", event_id=job.job_id, retry_num=retry)
        await ack()
        return
    fresh = await services.queue.enqueue(job)  # raises -> 500 -> Slack retries: nothing lost
    if not fresh:
        metrics.EVENTS_DUPLICATE.inc()
    log_event(
        log,
        logging.INFO,
        "event recorded" if fresh else "duplicate event acknowledged",
        event_id=job.job_id,
        channel_id=job.channel_id,
        kind=job.kind,
        retry_num=retry,
    )
    await ack()


def register(app: AsyncApp, services: Services) -> None:
    async def on_message(
        ack: AsyncAck, body: dict[str, Any], context: AsyncBoltContext, request: AsyncBoltRequest
    ) -> None:
        await handle_message_event(ack, body, context, request, services)

    app.event("message")(on_message)
