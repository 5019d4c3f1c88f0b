"""Engine creation for the embedded SQLite default and for PostgreSQL.

SQLite gets WAL (readers never block the writer), a busy timeout, and `BEGIN IMMEDIATE` for
every write transaction so that two writers queue on the lock instead of failing with
"database is locked" when a read transaction upgrades to a write.
PostgreSQL gets `pool_pre_ping` so a database restart costs one reconnect, not a crash.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import ExceptionContext, make_url
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

from bot.errors import ConfigError

SQLITE_BUSY_TIMEOUT_MS = 15_000


def is_sqlite(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def sqlite_path(url: str) -> Path | None:
    """The database file of a SQLite URL, or None for an in-memory database."""
    database = make_url(url).database
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    return Path(database)


def private_file(path: Path) -> None:
    """Create the SQLite file readable by its owner only (0600), or tighten an existing one.

    SQLite gives its `-wal` and `-shm` files the database file's permissions, so they follow.
    A held post is sealed (`bot.store.sealed`) but ids, kinds and the audit trail are not
    for everyone on the host either.
    """
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        if path.stat().st_mode & 0o077:
            path.chmod(0o600)
    else:
        os.close(fd)
    for suffix in ("-wal", "-shm"):
        companion = path.with_name(path.name + suffix)
        if companion.exists() and companion.stat().st_mode & 0o077:
            companion.chmod(0o600)


def create_engine(database_url: str, **kwargs: Any) -> AsyncEngine:
    """An async engine for `database_url`, creating the SQLite file's folder if needed."""
    try:
        url = make_url(database_url)
    except Exception as exc:  # sqlalchemy raises ArgumentError subclasses
        raise ConfigError("DATABASE_URL is not a valid SQLAlchemy URL") from exc
    backend, driver = url.get_backend_name(), url.get_driver_name()
    if backend == "sqlite":
        if driver != "aiosqlite":
            raise ConfigError("DATABASE_URL for SQLite must use sqlite+aiosqlite://")
        path = sqlite_path(database_url)
        if path is not None:
            private_file(path)
        engine = create_async_engine(url, **kwargs)
        _tune_sqlite(engine)
        return engine
    if backend == "postgresql":
        if driver != "asyncpg":
            raise ConfigError("DATABASE_URL for PostgreSQL must use postgresql+asyncpg://")
        kwargs.setdefault("pool_pre_ping", True)
        kwargs.setdefault("pool_size", 10)
        kwargs.setdefault("max_overflow", 10)
        return create_async_engine(url, **kwargs)
    raise ConfigError(f"DATABASE_URL backend {backend!r} is not supported (sqlite or postgresql)")


def _tune_sqlite(engine: AsyncEngine) -> None:
    sync_engine = engine.sync_engine

    @event.listens_for(sync_engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let us issue BEGIN ourselves (pysqlite's implicit BEGIN is DEFERRED).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        # NORMAL in WAL mode survives a process crash (kill -9); only power loss can drop
        # the last transactions.
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        # Overwrite deleted content with zeros: a nulled job payload (message text) must not
        # linger in free pages of the file.
        cursor.execute("PRAGMA secure_delete=ON")
        # No checkpoint inside a commit (it would stall the write that triggers it, i.e. an
        # ack); `Store` runs passive checkpoints in the background instead.
        cursor.execute("PRAGMA wal_autocheckpoint=0")
        cursor.close()

    @event.listens_for(sync_engine, "handle_error")
    def _on_error(context: ExceptionContext) -> None:
        # A task cancelled mid-statement (a stopping queue, say) leaves the statement's
        # cursor un-reset when its rows were not all read (RETURNING, a SELECT in a write).
        # SQLAlchemy then closes the connection, but sqlite3_close_v2 with an unfinalized
        # statement only "marks the database connection as an unusable zombie" and frees it
        # once the statements are finalized (https://sqlite.org/c3ref/close.html): the zombie
        # kept its transaction, and the write lock, until the cursor was garbage-collected,
        # and every other writer waited out the busy timeout and failed with "database is
        # locked". Closing the cursor first resets the statement, so the close is real. Only
        # for interruptions (not an `Exception`): a failed statement is reset by the driver.
        execution = context.execution_context
        if isinstance(context.original_exception, Exception) or execution is None:
            return
        with contextlib.suppress(BaseException):
            execution.cursor.close()

    @event.listens_for(sync_engine, "begin")
    def _on_begin(conn: Any) -> None:
        # Reads (Repository._read) take a deferred transaction: WAL never blocks them.
        read = conn.get_execution_options().get("phiwarden_read", False)
        conn.exec_driver_sql("BEGIN" if read else "BEGIN IMMEDIATE")


def database_unavailable(exc: BaseException) -> str | None:
    """One line for a database that cannot be reached or opened, else None.

    Walks the exception chain (SQLAlchemy wraps the driver's errors) for a refused or failed
    connection, a missing database, bad credentials, or a SQLite file that cannot be created or
    written. The URL is shown with its password hidden.
    """
    from bot.config import Settings

    try:
        url = make_url(Settings().database_url).render_as_string(hide_password=True)
    except Exception:
        url = "DATABASE_URL"
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        name = type(current).__name__
        text = str(current).splitlines()[0] if str(current) else name
        if name == "InvalidCatalogNameError":
            return f"DATABASE_URL: the database does not exist ({url}); create it first"
        if name in ("InvalidPasswordError", "InvalidAuthorizationSpecificationError"):
            return f"DATABASE_URL: the database refused the user or password ({url})"
        if name in ("OperationalError", "DatabaseError") and "sqlite" in type(current).__module__:
            return f"DATABASE_URL: cannot open or write the SQLite file ({url}): {text}"
        if isinstance(current, OSError):
            reason = current.strerror or text
            return f"DATABASE_URL: cannot reach or create the database ({url}): {reason}"
        current = current.__cause__ or current.__context__
    return None
