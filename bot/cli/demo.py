"""`phiwarden demo`: the whole bot end to end against the local Slack stand-in, no credentials."""

from __future__ import annotations

import argparse


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--verbose", action="store_true", help="show the app's log lines too")


def run(args: argparse.Namespace) -> int:
    import asyncio
    import logging
    import sys

    from bot.demo import run_demo
    from bot.logging import configure_logging

    configure_logging("INFO" if args.verbose else "ERROR")
    if not args.verbose:
        logging.getLogger("presidio-analyzer").setLevel(logging.ERROR)
    return asyncio.run(run_demo(sys.stdout))
