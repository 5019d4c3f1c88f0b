"""File events. A shared file arrives twice: as a `message` with subtype `file_share` (scanned
by the message listener, which sees the text and the files together) and as `file_shared`,
which is acknowledged here and nothing more, so one share never produces two actions.
"""

from __future__ import annotations

import logging

from slack_bolt.async_app import AsyncAck, AsyncApp

from bot.services import Services

log = logging.getLogger(__name__)


async def ack_file_event(ack: AsyncAck) -> None:
    await ack()


def register(app: AsyncApp, services: Services) -> None:
    for event_type in ("file_shared", "file_created", "file_change", "file_public", "file_deleted"):
        app.event(event_type)(ack_file_event)
