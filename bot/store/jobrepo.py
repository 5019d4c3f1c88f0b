"""Scan jobs in the database: the durable record behind both queues.

A job is inserted before its event is acked (`insert_job`), claimed with a lease
(`claim_jobs` / `claim_job`), and finished with `complete_job` (payload dropped: it holds the
message text), `retry_job` (back to pending after a delay) or `fail_job` (payload dropped too).
A worker that dies leaves a `running` row whose lease expires; the next claim takes it over.
Claims are single `UPDATE ... RETURNING` statements (with `FOR UPDATE SKIP LOCKED` on
PostgreSQL), so two workers never hold the same job.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import sqlalchemy as sa

from bot.store._base import Repository
from bot.store.api import ScanJob
from bot.store.models import scan_jobs, utcnow

PENDING, RUNNING, DONE, FAILED = "pending", "running", "done", "failed"


class JobRepo(Repository):
    def _job(self, row: Any) -> ScanJob:
        return ScanJob(
            job_id=row.job_id,
            team_id=row.team_id,
            channel_id=row.channel_id,
            kind=row.kind,
            payload=self.sealer.open(row.payload),
            attempts=row.attempts,
        )

    async def insert_job(self, job: ScanJob, delay: timedelta | None = None) -> bool:
        """Durably record `job`; False (and nothing changes) if its id already exists."""
        now = utcnow()
        stmt = (
            self.upsert(scan_jobs)
            .values(
                job_id=job.job_id,
                team_id=job.team_id,
                channel_id=job.channel_id,
                kind=job.kind,
                payload=self.sealer.seal(job.payload),
                status=PENDING,
                attempts=0,
                available_at=now + delay if delay else now,
                created_at=now,
            )
            .on_conflict_do_nothing(index_elements=["job_id"])
        )
        async with self._write(urgent=True) as conn:
            return (await conn.execute(stmt)).rowcount == 1

    def _claimable(self, now: datetime) -> sa.ColumnElement[bool]:
        return sa.or_(
            sa.and_(scan_jobs.c.status == PENDING, scan_jobs.c.available_at <= now),
            sa.and_(scan_jobs.c.status == RUNNING, scan_jobs.c.lease_until < now),
        )

    async def claim_jobs(self, owner: str, limit: int, lease: timedelta) -> list[ScanJob]:
        """Lease up to `limit` ready jobs (pending and due, or running with an expired lease)."""
        if limit <= 0:
            return []
        now = utcnow()
        ready = (
            sa.select(scan_jobs.c.job_id)
            .where(self._claimable(now))
            .order_by(scan_jobs.c.available_at)
            .limit(limit)
            .with_for_update(skip_locked=True)
            .scalar_subquery()
        )
        return await self._lease(scan_jobs.c.job_id.in_(ready), owner, now, lease)

    async def claim_job(self, job_id: str, owner: str, lease: timedelta) -> ScanJob | None:
        """Lease one job by id if it is claimable now (used by the Redis workers)."""
        now = utcnow()
        where = sa.and_(scan_jobs.c.job_id == job_id, self._claimable(now))
        jobs = await self._lease(where, owner, now, lease)
        return jobs[0] if jobs else None

    async def _lease(
        self, where: sa.ColumnElement[bool], owner: str, now: datetime, lease: timedelta
    ) -> list[ScanJob]:
        stmt = (
            sa.update(scan_jobs)
            .where(where)
            .values(
                status=RUNNING,
                lease_until=now + lease,
                lease_owner=owner,
                attempts=scan_jobs.c.attempts + 1,
            )
            .returning(*scan_jobs.c)
        )
        async with self._write() as conn:
            rows = (await conn.execute(stmt)).all()
        return sorted((self._job(row) for row in rows), key=lambda j: j.job_id)

    async def extend_lease(self, job_id: str, owner: str, lease: timedelta) -> bool:
        """Heartbeat: push the lease out while the handler still runs; False if lost."""
        stmt = (
            sa.update(scan_jobs)
            .where(
                scan_jobs.c.job_id == job_id,
                scan_jobs.c.status == RUNNING,
                scan_jobs.c.lease_owner == owner,
            )
            .values(lease_until=utcnow() + lease)
        )
        async with self._write() as conn:
            return (await conn.execute(stmt)).rowcount == 1

    async def complete_job(self, job_id: str) -> None:
        """Mark done and drop the payload (it holds the message text)."""
        await self._finish(job_id, DONE, None)

    async def complete_jobs(self, job_ids: list[str]) -> None:
        """`complete_job` for several jobs in one write transaction (the embedded runner
        coalesces completions so the ack path's insert waits behind fewer transactions)."""
        if not job_ids:
            return
        stmt = (
            sa.update(scan_jobs)
            .where(scan_jobs.c.job_id.in_(job_ids))
            .values(
                status=DONE,
                payload=None,
                lease_until=None,
                lease_owner=None,
                finished_at=utcnow(),
                last_error=None,
            )
        )
        async with self._write() as conn:
            await conn.execute(stmt)

    async def fail_job(self, job_id: str, error_type: str) -> None:
        """Give up: mark failed and drop the payload; the caller audits the failure."""
        await self._finish(job_id, FAILED, error_type)

    async def _finish(self, job_id: str, status: str, error_type: str | None) -> None:
        stmt = (
            sa.update(scan_jobs)
            .where(scan_jobs.c.job_id == job_id)
            .values(
                status=status,
                payload=None,
                lease_until=None,
                lease_owner=None,
                finished_at=utcnow(),
                last_error=error_type,
            )
        )
        async with self._write() as conn:
            await conn.execute(stmt)

    async def retry_job(self, job_id: str, delay: timedelta, error_type: str) -> None:
        """Back to pending after `delay`; `attempts` already counts the failed try."""
        stmt = (
            sa.update(scan_jobs)
            .where(scan_jobs.c.job_id == job_id, scan_jobs.c.status == RUNNING)
            .values(
                status=PENDING,
                available_at=utcnow() + delay,
                lease_until=None,
                lease_owner=None,
                last_error=error_type[:128],
            )
        )
        async with self._write() as conn:
            await conn.execute(stmt)

    async def release_running(self, owner: str | None = None) -> int:
        """Put running jobs back to pending (all, or one owner's): start-up recovery."""
        stmt = sa.update(scan_jobs).where(scan_jobs.c.status == RUNNING)
        if owner is not None:
            stmt = stmt.where(scan_jobs.c.lease_owner == owner)
        stmt = stmt.values(status=PENDING, lease_until=None, lease_owner=None)
        async with self._write() as conn:
            return int((await conn.execute(stmt)).rowcount or 0)

    async def ready_job_ids(self, limit: int, older_than: timedelta) -> list[str]:
        """Claimable jobs that have waited at least `older_than` (the Redis sweeper resends them)."""
        now = utcnow()
        query = (
            sa.select(scan_jobs.c.job_id)
            .where(self._claimable(now), scan_jobs.c.available_at <= now - older_than)
            .order_by(scan_jobs.c.available_at)
            .limit(limit)
        )
        async with self._read() as conn:
            return list((await conn.execute(query)).scalars())

    async def job_status(self, job_id: str) -> dict[str, Any] | None:
        """Status, attempts and whether a payload is still held (for tests and ops)."""
        query = sa.select(
            scan_jobs.c.status,
            scan_jobs.c.attempts,
            scan_jobs.c.last_error,
            (scan_jobs.c.payload.is_not(None)).label("has_payload"),
        ).where(scan_jobs.c.job_id == job_id)
        async with self._read() as conn:
            row = (await conn.execute(query)).one_or_none()
        return None if row is None else dict(row._mapping)

    async def queue_depth(self) -> int:
        """Jobs not yet finished (pending or running)."""
        query = sa.select(sa.func.count()).where(scan_jobs.c.status.in_((PENDING, RUNNING)))
        async with self._read() as conn:
            return int((await conn.execute(query)).scalar_one())

    async def job_counts(self) -> dict[str, int]:
        query = sa.select(scan_jobs.c.status, sa.func.count()).group_by(scan_jobs.c.status)
        async with self._read() as conn:
            return {status: int(n) for status, n in await conn.execute(query)}

    async def purge_finished_before(self, cutoff: datetime) -> int:
        stmt = sa.delete(scan_jobs).where(
            scan_jobs.c.status.in_((DONE, FAILED)), scan_jobs.c.finished_at < cutoff
        )
        async with self._write() as conn:
            return int((await conn.execute(stmt)).rowcount or 0)


__all__ = ["DONE", "FAILED", "PENDING", "RUNNING", "JobRepo"]
