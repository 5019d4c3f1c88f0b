"""Engines: only the async drivers we support, the SQLite file private (0600, folder 0700), the
SQLite pragmas that keep writers queued and deleted content zeroed, and one clear line for a
database that cannot be reached."""

from __future__ import annotations

import os
import re
import sqlite3
import stat
from pathlib import Path

import pytest

from bot.errors import ConfigError
from bot.store import Store
from bot.store.engine import (
    create_engine,
    database_unavailable,
    is_sqlite,
    private_file,
    sqlite_path,
)


async def test_sqlite_overwrites_deleted_content(store: Store) -> None:
    if store.dialect != "sqlite":
        pytest.skip("SQLite pragma")
    async with store.engine.connect() as conn:
        assert (await conn.exec_driver_sql("PRAGMA secure_delete")).scalar() == 1
        assert (await conn.exec_driver_sql("PRAGMA journal_mode")).scalar() == "wal"


@pytest.mark.parametrize(
    "url, message",
    [
        ("sqlite:///x.db", "sqlite+aiosqlite"),
        ("postgresql://u@h/db", "postgresql+asyncpg"),
        ("mysql+aiomysql://u@h/db", "not supported"),
        ("::not a url::", "not a valid SQLAlchemy URL"),
    ],
)
def test_only_the_supported_async_drivers_are_accepted(url: str, message: str) -> None:
    with pytest.raises(ConfigError, match=re.escape(message)):
        create_engine(url)


def test_sqlite_path_is_the_file_or_none_in_memory() -> None:
    assert sqlite_path("sqlite+aiosqlite:////var/lib/p/db.sqlite3") == Path("/var/lib/p/db.sqlite3")
    assert sqlite_path("sqlite+aiosqlite:///:memory:") is None
    assert sqlite_path("sqlite+aiosqlite://") is None
    assert is_sqlite("sqlite+aiosqlite:///x") and not is_sqlite("postgresql+asyncpg://h/d")


def test_private_file_creates_the_folder_0700_and_tightens_the_wal_companions(
    tmp_path: Path,
) -> None:
    db = tmp_path / "new" / "db.sqlite3"
    old = os.umask(0o022)
    try:
        private_file(db)
    finally:
        os.umask(old)
    assert stat.S_IMODE(db.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(db.stat().st_mode) == 0o600
    wal = db.with_name(db.name + "-wal")
    wal.touch()
    wal.chmod(0o644)
    private_file(db)
    assert stat.S_IMODE(wal.stat().st_mode) == 0o600


async def test_a_write_transaction_takes_the_lock_at_begin(tmp_path: Path) -> None:
    """BEGIN IMMEDIATE: a second writer waits for the lock at BEGIN rather than failing later."""
    db = tmp_path / "db.sqlite3"
    engine = create_engine(f"sqlite+aiosqlite:///{db}")
    try:
        async with engine.begin() as conn:
            await conn.exec_driver_sql("CREATE TABLE t (x INTEGER)")
        async with engine.begin() as conn:
            await conn.exec_driver_sql("SELECT 1")  # a read, yet the write lock is held
            other = sqlite3.connect(db, timeout=0)
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                other.execute("BEGIN IMMEDIATE")
            other.close()
    finally:
        await engine.dispose()


def test_an_unreachable_database_is_one_line_with_the_password_hidden(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("DATABASE_URL", "postgresql+asyncpg://phi:s3cret@db.internal/phi")
    wrapped = RuntimeError("connect failed")
    wrapped.__cause__ = ConnectionRefusedError(111, "Connection refused")
    line = database_unavailable(wrapped)
    assert line is not None and "Connection refused" in line
    assert "s3cret" not in line and "db.internal" in line
    assert database_unavailable(ValueError("a bug, not the database")) is None


async def test_a_write_cancelled_mid_statement_does_not_keep_the_sqlite_write_lock(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A writer cancelled while its statement still had rows to give (RETURNING, a SELECT in
    a write transaction) left a zombie connection holding the write lock until the garbage
    collector found its cursor: the next writer failed with "database is locked"."""
    import asyncio
    import gc
    import time

    from bot.config import Settings
    from bot.store import engine as engine_module
    from bot.store import open_store

    monkeypatch.setattr(engine_module, "SQLITE_BUSY_TIMEOUT_MS", 3000)  # fail fast without fix
    gc.disable()  # a collection would free the cursor (and the lock) by chance
    store = await open_store(Settings(database_url=f"sqlite+aiosqlite:///{tmp_path}/t.sqlite3"))
    try:
        await store.set_approved("T1", "C1", True, "U1")  # opens the kept write connection
        started = asyncio.Event()

        async def slow_write() -> None:
            async with store._write() as conn:
                raw = await conn.get_raw_connection()
                # A statement that is still running (and will have a row) when cancelled.
                await raw.driver_connection.create_function("pause", 1, time.sleep)
                started.set()
                await conn.exec_driver_sql("SELECT pause(1.0)")

        writer = asyncio.create_task(slow_write())
        await started.wait()
        await asyncio.sleep(0.2)
        writer.cancel()
        with pytest.raises(asyncio.CancelledError):
            await writer
        began = time.monotonic()
        await store.set_approved("T1", "C2", True, "U1")
        assert time.monotonic() - began < 2.5
        assert await store.list_approved("T1") == ["C1", "C2"]
    finally:
        gc.enable()
        await store.close()
