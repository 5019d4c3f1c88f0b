"""Registered last: acknowledge what no other listener wanted; log listener errors safely.

Without the catch-alls, Bolt answers 404 to an unknown event type and Slack retries it; an
event we do not handle is simply acknowledged. Bolt's own error logging prints `str(error)`
with a traceback, and a database error's text can quote the job payload (message text), so
listener errors are logged by type only and Bolt's logger never carries exception text.
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
    log_event(
        log,
        logging.INFO,
        "request ignored: no listener",
        event_type=str(event.get("type") or body.get("type")),
        event_id=body.get("event_id"),
    )
    await ack()


async def on_error(error: Exception) -> None:
    """The request fails (5xx, so Slack retries); the log line names the error type only."""
    log_event(
        log, logging.ERROR, "listener failed; Slack will retry", error_type=type(error).__name__
    )


class NoExceptionText(logging.Filter):
    """Reduce Bolt's exception records to the exception's type: its text may quote content."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.exc_info and record.exc_info[0] is not None:
            record.msg = f"Bolt error ({record.exc_info[0].__name__})"
            record.args = ()
            record.exc_info = None
            record.exc_text = None
        return True


def register(app: AsyncApp, services: Services) -> None:
    app.logger.addFilter(NoExceptionText())
    app.error(on_error)
    app.event(_ANY)(ignore)
    app.action(_ANY)(ignore)
    app.view(_ANY)(ignore)
    app.shortcut(_ANY)(ignore)
