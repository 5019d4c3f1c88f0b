"""`GET /healthz` and `GET /metrics` on the app's aiohttp server (and on `phiwarden worker`).

`/healthz` answers 200 only when every check passes (database reachable, queue alive, a scan
process able to run), so a load balancer or Kubernetes stops routing Slack traffic to a replica
that could not record or check a post. Checks run with a timeout: a hung database is unhealthy, not a hung probe.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Mapping
from typing import Protocol

from aiohttp import web
from prometheus_client import CONTENT_TYPE_LATEST

from bot import metrics

HealthCheck = Callable[[], Awaitable[Mapping[str, bool]]]
CHECK_TIMEOUT = 2.0


class Pingable(Protocol):
    async def ping(self) -> bool: ...


def make_health_check(
    store: Pingable, queue: Pingable | None = None, scanner: Pingable | None = None
) -> HealthCheck:
    """Checks `store.ping()` and, when given, `queue.ping()` and `scanner.ping()`: a replica
    whose scan pool cannot run cannot guard anything."""

    async def _ping(target: Pingable) -> bool:
        try:
            return bool(await asyncio.wait_for(target.ping(), CHECK_TIMEOUT))
        except Exception:
            return False

    async def check() -> dict[str, bool]:
        result = {"database": await _ping(store)}
        if queue is not None:
            result["queue"] = await _ping(queue)
        if scanner is not None:
            result["scanner"] = await _ping(scanner)
        return result

    return check


def add_ops_routes(app: web.Application, health_check: HealthCheck) -> None:
    """Register `GET /healthz` (200 or 503 with per-check JSON) and `GET /metrics`."""

    async def healthz(_request: web.Request) -> web.Response:
        try:
            checks = dict(await asyncio.wait_for(health_check(), 2 * CHECK_TIMEOUT))
        except Exception:
            checks = {"health_check": False}
        ok = bool(checks) and all(checks.values())
        return web.json_response(
            {"status": "ok" if ok else "unhealthy", "checks": checks}, status=200 if ok else 503
        )

    async def metrics_view(_request: web.Request) -> web.Response:
        return web.Response(body=metrics.render(), headers={"Content-Type": CONTENT_TYPE_LATEST})

    app.router.add_get("/healthz", healthz)
    app.router.add_get("/metrics", metrics_view)
