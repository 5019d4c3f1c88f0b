"""Idempotency keys: event dedupe (EventDedupe) and the gateway's action log (ActionLog)."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import sqlalchemy as sa

from bot.logging import safe_value
from bot.store._base import Repository
from bot.store.models import event_dedupe, gateway_actions, utcnow

# Slack retries an event for about an hour; a day is comfortably longer.
DEDUPE_TTL = timedelta(hours=24)


class KeyRepo(Repository):
    dedupe_ttl: timedelta = DEDUPE_TTL

    async def claim(self, key: str) -> bool:
        """True the first time `key` is seen (or after its entry expired), False otherwise."""
        now = utcnow()
        expires = now + self.dedupe_ttl
        stmt = (
            self.upsert(event_dedupe)
            .values(key=key, expires_at=expires)
            .on_conflict_do_update(
                index_elements=["key"],
                set_={"expires_at": expires},
                where=event_dedupe.c.expires_at < now,
            )
        )
        async with self._write(urgent=True) as conn:
            return (await conn.execute(stmt)).rowcount == 1

    async def get_action(self, key: str) -> dict[str, Any] | None:
        query = sa.select(gateway_actions.c.result).where(gateway_actions.c.key == key)
        async with self._read() as conn:
            result = (await conn.execute(query)).scalar_one_or_none()
        return None if result is None else dict(result)

    async def record_action(
        self, key: str, result: dict[str, Any], *, replace: bool = False
    ) -> None:
        """Remember that the step `key` happened (ids only); the first record wins unless `replace`."""
        now, value = utcnow(), safe_value(dict(result))
        insert = self.upsert(gateway_actions).values(key=key, result=value, created_at=now)
        stmt = (
            insert.on_conflict_do_update(
                index_elements=["key"], set_={"result": value, "created_at": now}
            )
            if replace
            else insert.on_conflict_do_nothing(index_elements=["key"])
        )
        async with self._write() as conn:
            await conn.execute(stmt)

    async def purge_keys_before(self, now: datetime, action_cutoff: datetime) -> int:
        async with self._write() as conn:
            a = await conn.execute(sa.delete(event_dedupe).where(event_dedupe.c.expires_at < now))
            b = await conn.execute(
                sa.delete(gateway_actions).where(gateway_actions.c.created_at < action_cutoff)
            )
        return int((a.rowcount or 0) + (b.rowcount or 0))
