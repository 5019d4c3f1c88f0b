"""Rate limits: wait as long as Slack's `Retry-After` says, inside slack_sdk's retry machinery.

Slack answers a rate-limited call with HTTP 429 and `Retry-After` in seconds, before doing
anything, so repeating it is safe (https://docs.slack.dev/apis/web-api/rate-limits). Tier 1
and 2 methods ask for up to a minute. slack_sdk's `AsyncRateLimitErrorRetryHandler` already
does this (the full header plus up to a second of jitter); this subclass only adds what the
gateway needs: an injected `sleep` (tests do not wait a minute), a metric and a log line. When
the retries run out, the gateway reads the last answer's header with `retry_after_seconds` into
`SlackGatewayError.retry_after`, so the job that still failed is retried no sooner.
"""

from __future__ import annotations

import logging
import random
from collections.abc import Awaitable, Callable, Mapping

from slack_sdk.http_retry.builtin_async_handlers import AsyncRateLimitErrorRetryHandler
from slack_sdk.http_retry.request import HttpRequest
from slack_sdk.http_retry.response import HttpResponse
from slack_sdk.http_retry.state import RetryState

from bot import metrics
from bot.logging import log_event

log = logging.getLogger(__name__)

Sleep = Callable[[float], Awaitable[None]]
# A Retry-After we cannot read, or none (Slack always sends one): wait this long.
DEFAULT_WAIT_S = 1.0
# Never wait longer than this for one answer, whatever a (broken) header says.
MAX_WAIT_S = 300.0


def retry_after_seconds(headers: Mapping[str, list[str] | str]) -> float:
    """Seconds from a `Retry-After` header (any case), `DEFAULT_WAIT_S` when absent or bad."""
    for name, value in headers.items():
        if name.lower() != "retry-after":
            continue
        raw = value[0] if isinstance(value, list) and value else value
        try:
            return min(MAX_WAIT_S, max(0.0, float(str(raw))))
        except ValueError:
            return DEFAULT_WAIT_S
    return DEFAULT_WAIT_S


class RetryAfterHandler(AsyncRateLimitErrorRetryHandler):
    """slack_sdk's 429 handler with an injectable sleep; waits `Retry-After` in full."""

    def __init__(self, max_retry_count: int, sleep: Sleep, *, jitter_s: float = 1.0) -> None:
        super().__init__(max_retry_count=max_retry_count)
        self._sleep = sleep
        self._jitter_s = jitter_s

    async def prepare_for_next_attempt_async(
        self,
        *,
        state: RetryState,
        request: HttpRequest,
        response: HttpResponse | None = None,
        error: Exception | None = None,
    ) -> None:
        if response is None:  # pragma: no cover - _can_retry_async needs a 429 response
            raise error or RuntimeError("rate-limit retry without a response")
        state.next_attempt_requested = True
        wait = retry_after_seconds(response.headers) + random.uniform(0, self._jitter_s)
        metrics.RETRIES.labels(stage="gateway").inc()
        log_event(
            log,
            logging.WARNING,
            "slack call rate limited; waiting Retry-After",
            attempt=state.current_attempt + 1,
            delay_s=round(wait, 2),
        )
        await self._sleep(wait)
        state.increment_current_attempt()
