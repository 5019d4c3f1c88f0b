"""Shared fixtures: a migrated `Store` on SQLite and on PostgreSQL, and a Redis URL.

Tests that need PostgreSQL or Redis are marked `services`; they skip with a reason when the
service is unreachable, except under `CI=true`, where an unreachable service fails the test.
"""

from __future__ import annotations

import asyncio
import os
import socket
import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from bot.store import Store

PG_HOST, PG_PORT, REDIS_PORT = "127.0.0.1", 5432, 6379


def _reachable(port: int) -> bool:
    try:
        with socket.create_connection((PG_HOST, port), timeout=1):
            return True
    except OSError:
        return False


def require_service(name: str, port: int) -> None:
    """Skip (or, with CI=true, fail) when `name` does not answer on 127.0.0.1:`port`."""
    if _reachable(port):
        return
    reason = f"{name} is not reachable on {PG_HOST}:{port} (start it with scripts/services.sh)"
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI=true and {reason}")
    pytest.skip(reason)


async def _admin(sql: str) -> None:
    import asyncpg

    conn = await asyncpg.connect(host=PG_HOST, port=PG_PORT, user="postgres", database="test")
    try:
        await conn.execute(sql)
    finally:
        await conn.close()


@pytest.fixture(scope="session")
def pg_database_url() -> Iterator[str]:
    """A PostgreSQL database of this test run only, dropped at the end."""
    require_service("PostgreSQL", PG_PORT)
    name = f"phiwarden_test_{uuid.uuid4().hex[:12]}"
    asyncio.run(_admin(f'CREATE DATABASE "{name}"'))
    try:
        yield f"postgresql+asyncpg://postgres@{PG_HOST}:{PG_PORT}/{name}"
    finally:
        asyncio.run(_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


@pytest.fixture
def redis_url() -> str:
    require_service("Redis", REDIS_PORT)
    # TEST_REDIS_DB lets test runs that share one Redis (parallel work trees) keep apart.
    return f"redis://{PG_HOST}:{REDIS_PORT}/{os.environ.get('TEST_REDIS_DB', '0')}"


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.services)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite+aiosqlite:///{tmp_path}/db/phiwarden.sqlite3"
    return str(request.getfixturevalue("pg_database_url"))


_pg_migrated: set[str] = set()


@pytest.fixture
async def store(database_url: str) -> AsyncIterator[Store]:
    """A migrated, empty `bot.store.Store` (PostgreSQL tables are truncated per test)."""
    from bot.config import Settings
    from bot.store import open_store
    from bot.store.models import metadata

    first = database_url not in _pg_migrated
    opened = await open_store(Settings(database_url=database_url), upgrade_schema=first)
    if database_url.startswith("postgresql"):
        _pg_migrated.add(database_url)
        names = ", ".join(t.name for t in metadata.sorted_tables)
        async with opened.engine.begin() as conn:
            await conn.exec_driver_sql(f"TRUNCATE {names} RESTART IDENTITY")
    try:
        yield opened
    finally:
        await opened.close()
