"""History sweeps: one row per sweep, advanced page by page with an optimistic `seq`.

Each page of a sweep runs as its own durable job, `sweep:<id>:<seq>`. The job may act only while
the row's `seq` is its own; it writes the new cursor and counts and bumps `seq` in one
conditional UPDATE, then enqueues the next page. A job re-run after a crash finds `seq` moved on
and only makes sure the next page job exists, so no page is counted twice and none is lost.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from bot.store._base import Repository
from bot.store.api import Sweep
from bot.store.models import sweeps, utcnow


def _sweep(row: Any) -> Sweep:
    return Sweep(
        sweep_id=row.sweep_id,
        team_id=row.team_id,
        channel_id=row.channel_id,
        requested_by=row.requested_by,
        mode=row.mode,
        oldest=row.oldest,
        status=row.status,
        seq=row.seq,
        state=dict(row.state or {}),
    )


class SweepRepo(Repository):
    async def create_sweep(self, sweep: Sweep) -> bool:
        """Record a new sweep; False if one with this id exists (a repeated command)."""
        now = utcnow()
        stmt = (
            self.upsert(sweeps)
            .values(
                sweep_id=sweep.sweep_id,
                team_id=sweep.team_id,
                channel_id=sweep.channel_id,
                requested_by=sweep.requested_by,
                mode=sweep.mode,
                oldest=sweep.oldest,
                status=sweep.status,
                seq=sweep.seq,
                state=sweep.state,
                created_at=now,
                updated_at=now,
            )
            .on_conflict_do_nothing(index_elements=["sweep_id"])
        )
        async with self._write() as conn:
            return bool((await conn.execute(stmt)).rowcount)

    async def get_sweep(self, sweep_id: str) -> Sweep | None:
        async with self._read() as conn:
            row = (
                await conn.execute(sa.select(sweeps).where(sweeps.c.sweep_id == sweep_id))
            ).first()
        return _sweep(row) if row is not None else None

    async def running_sweep(self, team_id: str, channel_id: str) -> Sweep | None:
        """The sweep still running in this channel, if any (one at a time per channel)."""
        query = sa.select(sweeps).where(
            sweeps.c.team_id == team_id,
            sweeps.c.channel_id == channel_id,
            sweeps.c.status == "running",
        )
        async with self._read() as conn:
            row = (await conn.execute(query)).first()
        return _sweep(row) if row is not None else None

    async def advance_sweep(
        self, sweep_id: str, seq: int, state: dict[str, Any], status: str = "running"
    ) -> bool:
        """Save `state` and move to `seq + 1`, only if the row is still at `seq`."""
        stmt = (
            sa.update(sweeps)
            .where(sweeps.c.sweep_id == sweep_id, sweeps.c.seq == seq)
            .values(seq=seq + 1, state=state, status=status, updated_at=utcnow())
        )
        async with self._write() as conn:
            return bool((await conn.execute(stmt)).rowcount)
