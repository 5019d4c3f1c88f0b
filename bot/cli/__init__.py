"""The `phiwarden` command: one entry point here, one module per subcommand beside it.

Each subcommand module exposes `configure(parser)` and `run(args) -> int` and keeps heavy
imports (spaCy, OCR, Bolt) inside `run`, so `phiwarden --help` stays instant.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from bot.errors import ConfigError, PhiwardenError

# name -> (module, one-line help)
SUBCOMMANDS: dict[str, tuple[str, str]] = {
    "scan": ("bot.cli.scan", "find PHI in text (argument or --jsonl on stdin)"),
    "redact-image": ("bot.cli.redact_image", "remove PHI from images and DICOM files"),
    "run": ("bot.cli.run", "serve the Slack app (HTTP on PORT, or --socket-mode)"),
    "demo": ("bot.cli.demo", "run the whole bot against the local Slack stand-in"),
    "worker": ("bot.cli.worker", "run a scale-out scan worker (QUEUE_URL=redis://...)"),
    "db": ("bot.cli.db", "database migrations (db upgrade)"),
    "audit": ("bot.cli.audit", "export the audit trail (audit export)"),
    "report": ("bot.cli.report", "write the compliance report as one HTML file"),
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="phiwarden", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (module_name, help_text) in SUBCOMMANDS.items():
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name != module_name:
                raise
            continue  # subcommand not built yet in this checkout
        sub_parser = sub.add_parser(name, help=help_text, description=help_text)
        module.configure(sub_parser)
        sub_parser.set_defaults(handler=module.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:  # every subcommand sets `handler` (`build_parser`)
        parser.print_help()
        return 2
    try:
        return int(args.handler(args))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `phiwarden audit export | head`: the reader left, which is not an error. Point stdout
        # at devnull so the interpreter's final flush does not raise again (Python docs,
        # "Note on SIGPIPE" in the signal module).
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except ConfigError as exc:
        # A bad setting: one line naming the variable and what it wants, status 2.
        print(f"phiwarden: {exc}", file=sys.stderr)
        return 2
    except Exception as exc:
        from bot.store.engine import database_unavailable  # sqlalchemy: not for --help

        reason = database_unavailable(exc)
        if reason is not None:  # DATABASE_URL unreachable, missing or unwritable: a setting
            print(f"phiwarden: {reason}", file=sys.stderr)
            return 2
        if isinstance(exc, PhiwardenError):  # said on purpose, in words fit for an operator
            print(f"phiwarden {args.command}: {exc}", file=sys.stderr)
            return 1
        raise


if __name__ == "__main__":
    sys.exit(main())
