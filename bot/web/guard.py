"""The aiohttp application `phiwarden run` serves: Slack's endpoint, OAuth, health, metrics.

`guard` wraps `POST /slack/events`: it times the ack, counts requests by type, counts and logs
signature rejections (Bolt answers 401), and turns an unreadable body into a 400 with a
one-line log instead of a 500 and a traceback. It never logs the body.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable

from aiohttp import web

from bot import metrics
from bot.logging import log_event
from bot.web.ops import Pingable, add_ops_routes, make_health_check

log = logging.getLogger(__name__)

EVENTS_PATH = "/slack/events"
# Slack's own payloads are far smaller; anything bigger is refused with 413 before parsing.
MAX_BODY_BYTES = 1024 * 1024

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def _request_type(request: web.Request, body: str) -> str:
    if request.content_type == "application/json":
        return "event"
    return "interaction" if body.startswith("payload=") else "command"


@web.middleware
async def guard(request: web.Request, handler: Handler) -> web.StreamResponse:
    if request.path != EVENTS_PATH:
        return await handler(request)
    started = time.perf_counter()
    body = await request.text()  # aiohttp keeps it; Bolt's adapter reads the same copy
    kind = _request_type(request, body)
    metrics.EVENTS_RECEIVED.labels(type=kind).inc()
    try:
        response = await handler(request)
    except web.HTTPException:
        raise
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        # Malformed JSON, or a payload missing what Bolt expects: Slack never sends these.
        log_event(
            log,
            logging.WARNING,
            "malformed Slack request rejected",
            kind=kind,
            error_type=type(exc).__name__,
            size_bytes=len(body),
            http_status=400,
        )
        return web.json_response({"error": "malformed payload"}, status=400)
    except asyncio.CancelledError:
        raise
    except Exception as exc:
        log_event(
            log, logging.ERROR, "Slack request failed", kind=kind, error_type=type(exc).__name__
        )
        return web.json_response({"error": "internal error"}, status=500)
    if response.status == 401:
        metrics.SIGNATURE_REJECTIONS.inc()
        log_event(
            log,
            logging.WARNING,
            "request rejected: bad, missing or stale signature",
            kind=kind,
            http_status=401,
        )
    elif response.status < 300:
        metrics.ACK_LATENCY.observe(time.perf_counter() - started)
    return response


def build_web_app(
    slack_handler: Handler | None,
    *,
    store: Pingable,
    queue: Pingable | None = None,
    scanner: Pingable | None = None,
    extra_routes: list[web.RouteDef] | None = None,
) -> web.Application:
    """`POST /slack/events` (not in Socket Mode), `GET /healthz`, `GET /metrics` (+ OAuth routes)."""
    app = web.Application(middlewares=[guard], client_max_size=MAX_BODY_BYTES)
    if slack_handler is not None:
        app.router.add_post(EVENTS_PATH, slack_handler)
    if extra_routes:
        app.add_routes(extra_routes)
    add_ops_routes(app, make_health_check(store, queue, scanner))
    return app
