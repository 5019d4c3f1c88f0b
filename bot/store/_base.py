"""What every repository shares: the engine, read/write transactions, and `ON CONFLICT`.

SQLite allows one writer at a time. Rather than let concurrent writers collide on the file
lock (SQLite's busy handler then sleeps in steps of up to 100 ms, which shows up as ack
latency), writes in one process queue on a `WriteGate`, where urgent writes (recording a job
before the ack) go ahead of background ones (the runner's bookkeeping, audit rows). Reads take
a plain deferred transaction, which WAL never blocks. On PostgreSQL there is no gate: the
database handles concurrency.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections import deque
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from bot.store.sealed import PayloadSealer

READ_OPTION = "phiwarden_read"
# Background tasks dropping broken write connections (kept referenced until they finish).
_DISCARDS: set[asyncio.Task[None]] = set()


class WriteGate:
    """A mutex with two queues: urgent waiters are served before the others, each in order."""

    def __init__(self) -> None:
        self._locked = False
        self._urgent: deque[asyncio.Future[None]] = deque()
        self._normal: deque[asyncio.Future[None]] = deque()

    async def acquire(self, urgent: bool = False) -> None:
        if not self._locked and not self._urgent and not self._normal:
            self._locked = True
            return
        waiter: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        (self._urgent if urgent else self._normal).append(waiter)
        try:
            await waiter  # ownership is handed over by `release`
        except asyncio.CancelledError:
            if waiter.done() and not waiter.cancelled():
                self.release()  # we were handed the gate as we were cancelled: pass it on
            else:
                (self._urgent if urgent else self._normal).remove(waiter)
            raise

    def release(self) -> None:
        for queue in (self._urgent, self._normal):
            while queue:
                waiter = queue.popleft()
                if not waiter.done():
                    waiter.set_result(None)
                    return
        self._locked = False


class Repository:
    """Base of the repositories; the `Store` inherits them all and shares one engine."""

    def __init__(self, engine: AsyncEngine, sealer: PayloadSealer | None = None) -> None:
        self.engine = engine
        # Seals what a person wrote in job and confirm payloads (`bot.store.sealed`).
        self.sealer = sealer or PayloadSealer()
        self._reader = engine.execution_options(**{READ_OPTION: True})
        self._gate = WriteGate() if engine.dialect.name == "sqlite" else None
        # SQLite: every write goes through the gate anyway, so one connection kept open for
        # writes saves a pool checkout and the reset-on-return round trip to the aiosqlite
        # thread per transaction (each round trip waits on the event loop: ack latency).
        self._writer: AsyncConnection | None = None

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @asynccontextmanager
    async def _read(self) -> AsyncIterator[AsyncConnection]:
        async with self._reader.connect() as conn:
            yield conn

    @asynccontextmanager
    async def _write(self, urgent: bool = False) -> AsyncIterator[AsyncConnection]:
        """A write transaction; `urgent` for writes a caller is waiting on (the ack path)."""
        if self._gate is None:
            async with self.engine.begin() as conn:
                yield conn
            return
        await self._gate.acquire(urgent)
        try:
            kept = self._writer
            if kept is None or kept.closed or kept.invalidated:
                kept = self._writer = await self.engine.connect()
            conn = kept
            try:
                async with conn.begin():
                    yield conn
            except BaseException as exc:
                broken = conn.invalidated or conn.closed or conn.in_transaction()
                if broken or isinstance(exc, asyncio.CancelledError):
                    # Never reuse a connection that may still hold SQLite's write lock: drop it
                    # (closing the DBAPI connection releases the lock) and open a new one.
                    self._writer = None
                    self._discard(conn)
                raise
        finally:
            self._gate.release()

    def _discard(self, conn: AsyncConnection) -> None:
        async def drop() -> None:
            with contextlib.suppress(Exception):
                await conn.invalidate()
            _DISCARDS.discard(task)

        task = asyncio.get_running_loop().create_task(drop())
        _DISCARDS.add(task)

    async def close_writer(self) -> None:
        """Close the kept write connection (before the engine is disposed)."""
        conn, self._writer = self._writer, None
        if conn is not None:
            await conn.close()

    def upsert(self, table: sa.Table) -> Any:
        """A dialect INSERT with `.on_conflict_do_nothing()` / `.on_conflict_do_update()`."""
        if self.dialect == "postgresql":
            return postgresql.insert(table)
        return sqlite.insert(table)
