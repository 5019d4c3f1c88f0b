"""What every repository shares: the engine, read/write transactions, and `ON CONFLICT`.

SQLite allows one writer at a time. Rather than let concurrent writers collide on the file
lock (SQLite's busy handler then sleeps in steps of up to 100 ms, which shows up as ack
latency), writes in one process queue on an asyncio lock, in arrival order. Reads take a plain
deferred transaction, which WAL never blocks. On PostgreSQL there is no lock: the database
handles concurrency.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

READ_OPTION = "phiwarden_read"


class Repository:
    """Base of the repositories; the `Store` inherits them all and shares one engine."""

    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine
        self._reader = engine.execution_options(**{READ_OPTION: True})
        self._write_lock = asyncio.Lock() if engine.dialect.name == "sqlite" else None

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @asynccontextmanager
    async def _read(self) -> AsyncIterator[AsyncConnection]:
        async with self._reader.connect() as conn:
            yield conn

    @asynccontextmanager
    async def _write(self) -> AsyncIterator[AsyncConnection]:
        if self._write_lock is None:
            async with self.engine.begin() as conn:
                yield conn
            return
        async with self._write_lock, self.engine.begin() as conn:
            yield conn

    def upsert(self, table: sa.Table) -> Any:
        """A dialect INSERT with `.on_conflict_do_nothing()` / `.on_conflict_do_update()`."""
        if self.dialect == "postgresql":
            return postgresql.insert(table)
        return sqlite.insert(table)
