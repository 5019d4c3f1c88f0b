"""The aiohttp application `phiwarden run` serves: Slack's endpoint, OAuth, health, metrics.

`make_guard` wraps `POST /slack/events`: it times the ack, counts requests by type, counts and
logs signature rejections (401), and answers a signed request Slack would never send
(`bot.web.shape`: not UTF-8, nested past reason, `"event": "x"`, `block_actions` without
actions) with a 400 and one log line, before Bolt's parser and our listeners could turn it into
a 500 with a traceback. It never logs the body.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import logging
import time
from collections.abc import Awaitable, Callable

from aiohttp import web
from aiohttp.typedefs import Middleware

from bot import metrics
from bot.logging import log_event
from bot.web.ops import Pingable, add_ops_routes, make_health_check
from bot.web.shape import problem

log = logging.getLogger(__name__)

EVENTS_PATH = "/slack/events"
# Slack's own payloads are far smaller; anything bigger is refused with 413 before parsing.
MAX_BODY_BYTES = 1024 * 1024

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def _request_type(request: web.Request, raw: bytes) -> str:
    if request.content_type == "application/json":
        return "event"
    return "interaction" if raw.startswith(b"payload=") else "command"


def _rejected(kind: str, reason: str, size: int) -> web.Response:
    log_event(
        log,
        logging.WARNING,
        "malformed Slack request rejected",
        kind=kind,
        reason=reason,
        size_bytes=size,
        http_status=400,
    )
    return web.json_response({"error": "malformed payload"}, status=400)


def signed(secret: str, raw: bytes, timestamp: str, signature: str, now: float) -> bool:
    """Slack's v0 signature over the raw bytes, within 5 minutes: docs.slack.dev
    /authentication/verifying-requests-from-slack. (slack_sdk's `SignatureVerifier` decodes
    the body as UTF-8 first and raises on anything else, so it cannot judge a body that is
    not.) Bolt verifies again, with slack_sdk, the requests this lets through."""
    try:
        sent = int(timestamp)
    except ValueError:
        return False
    if abs(now - sent) > 300:
        return False
    base = b"v0:" + timestamp.encode() + b":" + raw
    expected = "v0=" + hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, signature)


def make_guard(signing_secret: str | None) -> Middleware:
    """The middleware; with `signing_secret` it checks signatures itself, so that an unsigned
    request is a 401 and only a signed one is judged for its shape."""

    @web.middleware
    async def guard(request: web.Request, handler: Handler) -> web.StreamResponse:
        if request.path != EVENTS_PATH:
            return await handler(request)
        started = time.perf_counter()
        raw = await request.read()  # aiohttp keeps it; Bolt's adapter reads the same copy
        kind = _request_type(request, raw)
        metrics.EVENTS_RECEIVED.labels(type=kind).inc()
        if signing_secret and not signed(
            signing_secret,
            raw,
            request.headers.get("X-Slack-Request-Timestamp", ""),
            request.headers.get("X-Slack-Signature", ""),
            time.time(),
        ):
            return _unsigned(kind)
        reason = problem(raw, request.content_type)
        if reason is not None:
            return _rejected(kind, reason, len(raw))
        try:
            response = await handler(request)
        except web.HTTPException:
            raise
        except (ValueError, KeyError, TypeError, AttributeError, RecursionError) as exc:
            # A shape `problem()` does not know yet: still a client error, still one line.
            return _rejected(kind, type(exc).__name__, len(raw))
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            log_event(
                log, logging.ERROR, "Slack request failed", kind=kind, error_type=type(exc).__name__
            )
            return web.json_response({"error": "internal error"}, status=500)
        if response.status == 401:
            return _unsigned(kind)
        if response.status < 300:
            metrics.ACK_LATENCY.observe(time.perf_counter() - started)
        return response

    return guard


def _unsigned(kind: str) -> web.Response:
    metrics.SIGNATURE_REJECTIONS.inc()
    log_event(
        log,
        logging.WARNING,
        "request rejected: bad, missing or stale signature",
        kind=kind,
        http_status=401,
    )
    return web.json_response({"error": "invalid signature"}, status=401)


def build_web_app(
    slack_handler: Handler | None,
    *,
    store: Pingable,
    queue: Pingable | None = None,
    scanner: Pingable | None = None,
    extra_routes: list[web.RouteDef] | None = None,
    signing_secret: str | None = None,
) -> web.Application:
    """`POST /slack/events` (not in Socket Mode), `GET /healthz`, `GET /metrics` (+ OAuth routes)."""
    app = web.Application(middlewares=[make_guard(signing_secret)], client_max_size=MAX_BODY_BYTES)
    if slack_handler is not None:
        app.router.add_post(EVENTS_PATH, slack_handler)
    if extra_routes:
        app.add_routes(extra_routes)
    add_ops_routes(app, make_health_check(store, queue, scanner))
    return app
