"""The running app as a library call: what `phiwarden run`, the demo, the scenario tests and the
ack benchmark start.

`start_server()` builds the services, the Bolt app and the aiohttp server (on a free port if
asked), starts the confirm sweeper, and returns a handle to stop it all.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from bot.config import Settings, slack_mode
from bot.logging import log_event

if TYPE_CHECKING:
    from aiohttp import web

    from bot.scan_pool import ScanWorkers
    from bot.services import Services

log = logging.getLogger(__name__)


@dataclass
class Server:
    """A running app: its URL (HTTP mode), its services, and how to stop it."""

    services: Services
    url: str | None
    port: int | None
    _stoppers: list[Callable[[], Awaitable[Any]]] = field(default_factory=list)

    async def stop(self) -> None:
        for stop in reversed(self._stoppers):
            with contextlib.suppress(Exception):
                await stop()
        await self.services.close()


async def sweep_forever(services: Services) -> None:
    """Apply the channel default to pending confirms past their timeout, every few seconds."""
    interval = max(0.05, services.settings.confirm_sweep_seconds)
    while True:
        try:
            queued = await services.pipeline.confirms.sweep(services.queue.enqueue)
            if queued:
                log_event(log, logging.INFO, "expired confirms queued", count=queued)
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            log_event(log, logging.ERROR, "confirm sweep failed", error_type=type(exc).__name__)
        await asyncio.sleep(interval)


async def start_server(
    settings: Settings,
    *,
    host: str = "127.0.0.1",
    port: int | None = None,
    socket_mode: bool = False,
    scanner: ScanWorkers | None = None,
) -> Server:
    from aiohttp import web

    from bot.app import build_app, http_handler, oauth_routes, start_socket_mode
    from bot.errors import ConfigError
    from bot.services import build_services
    from bot.web.guard import build_web_app

    # Every setting that can stop the start is checked here, before the models load.
    slack_mode(settings)
    if not settings.slack_signing_secret and not socket_mode:
        raise ConfigError("SLACK_SIGNING_SECRET is required to verify Slack's requests")
    if socket_mode and not settings.slack_app_token:
        raise ConfigError("--socket-mode needs SLACK_APP_TOKEN (xapp-...)")
    # Behind Redis workers this process only records and acks: its scan pool starts on the
    # first `/phi check`, not at boot.
    services = await build_services(settings, scanner=scanner, warm_scanner=not settings.scaled_out)
    server = Server(services=services, url=None, port=None)
    try:
        app = build_app(settings, services)
        sweeper = asyncio.create_task(sweep_forever(services), name="phiwarden-confirm-sweeper")

        async def stop_sweeper() -> None:
            sweeper.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await sweeper

        server._stoppers.append(stop_sweeper)
        if socket_mode and settings.slack_app_token:
            server._stoppers.append(await start_socket_mode(app, settings.slack_app_token))
        events = None if socket_mode else http_handler(app)
        web_app: web.Application = build_web_app(
            events,
            store=services.store,
            queue=services.queue,
            scanner=services.scanner,
            extra_routes=oauth_routes(app),
            signing_secret=settings.slack_signing_secret,
        )
        runner = web.AppRunner(web_app, access_log=None)
        await runner.setup()
        site = web.TCPSite(runner, host, settings.port if port is None else port)
        await site.start()
        server._stoppers.insert(0, runner.cleanup)
        # `AppRunner.addresses`: the bound sockets' `getsockname()`, so port 0 gives the real port
        # (https://docs.aiohttp.org/en/stable/web_reference.html#aiohttp.web.BaseRunner.addresses).
        addresses = runner.addresses
        server.port = int(addresses[0][1]) if addresses else port
        shown = "127.0.0.1" if host in ("0.0.0.0", "") else host
        server.url = f"http://{shown}:{server.port}"
    except BaseException:
        await server.stop()
        raise
    log_event(
        log,
        logging.INFO,
        "phiwarden serving",
        port=server.port,
        component="socket_mode" if socket_mode else "http",
    )
    return server
