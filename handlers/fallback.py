"""Registered last: acknowledge what no other listener wanted, with a one-line log.

Without these, Bolt answers 404 to an unknown event type and Slack retries it, and its
"unhandled request" warning is noise; an event we do not handle is simply acknowledged.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncApp

from bot.logging import log_event
from bot.services import Services

log = logging.getLogger(__name__)

_ANY = re.compile(r".*")


async def ignore(ack: AsyncAck, body: dict[str, Any]) -> None:
    raw = body.get("event")
    event: dict[str, Any] = raw if isinstance(raw, dict) else {}
    log_event(log, logging.INFO, "request ignored: no listener", event_type=str(event.get("type") or body.get("type")),
              event_id=body.get("event_id"))
    await ack()


def register(app: AsyncApp, services: Services) -> None:
    app.event(_ANY)(ignore)
    app.action(_ANY)(ignore)
    app.view(_ANY)(ignore)
    app.shortcut(_ANY)(ignore)
