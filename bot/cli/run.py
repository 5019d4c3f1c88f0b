"""`phiwarden run`: serve the Slack app over HTTP on PORT, or connect with `--socket-mode`."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import signal
import sys
from typing import Any

from bot.config import load_settings
from bot.logging import log_event
from bot.web.server import start_server

log = logging.getLogger(__name__)


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--host", default="0.0.0.0", help="interface to bind (default 0.0.0.0)")
    parser.add_argument("--port", type=int, default=None, help="port (default: PORT, else 3000)")
    parser.add_argument(
        "--socket-mode",
        action="store_true",
        help="connect to Slack over Socket Mode with SLACK_APP_TOKEN instead of HTTP",
    )


def run(args: argparse.Namespace) -> int:
    from bot.errors import ConfigError
    from bot.logging import configure_logging

    settings = load_settings()
    configure_logging(settings.log_level)

    async def main() -> int:
        try:
            server = await start_server(
                settings, host=args.host, port=args.port, socket_mode=args.socket_mode
            )
        except ConfigError as exc:
            print(f"phiwarden: {exc}", file=sys.stderr)
            return 2
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            with contextlib.suppress(NotImplementedError):
                loop.add_signal_handler(sig, stop.set)
        await announce(settings, server, host=args.host, socket_mode=args.socket_mode)
        await stop.wait()
        await server.stop()
        return 0

    return asyncio.run(main())


async def announce(settings: Any, server: Any, *, host: str, socket_mode: bool) -> None:
    """The start-up summary (bot.startup), on stdout and as log events."""
    from bot.web.startup import Startup, summary

    workspace = None
    alert_targets: list[str] | None = None  # what bot.slack.alerts resolves for that workspace
    if settings.slack_bot_token:
        from slack_sdk.web.async_client import AsyncWebClient

        client = AsyncWebClient(
            token=settings.slack_bot_token, base_url=settings.slack_api_url, timeout=3
        )
        try:
            found = await client.auth_test()
            workspace = f"{found.get('team_id')} ({found.get('team')})"
            alert_targets = await server.services.alerts.targets(str(found.get("team_id")))
        except Exception as exc:  # unreachable or refused: said in the line, never fatal here
            log_event(log, logging.WARNING, "auth.test failed", error_type=type(exc).__name__)
    bound = "Socket Mode" if socket_mode else f"{host}:{server.port}"
    startup = Startup(
        bound, server.services.gateway.can_delete_user_posts, workspace, alert_targets
    )
    for level, line in summary(settings, startup):
        print(f"phiwarden: {line}", flush=True)
        log_event(log, logging.WARNING if level == "warning" else logging.INFO, line)
