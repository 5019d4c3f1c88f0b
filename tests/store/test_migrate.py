"""The packaged migrations: a fresh database has no revision, `upgrade` brings it to the head
of the scripts shipped in `bot/store/migrations`, and running it again changes nothing."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa
from alembic.script import ScriptDirectory

from bot.store.engine import create_engine
from bot.store.migrate import MIGRATIONS_DIR, alembic_config, current_revision, upgrade
from bot.store.models import metadata


def test_the_migrations_ship_inside_the_package_with_one_head() -> None:
    assert MIGRATIONS_DIR.is_dir() and (MIGRATIONS_DIR / "env.py").exists()
    heads = ScriptDirectory.from_config(alembic_config()).get_heads()
    assert len(heads) == 1


async def test_upgrade_reaches_the_head_and_is_repeatable(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite+aiosqlite:///{tmp_path}/m.sqlite3")
    try:
        assert await current_revision(engine) is None
        await upgrade(engine)
        head = ScriptDirectory.from_config(alembic_config()).get_current_head()
        assert await current_revision(engine) == head
        await upgrade(engine)
        assert await current_revision(engine) == head
        async with engine.connect() as conn:
            tables = set(await conn.run_sync(lambda c: sa.inspect(c).get_table_names()))
        assert {t.name for t in metadata.sorted_tables} <= tables
    finally:
        await engine.dispose()
