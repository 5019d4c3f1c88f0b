"""Every request the stand-in served, so tests assert on calls the way bolt-python's tests do."""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Call:
    """One Web API call (or file download, upload, `response_url` post) and how it ended."""

    method: str
    args: dict[str, Any]
    token_kind: str | None
    ok: bool
    error: str | None
    status: int
    at: float = field(default_factory=time.time)
    response: dict[str, Any] = field(default_factory=dict)


class Recorder:
    """Keeps calls in order; `wait_for` lets a scenario wait for the app's async work."""

    def __init__(self) -> None:
        self._calls: list[Call] = []
        self._changed = asyncio.Event()

    def record(self, call: Call) -> None:
        self._calls.append(call)
        self._changed.set()

    def calls(self, method: str | None = None, *, ok: bool | None = None) -> list[Call]:
        """Calls to `method` (all calls if None), optionally only successful or failed ones."""
        return [
            c
            for c in self._calls
            if (method is None or c.method == method) and (ok is None or c.ok == ok)
        ]

    def count(self, method: str | None = None, *, ok: bool | None = None) -> int:
        return len(self.calls(method, ok=ok))

    def last(self, method: str) -> Call:
        """The latest call to `method`; raises LookupError when there was none."""
        found = self.calls(method)
        if not found:
            raise LookupError(f"no call to {method}")
        return found[-1]

    def clear(self) -> None:
        self._calls.clear()

    async def wait_for(
        self, method: str, count: int = 1, timeout: float = 30.0, *, ok: bool | None = None
    ) -> list[Call]:
        """Wait until `method` was called at least `count` times; TimeoutError says how many."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            found = self.calls(method, ok=ok)
            if len(found) >= count:
                return found
            remaining = deadline - loop.time()
            if remaining <= 0:
                seen = sorted({c.method for c in self._calls})
                raise TimeoutError(
                    f"{method} called {len(found)} times, wanted {count} within {timeout}s; "
                    f"methods seen: {', '.join(seen) or 'none'}"
                )
            self._changed.clear()
            try:
                await asyncio.wait_for(self._changed.wait(), remaining)
            except TimeoutError:
                continue
