"""`bot.slack.ratelimit`: Slack's `Retry-After` read in full, bounded, and waited through the
injected sleep (https://docs.slack.dev/apis/web-api/rate-limits)."""

from __future__ import annotations

import pytest
from slack_sdk.http_retry.request import HttpRequest
from slack_sdk.http_retry.response import HttpResponse
from slack_sdk.http_retry.state import RetryState

from bot.slack.ratelimit import DEFAULT_WAIT_S, MAX_WAIT_S, RetryAfterHandler, retry_after_seconds


@pytest.mark.parametrize(
    ("headers", "seconds"),
    [
        ({"Retry-After": ["30"]}, 30.0),
        ({"retry-after": "7"}, 7.0),  # any case, a bare string too
        ({"Retry-After": ["0.5"]}, 0.5),
        ({"Retry-After": ["-3"]}, 0.0),
        ({"Retry-After": ["86400"]}, MAX_WAIT_S),
        ({"Retry-After": ["soon"]}, DEFAULT_WAIT_S),
        ({"Content-Type": ["application/json"]}, DEFAULT_WAIT_S),
    ],
)
def test_when_slack_says_how_long_then_that_wait_is_read(
    headers: dict[str, list[str] | str], seconds: float
) -> None:
    assert retry_after_seconds(headers) == seconds


async def test_when_a_call_is_rate_limited_then_the_handler_sleeps_the_whole_wait() -> None:
    slept: list[float] = []

    async def sleep(seconds: float) -> None:
        slept.append(seconds)

    handler = RetryAfterHandler(max_retry_count=2, sleep=sleep, jitter_s=0.0)
    state = RetryState()
    request = HttpRequest(method="POST", url="https://slack.com/api/chat.delete", headers={})
    response = HttpResponse(status_code=429, headers={"Retry-After": ["42"]})
    await handler.prepare_for_next_attempt_async(state=state, request=request, response=response)
    assert slept == [42.0]
    assert state.next_attempt_requested and state.current_attempt == 1
