"""`phiwarden run`: serve the Slack app over HTTP on PORT, or connect with `--socket-mode`.

`start_server()` is the same thing as a library call (used by the demo, the scenario tests and
the ack benchmark): build the services, the Bolt app and the aiohttp server on a free port
if asked, start the confirm sweeper, and return a handle to stop it all.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import signal
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from bot.config import Settings
from bot.logging import log_event

if TYPE_CHECKING:
    from aiohttp import web

    from bot.services import Services
    from bot.workers import ScanWorkers

log = logging.getLogger(__name__)


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--host", default="0.0.0.0", help="interface to bind (default 0.0.0.0)")
    parser.add_argument("--port", type=int, default=None, help="port (default: PORT, else 3000)")
    parser.add_argument(
        "--socket-mode",
        action="store_true",
        help="connect to Slack over Socket Mode with SLACK_APP_TOKEN instead of HTTP",
    )


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
            queued = await services.pipeline.sweep()
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
    from bot.http import build_web_app
    from bot.services import build_services

    if not settings.slack_signing_secret and not socket_mode:
        raise ConfigError("SLACK_SIGNING_SECRET is required to verify Slack's requests")
    if not settings.slack_bot_token and not settings.slack_client_id:
        raise ConfigError("set SLACK_BOT_TOKEN (one workspace) or SLACK_CLIENT_ID/SECRET (OAuth)")
    # Behind Redis workers this process only records and acks: its scan pool starts on the
    # first `/phi check`, not at boot.
    scaled_out = settings.queue_url.strip().startswith(("redis://", "rediss://", "unix://"))
    services = await build_services(settings, scanner=scanner, warm_scanner=not scaled_out)
    server = Server(services=services, url=None, port=None)
    try:
        app = build_app(settings, services)
        sweeper = asyncio.create_task(sweep_forever(services), name="phiwarden-confirm-sweeper")

        async def stop_sweeper() -> None:
            sweeper.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await sweeper

        server._stoppers.append(stop_sweeper)
        if socket_mode:
            if not settings.slack_app_token:
                raise ConfigError("--socket-mode needs SLACK_APP_TOKEN (xapp-...)")
            server._stoppers.append(await start_socket_mode(app, settings.slack_app_token))
        events = None if socket_mode else http_handler(app)
        web_app: web.Application = build_web_app(
            events, store=services.store, queue=services.queue, extra_routes=oauth_routes(app)
        )
        runner = web.AppRunner(web_app, access_log=None)
        await runner.setup()
        site = web.TCPSite(runner, host, settings.port if port is None else port)
        await site.start()
        server._stoppers.insert(0, runner.cleanup)
        sockets = getattr(site._server, "sockets", None) or []
        server.port = int(sockets[0].getsockname()[1]) if sockets else port
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


def run(args: argparse.Namespace) -> int:
    from bot.errors import ConfigError
    from bot.logging import configure_logging

    settings = Settings()
    configure_logging(settings.log_level)

    async def main() -> int:
        try:
            server = await start_server(
                settings, host=args.host, port=args.port, socket_mode=args.socket_mode
            )
        except ConfigError as exc:
            log_event(log, logging.ERROR, "cannot start", reason=type(exc).__name__)
            print(f"phiwarden: {exc}")
            return 2
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            with contextlib.suppress(NotImplementedError):
                loop.add_signal_handler(sig, stop.set)
        print(f"phiwarden listening on {server.url}/slack/events", flush=True)
        await stop.wait()
        await server.stop()
        return 0

    return asyncio.run(main())
