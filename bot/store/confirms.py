"""Pending confirms (ConfirmStore): a hidden post waiting for its author, resolved exactly once."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa

from bot.store._base import Repository
from bot.store.api import PendingConfirm
from bot.store.models import pending_confirms, utcnow

PENDING = "pending"


class ConfirmRepo(Repository):
    def _pending(self, row: Any) -> PendingConfirm:
        return PendingConfirm(
            confirm_id=row.confirm_id,
            team_id=row.team_id,
            channel_id=row.channel_id,
            user_id=row.user_id,
            message_ts=row.message_ts,
            thread_ts=row.thread_ts,
            expires_at=row.expires_at,
            payload=self.sealer.open(row.payload),
        )

    async def save_pending(self, pending: PendingConfirm) -> None:
        """Insert the pending confirm; saving the same id again is a no-op (retried jobs)."""
        stmt = (
            self.upsert(pending_confirms)
            .values(
                confirm_id=pending.confirm_id,
                team_id=pending.team_id,
                channel_id=pending.channel_id,
                user_id=pending.user_id,
                message_ts=pending.message_ts,
                thread_ts=pending.thread_ts,
                expires_at=pending.expires_at,
                payload=self.sealer.seal(pending.payload),
                status=PENDING,
                created_at=utcnow(),
            )
            .on_conflict_do_nothing(index_elements=["confirm_id"])
        )
        async with self._write() as conn:
            await conn.execute(stmt)

    async def get_pending(self, confirm_id: str) -> PendingConfirm | None:
        """The confirm while it is still pending; None once resolved or unknown."""
        query = sa.select(pending_confirms).where(
            pending_confirms.c.confirm_id == confirm_id, pending_confirms.c.status == PENDING
        )
        async with self._read() as conn:
            row = (await conn.execute(query)).one_or_none()
        return None if row is None else self._pending(row)

    async def resolve_pending(
        self, confirm_id: str, outcome: str, actor: str
    ) -> PendingConfirm | None:
        """Mark resolved and drop the payload; only the first caller gets the record back."""
        async with self._write() as conn:
            row = (
                await conn.execute(
                    sa.select(pending_confirms).where(
                        pending_confirms.c.confirm_id == confirm_id,
                        pending_confirms.c.status == PENDING,
                    )
                )
            ).one_or_none()
            if row is None:
                return None
            won = (
                await conn.execute(
                    sa.update(pending_confirms)
                    .where(
                        pending_confirms.c.confirm_id == confirm_id,
                        pending_confirms.c.status == PENDING,
                    )
                    .values(
                        status=outcome or "resolved",
                        resolved_by=actor,
                        resolved_at=utcnow(),
                        payload=None,
                    )
                )
            ).rowcount
        return self._pending(row) if won == 1 else None

    async def expired(self, now: datetime) -> list[PendingConfirm]:
        """Pending confirms whose timeout has passed (the sweeper resolves each with a default)."""
        query = (
            sa.select(pending_confirms)
            .where(pending_confirms.c.status == PENDING, pending_confirms.c.expires_at <= now)
            .order_by(pending_confirms.c.expires_at)
            .limit(500)
        )
        async with self._read() as conn:
            return [self._pending(row) for row in await conn.execute(query)]

    async def purge_resolved_before(self, cutoff: datetime) -> int:
        stmt = sa.delete(pending_confirms).where(
            pending_confirms.c.status != PENDING, pending_confirms.c.resolved_at < cutoff
        )
        async with self._write() as conn:
            return int((await conn.execute(stmt)).rowcount or 0)
