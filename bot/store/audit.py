"""The append-only audit trail (AuditStore) and consent attestations (ConsentStore).

There is no update or delete API here; the database refuses UPDATE with a trigger, and rows
leave only through the retention purge (`purge_before`). `detail` is guarded by
`bot.logging.safe_value`, so a caller's mistake cannot put free text into the trail.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from datetime import datetime
from typing import Any

import sqlalchemy as sa

from bot.logging import safe_value
from bot.store._base import Repository
from bot.store.api import AuditEvent, ConsentAttestation
from bot.store.models import audit_events, consent_attestations, utcnow


def _row(event: AuditEvent) -> dict[str, Any]:
    return {
        "at": event.at or utcnow(),
        "team_id": event.team_id,
        "channel_id": event.channel_id,
        "user_id": event.user_id,
        "event": event.event,
        "action": event.action,
        "verdict": event.verdict,
        "kinds": [safe_value(kind) for kind in event.kinds],
        "counts": {str(k): int(v) for k, v in event.counts.items()},
        "detail": safe_value(dict(event.detail)),
        "message_hash": event.message_hash,
    }


class AuditRepo(Repository):
    async def append(self, event: AuditEvent) -> None:
        async with self._write() as conn:
            await conn.execute(sa.insert(audit_events).values(_row(event)))

    async def recent_counts(self, team_id: str, since: datetime) -> dict[str, int]:
        """Counts since `since`: by event name, plus `action:<action>` and `verdict:<verdict>`."""
        query = (
            sa.select(
                audit_events.c.event,
                audit_events.c.action,
                audit_events.c.verdict,
                sa.func.count().label("n"),
            )
            .where(audit_events.c.team_id == team_id, audit_events.c.at >= since)
            .group_by(audit_events.c.event, audit_events.c.action, audit_events.c.verdict)
        )
        counts: dict[str, int] = {}
        async with self._read() as conn:
            for row in await conn.execute(query):
                counts[row.event] = counts.get(row.event, 0) + row.n
                if row.action:
                    key = f"action:{row.action}"
                    counts[key] = counts.get(key, 0) + row.n
                if row.verdict:
                    key = f"verdict:{row.verdict}"
                    counts[key] = counts.get(key, 0) + row.n
        return counts

    async def find_scan_event(self, team_id: str, job_id: str) -> dict[str, Any] | None:
        """The `scan` audit row of one job in one workspace (for a false-positive report)."""
        query = (
            sa.select(audit_events)
            .where(
                audit_events.c.team_id == team_id,
                audit_events.c.event == "scan",
                audit_events.c.detail["job_id"].as_string() == job_id,
            )
            .order_by(audit_events.c.id.desc())
            .limit(1)
        )
        async with self._read() as conn:
            row = (await conn.execute(query)).first()
        return dict(row._mapping) if row is not None else None

    async def audit_rows(
        self, since: datetime, until: datetime | None = None, team_id: str | None = None
    ) -> list[dict[str, Any]]:
        """Audit events in time order, each with its consent attestation when it has one."""
        return [row async for row in self.iter_audit_rows(since, until, team_id)]

    async def iter_audit_rows(
        self,
        since: datetime,
        until: datetime | None = None,
        team_id: str | None = None,
        batch: int = 1000,
    ) -> AsyncIterator[dict[str, Any]]:
        """Like `audit_rows`, in pages of `batch` (keyset on time and id) for large exports."""
        after: tuple[datetime, int] | None = None
        while True:
            query = self._export_query(since, until, team_id).limit(batch)
            if after is not None:
                query = query.where(
                    sa.or_(
                        audit_events.c.at > after[0],
                        sa.and_(audit_events.c.at == after[0], audit_events.c.id > after[1]),
                    )
                )
            async with self._read() as conn:
                rows = [dict(row._mapping) for row in await conn.execute(query)]
            for row in rows:
                yield row
            if len(rows) < batch:
                return
            after = (rows[-1]["at"], rows[-1]["id"])

    def _export_query(
        self, since: datetime, until: datetime | None, team_id: str | None
    ) -> sa.Select[Any]:
        att = consent_attestations
        query = (
            sa.select(
                audit_events,
                att.c.points.label("att_points"),
                att.c.intended_use.label("att_intended_use"),
                att.c.channel_approved.label("att_channel_approved"),
            )
            .select_from(
                audit_events.outerjoin(
                    att,
                    sa.and_(
                        audit_events.c.event == "consent",
                        att.c.attestation_id == audit_events.c.detail["attestation_id"].as_string(),
                    ),
                )
            )
            .where(audit_events.c.at >= since)
            .order_by(audit_events.c.at, audit_events.c.id)
        )
        if until is not None:
            query = query.where(audit_events.c.at < until)
        if team_id is not None:
            query = query.where(audit_events.c.team_id == team_id)
        return query

    async def record_attestation(self, attestation: ConsentAttestation) -> None:
        """Store the attestation and its `consent` audit event atomically (first write wins)."""
        at = attestation.at or utcnow()
        stmt = (
            self.upsert(consent_attestations)
            .values(
                attestation_id=attestation.attestation_id,
                team_id=attestation.team_id,
                channel_id=attestation.channel_id,
                user_id=attestation.user_id,
                confirm_id=attestation.confirm_id,
                points=[safe_value(p) for p in attestation.points],
                intended_use=safe_value(attestation.intended_use),
                channel_approved=attestation.channel_approved,
                at=at,
            )
            .on_conflict_do_nothing(index_elements=["attestation_id"])
        )
        async with self._write() as conn:
            inserted = (await conn.execute(stmt)).rowcount
            if inserted:
                await conn.execute(
                    sa.insert(audit_events).values(
                        _row(
                            AuditEvent(
                                team_id=attestation.team_id,
                                channel_id=attestation.channel_id,
                                user_id=attestation.user_id,
                                event="consent",
                                action="attest",
                                detail={
                                    "confirm_id": attestation.confirm_id,
                                    "attestation_id": attestation.attestation_id,
                                },
                                at=at,
                            )
                        )
                    )
                )

    async def get_attestations(self, confirm_id: str) -> Sequence[ConsentAttestation]:
        query = sa.select(consent_attestations).where(
            consent_attestations.c.confirm_id == confirm_id
        )
        async with self._read() as conn:
            rows = (await conn.execute(query)).all()
        return [
            ConsentAttestation(
                attestation_id=r.attestation_id,
                team_id=r.team_id,
                channel_id=r.channel_id,
                user_id=r.user_id,
                confirm_id=r.confirm_id,
                points=tuple(r.points),
                intended_use=r.intended_use,
                channel_approved=r.channel_approved,
                at=r.at,
            )
            for r in rows
        ]

    async def purge_audit_before(self, cutoff: datetime) -> int:
        """Retention: delete audit events and attestations older than `cutoff`; returns rows."""
        async with self._write() as conn:
            deleted = (
                await conn.execute(sa.delete(audit_events).where(audit_events.c.at < cutoff))
            ).rowcount
            await conn.execute(
                sa.delete(consent_attestations).where(consent_attestations.c.at < cutoff)
            )
        return int(deleted or 0)
