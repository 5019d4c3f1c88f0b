"""Programmable failures per method, so the app's retry and fail-closed paths can be tested."""

from __future__ import annotations

import time
from collections import deque
from dataclasses import dataclass


@dataclass
class Fault:
    """What to do instead of (or before) serving a call.

    `error` makes the call answer `ok: false` with that code (HTTP 200 like Slack; 429 with
    `Retry-After` in seconds for `ratelimited`, as https://docs.slack.dev/apis/web-api/rate-limits
    describes); `status` answers a bare HTTP error such as 500;
    `delay` sleeps first (then serves normally unless `error` or `status` is also set);
    `lose_answer` serves the call (its side effect happens) but answers a bare HTTP 500, as
    when Slack's reply is lost on the way back: the case a naive retry turns into a duplicate.
    """

    error: str | None = None
    status: int | None = None
    retry_after: int = 1
    delay: float = 0.0
    times: int = 1
    lose_answer: bool = False


class Faults:
    """Queues of faults per method name, consumed one call at a time."""

    def __init__(self) -> None:
        self._queued: dict[str, list[Fault]] = {}
        self._limits: dict[str, tuple[int, float]] = {}
        self._seen: dict[str, deque[float]] = {}

    def rate_limit(self, method: str, per_minute: int | None, *, window: float = 60.0) -> None:
        """Answer `ratelimited` once `method` was served `per_minute` times in `window` s
        (Slack's tiers: 1, 20, 50, 100+ per minute, https://docs.slack.dev/apis/web-api/rate-limits;
        1 a minute for conversations.history/replies of apps outside the Marketplace since
        2025-05-29); None removes the limit."""
        if per_minute is None:
            self._limits.pop(method, None)
            self._seen.pop(method, None)
        else:
            self._limits[method] = (per_minute, window)
            self._seen[method] = deque()

    def fail_next(
        self,
        method: str,
        error: str = "ratelimited",
        *,
        times: int = 1,
        retry_after: int = 1,
        status: int | None = None,
    ) -> None:
        """Make the next `times` calls to `method` fail with `error` (or bare HTTP `status`)."""
        self._queued.setdefault(method, []).append(
            Fault(
                error=None if status else error, status=status, retry_after=retry_after, times=times
            )
        )

    def http_error_next(self, method: str, status: int = 500, *, times: int = 1) -> None:
        """Answer the next calls with a bare HTTP error and no JSON, as a Slack outage does."""
        self.fail_next(method, times=times, status=status)

    def delay_next(self, method: str, seconds: float, *, times: int = 1) -> None:
        """Serve the next calls after `seconds`; longer than the client's timeout = a timeout."""
        self._queued.setdefault(method, []).append(Fault(delay=seconds, times=times))

    def lose_answer_next(self, method: str, *, times: int = 1) -> None:
        """Serve the next `times` calls to `method`, then answer HTTP 500 instead of the result."""
        self._queued.setdefault(method, []).append(Fault(lose_answer=True, times=times))

    def take(self, method: str) -> Fault | None:
        """The fault for this call, if any, consuming one of its `times`."""
        queue = self._queued.get(method)
        if not queue:
            return self._over_limit(method)
        fault = queue[0]
        fault.times -= 1
        if fault.times <= 0:
            queue.pop(0)
        return fault

    def _over_limit(self, method: str) -> Fault | None:
        limit = self._limits.get(method)
        if limit is None:
            return None
        per_window, window = limit
        now = time.monotonic()
        seen = self._seen[method]
        while seen and now - seen[0] >= window:
            seen.popleft()
        if len(seen) >= per_window:
            return Fault(error="ratelimited", retry_after=max(1, int(window - (now - seen[0])) + 1))
        seen.append(now)
        return None

    def clear(self) -> None:
        self._queued.clear()
        self._limits.clear()
        self._seen.clear()
