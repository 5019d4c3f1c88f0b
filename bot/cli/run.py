"""`phiwarden run`: serve the Slack app over HTTP on PORT, or connect with `--socket-mode`."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import signal
import sys

from bot.config import load_settings
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
        print(f"phiwarden listening on {server.url}/slack/events", flush=True)
        await stop.wait()
        await server.stop()
        return 0

    return asyncio.run(main())
