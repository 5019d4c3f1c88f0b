"""`phiwarden db upgrade | current | purge`: schema migrations and the retention purge.

Settings come from the environment (`DATABASE_URL`, `RETENTION_DAYS`), as for the app.
"""

from __future__ import annotations

import argparse
import asyncio
import json


def configure(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    up = sub.add_parser("upgrade", help="apply the migrations (default: to head)")
    up.add_argument(
        "revision", nargs="?", default="head", help="Alembic revision to reach (default: head)"
    )
    sub.add_parser("current", help="print the schema revision of the database")
    sub.add_parser("purge", help="delete audit rows older than RETENTION_DAYS and stale jobs")


def run(args: argparse.Namespace) -> int:
    from bot.config import load_settings

    # A bad setting or a database that cannot be reached: reported by bot.cli.main, status 2.
    settings = load_settings()
    return asyncio.run(_run(args, settings))


async def _run(args: argparse.Namespace, settings: object) -> int:
    from bot.config import Settings
    from bot.store import open_store
    from bot.store.migrate import current_revision, upgrade

    assert isinstance(settings, Settings)
    store = await open_store(settings, upgrade_schema=False)
    try:
        if args.db_command == "upgrade":
            await upgrade(store.engine, args.revision)
            print(f"database at revision {await current_revision(store.engine)}")
        elif args.db_command == "current":
            print(await current_revision(store.engine) or "empty (run: phiwarden db upgrade)")
        else:
            print(json.dumps(await store.purge(), sort_keys=True))
    finally:
        await store.close()
    return 0
