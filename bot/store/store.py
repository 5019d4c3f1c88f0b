"""`Store`: one object that implements every storage protocol on one SQLAlchemy engine.

`open_store(settings)` is the entry point the app, the worker and the CLI use: it creates the
engine, runs the migrations when the database is the embedded SQLite default (PostgreSQL is
upgraded explicitly with `phiwarden db upgrade`, or with `upgrade=True`), and returns the store.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from datetime import timedelta
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.config import Settings
from bot.errors import StoreError
from bot.logging import log_event
from bot.store.audit import AuditRepo
from bot.store.confirms import ConfirmRepo
from bot.store.engine import create_engine, is_sqlite
from bot.store.jobrepo import JobRepo
from bot.store.keys import KeyRepo
from bot.store.migrate import upgrade
from bot.store.models import oauth_states, utcnow
from bot.store.policies import PolicyRepo
from bot.store.sealed import PayloadSealer
from bot.store.sweeps import SweepRepo
from bot.store.tallies import TallyRepo
from bot.store.terms import TermRepo
from bot.store.workspace_settings import WorkspaceSettingsRepo

if TYPE_CHECKING:
    from bot.store.installations import DbInstallationStore, DbOAuthStateStore

log = logging.getLogger(__name__)

# Finished jobs and gateway keys are kept a week for diagnosis (no PHI left in them).
FINISHED_JOB_RETENTION = timedelta(days=7)


class Store(
    PolicyRepo,
    AuditRepo,
    ConfirmRepo,
    KeyRepo,
    JobRepo,
    WorkspaceSettingsRepo,
    TallyRepo,
    SweepRepo,
    TermRepo,
):
    """PolicyStore + AuditStore + ConfirmStore + ConsentStore + EventDedupe + ActionLog +
    WorkspaceSettingsStore + ScanTally + SweepStore + TermStore, and
    the job table behind `bot.jobs.runner`. The protocol-named attributes (`store.policies`, ...) all
    point at the store itself, for callers that prefer to inject one collaborator each.
    """

    def __init__(
        self, engine: AsyncEngine, retention_days: int = 365, settings: Settings | None = None
    ) -> None:
        self.settings = settings or Settings()
        super().__init__(
            engine,
            PayloadSealer(self.settings.token_encryption_key, self.settings.slack_signing_secret),
        )
        self.retention_days = retention_days
        self._oauth: tuple[DbInstallationStore, DbOAuthStateStore] | None = None
        self._checkpointer: asyncio.Task[None] | None = None

    @property
    def installation_store(self) -> DbInstallationStore:
        """slack_sdk `AsyncInstallationStore` on this database (tokens encrypted)."""
        return self.oauth_stores(self.settings)[0]

    @property
    def oauth_state_store(self) -> DbOAuthStateStore:
        return self.oauth_stores(self.settings)[1]

    @property
    def policies(self) -> Store:
        return self

    @property
    def audit(self) -> Store:
        return self

    @property
    def confirms(self) -> Store:
        return self

    @property
    def consents(self) -> Store:
        return self

    @property
    def dedupe(self) -> Store:
        return self

    @property
    def actions(self) -> Store:
        return self

    def oauth_stores(self, settings: Settings) -> tuple[DbInstallationStore, DbOAuthStateStore]:
        """Installation and OAuth state stores for Bolt's OAuth flow (multi-workspace mode)."""
        from bot.store.installations import installation_stores

        if settings is not self.settings or self._oauth is None:
            stores = installation_stores(
                self.engine, settings.slack_client_id, settings.token_encryption_key
            )
            if settings is not self.settings:
                return stores
            self._oauth = stores
        return self._oauth

    def start_maintenance(self, interval: float = 1.0) -> None:
        """SQLite: checkpoint the WAL in the background (PASSIVE: never blocks a writer)."""
        if self.dialect != "sqlite" or self._checkpointer is not None:
            return
        self._checkpointer = asyncio.create_task(
            self._checkpoint_forever(interval), name="phiwarden-wal-checkpoint"
        )

    async def _checkpoint_forever(self, interval: float) -> None:
        while True:
            await asyncio.sleep(interval)
            try:
                await self.checkpoint()
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                log_event(
                    log, logging.WARNING, "WAL checkpoint failed", error_type=type(exc).__name__
                )

    async def checkpoint(self, mode: str = "PASSIVE") -> None:
        async with self._read() as conn:
            await conn.exec_driver_sql(f"PRAGMA wal_checkpoint({mode})")

    async def ping(self) -> bool:
        """True when the database answers (for `/healthz`)."""
        try:
            async with self._read() as conn:
                await conn.execute(sa.text("SELECT 1"))
        except Exception:  # any driver error means unhealthy
            return False
        return True

    async def purge(self) -> dict[str, int]:
        """Retention: audit older than `retention_days`, finished jobs and stale keys."""
        now = utcnow()
        week_ago = now - FINISHED_JOB_RETENTION
        async with self._write() as conn:
            states = (
                await conn.execute(sa.delete(oauth_states).where(oauth_states.c.expires_at < now))
            ).rowcount
        return {
            "audit": await self.purge_audit_before(now - timedelta(days=self.retention_days)),
            "jobs": await self.purge_finished_before(week_ago),
            "confirms": await self.purge_resolved_before(week_ago),
            "keys": await self.purge_keys_before(now, week_ago),
            "oauth_states": int(states or 0),
        }

    async def close(self) -> None:
        if self._checkpointer is not None:
            self._checkpointer.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._checkpointer
            self._checkpointer = None
            with contextlib.suppress(Exception):
                await self.checkpoint()  # PASSIVE: never waits on another process
        if self._gate is not None:
            await self._gate.acquire(urgent=True)  # let a write in progress finish first
            try:
                with contextlib.suppress(Exception):
                    await self.close_writer()
            finally:
                self._gate.release()
        await self.engine.dispose()


async def open_store(
    settings: Settings, *, upgrade_schema: bool | None = None, **engine_kwargs: Any
) -> Store:
    """Create the engine for `settings.database_url` and return a ready `Store`.

    `upgrade_schema` defaults to True for SQLite (the embedded default needs no set-up) and
    False for PostgreSQL, where several replicas start at once and `phiwarden db upgrade` runs
    first (docker-compose does this in a one-shot service).
    """
    engine = create_engine(settings.database_url, **engine_kwargs)
    if upgrade_schema is None:
        upgrade_schema = is_sqlite(settings.database_url)
    if upgrade_schema:
        try:
            await upgrade(engine)
        except Exception as exc:
            await engine.dispose()
            raise StoreError(
                f"database migration failed ({type(exc).__name__}); check DATABASE_URL"
            ) from exc
    store = Store(engine, retention_days=settings.retention_days, settings=settings)
    store.start_maintenance()
    return store
