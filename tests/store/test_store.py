"""`Store` and `open_store`: one object behind every storage protocol, SQLite migrated on open
(PostgreSQL only when asked), a failed migration one `StoreError`, WAL checkpoints off the
commit path, and `ping` false once the database is gone."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bot.config import Settings
from bot.errors import StoreError
from bot.store import Store, open_store
from bot.store.api import ScanJob
from bot.store.migrate import current_revision


def job(job_id: str) -> ScanJob:
    return ScanJob(job_id=job_id, team_id="T1", channel_id="C1", kind="message", payload={})


async def test_sqlite_checkpoints_in_the_background_not_in_commits(store: Store) -> None:
    if store.dialect != "sqlite":
        pytest.skip("SQLite pragma")
    async with store.engine.connect() as conn:
        assert (await conn.exec_driver_sql("PRAGMA wal_autocheckpoint")).scalar() == 0
    for i in range(50):
        await store.insert_job(job(f"E{i}"))
    await store.checkpoint("TRUNCATE")
    assert store._checkpointer is not None and not store._checkpointer.done()


async def test_every_protocol_view_is_the_store_itself(store: Store) -> None:
    views = (store.policies, store.audit, store.confirms, store.consents, store.dedupe)
    assert all(view is store for view in (*views, store.actions))
    assert await store.ping() is True


async def test_sqlite_is_migrated_on_open_unless_told_not_to(tmp_path: Path) -> None:
    migrated = await open_store(Settings(database_url=f"sqlite+aiosqlite:///{tmp_path}/a.db"))
    bare = await open_store(
        Settings(database_url=f"sqlite+aiosqlite:///{tmp_path}/b.db"), upgrade_schema=False
    )
    try:
        assert await current_revision(migrated.engine) is not None
        assert await current_revision(bare.engine) is None
    finally:
        await migrated.close()
        await bare.close()


async def test_a_failed_migration_is_one_store_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def broken(engine: Any) -> None:
        raise RuntimeError("near 'Jane': syntax error")

    monkeypatch.setattr("bot.store.store.upgrade", broken)
    with pytest.raises(StoreError, match=r"migration failed \(RuntimeError\)") as caught:
        await open_store(Settings(database_url=f"sqlite+aiosqlite:///{tmp_path}/c.db"))
    assert "Jane" not in str(caught.value)


async def test_ping_is_false_once_the_database_is_gone(tmp_path: Path) -> None:
    store = await open_store(Settings(database_url=f"sqlite+aiosqlite:///{tmp_path}/d.db"))
    assert await store.ping() is True
    await store.close()
    (tmp_path / "d.db").unlink()
    (tmp_path / "d.db").mkdir()  # the path is now a folder: SQLite cannot open it
    assert await store.ping() is False
    await store.engine.dispose()
