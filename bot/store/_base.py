"""What every repository shares: the engine and an INSERT that knows `ON CONFLICT`."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncEngine


class Repository:
    """Base of the repositories; the `Store` inherits them all and shares one engine."""

    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def upsert(self, table: sa.Table) -> Any:
        """A dialect INSERT with `.on_conflict_do_nothing()` / `.on_conflict_do_update()`."""
        if self.dialect == "postgresql":
            return postgresql.insert(table)
        return sqlite.insert(table)
